"""Related reading and previous / next links for a document page, fast at 100k documents.

A page view may not scan the corpus, so candidates come only from indexed lookups:
documents naming the same entities (entity_mentions by entity, newest mentions first, a few
hundred per entity) and the documents published just before and after (documents by
published_at). Only those candidates are read in full and scored by shared entities (rare
entities weigh more), shared keywords and tags (the TF-IDF keywords stored at labelling, the
same tokens as search) and closeness in time. Every query is bounded, so the cost does not
grow with the corpus.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from touyan.store.db import Database
from touyan.store.models import Document, Entity, EntityMention

MENTIONS_PER_ENTITY = 300
MAX_ENTITIES = 8
TIME_NEIGHBOURS = 60  # on each side of the document, by publication time
SCORED_CANDIDATES = 80
RECENCY_DAYS = 30.0
ENTITY_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.5
RECENCY_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """What a page needs to link to a document and show its labels."""

    id: int
    title: str
    url: str | None
    publisher: str | None
    published_at: dt.datetime | None
    sentiment: str | None
    market: str | None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RelatedDocument:
    document: DocumentLink
    score: float
    shared_entities: list[str] = field(default_factory=list)
    shared_keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Adjacent:
    """The documents published just before (`previous`) and just after (`next`)."""

    previous: DocumentLink | None
    next: DocumentLink | None


_LINK_COLUMNS = (
    Document.id,
    Document.title,
    Document.url,
    Document.publisher,
    Document.published_at,
    Document.sentiment,
    Document.market,
    Document.tags,
)


def related_documents(
    db: Database, document_id: int, *, limit: int = 5, viewer_id: int | None = None
) -> list[RelatedDocument]:
    """Up to `limit` documents related to `document_id`, best first.

    `viewer_id` is the signed-in user (None: anonymous); only public documents and that
    user's own are considered. An unknown or invisible document has no related ones.
    """
    with db.engine.connect() as conn:
        return related_in(conn, document_id, limit=limit, viewer_id=viewer_id)


def adjacent_documents(db: Database, document_id: int, *, viewer_id: int | None = None) -> Adjacent:
    """Previous (older) and next (newer) document by publication time, ties by id."""
    with db.engine.connect() as conn:
        return adjacent_in(conn, document_id, viewer_id=viewer_id)


def related_in(
    conn: Connection, document_id: int, *, limit: int = 5, viewer_id: int | None = None
) -> list[RelatedDocument]:
    """`related_documents` on an open connection (for callers batching page queries)."""
    visible = _visible(viewer_id)
    base = conn.execute(
        select(Document.published_at, Document.labels, Document.tags, Document.title).where(
            Document.id == document_id, visible
        )
    ).first()
    if base is None or limit <= 0:
        return []
    published, labels, tags, title = base
    entity_rows = conn.execute(
        select(EntityMention.entity_id)
        .where(EntityMention.document_id == document_id)
        .distinct()
        .limit(MAX_ENTITIES)
    ).all()
    entity_hits: dict[int, dict[int, float]] = {}  # candidate -> entity -> weight
    for (entity_id,) in entity_rows:
        docs = {
            d
            for (d,) in conn.execute(
                select(EntityMention.document_id)
                .where(EntityMention.entity_id == entity_id)
                .order_by(EntityMention.id.desc())
                .limit(MENTIONS_PER_ENTITY)
            )
        }
        docs.discard(document_id)
        weight = 1.0 / (1.0 + math.log1p(len(docs) / 20))  # common entities say less
        for d in docs:
            entity_hits.setdefault(d, {})[entity_id] = weight
    neighbours = _time_neighbours(conn, document_id, published, visible)
    by_entities = sorted(entity_hits, key=lambda d: (-sum(entity_hits[d].values()), -d))
    candidates = list(dict.fromkeys(by_entities[: SCORED_CANDIDATES // 2] + neighbours))
    candidates = candidates[:SCORED_CANDIDATES]
    if not candidates:
        return []
    rows = conn.execute(
        select(*_LINK_COLUMNS, Document.labels).where(Document.id.in_(candidates), visible)
    ).all()
    names = _entity_names(conn, [e for (e,) in entity_rows])
    own_terms = _terms(labels, tags)
    scored: list[RelatedDocument] = []
    for row in rows:
        link = _link(row)
        hits = entity_hits.get(link.id, {})
        shared = sorted(own_terms.keys() & _terms(row[-1], row[7]).keys())
        keyword_score = sum(own_terms[t] for t in shared) / (1 + 0.5 * len(own_terms)) ** 0.5
        if not hits and len(shared) < 2:
            continue  # a neighbour in time with nothing in common is not related
        recency = _recency(published, link.published_at)
        score = (
            ENTITY_WEIGHT * sum(hits.values())
            + KEYWORD_WEIGHT * keyword_score
            + RECENCY_WEIGHT * recency
        )
        scored.append(
            RelatedDocument(
                link,
                round(score, 4),
                [names[e] for e in hits if e in names],
                [t for t in shared if not t.startswith("#")][:8],
            )
        )
    scored.sort(key=lambda r: (-r.score, -(r.document.id)))
    out: list[RelatedDocument] = []
    titles = {title}
    for item in scored:
        if item.document.title in titles:
            continue  # the same story again is not further reading
        titles.add(item.document.title)
        out.append(item)
        if len(out) == limit:
            break
    return out


def adjacent_in(conn: Connection, document_id: int, *, viewer_id: int | None = None) -> Adjacent:
    """`adjacent_documents` on an open connection."""
    visible = _visible(viewer_id)
    base = conn.execute(
        select(Document.published_at).where(Document.id == document_id, visible)
    ).first()
    if base is None:
        return Adjacent(None, None)
    return Adjacent(
        _step(conn, document_id, base[0], visible, older=True),
        _step(conn, document_id, base[0], visible, older=False),
    )


def _step(
    conn: Connection, doc_id: int, published: dt.datetime | None, visible: Any, *, older: bool
) -> DocumentLink | None:
    """The next document one way in (published_at, id) order, by two index range reads."""
    query = select(*_LINK_COLUMNS).where(visible)
    if published is None:
        undated = query.where(
            Document.published_at.is_(None), Document.id < doc_id if older else Document.id > doc_id
        ).order_by(Document.id.desc() if older else Document.id.asc())
        row = conn.execute(undated.limit(1)).first()
        return _link(row) if row else None
    same_time = query.where(
        Document.published_at == published,
        Document.id < doc_id if older else Document.id > doc_id,
    ).order_by(Document.id.desc() if older else Document.id.asc())
    row = conn.execute(same_time.limit(1)).first()
    if row is None:
        beyond = query.where(
            Document.published_at < published if older else Document.published_at > published
        ).order_by(
            *(
                (Document.published_at.desc(), Document.id.desc())
                if older
                else (Document.published_at.asc(), Document.id.asc())
            )
        )
        row = conn.execute(beyond.limit(1)).first()
    return _link(row) if row else None


def _time_neighbours(
    conn: Connection, doc_id: int, published: dt.datetime | None, visible: Any
) -> list[int]:
    """Ids of the documents published closest before and after, nearest first."""
    if published is None:
        return []
    before = conn.execute(
        select(Document.id)
        .where(visible, Document.published_at <= published, Document.id != doc_id)
        .order_by(Document.published_at.desc())
        .limit(TIME_NEIGHBOURS)
    ).all()
    after = conn.execute(
        select(Document.id)
        .where(visible, Document.published_at > published)
        .order_by(Document.published_at.asc())
        .limit(TIME_NEIGHBOURS)
    ).all()
    merged: list[int] = []
    for pair in zip(before, after, strict=False):
        merged.extend(r[0] for r in pair)
    longer = before if len(before) > len(after) else after
    merged.extend(r[0] for r in longer[min(len(before), len(after)) :])
    return merged


def _visible(viewer_id: int | None) -> Any:
    """Public documents, plus the viewer's own.

    Written as an expression over owner_id (not `owner_id IS NULL`) so that no planner
    walks the owner index, where nearly every document sits under NULL, instead of the
    published_at index these queries are ordered by. Owner ids start at 1.
    """
    viewer = 0 if viewer_id is None else viewer_id
    return func.coalesce(Document.owner_id, viewer) == viewer


def _terms(labels: Any, tags: Any) -> dict[str, float]:
    """Keywords (weighted by rank) and tags of a document, from its stored labels."""
    terms: dict[str, float] = {}
    keywords = labels.get("keywords", []) if isinstance(labels, dict) else []
    for rank, word in enumerate(keywords if isinstance(keywords, list) else []):
        terms[str(word)] = 1.0 / (1 + 0.15 * rank)
    for tag in tags if isinstance(tags, list) else []:
        terms.setdefault("#" + str(tag), 0.8)
    return terms


def _recency(a: dt.datetime | None, b: dt.datetime | None) -> float:
    if a is None or b is None:
        return 0.0
    days = abs((a - b).total_seconds()) / 86400
    return math.exp(-days / RECENCY_DAYS)


def _entity_names(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(conn.execute(select(Entity.id, Entity.name).where(Entity.id.in_(ids))).all())


def _link(row: Any) -> DocumentLink:
    return DocumentLink(
        id=row[0],
        title=row[1],
        url=row[2],
        publisher=row[3],
        published_at=row[4],
        sentiment=row[5],
        market=row[6],
        tags=list(row[7] or []),
    )
