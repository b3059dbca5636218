"""Militias named after a community ("Tiv militia", "Leelkayse clan militia", "the Al Omar and
Al Sayid families") and the militia that people named as civilians form when they fight
(data: actors.yaml `community_militias`, `ethnic_groups`)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract import lexicon
from sitrep.extract.actors import ActorHit, _country_name, country_iso3, generic_actor, with_country
from sitrep.extract.prescan import Needs, folded, needs
from sitrep.models import Actor


def _alternatives(words: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words.split("|"))


def _first_words(words: str) -> Needs | None:
    """A pre-test (prescan.needs) for the first word of each of `_alternatives(words)`,
    lower-cased: a match holds one of them as written (each word is matched literally), under
    re.I one of them in any case. None when one is not plain ASCII (no pre-test then; see
    prescan.folded)."""
    firsts = sorted({w.split(" ")[0].lower() for w in words.split("|")})
    return needs(*firsts) if all(f and f.isascii() for f in firsts) else None


@dataclass(frozen=True)
class _Pattern:
    rx: re.Pattern
    template: str           # "{name} Clan Militia ({country})"
    ethnic: str             # the template when the name is an ethnic group's
    kind: str               # ACLED actor type
    where: frozenset        # the countries it holds in (empty: all)
    ethnic_only: bool = False   # a name that is not an ethnic group's is no militia ("Murle raiders")
    unarmed: bool = False       # people of a community: its militia when they act, civilians when hit
    needs: Needs | None = None  # a word test on the lower-cased text that every match passes


@functools.lru_cache(maxsize=1)
def _community_patterns() -> list[_Pattern]:
    out = []
    for c in lexicon.load("actors.yaml").get("community_militias") or []:
        where = c.get("countries") or ()
        # (a list, or the name of one of the file's country lists: "gang_countries")
        where = frozenset(lexicon.load("actors.yaml").get(where) or () if isinstance(where, str) else where)
        template, ethnic, kind = c["name"], c.get("ethnic_name") or c["name"], c["type"]
        names = c.get("names") or _NAME     # what a name looks like (a regex; default: one or two words)
        rx = re.compile(r"\b(?P<name>" + names + r")\s+(?:" + _alternatives(c["words"]) + r")\b")
        out.append(_Pattern(rx, template, ethnic, kind, where, ethnic_only=bool(c.get("ethnic_only")),
                            needs=_first_words(c["words"])))
        for u in lexicon.entries(c.get("unnamed")):
            # "clashes between two families": both sides one unnamed kind (no {name} to fill)
            rx = re.compile(r"(?<![\w-])(?i:" + _alternatives(u["words"]) + r")(?![\w-])")
            out.append(_Pattern(rx, u["name"], u["name"], kind, frozenset(u.get("countries") or where),
                                unarmed=bool(u.get("unarmed")), needs=_first_words(u["words"])))
        for mem in lexicon.entries(c.get("members")):
            # "militiamen from the Hawadle and Jarer Weyne clans": each community named; with
            # `optional`, the word after the names may be left out ("militias from Ogbede")
            who = mem.get("names") or names
            after = r"(?:\s+(?:" + _alternatives(mem["of"]) + r")\b)" + ("?" if mem.get("optional") else "") \
                if mem.get("of") else ""
            rx = re.compile(r"\b(?i:" + _alternatives(mem["who"]) + r")\s+(?:" +
                            _alternatives(mem.get("links") or "from|of|belonging to") + r")\s+"
                            r"(?:the\s+)?(?P<name>" + who + r")(?:\s+and\s+(?:the\s+)?(?P<second>" + who +
                            r"))?" + after)
            out.append(_Pattern(rx, template, ethnic, kind, where, unarmed=bool(mem.get("unarmed")),
                                needs=_first_words(mem["who"])))
    return out


@functools.lru_cache(maxsize=1)
def unnamed_militia_names() -> frozenset:
    """"Unidentified Clan Militia": the names (country left out) of the militias of a kind
    that a report leaves unnamed (data: `community_militias` unnamed)."""
    out = set()
    for c in lexicon.load("actors.yaml").get("community_militias") or []:
        for u in lexicon.entries(c.get("unnamed")):
            out.add(u["name"].replace(" ({country})", "").replace("{country}", "").strip())
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _ethnic_groups() -> frozenset:
    return frozenset(str(w).lower() for w in lexicon.load("actors.yaml").get("ethnic_groups") or ())


@functools.lru_cache(maxsize=1)
def _registry_words() -> frozenset:
    return frozenset(w.lower() for a in lexicon.load("actors.yaml")["actors"] for alias in a["aliases"]
                     for w in re.findall(r"[A-Za-z]{4,}", str(alias)))


def _registry_word(name: str) -> bool:
    """Does a man's last name belong to a registry actor's name ("Khalifa Haftar": "Haftar forces")?"""
    return name.split()[-1].lower() in _registry_words()


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


# words that open a phrase, not a name ("Rival gangs clashed", "Armed militiamen")
_NOT_NAMES = {"The", "A", "An", "Local", "Armed", "Unidentified", "Unknown", "Rival", "Two", "Several", "Criminal",
              "Suspected", "Alleged", "Some", "Other", "Drug", "Communal", "Community", "Ethnic", "Clan", "Tribal",
              "Militia", "Militias", "Members", "Youths", "Forces"}
# words that end a place's name, not a community's ("militiamen from Borno State")
_NOT_COMMUNITY_ENDS = ("State", "Province", "Region", "District", "Division", "Governorate")
# "the Reer Aw sub-clan of (the) Marehan clan": a sub-clan's militia is named with its clan's
_PARENT_CLAN = re.compile(r"\s+of\s+(?:the\s+)?(?P<parent>" + _NAME + r")(?P<clan>\s+clan)?\b")
# "clan militias (the Otuke and Abim)": the communities named after the words
_NAMED_AFTER = re.compile(r"\s*\((?:the\s+)?" + _NAME + r"(?:,\s*(?:the\s+)?" + _NAME + r")*(?:,?\s+and\s+(?:the\s+)?"
                          + _NAME + r")\)")
# (kinds of community hit: a militia, or people of a community who are its militia only when they act)
MILITIA, MEMBERS = "community_militia", "community_members"


def community_militias(text: str, country: str | None, taken) -> list[ActorHit]:
    out = []

    def free(start, end) -> bool:
        return not any(s < end and start < e for s, e in taken + [(h.start, h.end) for h in out])

    def add(name, start, end, p: _Pattern):
        template, tag = p.template, MEMBERS if p.unarmed else MILITIA
        if name is None:
            before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 30):start])
            if before and country_iso3(before.group(1)):
                return      # "Yemeni tribesmen": people of a country, not a militia
            actor = Actor(name=with_country(template, country), country=country, type=p.kind, text=text[start:end])
            out.append(ActorHit(actor, start, end, tag, True))
            return
        if name.split()[0] in _NOT_NAMES and " " in name:
            # "Suspected Nuer raiders": the name is what follows the word that opens the phrase
            cut = name.index(" ") + 1
            name, start = name[cut:], (start + cut if text[start:start + len(name)] == name else start)
        if country_iso3(name) or name.split()[0] in _NOT_NAMES or name.endswith(_NOT_COMMUNITY_ENDS):
            return
        if p.template.startswith("Militia (") and _registry_word(name):
            return      # "forces loyal to Khalifa Haftar": a force the registry knows
        ethnic = _is_ethnic_group(name)
        if p.ethnic_only and not ethnic:
            return
        if ethnic:
            template = p.ethnic
        parent = _PARENT_CLAN.match(text, end)
        if "Clan Militia" in template and parent and (parent.group("clan") or "sub" in text[start:end].lower()) \
                and not country_iso3(parent.group("parent")):
            # ACLED: "Marehan-Reer Aw Sub-Clan Militia (Somalia)"
            template = template.replace("{name} Clan", parent.group("parent") + "-{name} Sub-Clan")
            end = parent.end()
        actor = Actor(name=template.format(name=name, country=_country_name(country) if country else "")
                      .replace(" ()", ""), country=country, type=p.kind, text=text[start:end])
        out.append(ActorHit(actor, start, end, tag, True))

    low = folded(text)      # (None: a character re.I folds onto ASCII; every pattern is run)
    for p in _community_patterns():
        if p.where and country not in p.where:
            continue
        if p.needs is not None and low is not None and not p.needs.search(low):
            continue    # none of the words the pattern needs: it cannot match
        for m in p.rx.finditer(text):
            if not free(m.start(), m.start() + 1):
                continue
            if "name" not in p.rx.groupindex:
                add(None, m.start(), m.end(), p)
                continue
            if not free(m.start("name"), m.end("name")):
                continue    # "militiamen from Al Shabaab": a named group's, found already
            lead = _COMMUNITY_LIST.search(text[max(0, m.start() - 80):m.start()])
            if lead:
                base = max(0, m.start() - 80)
                for n in re.finditer(_NAME, lead.group(0)):
                    s, e = base + lead.start() + n.start(), base + lead.start() + n.end()
                    if n.group(0).lower() not in _NOT_COMMUNITIES and not any(a <= s < b for a, b in taken):
                        add(n.group(0), s, e, p)
            named = _NAMED_AFTER.match(text, m.end())
            if named:
                # "two Lango clan militias (the Otuke and Abim)": the militias are the ones named
                first = True    # (the first of them holds the words: they are its militia's)
                for n in re.finditer(_NAME, named.group(0)):
                    if n.group(0).lower() not in _NOT_COMMUNITIES:
                        s = named.start() + n.start()
                        add(n.group(0), m.start() if first else s, s + len(n.group(0)), p)
                        first = False
                continue
            second = m.group("second") if "second" in p.rx.groupindex else None
            add(m.group("name"), m.start(), m.end("name") if second else m.end(), p)
            if second:
                add(second, m.start("second"), m.end(), p)
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


@functools.lru_cache(maxsize=1)
def _regions() -> list:
    return [(r["country"], frozenset(r["admin1"]), str(r["from"]), r["name"])
            for r in lexicon.load("actors.yaml").get("communal_regions") or ()]


def regional_militia(actor: Actor | None, place, date: str | None) -> Actor | None:
    """An unidentified communal militia where ACLED names it after the region (data:
    `communal_regions`): "Darfur Communal Militia (Sudan)" in North Darfur since 2019."""
    if actor is None or actor.actor_id is not None or place is None or not date or not actor.country:
        return actor
    if actor.name != generic_actor("communal", actor.country).name:
        return actor
    for country, admins, start, name in _regions():
        if actor.country == country and (place.admin1 or "") in admins and date[:10] >= start[:len(date[:10])]:
            return Actor(name=name, country=country, type=actor.type, text=actor.text)
    return actor
