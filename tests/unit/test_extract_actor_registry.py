"""Registry coverage and naming (second round): acronyms in their own case, words that name an
actor only in one country, dated names, "of the" country names, tribal militias."""
import pytest

from sitrep.extract.actors import dated, find_actors, generic_actor, is_acronym


def names(text, country=None):
    return [h.actor.name for h in find_actors(text, country)]


@pytest.mark.parametrize("alias,expected", [("LeT", True), ("JaS", True), ("HTS", True), ("NDFB-S", True),
                                            ("Taliban", False), ("M23", False), ("al-Shabaab", False)])
def test_acronyms_are_words_with_two_capitals(alias, expected):
    assert is_acronym(alias) is expected


def test_a_mixed_case_acronym_is_not_an_english_word():
    assert not any("Lashkar" in n for n in names("The guards would not let the crowd pass.", "IND"))
    assert "LeT: Lashkar-e-Taiba" in names("Two LeT militants were arrested near the border.", "IND")


@pytest.mark.parametrize("text,country,expected", [
    ("Regime artillery pounded the village overnight.", "SYR", "Military Forces of Syria"),
    ("Opposition fighters repelled an advance on the hill.", "SYR", "Opposition Rebels (Syria)"),
    ("Suspected insurgents burned a bus on the coastal road.", "MOZ", "Islamist Militia (Mozambique)"),
    ("Insurgents shot a ranger near the border town.", "THA", "Malay Muslim Separatists (Thailand)"),
    ("Government troops and the AA fought near the river.", "MMR", "ULA/AA: United League of Arakan/Arakan Army"),
    ("Coalition aircraft struck a depot at night.", "YEM", "Operation Restoring Hope"),
    ("Coalition aircraft struck a depot at night.", "IRQ", "Global Coalition Against Daesh"),
])
def test_local_words_name_the_actor_of_that_country(text, country, expected):
    assert expected in names(text, country)


@pytest.mark.parametrize("text,country", [
    ("Suspected insurgents burned a bus on the coastal road.", "NGA"),
    ("Opposition fighters repelled an advance on the hill.", "LBY"),
    ("Government troops and the AA fought near the river.", "IND"),
])
def test_local_words_elsewhere_stay_general(text, country):
    got = names(text, country)
    assert not any(n in got for n in ("Islamist Militia (Mozambique)", "Opposition Rebels (Syria)",
                                      "ULA/AA: United League of Arakan/Arakan Army"))


@pytest.mark.parametrize("text,country,expected", [
    ("Fighters of Ahrar al-Sham clashed with the Levant Front in a village.", "SYR", {"AAS: Ahrar al Sham", "JaS: Levant Front"}),
    ("Police said the Gulf Cartel ambushed a patrol.", "MEX", {"Gulf Cartel"}),
    ("Troops fought the Kamtapur Liberation Organisation in a forest.", "IND", {"KLO: Kamtapur Liberation Organization"}),
    ("The Children of Fire set a warehouse alight.", "TUR", {"Children of Fire"}),
    ("Baloch separatists attacked a gas pipeline.", "PAK", {"Baloch Separatists (Pakistan)"}),
])
def test_registry_groups_by_region(text, country, expected):
    assert expected <= set(names(text, country))


@pytest.mark.parametrize("text,date,expected", [
    ("Maoists torched two trucks.", "2015-06-01", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("Maoists torched two trucks.", "2020-06-01", "Naxal-Maoist Rebels (India)"),
    ("The AA ambushed a convoy.", "2015-06-01", "AA: Arakan Army"),
    ("The AA ambushed a convoy.", "2020-06-01", "ULA/AA: United League of Arakan/Arakan Army"),
])
def test_renamed_groups_take_the_name_of_the_day(text, date, expected):
    country = "IND" if "Maoist" in text else "MMR"
    (hit,) = [h for h in find_actors(text, country) if not h.generic]
    assert dated(hit.actor, date).name == expected


def test_a_party_named_by_its_full_name_keeps_the_party():
    assert "CPI (Maoist): Communist Party of India (Maoist)" in names(
        "Cadres of the CPI (Maoist) blew up a culvert.", "IND")


def test_of_the_countries_take_the_article_only_after_of():
    assert generic_actor("military", "PHL").name == "Military Forces of the Philippines"
    assert generic_actor("government", "COD").name == "Government of the Democratic Republic of Congo"
    assert generic_actor("civilians", "PHL").name == "Civilians (Philippines)"
    assert generic_actor("military", "NGA").name == "Military Forces of Nigeria"


def test_named_tribes_are_tribal_militias():
    got = names("Gunfire broke out between Bani Hamad and Al Kuwaiti tribesmen at a well.", "YEM")
    assert {"Bani Hamad Tribal Militia (Yemen)", "Al Kuwaiti Tribal Militia (Yemen)"} <= set(got)
    assert "Civilians (Yemen)" in names("Yemeni tribesmen were wounded in the shelling.", "YEM")


@pytest.mark.parametrize("text,expected", [
    ("Gunmen from the Abgaal and Murusade clans fought over a well.",
     {"Abgaal Clan Militia (Somalia)", "Murusade Clan Militia (Somalia)"}),
    ("Militiamen of the Dir sub-clan raided a camp.", {"Dir Clan Militia (Somalia)"}),
])
def test_members_of_a_named_clan_are_its_militia(text, expected):
    assert expected <= set(names(text, "SOM"))


def test_a_colombian_dissident_faction_keeps_acled_name():
    assert "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction" in names(
        "Dissidents of the FARC attacked a patrol.", "COL")


def test_an_acronym_two_countries_share_is_read_where_the_event_is():
    assert "Military Forces of Uganda" in names("UPDF soldiers shot a fisherman.", "UGA")
    assert "Military Forces of Uganda" not in names("Two UPDF members were shot dead.", "BGD")
