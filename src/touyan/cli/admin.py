"""`touyan init` and `touyan stats`: set up the store and see what is in it."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from sqlalchemy import func, select

from touyan.cli.common import DbOption, JsonOption, console, open_db, print_json
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, DocumentVariant, Entity, Fact


def init_command(db: DbOption = None) -> None:
    """Create the database (or upgrade its schema) so the other commands can use it."""
    database = open_db(db)
    console.print(f"Database ready: [bold]{database.engine.url.render_as_string()}[/]")
    database.close()


def collect_stats(database: Database) -> dict[str, Any]:
    with database.sessions() as s:
        by_kind = dict(s.execute(select(Document.kind, func.count()).group_by(Document.kind)).all())
        by_lang = dict(
            s.execute(select(Document.language, func.count()).group_by(Document.language)).all()
        )
        first, last = s.execute(
            select(func.min(Document.published_at), func.max(Document.published_at))
        ).one()
        return {
            "database": database.engine.url.render_as_string(),
            "documents": sum(by_kind.values()),
            "chunks": s.scalar(select(func.count()).select_from(Chunk)) or 0,
            "variants": s.scalar(select(func.count()).select_from(DocumentVariant)) or 0,
            "entities": s.scalar(select(func.count()).select_from(Entity)) or 0,
            "facts": s.scalar(select(func.count()).select_from(Fact)) or 0,
            "by_kind": by_kind,
            "by_language": by_lang,
            "published_from": first,
            "published_to": last,
        }


def stats_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Counts of documents, chunks, entities and facts in the store."""
    database = open_db(db)
    try:
        stats = collect_stats(database)
    finally:
        database.close()
    if json_output:
        print_json(stats)
        return
    table = Table(show_header=False, box=None)
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "—"
        table.add_row(f"[bold]{key}[/]", str(value) if value is not None else "—")
    console.print(table)
