"""The date a figure in a pipe table holds for: its column's header.

A Markdown table of a company's results names its periods once, in the header row, and writes
each row's figures under them:

    指标 | 2022年 | 2023年 | 2024年上半年
    营收 | 1.2亿元 | 3.4亿元 | 2.1亿元

The dates before a row's figure are the header's, all of them; the last one (2024年上半年) is
the last column's, not the figure's. A figure is dated by the date in its own column's header
cell, counted by the pipes before it in its row and in the header.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

_PIPES = "|｜"
# A Markdown rule under the header (---|:---:|---): no cells, skipped.
_RULE = re.compile(r"[\s|｜:：\-—]*")
_TABLE_REACH = 40  # rows walked up to the header at most


def _cells(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the cells of the row `text[lo:hi]`, the edge pipes of a Markdown row
    (| a | b |) not opening an empty cell."""
    row = text[lo:hi]
    stripped = row.strip()
    if stripped[:1] in _PIPES:
        lo += row.index(stripped[0]) + 1
    spans, start = [], lo
    for at in range(lo, hi):
        if text[at] in _PIPES:
            spans.append((start, at))
            start = at + 1
    if text[start:hi].strip():
        spans.append((start, hi))
    return spans


def _header_line(text: str, row_start: int) -> tuple[int, int] | None:
    """The first row of the table whose row starts at `row_start`: the topmost of the lines
    with pipes right above it (a rule line skipped); None for a table's first row."""
    header: tuple[int, int] | None = None
    end = row_start - 1
    for _ in range(_TABLE_REACH):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not any(p in line for p in _PIPES):
            break
        if not _RULE.fullmatch(line):
            header = (start, end)
        end = start - 1
    return header


def column_date(q: Quantity, dates: Sequence[DateMention], text: str) -> DateMention | None:
    """The date heading the column of a figure in a pipe table whose header names two dates
    or more (`dates` in order); None when the figure is in no such table, or its column's
    header names no one date."""
    at = q.span[0]
    row_start = text.rfind("\n", 0, at) + 1
    if all(text.find(p, row_start, at) < 0 for p in _PIPES):
        return None  # the common case, cheaply: no table row, or the row's label cell
    header = _header_line(text, row_start)
    if header is None:
        return None
    row_end = text.find("\n", at)
    row = _cells(text, row_start, len(text) if row_end < 0 else row_end)
    column = next((n for n, (lo, hi) in enumerate(row) if lo <= at < hi), None)
    heads = _cells(text, *header)
    if column is None or len(heads) != len(row):
        return None  # a row that does not line up with the header
    starts = [d.span[0] for d in dates]
    lo = bisect.bisect_left(starts, header[0])
    hi = bisect.bisect_left(starts, header[1])
    in_header = [d for d in dates[lo:hi] if d.granularity != "relative"]
    if len(in_header) < 2:
        return None
    own = [d for d in in_header if heads[column][0] <= d.span[0] < heads[column][1]]
    return own[0] if len(own) == 1 else None
