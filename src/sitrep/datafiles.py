"""Reading the YAML knowledge files in sitrep/data/ (each stage caches and checks its own)."""
from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's loader when PyYAML has it: the same documents, several times faster to read at the
# start of every process and every `-j` worker
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(name: str) -> Any:
    """The parsed document of data file `name` ("cues.yaml")."""
    text = resources.files("sitrep.data").joinpath(name).read_text("utf-8")
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
