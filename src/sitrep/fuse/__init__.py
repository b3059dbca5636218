"""5. Fuse: mentions -> Events.  (placeholder: the fusion issue replaces this)

Contract used by sitrep.pipeline:
    fuse(mentions: list[Mention]) -> list[Event]    deterministic, order-independent
"""
from __future__ import annotations


def fuse(mentions):
    return []
