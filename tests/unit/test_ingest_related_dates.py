"""Undated articles take the date of a related dated article, and only of a related one."""
from sitrep.ingest.related_dates import RelatedDates
from sitrep.models import Article, Document

NAMES = ("Kandahar Helmand Lashkar Gah Kabul Taliban Zabul Ghazni Herat Farah Nimroz Uruzgan "
         "Paktika Khost Kunar Nangarhar Jalalabad Mazar Balkh Kunduz Baghlan Badakhshan")


def _art(i, text, published=None):
    return Article(article_id=f"d{i}:0", doc_id=f"d{i}", document=f"f{i}", index=0, title=None,
                   text=text, published=published)


def _window(*arts):
    return [(Document(a.doc_id, a.document, a.document, "ok"), [a]) for a in arts]


def _story(names):
    return " ".join(f"Officials in {n} said fighting continued." for n in names.split())


def test_undated_article_takes_the_date_of_a_related_one():
    dated = _art(1, _story(NAMES), "2021-08-10")
    undated = _art(2, _story(NAMES) + " More reports came from the region.")
    out = RelatedDates().infer(_window(dated, undated))
    got = out[1][1][0]
    assert got.published == "2021-08-10" and got.published_inferred and got.published_how == "related"


def test_unrelated_article_stays_undated():
    dated = _art(1, _story(NAMES), "2021-08-10")
    other = _art(2, _story("Lagos Abuja Kano Ibadan Kaduna Benin Enugu Jos Ilorin Owerri Warri Sokoto "
                           "Maiduguri Yola Makurdi Calabar Uyo Akure Abeokuta Onitsha"))
    assert RelatedDates().infer(_window(dated, other))[1][1][0].published is None


def test_a_date_earlier_than_what_the_article_names_is_refused():
    dated = _art(1, _story(NAMES), "2021-08-10")
    later = _art(2, _story(NAMES) + " The talks on 3 March 2022 failed.")
    assert RelatedDates().infer(_window(dated, later))[1][1][0].published is None


def test_memory_carries_dates_across_windows():
    rd = RelatedDates()
    rd.infer(_window(_art(1, _story(NAMES), "2021-08-10")))
    assert rd.infer(_window(_art(2, _story(NAMES))))[0][1][0].published == "2021-08-10"
