"""What part of a subject a figure is of when the words around it say so in their own way:
a product priced after the source's clause, a segment before 全年预计实现, an officer with a
Latin name, the cause of a gain, the market a company's figure is in, a bond's tranche, the
model a count is of; and what stays the whole's, and what each of several unnamed parts
reached, which is no one's; read here in our own sentences with invented
names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("澜石科技", "company"), EntityRecord("青禾汽车", "company")]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_product_priced_after_the_sources_clause() -> None:
    text = (
        "某行业分会消息，本周N型硅片（182mm/130μm）价格区间在1.15-1.3元/片，"
        "成交均价提升至1.21元/片。"
    )
    assert at(facts(text), "1.21").object == "N型硅片"


def test_a_segment_before_its_forecast_words() -> None:
    text = (
        "澜石科技公告，预计2025年度净利润3亿元。"
        "公司数字内容发行业务全年预计实现营业收入约12.6亿元。"
    )
    found = facts(text)
    assert at(found, "1260000000").object == "数字内容发行业务"
    assert at(found, "300000000").object is None


def test_an_officer_named_in_latin_letters_is_the_pays() -> None:
    text = "澜石科技称，公司薪酬委员会将首席执行官John Carter2024年的总薪酬定为2800万美元。"
    assert at(facts(text), "28000000").object == "首席执行官John Carter"


def test_the_cause_of_a_gain_is_its_object_unless_parts_follow() -> None:
    text = (
        "澜石科技公告，预计2025年度净利润5亿元；子公司因诉讼和解协议执行完毕导致的收益约1.2亿元，"
        "属于非经常性损益。"
    )
    assert at(facts(text), "120000000").object == "诉讼和解协议执行完毕"
    text = (
        "澜石科技公告，业绩预增主要是由于政府补助等非经常性损益事项所致，影响金额为0.9亿元，"
        "其中产业扶持补贴为0.7亿元。"
    )
    found = facts(text)
    assert at(found, "90000000").object is None
    assert at(found, "70000000").object == "产业扶持补贴"


def test_a_companys_figure_in_one_market() -> None:
    text = "据调研机构数据，青禾汽车去年四季度在印度的汽车出货量达到3.2万辆，同比增长41%。"
    assert {f.object for f in facts(text)} == {"印度"}


def test_a_tranche_the_clause_before_defines() -> None:
    text = (
        "澜石科技公告，本期债券按用途分为两个品种，品种一为普通公司债券，规模为30亿元，"
        "品种二为绿色公司债券，规模为8亿元。"
    )
    found = facts(text)
    assert at(found, "3000000000").object == "普通公司债券"
    assert at(found, "800000000").object == "绿色公司债券"


def test_the_model_a_count_is_of_but_not_the_whole() -> None:
    text = "青禾汽车公告，2024年共向泰国客户交付了36台QH7型电动客车。"
    assert at(facts(text), "36").object == "QH7型电动客车"
    text = "青禾汽车公告，2024年共交付 52100 辆汽车，其中 QH7 车型 31200 辆。"
    found = facts(text)
    assert at(found, "52100").object is None


def test_a_figure_each_of_several_unnamed_parts_reached_is_dropped() -> None:
    text = (
        "记者从澜石科技获悉，春节期间全渠道销售额增长12%，多个生鲜单品的七日销售额达到800万元以上，"
        "门店客流增长9%。"
    )
    found = facts(text)
    assert all(f.value != 8000000 for f in found)
    assert any(f.value == 12 for f in found)  # the figures around it are kept
