"""3. Extract: articles -> Mentions.  (placeholder: the extraction issue replaces this)

Contract used by sitrep.pipeline:
    Extractor(settings).extract(articles) -> dict[article_id, list[Mention]]
"""
from __future__ import annotations


class Extractor:
    def __init__(self, settings):
        self.settings = settings

    def extract(self, articles):
        return {}
