"""Options shared by several commands."""
from __future__ import annotations

import click

db_option = click.option("--db", "db", default="sitrep.db", show_default=True, envvar="SITREP_DB",
                         help="Database: a SQLite file path or a postgresql:// URL.")
