"""A period's result (revenue, profit, a margin, their growth) that the text dates nowhere is
left undated, not dated by the day of writing; a quote is the day's. Invented text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of([*bundled_entities(), EntityRecord("青梧芯片", "company")])
_DAY = dt.date(2031, 5, 13)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="青梧芯片点评", published_at=_DAY, entities=_ENTITIES)


def test_a_result_no_period_names_is_undated_and_a_quote_keeps_the_day() -> None:
    found = _read("青梧芯片光学模组营收4.17亿元，同比+26%，毛利率38.62%。青梧芯片股价报12.30元。")
    dated = {(f.metric, f.value): f.as_of for f in found}
    assert dated[("revenue", Decimal("417000000"))] is None
    assert dated[("revenue_yoy", Decimal("26"))] is None
    assert dated[("gross_margin", Decimal("38.62"))] is None
    assert dated[("price", Decimal("12.30"))] == _DAY  # a quote is the day's


def test_a_result_the_text_dates_keeps_its_period() -> None:
    found = _read("2030年，青梧芯片营收4.17亿元，同比+26%。")
    assert {f.as_of for f in found if f.metric.startswith("revenue")} == {dt.date(2030, 12, 31)}
