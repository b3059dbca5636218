"""Actors in a sentence: named groups from the registry (sitrep/data/actors.yaml), general
descriptions that work for any country ("Nigerian troops", "police in Karachi", "unidentified
gunmen", "villagers"), country names and demonyms -> ISO alpha-3, and each actor's role towards
the trigger from the dependency parse (agent vs patient, passives, "clashes between A and B")."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from sitrep.extract import lexicon
from sitrep.extract.prescan import by_initial
from sitrep.models import Actor

ARMED_TYPES = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external"}


@dataclass(frozen=True)
class ActorHit:
    actor: Actor
    start: int              # character offsets in the text searched
    end: int
    kind: str               # registry id or generic kind (military, police, civilians, ...)
    generic: bool


# ---------------------------------------------------------------- countries

@functools.lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    data = lexicon.load("demonyms.yaml")
    table = {}
    try:
        import pycountry
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                name = getattr(c, attr, None)
                if name:
                    table[name.lower()] = c.alpha_3
    except ImportError:     # pycountry is a dependency; stay usable without it
        pass
    for section in ("countries", "demonyms"):
        for k, v in (data.get(section) or {}).items():
            if v:
                table[str(k).lower()] = v
    return table


def country_iso3(name: str | None) -> str | None:
    """ISO alpha-3 of a country name or demonym ('Nigerian' -> NGA), else None. Prefers the
    geocoder's answer when that module is available."""
    if not name:
        return None
    key = name.lower().strip().removeprefix("the ").replace("’", "'")
    table = _country_table()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:    # "Afghans", "Pakistanis"
        return table[key[:-1]]
    try:    # the gazetteer knows more spellings; place names standing for countries are not wanted
        from sitrep.geocode import country_iso3 as geo_iso3
        return geo_iso3(name, metonyms=False)
    except Exception:   # no gazetteer (yet): the local table is all there is
        return None


def entity_country(text: str) -> str | None:
    """ISO alpha-3 of a GPE/NORP entity, capitals and other metonyms for a state included
    ("Tehran" -> IRN); the local name table when the gazetteer is not available."""
    try:
        from sitrep.geocode import country_iso3 as geo_iso3
        return geo_iso3(text, metonyms=True)
    except Exception:   # no gazetteer: names and demonyms from the local table
        return country_iso3(text)


@functools.lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    names = sorted(_country_table(), key=len, reverse=True)
    names = [n for n in names if len(n) > 2]
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")s?\b", re.I)


# short capitalised abbreviations, which the case-blind name table cannot hold ("us" is a pronoun)
_ABBREVIATIONS = re.compile(r"(?<![\w.])(US|U\.S\.|UK|U\.K\.)(?![\w])")


def countries_in(text: str) -> list[tuple[str, int, int]]:
    """(iso3, start, end) for every country name or demonym in text."""
    out = []
    for m in by_initial(_country_regex()).finditer(text):    # = its finditer, faster (prescan.py)
        iso = country_iso3(m.group(1))
        if iso:
            out.append((iso, m.start(), m.end()))
    for m in _ABBREVIATIONS.finditer(text):
        iso = country_iso3(m.group(1))
        if iso and not any(s <= m.start() < e for _, s, e in out):
            out.append((iso, m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


# ---------------------------------------------------------------- registry and generic patterns

# A name ends at a word boundary, or where a participle is hyphenated to it: "Taliban-planted
# mine", "JNIM-affiliated fighters", "STC-organised rally" name the group ("IS-K", "al-Qaeda"
# do not end there).
_NAME_END = r"(?![\w]|-(?!(?:planted|laid|placed|organi[sz]ed|claimed|led|linked|affiliated|allied|backed|"\
            r"controlled|held|run|aligned|supported|sponsored|operated|fired|triggered|detonated|perpetrated|"\
            r"inspired|loyal)\b))"


def is_acronym(alias: str) -> bool:
    """An acronym is matched in its own case: "LeT", "JaS", "HTS" (not the words "let", "jas").
    One word of at most eight characters with two capitals or more."""
    return bool(re.fullmatch(r"[\w/()-]{2,8}", alias)) and sum(c.isupper() for c in alias) >= 2


def _alias_patterns(by_alias: dict, acronyms: dict):
    words = sorted(by_alias, key=len, reverse=True)
    alias_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")" + _NAME_END,
                          re.I) if words else None
    acr_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(acronyms, key=len, reverse=True))
                        + r")" + _NAME_END) if acronyms else None
    return alias_re, acr_re


def _add_alias(alias, actor, by_alias: dict, acronyms: dict) -> None:
    alias = str(alias)
    if is_acronym(alias):
        acronyms[alias] = actor
    else:
        by_alias[alias.lower().replace("’", "'")] = actor


@functools.lru_cache(maxsize=1)
def _by_id() -> dict[str, Actor]:
    """The registry's actors by id, one Actor each (aliases, frontlines, operations share them)."""
    return {a["id"]: Actor(name=a["name"], country=a.get("country"), type=a["type"], actor_id=a["id"])
            for a in lexicon.load("actors.yaml")["actors"]}


@functools.lru_cache(maxsize=1)
def _registry():
    data = lexicon.load("actors.yaml")
    by_alias, acronyms = {}, {}
    for a in data["actors"]:
        actor = _by_id()[a["id"]]
        for alias in a["aliases"]:
            _add_alias(alias, actor, by_alias, acronyms)
    alias_re, acr_re = _alias_patterns(by_alias, acronyms)
    generic = data.get("generic") or {}
    heads = []
    for kind, g in generic.items():
        for h in g["heads"]:
            heads.append((h.lower(), kind))
    heads.sort(key=lambda x: len(x[0]), reverse=True)
    head_kind = {h: k for h, k in heads}
    head_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(h) for h, _ in heads) + r")(?:s|es)?(?![\w-])", re.I)
    return by_alias, acronyms, alias_re, acr_re, generic, head_kind, head_re, data.get("by_event_type") or {}


@functools.lru_cache(maxsize=1)
def _local_aliases() -> dict:
    """Country -> (by_alias, acronyms, alias_re, acr_re) of the words that name an actor only
    there (data: `local_aliases`)."""
    data = lexicon.load("actors.yaml")
    reg = _by_id()
    out = {}
    for iso, table in (data.get("local_aliases") or {}).items():
        by_alias, acronyms = {}, {}
        for alias, actor_id in table.items():
            _add_alias(alias, reg[actor_id], by_alias, acronyms)
        out[iso] = (by_alias, acronyms) + _alias_patterns(by_alias, acronyms)
    return out


def _registry_hits(text: str, by_alias: dict, acronyms: dict, alias_re, acr_re) -> list[ActorHit]:
    hits = []
    for rx, table, key in ((alias_re, by_alias, lambda w: w.lower().replace("’", "'")), (acr_re, acronyms, str)):
        for m in by_initial(rx).finditer(text) if rx else ():   # = rx.finditer, faster (prescan.py)
            actor = table[key(m.group(1))]
            hits.append(ActorHit(replace(actor, text=m.group(0)), m.start(), m.end(), actor.actor_id, False))
    return hits


def generic_actor(kind: str, country: str | None, text: str | None = None, opponent: bool = False) -> Actor:
    """The ACLED-style actor for a generic kind ('military', 'civilians', ...) in `country`.
    `opponent`: the unnamed side facing the state's forces, never the name `unidentified_names`
    gives the unnamed killers of civilians."""
    _, _, _, _, generic, _, _, _ = _registry()
    g = generic[kind]
    template = g["name"]
    if kind == "unidentified" and gang_country(country):
        template = "Unidentified Gang ({country})"
    if kind == "unidentified" and country in _unidentified_names() and not opponent:
        return Actor(name=_unidentified_names()[country], country=country, type=g["type"], actor_id=None, text=text)
    return Actor(name=with_country(template, country), country=country, type=g["type"], actor_id=None, text=text)


def with_country(template: str, country: str | None) -> str:
    """An actor name template ("Military Forces of {country}", "Unidentified Clan Militia
    ({country})") filled with the country's name; with no country known, the country part is
    left out ("Military Forces", "Unidentified Clan Militia")."""
    if not country:
        return re.sub(r"\s*(?:\(\{country\}\)|of \{country\})", "", template)
    place = _country_name(country)
    if "of {country}" in template and country in _of_the() and not place.startswith("the "):
        place = "the " + place      # "Military Forces of the Philippines"
    return template.format(country=place)


@functools.lru_cache(maxsize=1)
def _of_the() -> frozenset:
    return frozenset(lexicon.load("actors.yaml").get("of_the") or ())


@functools.lru_cache(maxsize=1)
def _gang_countries() -> frozenset:
    return frozenset(lexicon.load("actors.yaml").get("gang_countries") or ())


def gang_country(iso3: str | None) -> bool:
    """Does ACLED code unidentified criminal perpetrators here as gangs (data: `gang_countries`)?"""
    return iso3 in _gang_countries()


@functools.lru_cache(maxsize=1)
def _lone_words() -> frozenset:
    return frozenset(w.lower() for w in lexicon.load("actors.yaml").get("lone_doers") or ())


def lone_doer(actor: Actor | None) -> bool:
    """One unnamed person, not a crowd ("stabbed by a man", "beaten to death by a woman"):
    ACLED's mob is a group, a lone attacker an unidentified armed actor (data: `lone_doers`)."""
    if actor is None or actor.actor_id is not None or actor.type != "civilians" or not actor.text:
        return False
    *before, last = actor.text.lower().split()
    # ("a pastoralist man", "a Fulani man": one of a community, whose violence ACLED codes as
    # the community's, not a lone attacker's)
    return last in _lone_words() and all(w in _UNKNOWN_WORDS for w in before)


_UNKNOWN_WORDS = {"unidentified", "unknown", "masked", "suspected"}


# "a soldier (assumed off-duty)", "a policeman who was off duty"
_OFF_DUTY_AFTER = re.compile(r"^[\s,(]*(?:assumed\s+|reportedly\s+|who\s+was\s+|while\s+)?off[- ]duty\b", re.I)


@functools.lru_cache(maxsize=1)
def _not_on_duty() -> re.Pattern:
    words = lexicon.load("actors.yaml").get("not_on_duty") or ["off-duty"]
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?:\s+[\w-]+)?\s*$", re.I)


@functools.lru_cache(maxsize=1)
def _unidentified_names() -> dict:
    return dict(lexicon.load("actors.yaml").get("unidentified_names") or {})


@functools.lru_cache(maxsize=1)
def _frontlines():
    data = lexicon.load("actors.yaml")
    reg = _by_id()
    out = []
    for f in data.get("frontlines") or []:
        sides = tuple(generic_actor(s[8:], f["country"]) if s.startswith("generic:") else reg[s] for s in f["sides"])
        admins = frozenset(f["admin1"])
        named = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(admins))))
        observers = f.get("observers") or ()
        watched = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, observers))) if observers else None
        out.append((f["country"], admins, str(f["from"]), str(f["until"]), sides, named, watched))
    return out


def frontline_sides(iso3: str | None, admin1: str | None, date: str | None, text: str = ""):
    """The two sides ACLED names for unattributed fire at this place and time, else None.
    The place is on the line when it resolves to one of the line's admin1 areas; when it did
    not resolve (a village missing from the gazetteer), when the text names one of those areas
    or the line's observer mission reports the fire."""
    if not date:
        return None
    a1 = (admin1 or "").rstrip(". ")
    for country, admins, start, until, sides, named, watched in _frontlines():
        if not start[:len(date)] <= date <= until[:len(date)] or (iso3 or country) != country:
            continue
        if a1 in admins:
            return sides
        if watched is not None and watched.search(text):
            return sides    # the mission reports from the line; a place resolved elsewhere is the gazetteer's slip
        if not a1 and named.search(text):
            return sides
    return None


@functools.lru_cache(maxsize=1)
def _names_until() -> dict:
    return {a["id"]: sorted((str(k), v) for k, v in a["names_until"].items())
            for a in lexicon.load("actors.yaml")["actors"] if a.get("names_until")}


@functools.lru_cache(maxsize=1)
def _operations() -> list:
    data = lexicon.load("actors.yaml")
    reg = _by_id()
    return [(o["forces_of"], frozenset(o["in"]), str(o["from"]), reg[o["actor"]]) for o in data.get("operations") or ()]


def dated(actor: Actor | None, date: str | None, where: str | None = None) -> Actor | None:
    """The registry actor under the name ACLED gives it on `date` (data: `names_until`); an
    actor without periods, or an unknown date, keeps its (current) name. A state's forces in
    `where` (ISO alpha-3 of the event) during a multinational operation there are that
    operation (data: `operations`)."""
    if actor is not None and where and date and actor.actor_id is None and actor.type == "state_forces":
        for forces_of, places, start, operation in _operations():
            if actor.country == forces_of and where in places and date[:10] >= start[:len(date[:10])]:
                return replace(operation, text=actor.text)
    periods = _names_until().get(actor.actor_id) if actor is not None and actor.actor_id else None
    if not periods or not date:
        return actor
    for until, name in periods:
        if date[:10] <= until[:len(date[:10])]:
            return replace(actor, name=name)
    return actor


def kind_for_event_type(event_type: str | None) -> str | None:
    return _registry()[7].get(event_type)


def _country_name(iso3: str) -> str:
    try:
        from sitrep.geocode import country_name
        got = country_name(iso3)
        if got:
            return got
    except Exception:   # no gazetteer: pycountry's name
        pass
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=iso3)
        if c:
            return getattr(c, "common_name", None) or c.name.split(",")[0]
    except ImportError:
        pass
    return iso3


_AIRCRAFT = {"jet", "warplane", "fighter jet", "military aircraft", "helicopter", "air force"}
_UNKNOWN_AIR = Actor(name="Unidentified Military Forces", country=None, type="state_forces")
_OF_PAIR = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+and\s+(?:the\s+)?"
                      r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_NEAR_LEFT = re.compile(r"([\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:[\w'’-]+\s+){0,2}$")
_NEAR_RIGHT = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


def _country_near(text: str, start: int, end: int) -> str | None:
    """A country named just before a generic head ('Nigerian troops', 'Afghan army soldiers') or
    right after it ('forces of Armenia', 'police in Karachi' via the geocoder)."""
    left = text[max(0, start - 40):start]
    for iso, s, e in reversed(countries_in(left)):
        if re.search(r"\b(?:pro|anti)-$", left[:s], re.I):
            continue    # "pro-Russian activists": an allegiance, not the people's nationality
        if len(left) - e <= 25:
            return iso
    m = _NEAR_RIGHT.match(text[end:end + 60])
    if m and not (m.group(1).isupper() and len(m.group(1)) <= 4):
        # "forces of Armenia"; "police in Karachi" takes the event's (geocoded) country; "activists
        # of QAT", "a leader of AL" name a party by its acronym, not Qatar or Albania by their codes
        return country_iso3(m.group(1))
    return None


_BODY_ROLES = {"chief", "chiefs", "leader", "leaders", "head", "commander", "commanders"}


def _role_of_body(body: ActorHit, role: ActorHit, text: str) -> bool:
    return body.generic and body.actor.type in ("state_forces", "government", "rebel_group") and \
        role.actor.type == "civilians" and text[role.start:role.end].lower().split()[-1] in _BODY_ROLES


def find_actors(text: str, default_country: str | None = None) -> list[ActorHit]:
    """Every actor named in `text`: registry names first, then general descriptions not inside
    a registry name. Generic actors take the nearby country, else `default_country`."""
    by_alias, acronyms, alias_re, acr_re, generic, head_kind, head_re, _ = _registry()
    from sitrep.extract.factions import faction_hits     # (it builds on this module)
    hits = faction_hits(text)
    hits += [h for h in _registry_hits(text, by_alias, acronyms, alias_re, acr_re)
             if not any(f.start <= h.start < f.end for f in hits)]
    taken = [(h.start, h.end) for h in hits]
    if default_country in _local_aliases():
        # words naming an actor only in this country, where no registry name covers them
        hits += [h for h in _registry_hits(text, *_local_aliases()[default_country])
                 if not any(s <= h.start < e or s < h.end <= e for s, e in taken)]
        taken = [(h.start, h.end) for h in hits]
    from sitrep.extract.communities import community_militias    # (it builds on this module)
    for h in community_militias(text, default_country, taken):
        hits.append(h)
        taken.append((h.start, h.end))
    for m in by_initial(head_re).finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        kind = head_kind.get(m.group(1).lower())
        if kind is None:
            continue
        if text[m.end():m.end() + 1] == ":":
            continue    # "Movement of forces: ...", "Police: ...": a heading or a source, not a party
        if kind == "civilians" and m.group(0)[:1].isupper() and m.start() > 0 and \
                not re.search(r"[.!?]\s*$", text[:m.start()]):
            continue    # a capitalised "People" mid-sentence is part of a name ("People's Militia")
        country = _country_near(text, m.start(), m.end()) or default_country
        start = m.start()
        lm = re.search(r"((?:unidentified|unknown|suspected|armed|masked|local|Afghan|[A-Z][a-z]+)\s+)+$", text[:start])
        if lm and len(lm.group(0)) < 30 and not any(lm.start() < e and s < start for s, e in taken):
            start = lm.start()  # (not over a name found already: "suspected Taliban militants")
        actor = generic_actor(kind, country, text[start:m.end()])
        if kind in ("military", "police") and (_not_on_duty().search(text[max(0, m.start() - 25):m.start()])
                                                or _OFF_DUTY_AFTER.match(text[m.end():m.end() + 30])):
            actor = generic_actor("civilians", country, actor.text)    # "an off-duty police officer"
        if kind == "military" and re.search(r"\b(?:unidentified|unknown)\b", text[start:m.start()], re.I):
            # "unidentified warplanes": ACLED's "Unidentified Military Forces" (no country);
            # "unknown forces" on the ground are an unidentified armed group
            actor = _UNKNOWN_AIR if m.group(1).lower() in _AIRCRAFT else generic_actor("unidentified", country, actor.text)
            actor = replace(actor, text=text[start:m.end()])
        hits.append(ActorHit(actor, start, m.end(), kind, True))
        pair = _OF_PAIR.match(text[m.end():m.end() + 80])
        if pair and kind in ("military", "police", "government") and country_iso3(pair.group(1)) and \
                (other := country_iso3(pair.group(2))):
            # "military forces of India and Pakistan": one body of each country
            s2, e2 = m.end() + pair.start(2), m.end() + pair.end(2)
            hits.append(ActorHit(generic_actor(kind, other, text[s2:e2]), s2, e2, kind, True))
    hits = [_with_qualifier(text, h, head_kind) for h in hits]
    from sitrep.extract.nationality import after_nationality, shared_head    # (it builds on this module)
    hits += after_nationality(text, [(h.start, h.end) for h in hits])
    hits += shared_head(text, hits)
    hits.sort(key=lambda h: h.start)
    # "a chief police officer": of two generic words in a row the last is the head; but the
    # chief, leader or commander of a body belongs to it ("army chief", "police commander")
    hits = [h for i, h in enumerate(hits)
            if not (h.generic and i + 1 < len(hits) and hits[i + 1].generic
                    and not text[h.end:hits[i + 1].start].strip()
                    and not _role_of_body(h, hits[i + 1], text))
            and not (h.generic and i > 0 and (_role_of_body(hits[i - 1], h, text) or not hits[i - 1].generic)
                     and not text[hits[i - 1].end:h.start].strip())]
    # (and "Taliban militants", "JNIM fighters": the generic word is the named group's own)
    hits = [h for i, h in enumerate(hits) if not _of_named(text, h, hits[i + 1] if i + 1 < len(hits) else None)]
    return _dedupe(hits)


# "gunmen of Los Viagras", "fighters from the FDLR": the unnamed armed are the named group's
_OF_NAMED = re.compile(r"\s+(?:of|from|belonging\s+to|loyal\s+to)\s+(?:the\s+)?$")


def _of_named(text: str, h: ActorHit, nxt: ActorHit | None) -> bool:
    return h.generic and h.kind in ("unidentified", "communal") and nxt is not None and not nxt.generic \
        and nxt.actor.type in ARMED_TYPES and bool(_OF_NAMED.fullmatch(text[h.end:nxt.start]))


def _with_qualifier(text: str, h: ActorHit, head_kind: dict) -> ActorHit:
    """"a pastoralist man": a person keeps the word before it that says who they are (of two
    generic words in a row only the last is kept as the head)."""
    if not h.generic or h.actor.type != "civilians" or not h.actor.text or " " in h.actor.text:
        return h
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, h.start - 30):h.start])
    word = m.group(1).lower() if m else ""
    if head_kind.get(word) != "civilians" and head_kind.get(word.rstrip("s")) != "civilians":
        return h
    return replace(h, actor=replace(h.actor, text=f"{m.group(1)} {h.actor.text}"))


def _dedupe(hits: list[ActorHit]) -> list[ActorHit]:
    out: list[ActorHit] = []
    for h in hits:
        if any(o.start <= h.start < o.end for o in out):
            continue
        out.append(h)
    return out


# ---------------------------------------------------------------- roles

AGENT, PATIENT, PARTY = "agent", "patient", "party"
_TARGETING = {"target", "hit", "strike"}
_PATIENT_PREPS = {"on", "against", "at", "into", "targeting", "upon", "toward", "towards"}
_PARTY_PREPS = {"with", "between", "and"}


_OWNING_PRONOUNS = {"its", "their"}


def _speaker_owns_act(subject, trig) -> bool:
    """'Pakistan said its strikes targeted hideouts', 'the group said their fighters attacked a
    post': the subject of the telling verb is the owner named by the pronoun, hence the doer."""
    if subject.dep_ != "nsubj" or subject.head.pos_ not in ("VERB", "AUX"):
        return False
    owned = [trig] + [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(c.dep_ == "poss" and c.lower_ in _OWNING_PRONOUNS for t in owned for c in t.children):
        return False
    teller = subject.head
    return any(a.i == teller.i for a in trig.ancestors) and \
        not any(c.dep_ == "nsubj" and c.i != subject.i for c in teller.children)


def role_of(doc, span, trigger_i: int, relative: bool = False) -> str | None:
    """Role of the actor at token `span` towards the trigger token, from the parse:
    nsubj / by-agent / possessor -> agent; dobj / nsubjpass / on-against -> patient;
    with / between -> party. None when the parse does not connect them within four steps.
    `relative`: the trigger is the sentence's act, and a relative clause on the actor counts."""
    tok = span.root
    trig = doc[trigger_i]
    if relative and trig.dep_ == "relcl" and span.start <= trig.head.i < span.end:
        # "villagers who stoned a patrol": the noun a relative clause hangs
        # on is its doer; "a man who was attacked", "the post that rebels attacked": its target
        rel = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if any(c.dep_ == "nsubjpass" for c in rel) or any(c.dep_ == "auxpass" for c in trig.children) or \
                any(c.dep_ == "dobj" and c.lower_ in ("whom", "which", "that") for c in rel):
            return PATIENT
        if any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in rel):
            return AGENT
    path = []
    steps = 0
    trig_dep, trig_head = trig.dep_, trig.head.i     # (read once: each .head is a new Token)
    while tok.i != trigger_i and steps < 5:
        if path and trig_dep in ("dobj", "attr", "nsubjpass") and tok.i == trig_head:
            # the doer of "launched an attack" / "carried out strikes" is the light verb's subject
            dep = path[-1].dep_
            if dep in ("nsubj", "agent"):
                return AGENT
            if dep == "nsubjpass":
                return PATIENT
            return None
        if path and trig_dep == "nsubj" and tok.i == trig_head:
            # "an IED explosion left three soldiers injured", "the blast wounded two policemen":
            # what the act as subject does something to is hit
            return PATIENT if path[-1].dep_ in ("dobj", "oprd") else None
        head = tok.head
        if head.i == tok.i:
            break
        path.append(tok)
        tok = head
        steps += 1
    if tok.i != trigger_i:
        return AGENT if _speaker_owns_act(span.root, trig) else None
    if not path:
        return None
    last = path[-1]
    dep = last.dep_
    if len(path) >= 2 and path[-2].dep_ == "dobj" and last.lemma_.lower() in _TARGETING:
        return PATIENT      # "an IED exploded targeting a military convoy": the convoy is hit
    if dep == "acl" and len(path) >= 2 and path[-2].dep_ == "agent":
        return AGENT        # "shells fired by LNA forces hit ...", "a mine planted by militants"
    if dep in ("nsubj", "agent", "poss", "compound", "amod", "npadvmod"):
        return AGENT
    if dep == "nsubjpass" or dep in ("dobj", "attr", "oprd"):
        return PATIENT
    if dep == "prep":
        prep = last.lower_
        if prep == "by":
            return AGENT
        if prep in _PATIENT_PREPS:
            return PATIENT
        if prep in _PARTY_PREPS:
            return PARTY
        if prep == "of":
            return PATIENT
    if dep == "pobj":
        return PATIENT
    return None
