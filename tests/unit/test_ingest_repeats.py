"""Furniture found by repetition across the pages of a run (site taglines, inline plugs)."""
from __future__ import annotations

from sitrep.ingest import iter_documents
from sitrep.settings import Settings

PARAS = [
    "Security forces clashed with militants near a border town on Saturday, leaving three soldiers dead, the military said.",
    "Floods swept through villages in the valley on Friday after days of heavy rain, and twelve people were missing.",
    "A convoy of lorries carrying food reached the besieged city on Friday, the first to get through since January.",
    "Police arrested eleven people after protesters blocked the main highway for several hours on Tuesday afternoon.",
]
MORE = "Officials said the situation remained tense and that more details would be released later in the day."


def write_site(tmp_path, n):
    for i in range(n):
        (tmp_path / f"p{i}.txt").write_text(
            f"Valley Chronicle\nWhere the valley speaks its mind\n\nStory number {i} headline about events\n\n"
            f"{PARAS[i]}\n\nGet our morning briefing in your inbox\n\n{MORE}\n")


def test_lines_on_many_pages_are_furniture(tmp_path):
    write_site(tmp_path, 4)
    out = list(iter_documents([str(tmp_path)], Settings()))
    for i, (doc, [art]) in enumerate(out):
        assert art.title == f"Story number {i} headline about events"
        assert art.text == f"{PARAS[i]}\n{MORE}"          # plug dropped, sentences kept


def test_two_pages_are_not_enough_evidence(tmp_path):
    write_site(tmp_path, 2)
    out = list(iter_documents([str(tmp_path)], Settings()))
    assert all("Get our morning briefing" in arts[0].text for _, arts in out)


def test_shared_sentences_are_never_counted(tmp_path):
    # three copies of a wire story share every sentence; none of them may be dropped
    for i in range(3):
        (tmp_path / f"w{i}.txt").write_text(f"Wire headline number {i} here\n\n{PARAS[0]}\n\n“We will respond.”\n\n{MORE}\n")
    for _, arts in iter_documents([str(tmp_path)], Settings()):
        assert arts[0].text == f"{PARAS[0]}\n“We will respond.”\n{MORE}"
