"""Whom a stake or a trade in shares is of, and what a figure is of when the text names a part:
a holder opening the clause of its sale, one 其 points back to, a holder named right after or
before its stake, the company a stake is held in, the fund a partner pays into, a product
priced with its spec, and a foreign country's domestic orders; read here in our own sentences
with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_holder_opening_the_clause_of_its_sale_is_the_trades_object() -> None:
    text = (
        "澜石科技公告，远山投资及青禾创投通过集中竞价和大宗交易方式累计减持股份318.42万股，"
        "占公司总股本的3.15%。"
    )
    found = facts(text)
    assert said(at(found, "3184200"))[:3] == ("澜石科技", "shares_sold", "远山投资及青禾创投")
    assert said(at(found, "-3.15"))[:3] == ("澜石科技", "stake_change_pct", "远山投资及青禾创投")
    text = (
        "澜石科技公告，控股股东远山投资于2025年3月2日-2025年4月9日通过大宗交易被动减持"
        "累计412万股，占公司总股本的1.23%。"
    )
    assert at(facts(text), "4120000").object == "远山投资"


def test_a_clause_opening_with_no_holder_names_none() -> None:
    text = (
        "澜石科技公告，持有公司股份2.5%；新一轮计划减持期间内拟通过集中竞价方式减持不超过36.1万股。"
    )
    assert at(facts(text), "361000").object is None


def test_its_sale_points_back_to_the_holder_whose_plan_was_named() -> None:
    text = (
        "澜石科技公告，截至公告披露之日，周远航本次股份减持计划已实施完毕。其于2025年4月3日"
        "通过集中竞价减持52万股，占公司目前总股本比例0.0413%。"
    )
    found = facts(text)
    assert at(found, "520000").object == "周远航"
    assert at(found, "-0.0413").object == "周远航"


def test_a_stake_is_the_holders_named_after_or_before_it() -> None:
    text = "澜石科技晚间公告，持股6.8%的股东江岸国际信托股份有限公司计划减持公司股份。"
    assert said(at(facts(text), "6.8"))[:3] == ("江岸国际信托股份有限公司", "stake_pct", "澜石科技")
    text = "澜石科技公告，公司控股股东、实际控制人陈望舒（持股41.26%），计划减持公司股份。"
    assert said(at(facts(text), "41.26"))[:3] == ("陈望舒", "stake_pct", "澜石科技")


def test_the_company_a_stake_is_held_in_is_named_with_dui() -> None:
    text = "澜石科技公告，本次股权转让完成后，公司对澜石资产管理的持股比例将由60%增加至100%。"
    assert at(facts(text), "100").object == "澜石资产管理"


def test_a_partners_contribution_goes_into_the_fund_it_set_up() -> None:
    text = (
        "澜石科技晚间公告，公司与甲方资本、乙方投资组建产业基金参与某能源公司定向增发，"
        "基金规模6.2亿元，公司作为有限合伙人出资5.1亿元。"
    )
    fact = at(facts(text), "510000000")
    assert (fact.metric, fact.object) == ("invested", "产业基金")


def test_a_foreign_countrys_domestic_orders_keep_the_word() -> None:
    text = "数据显示，2025年3月法国国内新订单环比增长6.4%，国外新订单环比减少1.9%。"
    assert at(facts(text), "6.4").metric == "国内新订单_qoq"


def test_a_run_opening_with_a_priced_product_is_that_products() -> None:
    text = (
        "本周行情平稳。A7型光伏玻璃（3.2mm/镀膜）价格区间在24.5-25.5元/平方米，成交均价维持在"
        "25.1元/平方米；B9型光伏玻璃（2.0mm/镀膜）价格区间在18.2-18.8元/平方米，成交均价提升至"
        "18.6元/平方米。"
    )
    found = facts(text)
    assert [f.object for f in found if f.metric == "成交均价"] == ["A7型光伏玻璃", "B9型光伏玻璃"]
