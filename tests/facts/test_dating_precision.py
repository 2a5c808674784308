"""As-of dates of figures a text states without a date of their own: a weekday's or a US
session's move, a quarter whose year the text never writes, a current rate written after a
year not yet over, and a table's columns under a row of date headers."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("星辰汽车", "锦纶纺织", "甲骨文", "海川股份", "云岭酒业", "百味食品")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, title: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def _fact(facts: list[ExtractedFact], metric: str, value: str) -> ExtractedFact:
    return next(f for f in facts if f.metric == metric and f"{f.value}".startswith(value))


def test_a_weekday_move_is_that_weekday_not_the_publication_day() -> None:
    # Published on a Friday: 周二 is three days before.
    text = "周二，甲骨文盘中一度重挫，最终收跌近4.2%。"
    facts = _read(text, "甲骨文股价", dt.date(2025, 5, 9))
    assert _fact(facts, "change_pct", "-4.2").as_of == dt.date(2025, 5, 6)


def test_a_weekday_in_a_notice_does_not_date_the_figure() -> None:
    text = "海川股份周一收到控股股东通知，其持股比例为35.5%。"
    facts = _read(text, "某公司公告", dt.date(2025, 5, 9))
    stake = next(f for f in facts if f"{f.value}" == "35.5")
    assert stake.as_of == dt.date(2025, 5, 9)


def test_a_us_close_reported_in_china_is_the_session_before_publication() -> None:
    # Published on a Monday morning in Beijing: the close is Friday's.
    text = (
        "美股三大股指全部收涨。到收盘时，纳斯达克综合指数上涨203.10点，收于17890.20点，"
        "涨幅为1.15%。"
    )
    facts = _read(text, "隔夜外盘", dt.date(2025, 5, 12))
    assert {f.as_of for f in facts if f.metric in ("price", "change_pct")} == {dt.date(2025, 5, 9)}


def test_a_quarter_of_an_unnamed_long_past_year_has_no_date() -> None:
    # A January text that names no year: last year's first quarter is long reported.
    text = "一季度，星辰汽车实现营业收入88.8亿元，净利润为9.9亿元。"
    facts = _read(text, "星辰汽车回顾", dt.date(2025, 1, 20))
    revenue = _fact(facts, "revenue", "8880000000")
    assert revenue.as_of is None and revenue.period == "一季度"


def test_a_quarter_keeps_the_year_named_at_the_top_of_a_long_list() -> None:
    text = (
        "云岭酒业2024年分季度主要数据如下：第一季度营业收入为1,234,567,890.12元，归属于上市公司股东的"
        "净利润为234,567,890.12元；第二季度营业收入为1,111,111,111.11元，归属于上市公司股东的"
        "净利润为222,222,222.22元；第三季度营业收入为1,333,333,333.33元。"
    )
    facts = _read(text, "某酒企财务数据", dt.date(2025, 5, 15))
    third = _fact(facts, "revenue", "1333333333")
    assert third.as_of == dt.date(2024, 9, 30)


def test_a_rate_after_a_year_not_yet_over_has_no_date() -> None:
    text = "锦纶纺织2025年股价累计下跌18.5%。公司产品出口占比为66.6%，客户遍布欧美。"
    facts = _read(text, "某纺织企业", dt.date(2025, 4, 20))
    share = next(f for f in facts if f"{f.value}" == "66.6")
    assert share.as_of is None


def test_a_table_column_is_dated_by_its_own_header() -> None:
    text = "海川股份主要指标：2025-03-31 | 2024-12-31 | 2024-09-30 毛利率为41.25%、39.80%、38.15%"
    facts = _read(text, "海川股份", dt.date(2025, 5, 10))
    assert _fact(facts, "gross_margin", "41.25").as_of == dt.date(2025, 3, 31)
    # a later row starts its columns again at the first header
    text += "，净利率为12.10%、11.60%、10.90%"
    facts = _read(text, "海川股份", dt.date(2025, 5, 10))
    assert _fact(facts, "net_margin", "12.10").as_of == dt.date(2025, 3, 31)


def test_a_full_year_after_a_quarter_of_a_year_not_over_has_no_date() -> None:
    text = "百味食品2025年一季度实现营业收入3.5亿元。公司醋类产品全年实现收入6.60亿元。"
    facts = _read(text, "百味食品业绩", dt.date(2025, 4, 28))
    assert _fact(facts, "revenue", "660000000").as_of is None
    # once the year is over, 全年 is that year's total
    text = "百味食品2024年第四季度实现营业收入3.5亿元。公司醋类产品全年实现收入6.60亿元。"
    facts = _read(text, "百味食品业绩", dt.date(2025, 4, 28))
    assert _fact(facts, "revenue", "660000000").as_of == dt.date(2024, 12, 31)


def test_full_year_written_inside_a_segment_label_keeps_the_segment() -> None:
    text = "百味食品2024年第四季度实现营业收入3.5亿元。醋类全年实现收入6.60亿元。"
    facts = _read(text, "百味食品业绩", dt.date(2025, 4, 28))
    assert _fact(facts, "revenue", "660000000").object == "醋类"


def test_an_overnight_money_rate_dates_no_us_session() -> None:
    wednesday = dt.date(2025, 5, 7)
    text = "隔夜拆借利率收盘报1.45%，招商银行股价收涨1.2%。"  # a money market's 隔夜, no US close
    assert [f.as_of for f in _read(text, "", wednesday)] == [wednesday]


def test_the_end_of_a_weekday_range_dates_no_session() -> None:
    wednesday = dt.date(2025, 5, 7)
    text = "华光电子(600123)周一至周五累计上涨5.2%。"  # a span of days, not Friday's move
    assert [f.as_of for f in _read(text, "", wednesday)] == [wednesday]


def test_a_forecast_word_in_the_sentence_before_does_not_make_full_year_a_forecast() -> None:
    text = "百味食品2025年一季度营收3.5亿元，新品将上市。全年醋类收入6.60亿元。"
    facts = _read(text, "百味食品业绩", dt.date(2025, 4, 28))
    assert _fact(facts, "revenue", "660000000").as_of is None
