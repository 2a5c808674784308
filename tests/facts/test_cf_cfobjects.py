"""Whose trade, stake or project a figure in company news is: the Stock Connect channel that
bought or sold a stock, read here in our own sentences with invented names and figures."""

from __future__ import annotations

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=NAMES)


def test_a_connect_channel_trading_a_stock_is_the_counts_object() -> None:
    text = (
        "8月4日北向资金减持12.31万股澜石科技。过去一周，获北向资金增持的共2天，合计净增持"
        "4.05万股。过去一个月，获深股通减持的共12天，合计净减持33.6万股。"
    )
    found = facts(text)
    assert said(at(found, "123100"))[:3] == ("澜石科技", "shares_sold", "北向资金")
    assert said(at(found, "40500"))[:3] == ("澜石科技", "shares_bought", "北向资金")
    assert said(at(found, "336000"))[:3] == ("澜石科技", "shares_sold", "深股通")
    text = "澜石科技公告，北向资金增持后，公司股东远山投资累计减持7.2万股。"
    assert at(facts(text), "72000").object != "北向资金"  # a holder named after the channel


def test_a_holders_planned_sale_is_a_forecast() -> None:
    text = "澜石科技公告，股东远山投资拟以大宗交易方式减持公司股份不超过88.6万股。"
    assert said(at(facts(text), "886000"))[:3] == ("澜石科技", "shares_sold_forecast", "远山投资")


def test_a_holder_noted_with_its_short_form_is_the_trades_object() -> None:
    text = (
        "澜石科技公告，股东远山(杭州)资产管理有限公司-青禾二号创业投资合伙企业(有限合伙)"
        "(“青禾二号”)拟以大宗交易方式减持其所持股份不超过88.6万股。"
    )
    assert at(facts(text), "886000").object == "青禾二号"


def test_a_stake_before_or_after_a_holders_trade_is_that_holders() -> None:
    text = (
        "澜石科技公告，股东远山投资通过协议转让方式减持860万股，变动前直接持股比例为43%，"
        "变动后不再持有公司股份。股东青禾资本通过协议转让方式增持860万股，变动前不持有公司"
        "股份，变动后直接持股比例为43%。"
    )
    first, then = (f for f in facts(text) if f.metric == "stake_pct")
    assert said(first)[:3] == ("远山投资", "stake_pct", "澜石科技")
    assert said(then)[:3] == ("青禾资本", "stake_pct", "澜石科技")


def test_a_projects_dynamic_total_is_of_the_project_named_before() -> None:
    text = (
        "澜石科技公告，全资子公司拟投资建设青禾光伏示范项目二期5MW项目。该项目位于某工业园区，"
        "装机规模较大。该项目动态总投资为3120.5万元，项目静态总投资为3088.2万元。"
    )
    found = facts(text)
    assert at(found, "31205000").object == "青禾光伏示范项目二期5MW项目"
    assert at(found, "30882000").object == "青禾光伏示范项目二期5MW项目"


def test_a_project_a_sum_builds_after_it_is_its_object() -> None:
    text = "澜石科技公告，全资子公司拟投资3.8亿元在某省某市高新区新建储能电池项目，以满足订单需求。"
    assert at(facts(text), "380000000").object == "储能电池项目"
    text = "澜石科技公告，拟投资5亿元在某市新建甲基地项目及乙中心项目。"
    assert at(facts(text), "500000000").object is None  # one sum for two projects


def test_a_sentence_opening_on_a_bare_project_is_of_the_one_named_before() -> None:
    text = (
        "澜石科技公告，拟设立控股子公司，由其开展高纯石英砂项目；项目分三期建设，五年内投资完成，"
        "总投资9亿元。"
    )
    assert at(facts(text), "900000000").object == "高纯石英砂项目"


def test_a_bare_number_after_a_trade_word_is_no_count_of_shares() -> None:
    text = (
        "持仓澜石科技的基金如下：基金简称代码变动方向年末持有数量(股)一季末持有数量(股)"
        "青禾成长混合A000123新进--30000远山量化增强A000456增持1500025000注：数据截至一季度末。"
    )
    assert not [f for f in facts(text) if f.metric.startswith("shares_")]


def test_the_average_price_of_a_channels_trades_is_the_channels() -> None:
    text = (
        "澜石科技近一周上涨2.1%，沪股通累计净买入6.4万股，占流通盘0.03%，区间平均买入价"
        "13.62元；近一月下跌1.5%，沪股通累计净卖出2.2万股，区间平均卖出价12.97元。"
    )
    found = facts(text)
    assert said(at(found, "13.62"))[:3] == ("澜石科技", "区间平均买入价", "沪股通")
    assert said(at(found, "12.97"))[:3] == ("澜石科技", "区间平均卖出价", "沪股通")
