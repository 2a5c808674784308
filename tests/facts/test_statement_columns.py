"""A statement row's later figures are the same line item in its later columns, each dated by
the year its column heads (`touyan.facts.statement_columns`). Invented statements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import undated_reader

from touyan.facts.extract import ExtractedFact

read = undated_reader("Ferrowick Industries")


def _row(found: list[ExtractedFact], metric: str) -> list[tuple[Decimal, object, object]]:
    return [(f.value, f.as_of, f.period) for f in found if f.metric == metric]


OLDEST_FIRST = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions, except per share data)
Year Ended December 31,
2029
2030
2031
Total net sales
$
5,210 $
5,880 $
6,415
Operating income (loss)
(120)
310
(45)
Interest expense
(48)
(51)
(57)
Net income
$
96 $
240 $
412
Diluted earnings per share
$
0.41 $
1.02 $
1.75
"""


def test_each_column_is_its_own_year_oldest_first_too() -> None:
    found = read(OLDEST_FIRST)
    assert _row(found, "revenue") == [
        (Decimal("5210000000"), dt.date(2029, 12, 31), "FY2029"),
        (Decimal("5880000000"), dt.date(2030, 12, 31), "FY2030"),
        (Decimal("6415000000"), dt.date(2031, 12, 31), "FY2031"),
    ]
    assert [v for v, _, _ in _row(found, "net_profit")] == [
        Decimal("96000000"), Decimal("240000000"), Decimal("412000000"),
    ]  # fmt: skip
    # a per-share figure stays unscaled in every column
    assert [v for v, _, _ in _row(found, "eps")] == [
        Decimal("0.41"), Decimal("1.02"), Decimal("1.75"),
    ]  # fmt: skip


def test_a_bracketed_cell_keeps_the_sign_its_line_means() -> None:
    found = read(OLDEST_FIRST)
    # an expense in brackets is the amount spent in every column
    assert [v for v, _, _ in _row(found, "interest_expense")] == [
        Decimal("48000000"), Decimal("51000000"), Decimal("57000000"),
    ]  # fmt: skip
    # a loss in brackets beside a profit written bare: the signs differ by column
    profit = [v for v, _, _ in _row(found, "operating_profit")]
    assert profit == [Decimal("-120000000"), Decimal("310000000"), Decimal("-45000000")]


BALANCES = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED BALANCE SHEETS
(In millions)
June 30,
2031
2030
Cash and cash equivalents
$
2,415 $
1,980
Short-term investments
640
Total assets
$
9,120 $
8,460
"""


def test_a_balance_sheets_second_column_is_its_own_day() -> None:
    found = read(BALANCES)
    assert _row(found, "cash") == [
        (Decimal("2415000000"), dt.date(2031, 6, 30), "2031-06-30"),
        (Decimal("1980000000"), dt.date(2030, 6, 30), "2030-06-30"),
    ]
    assert [v for v, _, _ in _row(found, "total_assets")] == [
        Decimal("9120000000"), Decimal("8460000000"),
    ]  # fmt: skip


def test_a_row_with_a_blank_cell_keeps_its_first_figure_alone() -> None:
    # "Short-term investments 640" has one figure for two columns: which one is blank is
    # not written, so no figure of it is put under the second year (nor is 640 read twice)
    found = read(BALANCES.replace("Short-term investments", "Accounts receivable, net"))
    receivables = _row(found, "accounts_receivable")
    assert len(receivables) <= 1 and all(day != dt.date(2030, 6, 30) for _, day, _ in receivables)


def test_two_groups_of_columns_keep_each_row_to_its_first_figure() -> None:
    text = """FERROWICK INDUSTRIES, INC.
CONDENSED STATEMENTS OF OPERATIONS
(in millions)
Three Months Ended September 30, Nine Months Ended September 30,
2031 2030 2031 2030
Total net sales
$ 1,610 $ 1,480 $ 4,720 $ 4,305
"""
    assert [v for v, _, _ in _row(read(text), "revenue")] == [Decimal("1610000000")]


def test_listed_year_ends_date_their_columns_and_a_weekday_end_is_not_carried() -> None:
    listed = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED STATEMENT OF CASH FLOWS
Fiscal years ended December 30, 2031, December 31, 2030 and December 25, 2029
(in millions)
2031
2030
2029
Net cash provided by operating activities
3,410
3,175
2,988
"""
    assert [d for _, d, _ in _row(read(listed), "operating_cash_flow")] == [
        dt.date(2031, 12, 30), dt.date(2030, 12, 31), dt.date(2029, 12, 25),
    ]  # fmt: skip
    # one weekday end given for the first column alone: the others' ends are not known
    weekday = listed.replace(
        "Fiscal years ended December 30, 2031, December 31, 2030 and December 25, 2029",
        "Fiscal years ended December 30, 2031",
    )
    assert _row(read(weekday), "operating_cash_flow")[1:] == [
        (Decimal("3175000000"), None, "FY2030"),
        (Decimal("2988000000"), None, "FY2029"),
    ]


def test_columns_headed_by_their_own_days_and_dot_leaders() -> None:
    page = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED STATEMENTS OF CASH FLOWS
(In thousands)
Years Ended
November 29,
2031
November 30,
2030
December 1,
2029
Net income.............................................................. $
512,430
$
401,118
$
377,902
"""
    assert _row(read(page), "net_profit") == [
        (Decimal("512430000"), dt.date(2031, 11, 29), "FY2031"),
        (Decimal("401118000"), dt.date(2030, 11, 30), "FY2030"),
        (Decimal("377902000"), dt.date(2029, 12, 1), "FY2029"),
    ]


def test_a_fiscal_year_named_for_the_year_before_its_end_takes_its_listed_day() -> None:
    page = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED BALANCE SHEETS
At January 1, 2032 and January 2, 2031
(Dollars in Millions)
2031
2030
Total assets
$
9,120
8,460
"""
    assert _row(read(page), "total_assets") == [
        (Decimal("9120000000"), dt.date(2032, 1, 1), "2032-01-01"),
        (Decimal("8460000000"), dt.date(2031, 1, 2), "2031-01-02"),
    ]
