"""Figures read with the right value but the wrong day: a market move's day carried to a
quarter's result, the next sentence's day after an ASCII full stop, the publication day for a
session named earlier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published, entities=entities)


def as_of(found: list[ExtractedFact], metric: str, value: str) -> dt.date | None:
    return next(f.as_of for f in found if f.metric == metric and f.value == Decimal(value))


def test_a_result_after_a_market_day_keeps_the_quarter_named_before(
    entities: EntityDictionary,
) -> None:
    text = (
        "2025年一季度，腾讯控股业绩超出预期。5月6日，腾讯控股股价上涨3.2%。"
        "腾讯控股营收为1800亿元，同比增长13%。"
    )
    found = facts(text, entities, dt.date(2025, 5, 9))
    q1 = dt.date(2025, 3, 31)
    assert as_of(found, "revenue", "180000000000") == q1
    assert as_of(found, "revenue_yoy", "13") == q1
    assert as_of(found, "change_pct", "3.2") == dt.date(2025, 5, 6)  # the move keeps its day


def test_a_quarter_end_day_or_a_later_period_does_not_give_way(
    entities: EntityDictionary,
) -> None:
    # 截至2025年3月31日 is a report's date; 2025年 was not over by 5月20日.
    text = (
        "2024年腾讯控股业绩稳健。截至2025年3月31日，腾讯控股总资产为2万亿元。"
        "腾讯控股营收为1800亿元。"
    )
    found = facts(text, entities, dt.date(2025, 5, 9))
    assert as_of(found, "revenue", "180000000000") == dt.date(2025, 3, 31)
    text = "2025年特别分红已宣布，除息日为2025年5月20日。腾讯控股营收为1800亿元。"
    found = facts(text, entities, dt.date(2025, 5, 22))
    assert as_of(found, "revenue", "180000000000") == dt.date(2025, 5, 20)


def test_a_day_a_card_states_its_figures_as_of_keeps_them(
    entities: EntityDictionary,
) -> None:
    text = (
        "2025年一季度贵州茅台营收增长。截至2025年5月13日，贵州茅台的市盈率为21.5。"
        "每股收益为21.38元。"
    )
    found = facts(text, entities, dt.date(2025, 5, 15))
    assert as_of(found, "eps", "21.38") == dt.date(2025, 5, 13)


def test_a_day_after_an_ascii_full_stop_belongs_to_the_next_sentence(
    entities: EntityDictionary,
) -> None:
    text = "2024年贵州茅台业绩稳健。归母净利润862亿元.以4月30日收盘价计算，市盈率约为20倍。"
    found = facts(text, entities, dt.date(2025, 5, 6))
    assert as_of(found, "net_profit", "86200000000") == dt.date(2024, 12, 31)


def test_a_session_named_before_a_period_dates_the_quotes_after_it(
    entities: EntityDictionary,
) -> None:
    text = (
        "贵州茅台在最新交易日（2025年5月13日）小幅上涨。公司重申2025年的经营目标。"
        "成交量达320万股，换手率为0.25%。"
    )
    found = facts(text, entities, dt.date(2025, 5, 15))
    day = dt.date(2025, 5, 13)
    assert as_of(found, "volume", "3200000") == day
    assert as_of(found, "turnover_rate", "0.25") == day


def test_an_old_day_named_before_a_period_does_not_date_a_quote(
    entities: EntityDictionary,
) -> None:
    text = (
        "贵州茅台在2021年12月29日创下新高。公司重申2025年的经营目标。"
        "成交量达320万股，换手率为0.25%。"
    )
    found = facts(text, entities, dt.date(2025, 5, 15))
    assert as_of(found, "volume", "3200000") == dt.date(2025, 5, 15)
