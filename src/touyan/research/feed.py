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

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    func,
    or_,
    select,
    text,
)

from touyan.store.db import Database
from touyan.store.models import Analysis

SENTIMENTS = ("bullish", "neutral", "bearish")
MARKETS = ("cn_a", "hk", "us", "other")
MAX_PER_PAGE = 100
RELATED_CANDIDATES = 300


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


def _reference_documents(references: Any) -> set[int]:
    out: set[int] = set()
    for ref in references or []:
        if isinstance(ref, dict) and isinstance(ref.get("document_id"), int):
            out.add(ref["document_id"])
    return out


def reference_documents(analysis: Analysis) -> set[int]:
    return _reference_documents(analysis.references)


def _shares_tag_or_source(dialect: str, tags: list[str], docs: list[int]) -> ColumnElement[bool]:
    """SQL prefilter for `related`: rows sharing a tag or a source document (bound values)."""
    if dialect == "postgresql":
        tag_sql = (
            "EXISTS (SELECT 1 FROM json_array_elements_text(analyses.tags) AS t(v) "
            "WHERE lower(t.v) IN :rel_tags)"
        )
        doc_sql = (
            'EXISTS (SELECT 1 FROM json_array_elements(analyses."references") AS r(v) '
            "WHERE (r.v->>'document_id') IN :rel_docs)"
        )
    else:
        tag_sql = (
            "EXISTS (SELECT 1 FROM json_each(analyses.tags) AS t WHERE lower(t.value) IN :rel_tags)"
        )
        doc_sql = (
            'EXISTS (SELECT 1 FROM json_each(analyses."references") AS r '
            "WHERE CAST(json_extract(r.value, '$.document_id') AS TEXT) IN :rel_docs)"
        )
    parts = []
    if tags:
        parts.append(text(tag_sql).bindparams(bindparam("rel_tags", value=tags, expanding=True)))
    if docs:
        parts.append(
            text(doc_sql).bindparams(
                bindparam("rel_docs", value=[str(d) for d in docs], expanding=True)
            )
        )
    return or_(*parts)


@dataclass(frozen=True, slots=True)
class RelatedItem:
    id: int
    slug: str
    title: str
    published_at: dt.datetime
    score: int


def related(
    db: Database, analysis: Analysis, *, viewer_id: int | None = None, limit: int = 5
) -> list[RelatedItem]:
    """Analyses sharing sources or tags with this one: a shared source weighs two tags.

    Only the columns the score needs are read (not bodies), from the newest 300 analyses
    that share at least one tag or source (prefiltered in SQL).
    """
    tags = {t.lower() for t in analysis.tags or []}
    docs = reference_documents(analysis)
    if not tags and not docs:
        return []
    columns = (
        Analysis.id,
        Analysis.slug,
        Analysis.title,
        Analysis.published_at,
        Analysis.tags,
        Analysis.references,
    )
    with db.sessions() as session:
        rows = session.execute(
            select(*columns)
            .where(
                visible_to(viewer_id),
                Analysis.id != analysis.id,
                _shares_tag_or_source(db.dialect, sorted(tags), sorted(docs)),
            )
            .order_by(Analysis.published_at.desc())
            .limit(RELATED_CANDIDATES)
        ).all()
    scored: list[RelatedItem] = []
    for ident, slug, title, published_at, other_tags, references in rows:
        score = len(tags & {t.lower() for t in other_tags or []})
        score += 2 * len(docs & _reference_documents(references))
        if score:
            scored.append(RelatedItem(ident, slug, title, published_at, score))
    scored.sort(key=lambda item: (item.score, item.published_at), reverse=True)
    return scored[:limit]


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
