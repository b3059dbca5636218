"""Every extraction data file follows its schema; the lexicon covers the ACLED taxonomy and the
diplomatic interactions sitrep promises."""
import copy

import pytest

from sitrep.extract import lexicon

ACLED_SUB_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack",
    "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other"}


@pytest.mark.parametrize("name", lexicon.FILES + ("ruler.yaml",))
def test_data_file_loads_and_has_version(name):
    data = lexicon.load(name)
    assert isinstance(data["version"], str) and data["version"]


def test_version_names_every_file():
    v = lexicon.version()
    assert v.count("+") == len(lexicon.FILES) - 1
    assert v.startswith("triggers-")


def test_all_25_acled_sub_event_types_are_covered():
    data = lexicon.load("triggers.yaml")
    subs = {t["sub_event_type"] for t in data["triggers"] if t.get("sub_event_type")}
    for t in data["triggers"]:
        for over in (t.get("in_frame") or {}).values():
            subs.add(over["sub_event_type"])
    assert ACLED_SUB_TYPES <= subs, ACLED_SUB_TYPES - subs


def test_diplomatic_codes_present_and_summon_is_a_complaint():
    by_id = {t["id"]: t for t in lexicon.load("triggers.yaml")["triggers"]}
    codes = {t["cameo"] for t in by_id.values()}
    for code in ("161", "114", "111", "112", "130", "138", "025", "0256", "039", "041", "040", "046",
                 "057", "0312", "030", "173", "163", "160", "100"):
        assert code in codes, code
    assert by_id["summon_diplomat"]["cameo"] == "114"      # not 040 consult
    assert by_id["suspend_visits"]["cameo"] == "160"        # a cut, not a visit
    assert by_id["condemn"]["cameo"] == "111"


def test_registry_has_required_groups_and_types():
    actors = {a["id"]: a for a in lexicon.load("actors.yaml")["actors"]}
    for key in ("jaish_al_adl", "blf", "bla", "uba", "islamic_state", "iskp", "irgc", "ttp", "taliban",
                "houthi", "al_shabaab", "boko_haram", "iswap", "jnim", "hezbollah", "hamas", "pkk", "sdf",
                "hts", "wagner", "cpi_maoist"):
        assert key in actors, key
    aliases = {s.lower() for s in actors["jaish_al_adl"]["aliases"]}
    assert {"jaish ul-adl", "army of justice", "jaish al-dhulm"} <= aliases


def test_validate_rejects_broken_trigger():
    data = copy.deepcopy(lexicon.load("triggers.yaml"))
    data["triggers"][0]["cameo"] = "19x"
    with pytest.raises(lexicon.DataError):
        lexicon.validate("triggers.yaml", data)


def test_validate_rejects_bad_actor_type_and_country():
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data["actors"][0]["type"] = "terrorists"
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data["actors"][0]["country"] = "Iran"
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)


@pytest.mark.parametrize("field,value", [("sides", ["generic:military", "no_such_group"]),
                                         ("sides", ["generic:military"]),
                                         ("until", "2010-01-01"),
                                         ("observers", ["OSCE SMM", ""])])
def test_validate_rejects_broken_frontline(field, value):
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data["frontlines"][0][field] = value
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)


@pytest.mark.parametrize("key,value", [("unidentified_names", {"Brazil": "Unidentified Gang"}),
                                       ("unidentified_names", {"BRA": ""})])
def test_validate_rejects_broken_unidentified_names(key, value):
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data[key] = value
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)


def test_validate_rejects_a_dated_name_without_a_day():
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data["actors"][0]["names_until"] = {"2015": "Some Name"}
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)


def test_validate_rejects_unknown_link_type():
    data = copy.deepcopy(lexicon.load("cues.yaml"))
    data["links"][0]["type"] = "revenge"
    with pytest.raises(lexicon.DataError):
        lexicon.validate("cues.yaml", data)


def test_validate_rejects_unknown_yields_to():
    data = copy.deepcopy(lexicon.load("triggers.yaml"))
    data["triggers"][0]["yields_to"] = ["no_such_trigger"]
    with pytest.raises(lexicon.DataError):
        lexicon.validate("triggers.yaml", data)


@pytest.mark.parametrize("key,value", [("local_aliases", {"Syria": {"regime": "syria_army"}}),
                                       ("local_aliases", {"SYR": {"regime": "no_such_actor"}}),
                                       ("of_the", ["Philippines"])])
def test_validate_rejects_broken_local_names(key, value):
    data = copy.deepcopy(lexicon.load("actors.yaml"))
    data[key] = value
    with pytest.raises(lexicon.DataError):
        lexicon.validate("actors.yaml", data)
