"""See sitrep.pipeline for the stage this package implements."""
