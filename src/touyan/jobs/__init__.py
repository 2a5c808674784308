"""Background jobs: research runs and feed refreshes, never run inside a web request.

`get_runner()` picks the runner from the database: with SQLite, a thread pool in this
process (`LocalRunner`); with PostgreSQL, the procrastinate queue (`PgRunner`), whose jobs
`touyan worker` processes run on any number of machines. Both take the same calls:

    runner = get_runner()
    runner.submit("feeds.refresh", {})
    runner.submit_run(run_id)        # = submit("research.run", {"run_id": run_id}, key=run_id)

Handlers are registered with `register(kind, handler)` by the module that owns them.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from sqlalchemy.engine import make_url

from touyan.config import get_settings
from touyan.jobs.feeds import FEEDS_REFRESH
from touyan.jobs.local import LocalRunner
from touyan.jobs.registry import (
    TASK_MODULES,
    Handler,
    load_task_modules,
    register,
    registration,
    unregister,
)

__all__ = [
    "FEEDS_REFRESH",
    "TASK_MODULES",
    "Handler",
    "LocalRunner",
    "Runner",
    "close_runners",
    "get_runner",
    "load_task_modules",
    "register",
    "registration",
    "unregister",
]


class Runner(Protocol):
    def submit(self, kind: str, payload: dict[str, Any], *, key: str | None = None) -> None: ...

    def submit_run(self, run_id: str) -> None: ...

    def start_periodic(self) -> None: ...

    def close(self, *, wait: bool = True) -> None: ...


_runners: dict[str, Runner] = {}
_lock = threading.Lock()


def get_runner(db_url: str | None = None) -> Runner:
    """The process's runner for this database (one per URL, created on first use)."""
    url = db_url or get_settings().database_url()
    with _lock:
        runner = _runners.get(url)
        if runner is None:
            runner = _runners[url] = _make_runner(url)
        return runner


def _make_runner(url: str) -> Runner:
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return LocalRunner(url)
    if backend == "postgresql":
        try:
            from touyan.jobs.pgqueue import PgRunner
        except ModuleNotFoundError as exc:
            raise RuntimeError(
                "the PostgreSQL job queue needs procrastinate: pip install 'touyan[postgres]'"
            ) from exc
        return PgRunner(url)
    raise ValueError(f"no job runner for {backend} databases")


def close_runners(*, wait: bool = True) -> None:
    """Close every runner (at shutdown, and between tests)."""
    with _lock:
        runners = list(_runners.values())
        _runners.clear()
    for runner in runners:
        runner.close(wait=wait)
