"""Where a figure's date comes from: a day's figure (a price ratio, a rank by market value, a
target price, a trailing window's move or flow) is not dated by a reporting period named before
it; 去年 is last year; a forecast row written in short (25-27年) is one figure a year; a summary
restates a figure as of the day it was first told; a headline's figures are as of the 截至 day
after the day they were disclosed on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技", "澜石材料")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, published: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def _value(facts: list[ExtractedFact], value: str) -> ExtractedFact:
    return next(f for f in facts if f.value == Decimal(value))


def test_a_short_written_forecast_row_is_one_figure_a_year() -> None:
    text = (
        "远帆科技25Q1营收12.1亿元，同比增长5%。维持盈利预测，预计25-27 年归母净利润"
        "3.2/4.1/5.0 亿元，对应PE为18/15/14X。"
    )
    facts = _read(text, dt.date(2025, 5, 4))
    for value, year in (("320000000", 2025), ("410000000", 2026), ("500000000", 2027)):
        fact = _value(facts, value)
        assert fact.metric == "net_profit_forecast"
        assert fact.as_of == dt.date(year, 12, 31)
    # a span of years is no forecast row (and a margin no period names is undated)
    facts = _read("澜石材料的产品寿命可达10-15年，毛利率为30%。", dt.date(2025, 5, 4))
    assert (_value(facts, "30").as_of, _value(facts, "30").period) == (None, None)


def test_a_price_ratio_is_not_dated_by_the_report_before_it() -> None:
    text = (
        "截至2025年3月31日，远帆科技的营业收入为5.2亿元，同比增长3.1%。远帆科技的市盈率(静)"
        "为31.5，市盈率(TTM)为28.7。"
    )
    facts = _read(text, dt.date(2025, 5, 15))
    assert _value(facts, "520000000").as_of == dt.date(2025, 3, 31)
    assert _value(facts, "31.5").as_of == dt.date(2025, 5, 15)
    assert _value(facts, "28.7").as_of == dt.date(2025, 5, 15)


def test_a_rank_by_market_value_is_the_days() -> None:
    text = "2025年第一季度，青禾股份实现营业收入8.6亿元。在光伏设备行业，青禾股份市值排名17/88。"
    facts = _read(text, dt.date(2025, 5, 15))
    assert _value(facts, "17").as_of == dt.date(2025, 5, 15)


def test_a_ratio_on_a_periods_earnings_keeps_the_period() -> None:
    text = "2024年远帆科技净利润30亿元。剔除一次性收益后，核心盈利仅20亿元，对应市盈率高达45倍。"
    facts = _read(text, dt.date(2025, 5, 13))
    assert _value(facts, "45").as_of == dt.date(2024, 12, 31)


def test_a_target_price_after_the_quarterly_report_is_the_days() -> None:
    text = (
        "青禾股份2025年一季报显示，公司主营收入3.1亿元，同比下降8.2%。该股最近90天内共有4家"
        "机构给出评级；过去90天内机构目标均价为18.6。"
    )
    facts = _read(text, dt.date(2025, 5, 15))
    assert _value(facts, "18.6").as_of == dt.date(2025, 5, 15)


def test_last_year_is_the_year_before_publication() -> None:
    text = "记者问到城镇化。去年我国常住人口城镇化率为65.2%，比上年提高0.5个百分点。"
    facts = _read(text, dt.date(2023, 3, 10))
    assert _value(facts, "65.2").as_of == dt.date(2022, 12, 31)
    assert _value(facts, "0.5").as_of == dt.date(2022, 12, 31)
    # 从去年的…: where a change started, not the figure's year
    facts = _read("应收账款从去年的1.5亿元增至2.1亿元，远帆科技毛利率为22%。", dt.date(2025, 5, 13))
    assert _value(facts, "22").as_of != dt.date(2024, 12, 31)


def test_last_year_does_not_date_a_figure_of_a_period_named_before_it() -> None:
    text = (
        "从同比看，PPI下降2.1%。据测算，在2月份2.1%的PPI同比降幅中，"
        "去年商品价格变动的翘尾影响约为-0.9个百分点。"
    )
    facts = _read(text, dt.date(2023, 3, 9), "国家统计局解读：2023年2月份PPI")
    assert _value(facts, "-0.9").as_of != dt.date(2022, 12, 31)


def test_a_trailing_window_runs_back_from_the_day_of_writing() -> None:
    text = (
        "青禾股份2025第一季度营收在该板块中排名为第1名。资金面分析：近5日内该股资金总体呈流出状态，"
        "5日共流出743.2万元。"
    )
    facts = _read(text, dt.date(2025, 4, 20))
    assert _value(facts, "7432000").as_of == dt.date(2025, 4, 20)


def test_a_section_heading_starts_a_new_context() -> None:
    text = (
        "青禾股份2025第一季度营收排名前十的个股见下表：二、青禾股份近期盘面情况1、结合大盘和"
        "个股走势来看：近7日该股总涨跌幅1.23%，跑输大盘。"
    )
    facts = _read(text, dt.date(2025, 4, 20))
    assert _value(facts, "1.23").as_of == dt.date(2025, 4, 20)


def test_a_sources_statement_run_on_after_a_year_is_the_days() -> None:
    text = (
        "2024年公司拟分红50亿元，分红率达60%，创下历史新高有券商发布研报给予远帆科技买入评级"
        "数据显示，远帆科技主力资金净流出1.2亿元"
    )
    facts = _read(text, dt.date(2025, 5, 9))
    assert _value(facts, "120000000").as_of == dt.date(2025, 5, 9)
    assert _value(facts, "60").as_of == dt.date(2024, 12, 31)


def test_a_summary_restates_a_figure_as_of_the_day_it_was_told() -> None:
    text = (
        "### 市场情绪- 公司的质押风险：截至2025年06月06日，澜石材料的质押比例为8.15% "
        "### 总结 综上所述，2025年06月11日澜石材料的主力资金出现了流出，金额为326.4万元。"
        "公司质押比例为8.15%，需要关注质押风险。"
    )
    facts = _read(text, dt.date(2025, 6, 12))
    pledges = [f for f in facts if f.value == Decimal("8.15")]
    assert len(pledges) == 2
    assert all(f.as_of == dt.date(2025, 6, 6) for f in pledges)


def test_a_headline_is_as_of_the_day_after_its_disclosure_day() -> None:
    text = (
        "澜石材料股东户数下降2.3%，户均持股5.1万元澜石材料2025年6月28日在互动易披露，"
        "截至2025年6月20日，公司股东户数为3.2万户，较上期（2025年5月31日）减少750户。"
    )
    facts = _read(text, dt.date(2025, 6, 28))
    assert _value(facts, "-2.3").as_of == dt.date(2025, 6, 20)


def test_the_latest_quarterly_report_names_no_date() -> None:
    text = "在最新的季度报告中，远帆科技的业绩震惊了整个行业。据统计，远帆科技的毛利率突破41%。"
    facts = _read(text, dt.date(2025, 1, 31))
    fact = _value(facts, "41")
    assert fact.as_of is None


def test_the_days_flow_after_a_plan_and_a_years_meeting_is_the_days() -> None:
    text = (
        "消息面上，远帆科技于6月11日召开2024年度股东大会，审议2025年度财务预算等此外，"
        "公司计划向银行申请综合授信额度资金方面，远帆科技当日主力资金净流出512.6万元"
    )
    facts = _read(text, dt.date(2025, 6, 11))
    flow = _value(facts, "5126000")
    assert flow.metric == "main_net_outflow"
    assert flow.as_of == dt.date(2025, 6, 11)
