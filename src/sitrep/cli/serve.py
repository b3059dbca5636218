"""`sitrep serve --db F`: the events in the browser, live and read-only (needs `sitrep[web]`)."""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default serves this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db, host, port):
    """Serve the events (map, timeline, network, table, API at /docs), read-only."""
    from sitrep.errors import require
    uvicorn = require("uvicorn", "sitrep serve", "web")
    require("fastapi", "sitrep serve", "web")
    from sitrep.web.app import create_app

    app = create_app(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"sitrep: serving on {host}: anyone who can reach it can read the events",
                   err=True)
    click.echo(f"sitrep: serving {db} read-only on http://{host}:{port}/events", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(group: click.Group) -> None:
    group.add_command(serve)
