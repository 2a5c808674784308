"""The research engine (quick answers, deep research runs, the job runner), loaded lazily.

The web layer is written against the contract in research-contract.md; until the engine is
installed the chat and research routes answer 503 and pages hide the chat box's actions.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from fastapi import HTTPException
from starlette.status import HTTP_503_SERVICE_UNAVAILABLE

CHAT = "touyan.research.chat"
RUNS = "touyan.research.runs"
JOBS = "touyan.jobs"


def _load(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def available() -> bool:
    return all(_load(name) is not None for name in (CHAT, RUNS, JOBS))


def module(name: str) -> ModuleType:
    loaded = _load(name)
    if loaded is None:
        raise HTTPException(
            HTTP_503_SERVICE_UNAVAILABLE,
            "研究引擎未安装 / the research engine is not installed",
        )
    return loaded


def is_error(exc: BaseException, name: str) -> bool:
    """Whether exc is (a subclass of) the engine's error class called `name` (NotFound,
    RunStateError), wherever the engine defines it."""
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def submit(run_id: str) -> None:
    """Hand a run to the job runner: execution never happens inside a request."""
    module(JOBS).get_runner().submit_run(run_id)
