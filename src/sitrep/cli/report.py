"""`sitrep report --db F --output report.html`: one self-contained, offline HTML report."""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


@click.command()
@db_option
@click.option("--output", "-o", default="report.html", show_default=True, help="HTML file to write.")
@click.option("--title", default="Situation report", show_default=True)
@click.option("--from", "date_from", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Only events on or before this date.")
@click.option("--country", help="Only events in this country.")
def report(db, output, title, date_from, date_to, country):
    """Write the HTML report: map, timeline, escalation, actor network and events."""
    from sitrep.export import check_output
    from sitrep.export.report import write_report
    from sitrep.store import open_store

    check_output(output)
    with open_store(db, readonly=True) as store:
        store.migrate()
        n = write_report(store, output, title=title, date_from=date_from, date_to=date_to,
                         country=country)
    click.echo(f"wrote a report of {n} events to {output}", err=True)


def register(group: click.Group) -> None:
    group.add_command(report)
