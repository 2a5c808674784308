"""Dated tables whose cells lost their separators when the page was flattened to text.

Quote pages print a stock's recent days as a table; scraped to text, the header's labels and
every row's cells run together: "日期换手率（%）当日涨跌幅（%）主力资金净流入（万元）
2025.03.212.374.151836.20 2025.03.20…". Such a run is read only when it can be split one way:
each row starts with a date in the first row's format, holds one number per column, and every
number shows the same count of decimals, which exactly one count from 1 to 4 satisfies across
all the rows (at least two). A row of 5.062.12468.47 splits as 5.06 | 2.12 | 468.47 with two
decimals and fails with one or three, so it is read; a run that several counts fit, or none, is
left alone: a wrong split would give every figure of the table wrongly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from touyan.facts.labels import LABEL_METRIC, LABELS, unit_fits
from touyan.text.numbers import Quantity, parse_numbers

# The header: a date column first, then labels (each perhaps with its unit in brackets), then
# the first row's date (2025.05.14, 2025-05-14 or 5月8日) with a figure run against it.
_HEADER = re.compile(
    r"(?:交易)?日期(?P<labels>[\u4e00-\u9fffA-Za-z()（）%]{2,80}?)"
    r"(?=(?:\d{4}(?P<sep>[.\-/])\d{2}(?P=sep)\d{2}|\d{1,2}月\d{1,2}日)[-+]?\d)"
)
_YMD = {
    sep: re.compile(rf"(\d{{4}}){re.escape(sep)}(\d{{2}}){re.escape(sep)}(\d{{2}})")
    for sep in ".-/"
}
_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
# Cells that each end in a scale word (543.99万18.61万): the word splits them, whatever the
# decimals. 0 stands for this way of splitting among the decimal counts tried.
_SCALED = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?[万亿]")
_UNIT = re.compile(r"[(（](?P<unit>%|[万亿]?元|[万亿]?股|[万]?手|倍)[)）]")
_BRACKETED = re.compile(
    r"(?P<label>[^()（）]{2,20}?)[(（](?P<unit>%|[万亿]?元|[万亿]?股|[万]?手|倍)[)）]"
)
_QUALIFIER = re.compile(r"当日|今日|当天")  # 当日涨跌幅 is the row's 涨跌幅
_MIN_ROWS = 2


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure of a row: its metric, the date of its row, the quantity (span in the text)."""

    metric: str
    as_of: dt.date
    quantity: Quantity
    table: tuple[int, int]  # the span of the whole table, header included


def _columns(labels: str) -> list[tuple[str | None, str]] | None:
    """(metric, unit written in brackets) per column. Labels that each carry a unit in
    brackets split there, and a label the vocabulary does not know gives a column read for
    the split but not stated (余额变动（元）); labels without brackets must all be known."""
    bracketed = [(m["label"], m["unit"]) for m in _BRACKETED.finditer(labels)]
    if bracketed and "".join(m.group() for m in _BRACKETED.finditer(labels)) == labels:
        out: list[tuple[str | None, str]] = []
        for label, unit in bracketed:
            label = _QUALIFIER.sub("", label, count=1) if _QUALIFIER.match(label) else label
            out.append((LABEL_METRIC.get(label.lower()), unit))
        return out if any(metric for metric, _ in out) else None
    out = []
    at = 0
    while at < len(labels):
        if qualifier := _QUALIFIER.match(labels, at):
            at = qualifier.end()
        found = LABELS.match(labels, at)
        if found is None:
            return None
        at = found.end()
        unit = ""
        if bracket := _UNIT.match(labels, at):
            unit, at = bracket["unit"], bracket.end()
        out.append((LABEL_METRIC[found.group().lower()], unit))
    return out or None


def _number(decimals: int) -> re.Pattern[str]:
    if decimals == 0:
        return _SCALED
    return re.compile(rf"-?(?:0|[1-9]\d*)\.\d{{{decimals}}}")


def _date(text: str, at: int, sep: str | None, today: dt.date | None) -> tuple[dt.date, int] | None:
    """The row's date at `at`, in the first row's format, and where it ends."""
    if sep is None:
        found = _MONTH_DAY.match(text, at)
        if found is None or today is None:
            return None
        year = today.year - ((int(found[1]), int(found[2])) > (today.month, today.day))
        parts = (year, int(found[1]), int(found[2]))
    else:
        found = _YMD[sep].match(text, at)
        if found is None:
            return None
        parts = (int(found[1]), int(found[2]), int(found[3]))
    try:
        return dt.date(*parts), found.end()
    except ValueError:
        return None


def _rows(
    text: str, start: int, sep: str | None, columns: int, decimals: int, today: dt.date | None
) -> list[tuple[dt.date, list[tuple[int, int]]]] | None:
    """The rows from `start` when each holds `columns` numbers of `decimals` decimals (0: each
    ending in 万 or 亿), the next row's date (or the end of the figures) right after its last."""
    number = _number(decimals)
    rows: list[tuple[dt.date, list[tuple[int, int]]]] = []
    at = start
    while (dated := _date(text, at, sep, today)) is not None:
        day, at = dated
        cells = []
        for _ in range(columns):
            cell = number.match(text, at)
            if cell is None:
                return None
            cells.append(cell.span())
            at = cell.end()
        rows.append((day, cells))
        while at < len(text) and text[at] == " ":
            at += 1  # rows a space apart: the same table
    if at < len(text) and (text[at].isdigit() or text[at] in ".-"):
        return None  # the figures run on: this split is not the table's
    return rows


def run_together_tables(text: str, today: dt.date | None = None) -> list[Cell]:
    """Every figure of the run-together dated tables in `text` that split one way only."""
    out: list[Cell] = []
    for header in _HEADER.finditer(text):
        columns = _columns(header["labels"])
        if columns is None:
            continue
        splits = [
            rows
            for decimals in range(5)
            if (rows := _rows(text, header.end(), header["sep"], len(columns), decimals, today))
            and len(rows) >= _MIN_ROWS
        ]
        if len(splits) != 1:
            continue  # several splits fit, or none: which digits are whose is not certain
        rows = splits[0]
        end = rows[-1][1][-1][1]
        for day, cells in rows:
            for (metric, unit), (lo, hi) in zip(columns, cells, strict=True):
                if metric is None:
                    continue
                parsed = parse_numbers(text[lo:hi] + unit)
                if not parsed:
                    continue
                q = parsed[0]
                q = Quantity(
                    q.value,
                    q.unit,
                    q.currency,
                    q.scale,
                    q.precision,
                    (lo, hi),
                    text[lo:hi],
                    negative=q.value < 0,
                )
                if unit_fits(metric, q):
                    out.append(Cell(metric, day, q, (header.start(), end)))
    return out
