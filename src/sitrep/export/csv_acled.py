"""ACLED-style CSV: ACLED's column names, order and value conventions, so the file loads
wherever ACLED exports load; sitrep's own fields follow at the end.

Conventions kept (see ACLED's codebook):
- `event_date` YYYY-MM-DD; a month-only date is put at the 15th (`time_precision` 3), a
  year-only date at 1 July; `year` is the event's year.
- `inter1`/`inter2` are ACLED's actor-type codes 1..8; a state's forces acting outside their
  own country are "External/Other Forces" (8); `interaction` compounds the two codes, lowest
  first (12, 18, ...), or the single code when there is no second actor.
- `fatalities` is the conservative figure (the event's best, else its lowest, else 0); the
  reported range is in `fatalities_low`/`fatalities_high` and, when reports disagree, the
  dispute is written into `notes` as ACLED does.
- `iso` is the numeric ISO 3166 code; `region` ACLED's region; `event_id_cnty` the alpha-3
  code plus a number derived from sitrep's event id (stable across exports).
- `civilian_targeting` is "Civilian targeting" when the second actor is civilians.
- Article text is untrusted: a text cell starting with "=", "+", "-" or "@" is written with a
  leading apostrophe so spreadsheets show it instead of evaluating it.

Diplomatic and verbal interactions (ambassador recalls, summonses, appeals: CAMEO codes ACLED
does not collect) are **left out** of the `csv` format, so the file means what an ACLED file
means. The `csv-all` format keeps them as event_type "Strategic developments", sub_event_type
"Other", disorder_type "Strategic developments" with the tag "sitrep:diplomatic" (their CAMEO
code and Goldstein score are in the extra columns).
"""
from __future__ import annotations

import csv
import hashlib
import time

from sitrep.export.acled_regions import region
from sitrep.export.common import open_text, select
from sitrep.models import ACTOR_INTER, Actor, Event

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                 "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                 "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
                 "timestamp")
EXTRA_COLUMNS = ("cameo", "goldstein", "fatalities_low", "fatalities_best", "fatalities_high",
                 "injuries_low", "injuries_best", "injuries_high", "n_sources", "sitrep_date",
                 "sitrep_id")
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
DIPLOMATIC_TAG = "sitrep:diplomatic"
EXTERNAL = 8
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso_numeric(iso3: str | None) -> str:
    if not iso3:
        return ""
    try:
        import pycountry
        country = pycountry.countries.get(alpha_3=iso3.upper())
    except (ImportError, LookupError, KeyError):
        return ""
    return str(int(country.numeric)) if country else ""


def acled_date(date: str | None) -> str:
    """sitrep's YYYY-MM-DD / YYYY-MM / YYYY as ACLED's event_date."""
    if not date:
        return ""
    if len(date) == 7:
        return f"{date}-15"
    if len(date) == 4:
        return f"{date}-07-01"
    return date[:10]


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "Political violence"
    if event_type == "Protests":
        return ("Political violence; Demonstrations"
                if sub_event_type == "Excessive force against protesters" else "Demonstrations")
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    return "Strategic developments"


def inter_code(actor: Actor | None, iso3: str | None) -> int | None:
    if actor is None or not actor.type:
        return None
    code = ACTOR_INTER.get(actor.type)
    if code == 1 and actor.country and iso3 and actor.country.upper() != iso3.upper():
        return EXTERNAL
    return code


def _number(x: float | None, digits: int) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _event_id_cnty(ev: Event, iso3: str | None) -> str:
    number = int(hashlib.sha1(ev.event_id.encode("utf-8")).hexdigest()[:10], 16) % 10**8
    return f"{(iso3 or 'XXX').upper()}{number}"


def _notes(ev: Event) -> str:
    notes = ev.summary or ""
    outlets = {c.mention_id: c.outlet or c.document for c in ev.claims}
    for d in ev.disputes:
        sides = []
        for side in d.sides:
            who = ", ".join(str(outlets.get(s, s)) for s in (side.get("sources") or []))
            sides.append(f"{side.get('value')} ({who})" if who else str(side.get("value")))
        notes += f" [Reports differ on {d.field}: {' vs '.join(sides)}.]"
    return notes.strip()


def row(ev: Event, stamp: int, diplomatic: bool = False) -> dict[str, str | int]:
    """One event as an ACLED-style row (all values as they are written)."""
    p = ev.place
    iso3 = p.iso3 if p else None
    event_type, sub = ev.event_type, ev.sub_event_type
    tags = ""
    if diplomatic:
        event_type, sub, tags = "Strategic developments", "Other", DIPLOMATIC_TAG
    inter1, inter2 = inter_code(ev.actor1, iso3), inter_code(ev.actor2, iso3)
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = "".join(str(c) for c in codes)
    left = [a.name for a in ev.associated[:1]]
    right = [a.name for a in ev.associated[1:]]
    f = ev.fatalities
    fatalities = f.best if f.best is not None else (f.low if f.low is not None else 0)
    outlets = sorted({c.outlet for c in ev.claims if c.outlet})
    date = acled_date(ev.date)
    return {
        "event_id_cnty": _event_id_cnty(ev, iso3), "event_date": date,
        "year": date[:4], "time_precision": ev.date_precision,
        "disorder_type": disorder_type(event_type, sub), "event_type": event_type or "",
        "sub_event_type": sub or "", "actor1": ev.actor1.name if ev.actor1 else "",
        "assoc_actor_1": "; ".join(left), "inter1": inter1 if inter1 is not None else "",
        "actor2": ev.actor2.name if ev.actor2 else "", "assoc_actor_2": "; ".join(right),
        "inter2": inter2 if inter2 is not None else "", "interaction": interaction,
        "civilian_targeting": ("Civilian targeting" if ev.actor2 and ev.actor2.type == "civilians"
                               else ""),
        "iso": _iso_numeric(iso3), "region": region(iso3),
        "country": (p.country if p else "") or "", "admin1": (p.admin1 if p else "") or "",
        "admin2": (p.admin2 if p else "") or "", "admin3": "",
        "location": (p.name if p else "") or "",
        "latitude": _number(p.latitude if p else None, 4),
        "longitude": _number(p.longitude if p else None, 4),
        "geo_precision": (p.geo_precision if p and p.geo_precision else ""),
        "source": "; ".join(outlets), "source_scale": "", "notes": _notes(ev),
        "fatalities": fatalities, "tags": tags, "timestamp": stamp,
        "cameo": ev.cameo, "goldstein": "" if ev.goldstein is None else ev.goldstein,
        "fatalities_low": "" if f.low is None else f.low,
        "fatalities_best": "" if f.best is None else f.best,
        "fatalities_high": "" if f.high is None else f.high,
        "injuries_low": "" if ev.injuries.low is None else ev.injuries.low,
        "injuries_best": "" if ev.injuries.best is None else ev.injuries.best,
        "injuries_high": "" if ev.injuries.high is None else ev.injuries.high,
        "n_sources": len({(c.document, c.article) for c in ev.claims}),
        "sitrep_date": ev.date or "", "sitrep_id": ev.event_id,
    }


def inert(value):
    """A text cell a spreadsheet would run as a formula ("=", "+", "-", "@", tab or CR first)
    gets a leading apostrophe, as OWASP advises for CSV injection; numbers are left alone."""
    if isinstance(value, str) and value[:1] in FORMULA_START:
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def write_rows(events, fh, include_diplomatic: bool = False) -> int:
    stamp = int(time.time())
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for ev in events:
        if ev.event_type is None and not include_diplomatic:
            continue
        values = row(ev, stamp, diplomatic=ev.event_type is None)
        writer.writerow({k: inert(v) for k, v in values.items()})
        n += 1
    return n


def write_csv(store, output: str, include_diplomatic: bool = False, **filters) -> int:
    """ACLED-style CSV of the (filtered) events; diplomatic rows only when asked."""
    with open_text(output, newline="") as fh:
        return write_rows(select(store, **filters), fh, include_diplomatic)


def write_csv_all(store, output: str, **filters) -> int:
    """The `csv-all` format: ACLED-style CSV with diplomatic rows as Strategic developments."""
    return write_csv(store, output, include_diplomatic=True, **filters)


__all__ = ["COLUMNS", "ACLED_COLUMNS", "row", "write_rows", "write_csv", "write_csv_all",
           "acled_date"]
