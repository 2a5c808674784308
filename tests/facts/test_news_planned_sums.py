"""Sums a plan commits filed as paid: a contribution or a raise announced with 拟, a
subscription to a vehicle a sentence plans to set up, the holdings a planned transfer leaves,
a project's total investment; and a won project's budget filed as the winner's investment."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
        EntityRecord("远帆科技", "company", market="cn_a"),
    ]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_sum_planned_with_ni_is_a_forecast() -> None:
    facts = _read("青禾股份公告，公司拟出资2500万元参与设立一只产业基金，主要投向新材料领域。")
    assert at(facts, "25000000").metric == "invested_forecast"
    raised = _read("青禾股份公告，拟定增募资不超过8亿元，用于智能仓储设备生产线建设。")
    assert at(raised, "800000000").metric == "raised_forecast"


def test_a_sum_already_paid_or_dated_after_the_plan_is_not_planned() -> None:
    facts = _read(
        "青禾股份公告，公司拟收购某物流公司60%股权，截至2021年9月30日，"
        "该物流公司对外投资总额为3亿元。青禾股份此前已出资5000万元设立子公司。"
    )
    assert at(facts, "300000000").metric.endswith("_forecast") is False
    assert at(facts, "50000000").metric == "invested"


def test_a_subscription_to_a_vehicle_planned_the_sentence_before_is_planned() -> None:
    facts = _read(
        "青禾股份公告，公司拟与远帆科技共同投资设立一家储能科技公司，从事储能系统集成业务。"
        "合资公司注册资本为8000万元，其中公司认缴出资4800万元，持有合资公司股权60%。"
    )
    assert at(facts, "48000000").metric == "invested_forecast"


def test_a_contributions_share_of_registered_capital_is_the_planned_stake() -> None:
    facts = _read(
        "青禾股份公告，公司拟与远帆科技共同设立星河储能有限公司，注册资本为10亿元，"
        "公司拟以货币方式出资7亿元，占星河储能注册资本的70%；"
        "远帆科技拟出资3亿元，占星河储能注册资本的30%。"
    )
    stake = at(facts, "70")
    assert (stake.subject, stake.metric, stake.object) == (
        "青禾股份",
        "stake_pct_forecast",
        "星河储能",
    )
    assert at(facts, "700000000").metric == "invested_forecast"


def test_holdings_after_a_planned_transfer_are_forecast() -> None:
    facts = _read(
        "青禾股份公告，股东王某拟将其持有的公司800万股无限售流通股份转让给李某。"
        "本次协议转让完成后，王某持有公司股票3200万股，占公司总股本的16%。"
    )
    held = at(facts, "32000000")
    assert (held.metric, held.object) == ("shares_held_forecast", "王某")
    stake = at(facts, "16")
    assert (stake.subject, stake.metric) == ("王某", "stake_pct_forecast")
    # a transfer already made is no plan: what it leaves is the holding
    done = _read(
        "青禾股份公告，股东王某已将其持有的公司800万股无限售流通股份转让给李某。"
        "本次协议转让完成后，王某持有公司股票3200万股，占公司总股本的16%。"
    )
    assert at(done, "32000000").metric == "shares_held"


def test_a_projects_total_investment_is_its_budget() -> None:
    facts = _read(
        "青禾股份公告，公司与某县人民政府签订项目投资协议书，在当地建设智能仓储基地项目，"
        "项目总投资约6亿元，分两期建设。"
    )
    assert at(facts, "600000000").metric == "invested_forecast"
    spent = _read("青禾股份公告，智能仓储基地项目已累计完成投资4.5亿元，预计年内竣工投产。")
    assert not at(spent, "450000000").metric.endswith("_forecast")
    built = _read("青禾股份公告，公司智能仓储基地项目已竣工投产，项目总投资约6亿元。")
    assert at(built, "600000000").metric == "invested"


def test_a_won_projects_budget_is_no_sum_of_the_winners() -> None:
    facts = _read(
        "青禾股份公告，公司于近日收到“某市滨江生态修复PPP项目”的《中标通知书》。"
        "项目估算总投资约9.2亿元，中标金额为8.6亿元。"
    )
    assert not any(f.value == 920000000 for f in facts)
    built = _read("青禾股份公告，公司拟在某市建设滨江物流园项目，项目估算总投资约9.2亿元。")
    assert at(built, "920000000").metric == "invested_forecast"


def test_a_sum_dated_only_by_a_forecasts_period_is_its_estimate() -> None:
    facts = _read(
        "青禾股份公告，预计2022年度归母净利润3亿元至3.6亿元。公司因出售闲置厂房"
        "导致的资产处置收益约0.9亿元，属于非经常性损益。业绩预增主要是上年同期计提商誉减值，"
        "合计确认资产减值损失2.4亿元。"
    )
    assert at(facts, "90000000").metric.endswith("_forecast")
    # last year's loss, which the preannouncement compares against, was reported
    assert not at(facts, "240000000").metric.endswith("_forecast")
