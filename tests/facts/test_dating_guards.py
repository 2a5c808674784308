"""Dates a figure must not take: a weekend day for a session's quote, a period named in a
section that is over, a year a bond is named by before 报告期, the day of writing for a
forecast some years on or for GDP over the year so far; and a hypothesis's sums, which are
no facts at all."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, dated

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("岚峰电子", "白鹭科技", "澄湖酒业")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_SUNDAY = dt.date(2025, 3, 9)


def _read(text: str, day: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_a_quote_of_today_in_a_sunday_article_is_fridays() -> None:
    text = "岚峰电子今天的涨跌幅度是2.10%，振幅3.72%，最高价格18.66元，最低价格17.95元。"
    facts = _read(text, _SUNDAY)
    assert at(facts, "18.66", "high").as_of == dt.date(2025, 3, 7)
    assert at(facts, "17.95", "low").as_of == dt.date(2025, 3, 7)


def test_a_close_before_a_sunday_announcement_is_the_last_sessions() -> None:
    text = "岚峰电子（SZ 000999，收盘价：9.87元）3月9日发布公告称，公司将召开股东大会。"
    assert dated(_read(text, _SUNDAY), "close", "9.87") == [(dt.date(2025, 3, 7), "2025-03-07")]


def test_a_weekend_day_written_before_the_price_stays() -> None:
    text = "从长期来看，2024年3月10日岚峰电子股价是6.50元，到2025年3月7日涨到了8.10元。"
    facts = _read(text, dt.date(2025, 3, 12))
    assert at(facts, "6.50", "price").as_of == dt.date(2024, 3, 10)


def test_a_period_of_an_earlier_numbered_section_does_not_date_the_next() -> None:
    text = (
        "## 涨跌归因### 1. 业绩支撑白鹭科技25Q1业绩超预期，净利润同比增长31%。"
        "### 2. 新品放量白鹭科技智能终端月活已超过2.4亿，用户增长明显。"
    )
    facts = _read(text, dt.date(2025, 5, 20))
    assert at(facts, "240000000").as_of == dt.date(2025, 5, 20)


def test_a_period_of_a_sibling_subheading_goes_on() -> None:
    text = (
        "### 财务分析 #### 盈利能力 2025年第一季度，白鹭科技营业收入82.5亿元，同比增长9%。"
        " #### 资产结构 公司总资产达1630.2亿元，财务稳健。"
    )
    facts = _read(text, dt.date(2025, 5, 20))
    assert at(facts, "163020000000").as_of == dt.date(2025, 3, 31)


def test_report_period_use_of_bond_funds_is_not_the_issue_year() -> None:
    text = (
        "募集资金使用情况2019年公开发行公司债券，募集资金总额为8亿元，"
        "报告期内已使用金额为12,345.67万元，累计投入金额为70,210.50万元。"
    )
    facts = _read(text, dt.date(2025, 4, 28), title="澄湖酒业年度报告摘要")
    assert at(facts, "123456700").as_of == dt.date(2025, 4, 28)
    assert at(facts, "702105000").as_of == dt.date(2025, 4, 28)


def test_the_sums_of_a_hypothesis_are_no_facts() -> None:
    text = (
        "按去年每股52.30元的收益测算，假设今年利润增长8%，那么澄湖酒业每股收益将达到56.48元，"
        "对应1130元的股价是20倍市盈率。此时澄湖酒业的市盈率大约是16.2倍。"
    )
    facts = _read(text, dt.date(2025, 4, 20))
    assert not [f for f in facts if f"{f.value}" in ("56.48", "16.2")]
    # stated without the hypothesis, the earnings per share is a figure
    facts = _read("澄湖酒业每股收益为56.48元，市盈率大约是16.2倍。", dt.date(2025, 4, 20))
    assert (at(facts, "56.48").subject, at(facts, "56.48").metric) == ("澄湖酒业", "eps")


def test_a_forecast_some_years_on_is_dated_then() -> None:
    text = "以当前价格来算，澄湖酒业持有3年后，预计股息率至少4.5%起步，到时候更高也有可能。"
    facts = _read(text, dt.date(2025, 4, 20))
    yields = [f for f in facts if f.metric.startswith("dividend_yield")]
    assert [(f.as_of, f.period) for f in yields] == [(dt.date(2028, 4, 20), "3年后")]


def test_gdp_over_the_year_so_far_is_the_last_quarter_released() -> None:
    text = "今年以来，我国经济稳中向好，GDP同比增长5.1%。同期，全社会用电量增长3.0%。"
    facts = _read(text, dt.date(2025, 8, 10))
    assert at(facts, "5.1").as_of == dt.date(2025, 6, 30)


def test_a_price_band_over_two_months_is_the_spans() -> None:
    text = "中期来看，从2024年10月到2025年3月，岚峰电子的股价一直在30-36元之间震荡。"
    facts = _read(text, dt.date(2025, 5, 10))
    band = at(facts, "30", "price")
    assert (band.as_of, band.period) == (dt.date(2025, 3, 31), "2024年10月到2025年3月")
