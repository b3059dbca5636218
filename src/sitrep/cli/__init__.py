"""The `sitrep` command: thin commands over the library (one module per command group).

Every command parses its options and calls one library function. Errors raised on purpose
(`SitrepError`) become one line on stderr and a non-zero exit; anything else becomes one
line too, with the full traceback only under `--debug`.
"""
from __future__ import annotations

import os
import sys

# Before anything imports numpy: spaCy's small model multiplies small matrices, where a second
# OpenBLAS thread spins more than it helps (benchmark corpus, one process, two cores: 18.2 ->
# 16.3 CPU s and 18.6 -> 17.1 s wall with one thread), and with -j N every worker would start
# one per core. A value the user set wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402

from sitrep import __version__  # noqa: E402
from sitrep.errors import SitrepError  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("--debug", is_flag=True, help="Show full tracebacks.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news reports about armed conflict into a structured, sourced record of events."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    from sitrep.cli import analyze, articles, events, export, gazetteer, report, serve
    for module in (analyze, articles, events, export, gazetteer, report, serve):
        module.register(cli)


def main(argv: list[str] | None = None) -> None:
    _register()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="sitrep", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sitrep: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"sitrep: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except SitrepError as exc:
        if debug:
            raise
        click.echo(f"sitrep: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("sitrep: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into a line
        if debug:
            raise
        click.echo(f"sitrep: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
                   err=True)
        sys.exit(1)
