"""Windows a text runs from a year it names up to the day of writing (2023年以来).

The date parser reads 2023年以来 as the year 2023, which `figure_dates` then drops as the start
of a span: a figure after it ("2023年以来，某板块累计募资300亿元") was dated by whatever year
an earlier sentence named. The span runs to the day of writing, as 今年以来 does, and its
figures are the span's.
"""

from __future__ import annotations

import datetime as dt
import re

from touyan.text.dates import DateMention

# 2023年以来, 2023年初以来 (not 2023年3月以来: a month's reach, left to the date readers).
_SINCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年初?以来")
# The year so far (今年以来, 今年来, 今年至今): a window from the year's start to the day of
# writing, which the date parser, reading 今年 alone, gives as the whole year.
YTD = ("今年以来", "今年来", "今年至今", "今年迄今")


def since_year_windows(text: str, published_at: dt.date | None) -> list[DateMention]:
    """A window mention for each "<year>年以来" of `text` that starts before publication,
    ending on the day of writing. With no publication date the span's end is unknown: none."""
    if published_at is None or "以来" not in text:
        return []
    return [
        DateMention(dt.date(int(m.group(1)), 1, 1), published_at, "relative", m.span(), m.group())
        for m in _SINCE_YEAR.finditer(text)
        if int(m.group(1)) <= published_at.year
    ]


def so_far(window: str) -> bool:
    """Whether a window runs to the day of writing: 今年以来, 2023年以来."""
    return window in YTD or _SINCE_YEAR.fullmatch(window) is not None
