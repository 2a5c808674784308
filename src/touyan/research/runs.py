"""Deep-research runs: created, planned, reviewed, executed step by step, written, verified.

The run row is the state. `advance_run` reads it and does only what is left, persisting
after every step, so a worker that dies mid-run leaves a run another worker can finish
without redoing finished steps. A lease on the row keeps two workers off the same run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update
from sqlalchemy.exc import OperationalError

from touyan.config import get_settings
from touyan.facts.entities import EntityDictionary
from touyan.facts.repository import load_dictionary
from touyan.jobs.registry import register
from touyan.llm.base import Provider, Usage
from touyan.llm.factory import provider_from_settings
from touyan.research.evidence import EvidenceSet
from touyan.research.execute import StepOutcome, ready_steps, run_wave, step_notes
from touyan.research.limits import check_research
from touyan.research.plan import Plan, PlanError, model_plan, offline_plan, revise_offline
from touyan.research.publish import context_documents, publish_analysis
from touyan.research.question import QuestionContext, read_question
from touyan.research.report import finalize
from touyan.research.retrieve import Scope
from touyan.research.write import StepEvidence, write_offline, write_with_model
from touyan.store.db import Database
from touyan.store.models import Analysis, ResearchRun, RunEvent, utcnow

MAX_EDITS = 3
TERMINAL = frozenset({"done", "failed", "cancelled"})


class RunStateError(ValueError):
    """The run is not in a state that allows this (the message is for the user)."""


class NotFound(LookupError):
    pass


@dataclass(frozen=True, slots=True)
class RunView:
    data: dict[str, Any]

    @property
    def status(self) -> str:
        return str(self.data["status"])

    def to_json(self) -> dict[str, Any]:
        return dict(self.data)


# -- the user's side -------------------------------------------------------------------------


def create_run(
    db: Database,
    question: str,
    *,
    user_id: int | None,
    auto_accept: bool = False,
    as_of: dt.date | None = None,
    context_document_id: int | None = None,
    context_analysis_id: int | None = None,
) -> str:
    question = question.strip()
    if not question:
        raise RunStateError("请输入问题 / the question is empty")
    if len(question) > 2_000:
        raise RunStateError("问题过长（最多2000字）/ the question is too long (2,000 characters)")
    check_research(db, user_id)
    run_id = uuid.uuid4().hex
    with db.engine.begin() as conn:
        conn.execute(
            insert(ResearchRun),
            {
                "id": run_id,
                "user_id": user_id,
                "question": question,
                "mode": "deep",
                "auto_accept": auto_accept,
                "as_of": as_of,
                "locale": read_question(question, EntityDictionary()).language,
                "context_document_id": context_document_id,
                "context_analysis_id": context_analysis_id,
                "status": "planning",
                "plan": {},
                "plan_versions": [],
                "feedback": [],
                "steps": {},
                "evidence": [],
                "references": [],
                "verification": {},
                "usage": {},
                "created_at": utcnow(),
                "updated_at": utcnow(),
            },
        )
        _event(conn, run_id, "status", {"status": "planning"})
    return run_id


def get_run(db: Database, run_id: str, user_id: int | None) -> RunView | None:
    with db.engine.connect() as conn:
        row = _load(conn, run_id, user_id)
        if row is None:
            return None
        slug = None
        if row.analysis_id is not None:
            slug = conn.execute(
                select(Analysis.slug).where(Analysis.id == row.analysis_id)
            ).scalar()
    return RunView(_view(row, slug))


def accept_plan(db: Database, run_id: str, user_id: int | None) -> None:
    with db.engine.begin() as conn:
        row = _require(conn, run_id, user_id)
        if row.status != "awaiting_review":
            raise RunStateError(_not_now(row.status, "accept the plan"))
        _set(conn, run_id, status="running")
        _event(conn, run_id, "status", {"status": "running"})


def edit_plan(db: Database, run_id: str, user_id: int | None, feedback: str) -> None:
    """The user's feedback makes the planner re-plan (at most MAX_EDITS times)."""
    feedback = feedback.strip()
    if not feedback:
        raise RunStateError("请填写修改意见 / the feedback is empty")
    with db.engine.begin() as conn:
        row = _require(conn, run_id, user_id)
        if row.status != "awaiting_review":
            raise RunStateError(_not_now(row.status, "edit the plan"))
        if len(row.feedback) >= MAX_EDITS:
            raise RunStateError(f"计划最多修改{MAX_EDITS}次 / at most {MAX_EDITS} edits")
        _set(conn, run_id, status="planning", feedback=[*row.feedback, feedback[:1000]])
        _event(conn, run_id, "status", {"status": "planning", "feedback": feedback[:1000]})


def cancel_run(db: Database, run_id: str, user_id: int | None) -> None:
    with db.engine.begin() as conn:
        row = _require(conn, run_id, user_id)
        if row.status in TERMINAL:
            raise RunStateError(_not_now(row.status, "cancel"))
        _set(conn, run_id, status="cancelled", lease_owner=None, lease_expires_at=None)
        _event(conn, run_id, "status", {"status": "cancelled"})


def events_after(
    db: Database, run_id: str, user_id: int | None, after_seq: int = 0
) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        if _load(conn, run_id, user_id) is None:
            raise NotFound(run_id)
        rows = conn.execute(
            select(RunEvent.seq, RunEvent.kind, RunEvent.data, RunEvent.created_at)
            .where(RunEvent.run_id == run_id, RunEvent.seq > after_seq)
            .order_by(RunEvent.seq)
        ).all()
    return [{"seq": s, "kind": k, "data": d, "created_at": c.isoformat()} for s, k, d, c in rows]


# -- the worker's side -----------------------------------------------------------------------


def advance_run(
    db: Database,
    run_id: str,
    *,
    provider: Provider | None = None,
    use_settings_provider: bool = True,
    worker: str | None = None,
    on_event: Callable[[str, dict[str, Any]], None] | None = None,
) -> str:
    """Do whatever the run needs next, until it waits for the user or ends; returns status.

    Safe to call twice or concurrently: a second caller finds the lease taken and returns.
    """
    if provider is None and use_settings_provider:
        provider = provider_from_settings(get_settings())
    worker = worker or f"{socket.gethostname()}:{os.getpid()}"
    if not _claim(db, run_id, worker):
        return _status(db, run_id)
    try:
        return _Advance(db, run_id, provider, worker, on_event).run()
    finally:
        _release(db, run_id, worker)


class _Advance:
    def __init__(
        self,
        db: Database,
        run_id: str,
        provider: Provider | None,
        worker: str,
        on_event: Callable[[str, dict[str, Any]], None] | None,
    ) -> None:
        self.db = db
        self.run_id = run_id
        self.provider = provider
        self.worker = worker
        self.on_event = on_event
        self.started = time.perf_counter()
        with db.engine.connect() as conn:
            self.row = _load(conn, run_id, None, any_owner=True)
            self.dictionary = load_dictionary(conn)
        assert self.row is not None
        self.ctx: QuestionContext = read_question(self.row.question, self.dictionary)
        self.usage = Usage(
            **{
                k: v
                for k, v in (self.row.usage or {}).items()
                if k in ("calls", "prompt_tokens", "completion_tokens", "seconds")
            }
        )

    def run(self) -> str:
        handlers = {
            "planning": self._plan,
            "running": self._execute,
            "writing": self._write,
        }
        status = str(self.row.status)
        try:
            while status in handlers:
                status = handlers[status]()
                if self._current_status() == "cancelled":
                    return "cancelled"
        except PlanError as exc:
            return self._fail(f"计划生成失败 / planning failed: {exc}")
        except OperationalError:
            # The database went away: nothing can be recorded now. The run keeps its last
            # saved step and is resumed when the job is retried (or the lease expires).
            raise
        except Exception as exc:  # a run ends failed with its state kept, never hangs
            return self._fail(f"{type(exc).__name__}: {str(exc)[:300]}")
        return status

    # -- phases

    def _plan(self) -> str:
        feedback = list(self.row.feedback or [])
        previous = Plan.model_validate(self.row.plan) if self.row.plan else None
        if self.provider is None:
            plan = offline_plan(self.ctx)
            for note in feedback:
                plan = revise_offline(plan, note, self.ctx)
        else:
            calls = self.provider.usage.calls
            plan = model_plan(self.provider, self.ctx, feedback=feedback, previous=previous)
            self.usage.calls += self.provider.usage.calls - calls
        status = "running" if self.row.auto_accept else "awaiting_review"
        plan_json = plan.model_dump()
        self._save(
            status=status,
            plan=plan_json,
            plan_versions=[*self.row.plan_versions, plan_json],
            steps={},
            evidence=[],
        )
        self._emit("plan", {"plan": plan_json})
        self._emit("status", {"status": status})
        return status

    def _execute(self) -> str:
        plan = Plan.model_validate(self.row.plan)
        evidence = EvidenceSet.from_json(self.row.evidence or [])
        steps: dict[str, Any] = dict(self.row.steps or {})
        scope = self._scope()
        while True:
            done = {sid for sid, s in steps.items() if s.get("status") == "done"}
            wave = ready_steps(plan, done)
            if not wave:
                break
            outcomes = run_wave(
                self.db,
                wave,
                self.ctx,
                scope,
                on_start=lambda s: self._emit("step_started", {"step_id": s.id, "title": s.title}),
            )
            numbered = [(o, [evidence.add(i).id for i in o.items]) for o in outcomes]
            notes = self._notes(numbered, evidence)
            for (outcome, ids), note in zip(numbered, notes, strict=True):
                steps[outcome.step.id] = {
                    "status": "done",
                    "title": outcome.step.title,
                    "evidence": ids,
                    "notes": note,
                }
                self._save(steps=steps, evidence=evidence.to_json())
                self._emit(
                    "step_done",
                    {
                        "step_id": outcome.step.id,
                        "title": outcome.step.title,
                        "evidence": len(ids),
                        "summary": note[:400],
                    },
                )
            if self._current_status() == "cancelled":
                return "cancelled"
        self._save(status="writing")
        self._emit("status", {"status": "writing"})
        return "writing"

    def _notes(
        self, numbered: list[tuple[StepOutcome, list[int]]], evidence: EvidenceSet
    ) -> list[str]:
        def one(pair: tuple[StepOutcome, list[int]]) -> str:
            outcome, ids = pair
            items = [evidence.items[i] for i in ids]
            return step_notes(outcome.step, items, self.ctx, self.provider, self.usage)

        if len(numbered) == 1 or self.provider is None:
            return [one(p) for p in numbered]
        with ThreadPoolExecutor(max_workers=min(4, len(numbered))) as pool:
            return list(pool.map(one, numbered))

    def _write(self) -> str:
        plan = Plan.model_validate(self.row.plan)
        evidence = EvidenceSet.from_json(self.row.evidence or [])
        steps = self.row.steps or {}
        sections = [
            StepEvidence(
                step,
                [
                    evidence.items[i]
                    for i in steps.get(step.id, {}).get("evidence", [])
                    if i in evidence.items
                ],
                steps.get(step.id, {}).get("notes", ""),
            )
            for step in plan.steps
        ]
        for section in sections:
            self._emit("writing", {"section": section.step.title})
        if self.provider is None:
            body = write_offline(plan, self.ctx, evidence, sections, self.dictionary)
        else:
            body = write_with_model(
                self.provider, plan, self.ctx, evidence, sections, self.dictionary, self.usage
            )
        self._save(status="verifying", report_markdown=body)
        self._emit("status", {"status": "verifying"})
        strict = self.provider is not None or get_settings().strict_verification
        report = finalize(body, evidence, entities=self.dictionary, strict=strict)
        analysis_id, slug = self._publish(plan, report.body, report.references, report.verification)
        self._save(
            status="done",
            report_markdown=report.body,
            references=report.references,
            verification=report.verification,
            analysis_id=analysis_id,
        )
        self._emit("done", {"analysis_slug": slug, "verification": report.verification})
        self._emit("status", {"status": "done"})
        return "done"

    def _publish(
        self,
        plan: Plan,
        body: str,
        references: list[dict[str, Any]],
        verification: dict[str, Any],
    ) -> tuple[int, str]:
        return publish_analysis(
            self.db,
            title=plan.title,
            question=self.row.question,
            body=body,
            language=self.ctx.language,
            references=references,
            verification=verification,
            usage=self._usage_json(),
            run_id=self.run_id,
            owner_id=self.row.user_id,
            ctx=self.ctx,
            entities=self.dictionary,
        )

    # -- helpers

    def _scope(self) -> Scope:
        context = context_documents(
            self.db, self.row.context_document_id, self.row.context_analysis_id
        )
        return Scope(owner_id=self.row.user_id, as_of=self.row.as_of, context_ids=context)

    def _usage_json(self) -> dict[str, Any]:
        return {
            "calls": self.usage.calls,
            "prompt_tokens": self.usage.prompt_tokens,
            "completion_tokens": self.usage.completion_tokens,
            "seconds": round(self.usage.seconds, 3),
            "wall_seconds": round(
                float((self.row.usage or {}).get("wall_seconds", 0.0))
                + time.perf_counter()
                - self.started,
                3,
            ),
            "provider": self.provider.name if self.provider else "offline",
        }

    def _save(self, **values: Any) -> None:
        values["usage"] = self._usage_json()
        with self.db.engine.begin() as conn:
            _set(conn, self.run_id, **values)
            _renew(conn, self.run_id, self.worker)
            row = _load(conn, self.run_id, None, any_owner=True)
        assert row is not None
        self.row = row

    def _emit(self, kind: str, data: dict[str, Any]) -> None:
        with self.db.engine.begin() as conn:
            _event(conn, self.run_id, kind, data)
        if self.on_event:
            self.on_event(kind, data)

    def _current_status(self) -> str:
        return _status(self.db, self.run_id)

    def _fail(self, message: str) -> str:
        self._save(status="failed", error=message)
        self._emit("error", {"message": message})
        self._emit("status", {"status": "failed"})
        return "failed"


# -- rows, leases and events -----------------------------------------------------------------


def _owner(user_id: int | None) -> Any:
    if user_id is None:
        return ResearchRun.user_id.is_(None)
    return ResearchRun.user_id == user_id


def _load(conn: Connection, run_id: str, user_id: int | None, *, any_owner: bool = False) -> Any:
    if not re.fullmatch(r"[0-9a-f]{32}", run_id or ""):
        return None
    query = select(ResearchRun.__table__).where(ResearchRun.id == run_id)
    if not any_owner:
        query = query.where(_owner(user_id))
    return conn.execute(query).first()


def _require(conn: Connection, run_id: str, user_id: int | None) -> Any:
    row = _load(conn, run_id, user_id)
    if row is None:
        raise NotFound(run_id)
    return row


def _status(db: Database, run_id: str) -> str:
    with db.engine.connect() as conn:
        status = conn.execute(select(ResearchRun.status).where(ResearchRun.id == run_id)).scalar()
    return str(status or "missing")


def _set(conn: Connection, run_id: str, **values: Any) -> None:
    values["updated_at"] = utcnow()
    conn.execute(update(ResearchRun).where(ResearchRun.id == run_id).values(**values))


def _event(conn: Connection, run_id: str, kind: str, data: dict[str, Any]) -> None:
    seq = conn.execute(
        select(func.coalesce(func.max(RunEvent.seq), 0)).where(RunEvent.run_id == run_id)
    ).scalar_one()
    conn.execute(
        insert(RunEvent),
        {"run_id": run_id, "seq": seq + 1, "kind": kind, "data": data, "created_at": utcnow()},
    )


def _claim(db: Database, run_id: str, worker: str) -> bool:
    """Take the run's lease if it is free or expired (a dead worker's lease expires)."""
    now = utcnow()
    with db.engine.begin() as conn:
        result = conn.execute(
            update(ResearchRun)
            .where(ResearchRun.id == run_id)
            .where(ResearchRun.status.not_in(TERMINAL))
            .where(
                or_(
                    ResearchRun.lease_owner.is_(None),
                    ResearchRun.lease_owner == worker,
                    ResearchRun.lease_expires_at < now,
                )
            )
            .values(lease_owner=worker, lease_expires_at=now + _lease())
        )
        return bool(result.rowcount)


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=get_settings().run_lease_seconds)


def _renew(conn: Connection, run_id: str, worker: str) -> None:
    conn.execute(
        update(ResearchRun)
        .where(ResearchRun.id == run_id, ResearchRun.lease_owner == worker)
        .values(lease_expires_at=utcnow() + _lease())
    )


def _release(db: Database, run_id: str, worker: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            update(ResearchRun)
            .where(ResearchRun.id == run_id, ResearchRun.lease_owner == worker)
            .values(lease_owner=None, lease_expires_at=None)
        )


def _not_now(status: str, action: str) -> str:
    return f"当前状态为 {status}，无法{action} / cannot {action} while the run is {status}"


def _view(row: Any, slug: str | None) -> dict[str, Any]:
    return {
        "id": row.id,
        "question": row.question,
        "status": row.status,
        "auto_accept": row.auto_accept,
        "as_of": row.as_of.isoformat() if row.as_of else None,
        "locale": row.locale,
        "plan": row.plan or None,
        "plan_versions": row.plan_versions,
        "steps": row.steps,
        "report_markdown": row.report_markdown,
        "references": row.references,
        "verification": row.verification,
        "usage": row.usage,
        "analysis_id": row.analysis_id,
        "analysis_slug": slug,
        "error": row.error,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "context_document_id": row.context_document_id,
    }


# -- the job ---------------------------------------------------------------------------------


def run_job(db: Database, payload: dict[str, Any]) -> None:
    """The "research.run" job: advance the run; wait out a dead worker's lease first.

    The queue never runs two jobs of one run at once, so a lease held by someone else when
    this job starts belongs to a worker that died (or a terminal running it by hand): it is
    waited for until it expires, then the run is taken over and finished.
    """
    run_id = str(payload["run_id"])
    deadline = time.monotonic() + get_settings().run_lease_seconds * 2 + 5
    while True:
        status = advance_run(db, run_id)
        if status in TERMINAL or status == "awaiting_review" or status == "missing":
            return
        if not _held_by_other(db, run_id) or time.monotonic() > deadline:
            return
        time.sleep(1.0)


def resume_unfinished(db: Database, runner: Any) -> int:
    """Hand unfinished runs back to the runner at start-up (an in-process queue forgets them
    when its process stops; on PostgreSQL the queue keeps them and this is a no-op).

    Runs waiting for the user are left alone; returns how many were handed back.
    """
    if db.dialect != "sqlite":
        return 0
    with db.engine.connect() as conn:
        ids = (
            conn.execute(
                select(ResearchRun.id).where(
                    ResearchRun.status.in_(("planning", "running", "writing", "verifying"))
                )
            )
            .scalars()
            .all()
        )
    for run_id in ids:
        runner.submit_run(run_id)
    return len(ids)


def _held_by_other(db: Database, run_id: str) -> bool:
    with db.engine.connect() as conn:
        owner = conn.execute(
            select(ResearchRun.lease_owner).where(ResearchRun.id == run_id)
        ).scalar()
    return owner is not None


# Retried (with the queue's backoff) when the database was away mid-run.
register("research.run", run_job, retries=3)
