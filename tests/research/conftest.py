"""A store holding the bundled demo corpus (and the seed page when the shared data is there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from touyan.cli.demo import demo_files
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "data" / "seed" / "ginlix_yunfeng_xiaomi.txt"


@pytest.fixture
def demo_db(db: Database) -> Database:
    report = ingest(db, demo_files())
    assert not report.failed and report.added >= 30
    return db


@pytest.fixture
def seed_db(demo_db: Database, shared_data: Path) -> Database:
    report = ingest(demo_db, [str(shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt")])
    assert not report.failed
    return demo_db
