"""Whose trade a figure in company news is, and what kind of figure it is: read here in our own
sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=NAMES)


def test_an_officer_trading_the_companys_shares_is_the_trades_object() -> None:
    text = (
        "澜石科技最新董监高股份变动情况：2022年3月9日公司副董事长柯远航共减持公司股份"
        "12.34万股，占公司总股本为0.0567%。"
    )
    found = facts(text)
    assert said(at(found, "123400"))[:3] == ("澜石科技", "shares_sold", "柯远航")
    assert said(at(found, "-0.0567"))[:3] == ("澜石科技", "stake_change_pct", "柯远航")


def test_the_share_right_after_an_officers_trade_is_that_officers() -> None:
    text = "2022年3月9日公司财务总监林青共增持公司股份3.21万股占公司总股本为0.011%。"
    found = facts("澜石科技公告。" + text)
    assert said(at(found, "0.011"))[:3] == ("澜石科技", "stake_change_pct", "林青")


def test_the_buyer_a_holder_names_for_its_purchase_is_the_trades_object() -> None:
    text = (
        "澜石科技公告，由控股股东指定的增持主体青禾远山投资有限公司(“青禾投资”，系控股股东"
        "的全资子公司)于2022年4月7日通过集中竞价交易方式增持公司股份456.7万股。"
    )
    bought = at(facts(text), "4567000")
    assert said(bought)[:3] == ("澜石科技", "shares_bought", "青禾远山投资有限公司")


def test_a_figure_told_as_of_a_day_after_publication_is_no_forecast() -> None:
    text = "据业绩快报，截至2024年9月末，澜石科技总资产321.45亿元，较年初增长6.78%。"
    found = extract_facts(text, published_at=dt.date(2023, 5, 6), entities=NAMES)
    assert at(found, "32145000000").metric == "total_assets"


def test_a_quarters_achieved_figure_after_publication_is_no_forecast() -> None:
    text = "澜石科技表示，公司经营正常，2024年二季度实现销售收入3.21亿元。"
    found = extract_facts(text, published_at=dt.date(2023, 5, 6), entities=NAMES)
    assert at(found, "321000000").metric == "revenue"
    text = "澜石科技表示，2024年营业收入3.21亿元。"
    found = extract_facts(text, published_at=dt.date(2023, 5, 6), entities=NAMES)
    assert at(found, "321000000").metric == "revenue_forecast"  # a year ahead, no more said


def test_a_storys_step_to_a_year_past_to_the_writer_is_no_goal() -> None:
    text = (
        "2018年，澜石科技开启转型，到2019年，储能业务收入达到4.56亿元。2020年一季度，"
        "公司仍亏损1.2亿元。"
    )
    assert at(facts(text), "456000000").metric == "revenue"
    goal = "2018年，澜石科技开启转型，到2025年，储能业务收入达到4.56亿元。"
    assert at(facts(goal), "456000000").metric == "revenue_forecast"  # no later year told


def test_a_sale_under_a_plan_that_has_run_its_course_is_done() -> None:
    text = (
        "澜石科技公告，持股5%以上股东远山投资减持计划期限已届满，其通过集中竞价交易方式"
        "减持公司股份7.89万股。"
    )
    assert said(at(facts(text), "78900"))[:3] == ("澜石科技", "shares_sold", "远山投资")
    planned = "澜石科技公告，股东远山投资计划通过集中竞价交易方式减持公司股份7.89万股。"
    assert at(facts(planned), "78900").metric == "shares_sold_forecast"


def test_a_projects_worked_out_return_is_a_forecast_of_that_project() -> None:
    text = (
        "澜石科技公告，公司拟投资建设青禾5MW分布式光伏项目，项目总投资为2345.6万元。"
        "项目运营期为20年，经测算，项目投资财务内部收益率为7.65%，总投资收益率为3.21%。"
    )
    found = facts(text)
    irr = at(found, "7.65")
    assert irr.metric.endswith("_forecast") and irr.object == "青禾5MW分布式光伏项目"
    assert said(at(found, "3.21"))[1:3] == ("总投资收益率_forecast", "青禾5MW分布式光伏项目")
    earned = "澜石保险公告，2022年公司总投资收益率为3.21%。"
    assert at(facts(earned), "3.21").metric == "总投资收益率"


def test_an_investment_per_unit_of_capacity_is_named_as_written() -> None:
    text = (
        "澜石科技公告，公司拟投资建设青禾5MW分布式光伏项目。该项目静态总投资为2345.6万元，"
        "单位千瓦静态投资4321.09元。"
    )
    per_kw = at(facts(text), "4321.09")
    assert per_kw.metric == "单位千瓦静态投资"
    assert per_kw.object in (None, "青禾5MW分布式光伏项目")


def test_a_verb_of_having_before_a_figure_is_no_part() -> None:
    text = "2016年12月31日，澜石科技持有的货币资金为12.34亿元。"
    assert said(at(facts(text), "1234000000"))[1:3] == ("货币资金", None)
