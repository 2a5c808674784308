"""Whose shares a count or a stake is when a filing names the holder loosely: a person or a
partnership opening the clause of its holding, its sale or its transfer; the stake said right
after that holding; a stake the clause gives away; the company's own holding in a company
named after 持有; the stake of a new holder a register adds, in the company changed; read here
in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_holder_opening_the_clause_of_its_holding_is_the_holdings_object() -> None:
    text = "澜石科技公告，周望川直接持有公司股票412.5万股，占公司总股本的3.08%；其余股份未质押。"
    found = facts(text)
    assert said(at(found, "4125000"))[:3] == ("澜石科技", "shares_held", "周望川")
    # the stake said right after the holding is the same holder's in the company
    assert said(at(found, "3.08"))[:3] == ("周望川", "stake_pct", "澜石科技")
    # but a bare name holding shares it does not say are the company's keeps no holder
    found = facts("澜石科技股价18元，汇川持股约620万股。")
    assert said(at(found, "6200000"))[:3] == ("澜石科技", "shares_held", None)


def test_shares_sold_or_given_away_by_the_clauses_holder_are_a_sale() -> None:
    text = "澜石科技公告，股东林远舟合计出售所持有的公司265万股，约占公司总股本的1.9%。"
    assert said(at(facts(text), "2650000"))[:3] == ("澜石科技", "shares_sold", "林远舟")
    text = (
        "澜石科技公告，控股股东北屿投资拟将其持有的公司无限售条件流通股1460万股(占公司总股本的"
        "6%)转让给南塘资本。"
    )
    found = facts(text)
    assert said(at(found, "14600000"))[:3] == ("澜石科技", "shares_sold_forecast", "北屿投资")
    assert said(at(found, "-6"))[:3] == ("澜石科技", "stake_change_pct", "北屿投资")


def test_a_stake_the_clause_gives_away_is_a_fall_of_the_holders() -> None:
    text = "澜石科技公告，股东韩松拟将其持有的公司4.2%股份转让给东篱资产，总金额为2.8亿元。"
    found = facts(text)
    assert said(at(found, "-4.2"))[:3] == ("澜石科技", "stake_change_pct", "韩松")
    assert all(f.metric != "stake_pct" for f in found)


def test_a_stake_written_as_a_ratio_after_a_holding_is_the_holders() -> None:
    text = "本次权益变动后，澜石科技股东青禾二号持有公司1800万股股份，约占公司总股本的比例为7.25%。"
    found = facts(text)
    assert said(at(found, "18000000"))[:3] == ("澜石科技", "shares_held", "青禾二号")
    assert said(at(found, "7.25"))[:3] == ("青禾二号", "stake_pct", "澜石科技")


def test_the_companys_own_holding_in_a_company_named_after_the_verb() -> None:
    text = "澜石科技公告，截至公告披露日，公司持有QPX的股份为315.6万股，限售期为6个月。"
    assert said(at(facts(text), "3156000"))[:3] == ("QPX", "shares_held", "澜石科技")


def test_a_registers_new_holder_holds_its_stake_in_the_company_changed() -> None:
    text = (
        "澜石科技旗下的南屿云数据有限公司发生工商变更，原股东北辰网络科技有限公司退出，"
        "新增股东东篱信息科技有限公司，持股100%。"
    )
    found = facts(text)
    assert said(at(found, "100"))[:3] == ("东篱信息科技有限公司", "stake_pct", "南屿云数据有限公司")
    text = (
        "企查查APP显示，3月2日，南屿读书科技有限公司成立，注册资本500万元。企查查股权穿透显示，"
        "该公司由澜石科技持股60%。"
    )
    assert said(at(facts(text), "60"))[:3] == ("澜石科技", "stake_pct", "南屿读书科技有限公司")
