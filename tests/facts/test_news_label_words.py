"""Words a label lost or kept that are not its own, read in our own sentences: the 能 of 产能
taken for a modal verb, the 国内 of 国内外 taken for an economy, the base of a step (较去年
同期增长…至), the start of a planned step (从目前占全球的…), 约 before 为, and a deal's clause
read as an attribute."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾股份", "company")])


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_the_neng_of_capacity_is_no_modal_verb() -> None:
    facts = _read("青禾股份表示，公司2022年1-6月的钠离子电池产能为12.5GWh，二期产线正在调试。")
    assert at(facts, "12.5").metric == "钠离子电池产能"


def test_at_home_and_abroad_is_a_word_of_the_name() -> None:
    facts = _read("2022年江西省接待国内外游客6200万人次，同比增长18.2%。")
    assert (at(facts, "62000000").metric, at(facts, "18.2").metric) == (
        "国内外游客",
        "国内外游客_yoy",
    )


def test_the_base_of_a_step_is_no_part_of_the_level() -> None:
    facts = _read("青禾股份公告，用户在线上渠道的消费支出较去年同期增长12%至860亿元。")
    assert at(facts, "86000000000").metric == "消费支出"
    assert at(facts, "12").metric == "消费支出_yoy"


def test_the_start_of_a_planned_step_is_todays_share() -> None:
    facts = _read("根据计划，欧盟打算把本地区的电池产能从目前占全球的7%，提升到2030年的25%。")
    assert at(facts, "7").metric == "电池产能占全球比重"


def test_yue_before_wei_is_no_part_of_the_label() -> None:
    facts = _read("青禾股份表示，据行业统计，国内的储能电池市场规模约为900亿元。")
    assert at(facts, "90000000000").metric == "储能电池市场规模"


def test_a_deals_clause_is_no_attribute() -> None:
    facts = _read(
        "青禾股份公告，公司拟以约为人民币30亿元的对价受让某化工集团约为51%的股权。"
        "其中某酒店管理公司70%股权的收购价格为2600万元。"
    )
    assert not any(f.unit == "%" for f in facts)
    assert at(facts, "26000000").metric == "收购价格"
