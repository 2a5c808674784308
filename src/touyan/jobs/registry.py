"""Which function handles which kind of job, shared by every runner in the process.

A handler is registered by the module that owns it, on import. A worker process has never
imported the research engine by itself, so the runners import a known list of task modules
before they look a kind up; a module missing from this installation is skipped.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from touyan.config import get_settings
from touyan.store.db import Database

log = logging.getLogger("touyan.jobs")

Handler = Callable[[Database, dict[str, Any]], None]

# Modules that register handlers when imported (the research engine, feed subscriptions).
TASK_MODULES: tuple[str, ...] = ("touyan.research.runs", "touyan.ingest.subscriptions")


@dataclass(frozen=True, slots=True)
class Registration:
    kind: str
    handler: Handler
    retries: int


_handlers: dict[str, Registration] = {}
_lock = threading.Lock()
_imported: set[str] = set()


def register(kind: str, handler: Handler, *, retries: int = 0) -> None:
    """Make `handler(db, payload)` the one that runs jobs of `kind`.

    Handlers must be idempotent: after a crash the same job is delivered again, and the
    handler is expected to do only what is left (see research.runs.advance_run).
    """
    if not kind or ":" in kind:
        raise ValueError(f"invalid job kind {kind!r}")
    with _lock:
        _handlers[kind] = Registration(kind, handler, retries)


def unregister(kind: str) -> None:
    with _lock:
        _handlers.pop(kind, None)


def registration(kind: str) -> Registration | None:
    """The handler of `kind`, importing the task modules first if it is not known yet."""
    found = _handlers.get(kind)
    if found is None:
        load_task_modules()
        found = _handlers.get(kind)
    return found


def registrations() -> list[Registration]:
    with _lock:
        return list(_handlers.values())


def task_module_names(extra: Iterable[str] = ()) -> list[str]:
    configured = [m.strip() for m in get_settings().task_modules.split(",") if m.strip()]
    names: list[str] = []
    for name in (*TASK_MODULES, *configured, *extra):
        if name not in names:
            names.append(name)
    return names


def load_task_modules(extra: Iterable[str] = ()) -> None:
    """Import every task module; one not installed is skipped, any other failure raises."""
    for name in task_module_names(extra):
        if name in _imported:
            continue
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not (name == exc.name or name.startswith(exc.name + ".")):
                raise
            if name not in TASK_MODULES:
                raise
            log.debug("task module %s is not installed; skipped", name)
        _imported.add(name)
