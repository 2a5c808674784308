"""An English results release dates the results its sentences name no period for by the
period its lead says it reports, and a fiscal year by the day its lead says that year ended.
Invented companies and figures throughout."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("Quillmark Tools", "company", market="us")]
)


def _read(text: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published, entities=_ENTITIES)


def test_a_quarter_s_results_are_the_quarter_the_lead_reports() -> None:
    text = (
        "Quillmark Tools announced results for the quarter ended June 30, 2031, the fourth "
        "quarter of its fiscal year 2031, on July 29, 2031.\n\n"
        "Fourth-quarter revenue was $9.1 billion, up 12 percent.\n\n"
        "Quarterly net income was $2.4 billion, up 8 percent.\n"
    )
    found = _read(text, dt.date(2031, 7, 29))
    for value in ("9100000000", "2400000000"):
        fact = at(found, value)
        assert (fact.as_of, fact.period) == (dt.date(2031, 6, 30), "quarter ended 2031-06-30")


def test_a_year_s_release_dates_a_bare_quarter_by_that_year() -> None:
    text = (
        "Quillmark Tools announced its audited results for the year ended December 31, 2031 "
        "on March 17, 2032.\n\n"
        "Operating profit was $3.3 billion, up 9%.\n\n"
        "Fourth-quarter revenues were $2.2 billion, up 5%.\n\n"
        "Third-quarter revenues were $2.0 billion, up 4%.\n"
    )
    found = _read(text, dt.date(2032, 3, 17))
    assert at(found, "3300000000").as_of == dt.date(2031, 12, 31)
    assert at(found, "2200000000").as_of == dt.date(2031, 12, 31)
    third = at(found, "2000000000")
    assert (third.as_of, third.period) == (dt.date(2031, 9, 30), "Q3, year ended 2031-12-31")


def test_a_fiscal_year_ends_on_the_day_the_lead_says_it_did() -> None:
    lead = (
        "Quillmark Tools announced results for its fiscal 2031 fourth quarter, which ended "
        "September 27, 2031, on October 30, 2031.\n\n"
    )
    body = "Quillmark Tools' net income for fiscal 2031 was $9.3 billion.\n"
    fact = at(_read(lead + body, dt.date(2031, 10, 30)), "9300000000")
    assert (fact.as_of, fact.period) == (dt.date(2031, 9, 27), "FY2031")
    # a fiscal year whose end no dictionary and no lead gives: named, not dated
    fact = at(_read("Products were shipped.\n\n" + body, dt.date(2031, 10, 30)), "9300000000")
    assert (fact.as_of, fact.period) == (None, "FY2031")


def test_a_fourth_quarter_release_dates_an_earlier_quarter_it_names() -> None:
    text = (
        "Quillmark Tools announced results for the quarter ended December 31, 2031, the fourth "
        "quarter of its fiscal year, on January 27, 2032.\n\n"
        "Third-quarter revenue was $8.4 billion.\n"
    )
    fact = at(_read(text, dt.date(2032, 1, 27)), "8400000000")
    assert (fact.as_of, fact.period) == (dt.date(2031, 9, 30), "Q3, year ended 2031-12-31")
