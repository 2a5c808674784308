"""Readers for company results and filing prose that the general rules of extract.py miss.

Kept apart from extract.py so that each shape is read in one place and called from one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.text.numbers import Quantity

# A stock's six-digit code as quote pages write it (sh600272, (600272), 600272.SH).
_STOCK_CODE = re.compile(r"(?<!\d)(?:sh|sz|bj|SH|SZ|BJ)?(\d{6})(?!\d)")
# A decimal with more digits than any figure is written with: a code glued on its end.
_LONG_DECIMAL = re.compile(r"\d\.\d{7,}$")


def unglued(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures, without one a quote page glued to the next item's code.

    "市盈率(静)： 85.56600272 开开实业": the page lost the break between the figure and the
    code that starts the next item, so 85.56600272 is two things; the figure's own digits
    cannot be told from the code's, so it is not read rather than read wrong.
    """
    long = [q for q in quantities if _LONG_DECIMAL.search(q.text.rstrip("%亿万元倍"))]
    if not long:
        return list(quantities)
    codes = {m.group(1) for m in _STOCK_CODE.finditer(text)}
    glued = {id(q) for q in long if any(q.text.rstrip("%亿万元倍").endswith(c) for c in codes)}
    return [q for q in quantities if id(q) not in glued]


# "期初余额为X元，本期增加Y元，减少Z元，期末余额为W元": a balance's movement over the period,
# as the notes to a report state each item (短期薪酬, 应付职工薪酬, 短期借款).
_OPENING = re.compile(r"(?:期初余额|年初余额|上年年末余额|期初数)(?:总计|合计)?$")
_MOVEMENT = re.compile(
    r"[^\S\n]*[，,；;][^\S\n]*(?P<period>本期|本年|本报告期|报告期内)?(?P<verb>增加|减少)"
    r"(?:额|金额)?(?:为|了)?[^\S\n]*$"
)


def movement_metric(last_metric: str, between: str) -> str | None:
    """The metric of a figure right after a balance's opening figure or its first movement:
    the item's 本期增加 or 本期减少 (职工福利费期初余额为…，本期增加…，减少… gives
    职工福利费本期增加 and 职工福利费本期减少), or None when the figure is no movement."""
    found = _MOVEMENT.fullmatch(between)
    if found is None:
        return None
    if opening := _OPENING.search(last_metric):
        item = last_metric[: opening.start()]
    elif last_metric.endswith(("本期增加", "本期减少")):
        item = last_metric[:-4]
    else:
        return None
    return f"{item}本期{found['verb']}"


_FOUNDED = re.compile(r"(?:成立|上市|注册|设立)(?:日期|时间)\s*[:：]?\s*$")


def founded(text: str, start: int) -> bool:
    """Whether the date at `start` is a company profile's founding or listing date (成立日期：
    1993-05-10, 上市日期：), which dates no figure the page shows next to it."""
    return _FOUNDED.search(text, max(0, start - 8), start) is not None
