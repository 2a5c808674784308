"""A day written without its month (道指8日上涨, 外长10日表示): the wires' style, read as a day of
the month the text is in; a count of days (5日均线, 近5日, 连续5日) or a currency (3日元) is no
date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from touyan.text.dates import parse_dates

_TODAY = dt.date(2025, 5, 13)


def _days(text: str, today: dt.date | None = _TODAY) -> list[tuple[dt.date, str, bool]]:
    return [(d.start, d.granularity, d.dated) for d in parse_dates(text, today=today)]


@pytest.mark.parametrize(
    "text",
    [
        "纽约股市三大股指8日上涨。",
        "国家统计局8日发布的数据显示，",
        "某部长8日在记者会上表示，",
        "8日，某公司发布公告称，",
        "截至8日收盘，某指数报3300点。",
        "某指数8日收涨0.6%。",
        "某公司8日晚间公告。",
    ],
)
def test_a_day_of_this_month(text: str) -> None:
    assert _days(text) == [(dt.date(2025, 5, 8), "day", True)]


def test_a_day_not_yet_come_is_last_months() -> None:
    assert _days("国际油价15日下跌。") == [(dt.date(2025, 4, 15), "day", True)]


def test_a_day_last_month_lacks_is_no_date() -> None:
    # (written on 2 March: a 30日 before it would be February's, which has none)
    assert _days("某股30日上涨。", dt.date(2025, 3, 2)) == []


def test_the_month_named_just_before_holds_the_day() -> None:
    days = _days("2024年12月7日，某公司公告。8日，某公司股价上涨。")
    assert days == [(dt.date(2024, 12, 7), "day", True), (dt.date(2024, 12, 8), "day", True)]


def test_a_day_before_the_day_named_is_not_of_its_month() -> None:
    # 5月30日…2日: June's 2nd or the 2nd of the month of writing, not 2 May
    assert _days("5月30日，某公司公告。2日，某公司股价上涨。")[-1] == (
        dt.date(2025, 5, 2),
        "day",
        True,
    )


def test_with_no_day_of_writing_the_day_is_undated() -> None:
    (day,) = parse_dates("纽约股市三大股指8日上涨。", today=None)
    assert (day.text, day.granularity, day.dated) == ("8日", "day", False)


@pytest.mark.parametrize(
    "text",
    [
        "某股5日均线为15元。",
        "某股5日增仓比0.5%。",
        "每股派3日元。",
        "某股近5日上涨10%。",
        "某股连续5日上涨。",
        "其中净流出天数为11日。",
        "5月7日至8日，某会议召开。",
        "某股5日涨幅为10%。",
        "某股5日内下跌2%。",
        "T+1日交收。",
    ],
)
def test_counts_of_days_and_yen_are_no_dates(text: str) -> None:
    assert not [d for d in parse_dates(text, today=_TODAY) if re.fullmatch(r"\d+日", d.text)]


def test_a_years_first_trading_week_is_no_whole_year() -> None:
    (week,) = parse_dates("港股2022年交易首周，恒生指数累涨0.41%。", today=_TODAY)
    assert (week.text, week.dated) == ("2022年交易首周", False)


def test_where_a_records_reach_starts_dates_nothing() -> None:
    # 创去年11月10日以来新高: neither 去年 nor its day is when the figure after it holds
    assert not [
        d for d in parse_dates("某股创去年11月10日以来新高。", today=_TODAY) if d.text == "去年"
    ]
    assert not [
        d for d in parse_dates("某股创去年11月10日来新高。", today=_TODAY) if d.text == "去年"
    ]
    assert [d.text for d in parse_dates("去年11月10日，某公司公告。", today=_TODAY)][0] == "去年"
