"""Owners short news items mistook, fifth round: a bank's business line read as an industry
(投资银行业务: 银行业 is no trade there), a partner named before a clause that speaks of 公司
(公司拟与某某共同投资…，公司出资), a joint venture's project total filed under a partner, and the
economy given figures that a firm leading the sentence (2023年某某集团发电量), a project (项目总
投资, 包括工程投资) or some unnamed members of a group (也有部分经销商…) own."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_bank_s_business_line_is_no_industry(entities: EntityDictionary) -> None:
    text = "摩根大通第四季度净营收300亿美元；第四季度投资银行业务营收32亿美元，分析师预估29亿美元。"
    found = _read(text, "摩根大通四季度营收超预期", entities)
    fact = at(found, "3200000000")
    assert (fact.subject, fact.object) == ("摩根大通", "投资银行业务")


def test_a_partner_named_with_jointly_leads_no_clause(entities: EntityDictionary) -> None:
    text = (
        "澜石科技公告，公司拟与宁德时代共同投资设立合资公司，注册资本为10亿元，"
        "公司拟出资6亿元，占合资公司注册资本的60%；宁德时代拟出资4亿元。"
    )
    found = _read(text, "澜石科技：拟与宁德时代设合资公司", entities)
    assert at(found, "600000000").subject == "澜石科技"
    assert at(found, "400000000").subject == "宁德时代"


def test_a_joint_venture_s_project_total_is_no_partner_s(entities: EntityDictionary) -> None:
    text = (
        "澜石科技公告，全资子公司与其他合资方共同投资设立合资公司，合资公司在某国建设锂盐项目，"
        "项目建设总投资约为12亿美元。公司本次出资2亿美元。"
    )
    found = _read(text, "澜石科技：合资公司拟投建锂盐项目", entities)
    assert all(f.value != 1200000000 for f in found)
    assert at(found, "200000000").subject == "澜石科技"


def test_a_firm_leading_the_sentence_owns_its_figures(entities: EntityDictionary) -> None:
    text = (
        "1月10日，某能集团发布消息，2023年某能集团清洁能源发电量超过2000亿千瓦时，同比增长6.5%。"
        "2023年全国清洁能源发电量同比增长8.1%。"
    )
    found = _read(text, "某某集团年发电量创新高", entities)
    assert all(f.subject != "中国" for f in found if f"{f.value}" in ("200000000000", "6.5"))
    assert at(found, "8.1").subject == "中国"


def test_a_project_s_figures_are_no_economy_s(entities: EntityDictionary) -> None:
    text = (
        "国家发展改革委批复同意新建甲市至乙市高速铁路。项目总投资800.5亿元，"
        "包括工程投资760.2亿元。全国铁路固定资产投资同比增长7.5%。"
    )
    found = _read(text, "发改委批复新建高铁", entities)
    assert all(f.value not in (80050000000, 76020000000) for f in found)
    assert at(found, "7.5").subject == "中国"


def test_some_members_of_a_group_are_no_economy(entities: EntityDictionary) -> None:
    text = (
        "为春节销售发愁的酒商，全国各地不在少数，也有部分经销商春节销售额下滑40%以上。"
        "全国白酒产量同比下降5.2%。"
    )
    found = _read(text, "春节白酒销售平淡", entities)
    assert all(f.value != -40 for f in found)
    assert at(found, "-5.2").subject == "中国"
