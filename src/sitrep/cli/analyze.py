"""`sitrep analyze PATH...`"""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the per-article work here or on a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a local cluster).")
@click.option("--batch-size", type=int, default=64, show_default=True, help="Articles per NLP batch.")
@click.option("-j", "--processes", "n_process", type=int, default=1, show_default=True,
              help="Processes for the NLP stage.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def analyze(paths, db, engine, scheduler, batch_size, n_process, quiet):
    """Analyse files, folders, globs, JSONL, HTML pages and feeds into the database."""
    from sitrep.pipeline import run
    from sitrep.progress import Progress
    from sitrep.settings import Settings
    from sitrep.store import open_store

    settings = Settings(engine=engine, scheduler=scheduler, batch_size=batch_size,
                        n_process=n_process, progress=not quiet)
    with open_store(db) as store, Progress("documents", enabled=not quiet) as bar:
        def seen(doc):
            bar.update(1)
            if doc.status not in ("ok", "duplicate"):
                bar.write(_one_line(f"sitrep: {doc.status}: {doc.source}: {doc.reason}"))
        summary = run(paths, store, settings, on_document=seen)
    parts = ", ".join(f"{n} {status}" for status, n in sorted(summary.documents.items())) or "none new"
    click.echo(f"documents: {parts}; unchanged: {summary.skipped_unchanged}; "
               f"articles: {summary.articles}; mentions: {summary.mentions}; events: {summary.events}",
               err=True)


def _one_line(text: str) -> str:
    """File names and reasons come from the inputs: show their control characters escaped
    (a newline in a file name must not forge a second console line, nor an escape sequence
    drive the terminal)."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def register(group: click.Group) -> None:
    group.add_command(analyze)
