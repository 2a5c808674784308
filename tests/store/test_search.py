from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.search import SearchFilters, search

DOCS = [
    {
        "title": "小米完成11亿美元融资",
        "text": "小米宣布完成11亿美元融资，估值450亿美元，云锋基金出资2.5亿美元。",
        "url": "https://example.com/xiaomi",
        "published_at": "2014-12-29",
        "kind": "news",
    },
    {
        "title": "云锋基金简介",
        "text": "云锋基金由马云与虞锋于2010年创立，是一家私募股权基金。",
        "url": "https://example.com/yunfeng",
        "published_at": "2011-04-01",
        "kind": "report",
    },
    {
        "title": "Xiaomi valued at $45 billion",
        "text": "Xiaomi raised $1.1 billion in a round that valued the phone maker at $45 billion.",
        "url": "https://example.com/en",
        "published_at": "2014-12-30",
        "kind": "news",
    },
    {
        "title": "贵州茅台年报",
        "text": "贵州茅台2024年实现营业总收入1741.44亿元，同比增长15.66%。",
        "url": "https://example.com/moutai",
        "published_at": "2025-04-03",
        "kind": "filing",
    },
]


@pytest.fixture
def loaded(db: Database, tmp_path: Path) -> Database:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCS), encoding="utf-8")
    report = ingest(db, [str(path)])
    assert report.added == len(DOCS)
    return db


def titles(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.title for r in results]


def test_bm25_prefers_documents_with_more_query_terms(loaded: Database) -> None:
    assert titles(search(loaded, "云锋基金 小米 融资"))[:2] == [
        "小米完成11亿美元融资",
        "云锋基金简介",
    ]
    assert titles(search(loaded, "Xiaomi valuation billion"))[0] == "Xiaomi valued at $45 billion"


def test_words_inside_longer_words_are_found(loaded: Database) -> None:
    assert "云锋基金简介" in titles(search(loaded, "云锋"))


def test_filters(loaded: Database) -> None:
    since = SearchFilters(since=dt.datetime(2014, 12, 30))
    assert set(titles(search(loaded, "小米 Xiaomi 茅台", filters=since))) == {
        "Xiaomi valued at $45 billion",
        "贵州茅台年报",
    }
    until = SearchFilters(until=dt.datetime(2012, 1, 1))
    assert titles(search(loaded, "云锋基金 小米", filters=until)) == ["云锋基金简介"]
    assert titles(
        search(loaded, "云锋基金 小米 茅台", filters=SearchFilters(kinds=("filing",)))
    ) == ["贵州茅台年报"]
    assert titles(search(loaded, "Xiaomi 小米", filters=SearchFilters(languages=("en",)))) == [
        "Xiaomi valued at $45 billion"
    ]


def test_private_documents_are_scoped_to_their_owner(loaded: Database, tmp_path: Path) -> None:
    path = tmp_path / "private.jsonl"
    path.write_text(
        json.dumps({"title": "我的笔记", "text": "小米私有研究笔记：云锋基金。"}), encoding="utf-8"
    )
    ingest(loaded, [str(path)], owner_id=7)
    assert "我的笔记" not in titles(search(loaded, "私有研究笔记"))
    assert "我的笔记" not in titles(
        search(loaded, "私有研究笔记", filters=SearchFilters(owner_id=8))
    )
    assert titles(search(loaded, "私有研究笔记", filters=SearchFilters(owner_id=7))) == ["我的笔记"]


def test_snippet_marks_matched_terms(loaded: Database) -> None:
    result = search(loaded, "营业总收入")[0]
    assert "**营业总收入**" in result.snippet
    assert result.url == "https://example.com/moutai"
    assert result.published_at == dt.datetime(2025, 4, 3)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "小米 AND",
        "OR OR OR",
        "*",
        "小米*",
        "-小米",
        "(小米",
        "NEAR(小米 融资)",
        "'; DROP TABLE documents; --",
        "title:小米",
        "^小米",
        '小米" OR 1=1 --',
        "",
        "   ",
        "的 了 和",
    ],
)
def test_hostile_queries_never_error_or_inject(loaded: Database, query: str) -> None:
    results = search(loaded, query)
    assert isinstance(results, list)
    assert len(search(loaded, "小米")) >= 1  # the table is still there


def test_query_operators_are_plain_words(loaded: Database) -> None:
    assert titles(search(loaded, "小米 AND 茅台"))[0] in {"小米完成11亿美元融资", "贵州茅台年报"}
    assert set(titles(search(loaded, "小米 AND 茅台"))) >= {"小米完成11亿美元融资", "贵州茅台年报"}


def test_pruned_candidates_rank_like_the_full_query(loaded: Database) -> None:
    """With a tiny budget only the rarest term finds candidates; BM25 still uses every term."""
    from touyan.store.search import backend_for
    from touyan.text.segment import query_tokens

    backend_type = type(backend_for(loaded.dialect))
    tokens = query_tokens("云锋基金 小米 融资 估值")
    with loaded.engine.connect() as conn:
        full = backend_type(budget=10**9).rank(conn, tokens, SearchFilters(), 10)  # type: ignore[call-arg]
        pruned = backend_type(budget=1).rank(conn, tokens, SearchFilters(), 10)  # type: ignore[call-arg]
    assert full and pruned
    assert pruned[0].chunk_id == full[0].chunk_id
    assert {r.chunk_id for r in pruned} <= {r.chunk_id for r in full}


@pytest.fixture
def common_words(db: Database, tmp_path: Path) -> Database:
    """Twelve chunks say 市场; the even ones 消费, the odd ones 出口; the first six 增长;
    chunk 4 also 回暖."""
    rows = []
    for i in range(12):
        words = ["市场", "消费" if i % 2 == 0 else "出口"]
        words += (["增长"] if i < 6 else []) + (["回暖"] if i == 4 else [])
        rows.append({"title": f"第{i}篇", "text": f"今日{'、'.join(words)}情况简报编号{i}。"})
    path = tmp_path / "common.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert ingest(db, [str(path)]).added == 12
    return db


def _rank(db: Database, query: str, budget: int, limit: int = 10) -> list[int]:
    from touyan.store.search import backend_for
    from touyan.text.segment import query_tokens

    backend = type(backend_for(db.dialect))(budget=budget)  # type: ignore[call-arg]
    with db.engine.connect() as conn:
        ranked = backend.rank(conn, query_tokens(query), SearchFilters(), limit)
    return [r.chunk_id for r in ranked]


def _has(db: Database, chunk_id: int, *words: str) -> bool:
    text = _chunk_text(db, chunk_id)
    return all(w in text for w in words)


def test_rare_terms_find_the_candidates(common_words: Database) -> None:
    # 市场 (12) and 消费 (6) are over a budget of 3; 回暖 (1) fits and finds its chunk.
    ids = _rank(common_words, "市场 消费 回暖", budget=3)
    assert len(ids) == 1 and _has(common_words, ids[0], "回暖")


def test_common_terms_take_chunks_with_every_term(common_words: Database) -> None:
    # 消费 and 增长 (6 each) are over a budget of 4; three chunks have both, which fit.
    ids = _rank(common_words, "消费 增长", budget=4)
    assert len(ids) == 3 and all(_has(common_words, i, "消费", "增长") for i in ids)


def test_common_terms_never_together_still_find_the_newest(common_words: Database) -> None:
    # 消费 and 出口 (6 each) never share a chunk: no chunk has every term, so the newest
    # chunks with one of them are ranked, not nothing.
    ids = _rank(common_words, "消费 出口", budget=3)
    assert len(ids) >= 3
    assert all(_has(common_words, i, "消费") or _has(common_words, i, "出口") for i in ids)


def test_only_very_common_terms_search_the_newest_matches(common_words: Database) -> None:
    from touyan.store.models import Chunk

    ids = _rank(common_words, "市场", budget=3, limit=3)
    with common_words.sessions() as s:
        every = s.scalars(select(Chunk.id).where(Chunk.text.contains("市场"))).all()
    assert len(every) == 12
    assert sorted(ids, reverse=True) == sorted(every, reverse=True)[:3]


def _chunk_text(db: Database, chunk_id: int) -> str:
    from touyan.store.models import Chunk

    with db.sessions() as s:
        chunk = s.get(Chunk, chunk_id)
        assert chunk is not None
        return chunk.text
