"""Job handlers for the worker tests, imported by the worker with `--import jobtasks`.

Each handler writes its side effects to the `job_effects` table so a test can count them.
`two_steps` is resumable like a research run: it reads what is done and does only the rest;
with JOBTASKS_HANG=1 in its environment it stops between the steps, to be killed there.
"""

from __future__ import annotations

import os
import time
from typing import Any

from sqlalchemy import text

from touyan.jobs import register
from touyan.store.db import Database

CREATE = "CREATE TABLE IF NOT EXISTS job_effects (name TEXT, step TEXT, pid INTEGER)"


def _record(db: Database, name: str, step: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO job_effects (name, step, pid) VALUES (:n, :s, :p)"),
            {"n": name, "s": step, "p": os.getpid()},
        )


def _done(db: Database, name: str) -> set[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT step FROM job_effects WHERE name = :n"), {"n": name})
        return {row[0] for row in rows}


def record(db: Database, payload: dict[str, Any]) -> None:
    _record(db, str(payload["name"]), "done")


def two_steps(db: Database, payload: dict[str, Any]) -> None:
    name = str(payload["name"])
    _record(db, name, "attempt")
    done = _done(db, name)
    if "step1" not in done:
        _record(db, name, "step1")
    if os.environ.get("JOBTASKS_HANG") == "1":
        time.sleep(60)
    if "step2" not in done:
        _record(db, name, "step2")


register("test.record", record)
register("test.two_steps", two_steps)
