"""`touyan facts <name>`: facts filed under another written form of the name are found."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from touyan.facts.repository import query_facts
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database

REGISTERED = "华夏中证红利低波动交易型开放式指数证券投资基金"
TEXT = f"{REGISTERED}（512890）2025年5月14日的单位净值为1.2345元。"


def _ingest(db: Database, tmp_path: Path, text: str) -> None:
    doc = tmp_path / "fund.jsonl"
    doc.write_text(json.dumps({"title": "基金净值", "text": text}, ensure_ascii=False))
    assert ingest(db, [str(doc)]).added == 1


def test_a_fund_short_name_finds_facts_under_its_registered_name(
    db: Database, tmp_path: Path
) -> None:
    _ingest(db, tmp_path, TEXT)
    by_full = query_facts(db, entity=REGISTERED, metric="nav")
    assert [(f.subject, str(f.value)) for f in by_full] == [(REGISTERED, "1.2345")]
    by_short = query_facts(db, entity="华夏中证红利低波动ETF", metric="nav")
    assert [(f.subject, str(f.value)) for f in by_short] == [(REGISTERED, "1.2345")]


def test_another_fund_of_the_same_house_is_not_matched(db: Database, tmp_path: Path) -> None:
    _ingest(db, tmp_path, TEXT)
    assert query_facts(db, entity="华夏中证500ETF", metric="nav") == []
    assert query_facts(db, entity="华夏中证红利低波动ETF联接A", metric="nav") == []


def test_a_range_keeps_both_ends_through_the_store(db: Database, tmp_path: Path) -> None:
    text = (
        "华光电子(600123)1月22日晚间披露业绩预告，"
        "预计2024年度归属于上市公司股东的净利润2600万元至3900万元。"
    )
    _ingest(db, tmp_path, text)
    [fact] = query_facts(db, metric="net_profit_forecast")
    assert (fact.value, fact.value_high) == (Decimal("26000000"), Decimal("39000000"))
    shown = fact.to_json()
    assert (shown["value"], shown["value_high"]) == ("26000000", "39000000")
    # A single figure has no upper end.
    _ingest(db, tmp_path, TEXT)
    [nav] = query_facts(db, metric="nav")
    assert nav.value_high is None and nav.to_json()["value_high"] is None
