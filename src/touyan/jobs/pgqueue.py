"""The PostgreSQL job queue (procrastinate): the web process enqueues, `touyan worker` runs.

Each job kind is a procrastinate task of the same name with the payload as its arguments,
so `procrastinate_jobs` reads like our own log. A job with a key carries a procrastinate
lock (jobs of one run never overlap, on any machine) and a queueing lock (at most one waits).

Workers send heartbeats; every worker also looks for jobs whose worker has been silent for
`TOUYAN_WORKER_STALLED_SECONDS` (killed, machine lost) and puts them back in the queue, so
another worker resumes them. Handlers are idempotent, which makes a redelivery safe.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import procrastinate
import psycopg
from procrastinate import exceptions as pq_exceptions
from procrastinate.schema import SchemaManager
from psycopg import sql
from sqlalchemy.engine import make_url

from touyan.config import get_settings
from touyan.jobs.feeds import FEEDS_REFRESH, cron_for
from touyan.jobs.registry import Registration, load_task_modules, registrations
from touyan.store.db import Database

log = logging.getLogger("touyan.jobs")

QUEUE = "touyan"
_STAMP_PREFIX = "procrastinate schema "


def conninfo(db_url: str) -> str:
    """The libpq URL of a SQLAlchemy one (drops the +driver; keeps options such as
    search_path, so the queue lives in the same schema as the data)."""
    url = make_url(db_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError("the job queue needs a PostgreSQL database")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


# -- schema ---------------------------------------------------------------------------------
def _migrations() -> list[Path]:
    folder = Path(SchemaManager.get_migrations_path())
    return sorted(folder.glob("*.sql"), key=lambda p: p.stem)


def queue_schema_version(db_url: str) -> str | None:
    """The procrastinate migration the queue's schema is at; None when it is not there."""
    with psycopg.connect(conninfo(db_url)) as conn:
        return _stamp(conn)


def _stamp(conn: psycopg.Connection[Any]) -> str | None:
    row = conn.execute(
        "SELECT to_regclass('procrastinate_jobs') IS NOT NULL,"
        " obj_description(to_regclass('procrastinate_jobs'), 'pg_class')"
    ).fetchone()
    if row is None or not row[0]:
        return None
    comment = row[1] or ""
    return comment.removeprefix(_STAMP_PREFIX) if comment.startswith(_STAMP_PREFIX) else ""


def _set_stamp(conn: psycopg.Connection[Any], version: str) -> None:
    comment = sql.SQL("COMMENT ON TABLE procrastinate_jobs IS {}")
    conn.execute(comment.format(sql.Literal(_STAMP_PREFIX + version)))


def migrate_queue(db_url: str) -> tuple[str | None, str]:
    """Create the queue's tables, or apply procrastinate's newer migrations; (before, after).

    procrastinate keeps no record of its schema version, so we note the last migration
    applied in a comment on its jobs table. A schema found without that note is taken to
    be current (it was made by this procrastinate version's schema file).
    """
    latest = _migrations()[-1].stem
    with psycopg.connect(conninfo(db_url), autocommit=True) as conn:
        before = _stamp(conn)
        if before is None:
            with conn.transaction():
                conn.execute(SchemaManager.get_schema().encode())
                _set_stamp(conn, latest)
            return None, latest
        if before == "":
            _set_stamp(conn, latest)
            return "", latest
        for migration in _migrations():
            if migration.stem <= before:
                continue
            log.info("applying procrastinate migration %s", migration.name)
            with conn.transaction():
                conn.execute(migration.read_bytes())
                _set_stamp(conn, migration.stem)
        return before, latest


# -- enqueueing -----------------------------------------------------------------------------
class PgRunner:
    """Enqueues into procrastinate; never runs a job itself (workers do)."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self._app = procrastinate.App(
            connector=procrastinate.SyncPsycopgConnector(
                conninfo=conninfo(db_url), min_size=1, max_size=4
            )
        )
        self._opened = False
        self._lock = threading.Lock()

    def _open(self) -> procrastinate.App:
        with self._lock:
            if not self._opened:
                if queue_schema_version(self.db_url) is None:
                    raise RuntimeError(
                        "the job queue's tables are missing: run `touyan migrate` first"
                    )
                self._app.open()
                self._opened = True
        return self._app

    def submit(self, kind: str, payload: dict[str, Any], *, key: str | None = None) -> None:
        """Add a job to the queue; a keyed job already waiting makes this a no-op."""
        lock = f"{kind}:{key}" if key else None
        deferrer = self._open().configure_task(kind, queue=QUEUE, lock=lock, queueing_lock=lock)
        try:
            deferrer.defer(**payload)
        except pq_exceptions.AlreadyEnqueued:
            log.debug("%s %s already waiting; not queued twice", kind, key)

    def submit_run(self, run_id: str) -> None:
        self.submit("research.run", {"run_id": run_id}, key=run_id)

    def start_periodic(self) -> None:
        """Nothing to start: with PostgreSQL the workers schedule the feed refresh."""

    def close(self, *, wait: bool = True) -> None:
        with self._lock:
            if self._opened:
                self._app.close()
                self._opened = False


# -- working --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WorkerConfig:
    db_url: str
    concurrency: int
    burst: bool = False  # stop once the queue is empty
    heartbeat_seconds: float = 10.0
    stalled_seconds: float = 30.0
    feed_cron: str | None = None  # None: no periodic feed refresh
    modules: tuple[str, ...] = ()

    @classmethod
    def from_settings(
        cls,
        db_url: str,
        *,
        concurrency: int | None = None,
        burst: bool = False,
        modules: Iterable[str] = (),
    ) -> WorkerConfig:
        settings = get_settings()
        minutes = settings.feed_refresh_minutes
        return cls(
            db_url=db_url,
            concurrency=concurrency or settings.worker_concurrency,
            burst=burst,
            heartbeat_seconds=settings.worker_heartbeat_seconds,
            stalled_seconds=settings.worker_stalled_seconds,
            feed_cron=cron_for(minutes) if minutes > 0 else None,
            modules=tuple(modules),
        )


def worker_app(config: WorkerConfig, database: Database) -> procrastinate.App:
    """A procrastinate app whose tasks are the registered handlers, bound to `database`."""
    load_task_modules(config.modules)
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(
            conninfo=conninfo(config.db_url), min_size=1, max_size=config.concurrency + 2
        )
    )
    for found in registrations():
        retry = (
            procrastinate.RetryStrategy(max_attempts=found.retries, exponential_wait=2)
            if found.retries
            else False
        )
        task = app.task(name=found.kind, queue=QUEUE, retry=retry)(_task_function(found, database))
        if found.kind == FEEDS_REFRESH and config.feed_cron:
            app.periodic(cron=config.feed_cron, periodic_id=FEEDS_REFRESH)(task)
    return app


def _task_function(found: Registration, database: Database) -> Any:
    def run(**payload: Any) -> None:
        payload.pop("timestamp", None)  # added by procrastinate to periodic jobs
        found.handler(database, payload)

    run.__name__ = run.__qualname__ = found.kind.replace(".", "_")
    return run


def run_worker(config: WorkerConfig) -> None:
    """Run jobs until stopped by SIGINT/SIGTERM (running jobs finish first), or, in burst
    mode, until the queue is empty."""
    if config.stalled_seconds < 2 * config.heartbeat_seconds:
        raise ValueError("the stalled timeout must be at least twice the heartbeat interval")
    version = queue_schema_version(config.db_url)
    if version is None:
        raise RuntimeError("the job queue's tables are missing: run `touyan migrate` first")
    database = Database(config.db_url)
    try:
        asyncio.run(_work(config, worker_app(config, database)))
    finally:
        database.close()


async def _work(config: WorkerConfig, app: procrastinate.App) -> None:
    name = f"{socket.gethostname()}:{os.getpid()}"
    async with app.open_async():
        await requeue_stalled(app, config.stalled_seconds)
        reaper = None
        if not config.burst:
            reaper = asyncio.create_task(_reap(app, config), name="touyan-requeue-stalled")
        try:
            await app.run_worker_async(
                queues=[QUEUE],
                name=name,
                concurrency=config.concurrency,
                wait=not config.burst,
                update_heartbeat_interval=config.heartbeat_seconds,
                stalled_worker_timeout=config.stalled_seconds,
                fetch_job_polling_interval=min(5.0, config.heartbeat_seconds),
                delete_jobs="successful",
            )
        finally:
            if reaper is not None:
                reaper.cancel()


async def _reap(app: procrastinate.App, config: WorkerConfig) -> None:
    while True:
        await asyncio.sleep(config.heartbeat_seconds)
        try:
            await requeue_stalled(app, config.stalled_seconds)
        except Exception:  # a database hiccup must not stop the worker
            log.exception("looking for stalled jobs failed")


async def requeue_stalled(app: procrastinate.App, stalled_seconds: float) -> int:
    """Put the jobs of dead workers back in the queue; returns how many."""
    count = 0
    stalled = await app.job_manager.get_stalled_jobs(
        queue=QUEUE, seconds_since_heartbeat=stalled_seconds
    )
    for job in stalled:
        try:
            await app.job_manager.retry_job(job)
        except pq_exceptions.ConnectorException:
            continue  # another worker requeued it first
        log.warning("requeued job %s (%s) of a stalled worker", job.id, job.task_name)
        count += 1
    return count
