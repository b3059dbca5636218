"""Page splitting and per-article reading on small invented pages."""
from __future__ import annotations

from sitrep.ingest.page import parse_text_page

PARA = ("Security forces clashed with militants near a border town on Saturday, leaving three "
        "soldiers dead, the military said in a statement on Sunday.")
PARA2 = "Officials said an operation was continuing in the area and roads had been closed."


def test_single_article_without_signals():
    [d] = parse_text_page(f"Clash near border town leaves three soldiers dead\n\n{PARA}\n\n{PARA2}\n")
    assert d.title == "Clash near border town leaves three soldiers dead"
    assert d.text == f"{PARA}\n{PARA2}" and d.published is None and d.published_how == "none"


def test_repeated_headlines_split_the_page():
    page = "".join(f"Headline number {n} about the clashes\n\nUpdated {n} March 2023\nFollow\n\n"
                   f"Headline number {n} about the clashes\n\n{PARA}\n\n{PARA2}\n\n\n" for n in (1, 2, 3, 4))
    drafts = parse_text_page(page)
    assert [(d.title, str(d.published)) for d in drafts] == [
        (f"Headline number {n} about the clashes", f"2023-03-0{n}") for n in (1, 2, 3, 4)]
    assert all(d.text == f"{PARA}\n{PARA2}" for d in drafts)


def test_a_body_paragraph_between_copies_is_not_a_repeat():
    page = f"Clash near border town\n\n{PARA}\n\nClash near border town\n\n{PARA2}\n"
    assert len(parse_text_page(page)) == 1


def test_masthead_tagline_and_stamp():
    page = (f"The Valley Chronicle\nNews you can trust since 1990\n\nClash near border town leaves three dead\n\n"
            f"Posted on 12 March 2023 by Desk Editor\n\n{PARA}\n\nALSO READ: Another story headline\n\n{PARA2}\n\n"
            "Share this:\nLeave a Reply\n")
    [d] = parse_text_page(page)
    assert d.title == "Clash near border town leaves three dead"
    assert str(d.published) == "2023-03-12" and d.published_how == "dateline"
    assert d.outlet == "The Valley Chronicle"
    assert d.text == f"{PARA}\n{PARA2}"


def test_no_headline_byline_signoff_and_about_box():
    page = (f"By Amina Yusuf\n\n2 March 2023\n\n{PARA}\n\n{PARA2}\n\nThe Border Post\n\nAbout the author\n\n"
            "Amina Yusuf has covered the region for many years and writes about security and politics for us.\n")
    [d] = parse_text_page(page)
    assert d.title is None and str(d.published) == "2023-03-02" and d.outlet == "The Border Post"
    assert d.text == f"{PARA}\n{PARA2}"


def test_relative_stamp_gives_no_date_and_caption_date_is_inferred():
    page = (f"Clash near border town leaves three dead\n\nUpdated 7 min ago\n\n{PARA}\n\n"
            "Soldiers stand guard at a checkpoint near the town on March 11, 2023. Getty Images\n\n"
            f"{PARA2}\n")
    [d] = parse_text_page(page)
    assert str(d.published) == "2023-03-11" and d.inferred and d.published_how == "inferred"
    assert "Getty" not in d.text


def test_lines_repeated_on_the_page_are_furniture():
    plug = "Join our channel for updates"
    page = "".join(f"Headline number {n} about the clashes\n\nUpdated {n} March 2023\n\n"
                   f"Headline number {n} about the clashes\n\n{PARA}\n\n{plug}\n\n{PARA2}\n\n\n" for n in (1, 2, 3))
    drafts = parse_text_page(page)
    assert len(drafts) == 3 and all(plug not in d.text for d in drafts)
    # said once, the same short line is kept: it might be the article's own words
    [d] = parse_text_page(f"Clash near border town leaves three dead\n\n{PARA}\n\n{plug}\n\n{PARA2}\n")
    assert plug in d.text
