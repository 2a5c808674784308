"""What a deal's figure is in or whose it is when its clause does not say: the capital each
partner pays in (出资) goes into the company the sentence sets up, over its semicolons; a stake
right after the sum a company paid into another is held in that one; a holding left after a
trade the sentence opens with (某某公司周二卖出了…，目前仅持有…股) is the trader's; read here
in our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_capital_paid_in_goes_into_the_company_the_sentence_sets_up() -> None:
    text = (
        "贵州茅台公告，公司与五粮液共同投资设立四川某某酒业有限公司，注册资本为3亿元，"
        "公司以自有资金出资1.8亿元，占其注册资本的60%；五粮液出资1.2亿元，占其注册资本的40%。"
    )
    got = facts(text)
    assert (at(got, "180000000").subject, at(got, "180000000").object) == (
        "贵州茅台",
        "四川某某酒业有限公司",
    )
    assert (at(got, "120000000").subject, at(got, "120000000").object) == (
        "五粮液",
        "四川某某酒业有限公司",
    )


def test_a_stake_after_the_sum_paid_in_is_held_in_that_company() -> None:
    text = (
        "贵州茅台公告，截至本公告披露日，某某酒业注册资本为5000万元，公司出资金额为4500万元，"
        "持股比例为90%，某某酒业为公司控股子公司。"
    )
    got = facts(text)
    assert (at(got, "90").metric, at(got, "90").object) == ("stake_pct", "某某酒业")
    assert at(got, "45000000").object == "某某酒业"


def test_a_holding_left_after_a_trade_is_the_traders() -> None:
    text = (
        "某某资本管理公司周二卖出了12万股贵州茅台，按收盘价计算价值约1.8亿元，目前仅持有2000多股。"
    )
    fact = at(facts(text), "2000")
    assert (fact.subject, fact.metric, fact.object) == (
        "贵州茅台",
        "shares_held",
        "某某资本管理公司",
    )
    text = "贵州茅台公告，按收盘价计算价值约1.8亿元，目前仅持有2000多股。"
    assert at(facts(text), "2000").object is None


def test_a_project_sum_is_the_project_the_text_named_before() -> None:
    text = (
        "贵州茅台公告，拟由控股子公司某某酒业有限公司建设“十五五”规划重点项目某某基酒技改项目，"
        "项目计划总投资额18.5亿元。"
    )
    fact = at(facts(text), "1850000000")
    assert (fact.subject, fact.object) == ("贵州茅台", "某某基酒技改项目")
    assert fact.metric.endswith("_forecast")  # a plan's sum, as before
