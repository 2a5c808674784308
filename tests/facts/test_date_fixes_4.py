"""As-of dates and readings a figure's neighbours decide: a day priced on after a sentence
that ends in an ASCII dot, a list item that repeats the previous session's label, a forecast a
new one replaces, and a price or net value's move over a trailing window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_dates

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
        EntityRecord("澜石成长ETF", "fund"),
    ]
)


def _read(text: str, title: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def _said(f: ExtractedFact) -> tuple[object, ...]:
    return (f.subject, f.metric, f.object, f.value, f.as_of)


def test_an_ascii_dot_between_words_ends_the_sentence_a_year_dates() -> None:
    text = (
        "2024年，公司实现营业总收入5.20亿元；归母净利润2310.50万元.以5月6日收盘价计算，"
        "青禾股份目前市盈率（TTM）约为45.30倍，市销率（TTM）约3.10倍。"
    )
    days = [d for d in parse_dates(text, today=dt.date(2025, 5, 9)) if d.granularity == "day"]
    assert [d.start for d in days] == [dt.date(2025, 5, 6)]
    facts = _read(text, "青禾股份：2024年盈利2310.50万元", dt.date(2025, 5, 9))
    pe = at(facts, "45.30", "pe_ttm")
    assert _said(pe) == ("青禾股份", "pe_ttm", None, Decimal("45.30"), dt.date(2025, 5, 6))
    ps = at(facts, "3.10", "ps")
    assert _said(ps) == ("青禾股份", "ps", None, Decimal("3.10"), dt.date(2025, 5, 6))


def test_a_list_item_repeating_the_previous_sessions_label_is_the_lists_day() -> None:
    text = (
        "2025年06月12日青禾股份的上一交易日2025年06月11日收盘价为18.20元人民币、收盘价为18.65元。"
    )
    facts = _read(text, "青禾股份上一交易日收盘价", dt.date(2025, 6, 12))
    today = at(facts, "18.65", "close")
    assert _said(today) == ("青禾股份", "close", None, Decimal("18.65"), dt.date(2025, 6, 12))
    before = at(facts, "18.20", "close")
    assert before.as_of == dt.date(2025, 6, 11)  # the item's own day


def test_a_forecast_in_brackets_a_new_one_replaces_is_withdrawn() -> None:
    text = (
        "我们预测青禾股份2025-2027年EPS分别为1.12、1.30和1.51元/股（原预测值：2025-2026年为"
        "1.45和1.62元/股），维持公司“买入”评级。"
    )
    facts = _read(text, "青禾股份年报点评：业绩承压", dt.date(2025, 4, 28))
    first = at(facts, "1.12", "eps_forecast")
    assert _said(first) == (
        "青禾股份",
        "eps_forecast",
        None,
        Decimal("1.12"),
        dt.date(2025, 12, 31),
    )
    assert at(facts, "1.51", "eps_forecast").as_of == dt.date(2027, 12, 31)
    assert not [f for f in facts if f.value in (Decimal("1.45"), Decimal("1.62"))]


def test_a_net_values_move_over_a_trailing_window_is_the_windows_move() -> None:
    text = (
        "2025年第一季度，通信设备行业净利润实现了24%的增长。澜石成长ETF的表现也不容忽视，"
        "近三年净值上涨31.27%，在同类基金中排名靠前。"
    )
    facts = _read(text, "澜石成长ETF近一周涨幅居首", dt.date(2025, 5, 14))
    move = at(facts, "31.27", "近三年涨跌幅")
    assert _said(move) == (
        "澜石成长ETF",
        "近三年涨跌幅",
        None,
        Decimal("31.27"),
        dt.date(2025, 5, 14),
    )
    assert move.period == "近三年"
