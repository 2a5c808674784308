"""Docs that cannot drift: every setting and every command is documented in the README."""

from __future__ import annotations

from pathlib import Path

from touyan.cli import app
from touyan.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    internal = {"data_dir", "db_url"}  # documented under their env names below anyway
    missing = [
        f"TOUYAN_{name.upper()}"
        for name in Settings.model_fields
        if f"`TOUYAN_{name.upper()}`" not in README and name not in internal
    ]
    assert missing == []
    assert "`TOUYAN_DB_URL`" in README and "`TOUYAN_DATA_DIR`" in README


def test_every_command_is_in_the_readme() -> None:
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    missing = [n for n in names if n and f"touyan {n}" not in README]
    assert missing == []
