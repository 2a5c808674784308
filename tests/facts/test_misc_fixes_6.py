"""Readings of the sixth round of mixed fixes: a quote page no session dates, a list's total,
money spent on something else than a buyback, a clause that opens with 近期, a news item's
own day for what it says is current, and a preannouncement's range."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, dated

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, day: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_a_quote_page_under_an_old_calendar_line_is_dropped() -> None:
    text = (
        "青禾股份行情。③美国至9月8日当周原油库存变化。今开： | 8.15 | 成交量： | 5.2万手 |"
        "最高： | 8.42 | 总市值： | 16.3亿 | 市净率： | 2.15 |"
    )
    facts = _read(text, dt.date(2025, 3, 20))
    assert not [f for f in facts if f.metric in ("open", "high", "market_cap", "pb")]
    # without the calendar line the same quote is the page's
    facts = _read(text.replace("③美国至9月8日当周原油库存变化。", ""), dt.date(2025, 3, 20))
    assert at(facts, "8.15").metric == "open"
    assert at(facts, "2.15").metric == "pb"


def test_a_total_of_listed_items_is_not_the_last_items() -> None:
    text = "2025年一季度，青禾股份销售费用、管理费用、财务费用总计365.2万元，三费占营收比4.1%。"
    facts = _read(text, dt.date(2025, 4, 28))
    assert not [f for f in facts if f.metric == "financial_expenses"]
    # the item named alone takes its figure
    text = "2025年一季度，青禾股份财务费用365.2万元，三费占营收比4.1%。"
    assert at(_read(text, dt.date(2025, 4, 28)), "3652000").metric == "financial_expenses"


def test_money_spent_on_a_lab_is_no_buyback() -> None:
    text = "行业监管趋严，青禾股份耗资15亿打造的电池安全测试中心已投入使用。"
    facts = _read(text, dt.date(2025, 4, 28))
    assert not [f for f in facts if f.metric == "buyback_amount"]
    # money spent on buying its shares back is one
    facts = _read("青禾股份耗资15亿元回购股份。", dt.date(2025, 4, 28))
    assert at(facts, "1500000000").metric == "buyback_amount"


def test_a_clause_opening_with_recently_is_now() -> None:
    # (近期放量突破15元平台 was read here before: a chart's level, no figure; see
    # test_values_units_quotes)
    text = "青禾股份股价自去年10月高点28.5元回落，在12-15元区间震荡。近期换手率升至6.2%。"
    facts = _read(text, dt.date(2025, 4, 28))
    assert (at(facts, "6.2", "turnover_rate").as_of) == dt.date(2025, 4, 28)


def test_a_heading_recently_dates_nothing() -> None:
    text = "5月14日青禾股份主力资金净流出1200万元。### 近期的资金表现过去5日总流入为1.2亿元。"
    facts = _read(text, dt.date(2025, 5, 15))
    assert at(facts, "120000000").as_of == dt.date(2025, 5, 14)


def test_a_news_items_day_dates_what_it_says_is_current() -> None:
    text = (
        "3月6日消息，青禾股份（收盘价12.5元）将于3月25日召开股东大会。"
        "3月18日收市后在册股东均可出席投票。截至发稿，公司市值73亿，无机构调研。"
    )
    facts = _read(text, dt.date(2025, 5, 13))
    assert dated(facts, "market_cap", "7300000000") == [(dt.date(2025, 3, 6), "2025-03-06")]


def test_a_range_of_a_preannouncement_is_a_forecast() -> None:
    text = (
        "青禾股份1月23日晚间披露业绩预告，公司预计2024年归母净利润1600万元~2500万元。"
        "基本每股收益0.08元至0.13元。"
    )
    facts = _read(text, dt.date(2025, 1, 24))
    eps = at(facts, "0.08")
    assert (eps.metric, eps.as_of) == ("eps_forecast", dt.date(2024, 12, 31))
