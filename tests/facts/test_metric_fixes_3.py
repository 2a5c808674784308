"""Metrics, windows and conditions a hand-judged sample showed read wrong: a trailing window's
move filed as the day's, a stock's move with a word of manner before the verb, a yearly
average over a span of years dated by its last year, a hypothesis's premises and a holder
class's threshold filed as figures, a later year's figure not marked a forecast, and units
sold named by the words before 销售."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

PUBLISHED = dt.date(2025, 5, 15)


@pytest.fixture(scope="module")
def names() -> EntityDictionary:
    return EntityDictionary.of(
        [
            *bundled_entities(),
            EntityRecord("华泰星科技", "company"),
            EntityRecord("华泰星成长混合", "fund"),
            EntityRecord("瑞丰汽车", "company", aliases=("瑞丰",)),
        ]
    )


def facts(text: str, names: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=PUBLISHED, entities=names)


def said(found: list[ExtractedFact]) -> set[tuple[object, ...]]:
    return {(f.subject, f.metric, f.object, f.value, f.as_of, f.period) for f in found}


def test_a_trailing_window_names_its_move(names: EntityDictionary) -> None:
    text = (
        "截止2025年05月14日华泰星成长混合单位净值为1.203元、涨跌幅为0.41%、"
        "近三月涨跌幅(当前的近三月涨跌幅是多少)为-3.52%。"
    )
    got = said(facts(text, names))
    day = dt.date(2025, 5, 14)
    assert ("华泰星成长混合", "change_3m_pct", None, Decimal("-3.52"), day, "近三月") in got
    assert ("华泰星成长混合", "change_pct", None, Decimal("0.41"), day, "2025-05-14") in got


def test_a_spaced_window_of_days_names_its_move(names: EntityDictionary) -> None:
    text = "华泰星科技长期走势低迷。最近200 天，股价从 12 元跌到 7 元，跌幅接近 40%。"
    got = said(facts(text, names))
    assert ("华泰星科技", "近200天涨跌幅", None, Decimal("-40"), PUBLISHED, "最近200天") in got
    assert ("华泰星科技", "price", None, Decimal("7"), PUBLISHED, None) in got  # the day's quote


def test_a_windows_fall_written_after_it_keeps_its_sign(names: EntityDictionary) -> None:
    text = "华泰星科技股价已收复部分失地。在经历近一周3.15%的跌幅后，本次反弹力度较强。"
    got = said(facts(text, names))
    assert ("华泰星科技", "change_1w_pct", None, Decimal("-3.15"), PUBLISHED, "近一周") in got


def test_a_stocks_sudden_move_is_its_change(names: EntityDictionary) -> None:
    text = "华泰星科技近期走势活跃。5月8日股价突然暴涨8.12%，成交额达到2.3亿元。"
    got = said(facts(text, names))
    day = dt.date(2025, 5, 8)
    assert ("华泰星科技", "change_pct", None, Decimal("8.12"), day, "2025-05-08") in got


def test_a_yearly_average_over_a_span_of_years_has_that_span(names: EntityDictionary) -> None:
    text = (
        "1952—1980 年，我国工业增加值占国内生产总值的比重从17.6% 增加到 43.9%，"
        "平均每年提高 0.94 个百分点。"
    )
    found = [f for f in facts(text, names) if f.value == Decimal("0.94")]
    assert [(f.subject, f.unit, f.as_of, f.period) for f in found] == [
        ("中国", "pp", dt.date(1980, 12, 31), "1952年—1980年")
    ]
    assert found[0].metric.endswith("_avg_annual_change")


def test_a_hypothesis_premises_are_no_figures(names: EntityDictionary) -> None:
    text = (
        "华泰星科技分红测算。假设26年净利润增长9%，每股收益达到3.2元以上，分红率为70%，"
        "则每股分红2.24元，对应56元的股价，股息率为4.1%。"
    )
    # nor are its consequences after 则: the writer's arithmetic on the premise, not told
    assert facts(text, names) == []


def test_a_holder_class_threshold_is_no_stake(names: EntityDictionary) -> None:
    text = (
        "华泰星科技总股本为1.9亿股。持股超5%股东某某创投拟减持，"
        "若减持计划实施完毕，某某创投将不再是公司持股5%以上股东。"
    )
    found = facts(text, names)
    assert Decimal("5") not in {f.value for f in found}
    assert ("华泰星科技", "total_shares", None, Decimal("190000000"), PUBLISHED, None) in said(
        found
    )


def test_a_later_years_figure_is_a_forecast(names: EntityDictionary) -> None:
    text = (
        "粮食产量稳步增长，预计2030年将达到7.3亿吨。"
        "肉类产量稳中有增，其中禽肉、牛肉产量年均分别增长1.8%、0.7%。"
    )
    got = said(facts(text, names, title="《中国农业展望报告（2025—2030）》发布"))
    end = dt.date(2030, 12, 31)
    assert ("中国", "禽肉产量_cagr_forecast", None, Decimal("1.8"), end, "2030年") in got
    assert ("中国", "牛肉产量_cagr_forecast", None, Decimal("0.7"), end, "2030年") in got


def test_units_sold_of_a_named_line_are_its_deliveries(names: EntityDictionary) -> None:
    text = "瑞丰汽车2025年一季度销量突破50万辆。瑞丰星河系列销售12万辆，同比增长15%。"
    got = said(facts(text, names))
    q1, period = dt.date(2025, 3, 31), "2025年一季度"
    assert ("瑞丰汽车", "deliveries", "星河系列", Decimal("120000"), q1, period) in got
    assert ("瑞丰汽车", "deliveries_yoy", "星河系列", Decimal("15"), q1, period) in got
