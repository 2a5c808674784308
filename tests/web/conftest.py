"""Web test fixtures: an app over the `db` fixture's store, users, and the seed-story feed."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from touyan import accounts
from touyan.store.db import Database
from touyan.store.models import Analysis
from touyan.web.app import create_app

sys.path.insert(0, str(Path(__file__).parent))

from seed_story import load_feed  # noqa: E402


@pytest.fixture
def app(db: Database) -> Iterator[FastAPI]:
    application = create_app(db.url, schedule_feeds=False)
    yield application
    application.state.db.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def feed(db: Database) -> dict[str, Analysis]:
    return load_feed(db)


@pytest.fixture
def engine(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Runs submitted by the chat/research routes get executed: by the in-process runner on
    SQLite, by a thread playing `touyan worker` on PostgreSQL (joined before teardown)."""
    threads: list[threading.Thread] = []
    if db.dialect != "sqlite":
        _worker_in_a_thread(monkeypatch, threads)
    yield "real"
    for thread in threads:  # runs end before the test's schema is dropped
        thread.join(30)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its production cost takes ~0.3 s a hash; tests use the same algorithm with
    the smallest cost so the suite stays fast (test_accounts checks the production hasher)."""
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024),))
    )


def _worker_in_a_thread(monkeypatch: pytest.MonkeyPatch, threads: list[threading.Thread]) -> None:
    """On PostgreSQL runs are executed by `touyan worker` processes (tested with real ones in
    tests/jobs and tests/research/test_worker_crash.py); here a thread plays the worker."""
    from touyan.research.runs import run_job
    from touyan.web.routes import research as research_routes

    def submit(db_url: str, run_id: str) -> None:
        worker_db = Database(db_url)

        def work() -> None:
            try:
                run_job(worker_db, {"run_id": run_id})
            finally:
                worker_db.close()

        thread = threading.Thread(target=work, daemon=True)
        threads.append(thread)
        thread.start()

    monkeypatch.setattr(research_routes, "submit", submit)
