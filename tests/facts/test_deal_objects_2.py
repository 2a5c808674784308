"""What a deal's figure is in or whose it is when its clause does not say: the capital each
partner pays in (出资) goes into the company the sentence sets up, over its semicolons; a stake
right after the sum a company paid into another is held in that one; a holding left after a
trade the sentence opens with (某某公司周二卖出了…，目前仅持有…股) is the trader's; read here
in our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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


def test_a_sum_of_the_parts_value_is_each_parts() -> None:
    text = (
        "某券商发布研究报告，维持贵州茅台买入评级。采用分部估值：茅台酒参考可比公司给予25年28xPE，"
        "估值21000亿元;系列酒参考可比公司给予25年20xPE，估值2400亿元，合计估值为23400亿元。"
    )
    got = facts(text)
    assert at(got, "2100000000000").object == "茅台酒"
    assert at(got, "240000000000").object == "系列酒"
    assert at(got, "2340000000000").object is None  # the whole


def test_a_business_before_a_multiples_label_is_its_part() -> None:
    text = (
        "该行料贵州茅台2025年每股盈利增长约10%，现价相当于2025年预测市盈率20倍，"
        "或核心业务预测市盈率18倍。"
    )
    got = facts(text)
    assert at(got, "18").object == "核心业务"
    assert at(got, "20").object is None


def test_this_note_points_back_to_the_one_the_clause_described() -> None:
    text = (
        "贵州茅台公告，回购了200万利率5.5%，2027年3月到期的优先票据，已回购部分占该笔优先票据的"
        "0.45％；另外回购了300万利率6.25%，2029年9月到期的优先票据，已回购部分占该笔优先票据的0.62％。"
    )
    got = facts(text)
    assert at(got, "0.45").object == "2027年3月到期的优先票据"
    assert at(got, "0.62").object == "2029年9月到期的优先票据"


def test_a_stake_each_of_several_companies_was_held_at_is_dropped() -> None:
    text = (
        "近日，贵州茅台接连撤出多家对外投资公司，包括甲地某某科技有限公司、乙地某某商贸有限公司，"
        "退出前均持股100%。"
    )
    assert [f for f in facts(text) if f.metric == "stake_pct"] == []
    text = (
        "贵州茅台公告，公司持有甲地某某科技有限公司、乙地某某商贸有限公司的股权，持股比例均为100%。"
    )
    assert [f.value for f in facts(text) if f.metric == "stake_pct"] == [Decimal("100")]


def test_a_buyers_price_is_of_the_filers_own_stock_it_bought() -> None:
    title = "五粮液：中金公司买入公司股票"
    text = (
        "五粮液公告，在稳定期内，中金公司使用超额配售资金从二级市场买入本次发行的股票合计"
        "1200万股，买入价为150.2元/股。"
    )
    fact = at(extract_facts(text, title=title, published_at=DAY, entities=NAMES), "150.2")
    assert (fact.subject, fact.object) == ("中金公司", "五粮液")
    text = "五粮液公告，中金公司从二级市场买入某某科技股票合计1200万股，买入价为15.2元/股。"
    fact = at(extract_facts(text, title=title, published_at=DAY, entities=NAMES), "15.2")
    assert (fact.subject, fact.object) == ("中金公司", None)
