from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from touyan import accounts
from touyan.cli import app
from touyan.store.db import Database

runner = CliRunner()


def test_user_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    result = runner.invoke(
        app, ["user", "add", "root", "--admin", "--password-stdin", "--db", db],
        input="a-long-password\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Created admin root" in result.stdout
    database = Database(f"sqlite:///{db}")
    user = accounts.authenticate(database, "root", "a-long-password")
    assert user is not None and user.is_admin
    again = runner.invoke(
        app, ["user", "add", "root", "--password-stdin", "--db", db], input="another-pass\n"
    )
    assert again.exit_code == 2 and "taken" in again.output
    short = runner.invoke(
        app, ["user", "add", "eve", "--password-stdin", "--db", db], input="short\n"
    )
    assert short.exit_code == 2
    database.close()


def test_user_add_prompts_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    mismatch = runner.invoke(
        app, ["user", "add", "bob", "--db", db], input="password-1\npassword-2\n"
    )
    assert mismatch.exit_code == 2 and "do not match" in mismatch.output
    ok = runner.invoke(app, ["user", "add", "bob", "--db", db], input="password-1\npassword-1\n")
    assert ok.exit_code == 0


def test_serve_runs_uvicorn_on_the_given_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    monkeypatch.setenv("TOUYAN_DB_URL", "")  # serve --workers sets it; restored after the test
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["serve", "--port", "8123", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "http://localhost:8123/" in result.stdout and db.exists()
    target, kwargs = calls[0]
    assert kwargs["port"] == 8123 and kwargs["host"] == "127.0.0.1"
    assert hasattr(target, "openapi")  # the app object itself in single-process mode
    result = runner.invoke(app, ["serve", "--workers", "2", "--db", str(db)])
    target, kwargs = calls[1]
    assert target == "touyan.web.app:create_app" and kwargs["factory"] is True
    assert kwargs["workers"] == 2
