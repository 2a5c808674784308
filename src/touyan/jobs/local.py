"""The embedded runner: a thread pool inside the process that submits (SQLite setups).

Jobs live only in memory, so a job submitted just before the process stops is lost; the
research engine keeps its state in the database, and a restarted web process resubmits
unfinished runs. A job with a key (a run id) never runs twice at once, and a second submit
while one is still waiting to start is dropped: the waiting one will see the newest state.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from touyan.config import get_settings
from touyan.jobs.feeds import FEEDS_REFRESH
from touyan.jobs.registry import registration
from touyan.store.db import Database

log = logging.getLogger("touyan.jobs")


@dataclass(slots=True)
class Failure:
    kind: str
    payload: dict[str, Any]
    error: str


@dataclass
class _Keyed:
    """Per-key state: one lock so runs never overlap, and whether one is waiting."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    waiting: bool = False
    jobs: int = 0  # queued or running; the entry is dropped at zero


class LocalRunner:
    def __init__(self, db_url: str, *, threads: int | None = None) -> None:
        self.db_url = db_url
        self._threads = threads or get_settings().worker_concurrency
        self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="touyan-job")
        self._db: Database | None = None
        self._state = threading.Lock()
        self._pending: set[Future[None]] = set()
        self._idle = threading.Condition(self._state)
        self._keys: dict[str, _Keyed] = {}
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self.failures: list[Failure] = []

    # -- submitting ---------------------------------------------------------------------------
    def submit(self, kind: str, payload: dict[str, Any], *, key: str | None = None) -> None:
        """Queue one job and return at once; the payload must survive a JSON round trip."""
        payload = json.loads(json.dumps(payload))
        with self._state:
            if self._stop.is_set():
                raise RuntimeError("the job runner is closed")
            name = f"{kind}:{key}" if key else ""
            keyed = self._keys.setdefault(name, _Keyed()) if key else None
            if keyed is not None:
                if keyed.waiting:
                    log.debug("%s %s already waiting; not queued twice", kind, key)
                    return
                keyed.waiting = True
                keyed.jobs += 1
            future = self._pool.submit(self._execute, kind, payload, name, keyed)
            self._pending.add(future)
        future.add_done_callback(self._done)

    def submit_run(self, run_id: str) -> None:
        self.submit("research.run", {"run_id": run_id}, key=run_id)

    # -- executing ----------------------------------------------------------------------------
    def _database(self) -> Database:
        with self._state:
            if self._db is None:
                self._db = Database(self.db_url)
            return self._db

    def _execute(self, kind: str, payload: dict[str, Any], name: str, keyed: _Keyed | None) -> None:
        if keyed is None:
            self._call(kind, payload)
            return
        try:
            with keyed.lock:
                with self._state:
                    keyed.waiting = False
                self._call(kind, payload)
        finally:
            with self._state:
                keyed.jobs -= 1
                if keyed.jobs == 0:
                    del self._keys[name]

    def _call(self, kind: str, payload: dict[str, Any]) -> None:
        found = registration(kind)
        if found is None:
            self._fail(kind, payload, f"no handler registered for job kind {kind!r}")
            return
        for attempt in range(found.retries + 1):
            try:
                found.handler(self._database(), payload)
                return
            except Exception as exc:  # a job's failure must not kill the runner
                if attempt == found.retries:
                    log.exception("job %s %s failed", kind, payload)
                    self._fail(kind, payload, f"{type(exc).__name__}: {exc}")
                    return
                time.sleep(min(2.0**attempt, 30.0))

    def _fail(self, kind: str, payload: dict[str, Any], error: str) -> None:
        with self._state:
            self.failures.append(Failure(kind, payload, error))

    def _done(self, future: Future[None]) -> None:
        with self._state:
            self._pending.discard(future)
            if not self._pending:
                self._idle.notify_all()

    # -- waiting, periodic work, closing ------------------------------------------------------
    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job is queued or running; False if `timeout` passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._state:
            while self._pending:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def join(self) -> None:
        self.wait_idle()

    def start_periodic(self, interval_seconds: float | None = None) -> None:
        """Refresh due feeds now and then every interval (for a long-lived web process)."""
        if interval_seconds is None:
            minutes = get_settings().feed_refresh_minutes
            if minutes <= 0:
                return
            interval_seconds = minutes * 60.0
        with self._state:
            if self._ticker is not None:
                return
            self._ticker = threading.Thread(
                target=self._tick, args=(interval_seconds,), name="touyan-periodic", daemon=True
            )
        self._ticker.start()

    def _tick(self, interval: float) -> None:
        while not self._stop.is_set():
            try:
                self.submit(FEEDS_REFRESH, {}, key="periodic")
            except RuntimeError:
                return
            self._stop.wait(interval)

    def close(self, *, wait: bool = True) -> None:
        """Stop the periodic work and the threads (waiting for running jobs when `wait`)."""
        with self._state:
            self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=5)
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
        with self._state:
            db, self._db = self._db, None
        if db is not None:
            db.close()
