"""What a bare count counts when its label names money or a size.

A label for money (sales, revenue) before a figure the text counts in goods ("sales of 2.1
million units") names units sold, not revenue: the figure has no currency and is followed by
the goods it counts. A company's size (规模) stated in people (公司规模已超过500人) is its
headcount, not a sum of money or a market's size. Each is read so here; anything else a
money label would give such a count is nobody's figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.labels import COUNT_METRICS, KNOWN_METRICS, PERCENT_METRICS, RATIO_METRICS
from touyan.text.numbers import Quantity

# The goods an English count is of, right after the figure (1.2 million units, 300,000
# vehicles): a count, whatever its label is.
_GOODS_AFTER = re.compile(
    r"\s*(?:units?|vehicles?|cars?|NEVs?|EVs?|smartphones?|phones?|handsets?|devices?)\b",
    re.IGNORECASE,
)
# An English label for goods sold (sales of, deliveries of, shipments of): their count.
_SOLD_LABEL = re.compile(r"\s*(?:sales|deliveries|shipments)\b", re.IGNORECASE)
# A company's size, or its staff's, told as a count of people (规模超过500人).
_SIZE_LABELS = frozenset({"规模", "人员规模", "员工规模", "公司规模"})
_PEOPLE = frozenset("人名")


def _money_metric(metric: str) -> bool:
    """Whether a known metric is an amount of money (revenue, raised), not a count or a rate."""
    return metric in KNOWN_METRICS and not (
        metric in COUNT_METRICS or metric in PERCENT_METRICS or metric in RATIO_METRICS
    )


def counted_as(
    metric: str, q: Quantity, text: str, label_start: int
) -> tuple[str, Quantity] | None:
    """The metric and quantity a count under `metric` states: goods sold for a money label
    on a count of goods ("sales of 2.1 million units": deliveries, a count), headcount for a
    size in people (规模超过500人: 员工人数); None when a money label's count of goods is not
    one of goods sold ("revenue of 3 million units" says nothing of money). Anything else is
    returned as it was."""
    if metric in _SIZE_LABELS and q.unit == "count" and q.classifier in _PEOPLE:
        return "员工人数", q
    if q.unit or q.currency or not _money_metric(metric):
        return metric, q
    if not _GOODS_AFTER.match(text, q.span[1]):
        return metric, q
    if _SOLD_LABEL.match(text, label_start):
        return "deliveries", replace(q, unit="count")
    return None
