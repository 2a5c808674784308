"""Quick answers: retrieve, answer (model or extractive), verify, cite, remember.

The answer streams as it is drafted; the final event carries the verified text, which is
what is stored and what a client should show once it arrives. A model that fails midway
gives way to the offline answer, which says so, rather than to an error page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from touyan.config import get_settings
from touyan.facts.entities import EntityDictionary
from touyan.facts.repository import load_dictionary
from touyan.llm.base import LLMError, Message, Provider
from touyan.llm.factory import provider_from_settings
from touyan.research import prompts
from touyan.research.evidence import EvidenceItem, EvidenceSet
from touyan.research.extractive import bold_figures, candidates, choose, question_years
from touyan.research.limits import RateLimited, check_ask
from touyan.research.publish import context_documents
from touyan.research.question import QuestionContext, read_question
from touyan.research.report import finalize
from touyan.research.retrieve import Scope, retrieve
from touyan.research.runs import NotFound, RunStateError
from touyan.research.tables import fact_table, metric_name
from touyan.research.write import in_language, strip_links
from touyan.store.db import Database
from touyan.store.models import Conversation, Document, utcnow
from touyan.store.models import Message as MessageRow

EVIDENCE_LIMIT = 8
HISTORY_TURNS = 6
_DEGRADED = {
    "zh": "（模型未能给出可用的回答，以下为离线检索给出的答案。）",
    "en": "(The model gave no usable answer; this one comes from offline retrieval.)",
}


@dataclass(frozen=True, slots=True)
class Answer:
    answer: str
    citations: list[dict[str, Any]]
    verification: dict[str, Any]
    conversation_id: int
    message_id: int

    def to_json(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "citations": self.citations,
            "verification": self.verification,
            "conversation_id": self.conversation_id,
        }


def ask(db: Database, question: str, **options: Any) -> Answer:
    """The whole answer at once (the CLI's and the JSON API's form of `ask_stream`)."""
    conversation_id = 0
    for event in ask_stream(db, question, **options):
        if event["type"] == "conversation":
            conversation_id = event["conversation_id"]
        elif event["type"] == "final":
            return Answer(
                event["answer"],
                event["citations"],
                event["verification"],
                conversation_id,
                event["message_id"],
            )
        elif event["type"] == "error":
            raise RunStateError(event["message"])
    raise RunStateError("no answer was produced")


def ask_stream(
    db: Database,
    question: str,
    *,
    user_id: int | None,
    conversation_id: int | None = None,
    document_id: int | None = None,
    analysis_id: int | None = None,
    provider: Provider | None = None,
    use_settings_provider: bool = True,
    as_of: dt.date | None = None,
) -> Iterator[dict[str, Any]]:
    question = question.strip()
    if not question:
        yield {"type": "error", "message": "请输入问题 / the question is empty"}
        return
    if len(question) > 2_000:
        yield {"type": "error", "message": "问题过长（最多2000字）/ question too long"}
        return
    try:
        check_ask(db, user_id)
    except RateLimited as exc:
        yield {"type": "error", "message": str(exc), "retry_after": exc.retry_after}
        return
    if provider is None and use_settings_provider:
        provider = provider_from_settings(get_settings())
    conversation = _conversation(db, user_id, conversation_id, question, document_id, analysis_id)
    yield {"type": "conversation", "conversation_id": conversation.id}
    history = _history(db, conversation.id)
    with db.engine.connect() as conn:
        dictionary = load_dictionary(conn)
    context_ids = context_documents(db, conversation.document_id, conversation.analysis_id)
    ctx = _with_history(read_question(question, dictionary), history, dictionary)
    ctx = _with_article(db, ctx, context_ids, dictionary)
    scope = Scope(owner_id=user_id, as_of=as_of, context_ids=context_ids)
    evidence = EvidenceSet()
    found = retrieve(db, ctx, scope=scope, limit=EVIDENCE_LIMIT)
    for item in on_topic(ctx, found, scope.context_ids):
        evidence.add(item)
    items = list(evidence)
    draft = ""
    degraded = False
    if provider is not None and items:
        messages = prompts.answer_messages(ctx.text, ctx.language, items, history[-HISTORY_TURNS:])
        try:
            for delta in provider.stream(messages):
                draft += delta
                yield {"type": "delta", "text": delta}
            degraded = not in_language(draft, ctx.language)
        except LLMError:
            degraded = True
    if provider is None or degraded or not items:
        draft = offline_answer(ctx, items, dictionary, context_ids)
        if degraded:
            draft = f"{_DEGRADED[ctx.language]}\n\n{draft}"
        for line in draft.splitlines(keepends=True):
            yield {"type": "delta", "text": line}
    strict = provider is not None and get_settings().strict_verification
    report = finalize(strip_links(draft), evidence, entities=dictionary, strict=strict)
    message_id = _store(
        db, conversation.id, question, report.body, report.references, report.verification
    )
    yield {
        "type": "final",
        "answer": report.body,
        "citations": report.references,
        "verification": report.verification,
        "message_id": message_id,
        "degraded": degraded,
    }


def on_topic(
    ctx: QuestionContext, items: list[EvidenceItem], context_ids: Sequence[int] = ()
) -> list[EvidenceItem]:
    """Evidence that names what the question is about: a known entity, else its own words.

    Without this a question about a company the library has never heard of would be
    answered with another company's figures that merely share the word 营收.
    """
    if ctx.entities:
        return items
    focus = ctx.subject_terms
    if not focus:
        return items
    return [
        i for i in items if i.document_id in context_ids or any(t in i.text.lower() for t in focus)
    ]


def offline_answer(
    ctx: QuestionContext,
    items: Sequence[EvidenceItem],
    dictionary: EntityDictionary,
    context_ids: Sequence[int] = (),
) -> str:
    """Quoted, cited sentences, a fact table where facts exist, and what was not found."""
    zh = ctx.language == "zh"
    if not items:
        about = "、".join(ctx.subject_terms[:3]) if zh else ", ".join(ctx.subject_terms[:3])
        if zh:
            topic = f"关于“{about}”的" if about else "与该问题相关的"
            return f"资料库中没有找到{topic}资料，因此无法给出有依据的回答。"
        topic = f"about “{about}”" if about else "relevant to this question"
        return f"The library holds nothing {topic}, so no sourced answer can be given."
    names = ctx.focus_names
    pool = candidates(
        items,
        ctx.tokens,
        names,
        ctx.language,
        years=question_years(ctx.since, ctx.until),
        require_name=True,
        free_documents=frozenset(context_ids),
        figure_terms=ctx.intent_terms,
    )
    chosen = choose(pool, 4, numbers_first=bool(ctx.metrics))
    parts: list[str] = []
    if chosen:
        lead = "根据资料库中的资料：" if zh else "From the library:"
        parts.append(lead)
        parts += [f"- {bold_figures(p.cited()) if p.has_number else p.cited()}" for p in chosen]
    table = fact_table(
        items,
        ctx.language,
        subjects={n for e in ctx.entities for n in e.names()} or None,
        metrics=set(ctx.metrics) or None,
        entities=dictionary,
    )
    if table:
        parts += ["", table]
    parts += _gaps(ctx, items, bool(table) or any(p.has_number for p in chosen), bool(chosen))
    return "\n".join(parts).strip() + "\n"


def _gaps(
    ctx: QuestionContext, items: Sequence[EvidenceItem], has_figures: bool, has_text: bool
) -> list[str]:
    zh = ctx.language == "zh"
    out: list[str] = []
    text = "\n".join(i.text for i in items)
    missing = [ctx.display_name(e) for e in ctx.entities if not any(n in text for n in e.names())]
    if missing:
        joined = "、".join(missing) if zh else ", ".join(missing)
        out.append(
            f"资料库中没有关于{joined}的资料。" if zh else f"The library has nothing on {joined}."
        )
    if ctx.metrics and not has_figures:
        wanted = (
            "、".join(metric_name(m, "zh") for m in ctx.metrics[:3])
            if zh
            else ", ".join(metric_name(m, "en") for m in ctx.metrics[:3])
        )
        out.append(f"未找到{wanted}的具体数据。" if zh else f"No figures for {wanted} were found.")
    if not has_text and not has_figures:
        out.append(
            "检索到的资料未直接回答该问题。"
            if zh
            else "The retrieved documents do not answer the question directly."
        )
    return ([""] + out) if out else []


# -- conversations -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Conversation:
    id: int
    document_id: int | None
    analysis_id: int | None


def _owner_clause(user_id: int | None) -> Any:
    if user_id is None:
        return Conversation.user_id.is_(None)
    return Conversation.user_id == user_id


def _conversation(
    db: Database,
    user_id: int | None,
    conversation_id: int | None,
    question: str,
    document_id: int | None,
    analysis_id: int | None,
) -> _Conversation:
    with db.engine.begin() as conn:
        if conversation_id is not None:
            row = conn.execute(
                select(Conversation.id, Conversation.document_id, Conversation.analysis_id).where(
                    Conversation.id == conversation_id, _owner_clause(user_id)
                )
            ).first()
            if row is None:
                raise NotFound(f"conversation {conversation_id}")
            conn.execute(
                update(Conversation).where(Conversation.id == row[0]).values(updated_at=utcnow())
            )
            return _Conversation(row[0], row[1], row[2])
        new_id = conn.execute(
            insert(Conversation).returning(Conversation.id),
            {
                "user_id": user_id,
                "title": question[:80],
                "document_id": document_id,
                "analysis_id": analysis_id,
                "created_at": utcnow(),
                "updated_at": utcnow(),
            },
        ).scalar_one()
    return _Conversation(int(new_id), document_id, analysis_id)


def _history(db: Database, conversation_id: int) -> list[Message]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(MessageRow.role, MessageRow.content)
            .where(MessageRow.conversation_id == conversation_id)
            .order_by(MessageRow.id)
        ).all()
    return [Message("user" if r == "user" else "assistant", c) for r, c in rows]


def _with_history(
    ctx: QuestionContext, history: list[Message], dictionary: EntityDictionary
) -> QuestionContext:
    """A follow-up without a name ("它的估值呢？") keeps the entities of the last question."""
    if ctx.entities or not history:
        return ctx
    for message in reversed(history):
        if message.role == "user":
            earlier = read_question(message.content, dictionary)
            if earlier.entities:
                return read_question(" ".join(earlier.entity_names) + " " + ctx.text, dictionary)
    return ctx


def _with_article(
    db: Database,
    ctx: QuestionContext,
    context_ids: tuple[int, ...],
    dictionary: EntityDictionary,
) -> QuestionContext:
    """A question about the article in view ("这篇新闻说了什么？") is about its entities."""
    if ctx.entities or not context_ids:
        return ctx
    with db.engine.connect() as conn:
        title = conn.execute(select(Document.title).where(Document.id == context_ids[0])).scalar()
    named = read_question(title or "", dictionary).entity_names
    if not named:
        return ctx
    return read_question(" ".join(named[:2]) + " " + ctx.text, dictionary)


def _store(
    db: Database,
    conversation_id: int,
    question: str,
    answer: str,
    citations: list[dict[str, Any]],
    verification: dict[str, Any],
) -> int:
    with db.engine.begin() as conn:
        conn.execute(
            insert(MessageRow),
            {
                "conversation_id": conversation_id,
                "role": "user",
                "content": question,
                "citations": [],
                "verification": {},
                "created_at": utcnow(),
            },
        )
        message_id = conn.execute(
            insert(MessageRow).returning(MessageRow.id),
            {
                "conversation_id": conversation_id,
                "role": "assistant",
                "content": answer,
                "citations": citations,
                "verification": verification,
                "created_at": utcnow(),
            },
        ).scalar_one()
    return int(message_id)


def list_conversations(db: Database, user_id: int | None, limit: int = 50) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Conversation.id, Conversation.title, Conversation.updated_at)
            .where(_owner_clause(user_id))
            .order_by(Conversation.updated_at.desc())
            .limit(limit)
        ).all()
    return [{"id": i, "title": t, "updated_at": u.isoformat()} for i, t, u in rows]


def get_conversation(
    db: Database, conversation_id: int, user_id: int | None
) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            select(
                Conversation.id,
                Conversation.title,
                Conversation.document_id,
                Conversation.analysis_id,
            ).where(Conversation.id == conversation_id, _owner_clause(user_id))
        ).first()
        if row is None:
            return None
        messages = conn.execute(
            select(
                MessageRow.id,
                MessageRow.role,
                MessageRow.content,
                MessageRow.citations,
                MessageRow.verification,
                MessageRow.created_at,
            )
            .where(MessageRow.conversation_id == conversation_id)
            .order_by(MessageRow.id)
        ).all()
    return {
        "id": row[0],
        "title": row[1],
        "document_id": row[2],
        "analysis_id": row[3],
        "messages": [
            {
                "id": m[0],
                "role": m[1],
                "content": m[2],
                "citations": m[3],
                "verification": m[4],
                "created_at": m[5].isoformat(),
            }
            for m in messages
        ],
    }
