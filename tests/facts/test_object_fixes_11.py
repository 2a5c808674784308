"""Whom a bilateral figure (两国贸易总额, 双边贸易额) is with: the partner economy the text
named before it, beside the subject; and which good an economy's bare total is of when a
clause opening with the good comes first; and the industry a national figure is of, with
the growth that goes on after it, and the share of a figure a record (首次突破…) follows;
read here in our own sentences with invented
figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=dt.date(2025, 5, 15), entities=NAMES)


def test_a_bilateral_figure_is_with_the_partner_named_before() -> None:
    text = (
        "据报道，日本与印度本周将启动经贸磋商，日本希望扩大对印度的出口。"
        "据日本统计，2024年两国贸易总额为3.1万亿日元。"
    )
    fact = at(facts(text), "3100000000000")
    assert (fact.subject, fact.object) == ("日本", "印度")


def test_a_bilateral_growth_names_the_partner_too() -> None:
    text = (
        "商务部表示，我国和巴西经贸关系保持稳定发展。"
        "2024年，双边贸易额同比增长9.6%，达到1880亿美元。"
    )
    found = facts(text)
    assert {(f.subject, f.object) for f in found if f.metric.startswith("双边贸易额")} == {
        ("巴西", "中国")
    }


def test_a_bare_total_after_a_clause_opening_with_a_good_is_that_goods() -> None:
    text = (
        "2024年，河南农业稳步发展，粮食总产量6700万吨，增长1.2%；"
        "小麦继续保持丰收，总产量达3800万吨，占全国的27.8%。"
    )
    found = extract_facts(text, title="", published_at=None, entities=NAMES)
    assert at(found, "38000000").metric == "小麦总产量"
    assert at(found, "67000000").metric == "粮食总产量"


def test_an_industrys_figures_and_the_growth_that_goes_on_are_its() -> None:
    text = (
        "据统计局，2024年，全国规模以上体育及相关产业企业实现营业收入32150亿元，比上年增长7.2%；"
        "两年平均增长5.6%。"
    )
    found = extract_facts(text, title="", published_at=None, entities=NAMES)
    assert {(f.metric, f.object) for f in found} == {
        ("revenue", "规模以上体育及相关产业企业"),
        ("revenue_yoy", "规模以上体育及相关产业企业"),
        ("revenue两年平均_yoy", "规模以上体育及相关产业企业"),
    }


def test_a_record_the_figure_set_names_no_measure() -> None:
    text = (
        "商务部数据显示，2024年全国服务零售额增长6%。其中，在线文旅零售额5.2万亿元，"
        "首次突破5万亿元，同比增长8.0%，占社会消费品零售总额的比重为11.5%。"
    )
    found = extract_facts(text, title="", published_at=None, entities=NAMES)
    assert at(found, "11.5").metric == "在线文旅零售额占社会消费品零售总额比重"
    assert all(not f.metric.startswith("首次") for f in found)
