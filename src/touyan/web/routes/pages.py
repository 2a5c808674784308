"""Reading pages: the feed, an article, its exports, and a source document."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from touyan.analysis.related import page_links
from touyan.facts.repository import query_facts
from touyan.research import export
from touyan.research.feed import (
    MARKETS,
    SENTIMENTS,
    FeedFilters,
    get_analysis,
    list_analyses,
    neighbours,
    popular_tags,
    related,
)
from touyan.store.documents import get_document
from touyan.web.deps import DbDep, ViewerDep
from touyan.web.templating import render

router = APIRouter(include_in_schema=False)
PER_PAGE = 12


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_filters(params: Any) -> FeedFilters:
    """Filters from query parameters; unknown values are ignored rather than refused."""
    market = params.get("market")
    sentiment = params.get("sentiment")
    return FeedFilters(
        market=market if market in MARKETS else None,
        sentiment=sentiment if sentiment in SENTIMENTS else None,
        tag=(params.get("tag") or "").strip()[:64] or None,
        since=parse_date(params.get("since")),
        until=parse_date(params.get("until")),
        q=(params.get("q") or "").strip()[:200] or None,
    )


def parse_page(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


@router.get("/")
def feed_page(request: Request, db: DbDep, viewer: ViewerDep) -> Response:
    filters = parse_filters(request.query_params)
    page = list_analyses(
        db,
        filters,
        viewer_id=viewer.id,
        page=parse_page(request.query_params.get("page")),
        per_page=PER_PAGE,
    )
    params = {
        "market": filters.market,
        "sentiment": filters.sentiment,
        "tag": filters.tag,
        "since": filters.since.isoformat() if filters.since else None,
        "until": filters.until.isoformat() if filters.until else None,
        "q": filters.q,
    }
    return render(
        request,
        "feed.html",
        {
            "feed": page,
            "filters": filters,
            "params": params,
            "tags": popular_tags(db, viewer_id=viewer.id, limit=16),
            "markets": MARKETS,
            "sentiments": SENTIMENTS,
        },
    )


@router.get("/a/{slug}")
def article_page(request: Request, slug: str, db: DbDep, viewer: ViewerDep) -> Response:
    analysis = get_analysis(db, slug, viewer_id=viewer.id)
    if analysis is None:
        raise HTTPException(404)
    previous, following = neighbours(db, analysis, viewer_id=viewer.id)
    return render(
        request,
        "article.html",
        {
            "a": analysis,
            "references": [r for r in analysis.references or [] if isinstance(r, dict)],
            "previous": previous,
            "next": following,
            "related": related(db, analysis, viewer_id=viewer.id, limit=5),
        },
    )


def export_response(analysis: Any, fmt: str) -> Response:
    try:
        content, media_type, suffix = export.export(analysis, fmt)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from exc
    filename = f"{analysis.slug}.{suffix}"
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).strip("-.") or f"report.{suffix}"
    return Response(
        content,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{ascii_name}"; '
            f"filename*=UTF-8''{quote(filename)}"
        },
    )


@router.get("/a/{slug}/export.{fmt}")
def article_export(slug: str, fmt: str, db: DbDep, viewer: ViewerDep) -> Response:
    analysis = get_analysis(db, slug, viewer_id=viewer.id)
    if analysis is None:
        raise HTTPException(404)
    return export_response(analysis, fmt)


@router.get("/d/{document_id}")
def document_page(request: Request, document_id: int, db: DbDep, viewer: ViewerDep) -> Response:
    document = get_document(db, document_id, viewer_id=viewer.id)
    if document is None:
        raise HTTPException(404)
    facts = query_facts(db, document_id=document.id, owner_id=viewer.id, limit=500)
    related, adjacent = page_links(db, document.id, viewer_id=viewer.id)
    return render(
        request,
        "document.html",
        {"d": document, "facts": facts, "related": related, "adjacent": adjacent},
    )
