"""Small lookups the fix tests share: the fact with a value, and what a fact claims."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts


def said(fact: ExtractedFact) -> tuple[str, str, str | None, Decimal, dt.date | None]:
    return fact.subject, fact.metric, fact.object, fact.value, fact.as_of


def at(found: list[ExtractedFact], value: str, metric: str | None = None) -> ExtractedFact:
    """The first fact with this value (and metric, when given)."""
    return next(f for f in found if f.value == Decimal(value) and metric in (None, f.metric))


def dated(found: list[ExtractedFact], metric: str, value: str) -> list[tuple[object, object]]:
    """(as of, period) of each fact with this metric and value as written."""
    return [(f.as_of, f.period) for f in found if f.metric == metric and f"{f.value}" == value]


def undated_reader(*companies: str) -> Callable[[str], list[ExtractedFact]]:
    """extract_facts over text with no publication date (news items, flashes), the bundled
    dictionary knowing `companies` too."""
    entities = EntityDictionary.of(
        [*bundled_entities(), *(EntityRecord(name, "company") for name in companies)]
    )
    return lambda text: extract_facts(text, title="", published_at=None, entities=entities)


def when(fact: ExtractedFact) -> tuple[dt.date | None, str | None]:
    return fact.as_of, fact.period
