"""Figures of a person or a thing a company's name only qualifies, or of a company it bought:
an officer's pay when the officer's foreign name is written in characters with its Latin form
in brackets, a founder's project (某公司创始人某某的新项目某某，…), a valuation after an
investor's figure, a bought company opening its clause (甲收购乙。乙…累计实现净利润), and what a
speaker spoke of (谈及某央行加息，他指出…)."""

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


def test_a_founder_s_project_is_not_the_company_s(entities: EntityDictionary) -> None:
    text = (
        "据知情人士透露，小米集团创始人兼CEO王小明的新项目星河机器人，已在2022年初完成2亿美元"
        "融资，领投方是腾讯。作为领投方，腾讯的投资金额超过8000万美元。而目前，星河机器人正以"
        "30亿美元估值进行新一轮融资。"
    )
    found = _read(text, "创始人新项目获腾讯领投", entities)
    assert all(f.subject != "小米集团" and f.object != "小米集团" for f in found)
    assert at(found, "80000000").subject == "腾讯控股"
    # a valuation after an investor's figure is the investee's, never the investor's
    assert all(f.metric != "valuation" for f in found)
    text = (
        "据知情人士透露，小米集团已在2022年初完成2亿美元融资，领投方是腾讯。作为领投方，"
        "腾讯的投资金额超过8000万美元。而目前，小米集团正以30亿美元估值进行新一轮融资。"
    )
    found = _read(text, "小米获腾讯领投", entities)
    assert at(found, "200000000").subject == "小米集团"
    assert at(found, "3000000000").subject == "小米集团"


def test_a_bought_company_opening_its_clause_owns_its_figures(
    entities: EntityDictionary,
) -> None:
    text = (
        "据悉，小米集团2019年3月以12亿元收购星河电子。星河电子2019-2021年累计实现净利润3.2亿元，"
        "未完成业绩承诺。小米集团2021年净利润为190亿元。"
    )
    found = _read(text, "小米集团：收购标的未完成业绩承诺", entities)
    assert all(f.value != 320000000 for f in found)
    assert at(found, "19000000000").subject == "小米集团"


def test_what_a_speaker_spoke_of_leads_no_figure(entities: EntityDictionary) -> None:
    text = (
        "国家外汇局新闻发言人今天在发布会上谈及美联储加息，他指出，2021年跨境贷款余额增长6.5%，"
        "低于上一轮年均15%的增速。"
    )
    assert at(_read(text, "外汇局谈跨境资金", entities), "6.5").subject == "中国"
    text = "美联储今天在发布会上指出，2021年跨境贷款余额增长6.5%。"
    assert at(_read(text, "外汇局谈跨境资金", entities), "6.5").subject == "美国联邦储备委员会"
