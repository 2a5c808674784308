"""Deep research runs: the run page, its form actions, the JSON API and the SSE event stream.

Execution never happens in a request: creating, accepting or editing a run hands it to the
job runner (`touyan.jobs`), and the page follows progress through `events_after`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Header, HTTPException, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.status import HTTP_201_CREATED, HTTP_303_SEE_OTHER

from touyan.jobs import get_runner
from touyan.research import runs as runs_service
from touyan.research.limits import RateLimited
from touyan.research.render import render_markdown
from touyan.research.runs import NotFound, RunStateError
from touyan.store.db import Database
from touyan.web.deps import LOGIN_AND_CSRF, DbDep, UserDep, Viewer
from touyan.web.routes.chat import check_context
from touyan.web.sse import SSE_HEADERS, frame
from touyan.web.templating import render

router = APIRouter(tags=["research"])
TERMINAL = frozenset({"done", "failed", "cancelled"})
POLL_SECONDS = 0.5
STREAM_SECONDS = 300.0  # a stream ends after this; EventSource reconnects with Last-Event-ID


class RunCreate(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    auto_accept: bool = False
    as_of: dt.date | None = None
    context_document_id: int | None = None
    context_analysis_id: int | None = None


class RunFeedback(BaseModel):
    feedback: str = Field(min_length=1, max_length=4000)


def submit(db_url: str, run_id: str) -> None:
    """Hand a run to the job runner of this store: execution never happens in a request."""
    get_runner(db_url).submit_run(run_id)


def _user_id(viewer: Viewer) -> int:
    assert viewer.user is not None
    return viewer.user.id


def run_json(db: Database, run_id: str, user_id: int) -> dict[str, Any]:
    runs = runs_service
    try:
        view = runs.get_run(db, run_id, user_id)
    except Exception as exc:
        if isinstance(exc, NotFound):
            raise HTTPException(404, "run not found") from exc
        raise
    if view is None:
        raise HTTPException(404, "run not found")
    data: dict[str, Any] = view.to_json()
    return data


def create(db: Database, body: RunCreate, user_id: int) -> str:
    check_context(db, user_id, body.context_document_id, body.context_analysis_id)
    runs = runs_service
    try:
        run_id: str = runs.create_run(
            db,
            body.question,
            user_id=user_id,
            auto_accept=body.auto_accept,
            as_of=body.as_of,
            context_document_id=body.context_document_id,
            context_analysis_id=body.context_analysis_id,
        )
    except RateLimited as exc:
        raise HTTPException(429, str(exc), headers={"Retry-After": str(exc.retry_after)}) from exc
    except RunStateError as exc:
        raise HTTPException(400, str(exc)) from exc
    submit(db.url, run_id)
    return run_id


def act(db: Database, run_id: str, user_id: int, action: str, *args: Any) -> None:
    """accept_plan / edit_plan / cancel_run, with the engine's errors turned into HTTP ones."""
    runs = runs_service
    run_json(db, run_id, user_id)  # 404 before anything else for another user's run
    function: Callable[..., Any] = getattr(runs, action)
    try:
        function(db, run_id, user_id, *args)
    except Exception as exc:
        if isinstance(exc, RunStateError):
            raise HTTPException(409, str(exc)) from exc
        if isinstance(exc, NotFound):
            raise HTTPException(404, "run not found") from exc
        raise
    if action in ("accept_plan", "edit_plan"):
        submit(db.url, run_id)


# -- pages ------------------------------------------------------------------------------------


@router.post("/research", include_in_schema=False, dependencies=LOGIN_AND_CSRF)
def create_from_form(
    db: DbDep,
    viewer: UserDep,
    question: Annotated[str, Form(min_length=1, max_length=2000)],
    auto_accept: Annotated[bool, Form()] = False,
    context_document_id: Annotated[int | None, Form()] = None,
    context_analysis_id: Annotated[int | None, Form()] = None,
) -> Response:
    body = RunCreate(
        question=question,
        auto_accept=auto_accept,
        context_document_id=context_document_id,
        context_analysis_id=context_analysis_id,
    )
    run_id = create(db, body, _user_id(viewer))
    return RedirectResponse(f"/research/{run_id}", status_code=HTTP_303_SEE_OTHER)


def step_states(steps: Any) -> dict[str, dict[str, Any]]:
    """Step progress by step id, whether the engine reports a mapping or a list."""
    if isinstance(steps, dict):
        return {str(k): v for k, v in steps.items() if isinstance(v, dict)}
    if isinstance(steps, list):
        return {str(s.get("id")): s for s in steps if isinstance(s, dict)}
    return {}


@router.get("/research/{run_id}", include_in_schema=False)
def run_page(request: Request, run_id: str, db: DbDep, viewer: UserDep) -> Response:
    # Events before the run: a status the worker writes between the two reads is then one
    # the page's script has not seen (seq > last_seq) and reloads on; read the other way
    # round, the page showed the old status and counted the new one's event as history.
    run_json(db, run_id, _user_id(viewer))  # 404 for another user's run before anything else
    seen = runs_service.events_after(db, run_id, _user_id(viewer), 0)
    run = run_json(db, run_id, _user_id(viewer))
    report_html = (
        render_markdown(run["report_markdown"], run.get("references") or [])
        if run.get("report_markdown")
        else ""
    )
    return render(
        request,
        "research.html",
        {
            "run": run,
            "report_html": report_html,
            "terminal": run["status"] in TERMINAL,
            "step_states": step_states(run.get("steps")),
            # events up to here are history when the page replays them: no reloads for those
            "last_seq": max((int(e["seq"]) for e in seen), default=0),
        },
    )


def _back(run_id: str) -> Response:
    return RedirectResponse(f"/research/{run_id}", status_code=HTTP_303_SEE_OTHER)


@router.post("/research/{run_id}/accept", include_in_schema=False, dependencies=LOGIN_AND_CSRF)
def accept_form(run_id: str, db: DbDep, viewer: UserDep) -> Response:
    act(db, run_id, _user_id(viewer), "accept_plan")
    return _back(run_id)


@router.post("/research/{run_id}/edit", include_in_schema=False, dependencies=LOGIN_AND_CSRF)
def edit_form(
    run_id: str,
    db: DbDep,
    viewer: UserDep,
    feedback: Annotated[str, Form(min_length=1, max_length=4000)],
) -> Response:
    act(db, run_id, _user_id(viewer), "edit_plan", feedback)
    return _back(run_id)


@router.post("/research/{run_id}/cancel", include_in_schema=False, dependencies=LOGIN_AND_CSRF)
def cancel_form(run_id: str, db: DbDep, viewer: UserDep) -> Response:
    act(db, run_id, _user_id(viewer), "cancel_run")
    return _back(run_id)


# -- JSON API ---------------------------------------------------------------------------------


@router.post("/api/research", status_code=HTTP_201_CREATED, dependencies=LOGIN_AND_CSRF)
def api_create(body: RunCreate, db: DbDep, viewer: UserDep) -> dict[str, Any]:
    """Start a deep research run; it plans at once and waits for review unless auto_accept."""
    user_id = _user_id(viewer)
    run_id = create(db, body, user_id)
    return {"id": run_id, "url": f"/research/{run_id}", "run": run_json(db, run_id, user_id)}


@router.get("/api/research/{run_id}")
def api_get(run_id: str, db: DbDep, viewer: UserDep) -> dict[str, Any]:
    """A run: status, plan, steps, report, references, verification."""
    return run_json(db, run_id, _user_id(viewer))


@router.post("/api/research/{run_id}/accept", dependencies=LOGIN_AND_CSRF)
def api_accept(run_id: str, db: DbDep, viewer: UserDep) -> dict[str, Any]:
    """Accept the plan under review: the run starts executing."""
    act(db, run_id, _user_id(viewer), "accept_plan")
    return run_json(db, run_id, _user_id(viewer))


@router.post("/api/research/{run_id}/edit", dependencies=LOGIN_AND_CSRF)
def api_edit(run_id: str, body: RunFeedback, db: DbDep, viewer: UserDep) -> dict[str, Any]:
    """Send feedback on the plan: the planner drafts a new version for review."""
    act(db, run_id, _user_id(viewer), "edit_plan", body.feedback)
    return run_json(db, run_id, _user_id(viewer))


@router.post("/api/research/{run_id}/cancel", dependencies=LOGIN_AND_CSRF)
def api_cancel(run_id: str, db: DbDep, viewer: UserDep) -> dict[str, Any]:
    """Cancel a run that has not finished."""
    act(db, run_id, _user_id(viewer), "cancel_run")
    return run_json(db, run_id, _user_id(viewer))


def _is_terminal_event(event: dict[str, Any]) -> bool:
    kind = event.get("kind")
    data = event.get("data") or {}
    return kind in ("done", "error") or (kind == "status" and data.get("status") in TERMINAL)


@router.get(
    "/api/research/{run_id}/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def api_events(
    run_id: str,
    db: DbDep,
    viewer: UserDep,
    after: int = 0,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """The run's events after `after` (or Last-Event-ID) as SSE, until the run ends."""
    user_id = _user_id(viewer)
    runs = runs_service
    run = await run_in_threadpool(run_json, db, run_id, user_id)
    if last_event_id and last_event_id.isdigit():
        after = max(after, int(last_event_id))

    async def stream() -> AsyncIterator[str]:
        seq = after
        finished = run["status"] in TERMINAL
        deadline = time.monotonic() + STREAM_SECONDS
        yield "retry: 2000\n\n"
        while time.monotonic() < deadline:
            events = await run_in_threadpool(runs.events_after, db, run_id, user_id, seq)
            for event in events:
                seq = max(seq, int(event["seq"]))
                yield frame(str(event["kind"]), event, event_id=seq)
                finished = finished or _is_terminal_event(event)
            if finished and not events:
                yield frame("end", {"seq": seq})
                return
            await asyncio.sleep(POLL_SECONDS if not events else 0)

    return StreamingResponse(stream(), media_type="text/event-stream", headers=SSE_HEADERS)
