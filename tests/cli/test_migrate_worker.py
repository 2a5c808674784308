"""`touyan migrate` on both backends and `touyan worker`'s refusals."""

from __future__ import annotations

import json
from pathlib import Path

from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from touyan.cli import app
from touyan.store.db import alembic_config

runner = CliRunner()
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_migrate_reports_before_and_after(db_url: str) -> None:
    result = runner.invoke(app, ["migrate", "--db", db_url, "--json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)
    assert first["schema"] == {"before": None, "after": HEAD}
    if db_url.startswith("postgresql"):
        assert first["job_queue"]["before"] is None and first["job_queue"]["after"]
    else:
        assert "job_queue" not in first
    again = runner.invoke(app, ["migrate", "--db", db_url])
    assert again.exit_code == 0 and "up to date" in again.stdout
    assert f"schema: {HEAD}" in again.stdout


def test_worker_needs_postgresql(tmp_path: Path) -> None:
    result = runner.invoke(app, ["worker", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "needs a PostgreSQL database" in result.output


def test_worker_needs_the_queue_tables(pg_schema_url: str) -> None:
    result = runner.invoke(app, ["worker", "--db", pg_schema_url, "--burst"])
    assert result.exit_code == 2 and "run `touyan migrate` first" in result.output
