"""Small inputs for the engine tests (-j N, Dask): short reports written for these tests,
plus the bundled demo articles when present. Kept small: the tests compare outputs, the
benchmark measures speed."""
from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]

_TEMPLATES = [
    "Gunmen attacked a police checkpoint in {town} on Monday, killing {n} officers and wounding "
    "two others, a district official said. No group claimed responsibility for the attack.",
    "At least {n} civilians were killed when a roadside bomb struck a passenger van near {town} "
    "on Tuesday, police said. Security forces cordoned off the area and began a search.",
    "Security forces said they killed {n} militants in an operation near {town} on Wednesday. "
    "The army said weapons and ammunition were recovered from a hideout.",
    "Hundreds of traders protested in {town} on Thursday against power cuts, blocking the main "
    "road for several hours. The protest ended peacefully after talks with officials.",
    "The foreign ministry summoned the ambassador on Friday to protest against what it called a "
    "violation of its airspace near {town}, and demanded an explanation.",
    "Rebels clashed with government troops outside {town} on Saturday; {n} soldiers and an "
    "unknown number of fighters died, according to a military spokesman.",
]
_TOWNS = ["Quetta", "Turbat", "Gwadar", "Panjgur", "Kech", "Mastung", "Zahedan", "Saravan"]


def write_inputs(folder: pathlib.Path, n: int = 18) -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(_TEMPLATES[(i + k) % len(_TEMPLATES)].format(
            town=_TOWNS[(i + 3 * k) % len(_TOWNS)], n=(i + k) % 9 + 2) for k in range(3))
        (folder / f"report-{i:02d}.txt").write_text(f"Report {i}\n\n{body}\n", encoding="utf-8")
    return folder


def input_paths(tmp_path: pathlib.Path) -> list[str]:
    paths = [str(write_inputs(tmp_path / "inputs"))]
    demo = ROOT / "examples" / "demo"
    if demo.is_dir() and any(demo.iterdir()):
        paths.append(str(demo))
    return paths


def snapshot(store) -> dict:
    """Everything a run stored, as plain data, without run-specific values."""
    from sitrep.models import to_dict
    return {
        "documents": [to_dict(d) for d in store.documents()],
        "articles": [to_dict(a) for a in store.articles()],
        "mentions": [to_dict(m) for m in store.mentions()],
        "events": [to_dict(e) for e in store.events()],
    }
