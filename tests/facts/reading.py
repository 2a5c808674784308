"""Small lookups the fix tests share: the fact with a value, and what a fact claims."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.extract import ExtractedFact


def said(fact: ExtractedFact) -> tuple[str, str, str | None, Decimal, dt.date | None]:
    return fact.subject, fact.metric, fact.object, fact.value, fact.as_of


def at(found: list[ExtractedFact], value: str, metric: str | None = None) -> ExtractedFact:
    """The first fact with this value (and metric, when given)."""
    return next(f for f in found if f.value == Decimal(value) and metric in (None, f.metric))


def dated(found: list[ExtractedFact], metric: str, value: str) -> list[tuple[object, object]]:
    """(as of, period) of each fact with this metric and value as written."""
    return [(f.as_of, f.period) for f in found if f.metric == metric and f"{f.value}" == value]
