"""What an investment goes into when its own clause names it only by a bare noun or not at
all: the partnership named right after the sum, the fund a partner's subscription is paid
into, the project a bare 项目 points back to, the project an earlier clause of the sentence
builds; and how a sum is paid (拟以自有资金认缴) is no part of the company; read here in our
own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def invested_in(text: str, value: str) -> str | None:
    fact = at(facts(text), value)
    assert fact.metric.startswith("invested")
    return fact.object


def test_the_vehicle_named_after_the_sum_is_what_it_goes_into() -> None:
    text = (
        "澜石科技公告，拟出资2000万元参与投资苏州远帆创业投资合伙企业（有限合伙），"
        "基金本次总认缴出资额为2亿元。"
    )
    assert invested_in(text, "20000000") == "苏州远帆创业投资合伙企业"


def test_a_partners_subscription_goes_into_the_fund_joined_before() -> None:
    text = (
        "澜石科技公告，公司拟作为有限合伙人之一参与投资杭州青禾股权投资合伙企业（有限合伙）。"
        "该基金将投向新材料领域，基金此次总认缴出资额为3亿元，其中公司拟以自有资金认缴出资"
        "4500万元，持有基金15%的份额。"
    )
    assert invested_in(text, "45000000") == "杭州青禾股权投资合伙企业"


def test_a_bare_project_points_back_to_the_project_named() -> None:
    text = (
        "澜石科技公告，公司与北湖区政府签订“北湖区水环境综合治理PPP项目”的《投资协议》。"
        "项目PPP估算总投资为约7.2亿元。"
    )
    assert invested_in(text, "720000000") == "北湖区水环境综合治理PPP项目"
    text = (
        "澜石科技公告，公司及子公司远山建设组成联合体投资建设东港区污水管网改造工程EPC项目，"
        "项目总投资为2.3亿元。"
    )
    assert invested_in(text, "230000000") == "东港区污水管网改造工程EPC项目"
    # (a project the company won the bid for is budgeted by its owner: see plans.py)


def test_the_project_an_earlier_clause_builds_is_the_totals() -> None:
    text = "澜石科技公告，子公司拟在南屿工业园建设“高纯材料研发中心”项目，计划总投资约为12.5亿元。"
    assert invested_in(text, "1250000000") == "高纯材料研发中心项目"


def test_a_streak_or_a_verb_before_a_label_is_no_part() -> None:
    names = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾汽车", "company")])
    text = (
        "青禾汽车公告，2025年4月公司交付新车8120台。单车型交付上，青禾X5交付3150台，"
        "连续三月交付超过3000台；青禾X3交付1980台。"
    )
    found = extract_facts(text, title="", published_at=DAY, entities=names)
    assert at(found, "3000").object == "青禾X5"
    text = (
        "青禾汽车公告，预计2024年净利润6.2亿元。本年度完成新能源整车销量21.5万辆，同比增长约18%。"
    )
    found = extract_facts(text, title="", published_at=DAY, entities=names)
    assert {f.object for f in found if f.metric.startswith("deliveries")} == {"新能源整车"}


def test_projects_counted_right_before_their_total() -> None:
    text = (
        "广州市发改委公布2025年重点项目计划。根据计划，2025年广州市重点建设正式项目共600个，"
        "年度计划投资3000亿元。据统计，520个市重点项目总投资2.1万亿元。"
    )
    title = "广州市2025年重点项目计划公布"
    found = extract_facts(text, title=title, published_at=None, entities=NAMES)
    assert at(found, "2100000000000").object == "520个市重点项目"
    assert at(found, "300000000000").object == "正式项目"
