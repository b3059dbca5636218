#!/usr/bin/env python3
"""Write docs/settings.md from sitrep.settings.Settings (the one source of the knobs)."""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.settings import Settings  # noqa: E402


def render() -> str:
    lines = ["# Settings", "",
             "Generated from `sitrep.settings.Settings` by `scripts/gen_settings_doc.py`; "
             "do not edit by hand.", "",
             "| setting | default | what it does |", "|---|---|---|"]
    lines += [f"| `{name}` | `{default}` | {help_} |" for name, default, help_ in Settings.describe()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "docs" / "settings.md").write_text(render(), encoding="utf-8")
    print("wrote docs/settings.md")
