"""A progress bar on stderr (tqdm), silent when disabled or when stderr is not a terminal
unless forced."""
from __future__ import annotations

import sys


class Progress:
    def __init__(self, unit: str, total: int | None = None, enabled: bool = True):
        self.enabled = enabled
        self._bar = None
        self.unit, self.total = unit, total

    def __enter__(self) -> "Progress":
        if self.enabled:
            from tqdm import tqdm
            self._bar = tqdm(total=self.total, unit=f" {self.unit}", file=sys.stderr,
                             disable=not sys.stderr.isatty(), dynamic_ncols=True)
        return self

    def update(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()
