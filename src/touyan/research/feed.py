"""The feed: analyses newest first, filtered and paged, with neighbours and related reading.

Owner scoping everywhere: an analysis with no owner is public; one with an owner is visible
to that owner only. Every query here takes the viewer and applies that rule in SQL.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, text

from touyan.store.db import Database
from touyan.store.models import Analysis

SENTIMENTS = ("bullish", "neutral", "bearish")
MARKETS = ("cn_a", "hk", "us", "other")
MAX_PER_PAGE = 100
RELATED_CANDIDATES = 1000


@dataclass(frozen=True, slots=True)
class FeedFilters:
    market: str | None = None
    sentiment: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None

    def active(self) -> bool:
        return any(
            (self.market, self.sentiment, self.tag, self.since, self.until, (self.q or "").strip())
        )


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[Analysis]
    total: int
    page: int
    per_page: int
    filters: FeedFilters = field(default_factory=FeedFilters)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def visible_to(viewer_id: int | None) -> ColumnElement[bool]:
    if viewer_id is None:
        return Analysis.owner_id.is_(None)
    return or_(Analysis.owner_id.is_(None), Analysis.owner_id == viewer_id)


def _has_tag(dialect: str, tag: str) -> ColumnElement[bool]:
    """Whether the JSON `tags` list holds `tag`, exactly, with the tag bound as a parameter."""
    if dialect == "postgresql":
        return text("CAST(analyses.tags AS jsonb) ? :tag").bindparams(tag=tag)  # type: ignore[return-value]
    each = func.json_each(Analysis.tags).table_valued("value")
    return exists(select(1).select_from(each).where(each.c.value == tag))


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _apply_filters(query: Select[Any], filters: FeedFilters, dialect: str) -> Select[Any]:
    if filters.market:
        query = query.where(Analysis.market == filters.market)
    if filters.sentiment:
        query = query.where(Analysis.sentiment == filters.sentiment)
    if filters.tag:
        query = query.where(_has_tag(dialect, filters.tag.strip().lstrip("#")))
    if filters.since:
        query = query.where(Analysis.published_at >= dt.datetime.combine(filters.since, dt.time()))
    if filters.until:
        end = dt.datetime.combine(filters.until + dt.timedelta(days=1), dt.time())
        query = query.where(Analysis.published_at < end)
    for term in (filters.q or "").split()[:8]:
        pattern = f"%{_like_escape(term.lower())}%"
        query = query.where(
            or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (Analysis.title, Analysis.summary, Analysis.body)
                )
            )
        )
    return query


def list_analyses(
    db: Database,
    filters: FeedFilters | None = None,
    *,
    viewer_id: int | None = None,
    page: int = 1,
    per_page: int = 20,
) -> FeedPage:
    """One page of the analyses the viewer may read, newest first."""
    filters = filters or FeedFilters()
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    base = _apply_filters(select(Analysis).where(visible_to(viewer_id)), filters, db.dialect)
    with db.sessions() as session:
        total = int(
            session.scalar(select(func.count()).select_from(base.order_by(None).subquery())) or 0
        )
        items = list(
            session.scalars(
                base.order_by(Analysis.published_at.desc(), Analysis.id.desc())
                .offset((page - 1) * per_page)
                .limit(per_page)
            )
        )
    return FeedPage(items=items, total=total, page=page, per_page=per_page, filters=filters)


def get_analysis(db: Database, slug: str, *, viewer_id: int | None = None) -> Analysis | None:
    with db.sessions() as session:
        return session.scalar(select(Analysis).where(Analysis.slug == slug, visible_to(viewer_id)))


def get_analysis_by_id(
    db: Database, analysis_id: int, *, viewer_id: int | None = None
) -> Analysis | None:
    with db.sessions() as session:
        return session.scalar(
            select(Analysis).where(Analysis.id == analysis_id, visible_to(viewer_id))
        )


def neighbours(
    db: Database, analysis: Analysis, *, viewer_id: int | None = None
) -> tuple[Analysis | None, Analysis | None]:
    """(previous = the next older one, next = the next newer one) in feed order."""
    when, ident = analysis.published_at, analysis.id
    older = or_(
        Analysis.published_at < when, and_(Analysis.published_at == when, Analysis.id < ident)
    )
    newer = or_(
        Analysis.published_at > when, and_(Analysis.published_at == when, Analysis.id > ident)
    )
    with db.sessions() as session:
        previous = session.scalar(
            select(Analysis)
            .where(visible_to(viewer_id), older)
            .order_by(Analysis.published_at.desc(), Analysis.id.desc())
            .limit(1)
        )
        following = session.scalar(
            select(Analysis)
            .where(visible_to(viewer_id), newer)
            .order_by(Analysis.published_at, Analysis.id)
            .limit(1)
        )
    return previous, following


def reference_documents(analysis: Analysis) -> set[int]:
    out: set[int] = set()
    for ref in analysis.references or []:
        if isinstance(ref, dict) and isinstance(ref.get("document_id"), int):
            out.add(ref["document_id"])
    return out


def related(
    db: Database, analysis: Analysis, *, viewer_id: int | None = None, limit: int = 5
) -> list[Analysis]:
    """Analyses sharing sources or tags with this one: a shared source weighs two tags."""
    tags = {t.lower() for t in analysis.tags or []}
    docs = reference_documents(analysis)
    if not tags and not docs:
        return []
    with db.sessions() as session:
        candidates = list(
            session.scalars(
                select(Analysis)
                .where(visible_to(viewer_id), Analysis.id != analysis.id)
                .order_by(Analysis.published_at.desc())
                .limit(RELATED_CANDIDATES)
            )
        )
    scored: list[tuple[int, dt.datetime, Analysis]] = []
    for other in candidates:
        score = len(tags & {t.lower() for t in other.tags or []})
        score += 2 * len(docs & reference_documents(other))
        if score:
            scored.append((score, other.published_at, other))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [item[2] for item in scored[:limit]]


def popular_tags(db: Database, *, viewer_id: int | None = None, limit: int = 20) -> list[str]:
    """The most used tags among the newest analyses, for the feed's tag filter."""
    with db.sessions() as session:
        rows = session.scalars(
            select(Analysis.tags)
            .where(visible_to(viewer_id))
            .order_by(Analysis.published_at.desc())
            .limit(500)
        )
        counts: Counter[str] = Counter(tag for tags in rows for tag in tags or [])
    return [tag for tag, _ in counts.most_common(limit)]


def analysis_json(analysis: Analysis, *, with_body: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": analysis.id,
        "slug": analysis.slug,
        "title": analysis.title,
        "summary": analysis.summary,
        "tags": list(analysis.tags or []),
        "sentiment": analysis.sentiment,
        "market": analysis.market,
        "language": analysis.language,
        "published_at": analysis.published_at.isoformat(),
        "public": analysis.owner_id is None,
        "run_id": analysis.run_id,
    }
    if with_body:
        out.update(
            question=analysis.question,
            body=analysis.body,
            references=list(analysis.references or []),
            verification=dict(analysis.verification or {}),
        )
    return out


LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "sentiment": {
        "bullish": ("利好", "Bullish"),
        "neutral": ("中性", "Neutral"),
        "bearish": ("利空", "Bearish"),
    },
    "market": {
        "cn_a": ("A股", "A-shares"),
        "hk": ("港股", "Hong Kong"),
        "us": ("美股", "US"),
        "other": ("其他", "Other"),
    },
}


def label(kind: str, value: str | None, lang: str = "zh") -> str:
    """The display name of a sentiment or market code (the code itself when unknown)."""
    if not value:
        return ""
    names = LABELS.get(kind, {}).get(value)
    if names is None:
        return value
    return names[1] if lang == "en" else names[0]
