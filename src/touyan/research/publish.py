"""Turning a finished report into a feed item (Analysis), and finding an article's sources."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from sqlalchemy import insert, select

from touyan.analysis.labels import Labeller
from touyan.facts.entities import EntityDictionary
from touyan.research.question import QuestionContext
from touyan.store.db import Database
from touyan.store.models import Analysis, Document, utcnow
from touyan.text.sentences import split_sentences

_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_MARKER = re.compile(r"\[\d{1,3}\]")


def publish_analysis(
    db: Database,
    *,
    title: str,
    question: str,
    body: str,
    language: str,
    references: list[dict[str, Any]],
    verification: dict[str, Any],
    usage: dict[str, Any],
    run_id: str | None,
    owner_id: int | None,
    ctx: QuestionContext,
    entities: EntityDictionary | None = None,
    published_at: dt.datetime | None = None,
) -> tuple[int, str]:
    """Store the report as an Analysis, labelled like any news item; returns (id, slug)."""
    slug = make_slug(ctx)
    labels = Labeller(entities).offline(readable(body), title, language=language)
    row = {
        "slug": slug,
        "title": title,
        "question": question,
        "body": body,
        "summary": labels.summary or summary_of(body),
        "language": language,
        "tags": labels.tags or tags_of(ctx),
        "sentiment": labels.sentiment,
        "market": ctx.market or labels.market,
        "published_at": published_at or utcnow(),
        "references": references,
        "verification": verification,
        "usage": usage,
        "run_id": run_id,
        "owner_id": owner_id,
        "created_at": utcnow(),
    }
    with db.engine.begin() as conn:
        analysis_id = conn.execute(insert(Analysis).returning(Analysis.id), row).scalar_one()
    return int(analysis_id), slug


def readable(body: str) -> str:
    """The report's findings as a reader reads them: no introduction, headings, tables,
    markers or emphasis, and no "nothing found" notes (they say nothing about the news)."""
    findings = body[body.find("\n## ") :] if "\n## " in body else body
    lines = [
        line.lstrip("-* ").strip()
        for line in findings.splitlines()
        if line.strip()
        and not line.lstrip().startswith(
            ("#", "|", "资料", "综合以上", "The library", "Not covered", "In summary")
        )
    ]
    return _MARKER.sub("", "\n".join(lines)).replace("**", "")


def make_slug(ctx: QuestionContext) -> str:
    """Readable where the entities have Latin names (xiaomi-yunfeng-capital-…), always unique."""
    words: list[str] = []
    for record in ctx.entities[:3]:
        latin = next((n for n in record.names() if n.isascii() and not n[0].isdigit()), None)
        if latin:
            words.append(_SLUG_UNSAFE.sub("-", latin.lower()).strip("-"))
    stem = "-".join(w for w in words if w)[:60] or "report"
    return f"{stem}-{uuid.uuid4().hex[:8]}"


def tags_of(ctx: QuestionContext) -> list[str]:
    """The question's entities as tags (xiaomi, yunfeng_capital): what the report is about."""
    tags: list[str] = []
    for record in ctx.entities[:6]:
        latin = next((n for n in record.names() if n.isascii() and not n[0].isdigit()), None)
        tag = _SLUG_UNSAFE.sub("_", (latin or record.name).lower()).strip("_")
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:8]


def summary_of(body: str) -> str:
    """The first cited sentence of the body, without its markers: the feed's one-liner."""
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "|", "-", ">")):
            continue
        for sentence in split_sentences(line):
            if _MARKER.search(sentence):
                return _MARKER.sub("", sentence).replace("**", "").strip()[:240]
    return ""


def context_documents(
    db: Database, document_id: int | None, analysis_id: int | None
) -> tuple[int, ...]:
    """The documents of the article in view: the document itself, or an analysis' sources."""
    ids: list[int] = []
    if document_id is not None:
        ids.append(document_id)
    if analysis_id is not None:
        with db.engine.connect() as conn:
            refs = conn.execute(
                select(Analysis.references).where(Analysis.id == analysis_id)
            ).scalar()
            for ref in refs or []:
                if isinstance(ref, dict) and isinstance(ref.get("document_id"), int):
                    ids.append(ref["document_id"])
            known = set(conn.execute(select(Document.id).where(Document.id.in_(ids))).scalars())
        ids = [i for i in ids if i in known]
    return tuple(dict.fromkeys(ids))
