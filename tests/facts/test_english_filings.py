"""English filings' pages: statement tables' scale and columns, results releases' periods,
lines joined across breaks, and labels that name another figure. Invented text throughout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import undated_reader

from touyan.facts.extract import flatten

read = undated_reader("Quillmark Tools")

BALANCE = """Quillmark Tools
Consolidated Balance Sheet
At December 31
(Dollars in millions, except per share amount)
2030
2029
Other assets
 
412
 
398
Total assets
 
$
8,731
 
$
8,102
Total liabilities
 
$
5,044
 
$
4,870
"""

INCOME = """Quillmark Tools
Consolidated Statements of Income
(In millions, except per share data)
Years Ended September 28,
2031
2030
2029
Net sales
$
3,215
$
3,007
$
2,884
Total cost of sales
1,902
1,851
1,790
Net income
$
287
$
241
$
230
Diluted earnings per share
$
2.41
$
2.02
$
1.93
"""


def _facts(text: str) -> dict[str, tuple[Decimal, str | None, dt.date | None, str | None]]:
    """Each metric's first fact: its row's first column."""
    facts: dict[str, tuple[Decimal, str | None, dt.date | None, str | None]] = {}
    for f in read(text):
        facts.setdefault(f.metric, (f.value, f.currency, f.as_of, f.period))
    return facts


def test_a_balance_sheet_caption_scales_and_its_first_column_dates() -> None:
    facts = _facts(BALANCE)
    assert facts["total_assets"] == (
        Decimal("8731000000"),
        "USD",
        dt.date(2030, 12, 31),
        "2030-12-31",
    )
    assert facts["total_liabilities"][0] == Decimal("5044000000")


def test_an_income_statement_is_the_first_columns_year_and_per_share_figures_stay() -> None:
    facts = _facts(INCOME)
    assert facts["revenue"] == (Decimal("3215000000"), "USD", dt.date(2031, 9, 28), "FY2031")
    assert facts["net_profit"][0] == Decimal("287000000")
    assert facts["eps"][:1] == (Decimal("2.41"),)
    # the cost of what was sold is no revenue (it is the cost of sales)
    assert all(
        f.value != Decimal("1902000000") or f.metric == "cost_of_sales" for f in read(INCOME)
    )


def test_a_table_whose_page_names_no_period_stays_undated() -> None:
    text = "Quillmark Tools\n(in thousands)\nTotal assets\n$\n91,220\n$\n88,004\n"
    (fact,) = read(text)
    assert (fact.value, fact.as_of, fact.period) == (Decimal("91220000"), None, None)


def test_a_line_break_between_latin_words_reads_as_a_space() -> None:
    view, index = flatten("Total revenues\n$7,120\nNet per share $ 3.05\n2.88")
    assert "revenues $7,120" in view
    assert "3.05 2.88" in view
    assert index[view.index(" $7,120")] == len("Total revenues")  # the space is the break
    assert flatten("营业\n收入")[0] == "营业收入"  # Chinese runs on across a break


def test_release_headlines_are_their_periods_and_guidance_a_forecast() -> None:
    text = (
        "Quillmark Tools reports results\n"
        "2031 Third-Quarter earnings per share (EPS) of $0.91 and adjusted EPS of $1.12\n"
        "______\n"
        "2031 Full-Year adjusted EPS of $4.07\n"
        "______\n"
        "Company guides 2032 adjusted operational EPS of $4.40\n"
        "(October 21, 2031) Quillmark Tools today announced results."
    )
    facts = {(f.metric, f.value): (f.as_of, f.period) for f in read(text)}
    assert facts[("eps_adjusted", Decimal("1.12"))] == (dt.date(2031, 9, 30), "Q3 2031")
    assert facts[("eps_adjusted", Decimal("4.07"))] == (dt.date(2031, 12, 31), "FY2031")
    assert facts[("eps_forecast", Decimal("4.40"))] == (dt.date(2032, 12, 31), "FY2032")


def test_a_year_before_the_label_dates_the_figure() -> None:
    text = "Quillmark Tools grew 12% compared to 2030 net revenue of $2.9 billion."
    (fact,) = [f for f in read(text) if f.metric == "revenue"]
    assert (fact.as_of, fact.period) == (dt.date(2030, 12, 31), "FY2030")


def test_deferred_revenue_and_financing_activities_name_no_revenue_or_raise() -> None:
    text = (
        "Quillmark Tools\n(In millions)\nYear Ended December 31,\n2031\n2030\n"
        "Deferred revenue\n(41)\n(37)\nNet Cash Used in Investing Activities\n(612)\n(540)\n"
        "Financing Activities\n"
    )
    assert [f for f in read(text) if f.metric in ("revenue", "raised")] == []
