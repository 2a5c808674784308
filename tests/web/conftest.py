"""Web test fixtures: an app over the `db` fixture's store, users, and the seed-story feed."""

from __future__ import annotations

import importlib
import os
import sys
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

import fake_engine  # noqa: E402
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


def real_engine_available() -> bool:
    """The lead's engine, when it is installed and not overridden by TOUYAN_TEST_FAKE_ENGINE=1."""
    if os.environ.get("TOUYAN_TEST_FAKE_ENGINE") == "1":
        return False
    try:
        for name in ("touyan.research.chat", "touyan.research.runs", "touyan.jobs"):
            importlib.import_module(name)
    except ImportError:
        return False
    return True


@pytest.fixture
def engine(db: Database, monkeypatch: pytest.MonkeyPatch) -> str:
    """The research engine the chat/research routes call: the real one, else the test double."""
    if real_engine_available():
        return "real"
    fake_engine.install(monkeypatch, db)
    return "fake"


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its production cost takes ~0.3 s a hash; tests use the same algorithm with
    the smallest cost so the suite stays fast (test_accounts checks the production hasher)."""
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    monkeypatch.setattr(
        accounts, "_hasher", PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024),))
    )
