"""Related reading and previous / next links for a document page, fast at 100k documents.

A page view may not scan the corpus, so candidates come only from indexed lookups:
documents naming the same entities (entity_mentions by entity, newest mentions first, a few
hundred per entity) and the documents published just before and after (documents by
published_at). Only those candidates are read in full and scored by shared entities (rare
entities weigh more), shared keywords and tags (the TF-IDF keywords stored at labelling, the
same tokens as search) and closeness in time. Every query is bounded, so the cost does not
grow with the corpus.

A page view runs four statements for related reading and two for previous / next. They are
written as SQL text, built once per dialect and shape and then reused, because building
the equivalent SQLAlchemy expressions on every view cost more than running them. Every
value is a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Connection,
    DateTime,
    Integer,
    String,
    Text,
    bindparam,
    column,
    text,
)
from sqlalchemy.sql.selectable import TextualSelect

from touyan.store.db import Database

MENTIONS_PER_ENTITY = 150
MAX_ENTITIES = 6
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


_LINK_SQL = "id, title, url, publisher, published_at, sentiment, market, tags"
_LINK_TYPES = (
    column("id", BigInteger()),
    column("title", Text()),
    column("url", Text()),
    column("publisher", Text()),
    column("published_at", DateTime()),
    column("sentiment", String()),
    column("market", String()),
    column("tags", JSON()),
)
# Owner ids start at 1: coalesce(owner_id, :viewer) = :viewer is "public, or the viewer's".
# Written as an expression (not `owner_id IS NULL`) so that no planner walks the owner
# index, where nearly every document sits under NULL, instead of the published_at index.
_VISIBLE = "coalesce(owner_id, :viewer) = :viewer"


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
    dialect = conn.dialect.name
    viewer = viewer_id or 0
    base = conn.execute(_base_sql(dialect), {"id": document_id, "viewer": viewer}).first()
    if base is None or limit <= 0:
        return []
    published, keywords, tags, title = base
    names = {
        entity_id: name
        for entity_id, name in conn.execute(
            _ENTITIES_SQL, {"id": document_id, "limit": MAX_ENTITIES}
        )
    }
    params: dict[str, Any] = {
        "viewer": viewer,
        "per_entity": MENTIONS_PER_ENTITY,
        "neighbours": TIME_NEIGHBOURS,
        "at": published,
    }
    params.update({f"e{i}": entity_id for i, entity_id in enumerate(names)})
    entity_docs: dict[int, set[int]] = {}
    neighbours: list[tuple[int, dt.datetime | None]] = []
    query = _candidates_sql(len(names), published is not None)
    for source, doc_id, when in conn.execute(query, params) if query is not None else ():
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
        _fetch_sql(dialect), {"ids": _id_list(dialect, candidates), "viewer": viewer}
    ).all()
    own_terms = _terms(keywords, tags)
    scored: list[RelatedDocument] = []
    for row in rows:
        link = _link(row)
        hits = entity_hits.get(link.id, {})
        shared = sorted(own_terms.keys() & _terms(row[8], link.tags).keys())
        keyword_score = sum(own_terms[t] for t in shared) / (1 + 0.5 * len(own_terms)) ** 0.5
        if not hits and len(shared) < 2:
            continue  # a neighbour in time with nothing in common is not related
        score = (
            ENTITY_WEIGHT * sum(hits.values())
            + KEYWORD_WEIGHT * keyword_score
            + RECENCY_WEIGHT * _recency(published, link.published_at)
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
    viewer = viewer_id or 0
    base = conn.execute(_PUBLISHED_SQL, {"id": document_id, "viewer": viewer}).first()
    if base is None:
        return Adjacent(None, None)
    published = base[0]
    params = {"id": document_id, "viewer": viewer, "at": published}
    rows: dict[int, Any] = {}
    for row in conn.execute(_adjacent_sql(published is not None), params):
        rows.setdefault(row[0], row[1:])
    # Parts: 0 same time and smaller id, 1 earlier; 2 same time and larger id, 3 later.
    previous = rows.get(0) or rows.get(1)
    following = rows.get(2) or rows.get(3)
    return Adjacent(_link(previous) if previous else None, _link(following) if following else None)


_PUBLISHED_SQL = text(f"SELECT published_at FROM documents WHERE id = :id AND {_VISIBLE}").columns(
    column("published_at", DateTime())
)
_ENTITIES_SQL = text(
    "SELECT DISTINCT m.entity_id, e.name FROM entity_mentions m"
    " JOIN entities e ON e.id = m.entity_id WHERE m.document_id = :id LIMIT :limit"
).columns(column("entity_id", BigInteger()), column("name", Text()))


@lru_cache(maxsize=4)
def _base_sql(dialect: str) -> TextualSelect:
    return text(
        f"SELECT published_at, {_keywords_sql(dialect)} AS keywords, tags, title"
        f" FROM documents WHERE id = :id AND {_VISIBLE}"
    ).columns(
        column("published_at", DateTime()),
        column("keywords", JSON()),
        column("tags", JSON()),
        column("title", Text()),
    )


@lru_cache(maxsize=4)
def _fetch_sql(dialect: str) -> TextualSelect:
    """The candidates' links and keywords; ids as one array parameter (one statement text)."""
    ids = (
        "id = ANY(:ids)" if dialect == "postgresql" else "id IN (SELECT value FROM json_each(:ids))"
    )
    return text(
        f"SELECT {_LINK_SQL}, {_keywords_sql(dialect)} AS keywords FROM documents"
        f" WHERE {ids} AND {_VISIBLE}"
    ).columns(*_LINK_TYPES, column("keywords", JSON()))


def _keywords_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return "labels -> 'keywords'"
    return "json_extract(labels, '$.keywords')"


def _id_list(dialect: str, ids: list[int]) -> Any:
    return ids if dialect == "postgresql" else json.dumps(ids)


@lru_cache(maxsize=64)
def _candidates_sql(entities: int, dated: bool) -> TextualSelect | None:
    """Every candidate in one round trip: (entity id or -1, document id, published_at).

    Per entity, its newest mentions; then the documents published closest before and after.
    Each part is a bounded, index-ordered read wrapped as a subquery (so both SQLite and
    PostgreSQL accept its ORDER BY … LIMIT inside the UNION ALL).
    """
    parts = [
        f"SELECT :e{i} AS source, doc, CAST(NULL AS TIMESTAMP) AS at FROM"
        f" (SELECT document_id AS doc FROM entity_mentions WHERE entity_id = :e{i}"
        "  ORDER BY id DESC LIMIT :per_entity) AS m" + str(i)
        for i in range(entities)
    ]
    if dated:
        for name, where, order in (
            ("b", "published_at <= :at", "DESC"),
            ("a", "published_at > :at", "ASC"),
        ):
            parts.append(
                f"SELECT -1 AS source, id AS doc, published_at AS at FROM"
                f" (SELECT id, published_at FROM documents WHERE {where} AND {_VISIBLE}"
                f"  ORDER BY published_at {order} LIMIT :neighbours) AS n{name}"
            )
    if not parts:
        return None
    statement = text(" UNION ALL ".join(parts))
    if dated:  # the time is written as the store writes it (a string on SQLite)
        statement = statement.bindparams(bindparam("at", type_=DateTime()))
    return statement.columns(
        column("source", BigInteger()), column("doc", BigInteger()), column("at", DateTime())
    )


@lru_cache(maxsize=4)
def _adjacent_sql(dated: bool) -> TextualSelect:
    """Both neighbours in (published_at, id) order in one round trip: four index reads."""
    if dated:
        ranges = [
            (0, "published_at = :at AND id < :id", "id DESC"),
            (1, "published_at < :at", "published_at DESC, id DESC"),
            (2, "published_at = :at AND id > :id", "id ASC"),
            (3, "published_at > :at", "published_at ASC, id ASC"),
        ]
    else:  # undated documents follow one another by id
        ranges = [
            (0, "published_at IS NULL AND id < :id", "id DESC"),
            (2, "published_at IS NULL AND id > :id", "id ASC"),
        ]
    parts = [
        f"SELECT {part} AS part, {_LINK_SQL} FROM (SELECT {_LINK_SQL} FROM documents"
        f" WHERE {where} AND {_VISIBLE} ORDER BY {order} LIMIT 1) AS p{part}"
        for part, where, order in ranges
    ]
    statement = text(" UNION ALL ".join(parts))
    if dated:
        statement = statement.bindparams(bindparam("at", type_=DateTime()))
    return statement.columns(column("part", Integer()), *_LINK_TYPES)


def _seconds(a: dt.datetime | None, b: dt.datetime | None) -> float:
    if a is None or b is None:
        return float("inf")
    return (a - b).total_seconds()


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
        tags=list(row[7] if isinstance(row[7], list) else []),
    )
