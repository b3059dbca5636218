"""sitrep: news reports about armed conflict in, an auditable record of events out."""
__version__ = "0.1.0"
