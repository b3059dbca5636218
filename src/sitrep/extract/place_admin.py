"""Admin context written around a place name, as notes and news give it.

    "Uvira (Uvira, Sud-Kivu)"         location, admin2, admin1 in brackets
    "Pipri, Kaushambi (UP)"           town, then district and an abbreviated province
    "Turmero, Aragua state"           a province (or a chain of them) after a comma
    "Musa Khel district of Khost"     "<kind> of/in <name>"
    "near the Mali-Niger border"      a shared border: neither side by itself

Used by sitrep.extract.places; split out to keep each module to one job.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from sitrep.geocode import get_gazetteer
from sitrep.geocode.names import key
from sitrep.models import Place

# Words after a name that say which kind of place it is.
AREA_WORDS = r"(?:city|town|village|villages|district|districts|area|neighbou?rhood|camp|county|municipality|" \
             r"province|state|region|governorate|department|sub-district|subdistrict|tehsil|upazila|" \
             r"commune|locality|settlement|parish|sub-county|subcounty|frontline|front|sector|LGA|rayon|oblast)"
ADMIN1_WORDS = {"province", "state", "region", "governorate", "oblast"}

# A full stop after a word of four letters or more, or after a figure, ends the sentence and a
# name with it ("in Kyiv. During the night", "near Slavne, Donetsk.", "Zolote-5."); after a
# shorter word it is taken for an abbreviation the name runs on through ("St. Louis", "Mt.
# Elgon", "U.S. Virgin Islands"). The one rule for where a written name ends: _NAME and
# without_full_stop. (Four letters, as the earlier copies meant; at three, names ending in a
# three-letter word, "Lanao del Sur.", stop running on too, and the one note of global_2020_05's
# first 2000 that changed lost its place: it had been right by luck of the run-on.)
_STOPS = (r"[^\W\d_]{4}\.", r"\d\.")
_ENDS_SENTENCE = re.compile("(?:" + "|".join(_STOPS) + ")$")
_RUNS_ON = "".join(f"(?<!{s})" for s in _STOPS)


def without_full_stop(name: str) -> str:
    """`name` without the sentence's full stop ("Donetsk." -> "Donetsk"); an abbreviation
    keeps its own ("St.", "U.S.")."""
    return name[:-1] if _ENDS_SENTENCE.search(name) else name


# (Persian names join their words with "e", the ezafe: "Kut e Abdollah", "Qasr e Shirin")
_NAME = r"(?:(?:al|el|as|ad|ar|at|an|ash|az)-)?[A-Z][\w'’.\-]*(?:" + _RUNS_ON + r"[ \-](?:de |del |la |al |el |an |ad |as |ash |ar |az |at |of |do |da |dos |das |du |des |e |-)?[A-Z][\w'’.\-]*)*"
# "Uvira (Uvira, Sud-Kivu)", "Ashulia town (Savar, Dhaka)", "As Sabaa (Tripoli)"
PAREN = re.compile(r"(?P<loc>" + _NAME + r")(?:\s+" + AREA_WORDS + r"){0,2}(?:\s*\[[^\]]{1,40}\])?"
                   r"\s*\((?P<a>[^()]{2,60})\)")
# ", Aragua state" / ", Khost" / ", Baja California" right after a name
AFTER = re.compile(r"^(?:\s+" + AREA_WORDS + r")?\s*,\s*(?P<next>" + _NAME + r")(?:\s+(?P<kind>" + AREA_WORDS + r"))?")
# "the X district of Y province", "X district in Y"
OF_ADMIN = re.compile(r"^\s+(?P<kind>" + AREA_WORDS + r")\s+(?:of|in)\s+(?:the\s+)?"
                      r"(?:(?:northern|southern|eastern|western|central|rural)\s+)?(?P<next>" + _NAME + r")")

NOT_PLACES = frozenset(key(w) for w in """January February March April May June July August September
October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An
Government President Police Army Council Court Ministry He She They It His Her This That
Republic State Parliament Presidency Palace Assembly Senate Congress Capital Centre Center""".split())


def _gaz():
    return get_gazetteer()


# ---------------------------------------------------------------- division words

@functools.lru_cache(maxsize=1)
def _admin_words() -> dict[str, frozenset]:
    from sitrep.geocode.schema import load_countries_data
    table = load_countries_data().get("admin_words") or {}
    return {w.lower(): frozenset(isos) for w, isos in table.items()}


def unit_countries(word: str | None) -> frozenset:
    """The countries that call a division `word` ("governorate" -> Yemen, Syria, ...); empty
    for a word every country uses or none."""
    return _admin_words().get((word or "").lower(), frozenset())


@functools.lru_cache(maxsize=1)
def _one_country_words():
    words = {w: next(iter(isos)) for w, isos in _admin_words().items() if len(isos) == 1}
    if not words:
        return None, {}
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I), words


def unit_country(text: str) -> str | None:
    """The one country whose division words the text uses ("Lohajang Upazila", "Rafi LGA",
    "Barangay Tagapo"), when it uses such words of one country only."""
    rx, words = _one_country_words()
    found = {words[m.group(1).lower()] for m in rx.finditer(text)} if rx else set()
    return next(iter(found)) if len(found) == 1 else None


def unit_word(text: str, start: int, end: int) -> str | None:
    """The division word a name carries ("Al Jawf governorate", "Rafi LGA") or is followed by."""
    words = text[start:end].split()
    if len(words) > 1 and unit_countries(words[-1]):
        return words[-1]
    m = re.match(r"\s+([A-Za-z]+)\b", text[end:end + 20])
    return m.group(1) if m and unit_countries(m.group(1)) else None


def prefer_units(places: list, countries: frozenset) -> list:
    """`places` with those in `countries` first (order otherwise kept)."""
    if not countries:
        return places
    return [p for p in places if p.iso3 in countries] + [p for p in places if p.iso3 not in countries]


def admin1_of_district(gaz, name: str, iso: str | None) -> Place | None:
    """The province of a district named where a province was expected ("(Diguel, Soum)")."""
    district = gaz.best(name, iso, features=("admin2",))
    if district is None or (iso and district.iso3 != iso) or not district.admin1:
        return None
    return gaz.admin1(district.admin1, district.iso3)


def _replace(place: Place, **changes) -> Place:
    return dataclasses.replace(place, **changes)


# a lower-case word after a name that is no division word: a verb ("has", "said"), so the
# name is a subject, not an admin name
CLAUSE_AFTER = re.compile(r"\s+(?!" + AREA_WORDS + r"\b)[a-z]")


def context_after(text: str, end: int) -> tuple[str | None, str | None]:
    """The admin name written right after a place ("..., Aragua state"); along a chain
    ("Choro sector, Cedeno municipality, Bolivar state") the last one written."""
    chain = []
    for _ in range(3):
        tail = text[end:end + 80]
        m = AFTER.match(tail) or OF_ADMIN.match(tail)
        if not m:
            break
        name, kind = m.group("next"), (m.groupdict().get("kind") or "").lower() or None
        if kind is None and CLAUSE_AFTER.match(tail, m.end()):
            break       # "in Balochistan, Islamabad has responded": the subject of a new clause
        name = without_full_stop(name)      # "near Slavne, Donetsk."
        bare = strip_area(name)
        if bare != name:        # "Rakhine State", "Thandwe District": the kind is in the name
            kind = kind or name[len(bare):].strip().lower()
        chain.append((bare, kind))
        end += m.end()
    if not chain:
        return None, None
    for name, kind in reversed(chain):
        if kind in ADMIN1_WORDS:
            return name, kind
    return chain[-1]


# ---------------------------------------------------------------- "X (admin2, admin1)"

_BEFORE_COMMA = re.compile(r"(?P<name>" + _NAME + r")(?:\s+" + AREA_WORDS + r")?\s*,\s*$")


def from_parenthesis(text: str, gaz, hint_iso, allowed) -> Place | None:
    if "(" not in text:
        return None     # (PAREN needs one: most sentences are told without brackets)
    for m in PAREN.finditer(text):
        parts = [p.strip() for p in m.group("a").split(",") if p.strip()]
        if not parts or len(parts) > 3 or any(len(p) > 40 or not p[:1].isupper() for p in parts):
            continue
        if len(parts) == 1 and parts[0].isupper() and len(parts[0]) <= 5 and not gaz.is_curated_code(parts[0]):
            continue        # "Islamic State (IS)", "(AFP)": an acronym, not a province ("(UP)" is)
        # "Lohajang Upazila (Munshiganj)": the town without the capitalised division word
        loc = strip_area(re.sub(r"^(?:The|In|At|Near|On)\s+", "", m.group("loc")))
        if " of " in loc and not gaz.lookup(loc, limit=1):
            # "the Gendarmerie HQ of Issaguen (Hoceima)": the place an office is of
            tail = loc.rsplit(" of ", 1)[1]
            loc = tail if gaz.lookup(tail, limit=1) else loc
        iso = gaz.country_iso3(parts[-1], kinds=gaz.PLACE_KINDS)
        # "(Rafi LGA, Niger)": a division word only one country uses names the country
        units = frozenset().union(*(unit_countries(p.split()[-1]) for p in parts))
        if iso and units and iso not in units:
            iso = None
        if len(units) == 1 and hint_iso not in units:
            hint_iso = next(iter(units))
        if iso and len(parts) > 1:
            # "(Rafi LGA, Niger)" is Nigeria's Niger state when Kagara lies there
            as_admin1 = {(p.iso3, p.admin1) for p in gaz.lookup(loc, limit=10)}
            if any((o.iso3, o.admin1) in as_admin1
                   for o in gaz.lookup(parts[-1], features=("admin1",), limit=5)):
                iso = None
        if iso and len(parts) > 1:          # "(Kandahar, Afghanistan)"
            parts = parts[:-1]
        a1_text = parts[-1]
        a2_text = strip_area(parts[0]) if len(parts) >= 2 else None
        a1 = None
        if len(parts) >= 2 and not iso and not _admin1_options(gaz, a1_text, hint_iso):
            # a district named after its chief town ("Dambulla town (Dambulla, Matale
            # district)"): that town's province, when it also holds the town in front
            a1 = _town_province(gaz, strip_area(a1_text), loc, hint_iso)
            if a1 is not None:
                a2_text, a1_text = strip_area(a1_text), a1.admin1
        a1 = a1 or _pick_admin1(gaz, a1_text, m.group("loc"), iso or hint_iso, strict=bool(iso))
        if a1 is None and len(parts) >= 2:
            a1 = admin1_of_district(gaz, strip_area(a1_text), iso or hint_iso)
            if a1 is not None:       # "(Diguel, Soum)": Soum is the district
                a2_text, a1_text = strip_area(a1_text), a1.admin1
        if a1 is None and len(parts) == 1:
            # one name in brackets is a province or a district
            a2_place = gaz.best(strip_area(parts[0]), iso or hint_iso, features=("admin2", "city"))
            if a2_place is None or (allowed and a2_place.iso3 not in allowed) or \
                    (hint_iso and a2_place.iso3 != hint_iso):
                continue
            a2_text, a1 = parts[0], gaz.admin1(a2_place.admin1, a2_place.iso3)
            own = {p.admin1 for p in gaz.lookup(loc, a2_place.iso3, limit=5)
                   if p.iso3 == a2_place.iso3 and p.feature == "city" and p.admin1}
            if a1 is not None and len(own) == 1 and a1.admin1 not in own:
                # the district's province and the town's disagree (packaged data that predates
                # a new division): the town's own is the finer record
                a1 = gaz.admin1(next(iter(own)), a2_place.iso3) or a1
            if a1 is None:
                continue
            a1_text = a1.admin1
        if a1 is None:
            country = iso or (hint_iso if hint_iso in allowed else None)
            if not country or len(parts) < 2:
                continue
            # province unknown to the gazetteer, in a country the sentence names: keep the
            # source's words, locate by the district or the town
            a1 = Place(name=a1_text, iso3=country, admin1=a1_text, feature="admin1")
        country = iso or a1.iso3
        # "Pipri, Kaushambi (UP)": the town is the name before the comma
        before = _BEFORE_COMMA.search(text[max(0, m.start() - 60):m.start()])
        if before and a2_text is None and key(before.group("name")) not in NOT_PLACES:
            a2_text, loc = loc, before.group("name")
        near = bool(re.search(r"\b(?:near|outside|around|close to|vicinity of|outskirts of)\s+(?:the\s+)?$",
                              text[max(0, m.start() - 30):m.start()], re.I))
        admin1 = admin1_spelling(a1_text, a1)
        found = gaz.lookup(loc, country, a1.admin1, limit=3)
        hit = next((p for p in found if p.iso3 == country and p.feature != "country"
                    and (p.admin1 == a1.admin1 or a1.latitude is None)), None)
        if hit is None:
            hit = next((p for p in found if p.iso3 == country and p.feature == "city"), None)
        if hit is not None:
            precision = 2 if near or hit.feature in ("admin2", "region") else (hit.geo_precision or 1)
            if hit.feature == "admin1":
                precision = 3
            return _replace(hit, admin1=admin1, admin2=a2_text or hit.admin2, geo_precision=precision,
                            name=hit.name if hit.feature == "city" else loc, text=m.group(0))
        # unknown town: locate it by its district, else its province
        a2_hit = gaz.best(a2_text, country, a1.admin1, features=("admin2", "city")) if a2_text else None
        if a2_hit is not None and a2_hit.iso3 != country:
            a2_hit = None
        base = a2_hit or a1
        if base.latitude is None:
            base = gaz.country_place(country) or base
        return Place(name=loc, country=gaz.country_name(country), iso3=country, admin1=admin1,
                     admin2=a2_text, latitude=base.latitude, longitude=base.longitude,
                     geo_precision=2 if base is a2_hit else 3, feature="city", text=m.group(0))
    return None


def strip_area(name: str) -> str:
    return re.sub(r"\s+" + AREA_WORDS + r"$", "", name, flags=re.I) or name


def _pick_admin1(gaz, a1_text, loc, iso, strict) -> Place | None:
    """The province a bracket names, choosing among namesakes ("KN", "Punjab") the one that
    holds a place called `loc`, else the hinted country's, else one whose country has `loc`."""
    options = _admin1_options(gaz, a1_text, iso)
    if iso and strict:
        options = [o for o in options if o.iso3 == iso]
    if not options:
        # spelled differently from the gazetteer ("Atacora"/"Atakora"): the closest spelling,
        # in the country whose gazetteer has the town if one does
        fuzzy = gaz.fuzzy_admin1(strip_area(a1_text), iso if strict else None)
        if fuzzy is None and not strict:
            for p in gaz.lookup(loc, limit=5):
                fuzzy = gaz.fuzzy_admin1(strip_area(a1_text), p.iso3)
                if fuzzy is not None:
                    break
        return fuzzy
    if len(options) == 1:
        return options[0]
    locs = gaz.lookup(loc, limit=10)
    for o in options:
        if any(p.iso3 == o.iso3 and p.admin1 == o.admin1 for p in locs):
            return o
    if iso and options[0].iso3 == iso:
        return options[0]
    for o in options:
        if any(p.iso3 == o.iso3 for p in locs):
            return o
    return options[0]


def _admin1_options(gaz, a1_text: str, iso: str | None) -> list[Place]:
    return gaz.lookup(a1_text, iso, features=("admin1",), codes=True, limit=8) or \
        gaz.lookup(strip_area(a1_text), iso, features=("admin1",), codes=True, limit=8)


def _town_province(gaz, name: str, loc: str, iso: str | None) -> Place | None:
    """The province of a town called `name` that also holds a place called `loc` (one
    province only), or None."""
    provinces = {(t.iso3, t.admin1) for t in gaz.lookup(name, iso, features=("city",), limit=5) if t.admin1}
    shared = provinces & {(p.iso3, p.admin1) for p in gaz.lookup(loc, iso, limit=10)}
    if len(shared) != 1:
        return None
    (iso3, admin1), = shared
    return gaz.admin1(admin1, iso3)


def admin1_spelling(written: str | None, place: Place) -> str | None:
    """The province as the source spells it, unless that is an abbreviation ("KPK") or the
    gazetteer's name is a curated one (the supplement's names are the reference spelling;
    packaged names are often transliterated differently from how sources write them)."""
    if not written or len(written) <= 4 or written.isupper():
        return place.admin1 or written
    if place.admin1 and place.iso3 and _gaz().is_curated_admin1(place.iso3, place.admin1):
        return place.admin1
    return strip_area(written)      # "Red Sea state" -> "Red Sea"


# ---------------------------------------------------------------- shared borders

# the state's own forces: "six Pakistani soldiers", "Malian security personnel"
FORCES_HEADS = {"soldier", "soldiers", "troops", "troop", "security", "police", "policemen", "forces", "army",
                "officers", "guards", "personnel", "gendarmes", "servicemen", "paramilitaries", "sailors"}
BORDER_PAIR = re.compile(r"\b[A-Z][\w.]*-[A-Z][\w.]*\s+(?:border|frontier|boundary)\b")


def forces_demonym(sent, gaz) -> str | None:
    """Near "the X-Y border" with no other place named, the side whose forces the sentence
    names is the likelier scene ("an attack near the border that killed six Pakistani
    soldiers"). Elsewhere a force's nationality says nothing of where ("Israeli forces
    raided Qalqilya"), so this is read for shared borders only."""
    for tok in sent:
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if tok.is_title and nxt in FORCES_HEADS and (iso := gaz.country_iso3(tok.text, kinds=("demonym",))):
            return iso
    return None


def shared_border(m, doc_text) -> bool:
    """One of the two countries in "the X-Y border": the border names both, so it places the
    event in neither (the rest of the sentence or the story decides)."""
    after = doc_text[m.end:m.end + 30]
    if re.match(r"-[A-Z][\w.]*\s+(?:border|frontier|boundary)\b", after):
        return True
    joined = re.search(r"[A-Z][\w.]*-$", doc_text[max(0, m.start - 20):m.start]) or \
        re.fullmatch(r"[A-Z][\w.]*-[A-Z][\w.]*", m.text)
    return bool(joined) and bool(re.match(r"\s+(?:border|frontier|boundary)\b", after))
