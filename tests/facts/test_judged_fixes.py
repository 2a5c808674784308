"""Errors of the hand-judged dev sample (bench/judged.py) fixed on 2026-12-04, each in our own
sentences: who a figure is about, what it measures and when it holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY)


def test_the_world_compared_with_is_not_the_subject() -> None:
    text = "作为全球第一大造船国，中国在全球造船业中的份额已经达到55%。"
    assert {f.subject for f in facts(text)} == {"中国"}
    text = (
        "国家统计局公布4月数据。4月全球铜价大涨。中国4月工业增加值同比增长6.1%。出口环比增长2.5%。"
    )
    assert {f.subject for f in facts(text) if f.metric.startswith("出口")} == {"中国"}


def test_a_list_compared_month_on_month_is_month_on_month() -> None:
    text = "统计局公布4月物价数据。门票、快递费和理发价格环比分别上涨2.1%、1.4%和0.6%。"
    metrics = [f.metric for f in facts(text, title="4月中国物价")]
    assert metrics == ["门票_qoq", "快递费_qoq", "理发价格_qoq"]


def test_a_month_day_after_a_reported_quarter_is_in_the_publication_year() -> None:
    text = (
        "2024年第三季度，华光电子实现营收5.1亿元。TOP3华光电子1月24日10时05分，"
        "华光电子(600123)涨1.5%，报12.30元。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 1, 25))
    moves = [f for f in found if f.metric == "change_pct"]
    assert [f.as_of for f in moves] == [dt.date(2025, 1, 24)]


def test_a_move_over_days_keeps_its_window() -> None:
    text = "5月15日，华光电子(600123)涨1.5%，报12.30元，5日内股价下跌2.4%，今年来上涨8.1%。"
    metrics = {f.metric: f.value for f in facts(text) if f.unit == "%"}
    assert metrics == {
        "change_pct": Decimal("1.5"),
        "近5日涨跌幅": Decimal("-2.4"),
        "change_ytd_pct": Decimal("8.1"),
    }


def test_a_flow_over_days_keeps_its_window() -> None:
    text = (
        "5月15日，华光电子(600123)主力净流出420万元。"
        "5日主力流入1.2亿元，10日主力流入累计达3.4亿元。"
    )
    metrics = [f.metric for f in facts(text)]
    assert metrics == ["main_net_outflow", "5日主力流入", "10日主力流入"]
