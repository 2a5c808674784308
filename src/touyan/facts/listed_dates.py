"""A figure of a list dated by a list of dates (2021年、2022年…分别为…，对应采购额a、b): the
n-th figure is the n-th date's, not the last date's, which is only the one written nearest."""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# Between two dates of a list (2021年、2022年, 2021年和2022年): a list word.
_DATE_SEP = re.compile(r"\s*(?:年?末|底|度)?\s*[、和及与]\s*")
# A figure of a list as written: its number and a short unit (1.2亿元, 35%, 8.1万).
_FIGURE = r"[+-]?\d[\d,]{0,12}(?:\.\d{1,6})?[^\d、，,。；;！？!?\s]{0,3}"
_ITEMS_AFTER = re.compile(rf"(?:\s*、\s*{_FIGURE}){{1,8}}")
_ITEMS_BEFORE = re.compile(rf"(?:{_FIGURE}\s*、\s*){{1,8}}$")


def listed_date(anchors: Sequence[DateMention], q: Quantity, text: str) -> DateMention:
    """The date of `anchors` a figure holds for when the last of them closes a list of dates
    and the figure is an item of a list of as many figures: "2021年、2022年分别为第二、第一大
    客户，对应销售额1.5亿元、2.1亿元" makes 1.5亿元 2021's. Any other figure keeps the last."""
    last = anchors[-1]
    run = [last]
    for d in reversed(anchors[:-1]):
        if d.granularity != last.granularity or not _DATE_SEP.fullmatch(
            text, d.span[1], run[0].span[0]
        ):
            break
        run.insert(0, d)
    if len(run) < 2:
        return last
    before = _ITEMS_BEFORE.search(text, max(0, q.span[0] - 160), q.span[0])
    after = _ITEMS_AFTER.match(text, q.span[1])
    index = before.group().count("、") if before else 0
    count = index + 1 + (after.group().count("、") if after else 0)
    return run[index] if count == len(run) else last
