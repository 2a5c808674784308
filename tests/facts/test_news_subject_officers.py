"""Figures of a person or a thing a company's name only qualifies: an officer's pay when the
officer's foreign name is written in characters with its Latin form in brackets."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_an_officer_named_in_characters_and_latin_owns_the_pay(
    entities: EntityDictionary,
) -> None:
    text = (
        "据披露，摩根士丹利首席执行官詹姆斯·戈尔曼（James Gorman）于2021年获得加薪，"
        "总薪酬为3500万美元。"
    )
    fact = at(_read(text, "大摩CEO薪酬", entities), "35000000")
    assert (fact.subject, fact.object) == ("摩根士丹利", "首席执行官詹姆斯·戈尔曼")
    text = "据披露，摩根士丹利首席财务官王小明的总薪酬为1200万美元。"
    fact = at(_read(text, "大摩薪酬", entities), "12000000")
    assert (fact.subject, fact.object) == ("摩根士丹利", "首席财务官王小明")
