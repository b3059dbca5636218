"""The extraction knowledge files in sitrep/data/ (triggers, actors, demonyms, cues): loading,
schema checks and the combined data version every Mention records."""
from __future__ import annotations

import functools
from typing import Any

from sitrep.datafiles import read_yaml
from sitrep.models import ACTOR_TYPES

FILES = ("triggers.yaml", "actors.yaml", "demonyms.yaml", "cues.yaml")


class DataError(ValueError):
    """A data file does not follow its schema."""


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    data = read_yaml(name)
    validate(name, data)
    return data


def version() -> str:
    """One string naming the version of every extraction data file ('triggers-...+actors-...')."""
    return "+".join(str(load(n)["version"]) for n in FILES)


def entries(value) -> list:
    """A data field that holds one entry or a list of them ("unnamed", "members"), as a list."""
    if not value:
        return []
    return value if isinstance(value, list) else [value]


def _need(cond: bool, name: str, msg: str) -> None:
    if not cond:
        raise DataError(f"{name}: {msg}")


def validate(name: str, data: Any) -> None:
    """Raise DataError when `data` (the parsed file `name`) breaks its schema."""
    _need(isinstance(data, dict) and isinstance(data.get("version"), str), name, "needs a version string")
    if name == "triggers.yaml":
        ids = set()
        for t in data.get("triggers") or []:
            tid = t.get("id")
            _need(isinstance(tid, str) and tid not in ids, name, f"trigger id {tid!r} missing or repeated")
            ids.add(tid)
            _need(isinstance(t.get("patterns"), list) and t["patterns"], name, f"{tid}: patterns list")
            _need(all(isinstance(p, str) and p.strip() for p in t["patterns"]), name, f"{tid}: empty pattern")
            _need(isinstance(t.get("cameo"), str) and t["cameo"].isdigit() and 2 <= len(t["cameo"]) <= 4,
                  name, f"{tid}: cameo must be a 2-4 digit string")
            _need(isinstance(t.get("goldstein"), (int, float)) and -10 <= t["goldstein"] <= 10,
                  name, f"{tid}: goldstein in [-10, 10]")
            _need(isinstance(t.get("priority"), int), name, f"{tid}: integer priority")
            _need((t.get("event_type") is None) == (t.get("sub_event_type") is None), name,
                  f"{tid}: event_type and sub_event_type go together")
            _need(isinstance(t.get("short_only", False), bool) and isinstance(t.get("topic_ok", False), bool),
                  name, f"{tid}: short_only/topic_ok are booleans")
            _need(all(isinstance(y, str) for y in t.get("yields_to") or ()), name, f"{tid}: yields_to ids")
            for frame, over in (t.get("in_frame") or {}).items():
                _need({"event_type", "sub_event_type", "cameo", "goldstein", "priority"} <= set(over),
                      name, f"{tid}: in_frame.{frame} incomplete")
        _need(isinstance(data.get("topic_heads"), list), name, "topic_heads list")
        for key in ("crowd_verbs", "claim_verbs", "closures"):
            _need(isinstance(data.get(key), list) and all(isinstance(w, str) and w for w in data[key]),
                  name, f"{key}: a list of words")
        for t in data.get("triggers") or []:
            for y in t.get("yields_to") or ():
                _need(y in ids, name, f"{t['id']}: yields_to unknown trigger {y!r}")
    elif name == "actors.yaml":
        ids = set()
        for a in data.get("actors") or []:
            _need(a.get("id") not in ids and isinstance(a.get("name"), str), name, f"actor {a.get('id')!r}")
            ids.add(a["id"])
            _need(a.get("type") in ACTOR_TYPES, name, f"{a['id']}: type {a.get('type')!r}")
            c = a.get("country")
            _need(c is None or (isinstance(c, str) and len(c) == 3 and c.isupper()), name,
                  f"{a['id']}: country must be ISO alpha-3")
            _need(isinstance(a.get("aliases"), list) and a["aliases"], name, f"{a['id']}: aliases")
            _need(all(isinstance(v, str) and v and len(str(k)) == 10 for k, v in (a.get("names_until") or {}).items()),
                  name, f"{a['id']}: names_until maps YYYY-MM-DD to a name")
            _need(not a.get("factions") or "{faction}" in str(a["factions"]), name,
                  f"{a['id']}: factions is a name with {{faction}}")
        for kind, g in (data.get("generic") or {}).items():
            _need(g.get("type") in ACTOR_TYPES and "{country}" in g.get("name", ""), name, f"generic {kind}")
            _need(isinstance(g.get("heads"), list), name, f"generic {kind}: heads")
            _need(all(isinstance(w, str) and w for w in g.get("after_nationality") or ()), name,
                  f"generic {kind}: after_nationality are words")
        for c in data.get("community_militias") or []:
            _need(c.get("type") in ACTOR_TYPES and "{name}" in c.get("name", "") and c.get("words")
                  and "{name}" in c.get("ethnic_name", "{name}"), name, "community_militias entry")
            where = c.get("countries") or ()
            _need(isinstance(data.get(where), list) if isinstance(where, str) else
                  all(isinstance(w, str) and len(w) == 3 for w in where), name,
                  "community_militias countries: ISO alpha-3 codes, or the name of a list of them")
            _need(all(u.get("words") and "{country}" in u.get("name", "") for u in entries(c.get("unnamed"))),
                  name, "community_militias unnamed (one or a list): words and a name with {country}")
        for r in data.get("communal_regions") or []:
            _need(isinstance(r.get("country"), str) and len(r["country"]) == 3 and r.get("admin1") and r.get("from")
                  and isinstance(r.get("name"), str), name, "communal_regions: country, admin1, from, name")
        _need(all(isinstance(w, str) and w for w in data.get("ethnic_groups") or ()), name,
              "ethnic_groups are names")
        _need(all(isinstance(w, str) and w for w in data.get("not_on_duty") or ()), name,
              "not_on_duty are words")
        _need(all(isinstance(w, str) and w for w in data.get("lone_doers") or ()), name,
              "lone_doers are words")
        for f in data.get("frontlines") or []:
            _need(isinstance(f.get("country"), str) and len(f["country"]) == 3 and f.get("admin1"), name,
                  "frontlines: country and admin1")
            _need(all(s in ids or (s.startswith("generic:") and s[8:] in (data.get("generic") or {}))
                      for s in f.get("sides") or ()) and len(f.get("sides") or ()) == 2, name,
                  f"frontlines {f.get('country')}: two sides, registry ids or generic:<kind>")
            _need(str(f.get("from", "")) < str(f.get("until", "9")), name, "frontlines: from before until")
            _need(all(isinstance(o, str) and o for o in f.get("observers") or ()), name,
                  f"frontlines {f.get('country')}: observers are names")
        for o in data.get("operations") or []:
            _need(isinstance(o.get("forces_of"), str) and len(o["forces_of"]) == 3 and o.get("actor") in ids
                  and all(isinstance(c, str) and len(c) == 3 for c in o.get("in") or [None]) and o.get("from"),
                  name, "operations: forces_of, in (ISO alpha-3), from, a registry actor")
        for iso, label in (data.get("unidentified_names") or {}).items():
            _need(isinstance(iso, str) and len(iso) == 3 and iso.isupper() and isinstance(label, str) and label,
                  name, f"unidentified_names {iso}: ISO alpha-3 -> name")
        for etype, kind in (data.get("by_event_type") or {}).items():
            _need(kind in (data.get("generic") or {}), name, f"by_event_type {etype}: unknown kind {kind}")
        for iso, table in (data.get("local_aliases") or {}).items():
            _need(isinstance(iso, str) and len(iso) == 3 and iso.isupper() and isinstance(table, dict)
                  and all(isinstance(w, str) and w and v in ids for w, v in table.items()),
                  name, f"local_aliases {iso}: ISO alpha-3 -> alias -> registry id")
        _need(all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in data.get("of_the") or ()),
              name, "of_the: ISO alpha-3 codes")
    elif name == "demonyms.yaml":
        for section in ("demonyms", "countries"):
            for k, v in (data.get(section) or {}).items():
                _need(v is None or (isinstance(v, str) and len(v) == 3), name, f"{section}.{k}: {v!r}")
    elif name == "cues.yaml":
        for c in data.get("links") or []:
            _need(c.get("type") in ("retaliation_for", "response_to", "follows", "protest_at"), name,
                  f"link cue type {c.get('type')!r}")
            _need(isinstance(c.get("pattern"), str), name, "link cue pattern")
        for key in ("say_verbs", "hedges", "negations", "plans", "qualified_things", "place_offices"):
            _need(isinstance(data.get(key), list), name, f"{key} list")
        spans = data.get("history_spans") or {}
        _need(isinstance(data.get("topic_shifts"), list), name, "topic_shifts list")
        _need(all(isinstance(spans.get(k), list) for k in ("units", "modifiers")), name,
              "history_spans units and modifiers")
