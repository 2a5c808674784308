"""A holiday named without its year dates its figures by period, in a text with no
publication date (our own sentences); one of another year is a base, not their period."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(bundled_entities())


def _read(text: str, published_at: dt.date | None = None) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published_at, entities=_ENTITIES)


def test_a_holiday_without_its_year_is_its_figures_period() -> None:
    facts = _read(
        "国庆假期，江西省接待游客3200万人次，同比增长12%，恢复至2019年国庆假期同期的85%。"
    )
    assert {(f.value, f.as_of, f.period) for f in facts if f.value in (32000000, 12)} == {
        (32000000, None, "国庆假期"),
        (12, None, "国庆假期"),
    }


def test_a_holiday_of_another_year_is_a_base() -> None:
    facts = _read("据统计，江西省国庆七天假期实现旅游收入210亿元，与去年国庆期间相比增长9%。")
    assert at(facts, "21000000000").period == "国庆七天假期"


def test_a_text_with_a_publication_date_dates_them_by_it() -> None:
    day = dt.date(2022, 10, 8)
    facts = _read("国庆假期，江西省接待游客3200万人次，同比增长12%。", published_at=day)
    assert at(facts, "32000000").as_of == day
