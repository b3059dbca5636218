"""`sitrep serve` (being built: see the issue that owns it)."""
from __future__ import annotations

import click


def register(group: click.Group) -> None:
    pass
