"""`sitrep gazetteer info | lookup NAME | import FILE | build`: the place gazetteer's cache."""
from __future__ import annotations

import json

import click

cache_option = click.option("--cache", "cache", default=None, envvar="SITREP_GAZETTEER",
                            help="Gazetteer SQLite file (default: the versioned file in $SITREP_CACHE "
                                 "or ~/.cache/sitrep).")


@click.group()
def gazetteer():
    """The place gazetteer: build it, inspect it, look names up, import GeoNames dumps."""


@gazetteer.command()
@cache_option
def info(cache):
    """Where the gazetteer is, and what it holds."""
    from sitrep.geocode import open_gazetteer
    gaz = open_gazetteer(cache)
    click.echo(json.dumps(gaz.info(), indent=1, sort_keys=True))


@gazetteer.command()
@click.argument("name")
@click.option("--country", help="Country hint: name, demonym or ISO code.")
@click.option("--admin1", help="Province/state hint.")
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@cache_option
def lookup(name, country, admin1, limit, as_json, cache):
    """Places called NAME, best first."""
    from sitrep.geocode import open_gazetteer
    from sitrep.models import to_dict
    gaz = open_gazetteer(cache)
    iso = gaz.country_iso3(country) if country else None
    found = gaz.lookup(name, iso, admin1, limit=limit)
    if not found:
        raise click.ClickException(f"no place called {name!r}")
    for p in found:
        if as_json:
            click.echo(json.dumps(to_dict(p), ensure_ascii=False))
        else:
            where = ", ".join(x for x in (p.admin2, p.admin1, p.country) if x)
            click.echo(f"{p.name}\t{p.feature}\t{where}\t{p.latitude:.4f},{p.longitude:.4f}\tprecision {p.geo_precision}")


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--admin1", "admin1_file", type=click.Path(exists=True, dir_okay=False),
              help="admin1CodesASCII.txt (default: next to FILE if present).")
@click.option("--admin2", "admin2_file", type=click.Path(exists=True, dir_okay=False),
              help="admin2Codes.txt (default: next to FILE if present).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@cache_option
def import_(file, admin1_file, admin2_file, quiet, cache):
    """Add a GeoNames dump (allCountries.txt, XX.txt or their .zip) to the gazetteer."""
    import os

    from sitrep.geocode import open_gazetteer
    from sitrep.geocode.geonames import import_geonames
    from sitrep.progress import Progress
    gaz = open_gazetteer(cache)         # builds the packaged gazetteer first if needed
    path = gaz.path
    gaz.close()
    with Progress("B", total=os.path.getsize(file), enabled=not quiet) as bar:
        counts = import_geonames(file, path, admin1_file, admin2_file, on_progress=bar.update)
    click.echo(f"imported {counts['places']} places ({counts['names']} names, {counts['replaced']} replaced, "
               f"{counts['skipped']} skipped, {counts['bad_lines']} bad lines) into {path}", err=True)


@gazetteer.command()
@cache_option
def build(cache):
    """(Re)build the gazetteer from the installed packages and sitrep's data files."""
    import time

    from sitrep.geocode import schema
    from sitrep.geocode.build import build as do_build
    started = time.monotonic()
    path = do_build(cache or schema.default_path(), schema.version())
    click.echo(f"built {path} in {time.monotonic() - started:.1f}s", err=True)


def register(group: click.Group) -> None:
    group.add_command(gazetteer)
