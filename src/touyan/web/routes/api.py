"""The JSON API: analyses (list, get, export), search, documents, facts and API tokens.

Reads work anonymously (public data) or with a session cookie or `Authorization: Bearer`
token (public data plus the user's own).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from touyan.facts.repository import query_facts
from touyan.research.feed import FeedFilters, analysis_json, get_analysis, list_analyses
from touyan.store.documents import document_json, get_document, list_documents
from touyan.store.search import SearchFilters, search
from touyan.web.deps import DbDep, ViewerDep
from touyan.web.routes.pages import export_response

router = APIRouter(prefix="/api")

Market = Literal["cn_a", "hk", "us", "other"]
Sentiment = Literal["bullish", "neutral", "bearish"]


@router.get("/analyses", tags=["analyses"])
def api_analyses(
    db: DbDep,
    viewer: ViewerDep,
    market: Market | None = None,
    sentiment: Sentiment | None = None,
    tag: str | None = Query(None, max_length=64),
    since: dt.date | None = None,
    until: dt.date | None = None,
    q: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=10_000),
    per_page: int = Query(20, ge=1, le=100),
) -> dict[str, Any]:
    """Analyses newest first, filtered, one page at a time (without their bodies)."""
    filters = FeedFilters(market, sentiment, tag, since, until, q)
    feed = list_analyses(db, filters, viewer_id=viewer.id, page=page, per_page=per_page)
    return {
        "items": [analysis_json(a, with_body=False) for a in feed.items],
        "total": feed.total,
        "page": feed.page,
        "pages": feed.pages,
        "per_page": feed.per_page,
    }


@router.get("/analyses/{slug}", tags=["analyses"])
def api_analysis(slug: str, db: DbDep, viewer: ViewerDep) -> dict[str, Any]:
    """One analysis: Markdown body with [n] markers, references, verification summary."""
    analysis = get_analysis(db, slug, viewer_id=viewer.id)
    if analysis is None:
        raise HTTPException(404, "analysis not found")
    return analysis_json(analysis)


@router.get("/analyses/{slug}/export", tags=["analyses"])
def api_export(
    slug: str, db: DbDep, viewer: ViewerDep, format: Literal["md", "html", "pdf"] = "md"
) -> Response:
    """The analysis as a Markdown, standalone HTML or PDF file."""
    analysis = get_analysis(db, slug, viewer_id=viewer.id)
    if analysis is None:
        raise HTTPException(404, "analysis not found")
    return export_response(analysis, format)


@router.get("/search", tags=["search"])
def api_search(
    db: DbDep,
    viewer: ViewerDep,
    q: str = Query(min_length=1, max_length=500),
    limit: int = Query(10, ge=1, le=50),
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: Annotated[list[str] | None, Query()] = None,
    language: Annotated[list[str] | None, Query()] = None,
) -> list[dict[str, Any]]:
    """Ranked passages (best chunk per document) for a free-text query, with snippets."""
    filters = SearchFilters(
        since=dt.datetime.combine(since, dt.time()) if since else None,
        until=dt.datetime.combine(until, dt.time.max) if until else None,
        kinds=tuple(kind or ()),
        languages=tuple(language or ()),
        owner_id=viewer.id,
    )
    return [
        {
            "document_id": r.document_id,
            "chunk_id": r.chunk_id,
            "title": r.title,
            "url": r.url,
            "publisher": r.publisher,
            "published_at": r.published_at.isoformat() if r.published_at else None,
            "kind": r.kind,
            "language": r.language,
            "score": round(r.score, 4),
            "snippet": r.snippet,
        }
        for r in search(db, q, limit=limit, filters=filters)
    ]


@router.get("/documents", tags=["documents"])
def api_documents(
    db: DbDep,
    viewer: ViewerDep,
    mine: bool = False,
    offset: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=200),
) -> dict[str, Any]:
    """Stored documents newest first; `mine=true` lists only the caller's private ones."""
    page = list_documents(db, viewer_id=viewer.id, owned_only=mine, offset=offset, limit=limit)
    return {"items": [document_json(d) for d in page.items], "total": page.total}


@router.get("/documents/{document_id}", tags=["documents"])
def api_document(document_id: int, db: DbDep, viewer: ViewerDep) -> dict[str, Any]:
    """A document with its text, chunk offsets and labels."""
    document = get_document(db, document_id, viewer_id=viewer.id)
    if document is None:
        raise HTTPException(404, "document not found")
    return document_json(document, with_text=True)


@router.get("/facts", tags=["facts"])
def api_facts(
    db: DbDep,
    viewer: ViewerDep,
    entity: str | None = Query(None, max_length=200),
    metric: str | None = Query(None, max_length=32),
    document_id: int | None = None,
    min_confidence: float | None = Query(None, ge=0, le=1),
    limit: int = Query(100, ge=1, le=1000),
) -> list[dict[str, Any]]:
    """Typed facts with their source span, by entity (name, alias or ticker), metric, document
    and least confidence (0.8 leaves out the facts marked to be checked)."""
    facts = query_facts(
        db,
        entity=entity,
        metric=metric,
        document_id=document_id,
        owner_id=viewer.id,
        min_confidence=min_confidence,
        limit=limit,
    )
    return [f.to_json() for f in facts]
