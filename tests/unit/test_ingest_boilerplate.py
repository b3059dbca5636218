"""Line classification on invented lines, and the cue data file."""
import re

import pytest
import yaml
from importlib import resources

from sitrep.ingest import boilerplate as bp


def test_data_file_is_valid():
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("boilerplate.yaml").read_text("utf-8"))
    assert isinstance(raw["version"], int)
    for key in ("furniture_lines", "promo_labels", "caption_credits", "end_boxes", "credit_cues"):
        assert raw[key] and all(isinstance(p, str) for p in raw[key])
        for pattern in raw[key]:
            re.compile(pattern)
    # agencies are matched word by word (ingest.variants)
    assert raw["agencies"] and all(re.fullmatch(r"[a-z]+", a) for a in raw["agencies"])


@pytest.mark.parametrize("line", ["Share", "Permalink", "Like", "3 comments", "Leave a Reply",
                                  "Advertisement", "Read more", "Most read", "You might also like",
                                  "3 minute read", "Listen to this article"])
def test_furniture(line):
    assert bp.is_furniture(line)


@pytest.mark.parametrize("line", ["ALSO READ: Donors pledge new funds for displaced families",
                                  "ANALYSIS: Why the truce keeps failing",
                                  "Related: Port authority suspends night shipments"])
def test_promos(line):
    assert bp.is_promo(line)


def test_dateline_paragraph_is_not_a_promo():
    assert not bp.is_promo("GENEVA: A convoy of lorries reached the city on Friday, the UN said.")


@pytest.mark.parametrize("line", [
    "Traders sift through burned stalls in a market town on March 2, 2023. (AP)",
    "A fighter walks past a damaged tank near the river. AFP via Getty Images",
    "An official speaks to reporters in the capital [Jane Doe/Example Agency]",
    "Soldiers patrol a highway outside the city, 14 January 2022. Reuters/Staff Photographer",
    "Family members hold photographs of detained relatives outside the venue on March 16, 2023.",
])
def test_captions(line):
    assert bp.is_caption(line)


@pytest.mark.parametrize("line", [
    "The attackers fled towards farmland north of the city, a military spokesperson said.",
    "“We need boats and clean water,” a local councillor told reporters.",
    "The ceasefire was signed in the capital. It collapsed on March 16, 2023.",
])
def test_body_sentences_are_not_captions(line):
    assert not bp.is_caption(line)
    assert bp.body_shaped(line) or bp.words(line) < 8


def test_title_shape():
    assert bp.title_shaped("Militia attack on market town leaves dozens dead, officials say")
    assert not bp.title_shaped("Updated 4 March 2023")
    assert not bp.title_shaped("By Amara Okafor")
    assert not bp.title_shaped("A sentence that ends like a sentence does.")
    assert not bp.title_shaped("About the author")


def test_subheads_bylines_outlets():
    assert bp.is_subhead("TALKS ‘AT AN IMPASSE’")
    assert bp.is_byline("By Amara Okafor")
    assert bp.outlet_shaped("The Sahel Review")
    assert not bp.outlet_shaped("Leave a Reply")
    assert not bp.outlet_shaped("ends")
