"""The line items of a US filing's statements: their labels, and how a statement writes them.

A filing's balance sheet, income statement and cash-flow statement print each line under its
own label:

    Purchases of property, plant and equipment   (1,240)   (1,105)
    Dividends paid to shareholders                  (310)     (295)
    Inventories                                    2,480     2,215
    Total current liabilities                      5,910     5,604

Each label names one canonical metric (capex, dividends_paid, inventory, current_liabilities),
matched whole: "Accounts payable and accrued liabilities" is no accounts payable, "Inventory
write-downs" no inventory. Two habits of the statements are undone here:

- a cash-flow statement writes money going out in brackets: "(1,240)" of capex is 1,240 spent,
  as 资本支出 is written (the spending, never a negative);
- the same statement lists the year's *changes* in working capital under the balance sheet's
  labels ("Changes in assets and liabilities: Inventories (209)"): a change, not the stock the
  company holds, so no inventory, receivable or payable is read there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the labels here are read by `labels`, which `extract` imports)
    from touyan.facts.extract import ExtractedFact

# metric -> the labels a US statement prints it under (English, matched case-insensitively).
LINE_ITEM_LABELS: dict[str, tuple[str, ...]] = {
    "capex": (
        "purchases of property, plant and equipment",
        "purchases of property, plant, and equipment",
        "purchase of property, plant and equipment",
        "purchase of property, plant, and equipment",
        "purchases of property and equipment",
        "purchase of property and equipment",
        "payments for property, plant and equipment",
        "additions to property, plant and equipment",
        "additions to property and equipment",
        "payments for property and equipment",
        "acquisitions of property, plant and equipment",
        "expenditures for property, plant and equipment",
        "capital expenditures",
        "capital expenditure",
    ),
    "operating_cash_flow": (
        "net cash provided by operating activities",
        "net cash provided by (used in) operating activities",
        "net cash from operating activities",
        "cash provided by operating activities",
        "net cash generated from operating activities",
        "net cash provided by (used for) operating activities",
        "net cash flows provided by operating activities",
    ),
    "cost_of_sales": (
        "cost of sales",
        "total cost of sales",
        "cost of revenue",
        "cost of revenues",
        "total cost of revenue",
        "total cost of revenues",
        "cost of goods sold",
        "cost of products sold",
    ),
    "gross_profit": ("gross profit",),
    "dividends_paid": (
        "dividends paid",
        "cash dividends paid",
        "dividends paid to shareholders",
        "dividends paid to stockholders",
        "payments of dividends",
        "payment of dividends",
        "dividends paid to common shareholders",
        "dividends paid to common stockholders",
        "cash dividends paid to shareholders",
    ),
    "depreciation_amortization": ("depreciation and amortization", "depreciation & amortization"),
    "rd_expense": (
        "research and development",
        "research and development expense",
        "research and development expenses",
    ),
    "sga_expense": (
        "selling, general and administrative",
        "selling, general and administrative expense",
        "selling, general and administrative expenses",
    ),
    "pretax_income": (
        "income before income taxes",
        "earnings before income taxes",
        "income before provision for income taxes",
    ),
    "income_tax": ("provision for income taxes", "income tax expense"),
    "interest_expense": ("interest expense",),
    "inventory": (
        "inventories",
        "inventory",
        "inventories, net",
        "inventory, net",
        "merchandise inventories",
        "total inventories",
    ),
    "accounts_receivable": (
        "accounts receivable",
        "accounts receivable, net",
        "receivables, net",
        "trade receivables, net",
        "trade accounts receivable, net",
        "accounts and notes receivable, net",
    ),
    "accounts_payable": ("accounts payable", "trade accounts payable"),
    "current_assets": ("total current assets",),
    "current_liabilities": ("total current liabilities",),
    "cash": ("cash and cash equivalents",),
    "ppe_net": (
        "property, plant and equipment, net",
        "property, plant, and equipment, net",
        "property and equipment, net",
        "net property, plant and equipment",
    ),
    "long_term_debt": ("long-term debt", "long-term debt, net"),
    "total_equity": (
        "total equity",
        "total stockholders' equity",
        "total shareholders' equity",
        "total stockholders\u2019 equity",
        "total shareholders\u2019 equity",
    ),
}
# Point-in-time figures: a balance sheet's, as of its column's day.
BALANCE_ITEMS = frozenset(
    {"inventory", "accounts_receivable", "accounts_payable", "current_assets",
     "current_liabilities", "cash", "total_equity", "ppe_net", "long_term_debt"}
)  # fmt: skip
# Money going out, written in brackets on a statement ("Cost of sales (5,120)", capex on a
# cash-flow statement): the amount is the spending.
_OUTFLOWS = frozenset(
    {"capex", "dividends_paid", "cost_of_sales", "income_tax", "interest_expense", "sga_expense",
     "rd_expense"}
)  # fmt: skip
# Working capital, whose changes a cash-flow statement lists under the same labels.
_WORKING_CAPITAL = frozenset({"inventory", "accounts_receivable", "accounts_payable"})
# What opens a cash-flow statement (or its operating section) and what opens a balance sheet,
# the PDF text's words sometimes run together ("Changesinoperatingassetsandliabilities").
_STATEMENT_HEAD = re.compile(
    r"(?P<flows>cash\s*flows?|operating\s*activities|changes\s*in\s*(?:operating\s*)?assets)"
    r"|balance\s*sheets?|financial\s*(?:position|condition)",
    re.IGNORECASE,
)


# Each metric's English labels, longest first: the one a figure's line names.
_LABEL_OF = {
    metric: re.compile(
        r"(?<![A-Za-z])(?:"
        + "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        + r")(?![A-Za-z])",
        re.IGNORECASE,
    )
    for metric, labels in LINE_ITEM_LABELS.items()
}
# What may stand before a line's own label on its line: nothing, the cells of the row before
# it ("917 1,028 Receivables, net"), a clause's start (". Capital expenditures were"), a
# determiner or "Total". Anything else makes the label part of another line's name:
# "Unbilled receivables, net", "Net increase in cash and cash equivalents".
_OWN_LABEL_BEFORE = re.compile(
    r"(?:^|[\d)$.;:,]|\b(?:our|the|its|total))[^\S\n]*$", re.IGNORECASE | re.MULTILINE
)
_LABEL_REACH = 160  # characters before a figure its label may start at


def line_item_facts(text: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """`facts` with outflows as the amounts spent, no line item read off another line's name
    and no working capital off a cash-flow statement's changes."""
    if not any(f.metric in _LABEL_OF for f in facts):
        return facts  # the common case, cheaply: no such line item
    out = []
    for fact in facts:
        if fact.metric in _LABEL_OF and not _own_label(text, fact):
            continue
        if fact.metric in _WORKING_CAPITAL and _in_cash_flows(text, fact.span[0]):
            continue  # Inventories (209) under the cash flows: the year's change in them
        if fact.metric in _OUTFLOWS and fact.value < 0:
            fact = replace(fact, value=-fact.value)  # (1,240) spent on equipment: 1,240
        out.append(fact)
    return out


def _own_label(text: str, fact: ExtractedFact) -> bool:
    """Whether the English label before the figure is its line's own (a Chinese label, or a
    label not found near it, is left to the reader)."""
    labels = list(
        _LABEL_OF[fact.metric].finditer(text, max(0, fact.span[0] - _LABEL_REACH), fact.span[0])
    )
    if not labels:
        return True
    start = labels[-1].start()
    line = text.rfind("\n", 0, start) + 1
    return _OWN_LABEL_BEFORE.search(text, line, start) is not None


def _in_cash_flows(text: str, start: int) -> bool:
    """Whether the last statement heading before `start` is a cash-flow statement's."""
    heads = list(_STATEMENT_HEAD.finditer(text, 0, start))
    return bool(heads) and heads[-1]["flows"] is not None
