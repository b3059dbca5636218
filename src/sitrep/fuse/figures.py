"""Casualty ranges across reports, and the contradictions between reports.

    figure_range(claims, "fatalities") -> Range
    disputes(claims, members) -> tuple[Dispute, ...]

Ranges follow UCDP's low/best/high with ACLED's rule for `best`:
  - low  = the lowest figure reported, high = the highest; "at least nine" reports 9,
    "nearly 100" reports at most 100 and nothing about the low end;
  - best = the figure all reports agree on, otherwise the most conservative (lowest) one
    (ACLED: "if sources differ or are vague, use the most conservative estimate");
  - vague counts ("several", "a number of", "dozens" = 12) count only when no report gives a
    number: "several killed" next to "seven killed" is the same seven, not a lower bound of 3;
  - a claim without a figure is not a 0, and a 0 next to positive reports is a denial
    ("none of its fighters died"): it is listed as a dispute side, it does not pull low to 0;
  - denied claims never enter the range;
  - a report that counts several events together ("two more attacks ... seven soldiers")
    gives a total, not this event's figure: it counts only when no other report gives one.
"""
from __future__ import annotations

import re

from sitrep.fuse.compat import actor_sim
from sitrep.fuse.features import is_vague, place_level
from sitrep.models import Claim, Dispute, Figure, Mention, Range

UPPER = frozenset({"nearly", "almost", "up to", "as many as", "close to", "under", "less than",
                   "fewer than"})


def bounds(f: Figure) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) that one report supports; None where it says nothing."""
    q = (f.qualifier or "").strip().lower()
    best = f.best if f.best is not None else (f.low if f.low is not None else f.high)
    high = f.high if f.high is not None else best
    if q in UPPER and f.low is None:
        return None, best, high
    low = f.low if f.low is not None else best
    return low, best, high


def _figures(claims, key: str) -> list[tuple[Claim, Figure]]:
    out = []
    for c in claims:
        f = getattr(c, key)
        if f is None or c.modality != "asserted":
            continue
        if f.low is None and f.best is None and f.high is None:
            continue
        out.append((c, f))
    return out


# "two more attacks ... in which seven soldiers lost their lives": a count of several events
# followed by their dead reports a total, not a figure for any one of them.
_SEVERAL_EVENTS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|both|\d{1,3})\s+(?:more\s+|separate\s+|"
    r"other\s+|further\s+|different\s+|simultaneous\s+|coordinated\s+)?(?:\w+\s+)?"
    r"(?:attacks|strikes|airstrikes|bombings|blasts|explosions|clashes|incidents|ambushes|"
    r"raids|assaults)\b", re.I)


def is_total(claim: Claim) -> bool:
    """The report counts several events together ("two more attacks on security forces in
    which seven soldiers lost their lives")."""
    return bool(_SEVERAL_EVENTS.search(claim.text or ""))


def _singles(figs: list[tuple[Claim, Figure]]) -> list[tuple[Claim, Figure]]:
    """A total over several events says nothing about this one when another report gives
    a figure for it; alone it is the best there is."""
    return [(c, f) for c, f in figs if not is_total(c)] or figs


def _usable(claims, key: str) -> list[tuple[Claim, Figure]]:
    figs = _singles(_figures(claims, key))
    precise = [(c, f) for c, f in figs if not is_vague(f)]
    chosen = precise or figs
    positive = [(c, f) for c, f in chosen if (bounds(f)[2] or 0) > 0]
    return positive or chosen      # zeros count only when nobody reports a death


def figure_range(claims, key: str) -> Range:
    figs = _usable(claims, key)
    if not figs:
        return Range()
    b = [bounds(f) for _, f in figs]
    lows = [x[0] for x in b if x[0] is not None]
    highs = [x[2] for x in b if x[2] is not None]
    bests = [x[1] for x in b if x[1] is not None]
    high = max(highs) if highs else None
    low = min(lows) if lows else (min(highs) if highs else None)
    best = min(bests) if bests else low     # agreement gives that figure; else the lowest
    if best is not None and low is not None:
        best = max(best, low)
    return Range(low=low, best=best, high=high)


def _side(value, claims, note: str | None = None) -> dict:
    side = {"value": value,
            "sources": [c.mention_id for c in claims],
            "outlets": sorted({c.outlet for c in claims if c.outlet}),
            "attributed_to": sorted({c.attributed_to for c in claims if c.attributed_to})}
    if note:
        side["text"] = note
    return side


def _figure_dispute(claims, key: str) -> Dispute | None:
    by_value: dict[object, list[Claim]] = {}
    texts: dict[object, str] = {}
    any_precise = any(not is_vague(f) for _, f in _figures(claims, key))
    counted = {c.mention_id for c, _ in _singles(_figures(claims, key))}
    for c in claims:
        f = getattr(c, key)
        if f is not None and c.modality == "asserted" and c.mention_id not in counted:
            continue        # a total over several events does not contradict one event's figure
        if f is not None and is_vague(f) and any_precise:
            continue        # "several" next to "seven" does not contradict it
        if c.modality == "denied" and key == "fatalities":   # a denial is listed once
            by_value.setdefault("denied", []).append(c)
            continue
        if f is None or c.modality != "asserted":
            continue
        _, best, high = bounds(f)
        value = best if best is not None else high
        if value is None:
            continue
        if f.qualifier:
            value = f"{f.qualifier} {value}".strip()
        by_value.setdefault(value, []).append(c)
        texts.setdefault(value, f.text or "")
    if len(by_value) < 2:
        return None
    order = sorted(by_value, key=lambda v: (isinstance(v, str), str(v)))
    sides = tuple(_side(v, by_value[v], texts.get(v)) for v in order)
    return Dispute(field=key, sides=sides, note=f"reports differ on {key}")


def _actor_dispute(members: list[Mention], claims_by_mention: dict, role: str) -> Dispute | None:
    groups: list[tuple[object, list[Claim]]] = []
    for m in members:
        actor = getattr(m, role)
        if actor is None or m.modality != "asserted":
            continue
        claim = claims_by_mention[m.mention_id]
        for i, (rep, cs) in enumerate(groups):
            if (actor_sim(rep, actor) or 0) >= 0.7:
                cs.append(claim)
                break
        else:
            groups.append((actor, [claim]))
    if len(groups) < 2:
        return None
    sides = tuple(_side(rep.name, cs) for rep, cs in sorted(groups, key=lambda g: g[0].name))
    return Dispute(field=role, sides=sides, note="reports name different "
                   + ("targets" if role == "actor2" else "perpetrators"))


def _place_dispute(members: list[Mention], claims_by_mention: dict) -> Dispute | None:
    by_name: dict[str, list[Claim]] = {}
    for m in members:
        if m.place is not None and place_level(m.place) == 4 and m.modality == "asserted":
            by_name.setdefault(m.place.name, []).append(claims_by_mention[m.mention_id])
    if len(by_name) < 2:
        return None
    return Dispute(field="location", sides=tuple(_side(n, by_name[n]) for n in sorted(by_name)),
                   note="reports name different places")


def _date_dispute(members: list[Mention], claims_by_mention: dict) -> Dispute | None:
    by_day: dict[str, list[Claim]] = {}
    for m in members:
        if m.date and len(m.date) == 10 and m.date_precision == 1 and m.modality == "asserted":
            by_day.setdefault(m.date, []).append(claims_by_mention[m.mention_id])
    if len(by_day) < 2:
        return None
    return Dispute(field="date", sides=tuple(_side(d, by_day[d]) for d in sorted(by_day)),
                   note="reports give different days")


def disputes(claims: tuple[Claim, ...], members: list[Mention]) -> tuple[Dispute, ...]:
    if len(claims) < 2 and len(members) < 2:
        return ()       # each dispute has two sides, each with a report of its own
    by_mention = {c.mention_id: c for c in claims}
    found = [_figure_dispute(claims, "fatalities"), _figure_dispute(claims, "injuries"),
             _actor_dispute(members, by_mention, "actor1"),
             _actor_dispute(members, by_mention, "actor2"),
             _place_dispute(members, by_mention), _date_dispute(members, by_mention)]
    return tuple(d for d in found if d is not None)
