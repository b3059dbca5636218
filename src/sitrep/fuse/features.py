"""What fusion compares about a mention, computed once per mention.

    Features.of(mention) -> Features    date span, type family, place levels, actor keys, words

Everything here is a pure function of one Mention, so the pair scores built on it
(sitrep.fuse.compat) do not depend on the order mentions arrive in.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass

from sitrep.models import Actor, Mention, Place

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

_STOP = frozenset("""a an the of in on at to for by with from and or but as into its it his her their
their this that these those was were is are be been has have had said says say after before
during over than then there which who whom whose what when where while also per about against
""".split())


def norm(text: str | None) -> str:
    """Lower-case ASCII words: for comparing names written by different outlets."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


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
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.8


def words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in norm(text).split() if w not in _STOP and len(w) > 2)


def written(m: Mention) -> bool:
    """The date came from words of the sentence ("on Tuesday", "on 3 January"), not from
    the sentence before or the publication day."""
    return bool((m.date_text or "").strip())


def defaulted(m: Mention) -> bool:
    """A day-precise date that is only the publication day, with no words behind it."""
    return (not written(m) and bool(m.published) and m.date_precision == 1
            and m.date == (m.published or "")[:10])


def date_span(date: str | None, precision: int = 1) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date may stand for: one day, a week around it (precision 2),
    or the whole month/year (precision 3, or a YYYY-MM / YYYY string)."""
    if not date:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            day = dt.date.fromisoformat(date)
            if precision == 2:
                return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
            if precision >= 3:
                date = date[:7]
            else:
                return day, day
        if re.fullmatch(r"\d{4}-\d{2}", date):
            y, m = int(date[:4]), int(date[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if re.fullmatch(r"\d{4}", date):
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
    actors: tuple[Actor, ...]   # actor1, actor2, associated (non-empty names)
    trigger_words: frozenset[str]
    usable: bool                # asserted or denied: takes part in fusion (plans, questions do not)

    @property
    def violent(self) -> bool:
        return self.family == "violent"

    @property
    def located(self) -> bool:
        """Where it happened tells two events apart: violence, and demonstrations (a protest
        in Lahore and one in Peshawar the same day are two protests). For statements the
        place is only where they were made."""
        return self.family in ("violent", "demonstration")

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
        span = date_span(m.date, m.date_precision)
        if span and defaulted(m):
            span = (span[0] - DEFAULT_DAY_SLACK, span[1])
        window = span
        if window is None and m.published:
            pub = date_span(m.published[:10])
            window = (pub[0] - REPORT_WINDOW, pub[1]) if pub else None
        return cls(mention=m, family=family, group=group,
                   cameo=generic_cameo(m.cameo), span=span, window=window,
                   country=country, level=place_level(place), actors=actors,
                   trigger_words=trigger, usable=m.modality in ("asserted", "denied"))
