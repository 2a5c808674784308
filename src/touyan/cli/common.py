"""What every command shares: the --db option, opening the store, printing JSON and errors."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from touyan.config import get_settings
from touyan.store.db import Database, needs_migration

console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///path.db, postgresql+psycopg://…) or a SQLite file path. "
        "Default: TOUYAN_DB_URL, else touyan.db in the data dir.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def resolve_db_url(db: str | None) -> str:
    if not db:
        return get_settings().database_url()
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def open_db(db: str | None, *, migrate: bool = True) -> Database:
    """The database, migrated to the current schema (a fresh file is set up on first use)."""
    database = Database(resolve_db_url(db))
    try:
        if migrate and needs_migration(database.engine):
            database.migrate()
    except Exception as exc:
        fail(f"cannot open database {database.engine.url!r}: {str(exc).splitlines()[0]}")
    return database


def fail(message: str, code: int = 2) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")
