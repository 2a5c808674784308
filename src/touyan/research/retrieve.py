"""Evidence for a question: full-text search, entity facts and recency, fused into one list.

Each source list is ranked on its own terms; reciprocal-rank fusion combines them so no
list's raw scores (BM25 here, fact dates there) have to be comparable. A time bound (the
research's as-of date) is a hard filter on every list: nothing published after it is seen.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from touyan.research.evidence import MAX_EVIDENCE_CHARS, EvidenceItem, FactNote
from touyan.research.question import QuestionContext
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, Fact
from touyan.store.search import SearchFilters, search

_RRF_K = 60
_ENTITY_BOOST = 0.02  # a chunk naming the question's entity beats one that only shares words
_PERIOD_BOOST = 0.01


@dataclass(frozen=True, slots=True)
class Scope:
    """Who asks and up to when: every list retrieval builds honours both."""

    owner_id: int | None = None
    as_of: dt.date | None = None
    document_ids: tuple[int, ...] = ()  # search only these (empty: all the owner may see)
    context_ids: tuple[int, ...] = ()  # the article in view: searched first, ranked first

    def filters(self, document_ids: tuple[int, ...] | None = None) -> SearchFilters:
        until = dt.datetime.combine(self.as_of, dt.time.max) if self.as_of else None
        ids = self.document_ids if document_ids is None else document_ids
        return SearchFilters(until=until, owner_id=self.owner_id, document_ids=ids)


def retrieve(
    db: Database,
    ctx: QuestionContext,
    *,
    queries: Sequence[str] = (),
    scope: Scope | None = None,
    limit: int = 8,
    per_document: int = 2,
) -> list[EvidenceItem]:
    """The best `limit` chunks for the question (and the step's queries), best first.

    Items come back unnumbered; the caller adds them to its `EvidenceSet` in a fixed order,
    so ids do not depend on which of several parallel retrievals finished first.
    """
    scope = scope or Scope()
    lists: list[list[int]] = []
    if scope.context_ids:
        for query in _queries(ctx, queries):
            hits = search(
                db, query, limit=limit, filters=scope.filters(scope.context_ids), per_document=False
            )
            ranked = [h.chunk_id for h in hits]
            lists += [ranked, ranked]  # counted twice: the article in view comes first
        lists.append(_leading_chunks(db, scope.context_ids, limit))
    for query in _queries(ctx, queries):
        hits = search(db, query, limit=limit * 4, filters=scope.filters(), per_document=False)
        lists.append([h.chunk_id for h in hits])
    lists.append(_fact_chunks(db, ctx, scope, limit * 2))
    fused: dict[int, float] = defaultdict(float)
    for ranked in lists:
        for rank, chunk_id in enumerate(ranked):
            fused[chunk_id] += 1.0 / (_RRF_K + rank + 1)
    if not fused:
        return []
    rows = _hydrate(db, list(fused))
    for item in rows.values():
        fused[item.chunk_id] += _boost(ctx, item)
    if ctx.wants_latest:  # "最新", "latest": the newest candidates count as one more list
        newest = sorted(rows.values(), key=lambda i: i.published_at or dt.datetime.min)[::-1]
        for rank, item in enumerate(newest):
            fused[item.chunk_id] += 1.0 / (_RRF_K + rank + 1)
    chosen: list[EvidenceItem] = []
    taken: dict[int, int] = defaultdict(int)
    for chunk_id in sorted(fused, key=lambda c: (-fused[c], c)):
        found = rows.get(chunk_id)
        if found is None or taken[found.document_id] >= per_document:
            continue
        taken[found.document_id] += 1
        found.score = fused[chunk_id]
        chosen.append(found)
        if len(chosen) >= limit:
            break
    return chosen


def _queries(ctx: QuestionContext, queries: Sequence[str]) -> list[str]:
    out = [q for q in queries if q.strip()] or [ctx.text]
    if ctx.entities:
        # The entity's other names find documents that never use the question's wording.
        names = " ".join(n for e in ctx.entities[:3] for n in e.names()[:3])
        out.append(f"{names} {' '.join(ctx.tokens[:6])}")
    return out


def _fact_chunks(db: Database, ctx: QuestionContext, scope: Scope, limit: int) -> list[int]:
    """Chunks holding facts about the question's entities (the metrics it asks about first)."""
    names = [n for e in ctx.entities for n in e.names()]
    if not names:
        return []
    query = (
        select(Fact.chunk_id, Fact.metric, Fact.as_of)
        .join(Document, Document.id == Fact.document_id)
        .where(Fact.subject_text.in_(names))
        .where(_visible(scope))
        .limit(500)
    )
    if scope.as_of is not None:
        query = query.where(Document.published_at <= dt.datetime.combine(scope.as_of, dt.time.max))
    if scope.document_ids:
        query = query.where(Document.id.in_(scope.document_ids))
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    wanted = set(ctx.metrics)

    def rank(row: tuple[int, str, dt.date | None]) -> tuple[int, int, int, int]:
        chunk_id, metric, as_of = row
        in_period = bool(ctx.since and as_of and ctx.since <= as_of <= (ctx.until or as_of))
        # "最新", "latest": among facts alike, the newest first, not the first stored (an
        # older fact ingested earlier would otherwise push the latest out of the list)
        newest = -(as_of.toordinal() if as_of else 0) if ctx.wants_latest else 0
        # (a planned raise, raised_forecast, answers a question about raising too)
        return (metric.removesuffix("_forecast") not in wanted, not in_period, newest, chunk_id)

    seen: dict[int, None] = {}
    for row in sorted(rows, key=lambda r: rank((r[0], r[1], r[2]))):
        seen.setdefault(row[0], None)
    return list(seen)[:limit]


def _leading_chunks(db: Database, document_ids: tuple[int, ...], limit: int) -> list[int]:
    """The article's own opening chunks: what "this news" means when no word matches."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(Chunk.id)
            .where(Chunk.document_id.in_(document_ids))
            .order_by(Chunk.ordinal)
            .limit(limit)
        ).all()
    return [r[0] for r in rows]


def _visible(scope: Scope) -> ColumnElement[bool]:
    if scope.owner_id is None:
        return Document.owner_id.is_(None)
    return Document.owner_id.is_(None) | (Document.owner_id == scope.owner_id)


def _boost(ctx: QuestionContext, item: EvidenceItem) -> float:
    boost = 0.0
    if any(name in item.text for e in ctx.entities for name in e.names()):
        boost += _ENTITY_BOOST
    if ctx.since and item.published_at and item.published_at.date() >= ctx.since:
        boost += _PERIOD_BOOST
    return boost


def _hydrate(db: Database, chunk_ids: list[int]) -> dict[int, EvidenceItem]:
    """Evidence items (text capped, facts attached) for chunk ids, in one query each."""
    columns = (
        Chunk.id,
        Chunk.text,
        Document.id,
        Document.title,
        Document.publisher,
        Document.url,
        Document.published_at,
    )
    out: dict[int, EvidenceItem] = {}
    with db.engine.connect() as conn:
        for cid, text, doc_id, title, publisher, url, published in conn.execute(
            select(*columns)
            .join(Document, Document.id == Chunk.document_id)
            .where(Chunk.id.in_(chunk_ids))
        ):
            out[cid] = EvidenceItem(
                0, cid, doc_id, title, publisher, url, published, text[:MAX_EVIDENCE_CHARS]
            )
        for fact in conn.execute(select(Fact.__table__).where(Fact.chunk_id.in_(chunk_ids))).all():
            f = fact._mapping
            out[f["chunk_id"]].facts.append(
                FactNote(
                    subject=f["subject_text"],
                    metric=f["metric"],
                    object=f["object_text"],
                    value=f["value"],
                    unit=f["unit"],
                    currency=f["currency"],
                    as_of=f["as_of"],
                    quote=f["quote"],
                    confidence=f["confidence"],
                )
            )
    return out
