"""Fixtures for the reliability tests (helpers live in reliability_helpers.py)."""
from __future__ import annotations

import pytest

from reliability_helpers import has_command


@pytest.fixture(scope="session")
def need_serve():
    if not has_command("serve"):
        pytest.skip("`sitrep serve` is not implemented yet (web stage)")
