"""The in-process runner (SQLite): submit returns at once, keys serialise, failures are kept."""

from __future__ import annotations

import sys
import threading
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from touyan.config import get_settings
from touyan.jobs import (
    FEEDS_REFRESH,
    LocalRunner,
    close_runners,
    get_runner,
    load_task_modules,
    register,
    unregister,
)
from touyan.jobs.feeds import cron_for, refresh_feeds
from touyan.store.db import Database


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[LocalRunner]:
    local = LocalRunner(f"sqlite:///{tmp_path / 'jobs.db'}", threads=4)
    yield local
    local.close(wait=False)
    for kind in ("t.block", "t.record", "t.flaky", "t.boom", "t.key", "t.barrier"):
        unregister(kind)


def test_submit_returns_before_the_job_runs(runner: LocalRunner) -> None:
    release = threading.Event()
    seen: list[tuple[str, dict[str, Any]]] = []

    def block(db: Database, payload: dict[str, Any]) -> None:
        release.wait(5)
        seen.append((db.url, payload))

    register("t.block", block)
    started = time.monotonic()
    runner.submit("t.block", {"n": 1, "tags": ["a"]})
    assert time.monotonic() - started < 0.5 and seen == []
    assert runner.wait_idle(timeout=0.2) is False
    release.set()
    assert runner.wait_idle(timeout=5)
    assert seen == [(runner.db_url, {"n": 1, "tags": ["a"]})] and runner.failures == []


def test_payload_must_be_json(runner: LocalRunner) -> None:
    register("t.record", lambda db, payload: None)
    with pytest.raises(TypeError):
        runner.submit("t.record", {"when": object()})


def test_jobs_without_a_key_run_in_parallel(runner: LocalRunner) -> None:
    barrier = threading.Barrier(4, timeout=5)
    register("t.barrier", lambda db, payload: barrier.wait() and None)
    for n in range(4):
        runner.submit("t.barrier", {"n": n})
    assert runner.wait_idle(timeout=10)
    assert runner.failures == []  # a serial runner would break the barrier


def test_a_key_runs_one_at_a_time_and_one_waits(runner: LocalRunner) -> None:
    gate = threading.Event()
    running: dict[str, int] = {"run-1": 0, "run-2": 0}
    overlap: list[str] = []
    calls: list[int] = []

    def keyed(db: Database, payload: dict[str, Any]) -> None:
        key = payload["key"]
        running[key] += 1
        if running[key] > 1:
            overlap.append(key)
        gate.wait(5)
        time.sleep(0.01)
        calls.append(payload["v"])
        running[key] -= 1

    def submit(v: int, key: str) -> None:
        runner.submit("t.key", {"v": v, "key": key}, key=key)

    register("t.key", keyed)
    submit(1, "run-1")
    time.sleep(0.1)  # the first one is running now
    submit(2, "run-1")  # waits for the first
    submit(3, "run-1")  # dropped: one is already waiting
    submit(4, "run-2")  # another key runs beside it
    gate.set()
    assert runner.wait_idle(timeout=10)
    assert sorted(calls) == [1, 2, 4] and [v for v in calls if v < 4] == [1, 2]
    assert overlap == []
    submit(5, "run-1")  # the key is free again once its jobs ran
    assert runner.wait_idle(timeout=5) and calls[-1] == 5


def test_failures_are_kept_and_retries_happen(runner: LocalRunner) -> None:
    attempts: list[int] = []

    def flaky(db: Database, payload: dict[str, Any]) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("database went away")

    def boom(db: Database, payload: dict[str, Any]) -> None:
        raise ValueError("bad run")

    register("t.flaky", flaky, retries=1)
    register("t.boom", boom)
    runner.submit("t.flaky", {})
    runner.submit("t.boom", {"run_id": "r"})
    runner.submit("t.nobody", {})
    assert runner.wait_idle(timeout=10)
    assert len(attempts) == 2
    errors = sorted((f.kind, f.error) for f in runner.failures)
    assert errors == [
        ("t.boom", "ValueError: bad run"),
        ("t.nobody", "no handler registered for job kind 't.nobody'"),
    ]


def test_closed_runner_refuses_jobs(runner: LocalRunner) -> None:
    runner.close()
    with pytest.raises(RuntimeError, match="closed"):
        runner.submit("t.record", {})


@pytest.fixture
def fake_subscriptions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    module = types.ModuleType("touyan.ingest.subscriptions")

    def refresh_due_feeds(db: Database) -> dict[str, int]:
        calls.append(db.url)
        return {"feeds": 0}

    module.refresh_due_feeds = refresh_due_feeds  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "touyan.ingest.subscriptions", module)
    return calls


def test_periodic_feed_refresh_runs_until_closed(
    runner: LocalRunner, fake_subscriptions: list[str]
) -> None:
    runner.start_periodic(interval_seconds=0.05)
    deadline = time.monotonic() + 5
    while len(fake_subscriptions) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    runner.close()
    count = len(fake_subscriptions)
    time.sleep(0.2)
    assert count >= 3 and len(fake_subscriptions) == count
    assert set(fake_subscriptions) == {runner.db_url}


def test_periodic_is_off_when_the_interval_is_zero(
    runner: LocalRunner, fake_subscriptions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOUYAN_FEED_REFRESH_MINUTES", "0")
    get_settings.cache_clear()
    runner.start_periodic()
    time.sleep(0.1)
    assert runner.wait_idle(timeout=1) and fake_subscriptions == []


def test_feed_refresh_without_the_subscriptions_module_is_a_no_op(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "touyan.ingest.subscriptions", None)
    refresh_feeds(Database(f"sqlite:///{tmp_path / 'x.db'}"), {})  # must not raise


def test_cron_lines() -> None:
    assert cron_for(15) == "*/15 * * * *"
    assert cron_for(120) == "0 */2 * * *"
    with pytest.raises(ValueError):
        cron_for(90)


def test_get_runner_picks_by_backend_and_is_shared(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    try:
        first = get_runner(url)
        assert isinstance(first, LocalRunner) and get_runner(url) is first
        assert isinstance(get_runner(), LocalRunner)  # the default data-dir database
        with pytest.raises(ValueError, match="no job runner"):
            get_runner("mysql://x/y")
    finally:
        close_runners()
    assert get_runner(url) is not first
    close_runners()


def test_task_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    load_task_modules()  # the research engine may not be installed: skipped, not an error
    monkeypatch.setenv("TOUYAN_TASK_MODULES", "touyan_no_such_tasks")
    get_settings.cache_clear()
    with pytest.raises(ModuleNotFoundError):
        load_task_modules()
    assert FEEDS_REFRESH == "feeds.refresh"
