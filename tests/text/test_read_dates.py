"""`read_dates` finds the dates and the date-like spans `parse_numbers` skips in one scan."""

from __future__ import annotations

import datetime as dt

from touyan.text.dates import parse_dates, read_dates
from touyan.text.numbers import date_spans_of, parse_numbers

_TEXTS = (
    "2024年营收12.5亿元，同比增长8%。5月12日公司公告，2月30日的数据有误。",
    "截至2025-03-31，净利润3.2亿元；2025年一季度毛利率为41.2%，近一周涨跌幅-2.1%。",
    "没有日期的句子：市盈率为14.88倍。",
)


def test_read_dates_spans_match_the_number_reader() -> None:
    today = dt.date(2025, 5, 14)
    for text in _TEXTS:
        dates, spans = read_dates(text, today=today)
        assert dates == parse_dates(text, today=today)
        assert spans == date_spans_of(text)  # impossible dates (2月30日) included
        assert parse_numbers(text, spans) == parse_numbers(text)
