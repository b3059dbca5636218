"""The HTML report: one self-contained file that works offline.

Everything is inlined: CSS, the JavaScript that draws the views (assets/views.js, report.js),
the events as JSON and the Natural Earth basemap around them. A Content-Security-Policy in the
file allows only those two inline scripts (by hash) and no network at all, so even a hostile
string that escaped somewhere could neither run nor call home.

The events JSON sits in a `<script type="application/json">` block with `<`, `>`, `&` and the
JavaScript line separators written as \\u escapes, so no article text can close the block
(`</script>`) or open a comment (`<!--`); the page reads it with JSON.parse and puts text on
the page with textContent only.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import pathlib
import string
from typing import Any, Iterable

from sitrep import __version__
from sitrep.export import basemap
from sitrep.export.common import category, record, select
from sitrep.export.records import independent
from sitrep.models import Event

HERE = pathlib.Path(__file__).resolve().parent
ASSETS = HERE / "assets"
TEMPLATE = HERE / "templates" / "report.html"
NO_BASEMAP = ("Country borders unavailable: the Natural Earth basemap was not installed "
              "(run scripts/fetch_assets.py or make install)")


def safe_json(data: Any) -> str:
    """JSON that is safe inside an HTML <script> element (no `</`, no `<!--`)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def view_records(events: Iterable[Event]) -> list[dict]:
    out = []
    for ev in events:
        rec = record(ev)
        rec["category"] = category(ev)
        out.append(rec)
    return out


def _stats(recs: list[dict]) -> list[tuple[str, str]]:
    violent = [r for r in recs if r.get("event_type")]
    low = sum((r.get("fatalities") or {}).get("low") or 0 for r in violent)
    high = sum((r.get("fatalities") or {}).get("high") or (r.get("fatalities") or {}).get("best") or 0
               for r in violent)
    countries = {r.get("country") for r in recs if r.get("country")}
    reports = {(s.get("document"), s.get("article")) for r in recs
               for s in independent(r.get("sources") or [])}
    fat = f"{low}" if low == high else f"{low}\u2013{high}"
    return [(str(len(recs)), "events"), (str(len(violent)), "violent"),
            (str(len(recs) - len(violent)), "diplomatic"), (fat, "killed (reported range)"),
            (str(len(countries)), "countries"), (str(len(reports)), "reports")]


def render(events: list[Event], title: str = "Situation report") -> str:
    recs = view_records(events)
    base = basemap.for_records(recs)
    dates = sorted(r["date"] for r in recs if r.get("date"))
    period = f"{dates[0]} to {dates[-1]}" if dates else "no dated events"
    css = (ASSETS / "views.css").read_text(encoding="utf-8")
    script = (ASSETS / "views.js").read_text(encoding="utf-8") + "\n" + \
        (ASSETS / "report.js").read_text(encoding="utf-8")
    csp = ("default-src 'none'; script-src " + _hash("\n" + script + "\n") +
           "; style-src " + _hash("\n" + css + "\n") + "; img-src data:; base-uri 'none'; "
           "form-action 'none'")
    stats = "".join(f'<div class="stat"><b>{html.escape(v)}</b><span>{html.escape(k)}</span></div>'
                    for v, k in _stats(recs))
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    data = {"events": recs, "basemap": base, "basemap_note": None if base else NO_BASEMAP}
    return string.Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=html.escape(title), csp=html.escape(csp, quote=True), css=css, script=script,
        subtitle=html.escape(f"{period} \u00b7 generated {now} by sitrep {__version__}"),
        stats=stats, data=safe_json(data),
        footer=html.escape("Each event lists the sentences it rests on. Fatalities follow the "
                           "conservative (lowest reliable) figure; ranges show what reports said. "
                           "Borders: Natural Earth via world-atlas (public domain)."),
    )


def write_report(store, output: str, title: str = "Situation report", **filters) -> int:
    """Write the report for the (filtered) events; returns the number of events in it."""
    events = select(store, **filters)
    text = render(events, title=title)
    pathlib.Path(output).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(output).write_text(text, encoding="utf-8")
    return len(events)
