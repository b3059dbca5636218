"""`sitrep articles`: what was ingested, as a readable table (articles, then the inputs that
gave no article with their status and reason)."""
from __future__ import annotations

import click

from sitrep.cli.common import db_option


def _cut(text: str | None, width: int) -> str:
    text = text or "-"
    return text if len(text) <= width else text[:width - 1] + "…"


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header).rstrip()] + [fmt.format(*r).rstrip() for r in rows]


@click.command()
@db_option
@click.option("--status", help="Only articles (and inputs) with this status, e.g. ok, duplicate.")
def articles(db, status):
    """List ingested articles: status, document, title, date, outlet, length."""
    from sitrep.store import open_store

    with open_store(db, readonly=True) as store:
        store.migrate()
        arts = store.articles(status=status)
        docs = [d for d in store.documents(status=status) if d.n_articles == 0]
    rows = []
    for a in arts:
        date = a.published or "-"
        if a.published and a.published_inferred:
            date += "~"      # inferred, not stated by the page
        rows.append((a.status, _cut(a.document, 28), str(a.index), _cut(a.title, 60), date,
                     _cut(a.outlet, 20), str(len(a.text))))
    if rows:
        click.echo("\n".join(_table(rows, ("status", "document", "#", "title", "published", "outlet", "chars"))))
    if docs:
        if rows:
            click.echo("")
        click.echo("inputs without articles:")
        drows = [(d.status, _cut(d.key, 36), _cut(d.reason, 90)) for d in docs]
        click.echo("\n".join(_table(drows, ("status", "document", "reason"))))
    n_docs = len({a.doc_id for a in arts}) + len(docs)
    click.echo(f"{len(arts)} articles from {n_docs} inputs"
               + (" (~ = date inferred)" if any(a.published_inferred for a in arts) else ""), err=True)


def register(group: click.Group) -> None:
    group.add_command(articles)
