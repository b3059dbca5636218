"""Hand-built mentions for the fusion tests (no model): small constructors with defaults."""
from __future__ import annotations

from sitrep.models import Actor, Figure, LinkCue, Mention, Place

IRAN = Actor("Military Forces of Iran", "IRN", "state_forces", "iran_military")
IRGC = Actor("Islamic Revolutionary Guard Corps", "IRN", "state_forces", "irgc")
PAKISTAN = Actor("Military Forces of Pakistan", "PAK", "state_forces", "pakistan_military")
PAK_GOV = Actor("Government of Pakistan", "PAK", "government", "pakistan_government")
IRAN_GOV = Actor("Government of Iran", "IRN", "government", "iran_government")
JAA = Actor("Jaish al-Adl", "IRN", "rebel_group", "jaish_al_adl")
BLF = Actor("Balochistan Liberation Front", "PAK", "rebel_group", "blf")
UBA = Actor("United Baloch Army", "PAK", "rebel_group", "uba")
ISK = Actor("Islamic State Khorasan", None, "rebel_group", "is_k")
CIV_PAK = Actor("Civilians (Pakistan)", "PAK", "civilians")
CIV_IRN = Actor("Civilians (Iran)", "IRN", "civilians")
FC = Actor("Frontier Corps", "PAK", "state_forces", "frontier_corps")

BALOCHISTAN = Place("Balochistan", "Pakistan", "PAK", "Balochistan", None, 28.5, 65.5, 3, "admin1")
PANJGUR = Place("Panjgur", "Pakistan", "PAK", "Balochistan", "Panjgur", 26.96, 64.09, 1, "city")
SISTAN = Place("Sistan and Baluchestan", "Iran", "IRN", "Sistan and Baluchestan", None, 27.5, 60.5,
               3, "admin1")
SARAVAN = Place("Saravan", "Iran", "IRN", "Sistan and Baluchestan", "Saravan", 27.37, 62.33, 1, "city")
KECH = Place("Kech", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 62.9, 2, "admin2")
BOLAN = Place("Bolan", "Pakistan", "PAK", "Balochistan", "Kachhi", 29.4, 67.6, 2, "admin2")
KERMAN = Place("Kerman", "Iran", "IRN", "Kerman", "Kerman", 30.28, 57.08, 1, "city")

STRIKE = ("Explosions/Remote violence", "Air/drone strike", "195", -10.0)
MISSILE = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "194", -10.0)
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED", "183", -10.0)
SUICIDE = ("Explosions/Remote violence", "Suicide bomb", "1831", -10.0)
CLASH = ("Battles", "Armed clash", "190", -10.0)
RECALL = (None, None, "161", -4.0)
CONDEMN = (None, None, "111", -2.0)
PHONE = (None, None, "041", 1.0)


def killed(best=None, low=None, high=None, qualifier=None, text=None):
    if low is None and best is not None and qualifier not in ("nearly", "up to"):
        low = best
    return Figure(low=low, best=best, high=high, qualifier=qualifier, text=text)


def mention(doc="a.txt", idx=0, n=0, kind=STRIKE, a1=None, a2=None, place=None, date="2024-01-16",
            precision=1, published="2024-01-17", outlet=None, fatalities=None, injuries=None,
            attributed_to=None, modality="asserted", links=(), sentence=None, trigger="strike",
            associated=(), start=None, date_text=None):
    article_id = f"{doc}:{idx}"
    start = n * 100 if start is None else start
    return Mention(
        mention_id=f"{article_id}:{start}:{n}", article_id=article_id, document=doc,
        article_index=idx, sentence=sentence or f"sentence {n} of {doc}", start=start,
        end=start + 50, trigger=trigger, event_type=kind[0], sub_event_type=kind[1],
        cameo=kind[2], goldstein=kind[3], actor1=a1, actor2=a2, associated=tuple(associated),
        place=place, date=date, date_precision=precision, date_text=date_text,
        fatalities=fatalities,
        injuries=injuries, attributed_to=attributed_to, modality=modality, links=tuple(links),
        outlet=outlet or doc.split(".")[0], published=published)


def cue(type_="retaliation_for", text=None, target=None, days=None, words="in retaliation"):
    return LinkCue(type_, words, target_text=text, target_mention=target, days_after=days)
