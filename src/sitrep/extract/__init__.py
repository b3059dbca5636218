"""3. Extract: articles -> Mentions.

Contract used by sitrep.pipeline:
    Extractor(settings).extract(articles) -> dict[article_id, list[Mention]]

Modules: candidates (cheap pre-filter), triggers and kinds (event types, CAMEO), actors (registry,
general patterns, parse roles; with communities, factions and nationality for militias named after
a community, groups' factions and forces named by nationality), roles (who did it to whom in one
sentence), clauses (claims, blame, sequences), numbers (killed/injured), attribution, modality,
links (cues), timex (dates), places (locations; with place_admin, place_hints, place_parts and
speakers for names that only say who speaks), core (the Extractor that joins them). Knowledge is in
sitrep/data/*.yaml (lexicon.py loads and validates it)."""
from __future__ import annotations


def __getattr__(name):      # lazy: importing sitrep.extract must not load spaCy
    if name == "Extractor":
        from sitrep.extract.core import Extractor
        return Extractor
    raise AttributeError(name)


__all__ = ["Extractor"]
