"""Words that say how a figure is counted or meant are no segment of the company."""

from __future__ import annotations

from touyan.facts.entities import bundled_dictionary
from touyan.facts.extract import extract_facts


def _objects(text: str) -> set[tuple[str, str | None]]:
    facts = extract_facts(text, entities=bundled_dictionary())
    return {(f.subject, f.object) for f in facts}


def _metrics(text: str) -> set[str]:
    return {f.metric for f in extract_facts(text, entities=bundled_dictionary())}


def test_counting_words_are_not_segments() -> None:
    assert ("小米集团", "含税") not in _objects("2013年，小米含税营业收入316亿元。")
    assert not any("确保" in (o or "") for _, o in _objects("小米汽车确保单月交付量1万辆。"))


def test_a_real_segment_stays_the_object() -> None:
    found = _objects("2024年，宁德时代动力电池系统营业收入2530.41亿元。")
    assert ("宁德时代", "动力电池系统") in found


def test_a_target_is_a_forecast_not_a_result() -> None:
    assert _metrics("小米汽车确保单月交付量1万辆。") == {"deliveries_forecast"}
