"""Full-text search over chunks: one query path, a backend per database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from touyan.store.db import Database
from touyan.store.models import Chunk, Document
from touyan.store.search.base import Ranked, SearchBackend, SearchFilters
from touyan.store.search.postgres import PostgresSearch
from touyan.store.search.snippet import make_snippet
from touyan.store.search.sqlite import SqliteSearch
from touyan.text.normalize import normalize_query
from touyan.text.segment import query_tokens

__all__ = ["SearchBackend", "SearchFilters", "SearchResult", "backend_for", "search"]


def backend_for(dialect: str) -> SearchBackend:
    return SqliteSearch() if dialect == "sqlite" else PostgresSearch()


@dataclass(frozen=True, slots=True)
class SearchResult:
    document_id: int
    chunk_id: int
    title: str
    url: str | None
    publisher: str | None
    published_at: dt.datetime | None
    kind: str
    language: str
    score: float
    snippet: str
    text: str
    char_start: int
    char_end: int


def search(
    db: Database,
    query: str,
    *,
    limit: int = 10,
    filters: SearchFilters | None = None,
    per_document: bool = True,
) -> list[SearchResult]:
    """Ranked chunks for a free-text query; with per_document, each document's best chunk.

    The query is tokenised like the documents and every token is passed as a quoted term,
    so quotes, AND/OR, `*`, `-` or SQL in it are plain words, never syntax.
    """
    tokens = query_tokens(normalize_query(query))
    if not tokens or limit <= 0:
        return []
    filters = filters or SearchFilters()
    backend = backend_for(db.dialect)
    fetch = limit * 3 if per_document else limit
    with db.engine.connect() as conn:
        ranked = backend.rank(conn, tokens, filters, fetch)
    if per_document:
        ranked = _best_per_document(ranked)[:limit]
    return _hydrate(db, ranked, tokens)


def _best_per_document(ranked: list[Ranked]) -> list[Ranked]:
    seen: set[int] = set()
    out: list[Ranked] = []
    for item in ranked:
        if item.document_id not in seen:
            seen.add(item.document_id)
            out.append(item)
    return out


def _hydrate(db: Database, ranked: list[Ranked], tokens: list[str]) -> list[SearchResult]:
    if not ranked:
        return []
    columns = (
        Chunk.id,
        Chunk.text,
        Chunk.char_start,
        Chunk.char_end,
        Document.id,
        Document.title,
        Document.url,
        Document.publisher,
        Document.published_at,
        Document.kind,
        Document.language,
    )
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(*columns)
            .join(Document, Document.id == Chunk.document_id)
            .where(Chunk.id.in_([r.chunk_id for r in ranked]))
        ).all()
    by_id = {row[0]: row for row in rows}
    results: list[SearchResult] = []
    for r in ranked:
        row = by_id[r.chunk_id]
        results.append(
            SearchResult(
                document_id=row[4],
                chunk_id=row[0],
                title=row[5],
                url=row[6],
                publisher=row[7],
                published_at=row[8],
                kind=row[9],
                language=row[10],
                score=round(r.score, 4),
                snippet=make_snippet(row[1], tokens),
                text=row[1],
                char_start=row[2],
                char_end=row[3],
            )
        )
    return results
