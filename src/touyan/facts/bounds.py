"""Figures the text gives as a floor or a ceiling (超过9%, 不超过2%的股份, 50%以上), not exactly.

A reader who sees "跌9%" where the source says "跌超9%" has been told more than the source
knows, so a fact keeps the word: `floor` when the figure is at least this big, `ceiling` when
at most. For a fall the bound is on its size (跌超9% is a fall of 9% or more). Comparisons with
something else (高于市场99%的公司, 低于预期) are not bounds of the figure, and nor is
"近/约" (an approximation of it), so those words are left out.
"""

from __future__ import annotations

import re
from typing import Literal

Bound = Literal["floor", "ceiling"]

# Checked before the floor words: 不超过 ends in 超过. Cards write ≤ and ≥ (最大行业占比≤60%).
_CEILING_BEFORE = re.compile(r"(?:不超过|不高于|不多于|不到|不足|少于|至多|最多|≤|<=)\s*[+-]?$")
_FLOOR_BEFORE = re.compile(r"(?:超过|超出|超|逾|多于|不低于|不少于|至少|最少|突破|≥|>=)\s*[+-]?$")
_FLOOR_AFTER = re.compile(r"\s*(?:以上|有余)")
_CEILING_AFTER = re.compile(r"\s*(?:以下|以内)")
_REACH = 4  # the longest word before a figure, and a space
# 盈利最少增长70%, 至多下降5%: the bound written before the change's verb.
_BOUND_VERB = re.compile(
    r"(?:(?P<floor>至少|最少|起码)|(?P<ceiling>至多|最多))"
    r"(?:增长|增加|上升|上涨|提升|提高|下降|减少|下跌|下滑)了?\s*$"
)
_VERB_REACH = 8
# 2600余万元, 7.3万余吨, 400多家: the number's own "and some" (text.numbers keeps it in the span)
_SOME_MORE = re.compile(r"[\d万亿千百][余多]")


def bound_of(text: str, span: tuple[int, int], negative: bool) -> Bound | None:
    """Whether the words around the figure at `span` make its value a floor or a ceiling;
    `negative`: the value is below zero though the text wrote its size (跌超9%)."""
    start, end = span
    near = text[max(0, start - _VERB_REACH) : start]
    if ("少" in near or "多" in near) and (verb := _BOUND_VERB.search(near)) is not None:
        floor = verb["floor"] is not None
        return "ceiling" if floor == negative else "floor"
    before = text[max(0, start - _REACH) : start]
    if _CEILING_BEFORE.search(before) or _CEILING_AFTER.match(text, end):
        return "floor" if negative else "ceiling"
    if (
        _FLOOR_BEFORE.search(before)
        or _FLOOR_AFTER.match(text, end)
        or _SOME_MORE.search(text, start, end)
    ):
        return "ceiling" if negative else "floor"
    return None
