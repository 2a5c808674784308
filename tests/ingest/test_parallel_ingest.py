"""Ingest's fast path (analysis in worker processes) stores exactly what the plain path does.

The plain path is the writer given bare prepared documents: it scans, extracts and labels
each one itself, as ingest did before the analysis moved out of the writer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from tests.conftest import pg_url_or_skip

from touyan.config import Settings
from touyan.ingest.pipeline import BATCH_SIZE, ingest
from touyan.ingest.prepare import prepare
from touyan.ingest.sources import parse_bytes
from touyan.ingest.store_writer import StoreWriter
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, EntityMention, Fact

LINES = 620  # over one batch of writes, so IDF statistics move between batches


@pytest.fixture
def reference_db(db: Database, tmp_path: Path) -> Iterator[Database]:
    """A second empty store on the same backend as `db`."""
    if db.dialect == "sqlite":
        other = Database(f"sqlite:///{tmp_path / 'reference.db'}")
        other.migrate()
        yield other
        other.close()
        return
    base = pg_url_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    other = Database(f"{base}{sep}options=-csearch_path%3D{schema}")
    other.migrate()
    yield other
    other.close()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def news(shared_data: Path, tmp_path: Path) -> Path:
    source = shared_data / "corpus" / "finna_news.jsonl"
    with source.open(encoding="utf-8") as f:
        lines = [next(f) for _ in range(LINES)]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def plain_ingest(db: Database, path: Path) -> None:
    raws = parse_bytes(path.read_bytes(), name=str(path)).documents
    docs = [prepare(raw, chunk_chars=Settings().chunk_chars) for raw in raws]
    writer = StoreWriter(db)
    for i in range(0, len(docs), BATCH_SIZE):
        assert not writer.write(docs[i : i + BATCH_SIZE]).failed


def stored(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row that ingest computes, without ids the two stores number alike."""
    with db.engine.connect() as conn:
        docs = conn.execute(
            select(
                Document.id,
                Document.title,
                Document.text,
                Document.tags,
                Document.summary,
                Document.sentiment,
                Document.sentiment_score,
                Document.market,
                Document.labels,
                Document.near_key,
            ).order_by(Document.id)
        ).all()
        chunks = conn.execute(
            select(Chunk.document_id, Chunk.ordinal, Chunk.text, Chunk.tokens).order_by(Chunk.id)
        ).all()
        mentions = conn.execute(
            select(
                EntityMention.entity_id,
                EntityMention.document_id,
                EntityMention.chunk_id,
                EntityMention.char_start,
                EntityMention.char_end,
            ).order_by(EntityMention.id)
        ).all()
        facts = conn.execute(
            select(
                Fact.subject_text,
                Fact.metric,
                Fact.object_text,
                Fact.value,
                Fact.unit,
                Fact.currency,
                Fact.period,
                Fact.as_of,
                Fact.document_id,
                Fact.chunk_id,
                Fact.span_start,
                Fact.span_end,
                Fact.quote,
            ).order_by(Fact.id)
        ).all()
    return {
        "documents": [tuple(r) for r in docs],
        "chunks": [tuple(r) for r in chunks],
        "mentions": [tuple(r) for r in mentions],
        "facts": [tuple(r) for r in facts],
    }


def test_worker_processes_store_what_the_plain_writer_stores(
    db: Database, reference_db: Database, news: Path
) -> None:
    report = ingest(db, [str(news)], parallel_min_docs=1)  # force the pool on a small file
    assert report.failed == [] and report.added > BATCH_SIZE
    plain_ingest(reference_db, news)
    fast, plain = stored(db), stored(reference_db)
    assert len(fast["facts"]) > 50 and len(fast["mentions"]) > 100
    assert any(row[3] for row in fast["documents"])  # tags were given
    for table in ("documents", "chunks", "mentions", "facts"):
        assert fast[table] == plain[table], table


def test_in_process_analysis_stores_what_the_plain_writer_stores(
    db: Database, reference_db: Database, news: Path
) -> None:
    report = ingest(db, [str(news)], parallel_min_docs=10**9)
    assert report.failed == []
    plain_ingest(reference_db, news)
    assert stored(db) == stored(reference_db)


def test_a_document_without_text_fails_alone_in_a_worker(db: Database, tmp_path: Path) -> None:
    lines = [f'{{"title": "第{i}条", "text": "小米集团营收增长{i}%。"}}\n' for i in range(5)]
    lines.insert(2, '{"title": "空", "text": "\\u200b\\u200b"}\n')  # empty once normalised
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    report = ingest(db, [str(path)], parallel_min_docs=1)
    assert report.added == 5
    assert len(report.failed) == 1 and report.failed[0][1] == "no text"
