"""Faults: the model failing mid-run, the database going away, a full disk on export.

Each must end in a retry, a degraded answer that says so, or a clean failure with the run's
state kept — never a hung run or a 500 page.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from touyan.cli import app as cli
from touyan.llm import LLMError, ScriptedProvider
from touyan.research import runs
from touyan.research.runs import advance_run, create_run, get_run
from touyan.store.db import Database
from touyan.web.app import create_app

PLAN = json.dumps(
    {
        "title": "小米估值",
        "steps": [
            {"id": "s1", "title": "估值", "kind": "search", "queries": ["小米 估值"]},
            {"id": "s2", "title": "综合", "kind": "analysis", "depends_on": ["s1"]},
        ],
    },
    ensure_ascii=False,
)


def test_model_failing_after_the_plan_degrades_to_quoted_sections(demo_db: Database) -> None:
    down = LLMError("HTTP 503: upstream unavailable")
    provider = ScriptedProvider([PLAN, down, down, down])
    run_id = create_run(demo_db, "小米2014年估值", user_id=None, auto_accept=True)
    assert advance_run(demo_db, run_id, provider=provider) == "done"
    view = get_run(demo_db, run_id, None)
    assert view is not None
    assert "450亿美元" in view.data["report_markdown"]
    assert view.data["verification"]["unsupported"] == 0


def test_database_away_mid_run_leaves_it_resumable(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_id = create_run(demo_db, "宁德时代2024年业绩", user_id=None, auto_accept=True)
    real_save = runs._Advance._save
    calls = {"n": 0}

    def flaky(self: Any, **values: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OperationalError("UPDATE research_runs", {}, Exception("server closed"))
        real_save(self, **values)

    monkeypatch.setattr(runs._Advance, "_save", flaky)
    with pytest.raises(OperationalError):
        advance_run(demo_db, run_id)
    mid = get_run(demo_db, run_id, None)
    assert mid is not None and mid.status == "running" and mid.data["error"] is None
    assert advance_run(demo_db, run_id) == "done"  # the retried job finishes it


def test_pages_answer_503_while_the_database_is_away(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from touyan.web.routes import api, pages

    def away(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(pages, "list_analyses", away)
    monkeypatch.setattr(api, "list_analyses", away)
    app = create_app(db.url, schedule_feeds=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/")
        assert page.status_code == 503 and "稍后重试" in page.text
        assert page.headers["retry-after"] == "5"
        assert client.get("/api/analyses").status_code == 503


def test_a_full_disk_on_export_fails_cleanly_and_keeps_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "load", "--db", db, "--no-analyses"]).exit_code == 0

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    out = tmp_path / "report.pdf"
    result = runner.invoke(
        cli, ["research", "贵州茅台2024年经营业绩", "--auto-accept", "--db", db, "--out", str(out)]
    )
    assert result.exit_code == 2 and "No space left" in result.output
    assert not out.exists()
    database = Database(db)
    try:
        from sqlalchemy import select

        from touyan.research.feed import list_analyses  # noqa: F401 - the report is stored
        from touyan.store.models import Analysis

        with database.engine.connect() as conn:
            titles = list(conn.execute(select(Analysis.title)).scalars())
        assert "贵州茅台2024年经营业绩" in titles
    finally:
        database.close()


def test_export_page_on_a_full_disk_is_a_503(
    monkeypatch: pytest.MonkeyPatch, demo_db: Database
) -> None:
    from touyan.research import export

    run_id = create_run(demo_db, "贵州茅台2024年经营业绩", user_id=None, auto_accept=True)
    advance_run(demo_db, run_id)
    view = get_run(demo_db, run_id, None)
    assert view is not None

    def full(analysis: Any) -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "to_pdf", full)
    app = create_app(demo_db.url, schedule_feeds=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(f"/a/{view.data['analysis_slug']}/export.pdf")
        assert response.status_code == 503
        assert client.get(f"/a/{view.data['analysis_slug']}").status_code == 200
