"""Reading stored documents with owner scoping: public ones, plus the viewer's own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import selectinload

from touyan.store.db import Database
from touyan.store.models import Document


def visible_to(viewer_id: int | None) -> ColumnElement[bool]:
    if viewer_id is None:
        return Document.owner_id.is_(None)
    return or_(Document.owner_id.is_(None), Document.owner_id == viewer_id)


def get_document(
    db: Database, document_id: int, *, viewer_id: int | None = None
) -> Document | None:
    """The document with its chunks and variants, or None when it is missing or not visible."""
    with db.sessions() as session:
        return session.scalar(
            select(Document)
            .options(selectinload(Document.chunks), selectinload(Document.variants))
            .where(Document.id == document_id, visible_to(viewer_id))
        )


@dataclass(frozen=True, slots=True)
class DocumentPage:
    items: list[Document]
    total: int


def list_documents(
    db: Database,
    *,
    viewer_id: int | None = None,
    owned_only: bool = False,
    offset: int = 0,
    limit: int = 50,
) -> DocumentPage:
    """Newest first; `owned_only` lists just the viewer's private documents."""
    if owned_only:
        if viewer_id is None:
            return DocumentPage([], 0)
        where: ColumnElement[bool] = Document.owner_id == viewer_id
    else:
        where = visible_to(viewer_id)
    with db.sessions() as session:
        total = int(session.scalar(select(func.count(Document.id)).where(where)) or 0)
        items = list(
            session.scalars(
                select(Document)
                .where(where)
                .order_by(Document.created_at.desc(), Document.id.desc())
                .offset(max(0, offset))
                .limit(max(1, min(limit, 200)))
            )
        )
    return DocumentPage(items, total)


def document_json(document: Document, *, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "publisher": document.publisher,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "language": document.language,
        "kind": document.kind,
        "public": document.owner_id is None,
        "summary": document.summary,
        "tags": list(document.tags or []),
        "sentiment": document.sentiment,
        "market": document.market,
    }
    if with_text:
        out["text"] = document.text
        out["labels"] = dict(document.labels or {})
        out["chunks"] = [
            {"id": c.id, "ordinal": c.ordinal, "char_start": c.char_start, "char_end": c.char_end}
            for c in document.chunks
        ]
    return out
