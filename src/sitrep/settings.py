"""Settings as data: every knob with its default and help text (docs/settings.md is generated
from this table by `scripts/gen_settings_doc.py`)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    batch_size: int = field(default=64, metadata={
        "help": "articles per batch through the NLP stage; memory grows with it, not with the corpus"})
    n_process: int = field(default=1, metadata={
        "help": "worker processes for stages 2-4 (sitrep/parallel.py), forked from one process that loaded the model once; use the number of cores on big runs"})
    max_bytes: int = field(default=50 * 1024 * 1024, metadata={
        "help": "inputs larger than this are recorded as too_large and not read"})
    min_article_chars: int = field(default=200, metadata={
        "help": "an article body shorter than this is recorded as empty"})
    near_duplicate_threshold: float = field(default=0.8, metadata={
        "help": "Jaccard similarity of word shingles above which an article is a near duplicate"})
    engine: str = field(default="local", metadata={"help": "local or dask"})
    scheduler: str | None = field(default=None, metadata={
        "help": "Dask scheduler address (engine dask); none starts a local cluster"})
    progress: bool = field(default=True, metadata={"help": "show a progress bar on stderr"})

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        return [(f.name, repr(f.default), f.metadata.get("help", "")) for f in fields(cls)]
