"""Dates in company news with no publication date (round two): a daily card's opening close
dates what it says is current and the windows it counts back, a flash's day and session time
date its 截至发稿 quote, and the short side of a margin pair shares the long side's window."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青梧科技", "远舟重工")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, published_at: dt.date | None = None) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published_at, entities=_ENTITIES)


def _when(fact: ExtractedFact) -> tuple[dt.date | None, str | None]:
    return fact.as_of, fact.period


_CARD = (
    "截至2024年3月8日收盘，青梧科技（688777）报收于12.34元，较上周的11.9元上涨3.7%。"
    "青梧科技当前最新总市值56.78亿元，在电子板块市值排名21/90。"
    "青梧科技2023一季报显示，公司主营收入1.2亿元，同比上升3.1%。"
    "该股最近90天内共有4家机构给出评级；过去90天内机构目标均价为15.6。"
)


def test_a_cards_opening_close_dates_its_current_market_value() -> None:
    assert at(_read(_CARD), "5678000000").as_of == dt.date(2024, 3, 8)


def test_a_cards_opening_close_ends_its_trailing_window() -> None:
    assert _when(at(_read(_CARD), "15.6")) == (dt.date(2024, 3, 8), "过去90天")


def test_a_flash_with_its_session_time_dates_the_quote_at_press() -> None:
    text = (
        "2024年3月8日早盘10时05分，远舟重工（600999）出现异动，股价大幅拉升6.1%，创3月新高。"
        "截至发稿，该股报9.87元/股，成交量3210手。"
    )
    assert at(_read(text), "9.87").as_of == dt.date(2024, 3, 8)


def test_the_short_side_of_a_margin_pair_shares_the_long_sides_window() -> None:
    text = (
        "远舟重工2023年年报显示，公司主营收入8.1亿元。"
        "近3个月融资净流入3210.5万，融资余额增加；融券净流出86.2万，融券余额减少；"
        "资产负债率为41.2%。"
    )
    found = _read(text)
    assert _when(at(found, "862000")) == (None, "近3个月")
    assert at(found, "41.2").period != "近3个月"  # no flow: not the pair's window


def test_a_year_that_numbers_a_bond_issue_dates_none_of_its_figures() -> None:
    text = (
        "远舟重工公告称，公司于2024年3月8日成功发行了2024年度第五期超短期融资券，"
        "实际发行金额20亿元人民币，发行利率2.35%，债券起息日为2024年3月8日。"
    )
    assert _when(at(_read(text), "2.35")) == (dt.date(2024, 3, 8), "2024-03-08")


def test_the_first_figure_of_a_list_after_a_list_of_years_is_the_first_years() -> None:
    text = (
        "远舟重工原股东作为业绩承诺方，承诺青梧科技2021年、2022年、2023年的扣非归母净利润"
        "不低于1260.5万元、1533.2万元、1890.1万元。"
    )
    assert _when(at(_read(text), "12605000")) == (dt.date(2021, 12, 31), "2021年")
