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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, DateTime, func, literal, select, union_all

from touyan.store.db import Database
from touyan.store.models import Document, Entity, EntityMention

MENTIONS_PER_ENTITY = 300
MAX_ENTITIES = 8
TIME_NEIGHBOURS = 40  # on each side of the document, by publication time
SCORED_CANDIDATES = 60
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


def page_links(
    db: Database, document_id: int, *, limit: int = 5, viewer_id: int | None = None
) -> tuple[list[RelatedDocument], Adjacent]:
    """Related reading and previous / next for one page view, on one connection."""
    with db.engine.connect() as conn:
        return (
            related_in(conn, document_id, limit=limit, viewer_id=viewer_id),
            adjacent_in(conn, document_id, viewer_id=viewer_id),
        )


def related_in(
    conn: Connection, document_id: int, *, limit: int = 5, viewer_id: int | None = None
) -> list[RelatedDocument]:
    """`related_documents` on an open connection (for callers batching page queries)."""
    visible = _visible(viewer_id)
    base = conn.execute(
        select(
            Document.published_at, Document.labels["keywords"], Document.tags, Document.title
        ).where(Document.id == document_id, visible)
    ).first()
    if base is None or limit <= 0:
        return []
    published, keywords, tags, title = base
    named = conn.execute(
        select(EntityMention.entity_id, Entity.name)
        .join(Entity, Entity.id == EntityMention.entity_id)
        .where(EntityMention.document_id == document_id)
        .distinct()
        .limit(MAX_ENTITIES)
    ).all()
    names = {entity_id: name for entity_id, name in named}
    entity_docs: dict[int, set[int]] = {}
    neighbours: list[tuple[int, dt.datetime | None]] = []
    for source, doc_id, when in conn.execute(
        _candidate_query(document_id, published, list(names), visible)
    ):
        if source >= 0:
            entity_docs.setdefault(source, set()).add(doc_id)
        elif doc_id != document_id:
            neighbours.append((doc_id, when))
    entity_hits: dict[int, dict[int, float]] = {}  # candidate -> entity -> weight
    for entity_id, docs in entity_docs.items():
        docs.discard(document_id)
        weight = 1.0 / (1.0 + math.log1p(len(docs) / 20))  # common entities say less
        for d in docs:
            entity_hits.setdefault(d, {})[entity_id] = weight
    neighbours.sort(key=lambda n: abs(_seconds(published, n[1])))
    by_entities = sorted(entity_hits, key=lambda d: (-sum(entity_hits[d].values()), -d))
    candidates = list(
        dict.fromkeys(by_entities[: SCORED_CANDIDATES // 2] + [d for d, _ in neighbours])
    )[:SCORED_CANDIDATES]
    if not candidates:
        return []
    rows = conn.execute(
        select(*_LINK_COLUMNS, Document.labels["keywords"]).where(
            Document.id.in_(candidates), visible
        )
    ).all()
    own_terms = _terms(keywords, tags)
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
    published = base[0]
    rows: dict[int, Any] = {}
    for row in conn.execute(_adjacent_query(document_id, published, visible)):
        rows.setdefault(row[0], row[1:])
    # Parts: 0 same time and smaller id, 1 earlier; 2 same time and larger id, 3 later.
    previous = rows.get(0) or rows.get(1)
    following = rows.get(2) or rows.get(3)
    return Adjacent(_link(previous) if previous else None, _link(following) if following else None)


def _adjacent_query(doc_id: int, published: dt.datetime | None, visible: Any) -> Any:
    """Both neighbours in (published_at, id) order in one round trip: four index reads."""
    at, ident = Document.published_at, Document.id
    ranges: list[tuple[int, tuple[Any, ...], tuple[Any, ...]]]
    if published is None:  # undated documents follow one another by id
        ranges = [
            (0, (at.is_(None), ident < doc_id), (ident.desc(),)),
            (2, (at.is_(None), ident > doc_id), (ident.asc(),)),
        ]
    else:
        ranges = [
            (0, (at == published, ident < doc_id), (ident.desc(),)),
            (1, (at < published,), (at.desc(), ident.desc())),
            (2, (at == published, ident > doc_id), (ident.asc(),)),
            (3, (at > published,), (at.asc(), ident.asc())),
        ]
    parts = []
    for part, where, order in ranges:
        inner = select(*_LINK_COLUMNS).where(visible, *where).order_by(*order).limit(1).subquery()
        parts.append(select(literal(part).label("part"), *inner.c))
    return union_all(*parts)


def _candidate_query(
    doc_id: int, published: dt.datetime | None, entity_ids: list[int], visible: Any
) -> Any:
    """One round trip for every candidate: (entity id or -1, document id, published_at).

    Per entity, its newest mentions; then the documents published closest before and after.
    Each part is a bounded, index-ordered read wrapped as a subquery (so both SQLite and
    PostgreSQL accept its ORDER BY … LIMIT inside the UNION ALL).
    """
    parts: list[Any] = []
    no_time = literal(None, DateTime())
    for entity_id in entity_ids:
        inner = (
            select(EntityMention.document_id.label("doc"))
            .where(EntityMention.entity_id == entity_id)
            .order_by(EntityMention.id.desc())
            .limit(MENTIONS_PER_ENTITY)
            .subquery()
        )
        parts.append(select(literal(entity_id).label("source"), inner.c.doc, no_time))
    if published is not None:
        for older in (True, False):
            inner = (
                select(Document.id.label("doc"), Document.published_at.label("at"))
                .where(
                    visible,
                    Document.published_at <= published
                    if older
                    else Document.published_at > published,
                )
                .order_by(Document.published_at.desc() if older else Document.published_at.asc())
                .limit(TIME_NEIGHBOURS)
                .subquery()
            )
            parts.append(select(literal(-1).label("source"), inner.c.doc, inner.c.at))
    if not parts:
        return select(literal(-1), literal(doc_id), no_time).where(literal(1) == 0)
    return parts[0] if len(parts) == 1 else union_all(*parts)


def _seconds(a: dt.datetime | None, b: dt.datetime | None) -> float:
    if a is None or b is None:
        return float("inf")
    return (a - b).total_seconds()


def _visible(viewer_id: int | None) -> Any:
    """Public documents, plus the viewer's own.

    Written as an expression over owner_id (not `owner_id IS NULL`) so that no planner
    walks the owner index, where nearly every document sits under NULL, instead of the
    published_at index these queries are ordered by. Owner ids start at 1.
    """
    viewer = 0 if viewer_id is None else viewer_id
    return func.coalesce(Document.owner_id, viewer) == viewer


def _terms(keywords: Any, tags: Any) -> dict[str, float]:
    """Keywords (weighted by rank, from the stored labels) and tags of a document."""
    terms: dict[str, float] = {}
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
