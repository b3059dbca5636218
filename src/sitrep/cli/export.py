"""`sitrep export articles|events --format F --output O`"""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


@click.command()
@click.argument("kind", type=click.Choice(["articles", "events"]))
@db_option
@click.option("--format", "fmt", default="jsonl", show_default=True,
              help="jsonl, csv (ACLED columns for events), geojson, parquet.")
@click.option("--output", "-o", required=True, help="File to write ('-' for stdout).")
def export(kind, db, fmt, output):
    """Export articles or fused events."""
    from sitrep import export as exporter
    from sitrep.store import open_store

    with open_store(db, readonly=True) as store:
        store.migrate()
        n = exporter.write(kind, fmt, store, output)
    click.echo(f"wrote {n} {kind} to {output}", err=True)


def register(group: click.Group) -> None:
    group.add_command(export)
