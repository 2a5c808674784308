"""Values, units, labels and forecasts a hand-judged sample showed read wrong: a decimal glued to
a thousands group, a price per kilogram filed as money, a Hong Kong quote written in 元, a growth
over a window ahead, a pledged share of a holder's stake read as a stake, a head count narrowed
by a relative clause, a bare 增速 after the periods it lists, a chart's level, and the sums a
hypothesis works out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import format_quantity, parse_numbers
from touyan.web.templating import format_figure

PUBLISHED = dt.date(2025, 5, 15)


@pytest.fixture(scope="module")
def names() -> EntityDictionary:
    return EntityDictionary.of(
        [
            *bundled_entities(),
            EntityRecord("青岚电子", "company"),
            EntityRecord("澄湖动力", "company", tickers=("2389.HK",)),
        ]
    )


def _read(text: str, names: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=PUBLISHED, entities=names)


def _valued(found: list[ExtractedFact], value: str) -> list[ExtractedFact]:
    return [f for f in found if f.value == Decimal(value)]


def test_a_decimal_glued_to_a_thousands_group_is_no_figure(names: EntityDictionary) -> None:
    text = "青岚电子发布一季报，实现营收52.30亿元；归母净利润24.617,318.25亿元，同比+9.12%。"
    assert not _valued(_read(text, names), "24.617")
    assert [q.value for q in parse_numbers("1,318.25亿元")] == [Decimal("131825000000")]


def test_money_per_kilogram_is_a_price_per_unit_not_money(names: EntityDictionary) -> None:
    (q,) = parse_numbers("采购均价为21.36元/千克。")
    assert (q.unit, q.currency, q.text) == ("/千克", "CNY", "21.36元/千克")
    (ranged,) = parse_numbers("报价4100元/吨-4300元/吨")
    assert (ranged.unit, ranged.high) == ("/吨", Decimal(4300))
    (estate,) = parse_numbers("拿地均价23118元/平，")
    assert estate.unit == "/平方米"
    assert parse_numbers("0.8元/股")[0].unit == "money"  # a share is no unit of weight
    assert parse_numbers("3万元/平台")[0].unit == "money"
    assert format_quantity(q) == "21.36元/千克"
    assert format_quantity(q, "en") == "RMB21.36/kg"
    assert format_figure(q.value, q.unit, q.currency, "zh") == "21.36元/千克"
    found = _read("青岚电子原料的采购均价为21.36元/千克。", names)
    assert [(f.unit, f.currency) for f in _valued(found, "21.36")] == [("/千克", "CNY")]


def test_a_quote_beside_a_hong_kong_code_is_in_hong_kong_dollars(names: EntityDictionary) -> None:
    text = "5月15日，澄湖动力(02389)盘中上涨1.37%，报8.62元/股，成交1.93亿元。"
    found = _read(text, names)
    assert [f.currency for f in _valued(found, "8.62")] == ["HKD"]
    assert [f.currency for f in _valued(found, "193000000")] == ["HKD"]
    mainland = _read("5月15日，青岚电子(301288)盘中上涨1.37%，报8.62元/股。", names)
    assert [f.currency for f in _valued(mainland, "8.62")] == ["CNY"]


def test_a_growth_over_the_years_ahead_is_a_forecast(names: EntityDictionary) -> None:
    text = (
        "青岚电子个股诊断：最近四个季度ROE为18.25%；"
        "未来三年净利润复合增长率为27.41%，高于市场上71%的公司。"
    )
    found = _read(text, names)
    assert [f.metric for f in _valued(found, "27.41")] == ["未来三年净利润复合增长率_forecast"]
    assert [f.metric for f in _valued(found, "71")] == ["未来三年净利润复合增长率_above_market_pct"]
    assert [f.metric for f in _valued(found, "18.25")] == ["roe"]


def test_a_pledged_share_of_a_holders_stake_is_no_stake(names: EntityDictionary) -> None:
    text = "质押方面，青岚电子控股股东某某投资质押股份占其持股比例57.06%，暂无平仓风险。"
    found = _valued(_read(text, names), "57.06")
    assert [(f.subject, f.metric) for f in found] == [("青岚电子", "控股股东质押股份占其持股比例")]


def test_a_relative_clause_narrows_a_head_count(names: EntityDictionary) -> None:
    text = (
        "我国城镇化继续推进。2020年，迁往县城的务工人口为1.42亿人，占整个务工人口的比重达到"
        "63.8%，比2010年提高了2.9个百分点。"
    )
    found = _read(text, names)
    assert [f.metric for f in _valued(found, "142000000")] == ["迁往县城的务工人口"]
    assert [f.metric for f in _valued(found, "63.8")] == ["迁往县城的务工人口占整个务工人口比重"]
    city = _read("2020年，上海的常住人口为2400万人。", names)
    assert all(not f.metric.startswith("上海") for f in city)


def test_a_bare_growth_after_listed_periods_is_the_named_ones(names: EntityDictionary) -> None:
    text = "青岚电子经营平稳。费用方面，EBIT24Q1、24H1、2024 增速为-7.18%、-6.4%、-5.9%。"
    found = _valued(_read(text, names), "-7.18")
    assert [f.metric for f in found] == ["EBIT增速"]


def test_a_chart_level_is_no_quote(names: EntityDictionary) -> None:
    text = "青岚电子股价在14-17元区间整理。近期放量突破17元平台，短期趋势转强。"
    assert not _valued(_read(text, names), "17")


def test_what_a_hypothesis_works_out_is_no_fact(names: EntityDictionary) -> None:
    text = (
        "假设27年青岚电子利润增长6%，每股收益达到3.2元以上，分红率为60%，则每股分红1.92元，"
        "对应41元的成本价，股息率为4.68%。"
    )
    found = _read(text, names)
    assert not _valued(found, "4.68")
    assert not _valued(found, "1.92")
    # a yield worked out on a past year's dividend is the company's
    found = _read("2024年青岚电子每股分红1.92元，对应41元的股价，股息率为4.68%。", names)
    assert [(f.subject, f.metric) for f in _valued(found, "4.68")] == [
        ("青岚电子", "dividend_yield")
    ]
