"""Whose figure it is, fifth round: a peer a sentence turns to, a share of an industry's
companies, an industry's overall flow, the market's penetration, a holder's stake in another
company, and a clause that reads like a name but is the basis of a sum."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.names import written_names


def facts(text: str, entities: EntityDictionary, title: str) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def test_a_peer_the_sentence_turns_to_owns_its_valuation(entities: EntityDictionary) -> None:
    text = (
        "中纺标的股价一直在30元附近震荡。反观同行业的恒测检测，同期股价稳步上涨，市盈率只有 45 倍，"
        "而中纺标却高达 120 倍。比如 2024 年净利润同比下降 9.5%。"
    )
    found = facts(text, entities, title="中纺标：技术创新雷声大雨点小")
    assert at(found, "45").subject == "恒测检测"
    # the text has gone back to the company it names: the peer is not carried on
    assert at(found, "-9.5").subject == "中纺标"


def test_where_a_share_of_the_industry_s_companies_falls_is_nobody_s(
    entities: EntityDictionary,
) -> None:
    text = (
        "截至2025年4月25日，化工行业A股上市公司平均户均持有流通股市值为13.8万元，"
        "江山股份户均流通市值6.4万元。其中，27.50%的公司户均持有流通股市值在8万~12万区间内。"
    )
    found = facts(text, entities, title="江山股份股东户数下降，户均持股6.4万元")
    assert at(found, "64000").subject == "江山股份"
    assert all(f.subject != "江山股份" for f in found if f.value == 80000)
    assert not [f for f in found if f.value == 80000]  # nobody's, as the name says


def test_an_overall_flow_the_industry_shares_is_not_the_company_s(
    entities: EntityDictionary,
) -> None:
    text = (
        "江山股份今日上涨1.2%。在过去三天内，主力资金净流出达到21.5万元。"
        "这一现象在本行业内较为普遍，主力资金总体净流出2.78亿元，连续三天遭减仓。"
    )
    found = facts(text, entities, title="江山股份股价上涨1.2%")
    assert at(found, "215000").subject == "江山股份"
    assert all(f.subject != "江山股份" for f in found if f.value == 278000000)
    assert not [f for f in found if f.value == 278000000]  # nobody's: the industry's


def test_an_industry_rank_clause_leaves_the_overall_rank_the_company_s(
    entities: EntityDictionary,
) -> None:
    text = (
        "江山股份(600389)的诊断结果由国信证券提供，诊断分数：60分，打败股票60.12%，"
        "其中行业排名40/200，总体排名1500/5412。"
    )
    found = facts(text, entities, title="江山股份诊断")
    assert [f.subject for f in found if f.value == 1500] == ["江山股份"]


def test_the_market_s_new_energy_car_penetration_is_not_the_carmaker_s(
    entities: EntityDictionary,
) -> None:
    text = (
        "比亚迪当前战略与行业高度共振。1. 行业增长动能持续释放 2024年1-6月新能源汽车销量渗透率"
        "达37.6%，印证行业已进入规模化增长阶段。"
    )
    found = facts(text, entities, title="比亚迪行业与市场宏观分析")
    assert all(f.value != Decimal("37.6") for f in found)
    # the carmaker's own share beside it is the carmaker's, the market's rate still nobody's
    shares = text.replace("37.6%，", "37.6%，比亚迪市占率达32.1%，")
    found = facts(shares, entities, title="比亚迪行业与市场宏观分析")
    assert all(f.value != Decimal("37.6") for f in found)
    assert said(at(found, "32.1"))[:2] == ("比亚迪", "市占率")


def test_a_holder_s_stake_is_filed_under_the_company_held(entities: EntityDictionary) -> None:
    text = (
        "丰远发展近日收到持股5%以上股东甲乙农村商业银行股份有限公司（简称“甲乙农商行”）的告知函。"
        "甲乙农商行持有丰远发展无限售流通股1520万股，占公司总股本6.1%。"
    )
    found = facts(text, entities, title="甲乙农商行计划减持丰远发展股份")
    assert said(at(found, "15200000"))[:3] == ("丰远发展", "shares_held", "甲乙农商行")


def test_a_computation_s_basis_names_no_company() -> None:
    text = "以买入的股价为1200元计算，茅台现在的股价相当于18pe。"
    assert [w.name for w in written_names(text)] == []
