"""The shortcuts ingest takes for speed give what the plain computations give.

Each test here would fail if a shortcut drifted: new ids read off SQLite's rowid run, the
workers' half of the labels finished by the writer, the inlined IDF weights, the cleaned-
token memo when it overflows, and the rarer garbage collections while ingesting.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from touyan.analysis.labels import Labeller
from touyan.analysis.tags import Idf, keywords, lead_counts, weigh_keywords
from touyan.facts.entities import bundled_dictionary
from touyan.ingest import workers
from touyan.ingest.analysis import Analyser, with_corpus_idf
from touyan.ingest.pipeline import ingest
from touyan.ingest.sources.base import RawDocument
from touyan.store.db import Database
from touyan.store.models import Chunk, Document
from touyan.text import segment

ITEMS = [
    (
        "小米集团发布财报",
        "小米集团2024年营收增长35%，净利润大幅增长，股价上涨5.3%。雷军表示将加大研发投入。",
    ),
    ("腾讯控股回购", "腾讯控股今日回购100万股，耗资3.5亿港元。公司称看好长期发展。"),
    ("Apple results", "Apple Inc. reported revenue of $94.9 billion, up 6% from a year ago."),
]


def _jsonl(path: Path, items: list[tuple[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps({"title": t, "text": x}, ensure_ascii=False) + "\n" for t, x in items),
        encoding="utf-8",
    )
    return path


def test_new_ids_follow_their_rows_after_the_newest_document_was_deleted(
    db: Database, tmp_path: Path
) -> None:
    """SQLite's ids come from the rowid run, not RETURNING: after a deletion at the top of
    the table every chunk must still belong to the document whose text it cuts."""
    ingest(db, [str(_jsonl(tmp_path / "a.jsonl", ITEMS))])
    with db.engine.begin() as conn:
        newest = conn.execute(select(Document.id).order_by(Document.id.desc())).scalars().first()
        conn.execute(delete(Chunk).where(Chunk.document_id == newest))
        conn.execute(delete(Document).where(Document.id == newest))
    more = [
        (f"第{i}条快讯", f"贵州茅台第{i}季度营收增长{i + 10}%，净利润{i}亿元。") for i in range(4)
    ]
    report = ingest(db, [str(_jsonl(tmp_path / "b.jsonl", more))])
    assert report.added == 4 and report.failed == []
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                Chunk.document_id, Chunk.char_start, Chunk.char_end, Chunk.text, Document.text
            ).join(Document, Document.id == Chunk.document_id)
        ).all()
        titles = set(conn.execute(select(Document.title)).scalars())
    assert len(rows) == 6
    assert all(doc_text[start:end] == text for _, start, end, text, doc_text in rows)
    assert {t for t, _ in more} <= titles


def test_labels_finished_by_the_writer_equal_labels_computed_at_once() -> None:
    """Workers count tag terms and the lead but weigh nothing; the writer's weighing with the
    store's IDF must equal `Labeller.offline` given that IDF, down to the reasons' order."""
    dictionary = bundled_dictionary()
    analyser = Analyser(dictionary, chunk_chars=800)
    idf = Idf({"小米集团": 3, "营收": 40, "增长": 60, "雷军": 2, "腾讯控股": 5}, 100)
    for title, text in ITEMS:
        doc = analyser.prepare(RawDocument(origin="t", title=title, text=text))
        assert doc.analysis is not None and doc.analysis.labels.tags == []
        finished = with_corpus_idf(doc.analysis, idf)
        tokens = [t for c in doc.chunks for t in c.tokens]
        direct = Labeller(dictionary, idf).offline(
            doc.text, doc.title, tokens=tokens, language=doc.language
        )
        assert finished.tags == direct.tags and finished.tags
        assert finished.keywords == direct.keywords and finished.keywords
        assert list(finished.reasons.items()) == list(direct.reasons.items())


def test_cached_idf_weights_are_the_formula_bit_for_bit() -> None:
    idf = Idf({"a": 0, "bb": 7, "ccc": 99, "dd": 1000}, 1000)
    weights = idf.cached_weights(["a", "bb", "ccc", "dd", "unseen"])
    assert weights is not None
    for token in ("a", "bb", "ccc", "dd", "unseen"):
        assert weights[token] == idf.token(token)
    assert weights["dd"] == 0.05  # the floor
    assert Idf().cached_weights(["a"]) is None


def test_keywords_from_counts_skip_numbers_and_single_characters() -> None:
    tokens = ["2024", "营收", "营收", "x", "小米", "增长", "增长", "增长", "3.5"]
    lead = lead_counts(tokens)
    assert lead.counts == [1, 2, 1, 1, 3, 1]
    assert list(lead.eligible) == [0, 1, 0, 1, 1, 0]
    idf = Idf({"营收": 5, "小米": 1, "增长": 50}, 100)
    assert weigh_keywords(lead, idf) == keywords(tokens, idf) == ["营收", "小米", "增长"]


def test_cleaned_token_memo_overflowing_changes_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "小米集团2024年营收增长35%，净利润1,234亿元。Apple's revenue rose... 的 the"
    expected = segment.tokenize(text)
    monkeypatch.setattr(segment, "_CLEANED", {})
    monkeypatch.setattr(segment, "_CLEANED_MAX", 3)
    assert segment.tokenize(text) == expected
    assert segment.tokenize(text + " 腾讯") == expected + ["腾讯"]
    assert len(segment._CLEANED) <= len(set(segment.segmenter().cut_for_search(text + " 腾讯")))


def test_collections_are_rarer_while_ingesting_and_restored_after() -> None:
    before = gc.get_threshold()
    with workers.fewer_collections():
        with workers.fewer_collections():
            assert gc.get_threshold()[0] >= workers.BULK_GC_THRESHOLD[0]
        assert gc.get_threshold()[0] >= workers.BULK_GC_THRESHOLD[0]  # still inside one
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), workers.fewer_collections():
        raise RuntimeError("an ingest that fails")
    assert gc.get_threshold() == before
