"""The offline HTML report in headless Chromium: it draws, it filters, it opens claims, it
makes no network request and no hostile article text runs."""
from __future__ import annotations

import pytest

import sample_events
from sitrep.export import basemap

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_file(sample_db, tmp_path_factory):
    from sitrep.export.report import write_report
    from sitrep.store import open_store
    out = tmp_path_factory.mktemp("report") / "report.html"
    with open_store(sample_db, readonly=True) as s:
        write_report(s, str(out))
    return out


def _open(page, path):
    requests = []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            r.abort()
    page.route("**/*", route)
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())
    page.wait_for_selector("#events-body tr")
    return requests


def test_report_draws_everything_offline(page, report_file, artifacts):
    requests = _open(page, report_file)
    assert page.locator("#events-body tr").count() == 10
    assert page.locator("#timeline .mark").count() == 10
    assert page.locator("#map .mark").count() == 10
    if basemap.available():
        assert page.locator("#map path.country").count() > 10
        assert page.locator("#map .country-label", has_text="Pakistan").count() == 1
    assert page.locator("#network circle.node").count() >= 10
    assert page.locator("#escalation .dyad-line").count() >= 3
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    assert page.errors == []
    bad = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert bad == [], f"the report reached for the network: {bad}"


def test_clicking_an_event_shows_its_claims(page, report_file, artifacts):
    _open(page, report_file)
    page.locator('#map .mark[data-id="evt-saravan"]').click()
    detail = page.locator("#detail")
    assert "Nine people, including four children" in detail.inner_text()
    assert detail.locator("li.claim").count() == 3
    assert "9 (IRNA) vs 7 (Al Jazeera)" in detail.locator("ul.disputes").inner_text()
    detail.locator("button.linkbtn").click()              # follow the retaliation link
    assert "Jaish al-Adl" in page.locator("#detail h2").inner_text()
    page.locator('#events-body tr[data-id="evt-kerman"]').click()
    assert "revised the death toll" in detail.inner_text()
    page.screenshot(path=str(artifacts / "report-detail.png"), full_page=False)


def test_filter_narrows_the_report(page, report_file):
    _open(page, report_file)
    page.fill("#f-q", "Saravan")
    assert page.locator("#events-body tr").count() == 1
    assert page.locator("#map .mark").count() == 1
    page.fill("#f-q", "Iranian officials")              # who said it: claim attribution
    assert page.locator("#events-body tr").count() == 2
    page.fill("#f-q", "")
    page.select_option("#f-cat", "Diplomatic: conflict")
    assert page.locator("#events-body tr").count() == 2
    assert page.locator("#shown").inner_text() == "2 of 10 events"


def test_hostile_text_stays_inert_in_the_report(page, report_file, artifacts):
    _open(page, report_file)
    row = page.locator(f'#events-body tr[data-id="{sample_events.HOSTILE_ID}"]')
    assert sample_events.HOSTILE_ACTOR in row.inner_text()   # shown literally
    row.click()
    detail = page.locator("#detail")
    assert sample_events.HOSTILE_TEXT.strip() in detail.locator("blockquote").inner_text()
    assert detail.locator("script, img, a[href^='javascript'], svg").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=False)
