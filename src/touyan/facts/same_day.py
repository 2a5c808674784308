"""The day a sentence opening on 同日 (the same day) means: the last day named before it.

A text that names a day (8月27日，某部发布公告), then a period in a sentence of figures
(1-7月，某税收入…), then goes on with 同日，某所发布通知，将某比例降至40% means that first day
by 同日, not the period the sentence before it was about: the day is carried, the period is
not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.text.dates import DateMention

# A sentence opening on the day named before (同日，…; 同一天，…; 当天，…).
_SAME_DAY = re.compile(r"\s*(?:同日|同一天|当日|当天)[，,]")


def same_day(text: str, sentence_start: int, earlier: Sequence[DateMention]) -> DateMention | None:
    """The last day (not a month, quarter or year) among the dates named before a sentence
    opening on 同日 or 当天 at `sentence_start`; None when it opens otherwise or no day was
    named."""
    if not _SAME_DAY.match(text, sentence_start):
        return None
    return next((d for d in reversed(earlier) if d.granularity == "day"), None)
