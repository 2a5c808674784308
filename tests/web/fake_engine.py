"""A TEST DOUBLE of the research engine, implementing research-contract.md on the real tables.

It stands in for `touyan.research.chat`, `touyan.research.runs` and `touyan.jobs` while they
are not on this branch, so the web layer's routes, scoping and event handling can be tested.
It answers by searching the store and quoting the best passage; its runner executes a run
synchronously inside `submit_run`. It is not the engine and makes no claim of being one.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import types
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from touyan.store.db import Database
from touyan.store.models import Analysis, Conversation, Message, ResearchRun, RunEvent, utcnow
from touyan.store.search import SearchFilters, search

TERMINAL = {"done", "failed", "cancelled"}


class NotFound(LookupError):
    pass


class RunStateError(RuntimeError):
    pass


def _citation(n: int, hit: Any) -> dict[str, Any]:
    return {
        "n": n,
        "document_id": hit.document_id,
        "chunk_id": hit.chunk_id,
        "title": hit.title,
        "publisher": hit.publisher,
        "url": hit.url,
        "published_at": hit.published_at.isoformat() if hit.published_at else None,
    }


def _evidence(db: Database, question: str, user_id: int | None) -> list[Any]:
    return search(db, question, limit=2, filters=SearchFilters(owner_id=user_id))


# -- chat -------------------------------------------------------------------------------------


def ask_stream(
    db: Database,
    question: str,
    *,
    user_id: int | None,
    conversation_id: int | None = None,
    document_id: int | None = None,
    analysis_id: int | None = None,
    provider: Any = None,
) -> Iterator[dict[str, Any]]:
    with db.session() as session:
        if conversation_id is not None:
            conv = session.get(Conversation, conversation_id)
            if conv is None or conv.user_id != user_id:
                raise NotFound(f"conversation {conversation_id}")
        else:
            conv = Conversation(
                user_id=user_id,
                title=question[:60],
                document_id=document_id,
                analysis_id=analysis_id,
            )
            session.add(conv)
            session.flush()
        conv_id = conv.id
        session.add(Message(conversation_id=conv_id, role="user", content=question))
    yield {"type": "conversation", "conversation_id": conv_id}
    hits = _evidence(db, question, user_id)
    if hits:
        answer = f"关于「{question}」：{hits[0].snippet}[1]"
        citations = [_citation(1, hits[0])]
    else:
        answer = f"关于「{question}」：数据缺失。"
        citations = []
    half = len(answer) // 2
    yield {"type": "delta", "text": answer[:half]}
    yield {"type": "delta", "text": answer[half:]}
    verification = {
        "claims": 1,
        "cited": len(citations),
        "supported": len(citations),
        "unsupported": 0,
        "removed_markers": 0,
    }
    with db.session() as session:
        message = Message(
            conversation_id=conv_id,
            role="assistant",
            content=answer,
            citations=citations,
            verification=verification,
        )
        session.add(message)
        session.flush()
        message_id = message.id
    yield {
        "type": "final",
        "answer": answer,
        "citations": citations,
        "verification": verification,
        "message_id": message_id,
    }


def list_conversations(db: Database, user_id: int) -> list[dict[str, Any]]:
    with db.sessions() as session:
        rows = session.scalars(
            select(Conversation)
            .where(Conversation.user_id == user_id)
            .order_by(Conversation.id.desc())
        )
        return [{"id": c.id, "title": c.title} for c in rows]


def get_conversation(db: Database, conversation_id: int, user_id: int) -> dict[str, Any] | None:
    with db.sessions() as session:
        conv = session.get(Conversation, conversation_id)
        if conv is None or conv.user_id != user_id:
            return None
        messages = session.scalars(
            select(Message).where(Message.conversation_id == conv.id).order_by(Message.id)
        )
        return {
            "id": conv.id,
            "title": conv.title,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
        }


# -- runs -------------------------------------------------------------------------------------


@dataclass
class RunView:
    row: ResearchRun
    analysis_slug: str | None

    def to_json(self) -> dict[str, Any]:
        r = self.row
        return {
            "id": r.id,
            "question": r.question,
            "status": r.status,
            "auto_accept": r.auto_accept,
            "plan": r.plan,
            "plan_versions": r.plan_versions,
            "steps": r.steps,
            "report_markdown": r.report_markdown,
            "references": r.references,
            "verification": r.verification,
            "usage": r.usage,
            "analysis_slug": self.analysis_slug,
            "error": r.error,
            "created_at": r.created_at.isoformat(),
            "updated_at": r.updated_at.isoformat(),
        }


def _event(session: Any, run_id: str, kind: str, data: dict[str, Any]) -> None:
    seq = session.scalar(select(func.max(RunEvent.seq)).where(RunEvent.run_id == run_id)) or 0
    session.add(RunEvent(run_id=run_id, seq=seq + 1, kind=kind, data=data))
    session.flush()


def _status(session: Any, run: ResearchRun, status: str) -> None:
    run.status = status
    run.updated_at = utcnow()
    _event(session, run.id, "status", {"status": status})


def _own(session: Any, run_id: str, user_id: int) -> ResearchRun:
    run = session.get(ResearchRun, run_id)
    if run is None or run.user_id != user_id:
        raise NotFound(run_id)
    return run


def create_run(
    db: Database,
    question: str,
    *,
    user_id: int,
    auto_accept: bool = False,
    as_of: dt.date | None = None,
    context_document_id: int | None = None,
    context_analysis_id: int | None = None,
) -> str:
    run_id = uuid.uuid4().hex
    with db.session() as session:
        run = ResearchRun(
            id=run_id,
            user_id=user_id,
            question=question,
            auto_accept=auto_accept,
            as_of=as_of,
            context_document_id=context_document_id,
            context_analysis_id=context_analysis_id,
            status="planning",
        )
        session.add(run)
        session.flush()
        _event(session, run_id, "status", {"status": "planning"})
    return run_id


def get_run(db: Database, run_id: str, user_id: int) -> RunView | None:
    with db.sessions() as session:
        run = session.get(ResearchRun, run_id)
        if run is None or run.user_id != user_id:
            return None
        slug = None
        if run.analysis_id is not None:
            slug = session.scalar(select(Analysis.slug).where(Analysis.id == run.analysis_id))
        return RunView(run, slug)


def accept_plan(db: Database, run_id: str, user_id: int) -> None:
    with db.session() as session:
        run = _own(session, run_id, user_id)
        if run.status != "awaiting_review":
            raise RunStateError(f"计划不在待确认状态（{run.status}）")
        _status(session, run, "running")


def edit_plan(db: Database, run_id: str, user_id: int, feedback: str) -> None:
    with db.session() as session:
        run = _own(session, run_id, user_id)
        if run.status != "awaiting_review":
            raise RunStateError(f"计划不在待确认状态（{run.status}）")
        run.feedback = [*run.feedback, feedback]
        _status(session, run, "planning")


def cancel_run(db: Database, run_id: str, user_id: int) -> None:
    with db.session() as session:
        run = _own(session, run_id, user_id)
        if run.status in TERMINAL:
            raise RunStateError(f"任务已结束（{run.status}）")
        _status(session, run, "cancelled")


def events_after(
    db: Database, run_id: str, user_id: int, after_seq: int = 0
) -> list[dict[str, Any]]:
    with db.sessions() as session:
        _own(session, run_id, user_id)
        rows = session.scalars(
            select(RunEvent)
            .where(RunEvent.run_id == run_id, RunEvent.seq > after_seq)
            .order_by(RunEvent.seq)
        )
        return [
            {"seq": e.seq, "kind": e.kind, "data": e.data, "created_at": e.created_at.isoformat()}
            for e in rows
        ]


def _plan(run: ResearchRun) -> dict[str, Any]:
    version = len(run.plan_versions) + 1
    steps = [
        {
            "id": "s1",
            "title": "检索融资报道",
            "description": "查找相关新闻与公告",
            "kind": "search",
            "queries": [run.question],
            "depends_on": [],
        },
        {
            "id": "s2",
            "title": "核对关键数字",
            "description": "对照事实库核对金额与估值",
            "kind": "data",
            "queries": [],
            "depends_on": ["s1"],
        },
    ]
    if run.feedback:
        steps.append(
            {
                "id": "s3",
                "title": f"按反馈补充：{run.feedback[-1][:40]}",
                "description": run.feedback[-1],
                "kind": "analysis",
                "queries": [],
                "depends_on": ["s1", "s2"],
            }
        )
    return {
        "title": f"研究计划 v{version}",
        "locale": "zh",
        "market": "cn_a",
        "thought": "先检索，再核对数字，最后成文。",
        "steps": steps,
    }


def _execute(session: Any, run: ResearchRun) -> None:
    hits = _evidence_in_session(run)
    steps: dict[str, Any] = {}
    for step in run.plan["steps"]:
        _event(session, run.id, "step_started", {"step_id": step["id"], "title": step["title"]})
        steps[step["id"]] = {"status": "done", "evidence": len(hits), "summary": "已完成"}
        _event(
            session,
            run.id,
            "step_done",
            {"step_id": step["id"], "title": step["title"], "evidence": len(hits), "summary": "ok"},
        )
    run.steps = steps
    _status(session, run, "writing")
    _event(session, run.id, "writing", {"section": "一、结论"})
    _status(session, run, "verifying")
    refs = [_citation(i + 1, hit) for i, hit in enumerate(hits)]
    cite = "[1]" if refs else ""
    body = f"## 一、结论\n\n{hits[0].snippet if hits else '数据缺失'}{cite}\n"
    verification = {
        "claims": 1,
        "cited": len(refs[:1]),
        "supported": len(refs[:1]),
        "unsupported": 0,
        "removed_markers": 0,
    }
    analysis = Analysis(
        slug=f"run-{run.id[:12]}",
        title=run.question[:80],
        question=run.question,
        body=body,
        summary=run.question[:100],
        tags=["research"],
        sentiment="neutral",
        market="cn_a",
        references=refs,
        verification=verification,
        run_id=run.id,
        owner_id=run.user_id,
    )
    session.add(analysis)
    session.flush()
    run.analysis_id = analysis.id
    run.report_markdown = body
    run.references = refs
    run.verification = verification
    _status(session, run, "done")
    _event(session, run.id, "done", {"analysis_slug": analysis.slug})


_DB: list[Database] = []


def _evidence_in_session(run: ResearchRun) -> list[Any]:
    return _evidence(_DB[0], run.question, run.user_id) if _DB else []


class Runner:
    """Runs a submitted run at once, or (background=True) in a thread after a short pause,
    as the real job runner does, so pages see the run change while they watch it."""

    def __init__(self, db: Database, *, background: bool = False) -> None:
        self.db = db
        self.background = background
        self.submitted: list[str] = []

    def submit_run(self, run_id: str) -> None:
        self.submitted.append(run_id)
        if self.background:
            threading.Thread(target=self._later, args=(run_id,), daemon=True).start()
        else:
            self._advance(run_id)

    def _later(self, run_id: str) -> None:
        time.sleep(1.0)
        self._advance(run_id)

    def _advance(self, run_id: str) -> None:
        with self.db.session() as session:
            run = session.get(ResearchRun, run_id)
            assert run is not None
            if run.status == "planning":
                plan = _plan(run)
                run.plan = plan
                run.plan_versions = [*run.plan_versions, plan]
                _event(session, run_id, "plan", {"plan": plan})
                if run.auto_accept:
                    _status(session, run, "running")
                else:
                    _status(session, run, "awaiting_review")
            if run.status == "running":
                _execute(session, run)


def install(monkeypatch: Any, db: Database, *, background: bool = False) -> types.SimpleNamespace:
    """Put the double in sys.modules under the contract's module names."""
    import sys

    _DB[:] = [db]
    runner = Runner(db, background=background)
    chat = types.ModuleType("touyan.research.chat")
    runs = types.ModuleType("touyan.research.runs")
    jobs = types.ModuleType("touyan.jobs")
    for name in ("ask_stream", "list_conversations", "get_conversation", "NotFound"):
        setattr(chat, name, globals()[name])
    for name in (
        "create_run",
        "get_run",
        "accept_plan",
        "edit_plan",
        "cancel_run",
        "events_after",
        "NotFound",
        "RunStateError",
    ):
        setattr(runs, name, globals()[name])
    jobs.get_runner = lambda: runner  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "touyan.research.chat", chat)
    monkeypatch.setitem(sys.modules, "touyan.research.runs", runs)
    monkeypatch.setitem(sys.modules, "touyan.jobs", jobs)
    return types.SimpleNamespace(chat=chat, runs=runs, jobs=jobs, runner=runner)
