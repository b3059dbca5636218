"""`sitrep events` (the fused events as a table) and `sitrep show EVENT_ID` (one event with
its claims, ranges, disputes and links)."""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


def _actors(rec: dict) -> str:
    names = [a["name"] for a in (rec["actor1"], rec["actor2"]) if a]
    return " -> ".join(names) or "-"


def _place(rec: dict) -> str:
    parts = [rec.get("location"), rec.get("admin1"), rec.get("country")]
    out = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out) or "-"


def _deaths(r: dict) -> str:
    if r["low"] is None and r["high"] is None:
        return "-"
    return str(r["low"]) if r["low"] == r["high"] else f"{r['low']}-{r['high']}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


@click.command()
@db_option
@click.option("--country", help="Country name or ISO3 code.")
@click.option("--type", "event_type", help="ACLED event or sub-event type, or a CAMEO code prefix.")
@click.option("--since", help="First date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Last date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--limit", type=int, default=None, help="Show at most N events.")
def events(db, country, event_type, since, until, limit):
    """List the fused events as a table."""
    from sitrep.export.records import event_record, independent
    from sitrep.export.selection import select_events
    from sitrep.store import open_store

    with open_store(db, readonly=True) as store:
        store.migrate()
        found = select_events(store, country=country, event_type=event_type, since=since,
                              until=until, limit=limit)
    rows = []
    for ev in found:
        rec = event_record(ev)
        kind = rec["sub_event_type"] or f"CAMEO {rec['cameo']}"
        n_reports = len({(s["document"], s["article"]) for s in independent(rec["sources"])})
        links = ",".join(f"{ln['type']}:{ln['event'][:8]}" for ln in rec["links"]) or ""
        rows.append((rec["id"][:10], rec["date"] or "?", _cut(kind, 26), _cut(_actors(rec), 38),
                     _cut(_place(rec), 30), _deaths(rec["fatalities"]), str(n_reports), links))
    header = ("id", "date", "type", "actors", "place", "killed", "src", "links")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    click.echo(f"{len(rows)} events", err=True)


@click.command()
@click.argument("event_id")
@db_option
def show(event_id, db):
    """Show one event (a unique id prefix is enough) with its claims, disputes and links."""
    from sitrep.export.records import event_record, independent
    from sitrep.store import open_store

    with open_store(db, readonly=True) as store:
        store.migrate()
        ev = store.event(event_id)
        if ev is None:
            raise click.ClickException(f"no event (or no unique event) with id {event_id!r}")
        targets = {ln.event: store.event(ln.event) for ln in ev.links}
    rec = event_record(ev)
    kind = " / ".join(x for x in (rec["event_type"], rec["sub_event_type"]) if x) or "non-violent"
    goldstein = f" (Goldstein {rec['goldstein']})" if rec["goldstein"] is not None else ""
    click.echo(f"{rec['id']}  {rec['date']}  {kind}  CAMEO {rec['cameo']}{goldstein}")
    click.echo(f"  actors:     {_actors(rec)}")
    if rec["associated_actors"]:
        click.echo("  associated: " + ", ".join(a["name"] for a in rec["associated_actors"]))
    where = _place(rec)
    if rec["latitude"] is not None:
        where += f"  ({rec['latitude']}, {rec['longitude']}; precision {rec['geo_precision']})"
    click.echo(f"  place:      {where}")
    for key in ("fatalities", "injuries"):
        r = rec[key]
        click.echo(f"  {key + ':':<11} low {r['low']}  best {r['best']}  high {r['high']}")
    click.echo(f"claims ({len(independent(rec['sources']))}):")
    for s in rec["sources"]:
        where = f"[{s['outlet'] or s['document']}#{s['article']}, {s['published'] or '?'}]"
        if s.get("copy_of"):
            click.echo(f"      also at {where}")
            continue
        said = f" - per {s['attributed_to']}" if s["attributed_to"] else ""
        denied = " [denial]" if s["modality"] == "denied" else ""
        click.echo(f"  {where}{said}{denied}")
        click.echo(f"      {s['text']}")
    for d in rec["disputes"]:
        click.echo(f"dispute on {d['field']}: {d['note']}")
        for side in d["sides"]:
            who = ", ".join(side["attributed_to"]) or ", ".join(
                sorted({s["outlet"] or s["document"] for s in side["sources"]}))
            click.echo(f"  {side['value']}: {who} ({len(side['sources'])} report(s))")
    for ln in rec["links"]:
        other = targets.get(ln["event"])
        click.echo(f"link {ln['type']} -> {ln['event']}" + (f"  {other.summary}" if other else ""))


def register(group: click.Group) -> None:
    group.add_command(events)
    group.add_command(show)
