"""Writes prepared documents in batches: dedup against the store, insert, index — atomically.

Each batch is one transaction, so a document is stored with all of its chunks and index
rows, or not at all; a failed batch leaves nothing behind and is reported per document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from touyan.analysis.corpus import StoreIdf
from touyan.analysis.labels import Labeller, label_columns
from touyan.facts.repository import Enricher, EnrichmentRows, StoredChunk
from touyan.ingest.analysis import with_corpus_idf
from touyan.ingest.dedup import NearIndex, same_story, similarity
from touyan.ingest.prepare import PreparedDocument
from touyan.llm.base import Provider
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, DocumentVariant, utcnow
from touyan.store.search import backend_for


@dataclass(slots=True)
class WriteOutcome:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    duplicates: int = 0
    near_duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


class StoreWriter:
    """Deduplicating batch writer for one owner scope (None = public documents)."""

    def __init__(
        self, db: Database, *, owner_id: int | None = None, provider: Provider | None = None
    ) -> None:
        self.db = db
        self.owner_id = owner_id
        self.backend = backend_for(db.dialect)
        self.near = NearIndex()
        with db.engine.begin() as conn:
            self.enricher = Enricher(conn, provider)
            rows = conn.execute(
                select(Document.id, Document.near_key).where(
                    Document.near_key.is_not(None), self._visible(Document.owner_id)
                )
            )
            self.near.add_all((r[0], r[1]) for r in rows if r[1])
        # Labels (sentiment, market, tags, summary) are computed offline at ingest, with the
        # store's dictionary and search statistics; `touyan relabel` recomputes them.
        self.idf = StoreIdf(db.dialect)
        self.labeller = Labeller(self.enricher.dictionary, self.idf)

    def _visible(self, column: Any) -> Any:
        if self.owner_id is None:
            return column.is_(None)
        return or_(column.is_(None), column == self.owner_id)

    def write(self, docs: Sequence[PreparedDocument]) -> WriteOutcome:
        outcome = WriteOutcome()
        pending_near: list[tuple[int, str]] = []
        try:
            with self.db.engine.begin() as conn:
                self._write(conn, docs, outcome, pending_near)
        except Exception as exc:  # the whole batch rolled back: report every document in it
            reason = f"database error: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            return WriteOutcome(failed=[(d.origin, reason) for d in docs])
        self.near.add_all(pending_near)
        return outcome

    def _write(
        self,
        conn: Connection,
        docs: Sequence[PreparedDocument],
        outcome: WriteOutcome,
        pending_near: list[tuple[int, str]],
    ) -> None:
        """Classify each document against the store and the batch, then write in bulk.

        New documents inside the batch are known by placeholder keys (-1, -2, …) until the
        bulk insert gives them ids, so a copy later in the same batch still links to them.
        """
        self.idf.refresh(conn, chain.from_iterable(c.tokens for d in docs for c in d.chunks))
        by_hash = self._known_hashes(conn, {d.content_hash for d in docs})
        by_url = self._known_urls(conn, {d.canonical_url for d in docs if d.canonical_url})
        adds: list[PreparedDocument] = []
        variants: list[tuple[int, PreparedDocument, float]] = []
        batch_near = NearIndex()
        for doc in docs:
            if doc.content_hash in by_hash:
                target = by_hash[doc.content_hash]
                if doc.canonical_url and doc.canonical_url not in by_url:
                    variants.append((target, doc, 1.0))
                    by_url[doc.canonical_url] = target
                outcome.duplicates += 1
            elif (
                doc.canonical_url and doc.canonical_url in by_url and by_url[doc.canonical_url] > 0
            ):
                doc_id = by_url[doc.canonical_url]
                self._replace(conn, doc_id, doc)
                by_hash[doc.content_hash] = doc_id
                outcome.updated.append(doc_id)
            elif (original := self._near_original(conn, doc, batch_near, adds)) is not None:
                variants.append((original[0], doc, original[1]))
                by_hash[doc.content_hash] = original[0]
                outcome.near_duplicates += 1
            else:
                key = -1 - len(adds)
                adds.append(doc)
                by_hash[doc.content_hash] = key
                if doc.canonical_url:
                    by_url[doc.canonical_url] = key
                if doc.near_key:
                    batch_near.add(key, doc.near_key)
        ids = self._insert_documents(conn, adds)
        outcome.added.extend(ids)
        pending_near.extend((i, d.near_key) for i, d in zip(ids, adds, strict=True) if d.near_key)
        for target, doc, score in variants:
            doc_id = ids[-1 - target] if target < 0 else target
            self._add_variant(conn, doc_id, _version_of(doc), score)

    def _known_hashes(self, conn: Connection, hashes: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for table_hash, table_doc, owner in (
            (Document.content_hash, Document.id, Document.owner_id),
            (DocumentVariant.content_hash, DocumentVariant.document_id, Document.owner_id),
        ):
            query = select(table_hash, table_doc)
            if table_doc is not Document.id:
                query = query.join(Document, Document.id == table_doc)
            for h, doc_id in conn.execute(
                query.where(table_hash.in_(hashes), self._visible(owner))
            ):
                found.setdefault(h, doc_id)
        return found

    def _known_urls(self, conn: Connection, urls: set[str]) -> dict[str, int]:
        if not urls:
            return {}
        query = select(Document.canonical_url, Document.id).where(
            Document.canonical_url.in_(urls),
            Document.owner_id.is_(None)
            if self.owner_id is None
            else Document.owner_id == self.owner_id,
        )
        return {url: doc_id for url, doc_id in conn.execute(query) if url}

    def _near_original(
        self,
        conn: Connection,
        doc: PreparedDocument,
        batch_near: NearIndex,
        adds: list[PreparedDocument],
    ) -> tuple[int, float] | None:
        if not doc.near_key:
            return None
        texts: list[tuple[int, str]] = [
            (k, adds[-1 - k].text) for k in batch_near.candidates(doc.near_key)
        ]
        stored = self.near.candidates(doc.near_key)
        if stored:
            texts += conn.execute(
                select(Document.id, Document.text).where(Document.id.in_(stored))
            ).all()
        for doc_id, text in texts:
            similarity = same_story(doc.text, text)
            if similarity is not None:
                return doc_id, similarity
        return None

    def _add_variant(
        self, conn: Connection, doc_id: int, version: dict[str, Any], score: float
    ) -> None:
        row = {**version, "document_id": doc_id, "similarity": round(score, 4)}
        conn.execute(insert(DocumentVariant), {**row, "created_at": utcnow()})

    def _insert_documents(self, conn: Connection, docs: list[PreparedDocument]) -> list[int]:
        if not docs:
            return []
        ids = self._insert_rows(conn, Document, [self._document_row(d) for d in docs])
        chunk_rows = [
            row for doc_id, doc in zip(ids, docs, strict=True) for row in _chunk_rows(doc_id, doc)
        ]
        chunk_ids = self._insert_chunks(conn, chunk_rows)
        stored: dict[int, list[StoredChunk]] = {}
        for chunk_id, row in zip(chunk_ids, chunk_rows, strict=True):
            stored.setdefault(row["document_id"], []).append(
                StoredChunk(chunk_id, row["document_id"], row["char_start"], row["char_end"])
            )
        rows = EnrichmentRows()
        for doc_id, doc in zip(ids, docs, strict=True):
            self._enrich(rows, doc_id, doc, stored.get(doc_id, []))
        rows.insert(conn)
        return ids

    def _enrich(
        self, rows: EnrichmentRows, doc_id: int, doc: PreparedDocument, chunks: list[StoredChunk]
    ) -> None:
        analysis = doc.analysis
        self.enricher.collect(
            rows,
            doc_id,
            doc.text,
            doc.title,
            doc.published_at,
            chunks,
            mentions=analysis.mentions if analysis else None,
            facts=analysis.facts if analysis else None,
        )

    def _replace(self, conn: Connection, doc_id: int, doc: PreparedDocument) -> None:
        """A known URL with new text: the stored document takes the new version.

        The old version is kept as a variant, so its hash stays known and re-ingesting it
        later counts as a duplicate instead of flipping the document back.
        """
        previous = conn.execute(
            select(*_VARIANT_COLUMNS, Document.text).where(Document.id == doc_id)
        ).one()
        version = dict(zip(_VARIANT_FIELDS, previous, strict=False))
        self._add_variant(conn, doc_id, version, similarity(previous.text, doc.text))
        old = conn.execute(select(Chunk.id, Chunk.tokens).where(Chunk.document_id == doc_id)).all()
        self.backend.unindex(conn, [(r[0], r[1]) for r in old])
        conn.execute(delete(Chunk).where(Chunk.document_id == doc_id))
        row = self._document_row(doc)
        row.pop("created_at")
        conn.execute(update(Document).where(Document.id == doc_id).values(**row))
        rows = _chunk_rows(doc_id, doc)
        ids = self._insert_chunks(conn, rows)
        chunks = [
            StoredChunk(i, doc_id, r["char_start"], r["char_end"])
            for i, r in zip(ids, rows, strict=True)
        ]
        found = EnrichmentRows()
        self._enrich(found, doc_id, doc, chunks)
        found.insert(conn)

    def _insert_chunks(self, conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        ids = self._insert_rows(conn, Chunk, rows)
        self.backend.index(conn, [(i, r["tokens"]) for i, r in zip(ids, rows, strict=True)])
        return ids

    def _insert_rows(
        self, conn: Connection, table: type[Document] | type[Chunk], rows: list[dict[str, Any]]
    ) -> list[int]:
        """Insert the rows; their new ids, in row order.

        SQLite cannot promise RETURNING's order, so SQLAlchemy would insert row by row
        (a third of the writer's time). There one executemany does it: inside the write
        transaction an INTEGER PRIMARY KEY without AUTOINCREMENT takes max(id) + 1 per
        row, so the ids are the run ending at the last one, which is checked.
        """
        if self.db.dialect != "sqlite":
            return list(
                conn.execute(
                    insert(table).returning(table.id, sort_by_parameter_order=True), rows
                ).scalars()
            )
        conn.execute(insert(table), rows)
        last = int(conn.exec_driver_sql("SELECT last_insert_rowid()").scalar_one())
        first = last - len(rows) + 1
        name = table.__tablename__
        found = conn.exec_driver_sql(
            f"SELECT count(*), min(id) FROM {name} WHERE id >= ?", (first,)
        ).one()
        if (found[0], found[1]) != (len(rows), first):
            raise RuntimeError(f"{name}: new ids are not one run ending at {last}")
        return list(range(first, last + 1))

    def _document_row(self, doc: PreparedDocument) -> dict[str, Any]:
        return {
            "url": doc.url,
            "canonical_url": doc.canonical_url,
            "title": doc.title,
            "publisher": doc.publisher,
            "published_at": doc.published_at,
            "language": doc.language,
            "kind": doc.kind,
            "owner_id": self.owner_id,
            "content_hash": doc.content_hash,
            "near_key": doc.near_key,
            "text": doc.text,
            "summary": doc.summary,
            "tags": doc.tags,
            "meta": {"origin": doc.origin},
            "created_at": utcnow(),
            **self._label_columns(doc),
        }

    def _label_columns(self, doc: PreparedDocument) -> dict[str, Any]:
        if doc.analysis is None:
            return self.labeller.columns(
                doc.text,
                doc.title,
                tokens=[t for c in doc.chunks for t in c.tokens],
                language=doc.language,
                source_tags=doc.tags,
                source_summary=doc.summary,
            )
        labels = with_corpus_idf(doc.analysis, self.idf)
        return label_columns(labels, source_tags=doc.tags, source_summary=doc.summary)


_VARIANT_FIELDS = ("url", "canonical_url", "title", "publisher", "published_at", "content_hash")
_VARIANT_COLUMNS = [getattr(Document, name) for name in _VARIANT_FIELDS]


def _version_of(doc: PreparedDocument) -> dict[str, Any]:
    """The fields a variant keeps about one publication of a story."""
    return {name: getattr(doc, name) for name in _VARIANT_FIELDS}


def _chunk_rows(doc_id: int, doc: PreparedDocument) -> list[dict[str, Any]]:
    return [
        {
            "document_id": doc_id,
            "ordinal": c.ordinal,
            "text": c.text,
            "char_start": c.char_start,
            "char_end": c.char_end,
            "page": c.page,
            "tokens": " ".join(c.tokens),
            "token_count": len(c.tokens),
        }
        for c in doc.chunks
    ]
