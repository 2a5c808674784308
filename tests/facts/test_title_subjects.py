"""Whom a text is about when no dictionary knows its company: the headline's card, registered
name or question says it; and the guards that keep surveys and opinion pieces from a topic."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.names import written_names

DAY = dt.date(2025, 5, 12)


def _facts(title: str, text: str) -> list[ExtractedFact]:
    entities = EntityDictionary.of(bundled_entities())
    return extract_facts(text, title=title, published_at=DAY, entities=entities)


def _subjects(title: str, text: str) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for fact in _facts(title, text):
        found.setdefault(fact.metric, set()).add(fact.subject)
    return found


def _names(text: str, title: str = "") -> list[str]:
    return [n.name for n in written_names(text, title)]


def test_stock_card_headline_names_the_stock_its_body_writes_once() -> None:
    subjects = _subjects(
        "星河电子股票诊断卡",
        "个股评测：综合表述：星河电子所属行业为消费电子，光学模组为营收主要来源。"
        "个股诊断：诊断分数：55分，打败股票55.10%。机构认为最近四个季度毛利率为21.30%，"
        "高于市场70%的公司",
    )
    assert subjects["gross_margin"] == {"星河电子"}
    assert subjects["diagnosis_beat_pct"] == {"星河电子"}


def test_company_profile_headline_over_a_body_that_says_gongsi() -> None:
    assert _names("公司主要生产工业阀门，客户遍及三十多个国家。", "青松实业公司简介") == [
        "青松实业"
    ]


def test_profile_headline_of_a_name_in_no_company_form_needs_the_body_to_write_it() -> None:
    assert _names("公司主要生产工业阀门，客户遍及三十多个国家。", "青松公司简介") == []


def test_survey_headline_credits_nothing_to_its_name() -> None:
    # Not 基本面分析: such surveys run paragraphs on the industry and peers.
    facts = _facts(
        "云岭环境基本面分析",
        "### 行业概况\n行业整体营业收入为320.5亿元，同比增长4.1%，毛利率为18.2%。",
    )
    assert all(f.subject != "云岭环境" for f in facts)
    # even a body that writes the name: the survey headline credits nothing, a company
    # headline over the same body does
    body = "云岭环境营业收入为320.5亿元，同比增长4.1%，毛利率为18.2%。"
    assert _facts("云岭环境基本面分析", body) == []
    assert _subjects("云岭环境：营收增长", body)["revenue"] == {"云岭环境"}


def test_registered_name_headline_names_the_short_name_the_body_uses() -> None:
    subjects = _subjects(
        "杭州云岭环境股份有限公司的股东情况和财务表现如何？",
        "截至4月10日，云岭环境股东户数3.12万，较上期减少1.20%。2024年，云岭环境实现营业收入"
        "8.66亿元，同比增长5.10%。",
    )
    assert subjects["revenue"] == {"云岭环境"}
    assert subjects["revenue_yoy"] == {"云岭环境"}


def test_registered_name_maps_the_body_copy_of_it_to_the_short_name() -> None:
    found = written_names(
        "青川精密机械股份有限公司发布公告。青川精密股价连续两日涨停。",
        "青川精密机械股份有限公司发布了什么公告？",
    )
    assert [(n.name, n.aliases) for n in found] == [("青川精密", ("青川精密机械股份有限公司",))]


def test_registered_name_alone_gives_no_short_name() -> None:
    # The body only copies the registered name: no short name is written to take.
    assert (
        _names(
            "青川精密机械股份有限公司于4月28日召开董事会。",
            "青川精密机械股份有限公司董事会决议公告",
        )
        == []
    )


def test_registered_name_short_form_stops_before_a_statement_word() -> None:
    # 青川精股东: 青川精股 is the full name's characters in order, but 股东 is a figure's word.
    assert _names("近期青川精股东人数下降。", "青川精密股份有限公司的股东情况如何？") == []


def test_filing_name_field_ends_at_the_next_field() -> None:
    names = _names("证券代码：600123 证券简称：华岭药业公告编号：2025-010 华岭药业股份有限公司")
    assert "华岭药业" in names
    assert "华岭药业公告编号" not in names


def test_filing_code_field_is_no_name() -> None:
    assert "证券代码" not in _names("证券代码600123证券简称华岭药业公告编号2025-010")
    # nor where the fields are written with colons and the short name is read
    names = _names("证券代码：600123 证券简称：华岭药业公告编号：2025-010 华岭药业股份有限公司")
    assert names == ["华岭药业"]


def test_headline_name_before_a_preposition_and_a_year() -> None:
    text = "东山纺织在2023年的营收回升。2023年，东山纺织净利润为1.2亿元。"
    assert _names(text, "东山纺织在2023年的财务表现如何") == ["东山纺织"]


def test_question_headline_after_a_period_names_the_company() -> None:
    subjects = _subjects(
        "2025年第一季度华星汽车的销量和营收表现如何？",
        "一季度，公司实现营业收入120.5亿元，同比增长10.2%。",
    )
    assert subjects["revenue"] == {"华星汽车"}


def test_question_after_a_period_over_an_opinion_piece_still_names_nobody() -> None:
    facts = _facts(
        "2025年第一季度华星汽车的股价为何大涨？",
        "公司股价从 3 月的 12 元涨到 5 月的 18 元，单日成交额高达 9 亿元。",
    )
    assert all(f.subject != "华星汽车" for f in facts)
    # the same piece with its figures written unspaced is credited to the company
    facts = _facts(
        "2025年第一季度华星汽车的股价为何大涨？",
        "公司股价从3月的12元涨到5月的18元，单日成交额高达9亿元。",
    )
    assert {f.subject for f in facts if f.metric == "turnover"} == {"华星汽车"}


def test_section_header_glued_to_gongsi_is_the_company_speaking() -> None:
    assert _names(
        "融资分红公司上市15年以来，累计融资总额88.20亿元，累计分红12.50亿元。",
        "华星电子的融资和分红情况如何？",
    ) == ["华星电子"]


def test_subsidiary_after_a_header_is_not_the_company_speaking() -> None:
    # 子公司 heading the body is another company's word: no support for the headline's name.
    assert (
        _names(
            "业务布局子公司成立于2019年，专注储能。",
            "华星电子的业务布局如何？",
        )
        == []
    )
