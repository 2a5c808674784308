"""`touyan init`, `touyan migrate` and `touyan stats`: set up the store and see what is in it."""

from __future__ import annotations

from typing import Any

from alembic.runtime.migration import MigrationContext
from rich.table import Table
from sqlalchemy import func, select

from touyan.cli.common import DbOption, JsonOption, console, fail, open_db, print_json
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, DocumentVariant, Entity, Fact


def init_command(db: DbOption = None) -> None:
    """Create the database (or upgrade its schema) so the other commands can use it."""
    database = open_db(db, migrate=False)
    try:
        migrate_database(database)
    except Exception as exc:
        database.close()
        fail(f"cannot set up {database.engine.url!r}: {str(exc).splitlines()[0]}")
    console.print(f"Database ready: [bold]{database.engine.url.render_as_string()}[/]")
    database.close()


def schema_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate_database(database: Database) -> dict[str, Any]:
    """Apply every pending migration: Alembic's, and the job queue's on PostgreSQL."""
    result: dict[str, Any] = {"database": database.engine.url.render_as_string()}
    before = schema_revision(database)
    database.migrate()
    result["schema"] = {"before": before, "after": schema_revision(database)}
    if database.dialect == "postgresql":
        try:
            from touyan.jobs.pgqueue import migrate_queue
        except ModuleNotFoundError as exc:
            raise RuntimeError(
                f"the job queue needs procrastinate ({exc.name}): pip install 'touyan[postgres]'"
            ) from exc
        queue_before, queue_after = migrate_queue(database.url)
        result["job_queue"] = {"before": queue_before, "after": queue_after}
    return result


def migrate_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Apply database migrations (and the job queue's schema on PostgreSQL); safe to re-run."""
    database = open_db(db, migrate=False)
    try:
        result = migrate_database(database)
    except Exception as exc:
        fail(f"migration failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
        return
    finally:
        database.close()
    if json_output:
        print_json(result)
        return
    console.print(f"Database: [bold]{result['database']}[/]")
    for label, key in (("schema", "schema"), ("job queue", "job_queue")):
        if key in result:
            before, after = result[key]["before"], result[key]["after"]
            change = "up to date" if before == after else f"{before or '(empty)'} → {after}"
            console.print(f"  {label}: {after} ({change})", highlight=False)


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
