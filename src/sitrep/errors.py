"""One error hierarchy for sitrep.

    SitrepError                 anything sitrep raises on purpose; the CLI prints one line, exits 1
    ├── UsageError              bad arguments or settings (exit 2)
    ├── IngestError             an input cannot be read or understood
    ├── ExtractError            the NLP/extraction stage failed
    ├── GazetteerError          the gazetteer cannot be built or imported
    ├── StoreError              the database cannot be opened, migrated or written
    ├── ExportError             an export or report cannot be written
    └── MissingExtra            an optional feature's packages are not installed
"""
from __future__ import annotations


class SitrepError(Exception):
    exit_code = 1


class UsageError(SitrepError):
    exit_code = 2


class IngestError(SitrepError):
    pass


class ExtractError(SitrepError):
    pass


class GazetteerError(SitrepError):
    pass


class StoreError(SitrepError):
    pass


class ExportError(SitrepError):
    pass


class MissingExtra(SitrepError):
    """Raised with an install hint when an optional dependency is absent."""

    def __init__(self, feature: str, extra: str, package: str):
        super().__init__(f"{feature} needs the '{package}' package: pip install 'sitrep[{extra}]'")


def require(module: str, feature: str, extra: str):
    """Import an optional module or raise MissingExtra with the install hint."""
    import importlib
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(feature, extra, module.split(".")[0]) from exc
