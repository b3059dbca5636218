"""`sitrep serve` in headless Chromium: the views draw from the live API, filters narrow,
an event opens to its claims, and hostile article text never runs."""
from __future__ import annotations

import pytest

import sample_events
from sitrep.export import basemap

pytestmark = pytest.mark.browser


def _events(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-views=ready]", timeout=15000)


def test_web_views_draw(page, server, artifacts):
    _events(page, server + "/events")
    assert page.locator("#events-body tr.event-row").count() == 10
    assert page.locator("#map .mark").count() == 10
    assert page.locator("#timeline .mark").count() == 10
    if basemap.available():
        assert page.locator("#map path.country").count() > 10
    assert page.locator("#network circle.node").count() >= 10
    page.screenshot(path=str(artifacts / "web-events.png"), full_page=True)
    assert page.errors == []


def test_web_filter_narrows(page, server, artifacts):
    _events(page, server + "/events")
    page.select_option("select[name=country]", "Iran")
    page.fill("input[name=date_from]", "2024-01-01")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("body[data-views=ready]")
    assert "country=Iran" in page.url
    ids = page.locator("#events-body tr.event-row").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-id'))")
    assert ids == ["evt-kerman", "evt-saravan", "evt-summon"]
    assert page.locator("#map .mark").count() == 3
    page.fill("input[name=q]", "four children")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("body[data-views=ready]")
    assert page.locator("#events-body tr.event-row").count() == 1
    page.screenshot(path=str(artifacts / "web-filtered.png"), full_page=True)


def test_web_event_opens_to_claims(page, server, artifacts):
    _events(page, server + "/events")
    page.locator('#map .mark[data-id="evt-saravan"]').click()
    page.wait_for_url("**/events/evt-saravan")
    page.wait_for_selector("body[data-views=ready]")
    claims = page.locator("li.claim")
    assert claims.count() == 3
    assert "At least seven people were killed" in page.locator("ul.claims").inner_text()
    assert "according to Iranian media" in page.locator("ul.claims").inner_text()
    assert "9 (IRNA) vs 7 (Al Jazeera)" in page.locator("ul.disputes").inner_text()
    page.screenshot(path=str(artifacts / "web-event.png"), full_page=True)
    page.click("ul.links a")
    page.wait_for_url("**/events/evt-panjgur")
    assert "Jaish al-Adl" in page.locator("article h2").inner_text()
    page.wait_for_selector("body[data-views=ready]")
    assert page.locator("#event-map .mark").count() == 1


def test_web_hostile_text_inert(page, server, artifacts):
    _events(page, server + "/events")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert sample_events.HOSTILE_ACTOR in page.locator("#events-body").inner_text()
    page.goto(f"{server}/events/{sample_events.HOSTILE_ID}")
    quote = page.locator("blockquote.sentence")
    assert quote.inner_text() == sample_events.HOSTILE_TEXT.strip()
    assert page.locator("article script, article img, article svg, article a[href^=javascript]").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(artifacts / "web-hostile.png"), full_page=True)
    assert page.errors == []


def test_api_docs_render_without_internet(page, server, artifacts):
    from sitrep.web.app import STATIC
    if not STATIC["swagger-ui-bundle.js"].is_file():
        pytest.skip("swagger-ui-dist not fetched (scripts/fetch_assets.py); /docs uses the CDN")
    outside = []
    page.on("request", lambda r: None if r.url.startswith((server, "data:")) else outside.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector("text=/events.geojson", timeout=15000)
    assert outside == []
    page.screenshot(path=str(artifacts / "web-docs.png"))
