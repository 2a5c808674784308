"""The PostgreSQL queue with real worker processes: enqueue here, run there, survive SIGKILL."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from touyan.jobs import FEEDS_REFRESH
from touyan.jobs.pgqueue import (
    PgRunner,
    WorkerConfig,
    _work,
    migrate_queue,
    queue_schema_version,
    worker_app,
)
from touyan.store.db import Database

pytestmark = pytest.mark.pg
HERE = Path(__file__).resolve().parent


@pytest.fixture
def queue_url(pg_schema_url: str) -> Iterator[str]:
    before, after = migrate_queue(pg_schema_url)
    assert before is None and after
    engine = create_engine(pg_schema_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE job_effects (name TEXT, step TEXT, pid INTEGER)"))
    engine.dispose()
    yield pg_schema_url


def effects(url: str, name: str) -> list[tuple[str, int]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT step, pid FROM job_effects WHERE name = :n ORDER BY step"), {"n": name}
        ).all()
    engine.dispose()
    return [(row[0], row[1]) for row in rows]


def jobs(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT task_name, status::text FROM procrastinate_jobs")).all()
    engine.dispose()
    return sorted((row[0], row[1]) for row in rows)


def start_worker(url: str, tmp_path: Path, *args: str, hang: bool = False) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(HERE),
        "TOUYAN_DB_URL": url,
        "TOUYAN_DATA_DIR": str(tmp_path / "worker-data"),
        "TOUYAN_WORKER_HEARTBEAT_SECONDS": "0.5",
        "TOUYAN_WORKER_STALLED_SECONDS": "1.5",
        "TOUYAN_FEED_REFRESH_MINUTES": "0",
        "JOBTASKS_HANG": "1" if hang else "0",
    }
    command = [sys.executable, "-c", "from touyan.cli import main; main()", "worker"]
    return subprocess.Popen(
        [*command, "--import", "jobtasks", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(proc: subprocess.Popen[str]) -> str:
    """SIGTERM (a graceful stop) if still running; the output either way."""
    if proc.poll() is None:
        proc.terminate()
    output, _ = proc.communicate(timeout=15)
    return output


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def test_migrate_queue_is_idempotent(queue_url: str) -> None:
    version = queue_schema_version(queue_url)
    assert version and migrate_queue(queue_url) == (version, version)
    engine = create_engine(queue_url)
    with engine.begin() as conn:  # as if made by `procrastinate schema --apply`
        conn.execute(text("COMMENT ON TABLE procrastinate_jobs IS NULL"))
    engine.dispose()
    assert queue_schema_version(queue_url) == ""
    assert migrate_queue(queue_url) == ("", version)
    assert queue_schema_version(queue_url) == version


def test_enqueued_here_run_by_a_worker_process(queue_url: str, tmp_path: Path) -> None:
    runner = PgRunner(queue_url)
    try:
        runner.submit("test.record", {"name": "a"})
        runner.submit("test.record", {"name": "b"})
        runner.submit("test.record", {"name": "k"}, key="k")
        runner.submit("test.record", {"name": "k"}, key="k")  # one is waiting already
        runner.start_periodic()  # a no-op: workers schedule periodic jobs
    finally:
        runner.close()
    assert jobs(queue_url) == [("test.record", "todo")] * 3
    worker = start_worker(queue_url, tmp_path, "--burst")
    output, _ = worker.communicate(timeout=30)
    assert worker.returncode == 0, output
    assert [e[0] for e in effects(queue_url, "a")] == ["done"]
    assert [e[0] for e in effects(queue_url, "k")] == ["done"]
    assert {e[1] for e in effects(queue_url, "b")} == {worker.pid}  # run there, not here
    assert jobs(queue_url) == []  # finished jobs are deleted


def test_a_killed_workers_job_is_finished_once_by_another(queue_url: str, tmp_path: Path) -> None:
    runner = PgRunner(queue_url)
    runner.submit("test.two_steps", {"name": "run-1"}, key="run-1")
    runner.close()
    first = start_worker(queue_url, tmp_path, hang=True)
    second: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: ("step1", first.pid) in effects(queue_url, "run-1"), 20, "step 1")
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
        assert jobs(queue_url) == [("test.two_steps", "doing")]  # orphaned mid-job
        second = start_worker(queue_url, tmp_path)
        wait_for(lambda: jobs(queue_url) == [], 20, "the second worker to finish the job")
    finally:
        for proc in (first, second):
            if proc is not None:
                stop(proc)
    assert second is not None and second.returncode == 0  # SIGTERM: a graceful stop
    steps = effects(queue_url, "run-1")
    assert sorted(s for s, _ in steps) == ["attempt", "attempt", "step1", "step2"]
    assert ("step1", first.pid) in steps and ("step2", second.pid) in steps


def test_workers_schedule_the_feed_refresh(queue_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    module = types.ModuleType("touyan.ingest.subscriptions")
    module.refresh_due_feeds = lambda db: calls.append(db.url)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "touyan.ingest.subscriptions", module)
    config = WorkerConfig(
        db_url=queue_url,
        concurrency=1,
        heartbeat_seconds=0.5,
        stalled_seconds=1.5,
        feed_cron="* * * * * *",  # every second (the setting is in minutes)
    )
    database = Database(queue_url)
    app = worker_app(config, database)
    assert FEEDS_REFRESH in app.tasks

    async def run_briefly() -> None:
        task = asyncio.create_task(_work(config, app))
        deadline = time.monotonic() + 10
        while len(calls) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    try:
        asyncio.run(run_briefly())
    finally:
        database.close()
    assert len(calls) >= 2 and set(calls) == {queue_url}


def test_enqueueing_needs_the_queue_tables(pg_schema_url: str) -> None:
    runner = PgRunner(pg_schema_url)
    with pytest.raises(RuntimeError, match="touyan migrate"):
        runner.submit_run("0" * 32)
    runner.close()


def test_submit_run_queues_one_locked_job_per_run(queue_url: str) -> None:
    runner = PgRunner(queue_url)
    try:
        runner.submit_run("a" * 32)
        runner.submit_run("a" * 32)  # accepted twice before a worker took it: one job
        runner.submit_run("b" * 32)
    finally:
        runner.close()
    engine = create_engine(queue_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT task_name, args, lock, queue_name FROM procrastinate_jobs ORDER BY id")
        ).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("research.run", {"run_id": "a" * 32}, f"research.run:{'a' * 32}", "touyan"),
        ("research.run", {"run_id": "b" * 32}, f"research.run:{'b' * 32}", "touyan"),
    ]
