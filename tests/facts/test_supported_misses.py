"""Figures the text states plainly that were missed or filed under another metric: a part's
operating income and margin written as 运营利润 and 营业利润率."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import said

from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 12)
Q1 = dt.date(2025, 3, 31)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY)


def test_a_parts_operating_income_and_margin_are_named_metrics() -> None:
    text = (
        "2025年第一季度，远帆科技(600999)收入同比增长9%。远帆科技云业务营收为60.5亿美元，"
        "同比增长25.3%；不过运营利润达9.87亿美元，同比增长88%，营业利润率提升至16.3%。"
    )
    got = {said(f) for f in facts(text)}
    assert ("远帆科技", "operating_profit", "云业务", Decimal("987000000"), Q1) in got
    assert ("远帆科技", "operating_profit_yoy", "云业务", Decimal("88"), Q1) in got
    assert ("远帆科技", "operating_margin", "云业务", Decimal("16.3"), Q1) in got
    assert ("远帆科技", "revenue", "云业务", Decimal("6050000000"), Q1) in got
