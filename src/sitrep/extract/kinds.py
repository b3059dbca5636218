"""Constants the extractor's rule modules share: event families, fallbacks, size of a one-event report."""
from __future__ import annotations

import re

from sitrep.extract.triggers import Trigger

# A document of one paragraph under this size reports one event (ACLED notes are 100-900
# characters; a news article runs to several paragraphs).
SUMMARY_MAX_CHARS = 1500
# Bare casualty words: in a short report's later sentences they give figures, not event types.
CASUALTY_WORDS = {"killed", "injured", "wounded", "dead", "died", "hurt", "killing", "injuring"}
# "armed" in a force's name ("the Armed Police", "armed forces") says nothing of the other side
_ARMED = r"armed(?!\s+(?:police|forces?|personnel)\b)"
# Weapons that make a brawl an armed fight.
ARMED_WORDS = re.compile(r"\b(?:fired|firing|opened fire|exchang\w* fire|gun\w*|rifles?|shot|shooting|machetes?|"
                         r"firearms?|weapons?|bullets?|guns?|rockets?|grenades?|swords?|spears?|bows and arrows|"
                         + _ARMED + r")\b", re.I)
# Guns, or people said to be armed: with them a crowd's attack is gunmen's or a militia's, not
# a mob's (blades and sticks do not settle it: ACLED codes machete-wielding villagers as a mob).
FIREARMS = re.compile(r"\b(?:fired|firing|opened fire|exchang\w* (?:of )?fire|crossfire|shot|shooting|gun\w*|rifles?|"
                      r"firearms?|bullets?|" + _ARMED + r")\b", re.I)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# "... calling for the release of a jailed singer. The singer had been detained ...": an arrest told after a
# protest that demands someone's release is the protest's cause, not the police intervening in
# it, unless the later sentence says demonstrators ("them") were held (ACLED: Peaceful protest)
RELEASE_DEMAND = re.compile(r"\b(?:release|freeing)\b", re.I)
DEMONSTRATORS = re.compile(r"\b(?:protest[eo]rs?|demonstrators?|participants|marchers|crowd|them)\b", re.I)


def arrest_is_protest_cause(protest_sentence: str, arrest_sentence: str) -> bool:
    """Is an arrest told after a protest the one the protest demands undone (not an intervention)?"""
    return bool(RELEASE_DEMAND.search(protest_sentence)) and not DEMONSTRATORS.search(arrest_sentence)


# When a short report names no recognisable trigger at all: an armed actor without an act is
# most often a movement or presence of forces (ACLED "Change to group/activity"); otherwise the
# commonest ACLED type in contemporary data (Protests/Peaceful protest, ~30% of global_2020_05).
# Flagged by rule "fallback" and confidence 0.2.
FALLBACK = Trigger("fallback", "Protests", "Peaceful protest", "141", -6.5, 0)
FALLBACK_ARMED = Trigger("fallback_armed", "Strategic developments", "Change to group/activity", "154", -7.2, 0)
# A death told without its act ("two men died and were found by a roadside", "a body was left
# outside a school"): ACLED codes it an attack by an unidentified armed group on civilians;
# a protest about a death names what its people ask for (DEMANDS) and stays the protest fallback.
FALLBACK_DEATH = Trigger("fallback_death", "Violence against civilians", "Attack", "180", -9.0, 0)
DEATHS = re.compile(r"\b(?:died|dead|bod(?:y|ies)|corpses?)\b", re.I)
DEMANDS = re.compile(r"\b(?:demand\w*|ask(?:ed|ing|s)?|call(?:ed|ing|s)? for|denounc\w*|chant\w*|slogans?|"
                     r"protest\w*|demonstrat\w*|block\w*|petition\w*|justice)\b", re.I)


def fallback_for(text: str, armed: bool, killed: bool) -> Trigger:
    """The coding of a short report in which no trigger fired (see FALLBACK)."""
    if armed:
        return FALLBACK_ARMED
    if (killed or DEATHS.search(text)) and not DEMANDS.search(text):
        return FALLBACK_DEATH
    return FALLBACK
