"""Recompute the stored labels of every document (after a lexicon change, or with a model).

Documents are read in id order, a batch per transaction, with the search tokens their
chunks already hold, so a relabel costs about what labelling at ingest does and an
interrupted run leaves every finished batch labelled. What the source itself gave (its tags,
its summary) is kept: `documents.labels` records which tags and summary came from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from touyan.analysis.corpus import StoreIdf
from touyan.analysis.labels import Labeller
from touyan.facts.repository import load_dictionary
from touyan.llm.base import Provider
from touyan.store.db import Database
from touyan.store.models import Chunk, Document

BATCH = 500
ProgressFn = Callable[[int, int], None]  # (documents done, documents in all)
_COLUMNS = ("sentiment", "sentiment_score", "market", "labels", "tags", "summary")


@dataclass(slots=True)
class RelabelReport:
    documents: int = 0
    by_method: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "by_method": dict(self.by_method)}


def relabel(
    db: Database,
    *,
    provider: Provider | None = None,
    batch: int = BATCH,
    on_progress: ProgressFn | None = None,
) -> RelabelReport:
    """Label every document again; with a provider, by the model (offline on any failure)."""
    with db.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(Document)).scalar_one())
        labeller = Labeller(load_dictionary(conn), StoreIdf(db.dialect), provider)
    report = RelabelReport()
    last = 0
    statement = (
        update(Document)
        .where(Document.id == bindparam("doc_id"))
        .values({name: bindparam(name, type_=Document.__table__.c[name].type) for name in _COLUMNS})
    )
    while True:
        with db.engine.begin() as conn:
            rows = conn.execute(
                select(
                    Document.id,
                    Document.title,
                    Document.text,
                    Document.language,
                    Document.tags,
                    Document.summary,
                    Document.labels,
                )
                .where(Document.id > last)
                .order_by(Document.id)
                .limit(batch)
            ).all()
            if not rows:
                break
            tokens = _tokens(conn, [r[0] for r in rows])
            assert isinstance(labeller.idf, StoreIdf)
            labeller.idf.refresh(conn, {t for ts in tokens.values() for t in ts})
            updates = []
            for doc_id, title, text, language, tags, summary, labels in rows:
                source_tags, source_summary = _from_source(tags, summary, labels)
                columns = labeller.columns(
                    text,
                    title,
                    tokens=tokens.get(doc_id, []),
                    language=language if language in ("zh", "en") else None,
                    source_tags=source_tags,
                    source_summary=source_summary,
                )
                method = str(columns["labels"]["method"])
                report.by_method[method] = report.by_method.get(method, 0) + 1
                updates.append({"doc_id": doc_id, **columns})
            conn.execute(statement, updates)
        last = rows[-1][0]
        report.documents += len(rows)
        if on_progress:
            on_progress(report.documents, total)
    return report


def _tokens(conn: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for doc_id, tokens in conn.execute(
        select(Chunk.document_id, Chunk.tokens)
        .where(Chunk.document_id.in_(ids))
        .order_by(Chunk.document_id, Chunk.ordinal)
    ):
        out.setdefault(doc_id, []).extend(tokens.split())
    return out


def _from_source(tags: Any, summary: str | None, labels: Any) -> tuple[list[str], str | None]:
    """The tags and summary the source gave, as recorded when the document was labelled.

    A document never labelled (stored before labels existed) holds only its source's.
    """
    if not isinstance(labels, dict) or "source_tags" not in labels:
        return [str(t) for t in tags or []], summary
    source_tags = [str(t) for t in labels.get("source_tags") or []]
    source_summary = summary if labels.get("summary_source") == "source" else None
    return source_tags, source_summary
