"""Dates near a figure that are not when it holds: its source's, an earlier sentence's.

Long-form articles cite where their figures come from (a report released in a month, a work's
title in a list of sources) and tell the news of their own day (this offering, a rate reached
by now) after sentences about earlier years. The date named nearest such a figure is the
source's or an older statement's: `source_dated` says when the figure is better left
undated, `own_news` and `reached_now` when a date carried from an earlier sentence is not
its own (it is then the text's day).
"""

from __future__ import annotations

import re

from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# A date a source came out on (2030年3月发布的报告, 5月公布的数据): which period the figures
# it states are of, the text does not say.
_RELEASED = re.compile(r"\s*(?:正式|最新)?(?:发布|公布|发表|出版|披露)(?:的|了)")
_TITLE_REACH = 60  # characters from a figure to the 《 and 》 of the title it is in
# What a clause says is reached by now (已达, 已经超过).
_REACHED = re.compile(r"已经?(?:超过|超|达到|达|突破|升至|增至)")
# 本次IPO, 此次发行: the event the text reports, of its own time.
_THIS_EVENT = re.compile(
    r"(?:本次|此次|这次)(?:拟|计划|将)?(?:IPO|发行|上市|募资|募集|融资|交易|收购|增发|定增|配售)"
)


def source_dated(text: str, anchor: DateMention, q: Quantity, sentence: tuple[int, int]) -> bool:
    """Whether the date nearest a figure is its source's, not its own: the day or month a
    report came out (据某研究院2030年3月发布的报告，规模达到5万亿元: a year's total, which
    year the text does not say), or any date outside the title of a work the figure is
    written in (《某行业规模达到3万亿元》, in a list of sources)."""
    if sentence[0] <= anchor.span[0] < q.span[0] and _RELEASED.match(text, anchor.span[1]):
        return True
    opened = text.rfind("《", max(sentence[0], q.span[0] - _TITLE_REACH), q.span[0])
    return (
        opened >= 0
        and anchor.span[0] < opened
        and "》" not in text[opened : q.span[0]]
        and "》" in text[q.span[1] : q.span[1] + _TITLE_REACH]
    )


def own_news(text: str, anchor: DateMention, q: Quantity, sentence: tuple[int, int]) -> bool:
    """Whether a date carried from an earlier sentence falls on a figure of the event the
    text reports (2029年营收10亿元。本次IPO拟募资20亿元: this offering's, of the text's
    own time, not the year the results before it are of)."""
    return (
        anchor.span[1] <= sentence[0]
        and _THIS_EVENT.search(text, sentence[0], q.span[0]) is not None
    )


def reached_now(
    text: str, anchor: DateMention, q: Quantity, sentence: tuple[int, int], clause: int
) -> bool:
    """Whether a figure whose clause (from `clause`) says it is reached by now is dated by
    a period carried from another paragraph (2029年事故增长60%。\\n…覆盖率已达75%: the rate
    of the day of writing, not of the year two paragraphs up)."""
    return (
        anchor.granularity != "day"
        and anchor.span[1] <= sentence[0]
        and "\n" in text[anchor.span[1] : sentence[0]]
        and _REACHED.search(text, clause, q.span[0]) is not None
    )
