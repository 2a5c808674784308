"""A US filing's statement line items: capex, dividends paid, cost of sales, working capital,
current assets and liabilities, cash, equity, operating cash flow; read by their line's own
label, scaled by the caption and dated by the first column. Invented statements throughout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import undated_reader

from touyan.facts.extract import ExtractedFact, flatten

read = undated_reader("Ferrowick Industries")


def _claims(found: list[ExtractedFact]) -> dict[str, tuple[Decimal, dt.date | None, str | None]]:
    """Each metric's first fact: its row's first column (`test_statement_columns` reads on)."""
    claims: dict[str, tuple[Decimal, dt.date | None, str | None]] = {}
    for f in found:
        claims.setdefault(f.metric, (f.value, f.as_of, f.period))
    return claims


CASH_FLOWS = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED STATEMENTS OF CASH FLOWS
(In millions)
Years Ended December 31,
2031
2030
Cash flows from operating activities
Net income
$
1,310 $
1,120
Changes in assets and liabilities
Accounts receivable
  (115)  (52) Inventories
  (230)  (91) Accounts payable
  119  31 Net cash provided by (used in) operating activities
  2,517  2,306 Cash flows from investing activities
Purchases of property, plant and equipment (PP&E)
  (986)  (844) Cash flows from financing activities
Dividends paid to shareholders
  (412)  (388) Effect of exchange rate changes on cash and cash equivalents
  (17)  9 Net increase (decrease) in cash and cash equivalents
  (64)  211
"""


def test_a_cash_flow_statement_gives_capex_dividends_and_operating_cash_as_amounts() -> None:
    claims = _claims(read(CASH_FLOWS))
    year = (dt.date(2031, 12, 31), "FY2031")
    assert claims["capex"] == (Decimal("986000000"), *year)  # spent, not a negative
    assert claims["dividends_paid"] == (Decimal("412000000"), *year)
    assert claims["operating_cash_flow"] == (Decimal("2517000000"), *year)


def test_its_working_capital_changes_and_cash_movements_are_no_balances() -> None:
    metrics = {f.metric for f in read(CASH_FLOWS)}
    assert not metrics & {"inventory", "accounts_receivable", "accounts_payable", "cash"}


BALANCE_SHEET = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED BALANCE SHEETS
(amounts in millions)
September 28,
2031
September 29,
2030
Cash and cash equivalents
$
2,415 $
2,108 Unbilled receivables, net
733 690 Accounts receivable, net
1,142 1,063 Merchandise inventories
3,874 3,590 Total current assets
8,164 7,451 Accounts payable and accrued liabilities
$
2,930 $
2,702 Accounts payable
$
2,286 $
2,044 Total current liabilities
5,309 4,877 Total stockholders' equity
6,118 5,770
"""


def test_a_balance_sheet_gives_its_lines_as_of_the_first_columns_day() -> None:
    claims = _claims(read(BALANCE_SHEET))
    day = dt.date(2031, 9, 28)
    assert claims["cash"] == (Decimal("2415000000"), day, "2031-09-28")
    assert claims["accounts_receivable"] == (Decimal("1142000000"), day, "2031-09-28")
    assert claims["inventory"] == (Decimal("3874000000"), day, "2031-09-28")
    assert claims["current_assets"] == (Decimal("8164000000"), day, "2031-09-28")
    assert claims["current_liabilities"] == (Decimal("5309000000"), day, "2031-09-28")
    assert claims["total_equity"] == (Decimal("6118000000"), day, "2031-09-28")


def test_a_label_inside_another_lines_name_names_no_line_item() -> None:
    found = read(BALANCE_SHEET)
    receivables = [f.value for f in found if f.metric == "accounts_receivable"]
    payables = [f.value for f in found if f.metric == "accounts_payable"]
    assert receivables == [Decimal("1142000000")]  # not the unbilled ones
    assert payables == [Decimal("2286000000")]  # not the line with accrued liabilities


INCOME = """FERROWICK INDUSTRIES, INC.
INCOME STATEMENTS
(In millions, except per share amounts)
Year Ended June 30,
2031 2030
Revenue:
Product
$ 4,410 $ 4,020 Service and other
 1,205  1,130 Total revenue
 5,615  5,150 Cost of revenue:
Product
 1,830  1,702 Service and other
 640  610 Total cost of revenue
 2,470  2,312 Gross profit
 3,145  2,838
"""


def test_an_income_statement_gives_the_total_cost_of_revenue_and_gross_profit() -> None:
    claims = _claims(read(INCOME))
    year = (dt.date(2031, 6, 30), "FY2031")
    assert claims["cost_of_sales"] == (Decimal("2470000000"), *year)
    assert claims["gross_profit"] == (Decimal("3145000000"), *year)
    assert claims["revenue"] == (Decimal("5615000000"), *year)


def test_a_cost_in_brackets_is_the_amount_spent() -> None:
    text = INCOME.replace(" 2,470  2,312", " (2,470)  (2,312)")
    assert _claims(read(text))["cost_of_sales"][0] == Decimal("2470000000")


def test_a_row_of_bracketed_figures_joins_the_label_line_above_it() -> None:
    view, _ = flatten("Dividends paid\n  (412)  (388) Other net\n")
    assert view == "Dividends paid  (412)  (388) Other net"
    # (a Chinese table's gap between two bracketed cells still breaks its lines)
    assert flatten("营业收入\n(12)  (8)\n")[0] == "营业收入\n(12)  (8)"


def test_a_line_item_said_in_a_clause_of_its_own_is_read() -> None:
    found = read("Ferrowick Industries reported its annual results. Capital expenditures were "
                 "$986 million in 2031.")  # fmt: skip
    assert [(f.metric, f.value) for f in found] == [("capex", Decimal("986000000"))]


OPERATIONS = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions)
Year Ended December 31,
2031
2030
Research and development
 1,204  1,118
Selling, general and administrative expenses
 2,306  2,190
Interest expense
 (141)  (133)
Income before income taxes
 3,512  3,207
Provision for income taxes
 (702)  (641)
"""


def test_an_income_statements_expenses_and_pretax_income_are_read_as_amounts() -> None:
    claims = _claims(read(OPERATIONS))
    year = (dt.date(2031, 12, 31), "FY2031")
    assert claims["rd_expense"] == (Decimal("1204000000"), *year)
    assert claims["sga_expense"] == (Decimal("2306000000"), *year)
    assert claims["interest_expense"] == (Decimal("141000000"), *year)
    assert claims["pretax_income"] == (Decimal("3512000000"), *year)
    assert claims["income_tax"] == (Decimal("702000000"), *year)


DEBT = """FERROWICK INDUSTRIES, INC.
CONSOLIDATED BALANCE SHEETS
(In millions)
December 31,
2031
2030
Property, plant and equipment, net
 6,870  6,402
Current portion of long-term debt
 450  390
Long-term debt
 5,115  5,560
"""


def test_the_current_portion_of_debt_is_not_the_long_term_debt() -> None:
    found = read(DEBT)
    debt = [f.value for f in found if f.metric == "long_term_debt"]
    assert debt == [Decimal("5115000000"), Decimal("5560000000")]  # each column's
    assert _claims(found)["ppe_net"][:2] == (Decimal("6870000000"), dt.date(2031, 12, 31))
