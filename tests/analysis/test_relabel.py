from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, update

from touyan.analysis.relabel import relabel
from touyan.ingest.pipeline import ingest
from touyan.llm import ScriptedProvider
from touyan.store.db import Database
from touyan.store.models import Document

MARKDOWN = """---
title: 云锋基金投资小米
date: 2024-05-01
tags: [小米, 私募]
summary: 作者写的摘要。
---
云锋基金领投小米新一轮融资，小米估值达到450亿美元。这笔风险投资备受关注。
"""


def test_relabel_recomputes_and_keeps_what_the_source_gave(db: Database, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("贵州茅台发布公告\n公司被证监会立案调查。", encoding="utf-8")
    assert ingest(db, [str(tmp_path)]).added == 2
    with db.engine.begin() as conn:
        before = {
            r[0]: r[1:] for r in conn.execute(select(Document.id, Document.tags, Document.summary))
        }
        conn.execute(update(Document).values(sentiment="bullish", market="us"))
    progress: list[tuple[int, int]] = []
    report = relabel(db, batch=1, on_progress=lambda done, total: progress.append((done, total)))
    assert report.documents == 2 and report.by_method == {"offline": 2}
    assert progress == [(1, 2), (2, 2)]
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                Document.id, Document.sentiment, Document.market, Document.tags, Document.summary
            )
        ).all()
    for doc_id, sentiment, market, tags, summary in rows:
        assert market == "cn_a" or "xiaomi" in tags
        # Tags may be reweighed (the store's IDF now counts these documents), never doubled.
        assert summary == before[doc_id][1] and len(tags) == len(set(tags))
        if "小米" in tags:
            assert tags[:2] == ["小米", "私募"] and summary == "作者写的摘要。"
            assert {"xiaomi", "venture_capital"} <= set(tags)
        else:
            assert sentiment == "bearish"


def test_relabel_with_a_model(db: Database, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("贵州茅台发布公告\n公司业绩预增。", encoding="utf-8")
    ingest(db, [str(tmp_path)])
    reply = json.dumps(
        {
            "sentiment": "bullish",
            "sentiment_score": 0.6,
            "sentiment_reason": "业绩预增",
            "evidence_phrases": ["业绩预增"],
            "market": "cn_a",
            "market_reason": "A股公司",
            "tags": ["moutai", "earnings"],
            "summary": "贵州茅台业绩预增。",
        },
        ensure_ascii=False,
    )
    report = relabel(db, provider=ScriptedProvider([reply]))
    assert report.by_method == {"llm": 1}
    with db.engine.connect() as conn:
        labels, tags = conn.execute(select(Document.labels, Document.tags)).one()
    assert labels["method"] == "llm" and labels["reasons"]["sentiment"] == "业绩预增"
    assert tags == ["moutai", "earnings"]
