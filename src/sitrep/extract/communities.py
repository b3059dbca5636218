"""Militias named after a community ("Tiv militia", "Leelkayse clan militia", "the Al Omar and
Al Sayid families") and the militia that people named as civilians form when they fight
(data: actors.yaml `community_militias`, `ethnic_groups`)."""
from __future__ import annotations

import functools
import re

from sitrep.extract import lexicon
from sitrep.extract.actors import ActorHit, _country_name, country_iso3, generic_actor
from sitrep.models import Actor


def _alternatives(words: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words.split("|"))


@functools.lru_cache(maxsize=1)
def _community_patterns():
    out = []
    for c in lexicon.load("actors.yaml").get("community_militias") or []:
        where = frozenset(c.get("countries") or ())
        rx = re.compile(r"\b(?P<name>" + _NAME + r")\s+(?:" + _alternatives(c["words"]) + r")\b")
        out.append((rx, c["name"], c.get("ethnic_name") or c["name"], c["type"], where))
        if c.get("unnamed"):
            # "clashes between two families": both sides one unnamed kind (no {name} to fill)
            rx = re.compile(r"\b(?i:" + _alternatives(c["unnamed"]["words"]) + r")\b")
            out.append((rx, c["unnamed"]["name"], c["unnamed"]["name"], c["type"], where))
        if c.get("members"):
            # "militiamen from the Hawadle and Jarer Weyne clans": each community named
            rx = re.compile(r"\b(?i:" + _alternatives(c["members"]["who"]) + r")\s+(?:from|of|belonging\s+to)\s+"
                            r"(?:the\s+)?(?P<name>" + _NAME + r")(?:\s+and\s+(?P<second>" + _NAME + r"))?\s+(?:"
                            + _alternatives(c["members"]["of"]) + r")\b")
            out.append((rx, c["name"], c.get("ethnic_name") or c["name"], c["type"], where))
    return out


@functools.lru_cache(maxsize=1)
def _ethnic_groups() -> frozenset:
    return frozenset(str(w).lower() for w in lexicon.load("actors.yaml").get("ethnic_groups") or ())


def _is_ethnic_group(name: str) -> bool:
    """"Fellata", "Bul Nuer": the community is an ethnic group (data: `ethnic_groups`)."""
    groups = _ethnic_groups()
    return name.lower() in groups or any(w in groups for w in re.split(r"[ -]", name.lower()))


_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
# "Fellata and Rizeigat communal militias", "Hawadle, Jarer and Saad clan militias": each
# community named before the shared words has its own militia
_COMMUNITY_LIST = re.compile(r"(?P<first>" + _NAME + r")((?:,\s*" + _NAME + r")*,?\s+(?:and|or)\s+)$")


_NOT_COMMUNITIES = {"and", "or", "on", "in", "at", "by", "the", "january", "february", "march", "april", "may",
                    "june", "july", "august", "september", "october", "november", "december", "monday",
                    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def community_militias(text: str, country: str | None, taken) -> list[ActorHit]:
    out = []

    def add(name, start, end, template, ethnic, kind):
        if name is None:
            actor = Actor(name=template.format(country=_country_name(country)), country=country, type=kind,
                          text=text[start:end])
            out.append(ActorHit(actor, start, end, "community_militia", True))
            return
        if country_iso3(name) or name.split()[0] in ("The", "A", "An", "Local", "Armed", "Unidentified"):
            return
        if _is_ethnic_group(name):
            template = ethnic
        actor = Actor(name=template.format(name=name, country=_country_name(country) if country else "")
                      .replace(" ()", ""), country=country, type=kind, text=text[start:end])
        out.append(ActorHit(actor, start, end, "community_militia", True))

    for rx, template, ethnic, kind, where in _community_patterns():
        if where and country not in where:
            continue
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken + [(h.start, h.end) for h in out]):
                continue
            if "name" not in rx.groupindex:
                add(None, m.start(), m.end(), template, ethnic, kind)
                continue
            lead = _COMMUNITY_LIST.search(text[max(0, m.start() - 80):m.start()])
            if lead:
                base = max(0, m.start() - 80)
                for n in re.finditer(_NAME, lead.group(0)):
                    s, e = base + lead.start() + n.start(), base + lead.start() + n.end()
                    if n.group(0).lower() not in _NOT_COMMUNITIES and not any(a <= s < b for a, b in taken):
                        add(n.group(0), s, e, template, ethnic, kind)
            second = m.group("second") if "second" in rx.groupindex else None
            add(m.group("name"), m.start(), m.end("name") if second else m.end(), template, ethnic, kind)
            if second:
                add(second, m.start("second"), m.end(), template, ethnic, kind)
    return out


def doers_militia(actor: Actor, country: str | None) -> Actor:
    """People who carry out violence, named as civilians ("farmers", "Fulani pastoralists"):
    ACLED's militia of their ethnic group when the words name one, else an unidentified
    communal militia of the country."""
    words = re.findall(r"[A-Z][a-z]+", actor.text or "")
    group = next((w for w in words if _is_ethnic_group(w)), None)
    where = actor.country or country
    if group:
        name = f"{group} Ethnic Militia" + (f" ({_country_name(where)})" if where else "")
        return Actor(name=name, country=where, type="identity_militia", text=actor.text)
    return generic_actor("communal", where, actor.text)
