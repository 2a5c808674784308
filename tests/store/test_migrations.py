"""The migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from touyan.store.db import Database
from touyan.store.models import Base

# Each backend's own search index is created by the migrations and not mapped as a model.
_INDEX_TABLES = ("chunk_fts", "search_terms", "chunk_search")


def _drift(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    return [
        d
        for d in diff
        if not (
            isinstance(d, tuple)
            and d[0] in ("remove_table", "remove_index")
            and (d[1].name if d[0] == "remove_table" else d[1].table.name).startswith(
                _INDEX_TABLES
            )
        )
    ]


def test_migrated_schema_matches_models(db: Database) -> None:
    assert _drift(db) == []


def test_migrate_twice_is_a_no_op(db: Database) -> None:
    db.migrate()
    assert _drift(db) == []
