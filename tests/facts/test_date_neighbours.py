"""Dates that belong to a neighbour, not to the figure: an old calendar line above a quote
page's figures, a later clause's date about its own figure, a plan's future window after a
holding."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技", "澜石材料", "北辰纺机")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, title: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def _fact(facts: list[ExtractedFact], metric: str, value: str) -> ExtractedFact:
    return next(f for f in facts if f.metric == metric and f"{f.value}" == value)


def test_an_old_calendar_line_does_not_date_a_quote_page() -> None:
    # Written in May: the events of 11月3日 are half a year old, the quote is the page's.
    text = (
        "青禾股份周四（11月3日）重点关注财经事件：①15:00 德国10月CPI；②20:30 美国至11月3日"
        "当周初请失业金人数。今开： | 8.42 | 成交量： | 5.10万手 | 最高： | 8.66 | "
        "总市值： | 31.20亿 | 市盈率TTM： | 45.30 |"
    )
    facts = _read(text, "青禾股份(600001)股票股价,行情", dt.date(2025, 5, 8))
    # nor any day: a quote of a session the text does not name is dropped
    assert not [f for f in facts if f.metric in ("open", "high", "market_cap", "pe_ttm")]
    # without the calendar line the same quote is read, of the day the page was written
    quote = text[text.index("今开") :]
    facts = _read(quote, "青禾股份(600001)股票股价,行情", dt.date(2025, 5, 8))
    assert _fact(facts, "open", "8.42").as_of == dt.date(2025, 5, 8)


def test_a_recent_session_still_dates_the_quote_after_it() -> None:
    text = "5月6日，远帆科技收盘上涨3.2%。当日成交额2.35亿元，换手率4.1%。"
    facts = _read(text, "远帆科技收涨", dt.date(2025, 5, 7))
    assert _fact(facts, "turnover_rate", "4.1").as_of == dt.date(2025, 5, 6)


def test_an_old_as_of_day_still_dates_what_it_says_it_dates() -> None:
    # 截至 says the figures after it are that day's, however long before publication.
    text = "截至2025年3月20日，远帆科技股东户数为3.1万户。户均流通市值为8.6万元，总市值为52.3亿元。"
    facts = _read(text, "远帆科技股东户数", dt.date(2025, 4, 10))
    assert _fact(facts, "market_cap", "5230000000").as_of == dt.date(2025, 3, 20)


def test_a_later_clause_year_with_its_own_figure_does_not_date_the_figure_before() -> None:
    text = "2024年，澜石材料营收增长12.5%。原料占成本约65%，2023年原料价格上涨超18%，压力不小。"
    facts = _read(text, "澜石材料分析", dt.date(2025, 5, 6))
    share = next(f for f in facts if f"{f.value}" == "65")
    assert share.as_of != dt.date(2023, 12, 31)


def test_a_year_closing_the_figure_statement_still_dates_it() -> None:
    text = "澜石材料净利润为3.2亿元，2024年。"
    facts = _read(text, "澜石材料年报", dt.date(2025, 4, 20))
    assert _fact(facts, "net_profit", "320000000").as_of == dt.date(2024, 12, 31)


def test_a_plans_future_days_do_not_date_a_holding_stated_now() -> None:
    text = (
        "北辰纺机股东持有公司股份1520万股，占公司总股本6.35%，计划自公告之日起十五个交易日之"
        "后的三个月内（2025年6月3日至2025年9月2日）减持不超过1%。"
    )
    facts = _read(text, "北辰纺机：股东减持计划", dt.date(2025, 5, 9))
    stake = next(f for f in facts if f"{f.value}" == "6.35")
    assert stake.as_of == dt.date(2025, 5, 9)


def test_a_month_in_an_articles_name_does_not_date_the_figures_before_it() -> None:
    text = (
        "我看好的消费股：远帆科技，市值820亿 澜石材料，市值460亿 "
        "发布了文章：《6月布局指南》 谈谈后市。"
    )
    facts = _read(text, "随笔", dt.date(2025, 4, 28))
    assert {f.as_of for f in facts if f.metric == "market_cap"} == {dt.date(2025, 4, 28)}
