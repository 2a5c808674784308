"""An English filing's statement table: the scale its caption gives, the date its columns head.

A US filing's statements print their figures bare under a caption naming the scale and over
column headers naming the periods, first column the latest:

    Consolidated Statements of Income
    (In millions, except per share data)
    Years Ended December 31,   2024     2023
    Net sales                  $ 8,120  $ 7,450
    Diluted earnings per share $ 2.10   $ 1.95

"$ 8,120" is $8.12 billion, for the year ended 2024-12-31; the per-share figure is not scaled.
The reader sees each row's first figure as its label's, so a statement fact is the first
column's: it takes the first column's date, or none when the page names no period (a date
read from the prose around the table is not the column's). The row's later figures are the
same item in the later columns (`statement_columns`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from touyan.facts.extract import ExtractedFact
from touyan.facts.line_items import BALANCE_ITEMS
from touyan.facts.statement_columns import column_date, column_fact, header_years, later_cells
from touyan.facts.statement_rows import row_fact

# (In millions, except per share data), (Dollars in millions), ($ in Millions, except EPS),
# (MILLIONS, EXCEPT PER SHARE DATA), (Dollarsinmillions,...): a caption's scale, in brackets.
_CAPTION = re.compile(
    r"\((?P<lead>[^()]{0,30}?)(?P<scale>millions|thousands|billions)(?P<rest>[^()]{0,80})\)",
    re.IGNORECASE,
)
# $ in millions, In millions, except per share amounts: the same caption on a line of its own,
# unbracketed (a sentence saying "in millions" runs on, with a full stop or more words).
_BARE_CAPTION = re.compile(
    r"^[^\S\n]*(?P<lead>(?:\$|dollars|amounts)?[^\S\n]*)in[^\S\n]+"
    r"(?P<scale>millions|thousands|billions)\b(?P<rest>(?:,[^\n.]{0,60})?)[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SCALES = {"thousands": Decimal(10**3), "millions": Decimal(10**6), "billions": Decimal(10**9)}
# A caption naming a currency other than the dollar (in millions of euros): not USD.
_OTHER_CURRENCY = re.compile(r"euro|€|£|¥|pound|yen|yuan|rmb|franc|won|rupee", re.IGNORECASE)
# Figures a caption's scale leaves as they are: per-share amounts, rates, counts of shares.
_UNSCALED = re.compile(r"eps|per_share|dps|bvps|margin|pct|ratio|rate|roe|roa|_yoy|_change")

_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")"
# December 2, 2024: a column's full date (PDF text may break it over lines, "December 2,\n2024",
# or run its words together, "December31,")
_FULL_DATE = re.compile(_MONTH + r"\s*(?P<day>\d{1,2}),?\s*(?P<year>(?:19|20)\d{2})(?!\d)", re.I)
_MONTH_DAY = re.compile(_MONTH + r"\s*(?P<day>\d{1,2})(?!\d)", re.IGNORECASE)
# 2024 2023 2022: the columns' years, heading the table (two at least, any order).
_YEAR_RUN = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d{2})\s+(?:19|20)\d{2}(?![\d,.])")
# Q4, Fourth Quarter, Three Months Ended: the first column is a quarter's.
_QUARTER = re.compile(
    r"\bQ(?P<q>[1-4])\b|\b(?P<word>first|second|third|fourth)[- ]quarter"
    r"|\b(?P<months>three|six|nine)\s+months\s+ended",
    re.IGNORECASE,
)
# A period's name heading a table's columns, in the capitals such headers are set in (SECOND
# QUARTER, NINE MONTHS, YEAR ENDED), its years right under it; a footnote's "fiscal second
# quarter" has none.
_PERIOD_HEAD = re.compile(
    r"\b(?:(?:FIRST|SECOND|THIRD|FOURTH)[- ]QUARTER|(?:THREE|SIX|NINE|TWELVE) MONTHS(?: ENDED)?"
    r"|YEARS? ENDED|FISCAL YEAR)\b"
)
_YEARS_UNDER = re.compile(r"[\s,]*" + _YEAR_RUN.pattern)
# The end of the prose's last sentence before a table ("… in our annual report.\n").
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# How far before and after its caption a table's headers sit.
_HEAD_BEFORE = 260
_HEAD_AFTER = 260
_MARK = re.compile(r"\(\d\)")  # (1), a note's mark
# What a table's row holds after its first figure: another figure, the next column's.
_NEXT_COLUMN = re.compile(r"[\s$]*\(?\$?\s*\d")
# A column as its header names it: the year, its last day when given, its quarter's name.
_Column = tuple[int, dt.date | None, str | None]
# Point-in-time figures, which a balance sheet's date is the as-of of (not a period's).
_BALANCES = BALANCE_ITEMS | {"total_assets", "total_liabilities", "net_assets"}


def statement_facts(text: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """`facts` with those in a captioned statement table scaled and dated by the table."""
    if not any(word in text for word in ("illions", "ILLIONS", "housands", "HOUSANDS")):
        return facts
    captions = sorted(
        [*_CAPTION.finditer(text), *_BARE_CAPTION.finditer(text)], key=lambda c: c.start()
    )
    if not captions:
        return facts
    out = []
    spans = {fact.span for fact in facts}
    for fact in facts:
        caption = _caption_before(captions, fact.span[0])
        if caption is not None and _footnote_mark(text, fact):
            continue
        if caption is None or not _table_cell(text, fact):
            out.append(fact)
            continue
        row = row_fact(text, caption.end(), fact)  # a part of revenue, an adjusted section's
        if row is None:
            continue
        following = next((c.start() for c in captions if c.start() > fact.span[1]), len(text))
        head, column = _column_head(text, caption, following, fact)
        out.append(_dated(column, _scaled(text, caption, row)))
        later = _later_columns(text, head, column, row) if column else []
        out += [_scaled(text, caption, f) for f in later if f.span not in spans]
    return out


def _caption_before(captions: list[re.Match[str]], start: int) -> re.Match[str] | None:
    before = [c for c in captions if c.end() <= start]
    return before[-1] if before else None


def _footnote_mark(text: str, fact: ExtractedFact) -> bool:
    """A note's mark after a row's label ("Adjusted net earnings (1)" over the rows it heads),
    not a figure in brackets (a loss of 1) with the next column's after it."""
    written = text[fact.span[0] : fact.span[1]]
    return _MARK.fullmatch(written) is not None and _NEXT_COLUMN.match(text, fact.span[1]) is None


def _table_cell(text: str, fact: ExtractedFact) -> bool:
    """A bare figure (no scale word of its own: "$16.4 billion" is prose) with the next
    column's figure after it: a statement row's first cell."""
    written = text[fact.span[0] : fact.span[1]]
    if re.search(r"[A-Za-z]", written):
        return False
    return _NEXT_COLUMN.match(text, fact.span[1]) is not None


def _scaled(text: str, caption: re.Match[str], fact: ExtractedFact) -> ExtractedFact:
    """The money figure in the caption's scale, in dollars unless the caption names another
    currency or the figure was read with its own."""
    if fact.unit not in ("money", "") or _UNSCALED.search(fact.metric):
        return fact
    scale = _SCALES[caption["scale"].lower()]
    currency = fact.currency
    if currency is None and not _OTHER_CURRENCY.search(caption.group()):
        table = text[caption.start() : fact.span[1]]
        if "$" in table or "dollar" in caption.group().lower():
            currency = "USD"
    return replace(
        fact,
        value=fact.value * scale,
        high=fact.high * scale if fact.high is not None else None,
        unit="money",
        currency=currency,
    )


def _column_head(
    text: str, caption: re.Match[str], following: int, fact: ExtractedFact
) -> tuple[str, _Column | None]:
    """The headers over the fact's table that name its columns' periods and its first column
    as they name it, or ("", None) when none do. `following` is where the next table's
    caption starts (or the text's end)."""
    head = _head(text, caption, fact.span[0])
    if (column := _first_column(head)) is not None:
        return head, column
    trailing = _trailing_head(text, fact.span[1], following)
    if (column := _first_column(trailing)) is not None:
        return trailing, column
    return "", None


def _dated(column: _Column | None, fact: ExtractedFact) -> ExtractedFact:
    """The fact dated by its table's first column, or undated when the headers name none."""
    if column is None:
        return replace(fact, as_of=None, period=None)
    return _in_column(fact, *column)


def _in_column(
    fact: ExtractedFact, year: int, day: dt.date | None, quarter: str | None
) -> ExtractedFact:
    if fact.metric in _BALANCES:
        return replace(fact, as_of=day, period=day.isoformat() if day else None)
    if quarter is not None:
        return replace(fact, as_of=day or _quarter_end(quarter), period=quarter)
    return replace(fact, as_of=day, period=f"FY{year}")


def _later_columns(text: str, head: str, first: _Column, row: ExtractedFact) -> list[ExtractedFact]:
    """The row's item in each later column its headers name a year for (unscaled): a run of
    years (2017 2018 2019), or each column's own last day (November 27, 2015 November 28,
    2014). `first` is the first column, as `_first_column` reads `head`."""
    days = [
        (int(found["year"]), _day(int(found["year"]), found["month"], int(found["day"])))
        for found in _FULL_DATE.finditer(head)
    ]
    listed = {year: day for year, day in days if day is not None}
    run = _YEAR_RUN.search(head)
    years = header_years(head, run.start()) if run else [year for year, _ in days]
    if len(years) < 2 or len(set(years)) != len(years) or years[0] != first[0]:
        return []
    cells = later_cells(text, row, len(years) - 1)
    out = []
    for year, cell in zip(years[1:], cells, strict=False):
        day, movable = column_date(year, first[0], first[1], listed)
        if not movable and row.metric in _BALANCES:
            continue  # a balance needs its day
        quarter = _quarter(head, year, day) if first[2] is not None else None
        fact = column_fact(text, row, cell)
        out.append(_in_column(fact, year, day, quarter))
    return out


def _head(text: str, caption: re.Match[str], start: int) -> str:
    """The table's headers: the lines right above its caption, back to the prose's last
    sentence ("... for the year ended December 31, 2023." dates no column), and those after
    it, up to the figure."""
    before = text[max(0, caption.start() - _HEAD_BEFORE) : caption.start()]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    # (a bar between: no run of years reads across the caption, "…, 2022 | 2024 2023")
    return before + " | " + text[caption.end() : min(start, caption.end() + _HEAD_AFTER)]


def _trailing_head(text: str, start: int, end: int) -> str:
    """The table's headers when the PDF text puts them after its rows, as a period's name
    right over the columns' years ("... Effective tax rate 21.0 % / THIRD QUARTER / 2024
    2023"): the words from that name on, or none."""
    for named in _PERIOD_HEAD.finditer(text, start, end):
        run = _YEARS_UNDER.match(text, named.end())
        if run is not None:
            return text[named.start() : run.end()]
    return ""


def _first_column(head: str) -> _Column | None:
    """The first column's year, its last day when the headers give one, and its period's
    name when it is a quarter's or a part of a year's (Q4 2024, three months ended …)."""
    run = _YEAR_RUN.search(head)
    full = _FULL_DATE.search(head)
    if full is not None and (run is None or full.start() < run.start()):
        day = _day(int(full["year"]), full["month"], int(full["day"]))
        # fiscal 2024 may end on 2025-01-02: the columns' own year names it when they give one
        year = int(run["year"]) if run is not None else int(full["year"])
    elif run is not None:
        year = int(run["year"])
        month_day = _MONTH_DAY.search(head, 0, run.start())
        day = _day(year, month_day["month"], int(month_day["day"])) if month_day else None
    else:
        return None
    return year, day, _quarter(head, year, day)


def _quarter(head: str, year: int, day: dt.date | None) -> str | None:
    found = _QUARTER.search(head)
    if found is None:
        return None
    if found["q"]:
        return f"Q{found['q']} {year}"
    if found["word"]:
        return f"Q{_QUARTER_WORDS[found['word'].lower()]} {year}"
    months = found["months"].lower()
    return f"{months} months ended {day.isoformat()}" if day else f"{months} months of {year}"


def _quarter_end(period: str) -> dt.date | None:
    """Q3 2024's last day, 2024-09-30, as a quarter named with its year is read elsewhere."""
    found = re.fullmatch(r"Q([1-4]) (\d{4})", period)
    if found is None:
        return None
    year, month = int(found[2]), int(found[1]) * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, month: str, day: int) -> dt.date | None:
    try:
        return dt.date(year, _MONTHS[month.lower()], day)
    except ValueError:
        return None
