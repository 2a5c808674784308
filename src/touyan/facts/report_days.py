"""The figures a quote card says its latest report states, told on a day (最新的第一季报显示，
该股于2022年04月26日实现稀释每股收益0.045元): the day is when they were told or the card was
written, not the period they are of. A report named by its kind (一季报, 半年报, 年报) is the
last of that kind to end by the day; a report named by no kind (最近的财报) is of a period the
text does not say."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from touyan.text.dates import DateMention

# 最新的第一季报显示，该股于, 最近的财报数据显示，该股于: the words that tell a report's
# figures on a day written right after them.
_REPORT_TOLD = re.compile(
    r"(?:最新|最近)(?:的|一期)?(?P<kind>第?[一三]季报|第?[一三]季度报告|半年报|半年度报告|中报|年报"
    r"|年度报告|财报|财务报告|季报|季度报告)(?:数据)?显示[，,：:]?\s*(?:该股|公司|其)?于?\s*$"
)
_REPORT_REACH = 40  # characters back from the day
# The last month of the period each kind of report covers.
_KIND_END_MONTH = {"一季": 3, "半年": 6, "中报": 6, "三季": 9, "年报": 12, "年度报告": 12}


def _period_end(kind: str, day: dt.date) -> dt.date | None:
    """The end of the last period a report of `kind` covers that ends by `day`; None for a
    report named by no period (财报, 季报)."""
    month = next((m for word, m in _KIND_END_MONTH.items() if word in kind), None)
    if month is None:
        return None
    end = dt.date(day.year, month, calendar.monthrange(day.year, month)[1])
    return end if end <= day else end.replace(year=day.year - 1)


def report_told_on(text: str, anchor: DateMention) -> tuple[dt.date | None, str] | None:
    """The as-of day and period of a figure dated by `anchor`, a day the text says the latest
    report's figures were told on (最新的第一季报显示，该股于2022年04月26日…: 2022-03-31, the
    first quarter's); None when the day is not such a day."""
    if anchor.granularity != "day" or not anchor.dated:
        return None
    told = _REPORT_TOLD.search(text, max(0, anchor.span[0] - _REPORT_REACH), anchor.span[0])
    if told is None:
        return None
    kind = told["kind"].removeprefix("第")
    end = _period_end(kind, anchor.start)
    # (最近的财报: which report is the latest the words say, its period they do not)
    return end, kind if end is not None else text[told.start() : told.end("kind")]
