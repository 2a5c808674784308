"""A holiday a text names without its year (春节七天假期, 春节假期期间, 国庆黄金周).

Figures told of a holiday (春节假期，全国夜间消费额…，较去年同期提升2.25个百分点) are the
holiday's, not the publication day's nor of no time at all. A holiday written after its year
(2022年春节假期) is read with the year by `touyan.text.dates`; one written alone names the days
the text means but not which year's, so it dates its figures by period only, as an undated
quarter (一季度) does, in a text with no publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from touyan.text.dates import DateMention

# A holiday and the word that makes it a span of days (假期, 期间, 黄金周), with its length
# written in between (春节七天假期); not 春节前 or 春节后, days around it.
_HOLIDAY = re.compile(
    r"(?:春节|国庆|五一|劳动节|端午|中秋|元旦|清明)(?:[一二三四五六七八九十\d]{1,2}天)?"
    r"(?:小长假|长假|假期期间|假期|假日|黄金周|期间)"
    r"(?:前[一二三四五六七八九十\d]{1,2}天)?"  # 春节假期前三天: its first days
)
# A holiday of another year (去年春节期间, 2019年春节假日同期): the base a figure is compared
# with, not the days it is of.
_OTHER_YEAR = re.compile(r"(?:\d{2,4}|去|上|前|明)\s*年$")
_BASE_AFTER = re.compile(r"同期|相比|相较")
_CUES = ("假", "黄金周", "期间")
# (start and end are placeholders: a mention that is not dated names its period only)
_UNKNOWN_DAY = dt.date(1, 1, 1)


def holiday_mentions(
    text: str, dates: Sequence[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """The holidays `text` names without a year, as periods with no date, in a text that has
    no publication date. (One that has dates their figures by the day it reported them, which
    a holiday just past is as of: which days the holiday fell on that year the reader does
    not know without a calendar, and a period with no date would lose the day.)"""
    if published_at is not None or not any(cue in text for cue in _CUES):
        return []
    out = []
    for found in _HOLIDAY.finditer(text):
        if any(d.span[0] <= found.start() <= d.span[1] for d in dates):
            continue  # 2022年春节假期: read with its year
        if _OTHER_YEAR.search(text, max(0, found.start() - 6), found.start()) or _BASE_AFTER.match(
            text, found.end()
        ):
            continue
        out.append(
            DateMention(
                _UNKNOWN_DAY, _UNKNOWN_DAY, "year", found.span(), found.group(), dated=False
            )
        )
    return out
