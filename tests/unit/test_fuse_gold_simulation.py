"""Fusion alone against the demo corpus's gold: mentions simulated from the gold events (one per
article that reports each event, with the variation outlets show: different actor names, a
missing place or target, the other accepted sub-event type, a report a day off, differing
figures), fused, exported and scored by the shared scorer. Extraction is not involved, so this
pins what fusion itself achieves; the gold is read from ../shared at test time, never copied."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import subprocess
import sys

import pytest
from fuse_builders import killed, mention

from sitrep.export.records import event_record
from sitrep.fuse import fuse
from sitrep.models import Actor, LinkCue, Place

pytestmark = pytest.mark.shared

# How the simulated extractor names each gold side (canonical ACLED-style names).
SIDES = {
    "iran_state": [("Military Forces of Iran", "IRN", "state_forces"), ("Government of Iran", "IRN", "government")],
    "pakistan_state": [("Military Forces of Pakistan", "PAK", "state_forces"), ("Government of Pakistan", "PAK", "government")],
    "jaish_al_adl": [("Jaish al-Adl", "IRN", "rebel_group")],
    "baloch_separatists": [("BLF: Balochistan Liberation Front", "PAK", "rebel_group"), ("BLA: Balochistan Liberation Army", "PAK", "rebel_group")],
    "islamic_state": [("Islamic State", None, "rebel_group")],
    "iran_civilians": [("Civilians (Iran)", "IRN", "civilians")],
    "pakistan_civilians": [("Civilians (Pakistan)", "PAK", "civilians")],
    "militants_unidentified": [("Unidentified Armed Group (Pakistan)", "PAK", "rebel_group")],
    "iraq": [("Civilians (Iraq)", "IRQ", "civilians")],
    "syria": [("Unidentified Armed Group (Syria)", "SYR", "rebel_group")],
    "china": [("Government of China", "CHN", "government")],
    "india": [("Government of India", "IND", "government")],
    "usa": [("Government of United States", "USA", "government")],
    "united_baloch_army": [("United Baloch Army", "PAK", "rebel_group")],
    "raji_aajoi_sangar": [("Baloch Raaji Aajoi Sangar", "PAK", "rebel_group")],
}
EVENT_TYPE = {"Air/drone strike": "Explosions/Remote violence", "Suicide bomb": "Explosions/Remote violence",
              "Shelling/artillery/missile attack": "Explosions/Remote violence",
              "Remote explosive/landmine/IED": "Explosions/Remote violence", "Armed clash": "Battles",
              "Attack": "Violence against civilians",
              "Abduction/forced disappearance": "Violence against civilians"}
ISO3 = {"Pakistan": "PAK", "Iran": "IRN", "Iraq": "IRQ", "Syria": "SYR"}


def simulate(gold: dict, rnd: random.Random) -> list:
    out, counters = [], {}
    for ev in gold["events"]:
        for art in ev["mentioned_in"]:
            doc, idx = art.split("#")
            n = counters[art] = counters.get(art, -1) + 1
            sides = [Actor(*rnd.choice(SIDES[s])) for s in ev.get("actors", []) if s in SIDES]
            a1 = sides[0] if sides else None
            a2 = sides[1] if len(sides) > 1 and rnd.random() > 0.2 else None
            place = None
            if ev.get("violent"):
                sub = rnd.choice(ev["sub_event_types"])
                kind = (EVENT_TYPE[sub], sub, "190", -10.0)
                country = (ev.get("country") or [None])[0]
                admin1 = (ev.get("admin1") or [None])[0]
                if country and rnd.random() > 0.2:
                    place = Place(admin1 or country, country, ISO3[country], admin1, None, None, None,
                                  3, "admin1" if admin1 else "country")
            else:
                kind = (None, None, ev["cameo_roots"][0] + "0", -2.0)
            deaths = None
            if ev.get("fatalities") and rnd.random() > 0.2:
                deaths = killed(rnd.choice([ev["fatalities"]["low"][0], ev["fatalities"]["high"][1]]))
            precision = {"day": 1, "week": 2}.get(ev.get("precision", "day"), 3)
            date = ev["date"]
            if precision == 1 and rnd.random() < 0.1:
                date = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            published = gold["articles"].get(art, {}).get("published") or "2024-01-18"
            out.append(mention(doc, idx=int(idx), n=n, kind=kind, a1=a1, a2=a2, place=place,
                               date=date, precision=precision, published=published,
                               fatalities=deaths, trigger=kind[1] or "said"))
    return out


def add_cues(mentions: list, gold: dict) -> list:
    """Each required gold link becomes a cue on the later event's mentions, without a target
    mention: fusion must find the earlier event from the cue words and the time order."""
    by_id = {e["id"]: e for e in gold["events"]}
    cues = {}
    for link in gold.get("links", []):
        if link.get("required"):
            later, earlier = by_id[link["from"]], by_id[link["to"]]
            words = None if earlier.get("violent") and later.get("violent") else "the attack"
            if set(earlier.get("sub_event_types", [])) & {"Suicide bomb"}:
                words = "a suicide bombing"
            cues[(later["date"], tuple(later.get("actors", [])[:1]))] = LinkCue("response_to", "in response to", words)
    out = []
    for m in mentions:
        for (date, first), c in cues.items():
            if m.date == date and m.event_type and m.actor1 and first and \
                    m.actor1.country == SIDES[first[0]][0][1]:
                m = dataclasses.replace(m, links=(c,))
        out.append(m)
    return out


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_fusion_meets_the_corpus_targets_on_simulated_mentions(shared_dir, tmp_path, seed):
    yaml = pytest.importorskip("yaml")
    gold_path = shared_dir / "eval" / "seeds.gold.yaml"
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    rnd = random.Random(seed)
    mentions = add_cues(simulate(gold, rnd), gold)
    rnd.shuffle(mentions)
    out = tmp_path / "events.jsonl"
    out.write_text("".join(json.dumps(event_record(e)) + "\n" for e in fuse(mentions)), encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "corpus", "--gold",
                          str(gold_path), "--events", str(out), "--json"],
                         capture_output=True, text=True, check=True)
    score = json.loads(res.stdout)
    assert score["f1"] >= 0.9, score["detail"]
    assert score["events"]["duplicates"] <= 1, score["detail"]["duplicates"]
    hit, total = score["attributes"]["all_sources_cited"]
    assert hit >= 0.9 * total
    assert score["links"][0] == score["links"][1]
