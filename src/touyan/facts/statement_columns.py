"""A statement row's later columns: the same line item for the other years its table heads.

    Year Ended December 31,   2017      2018      2019
    Net income              $ 3,033  $ 10,073  $ 11,588

The reader sees a row's first figure as its label's (net income, 2017). The figures after it,
up to the row's next label, are the same item in the next columns; each is the year its column
heads. A row is read across only when it holds exactly one figure per year of the headers'
run, and the run names each year once: a table with two groups of columns (three months and
nine months, 2024 2023 2024 2023), or a row with a blank cell, would put a figure under the
wrong year, so such a row keeps its first figure alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from touyan.facts.extract import ExtractedFact

# A later cell of a row: whitespace or a dollar sign, then a figure, bracketed when negative.
_CELL = re.compile(r"[\s$]*(?P<cell>\(\s*\$?\s*[\d,]*\d(?:\.\d+)?\s*\)|[\d,]*\d(?:\.\d+)?)")
# What may follow a row's last figure: its line's end, then the next label (a letter), or
# the text's end.
_ROW_END = re.compile(r"[^\S\n]*(?:\n|$)\s*(?:[A-Za-z]|$)")
_YEAR = re.compile(r"\s*((?:19|20)\d{2})(?![\d,.])")


def header_years(head: str, start: int) -> list[int]:
    """The years of the run of column headers starting at `start` in `head` (2017 2018 2019)."""
    years = []
    at = start
    while (found := _YEAR.match(head, at)) is not None:
        years.append(int(found[1]))
        at = found.end()
    return years


def later_cells(text: str, first: ExtractedFact, count: int) -> list[tuple[int, int]]:
    """The spans of the `count` figures after the row's first, when the row holds just
    those; else none."""
    cells: list[tuple[int, int]] = []
    at = first.span[1]
    while len(cells) < count and (found := _CELL.match(text, at)) is not None:
        cells.append(found.span("cell"))
        at = found.end()
    if len(cells) != count or _ROW_END.match(text, at) is None:
        return []
    return cells


def column_fact(text: str, first: ExtractedFact, cell: tuple[int, int]) -> ExtractedFact:
    """The row's item in a later column: its value as the cell writes it, signed as the first
    cell's is (a bracketed expense the reader keeps positive stays so; a figure the other
    way round is the other sign). `first` is the row's first fact, before any scaling."""
    written, shown = text[first.span[0] : first.span[1]], text[cell[0] : cell[1]]
    size = Decimal(re.sub(r"[^\d.]", "", shown))
    bracketed_first, bracketed = "(" in written, "(" in shown
    sign = -1 if first.value < 0 else 1
    if bracketed != bracketed_first:
        sign = -sign
    return replace(first, value=size * sign, span=cell, high=None, bound=None)


def column_date(
    year: int, first_year: int, day: dt.date | None, listed: dict[int, dt.date]
) -> tuple[dt.date | None, bool]:
    """A later column's day. Headers that list each year's last day ("Fiscal years ended
    December 31, 2022, December 25, 2021 and December 26, 2020") give it in `listed`, by the
    year it falls in. Else it is the first column's day carried to the column's year when
    that is a month's last day (December 31, June 30): a year of 52 or 53 weeks ends on a
    weekday that moves from year to year, so such a day is carried to no other column. The
    flag says whether the column has a day."""
    if len(listed) > 1:
        # (a fiscal year named for the year before its end: 2022 ended on January 1, 2023)
        shift = day.year - first_year if day is not None else 0
        found = listed.get(year + shift)
        return found, found is not None
    if day is None:
        return None, True
    last = calendar.monthrange(day.year, day.month)[1]
    if day.year != first_year or day.day != last:
        return None, False
    return dt.date(year, day.month, calendar.monthrange(year, day.month)[1]), True
