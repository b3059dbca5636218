"""What fusion compares about a mention, computed once per mention.

    Features.of(mention) -> Features    date span, type family, place levels, actor keys, words

Everything here is a pure function of one Mention, so the pair scores built on it
(sitrep.fuse.compat) do not depend on the order mentions arrive in.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from sitrep.models import Actor, Figure, Mention, Place

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})

# ACLED sub-event types grouped by how the violence is delivered. Outlets describe one strike
# as "missile", "drone" or "air" strike, one bombing as "suicide bombing" or "bomb attack";
# they rarely turn a strike into a gunfight. Mentions in different groups can still fuse (a
# penalty, not a veto, see compat.py) because extraction sometimes codes a vague "attack".
SUB_EVENT_GROUP = {
    "Air/drone strike": "remote",
    "Shelling/artillery/missile attack": "remote",
    "Chemical weapon": "remote",
    "Suicide bomb": "explosive",
    "Remote explosive/landmine/IED": "explosive",
    "Grenade": "explosive",
    "Armed clash": "direct",
    "Government regains territory": "direct",
    "Non-state actor overtakes territory": "direct",
    "Attack": "direct",
    "Abduction/forced disappearance": "direct",
    "Sexual violence": "direct",
}

# Word stems that name how violence was delivered. A trigger with none of them ("attack",
# "killed", "the Kerman attack") leaves the weapon open, and extractors give such mentions a
# default sub-event type; their group is then treated as unknown rather than as evidence.
MODE_STEMS = ("bomb", "blast", "explo", "ied", "suicid", "missile", "rocket", "drone", "air",
              "strike", "struck", "shell", "artiller", "mortar", "clash", "gunfight", "firefight",
              "fire", "ambush", "abduct", "kidnap", "grenade", "landmine", "mine", "shot", "shoot",
              "gun", "stab", "behead", "rape", "sexual", "captur", "seiz", "overr", "retak",
              "recaptur", "battle", "fight", "bombard")

# An undated report is about something recent when it appeared: news reports what happened in
# the days before publication, and background ("in 2019") carries its own date. A month keeps
# undated mentions from joining events years apart while leaving late follow-ups in reach.
REPORT_WINDOW = dt.timedelta(days=31)

# A day no words of the report gave - the extractor fell back on the publication day - says
# only that the event came shortly before the report: the days before publication are as
# likely ("Pakistan said civilians had been hit" in a report of the next day). ACLED's week
# precision spans three days either side; nothing happens after publication.
DEFAULT_DAY_SLACK = dt.timedelta(days=3)

# Actor types that stand on the same side of ACLED's inter codes for matching purposes:
# a state's forces and its government speak and act for the same side; an armed group may be
# typed rebel, political or identity militia by different rules.
ACTOR_CLASS = {
    "state_forces": "state", "government": "state", "external": "state",
    "rebel_group": "armed", "political_militia": "armed", "identity_militia": "armed",
    "rioters": "crowd", "protesters": "crowd", "civilians": "civilians",
}

# Actors that name a kind of people, not a party: every protest has "Protesters (Peru)",
# every killing by gunmen "Unidentified Armed Group (Mexico)". Two reports sharing one say
# nothing about being the same event (ACLED's generic actor names, "X (Country)").
GENERIC_ACTOR_TYPES = frozenset({"civilians", "protesters", "rioters"})
_GENERIC_NAME = re.compile(r"^(unidentified|civilians|protesters|rioters|private security)\b", re.I)

# Counts without a number (sitrep.fuse.figures: they yield to any report that gives one).
VAGUE = frozenset({"several", "a number of", "some", "many", "a few", "few", "dozens", "scores",
                   "tens", "hundreds", "numerous", "multiple", "a handful of", "dozen",
                   "unknown number of", "an unknown number of", "unspecified number of",
                   "an unspecified number of"})
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred)\b", re.I)
_VAGUE_WORD = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b", re.I)


def is_vague(f: Figure) -> bool:
    """A count without a number: by its qualifier, or by its words when the extractor coded
    "several terrorists were killed" as a plain figure (ACLED's 10) without a qualifier."""
    q = (f.qualifier or "").strip().lower()
    if q in VAGUE or _VAGUE_WORD.fullmatch(q or "-"):
        return True
    text = f.text or ""
    return bool(_VAGUE_WORD.search(text)) and not _NUMBER.search(_VAGUE_WORD.sub(" ", text))


# Place names a sentence gives that the gazetteer may not know ("shelled the outskirts of
# Kalag", "positions at Tor Ghar", "raided Sami"): a capitalised run after a locative
# word or a verb of attack. Names of the mention's own place, actors and countries are
# context, not particulars (see place_names).
_LOCATIVE = (r"(?:in|at|on|near|outside|around|towards?|into|between|and|(?:village|town|city|"
             r"outskirts|district|vicinity|area|suburbs?|neighbou?rhood|region|province|county|"
             r"camp|hill|road|front|(?:north|south|east|west)(?:-?(?:east|west))?) of|"
             r"shelled|bombed|struck|raided|stormed|attacked|targeted|besieged|overran)")
_CAPITALISED = (r"((?:[A-Z][\w'’-]+)(?:\s+(?:(?:al|el|de|da|do|du|la|le|bin|ibn|di)\s+)?"
                r"[A-Z0-9][\w'’-]*)*)")
_PLACE_NAME = re.compile(r"\b" + _LOCATIVE + r"\s+(?:the\s+)?(?:rural\s+)?(?:(?:al|el)[\s-])?"
                         + _CAPITALISED)
# A name followed by one of these is an admin unit ("in Tump district", "Dasht
# subdivision"): it contains the place rather than being it, and events across it share it.
_AREA_AFTER = re.compile(r"\s*(?:district|subdivision|province|county|region|state|"
                         r"governorate|municipality|township|prefecture|department|division|"
                         r"oblast|rayon|raion|LGA|sub-?county|commune)\b", re.I)
_CALENDAR = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())

_STOP = frozenset("""a an the of in on at to for by with from and or but as into its it his her their
their this that these those was were is are be been has have had said says say after before
during over than then there which who whom whose what when where while also per about against
""".split())


@functools.lru_cache(maxsize=1 << 16)
def norm(text: str | None) -> str:
    """Lower-case ASCII words: for comparing names written by different outlets (memoised:
    fusion asks for the same few names tens of thousands of times)."""
    if not text:
        return ""
    text = str(text)
    if not text.isascii():      # ASCII has nothing to decompose or drop
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", text.lower()).strip()
    return _LEADING_THE.sub("", text)


_NOT_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the ")


@functools.lru_cache(maxsize=1 << 16)
def same_name(a: str | None, b: str | None) -> bool | None:
    """True/False when both names are known, None when either is missing. Transliterations
    ("Baluchistan"/"Balochistan", "Sistan and Baluchestan"/"Sistan-Baluchestan") count as the
    same: 0.8 is the difflib ratio that accepts those pairs (0.91, 1.0) while "Kerman"/"Kermanshah"
    (0.75) and "Kech"/"Kachhi" (0.6) stay apart."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return None
    if na == nb:
        return True
    na, nb = na.replace(" and ", " "), nb.replace(" and ", " ")
    # the ratio is 2 * matching characters / both lengths, so the shorter name's length bounds
    # it (difflib's real_quick_ratio, the same arithmetic): names of very different lengths
    # need no matching
    if 2.0 * min(len(na), len(nb)) / (len(na) + len(nb)) < 0.8:
        return False
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.8


def words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in norm(text).split() if w not in _STOP and len(w) > 2)


def written(m: Mention) -> bool:
    """The date came from words of the sentence ("on Tuesday", "on 3 January"), not from
    the sentence before or the publication day."""
    return bool((m.date_text or "").strip())


_FULL_DATE = re.compile(r"\b\d{1,2}\b.*\b\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def full_date(m: Mention) -> bool:
    """The sentence writes the day out in full, year included ("on 8 May 2020", "October 7,
    2023"): nothing was resolved against a reference day that could be off by one."""
    return m.date_precision == 1 and bool(_FULL_DATE.search(m.date_text or ""))


def defaulted(m: Mention) -> bool:
    """A day-precise date that is only the publication day, with no words behind it."""
    return (not written(m) and bool(m.published) and m.date_precision == 1
            and m.date == (m.published or "")[:10])


_DAY_TEXT, _MONTH_TEXT, _YEAR_TEXT = (re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"\d{4}-\d{2}"),
                                      re.compile(r"\d{4}"))


def date_span(date: str | None, precision: int = 1) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date may stand for: one day, a week around it (precision 2),
    or the whole month/year (precision 3, or a YYYY-MM / YYYY string)."""
    if not date:
        return None
    try:
        if _DAY_TEXT.fullmatch(date):
            day = dt.date.fromisoformat(date)
            if precision == 2:
                return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
            if precision >= 3:
                date = date[:7]
            else:
                return day, day
        if _MONTH_TEXT.fullmatch(date):
            y, m = int(date[:4]), int(date[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if _YEAR_TEXT.fullmatch(date):
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


def generic_cameo(code: str | None) -> str:
    """A CAMEO code with its 'not specified' tail dropped: "160" -> "16", "0256" stays.
    A generic code is compatible with every code below it (see compat.cameo_compatible)."""
    code = (code or "").strip()
    while len(code) > 2 and code.endswith("0"):
        code = code[:-1]
    return code


def actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.actor_id or norm(actor.name) or None


def generic_actor(actor: Actor | None) -> bool:
    """A kind of people ("Protesters (Chile)", "Unidentified Armed Group (Syria)"), not a party
    that tells one event from another."""
    if actor is None:
        return True
    return actor.type in GENERIC_ACTOR_TYPES or bool(_GENERIC_NAME.match(actor.name or ""))


def actor_class(actor: Actor | None) -> str | None:
    return ACTOR_CLASS.get(actor.type) if actor and actor.type else None


def place_level(place: Place | None) -> int:
    """How fine a place is: 4 a located town, 3 a district, 2 a province, 1 a country, 0 none."""
    if place is None:
        return 0
    if place.name and (place.feature in (None, "", "city", "town", "village", "location")
                       and (place.geo_precision or 1) <= 2) and not _is_area(place):
        return 4
    if place.admin2:
        return 3
    if place.admin1:
        return 2
    return 1 if (place.iso3 or place.country) else 0


_SETTLEMENTS = ("city", "town", "village", "location")


def spot(place: Place | None) -> str | None:
    """The name of the particular place a report gives (a town, village, hill, road), when it
    names one: not an admin unit or a country, which many events share. Kept even when the
    gazetteer only placed it at its province ("the hills above Kalag", precision 3): the
    name still tells it from another village."""
    if place is None or not place.name or _is_area(place):
        return None
    if (place.feature or "city") not in _SETTLEMENTS:
        return None
    return norm(place.name) or None


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Words of country names, aliases, capitals and demonyms (sitrep/data/countries.yaml,
    demonyms.yaml, pycountry): they say which state, not which place."""
    from sitrep.extract import lexicon
    from sitrep.geocode.schema import load_countries_data
    names: list[str] = []
    for entry in (load_countries_data().get("countries") or {}).values():
        for key in ("name", "aliases", "metonyms", "demonyms"):
            value = (entry or {}).get(key) or []
            names.extend([value] if isinstance(value, str) else value)
    names.extend((lexicon.load("demonyms.yaml").get("demonyms") or {}).keys())
    try:
        import pycountry
        names.extend(getattr(c, a) for c in pycountry.countries for a in ("name", "common_name")
                     if getattr(c, a, None))
    except ImportError:     # a dependency; without it the data files still cover most
        pass
    return frozenset(w for n in names for w in norm(n).split())


def place_names(m: Mention) -> tuple[frozenset[str], frozenset[str]]:
    """(places, areas) the sentence names besides the one geocoded: each a normalised name,
    its words that are context (the mention's place and admin units, its actors, countries,
    days and months) removed; areas are the names an admin word follows ("Tump district")."""
    text = m.sentence or ""
    found = [(match.group(1), match.end()) for match in _PLACE_NAME.finditer(text)]
    if not found:
        return _NO_NAMES
    common = _common_words()
    context = set()
    for a in (m.actor1, m.actor2, *m.associated):
        if a is not None:
            context.update(norm(a.name).split(), norm(a.text).split())
    p = m.place
    if p is not None:
        for x in (p.name, p.admin1, p.admin2, p.country, p.text):
            context.update(norm(x).split())
    context.update(norm(m.attributed_to).split())
    places, areas = set(), set()
    for name, end in found:
        kept = [w for w in norm(name).split()
                if w not in context and w not in common and len(w) > 2 and not w.isdigit()]
        if kept:
            (areas if _AREA_AFTER.match(text, end) else places).add(" ".join(kept))
    return frozenset(places), frozenset(areas)


_NO_NAMES: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The context words of every mention: countries' words (`_country_words`) and days and
    months (one set, so place_names does not copy it per mention)."""
    return _country_words() | _CALENDAR


def town(place: Place | None) -> str | None:
    """The name of a town the gazetteer located (its own coordinates), even one named like
    its district ("Kerman", "Lahore"): two reports there agree on a particular place. Unlike
    `spot` it does not set a report apart from one naming a village in that district."""
    if place is None or not place.name or (place.feature or "city") not in _SETTLEMENTS:
        return None
    return (norm(place.name) or None) if own_coordinates(place) else None


def own_coordinates(place: Place) -> bool:
    """The place was located itself (a gazetteer entry, or precision 1), not at its district's
    or province's centre."""
    return place.geo_precision == 1 or (bool(place.geonameid) and (place.geo_precision or 3) <= 2)


def count(fig: Figure | None) -> int | None:
    """The number a report gives ("seven killed" -> 7); None for no figure, a vague count
    ("several") or zero ("no casualties": many events share it)."""
    if fig is None or is_vague(fig):
        return None
    value = next((v for v in (fig.best, fig.low, fig.high) if v is not None), None)
    return value if value else None


def _is_area(place: Place) -> bool:
    """A place whose name is its own admin unit or country (no town named)."""
    return any(same_name(place.name, x) for x in (place.admin2, place.admin1, place.country) if x)


@dataclass(frozen=True)
class Features:
    mention: Mention
    family: str                 # violent, demonstration, strategic:<cameo root>, verbal:<root>
    group: str | None           # violent sub-event group (remote, explosive, direct)
    cameo: str                  # generic-normalised CAMEO code
    span: tuple[dt.date, dt.date] | None     # the days the mention's own date stands for
    window: tuple[dt.date, dt.date] | None   # span, or for an undated mention the month
                                             # before its article appeared (see REPORT_WINDOW)
    country: str | None         # ISO3 when known, else normalised name
    level: int                  # place_level
    spot: str | None            # the particular place named (see `spot`), normalised
    town: str | None            # a located town, even one named like its district (`town`)
    counts: tuple[int | None, int | None]    # killed, injured as numbers (see `count`)
    names: frozenset[str]       # other particular places the sentence names (place_names)
    areas: frozenset[str]       # admin units it names that the gazetteer did not place
    actors: tuple[Actor, ...]   # actor1, actor2, associated (non-empty names)
    trigger_words: frozenset[str]
    usable: bool                # asserted, denied or alleged: takes part in fusion (plans, questions do not)

    @property
    def violent(self) -> bool:
        return self.family == "violent"

    @property
    def located(self) -> bool:
        """Where it happened tells two events apart: violence, demonstrations (a protest
        in Lahore and one in Peshawar the same day are two protests) and ACLED's strategic
        developments (an arrest, a looting, a patrol: each coded where it happened). For
        statements the place is only where they were made."""
        return self.family in ("violent", "demonstration") or self.family.startswith("strategic")

    @classmethod
    def of(cls, m: Mention) -> "Features":
        root = (m.cameo or "")[:2]
        if m.event_type in VIOLENT_TYPES:
            family = "violent"
        elif m.event_type in DEMONSTRATION_TYPES:
            family = "demonstration"
        elif m.event_type:
            family = f"strategic:{root}"
        else:
            family = f"verbal:{root}"
        place = m.place
        country = None
        if place is not None:
            country = place.iso3 or norm(place.country) or None
        actors = tuple(a for a in (m.actor1, m.actor2, *m.associated) if a is not None and a.name)
        trigger = words(m.trigger)
        specific = any(w.startswith(MODE_STEMS) for w in trigger) or not trigger
        group = SUB_EVENT_GROUP.get(m.sub_event_type or "") if specific else None
        span, window = windows(m)
        names, areas = place_names(m)
        return cls(mention=m, family=family, group=group,
                   cameo=generic_cameo(m.cameo), span=span, window=window,
                   country=country, level=place_level(place), spot=spot(place), town=town(place),
                   counts=(count(m.fatalities), count(m.injuries)),
                   names=names, areas=areas, actors=actors,
                   trigger_words=trigger, usable=usable(m))


def usable(m: Mention) -> bool:
    """Asserted, denied or alleged: the mention takes part in fusion (plans, questions do not)."""
    return m.modality in ("asserted", "denied", "alleged")


def windows(m: Mention) -> tuple[tuple[dt.date, dt.date] | None, tuple[dt.date, dt.date] | None]:
    """(span, window) of `Features.of(m)`, alone: what reading in date order needs to know
    before computing the rest."""
    span = date_span(m.date, m.date_precision)
    if span and defaulted(m):
        span = (span[0] - DEFAULT_DAY_SLACK, span[1])
    window = span
    if window is None and m.published:
        pub = date_span(m.published[:10])
        window = (pub[0] - REPORT_WINDOW, pub[1]) if pub else None
    return span, window
