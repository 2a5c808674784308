"""What a row of an English statement table states, beyond its label: a part, an adjusted one.

A statement lists the parts of its revenue before their total, and may close with a section
of adjusted (non-GAAP) figures under a heading of their own:

    Net hardware sales            $ 4,210   $ 3,980
    Net licence sales               1,130       990
    Total net sales                 5,340     4,970
    ...
    Adjusted net earnings (1)
    Earnings before income taxes    1,402     1,310
    Diluted earnings per share    $  2.44   $  2.31

"Net hardware sales" is read as revenue by its label, but it is the hardware's: the page's
revenue is the total's. The per-share figure under the "Adjusted" heading is adjusted EPS,
though its own row's label is the GAAP one's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.extract import ExtractedFact

# The row's label, right before its first figure: the words on the line(s) before "$ 4,210".
_ROW_LABEL = re.compile(r"(?P<label>[A-Za-z][A-Za-z ,&'()-]*?)[\s$]*$")
# Total net sales, Total revenues, Total net revenue: the revenue's total row.
_TOTAL_REVENUE = re.compile(
    r"(?m)^[^\S\n]*Total\s+(?:net\s+)?(?:operating\s+)?(?:sales|revenues?)\b", re.IGNORECASE
)
# How far after a revenue row its table's total may come (a few rows of parts).
_TOTAL_REACH = 400
# The words a part's label shares with every revenue row's: what is left names the part.
_REVENUE_WORDS = re.compile(r"\b(?:net|total|sales|revenues?|operating|of)\b", re.IGNORECASE)
# A heading line of an adjusted section (Adjusted earnings (1), Non-GAAP measures), over a
# line of words, not a figure: the rows under it are adjusted.
_ADJUSTED_HEAD = re.compile(
    r"(?m)^[^\S\n]*(?:Adjusted|Non-GAAP)\b[^\n\d$]*(?:\(\d\))?[^\S\n]*\n\s*[A-Za-z]",
    re.IGNORECASE,
)
_ADJUSTABLE = {"eps": "eps_adjusted", "net_profit": "net_profit_adjusted"}


def row_fact(text: str, table_start: int, fact: ExtractedFact) -> ExtractedFact | None:
    """The statement row's fact as its place in the table has it: adjusted under an adjusted
    heading; a part of revenue named (or none, when its label names no part) when its table
    totals revenue in a row after it. `table_start` is where its caption ends."""
    if fact.metric in _ADJUSTABLE and _ADJUSTED_HEAD.search(text, table_start, fact.span[0]):
        return replace(fact, metric=_ADJUSTABLE[fact.metric])
    if fact.metric != "revenue" or fact.object is not None:
        return fact
    label = _label(text, table_start, fact.span[0])
    if label is None or label.lower().startswith("total"):
        return fact
    if not _TOTAL_REVENUE.search(text, fact.span[1], fact.span[1] + _TOTAL_REACH):
        return fact
    part = " ".join(_REVENUE_WORDS.sub(" ", label).split())
    # (Net sales before Membership income and Total revenues: the sales, no total nor a part)
    return replace(fact, object=part) if part else None


def _label(text: str, lo: int, start: int) -> str | None:
    found = _ROW_LABEL.search(text, max(lo, start - 80), start)
    return found["label"].strip() if found else None
