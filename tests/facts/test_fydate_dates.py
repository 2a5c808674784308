"""Dates in long-form analysis articles with a publication date (fydate round): a pipe table's
figures dated by their column's header, a span since a named year, a total over a span of
years, this offering's raise, a report's release month, a title in a list of sources, a lead
time, a deadline, a valuation told after a quarter's results, and figures told as reached
already (no forecast, no year carried from another paragraph)."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, when

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青梧芯片", "远舟智能")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_PUBLISHED = dt.date(2031, 11, 20)


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=_PUBLISHED, entities=_ENTITIES)


_TABLE = (
    "青梧芯片的经营数据如下。\n"
    "财务指标 | 2028年 | 2029年 | 2030年 | 2031年上半年\n"
    "营业收入 | 0.37亿元 | 1.15亿元 | 3.61亿元 | 6.02亿元\n"
    "归母净利润 | -12.70亿元 | -10.40亿元 | -9.35亿元 | -1.88亿元\n"
)


def test_a_pipe_tables_first_column_is_dated_by_its_header_cell() -> None:
    found = _read(_TABLE)
    assert when(at(found, "37000000")) == (dt.date(2028, 12, 31), "2028年")
    assert when(at(found, "-1270000000")) == (dt.date(2028, 12, 31), "2028年")


def test_a_figure_in_no_table_keeps_the_date_before_it() -> None:
    found = _read("2031年上半年，青梧芯片营业收入6.02亿元。")
    assert when(at(found, "602000000")) == (dt.date(2031, 6, 30), "2031年上半年")


def test_a_span_since_a_named_year_runs_to_the_day_of_writing() -> None:
    text = "2030年度公司营收9亿元。2031年以来，科创板IPO募资累计达315.27亿元，主要投向半导体。"
    assert when(at(_read(text), "31527000000")) == (_PUBLISHED, "2031年以来")


def test_a_span_since_an_earlier_year_is_named_as_such() -> None:
    text = "2030年度公司营收9亿元。2029年以来，科创板IPO募资累计达315.27亿元。"
    assert when(at(_read(text), "31527000000")) == (_PUBLISHED, "2029年以来")


def test_a_total_over_a_span_of_years_is_the_spans() -> None:
    text = "2028-2030年，青梧芯片研发投入累计超41亿元，研发费用率维持在高位。"
    fact = at(_read(text), "4100000000")
    assert fact.period == "2028年—2030年"


def test_a_figure_of_the_spans_last_year_alone_keeps_that_year() -> None:
    text = "2028-2030年，青梧芯片营业收入从0.37亿元增长至3.61亿元。"
    assert at(_read(text), "361000000").period == "2030年"


def test_this_offerings_raise_is_not_dated_by_an_earlier_sentences_year() -> None:
    text = (
        "2030年，青梧芯片营业收入3.61亿元。\n\n"
        "根据招股书，青梧芯片此次拟募集资金不超过75亿元，投向新一代芯片。"
    )
    assert when(at(_read(text), "7500000000")) == (_PUBLISHED, None)


def test_a_reports_release_month_dates_none_of_its_figures() -> None:
    text = (
        "根据某研究院2031年3月发布的报告，我国数字经济总规模提升至61.5万亿元，占GDP比重达到45.1%。"
    )
    found = _read(text)
    assert when(at(found, "61500000000000")) == (None, None)
    assert when(at(found, "45.1")) == (None, None)


def test_a_figure_in_a_works_title_takes_no_date_from_outside_it() -> None:
    text = (
        "主要参考信源\n"
        "• 某统计局. 《2030年全国数字经济核心产业增加值占GDP比重为11.2%》. 2031-01-05.\n"
        "• 某研究院. 《我国数字经济规模占GDP比重达到45.1％》. 2031-03-26.\n"
    )
    assert when(at(_read(text), "45.1")) == (None, None)


def test_a_lead_time_names_no_months_of_the_year() -> None:
    text = (
        '"我们建议客户在申请前至少提前6个月进行准备。"\n\n'
        "远舟智能的咨询量增加了35%，客户纷纷询问政策的稳定性。"
    )
    assert at(_read(text), "35").period != "前6个月"


def test_a_deadline_is_no_period_of_a_later_figure() -> None:
    text = (
        "预测显示，远舟智能可能在2033年之前都难以实现盈亏平衡。\n\n"
        "远舟智能的上市意义重大。120亿美元的估值，既是对其技术的肯定。"
    )
    fact = at(_read(text), "12000000000")
    assert fact.metric == "valuation"
    assert fact.as_of is not None and fact.as_of.year == 2031


# (A sentence with a known label, so that the texts below are read at all.)
_LABELLED = "远舟智能营业收入为3亿元。"


_MARKET = "2031年，远舟智能的在线课程收入预计突破72亿元，远舟智能的企业客户续费率{}58%。"
_TITLE = "远舟智能：在线教育业务转型分析"


def test_a_rate_told_as_reached_is_no_forecast_of_the_clause_before() -> None:
    text = _MARKET.format("已超过") + _LABELLED
    assert at(_read(text, _TITLE), "58").metric == "企业客户续费率"


def test_a_rate_not_told_as_reached_stays_the_forecasts() -> None:
    text = _MARKET.format("超过") + _LABELLED
    assert at(_read(text, _TITLE), "58").metric == "企业客户续费率_forecast"


def test_a_launched_plans_count_is_what_it_did() -> None:
    text = '2031年11月19日，远舟智能App启动"冬季免单"计划，上线仅5小时，AI下单量突破800万单。'
    fact = at(_read(text + _LABELLED), "8000000")
    assert fact.metric == "AI下单量"
    assert fact.as_of == dt.date(2031, 11, 19)


def test_a_plan_announced_not_launched_stays_planned() -> None:
    text = "远舟智能宣布计划，募集资金不超过8亿元。"
    assert at(_read(text + _LABELLED), "800000000").metric == "raised_forecast"


def test_a_rate_reached_takes_no_year_from_another_paragraph() -> None:
    text = (
        "2030年远舟智能数据泄露事件同比增长了45%。\n\n"
        "目前教师对AI教学工具的使用仍待提高。\n\n"
        "虽然远舟智能的乡村在线教育覆盖率已达71%，但低资源地区仍面临障碍。"
    )
    assert when(at(_read(text), "71")) == (_PUBLISHED, None)


def test_a_rate_reached_in_the_years_paragraph_keeps_the_year() -> None:
    text = "2030年远舟智能数据泄露事件同比增长了45%。远舟智能的覆盖率已达71%。"
    assert when(at(_read(text), "71")) == (dt.date(2030, 12, 31), "2030年")
