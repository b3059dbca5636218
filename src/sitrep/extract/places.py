"""Where did it happen: the event's place in a sentence, geocoded.

    event_place(sent, doc, article_country) -> Place | None
    article_country(doc) -> ISO3 | None

Not every place a sentence names is where the event happened ("Pakistan in retaliation
attacked militants in Iran"; "Iran's strike on Pakistan ... which borders Iran"). The
reading, in order:

  1. written admin context   "Uvira (Uvira, Sud-Kivu)", "Wana town (SW, KPK)" - the name
                             before a parenthesis of admin names: location, admin2, admin1
  2. candidates              GPE/LOC/FAC entities (NER plus the gazetteer's entity ruler)
                             that the gazetteer knows, each scored:
                               specificity  town 3 > district 2.5 > province 2 > country 1
                               +2  governed by a locative preposition (in, at, near, ...)
                                   on the way up the parse (so "in Pakistan's province of
                                   Balochistan" reaches "in" through "of" and "province")
                               -2  a possessive or actor modifier ("Pakistan's army")
                               -0.3 per earlier candidate (notes and leads name the
                                   event's place first)
  3. context after the name  "Turmero, Aragua state", "Musa Khel district, Khost",
                             "Tijuana, Baja California": the next name is an admin hint
  4. precision               town 1; "near X", a district or an area 2; a province or
                             region only 3 (its capital); the country only 3 (its capital)

Names that say who or what rather than where are no candidates: hyphenated modifiers
("Israel-linked", "US-made"), words of a quoted code name ("codenamed 'Marg Bar ...'"), the
country across a border ("along the border with Iran"), the speaker's seat ("officials in
Quetta said", '"...," an official in X said'), a country or capital acting as a government
("Tehran said it attacked", "Islamabad accused"), a person's home in an apposition (", a
native of Lahore,"); "who hailed from X" only ranks X last. "In Iranian territory" / "on
Pakistani soil" is the country. A named district ("in the same Kech district") pins its
country and province for namesakes. A place in a country the article never names, far from
all those it does, needs a locative and a written name ("Bar" alone is not Montenegro).

Among namesakes the text's own context outranks population: a written province, a division
word only some countries use ("Bolivar state", "Al Jawf governorate"), a mission's area (the
OSCE SMM reports from Donetsk and Luhansk), a nationality word (it also picks between namesake
provinces, "the Tunisian union in Beja", and vouches for its country's towns beside a country
named elsewhere); a province name that is also a town in a country the sentence names pins
nothing ("in Tripoli, Lebanon"). A part of a written place is read with it (place_parts.py):
"the Shufat neighbourhood of Jerusalem" is the neighbourhood beside the city, whichever side of
a line it lies on; "Zongo neighborhood in Cotonou" is not Congo's Zongo; "the Mayor of Tyr" is
Tyr; "Tijuana Baja California" is a town and its province. Words of a longer name ("Spain" in
"Port of Spain") vote for no country; a date or a people's word after "in"/"of" is no place.

With no place in the sentence, the place of the nearest earlier sentence that has one stands
in (carried_place: within EARLIER_CHARS, not against a country this sentence names), else the
article's country (precision 3). The readers of written admin context (brackets, ", Aragua
state", division words) live in place_admin.py.
"""
from __future__ import annotations

import re
from collections import Counter

from sitrep.extract.place_admin import (AREA_WORDS, BORDER_PAIR, NOT_PLACES, _NAME, _replace,
                                        admin1_of_district, admin1_spelling, context_after,
                                        forces_demonym, from_parenthesis, prefer_units, shared_border,
                                        unit_countries, unit_country, unit_word, without_full_stop)
from sitrep.extract.place_hints import (HYPHEN_MODIFIER, THING_AFTER, article_countries,
                                        demonym_countries, km, mission_areas, mission_countries)
from sitrep.extract.place_parts import (OFFICES, PART_WORDS, beside, beside_town, called_town, known,
                                        town_in_province, written_with_province)
from sitrep.extract.spantext import ents_of, full_text, span_text
from sitrep.extract.speakers import (GOVERNMENT_LEMMAS, HAILING, ORIGIN, SAY_LEMMAS, SAY_RX, in_speaker,
                                    the_speaker)
from sitrep.geocode import get_gazetteer
from sitrep.geocode.names import key
from sitrep.models import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# entity labels that say a capitalised word after "in"/"of" is no place name
NOT_PLACE_LABELS = {"DATE", "TIME"}
LOC_PREPS = {"in", "at", "near", "into", "inside", "outside", "on", "across", "around", "within",
             "throughout", "towards", "toward", "along", "from", "between", "off"}
PLACE_NOUNS = {"province", "provinces", "region", "city", "town", "village", "district", "state",
               "governorate", "county", "area", "outskirts", "vicinity", "capital", "suburbs",
               "neighbourhood", "neighborhood", "camp", "suburb", "quarter"}
NEAR_WORDS = {"near", "outside", "around", "nearby", "close", "vicinity", "outskirts"}
TERRITORY_NOUNS = {"territory", "territories", "soil", "airspace", "waters"}
SPECIFICITY = {"city": 3.0, "admin2": 2.5, "region": 2.0, "admin1": 2.0, "country": 1.0}


def _gaz():
    return get_gazetteer()


# ---------------------------------------------------------------- article country

def article_country(doc) -> str | None:
    """The article's main country: the dateline's place ("ISLAMABAD:"), else the country
    its places and country names point to most often."""
    gaz = _gaz()
    head = full_text(doc)[:200]
    m = re.match(r"\s*(?:[A-Z][A-Za-z'’.\-]+(?:[ /][A-Z][A-Za-z'’.\-]+)*)", head)
    if m and re.match(r"\s*[:,(—–-]", head[m.end():m.end() + 3] or " "):
        for part in m.group(0).split("/"):
            iso = _place_country(part.strip().title(), gaz)
            if iso:
                break
        else:
            iso = None
        if iso:
            return iso
    votes: Counter = Counter()
    inner = inner_spans(doc)
    for ent in ents_of(doc):
        if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP":
            continue
        if (ent.start_char, ent.end_char) in inner:
            continue        # "Port" and "Spain" inside "in Port of Spain": no vote of their own
        kinds = ("demonym",) if ent.label_ == "NORP" else gaz.PLACE_KINDS
        if THING_AFTER.match(full_text(doc), ent.end_char) or key(ent.text) in GENERIC_PLACE_WORDS:
            continue        # "the US dollar rate"; "Centre" is a province in a dozen countries
        iso = gaz.country_iso3(ent.text, kinds=kinds)
        short_caps = len(ent.text) <= 3 and ent.text.isupper()    # "AL", "AA": parties, groups
        if iso is None and ent.label_ != "NORP" and not short_caps:
            iso = _place_country(ent.text, gaz)
        if iso:
            votes[iso] += 1
    return votes.most_common(1)[0][0] if votes else None


_LAST_INNER: tuple = (None, frozenset())


def inner_spans(doc) -> frozenset:
    """(start, end) of the place entities that are words of a longer written name ("Port" and
    "Spain" in "in Port of Spain"): _mentions' INNER, for the readers of a whole Doc."""
    global _LAST_INNER
    last = _LAST_INNER
    if last[0] is doc:
        return last[1]
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    text = full_text(doc)
    got = frozenset((m.start, m.end) for sent in sents for m in _mentions(sent, _gaz())
                    if m.label == "INNER" and text[m.end:m.end + 2] not in ("'s", "’s"))   # "of Kenya's forces"
    _LAST_INNER = (doc, got)
    return got


def _article_countries(doc, gaz) -> frozenset:
    return article_countries(doc, gaz, inner_spans(doc))


def _place_country(text: str, gaz) -> str | None:
    iso = gaz.country_iso3(text, kinds=gaz.PLACE_KINDS)
    if iso:
        return iso
    best = gaz.best(text)
    return best.iso3 if best and best.feature != "region" else None


# ---------------------------------------------------------------- the event's place

# A capitalised name after a locative word: how notes and news name small places that the
# statistical NER misses or calls a PERSON ("in Carvajal, Trujillo state").
AFTER_PREP = re.compile(r"\b(?:in|at|near|into|outside|around|on|of|from|toward|towards)\s+(?:the\s+)?"
                        r"(?:(?:town|city|village|district|province|region|area|governorate|state|outskirts|"
                        r"vicinity)\s+of\s+)?(?:(?:rural|northern|southern|eastern|western|central|north|south|"
                        r"east|west|downtown|greater|countryside\s+of)\s+)?(?P<name>" + _NAME + r")"
                        r"|\b(?:city|town|village|district|province|governorate|region)\s+of\s+(?P<name2>" + _NAME + r")")



# Province names that are also plain words ("Central", "North"): provinces only where the
# country is already known.
GENERIC_PLACE_WORDS = frozenset(key(w) for w in """Central North South East West Eastern Western
Northern Southern Centre Center Capital Coast Delta Plateau Rivers Lakes Upper Lower Middle Nord Sud
Est Ouest Sahel Federal Littoral Oriental Occidental""".split())


class _Mention:
    __slots__ = ("start", "end", "text", "label", "ent")

    def __init__(self, start, end, text, label, ent=None):
        self.start, self.end, self.text, self.label, self.ent = start, end, text, label, ent


def event_place(sent, doc=None, article_country: str | None = None, earlier: bool = True) -> Place | None:
    """`earlier`: with no place named, the place of a sentence before (carried_place) stands
    in before the country does."""
    gaz = _gaz()
    text = span_text(sent)
    mentions = _mentions(sent, gaz)
    demonyms, missions = demonym_countries(sent, gaz), mission_countries(text)
    countries_here, admin1s = _anchors(mentions, gaz, article_country, full_text(sent.doc), demonyms)
    allowed = set(countries_here) | {p.iso3 for p in admin1s.values()} | missions
    hint_iso = next(iter(allowed)) if len(allowed) == 1 else (
        article_country if article_country in allowed or not allowed else None)
    if not allowed and (hint_iso is None or hint_iso not in _article_countries(sent.doc, gaz)):
        # a nationality word is weaker evidence ("Colombian insignia" found in Venezuela):
        # it ranks namesakes but rules nothing out; it outranks an article country that the
        # article never names (one guessed from the very name in question: "Tripoli")
        hint_iso = next(iter(demonyms)) if len(demonyms) == 1 else hint_iso

    place = from_parenthesis(text, gaz, hint_iso, allowed)
    if place is not None:
        return place
    # one province the sentence names (or a district's): namesakes inside it rank first
    area_hint = next(iter(admin1s.values())) if len({(p.iso3, p.admin1) for p in admin1s.values()}) == 1 else None
    areas = [area_hint] if area_hint is not None else ([] if admin1s else mission_areas(text, gaz))
    bound = area_hint is None and bool(areas)    # a mission's area: a namesake outside it is not it
    # the countries a namesake may lie in: those the sentence names, and with them those it
    # qualifies ("in Atakent town ..., demanding the Kazakh government ... in neighbouring
    # Uzbekistan": Kazakhstan's Atakent); a nationality alone rules nothing out
    vouched = allowed | set(demonyms) if allowed else allowed
    scored = []
    for order, m in enumerate(mentions):
        cand = _resolve_mention(m, full_text(sent.doc), gaz, hint_iso, vouched, areas, bound)
        if cand is None:
            continue
        # a town the gazetteer lacks, placed at its province's seat, is no finer than the province
        feature = "admin1" if cand.feature == "city" and cand.geo_precision == 3 else cand.feature
        score = SPECIFICITY.get(feature, 1.0) + _syntax_score(m, sent.doc) - 0.3 * order
        if context_after(full_text(sent.doc), m.end)[0]:
            score += 1.0    # "X, Y state": the writer placed X for us
        if m.label == "INNER":
            score -= 3.0
        if score < 0 and cand.feature == "country":
            continue        # "US dollar": a modifier, no evidence of place at all
        if _not_the_scene(m, sent, cand):
            continue        # the speaker's seat, a government, the victims' home town
        if HAILING.search(full_text(sent.doc)[max(sent.start_char, m.start - 60):m.start]):
            score -= 5.0
        if _far_afield(cand, m, sent, gaz, set(countries_here) | missions, article_country):
            continue        # "codenamed 'Marg Bar ...'" in a story about Pakistan: not Montenegro
        if _is_metonym(m, gaz) and _syntax_score(m, sent.doc) <= 0:
            continue        # "Tehran condemned", "warned Tehran": the government, not the city
        scored.append((score, -order, m, cand, False))
    if scored:
        scored = written_with_province(scored)
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        _, _, m, cand, _ = scored[0]
        if cand.feature == "country":
            # "in Pakistan's province of Balochistan", "into Iran targeting Sistan-Baluchestan":
            # a place inside the chosen country is the more precise answer (not a capital
            # that only stands for its government)
            inside = [t for t in scored if t[3].iso3 == cand.iso3 and t[3].feature != "country" and not t[4]]
            if inside:
                _, _, m, cand, _ = inside[0]
        return _finish(cand, m, sent.doc, admin1s)
    # no place the gazetteer knows: the place the sentence before named ("in X, Y state, police
    # raided a house. A shoot-out broke out."), unless this one names another country
    prev = carried_place(sent.start_char, _places_before(sent, article_country), allowed) if earlier else None
    if prev is not None:
        return prev
    # else the country the sentence points to, else the article's
    for iso in (countries_here[0] if len(countries_here) == 1 else None,
                hint_iso if allowed else None, forces_demonym(sent, gaz) if BORDER_PAIR.search(text) else None,
                hint_iso, article_country, next(iter(allowed)) if len(allowed) == 1 else None,
                *demonyms[:1], unit_country(text)):
        if iso:
            return gaz.country_place(iso)
    return None


# How far back a place carries to a sentence that names none (characters between the end of
# the sentence that named it and the start of this one).
EARLIER_CHARS = 600


def carried_place(start: int, before, allowed=frozenset()) -> Place | None:
    """The one carry-over of a place: a sentence that names none continues the story told
    before it. `before`: (end, place) of the earlier sentences, nearest first (place None: one
    with no place of its own); the nearest with a place, ending within EARLIER_CHARS of `start`,
    gives it - a country too, the story's country for want of a finer place - unless this
    sentence points to another country (`allowed`: the countries it names or implies). Used by
    event_place (the sentences before, in its Doc) and by the extractor (its mentions before,
    across the article's paragraphs).

    (The two paths had a copy each: event_place carried only places finer than a country, the
    extractor any. One rule, measured both ways: the demo corpus and the first 2000 notes of
    global_2020_05 score the same either way; carrying a country changed one note's second
    actor, to no worse.)"""
    for end, place in before:
        if start - end >= EARLIER_CHARS:
            return None
        if place is None:
            continue
        return place if not allowed or place.iso3 in allowed else None
    return None


def _places_before(sent, article_country):
    """(end, place) of the sentences before `sent` in its Doc, nearest first: the place each
    names (None for one that names none), for carried_place."""
    doc = sent.doc
    if sent.start == 0 or not doc.has_annotation("SENT_START"):
        return      # the first sentence, or a hand-built Doc with no sentences
    before = [s for s in doc.sents if s.end <= sent.start]
    for prior in reversed(before):
        if sent.start_char - prior.end_char >= EARLIER_CHARS:
            return
        named = _mentions(prior, _gaz())
        yield prior.end_char, event_place(prior, doc, article_country, earlier=False) if named else None


def _is_metonym(m, gaz) -> bool:
    return m.label != "REGEX" and gaz.country_iso3(m.text, kinds=("metonym",)) is not None


_LAST_MENTIONS: tuple = (None, {})


def _mentions(sent, gaz) -> list[_Mention]:
    """Place entities, plus capitalised names after locative words that no place entity covers.
    Read once per span of the last Doc asked about (inner_spans reads every sentence of it,
    event_place and _places_before the same ones again)."""
    global _LAST_MENTIONS
    doc, memo = _LAST_MENTIONS
    if doc is not sent.doc:
        memo = {}
        _LAST_MENTIONS = (sent.doc, memo)
    spot = (sent.start_char, sent.end_char)
    if spot not in memo:
        memo[spot] = tuple(_read_mentions(sent, gaz))
    return list(memo[spot])


def _read_mentions(sent, gaz) -> list[_Mention]:
    out = [_Mention(e.start_char, e.end_char, re.sub(r"^(?:the|The)\s+", "", e.text), e.label_, e)
           for e in ents_of(sent) if e.label_ in PLACE_LABELS and key(e.text) not in NOT_PLACES]
    covered = [(m.start, m.end) for m in out]
    # "during the month of Ramadan": a time, not a place; "in the Arab towns": a people's word
    # before a noun (the tagger calls many a small town NORP too: "rallied in Thessaloniki")
    not_places = [(e.start_char, e.end_char) for e in ents_of(sent) if e.label_ in NOT_PLACE_LABELS or (
        e.label_ == "NORP" and e.end < len(sent.doc) and sent.doc[e.end].pos_ == "NOUN"
        and not re.fullmatch(AREA_WORDS, sent.doc[e.end].text, flags=re.I))]
    whole, base = full_text(sent.doc), sent.start_char
    sent_text = whole[base:sent.end_char]     # = sent.text, without rebuilding it from its tokens
    for rx in AFTER_PREP.finditer(sent_text):
        group = "name" if rx.group("name") else "name2"
        s, e = base + rx.start(group), base + rx.end(group)
        name = without_full_stop(rx.group(group))
        if " of " in name and name.split(" of ")[0].lower() in OFFICES and not known(name, gaz):
            # "the house of the Mayor of Tyr", "the Governor of X": the place an office serves
            tail = name.split(" of ", 1)[1]
            s, name = s + len(name) - len(tail), tail
        if key(name) in NOT_PLACES or gaz.country_iso3(name, kinds=("demonym",)):
            continue        # "in the Pakistani province of ...": a nationality, not a name
        if any(ns <= s and s + len(name) <= ne for ns, ne in not_places):
            continue
        inside = [m for m in out if s <= m.start and m.end <= s + len(name) and (m.end - m.start) < len(name)]
        overlapping = sum(1 for cs, ce in covered if s < ce and cs < e)
        if len(inside) == 2 and " ".join(m.text for m in inside) == name and not known(name, gaz) and \
                town_in_province(inside[0].text, inside[1].text, gaz):
            continue        # "in Tijuana Baja California": a town and its province without a comma
        if inside and len(inside) == overlapping and "'s " not in name and "’s " not in name:
            # "Ras al Ain", "Mali Zvornik", "Nahri Saraj": a longer written name around the
            # ruler's "Ain"/"Mali"/"Saraj"; inner entities stay only as weak fallbacks
            for inner in inside:
                inner.label = "INNER"
        elif overlapping:
            continue
        out.append(_Mention(s, s + len(name), name, "REGEX"))
        covered.append((s, e))
    for rx in TERRITORY.finditer(sent_text):
        # "in Iranian territory", "on Pakistani soil": the demonym's country is the place
        iso = gaz.country_iso3(rx.group("demonym"), kinds=("demonym",))
        s = base + rx.start("demonym")
        if iso and not any(m.start <= s < m.end for m in out):
            out.append(_Mention(s, base + rx.end("demonym"), gaz.country_name(iso), "TERRITORY"))
    out = [m for m in out if not _not_a_location(m, whole)]
    out.sort(key=lambda m: m.start)
    return out


# "codenamed 'Silent Bar Hawk'", "dubbed \"Operation X\"": a name, not a place
CODE_NAME = re.compile(r"\b(?:code-?named|dubbed|named|called|titled|operation|campaign)\s*[,:\-–—]?\s*"
                       r"[‘'\"“][^‘'\"“’”]{0,60}$", re.I)
_QUOTES = "‘'\"“"     # the opening quotes CODE_NAME reads
# "along the border with Iran", "which borders Iran": the place is on this side of it
BORDER_WITH = re.compile(r"\b(?:border|borders|bordering|frontier)\s+(?:with\s+)?(?:neighbou?ring\s+)?"
                         r"(?:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s*(?:,\s*|\s+and\s+|\s+or\s+)){0,3}$")
# "in Iranian territory", "inside Pakistani airspace", "on Afghan soil"
TERRITORY = re.compile(r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:territory|territories|soil|airspace|territorial\s+waters|"
                       r"waters)\b")


def _not_a_location(m, doc_text) -> bool:
    """Names that say who or what, not where: a hyphenated modifier, a word inside a quoted
    code name, the country on the other side of a border, either side of a shared border."""
    if HYPHEN_MODIFIER.match(doc_text, m.end):
        return True
    if shared_border(m, doc_text):
        return True
    before = doc_text[max(0, m.start - 80):m.start]
    # (each regex is tried only when the text holds what it cannot match without: an opening
    # quote; "border" or "frontier", as BORDER_WITH is case-sensitive)
    if any(q in before for q in _QUOTES) and CODE_NAME.search(before):
        return True
    near = before[-40:]
    return ("border" in near or "frontier" in near) and bool(BORDER_WITH.search(near))


DISTRICT_WORD = re.compile(r"\s+(?:district|districts|tehsil|county|sub-district|subdistrict|division)$", re.I)


def _anchors(mentions, gaz, article_iso, doc_text="", demonyms=()) -> tuple[list[str], dict[str, Place]]:
    """Countries the sentence names, and names that are provinces of one country only (or
    of the article's country): "Punjab" alone pins no country, "Balochistan" does, and so
    does "Al Jawf governorate" (of the two, only Yemen has governorates). A province name
    that is also a town in a country the sentence names or qualifies pins nothing ("in
    Tripoli, Lebanon", "Lebanese soldiers in Tripoli": not Libya's Tripoli province)."""
    countries, admin1s = [], {}
    for m in mentions:
        if m.label == "INNER":
            continue        # "Spain" inside "Port of Spain"
        iso = gaz.country_iso3(m.text, kinds=gaz.PLACE_KINDS)
        if iso and iso not in countries and not THING_AFTER.match(doc_text, m.end):
            countries.append(iso)
    context = set(countries) | set(demonyms)
    for m in mentions:
        if m.label == "INNER" or gaz.country_iso3(m.text, kinds=gaz.PLACE_KINDS):
            continue
        if key(m.text) in GENERIC_PLACE_WORDS and not article_iso:
            continue
        options = gaz.lookup(m.text, article_iso, features=("admin1",), limit=5)
        units = unit_countries(unit_word(doc_text, m.start, m.end)) if doc_text else frozenset()
        if units and any(o.iso3 in units for o in options):
            options = [o for o in options if o.iso3 in units]
        if not options and DISTRICT_WORD.search(m.text):
            # "in the same Kech district": a district of one country pins that country and
            # its province for namesakes elsewhere in the sentence
            districts = gaz.lookup(DISTRICT_WORD.sub("", m.text), article_iso, features=("admin2",), limit=5)
            if districts and len({d.iso3 for d in districts}) == 1 and districts[0].admin1:
                a1 = gaz.admin1(districts[0].admin1, districts[0].iso3)
                if a1 is not None:
                    admin1s.setdefault(a1.admin1, a1)
            continue
        if not options:
            continue
        if any(p.iso3 in context and p.iso3 not in {o.iso3 for o in options}
               for p in gaz.lookup(m.text, limit=10)):
            continue
        named = [o for o in options if o.iso3 in context]
        if len({o.iso3 for o in options}) > 1 and len({o.iso3 for o in named}) == 1:
            # namesake provinces, one in a country the sentence names or qualifies ("the
            # Tunisian union in Beja": Tunisia's Beja, not Portugal's)
            admin1s[m.text] = named[0]
        elif article_iso and options[0].iso3 == article_iso:
            admin1s[m.text] = options[0]
        elif len({o.iso3 for o in options}) == 1:
            admin1s[m.text] = options[0]
    return countries, admin1s


def _resolve_mention(m, doc_text, gaz, hint_iso, allowed, areas=(), bound=False) -> Place | None:
    """The place a mention names. `areas`: provinces whose namesakes rank first; `bound`:
    a town found in none of them stands in at the first area (its capital, precision 3)."""
    iso = gaz.country_iso3(m.text, kinds=gaz.PLACE_KINDS)
    if iso:
        return gaz.country_place(iso, text=m.text)
    admin_hint, kind = context_after(doc_text, m.end)
    # "Zongo neighborhood in Cotonou", "San Cristobal, Bogota": a part of the town written
    # after it ("Myrzakent town of Turkistan region": a town of a province, read below)
    part_of = admin_hint if kind is None or kind in PART_WORDS else None
    name = re.sub(r"\s+" + AREA_WORDS + r"$", "", m.text, flags=re.I) or m.text
    a1 = None
    if admin_hint and key(admin_hint) in GENERIC_PLACE_WORDS and not hint_iso:
        admin_hint = None
    if admin_hint:
        units = unit_countries(kind)
        if units and hint_iso not in units and hint_iso not in allowed:
            # "El Callao, Bolivar state": the state, not Colombia's Bolivar department
            a1 = next((o for o in gaz.lookup(admin_hint, features=("admin1",), codes=True, limit=8)
                       if o.iso3 in units), None)
        a1 = a1 or gaz.admin1(admin_hint, hint_iso, codes=True) or gaz.admin1(admin_hint, codes=True)
        if a1 is None and gaz.country_iso3(admin_hint, kinds=gaz.PLACE_KINDS):
            hint_iso = gaz.country_iso3(admin_hint, kinds=gaz.PLACE_KINDS)
            allowed = allowed | {hint_iso}
        elif a1 is None:
            a1 = admin1_of_district(gaz, admin_hint, hint_iso)
            if a1 is None:      # "Tillabery" for "Tillaberi"
                a1 = gaz.fuzzy_admin1(admin_hint, hint_iso)
                if a1 is None and hint_iso and hint_iso not in allowed:
                    # the hint was only the article's guess (often from this very name:
                    # "Rukban camp in Rural Damascus" is not Jordan's Rukban)
                    a1 = gaz.fuzzy_admin1(admin_hint)
                admin_hint = admin_hint if a1 else None
            else:
                admin_hint = a1.admin1
    iso = a1.iso3 if a1 else hint_iso
    areas = [a for a in areas if iso in (None, a.iso3)] if a1 is None else []
    if areas:
        # namesakes inside the province the text names (or a mission's area) rank first
        everywhere = []
        for area in areas:
            got = gaz.lookup(name, area.iso3, area.admin1, limit=5)
            everywhere += [p for p in got if p.admin1 == area.admin1 and p not in everywhere]
        elsewhere = [p for p in gaz.lookup(name, areas[0].iso3, limit=5) if p not in everywhere]
        if bound and not everywhere and m.label != "INNER" and \
                not any(p.iso3 == areas[0].iso3 and _population_ok(gaz, p, 40_000) for p in elsewhere):
            a1, admin_hint = areas[0], areas[0].admin1     # a village, not a known town elsewhere
        everywhere += elsewhere
    else:
        everywhere = gaz.lookup(name, iso, a1.admin1 if a1 else None, limit=5)
    if not allowed and a1 is None:
        # "Al Jawf governorate", "Barkin Ladi LGA": a namesake in a country that uses the word
        everywhere = prefer_units(everywhere, unit_countries(unit_word(doc_text, m.start, m.end)))
    found = everywhere
    if allowed:
        found = [p for p in found if p.iso3 in allowed or (a1 is not None and p.iso3 == a1.iso3)]
        if not found and m.label not in ("REGEX", "INNER") and everywhere and not areas and \
                everywhere[0].feature == "city" and _population_ok(gaz, everywhere[0], 40_000):
            # a well-known town abroad beats the country merely mentioned ("in Zahle ...
            # people who came from Syria"), not a province written with it ("near Karama in
            # eastern Ar-Raqqa countryside" is no Calama, Chile)
            found = everywhere[:1]
    elif m.label == "REGEX":
        # with no country in sight a capitalised word after "in" must be a real town
        found = [p for p in found if p.feature != "city" or _population_ok(gaz, p)]
    if a1 is not None and not any(p.admin1 == a1.admin1 for p in found):
        # "the Shufat neighbourhood of Jerusalem": a namesake beside the written place is
        # that part of it, whichever side of a line it lies on
        by = next((p for p in everywhere if p.feature == "city" and beside(p, a1)), None)
        if by is not None:
            return by
        # a town the gazetteer lacks (or only knows elsewhere), in a province it knows: a
        # close spelling there ("Quamishli"), else the province's capital stands in for it
        near = gaz.fuzzy_place(name, a1.iso3, a1.admin1)
        if near is not None:
            return _replace(near, name=name, admin1=admin1_spelling(admin_hint, a1), text=m.text)
        return Place(name=name, country=gaz.country_name(a1.iso3), iso3=a1.iso3,
                     admin1=admin1_spelling(admin_hint, a1), latitude=a1.latitude,
                     longitude=a1.longitude, geo_precision=3, feature="city", text=m.text)
    if not found and not everywhere and a1 is None and len(name) >= 6 and not called_town(m, doc_text):
        # "Nabatiyeh" for the gazetteer's "Nabatiye": a close spelling of a province
        near = gaz.fuzzy_admin1(name, hint_iso)
        if near is not None and (not allowed or near.iso3 in allowed):
            return _replace(near, name=near.admin1, text=m.text)
    if not found:
        return None
    top = found[0]
    if a1 is None and part_of and not beside_town(top, part_of, gaz, hint_iso):
        return None     # "Zongo neighborhood in Cotonou": not Congo's Zongo
    if not allowed and hint_iso and top.iso3 != hint_iso and top.feature == "city" and a1 is None \
            and not _population_ok(gaz, top, 40_000):
        return None     # a village abroad that shares a name ("Bajwa") in an article about elsewhere
    if a1 is not None and top.iso3 == a1.iso3 and top.admin1 != a1.admin1:
        top = _replace(top, admin1=a1.admin1)     # the written province beats a namesake's
    if a1 is not None:
        top = _replace(top, admin1=admin1_spelling(admin_hint, a1))
    return top


def _population_ok(gaz, place: Place, minimum: int = 20_000) -> bool:
    if place.feature in ("admin1", "admin2"):
        return True
    return gaz.population(place) >= minimum


def _syntax_score(m, doc) -> float:
    span = m.ent if m.ent is not None else doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0.0
    score = 0.0
    if in_speaker(span):
        return -3.0     # "the official in Islamabad said": where the source is, not the event
    tok = span.root
    # walk up through "of", compounds and appositions to the governing preposition
    for _ in range(4):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in LOC_PREPS:
            score += 2.0 if head.lower_ != "from" else 0.5
            break
        if tok.dep_ == "poss" and head.lower_ not in ("province", "region", "city", "state", "district",
                                                       "town", "border", "capital", "territory", "soil"):
            score -= 2.0
            break
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
            break
        if head is tok:
            break
        tok = head
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if score <= 0 and (prev in LOC_PREPS or (prev == "of" and span.start > 1 and
                                             doc[span.start - 2].lower_ in PLACE_NOUNS)):
        score += 2.0
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ not in PLACE_NOUNS \
            and root.head.lower_ not in TERRITORY_NOUNS and root.head.i >= span.end:
        score -= 2.0      # "US dollar", "Pakistan army": a modifier, not a location
    if m.label == "FAC":
        score -= 0.5
    return score


def _not_the_scene(m, sent, cand) -> bool:
    """Names that say who speaks or who the victims were, not where it happened: the
    subject of a verb of saying and its modifiers ("officials in Quetta said", "a spokesman
    in X told reporters"), the attribution after a closing quote ("...," an official in X
    said), a country or capital as a government ("Tehran demanded", "condemned by Kabul"),
    the victims' origin ("who hailed from Punjab", ", residents of X,")."""
    doc = sent.doc
    text = full_text(doc)
    before = text[max(sent.start_char, m.start - 60):m.start]
    if ORIGIN.search(before) and re.match(r"\s*[,);]", text[m.end:m.end + 3]) and not context_after(text, m.end)[0]:
        return True     # an apposition closed after the name: ", residents of Multan," "(native of X)"
    span = m.ent if m.ent is not None else doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if the_speaker(span):
        return True
    # after a closing quote, in a clause of saying: '"...," a police official in Karachi said.'
    lead = text[sent.start_char:m.start]
    q = max(lead.rfind("”"), lead.rfind('"'))
    if q > 0 and (lead[q] == "”" or not lead[q - 1].isspace()) and len(lead) - q < 80 \
            and re.search(SAY_RX, text[q:sent.end_char], re.I) and not re.search(r"[“\"]", text[q + 1:sent.end_char]):
        return True
    if cand.feature != "country" and not _is_metonym(m, _gaz()) and \
            _gaz().country_iso3(m.text, kinds=("capital",)) is None:
        return False
    tok = span.root
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in GOVERNMENT_LEMMAS | SAY_LEMMAS:
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in GOVERNMENT_LEMMAS:
        return True     # "warned Dushanbe", "accused Kabul": the other government
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent" and \
            tok.head.head.lemma_.lower() in GOVERNMENT_LEMMAS | SAY_LEMMAS:
        return True
    return False


FAR_KM = 2000


def _far_afield(cand, m, sent, gaz, named_here, article_iso) -> bool:
    """A place in a country the article never names and far from all it does name (a town
    in Montenegro in a story about Pakistan and Iran) needs a locative ("in X") and a name
    the NER found; a short ambiguous word is not enough. `named_here`: the countries the
    sentence names outright (a province name alone does not vouch for its country: "Gaza")."""
    if cand.iso3 in named_here or cand.feature == "country" or cand.latitude is None:
        return False
    named = set(_article_countries(sent.doc, gaz))
    if not named or cand.iso3 in named or context_after(full_text(sent.doc), m.end)[0]:
        return False        # no country named at all, or "X, Y state" placed it for us
    if article_iso:
        named.add(article_iso)
    for iso in named:
        row = gaz.country(iso)
        if row and row[2] is not None and km(row[2], row[3], cand.latitude, cand.longitude) < FAR_KM:
            return False
    if m.label in ("REGEX", "INNER") or _syntax_score(m, sent.doc) < 2.0:
        return True
    return cand.feature == "city" and not _population_ok(gaz, cand, 40_000)


def _near(m, doc) -> bool:
    before = full_text(doc)[max(0, m.start - 40):m.start].lower()
    return bool(re.search(r"\b(?:near|outside|around|nearby|close to|vicinity of|outskirts of|km|"
                          r"kilometres|kilometers|miles)\b[^.,;]{0,25}$", before))


def _finish(cand: Place, m, doc, admin1s) -> Place:
    precision = cand.geo_precision or 1
    if cand.feature == "city" and _near(m, doc):
        precision = 2
    tail = full_text(doc)[m.end:m.end + 20].lower()
    if cand.feature == "city" and re.match(r"\s+(districts?|area|region|province|front|frontline)\b", tail):
        precision = 2
    admin1 = cand.admin1
    for written, a1 in admin1s.items():     # the province as the sentence spells it
        if a1.iso3 == cand.iso3 and a1.admin1 == cand.admin1:
            admin1 = admin1_spelling(written, a1)
            break
    return _replace(cand, geo_precision=precision, text=m.text, admin1=admin1)
