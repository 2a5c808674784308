"""Dates read the way Chinese financial text writes them (fifth round): 上周 and 上月 against
the day a card states them on, a comparison's base (与去年同期相比), a lead repeating figures
the text dates later, a day no longer a session's, a year named as an act's time, a list of
days, a month-on-month change after a year's total, and a list of quarters."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import dated

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆汽车", "澜石酒店")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str, day: dt.date = _DAY, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_last_week_and_last_month_end_before_the_cards_day() -> None:
    text = (
        "2025年06月12日统计数据：青禾股份的上周成交金额为4376.18万元人民币。"
        "2025年06月12日青禾股份的上月成交金额为2.87亿元人民币。"
    )
    facts = _read(text, day=dt.date(2025, 6, 13))
    assert dated(facts, "turnover", "43761800") == [(dt.date(2025, 6, 8), "上周")]
    assert dated(facts, "turnover", "287000000") == [(dt.date(2025, 5, 31), "上月")]


def test_last_year_same_period_is_a_base_not_a_window() -> None:
    text = "截至2024年9月30日，青禾股份的营业收入为3.67亿元。与去年同期相比，净利润同比下降17.6%。"
    facts = _read(text)
    assert dated(facts, "net_profit_yoy", "-17.6") == [(dt.date(2024, 9, 30), "2024-09-30")]


def test_a_lead_repeating_figures_takes_the_date_the_text_gives_them() -> None:
    text = (
        "一、全国港口累计完成货物吞吐量18123.4万吨，环比下降2.31%； "
        "据交通运输部监测数据，4月28日-5月4日，全国货运物流有序运行，其中："
        "一、全国港口累计完成货物吞吐量18123.4万吨，环比下降2.31%；"
    )
    facts = _read(text, day=dt.date(2025, 5, 6))
    week = (dt.date(2025, 5, 4), "4月28日-5月4日")
    assert dated(facts, "港口累计完成货物吞吐量", "181234000") == [week, week]
    assert dated(facts, "港口累计完成货物吞吐量_qoq", "-2.31") == [week, week]


def test_an_old_calendar_line_names_no_period_of_a_quote() -> None:
    text = (
        "今日关注：①21:00 美国至9月8日当周初请失业金人数。"
        "今开： | 8.42 | 成交量： | 5.21万手 | 振幅： | 1.93%"
    )
    facts = _read(text, day=dt.date(2025, 4, 15), title="青禾股份(600000)行情")
    # no period, nor the calendar line's day: a session the text does not name drops the quote
    assert not [f for f in facts if f.metric in ("open", "volume", "amplitude")]
    # without the calendar line the same quote is the page's, of the day of writing
    quote = "今开： | 8.42 | 成交量： | 5.21万手 | 振幅： | 1.93%"
    facts = _read(quote, day=dt.date(2025, 4, 15), title="青禾股份(600000)行情")
    assert {(f.metric, f.as_of) for f in facts} == {
        ("open", dt.date(2025, 4, 15)),
        ("volume", dt.date(2025, 4, 15)),
        ("amplitude", dt.date(2025, 4, 15)),
    }


def test_a_year_named_as_when_something_was_done_dates_no_period() -> None:
    text = "青禾股份股东回报计划：2025年宣布新增30亿元股票回购计划，叠加稳定分红。"
    facts = [f for f in _read(text) if f.value == 3_000_000_000]
    assert facts and all(f.as_of is None for f in facts)


def test_a_list_of_days_carries_its_last_day() -> None:
    text = (
        "青禾股份发布股票交易异常波动公告，股票连续两个交易日（2025年5月12日、13日）收盘价格"
        "涨幅偏离值累计超过20%。公司市盈率为88.12，远高于行业市盈率21.5。"
    )
    facts = _read(text)
    assert dated(facts, "pe", "88.12") == [(dt.date(2025, 5, 13), "2025-05-13")]


def test_a_month_on_month_change_after_a_years_total_is_the_months() -> None:
    text = (
        "2024年12月份居民消费价格（CPI）同比上涨0.4%，环比持平。2024年全年全国CPI比上年上涨"
        "0.6%。工业生产者出厂价格（PPI）同比下降1.7%，环比下降0.3%。"
    )
    facts = _read(text, day=dt.date(2025, 1, 10))
    assert [p for _, p in dated(facts, "工业生产者出厂价格（PPI）_qoq", "-0.3")] == ["2024年12月份"]


def test_a_sentence_after_a_list_of_quarters_is_the_years() -> None:
    text = (
        "2024年各季度主要财务数据第一季度营业总收入为4.3亿元；第二季度营业总收入为3.9亿元；"
        "第三季度营业总收入为3.5亿元；第四季度营业总收入为4.6亿元。非经常性损益项目计入当期"
        "损益的政府补助为2,468,013.57元。"
    )
    facts = _read(text, title="青禾股份2024年年度报告摘要")
    grants = [f for f in facts if f.value == 2468013.57 or f"{f.value}" == "2468013.57"]
    assert grants and all(f.period == "2024年" for f in grants)
