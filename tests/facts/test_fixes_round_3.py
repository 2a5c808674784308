"""Figures judged wrong in the third round of fixes: a per-share cash flow filed as the total,
consolidated units sold filed as the group's, a price move in a results headline filed as a
growth of the quarter, a line's margin change filed as the company's, a market's valuation
filed under a company, a total since listing dated by a quarter, and officers' pay filed as
all staff's; read here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
NAMES = EntityDictionary.of(
    [EntityRecord("远帆汽车", "company"), EntityRecord("澜石科技", "company")]
)
QUARTER = dt.date(2025, 3, 31)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=NAMES)


def test_operating_cash_flow_per_share_written_with_xing() -> None:
    text = "澜石科技2025年一季度每股净资产4.21元，每股经营性现金流0.09元，同比增15.36%。"
    assert at(facts(text), "0.09").metric == "ocf_per_share"
    # its growth fits the store's 32-character metric column, so it is kept
    assert at(facts(text), "15.36").metric == "ocf_per_share_yoy"


def test_consolidated_units_sold_are_a_part() -> None:
    text = "远帆汽车一季度业绩符合预期。公司25Q1实现并表销量37.6万台，同环比+3.4%/-1.9%。"
    found = facts(text)
    assert said(at(found, "376000")) == (
        "远帆汽车",
        "deliveries",
        "合并报表",
        376000,
        QUARTER,
    )
    assert at(found, "3.4", "deliveries_yoy").object == "合并报表"
    # consolidated revenue is the revenue the company reports, not a part of it
    text = "远帆汽车2025年一季度实现并表营收263亿元。"
    assert at(facts(text), "26300000000").object is None


def test_a_price_move_in_a_results_headline_is_the_days() -> None:
    found = facts("# 远帆汽车Q1业绩强劲：股价逆势上涨3.14%## 一、市场表现")
    assert said(at(found, "3.14")) == ("远帆汽车", "change_pct", None, Decimal("3.14"), DAY)
    # a move the quarter's own clause states is the quarter's
    found = facts("远帆汽车2025年一季度股价上涨12%。")
    assert at(found, "12").as_of == QUARTER


def test_a_lines_margin_change_after_a_figure_free_clause() -> None:
    text = (
        "远帆汽车2025年一季度业绩如下。 - 云业务：收入87.4亿美元，同比增长19.6%，"
        "增速领先同业，且营业利润率同比提升11个百分点。"
    )
    assert at(facts(text), "11").object == "云业务"
    # a clause turning to the whole company ends the line's run
    text = (
        "远帆汽车2025年一季度，云业务收入87.4亿美元，同比增长19.6%，"
        "公司整体毛利率同比提升2个百分点。"
    )
    assert all(f.object is None for f in facts(text) if f.metric.endswith("_change"))


def test_a_markets_valuation_is_not_the_subjects() -> None:
    text = "远帆汽车发布年报。国际资本加速回流：A股市盈率(11x)明显低于标普500(22x)。"
    assert not [f for f in facts(text) if f.metric == "pe"]
    # a company's A shares are its own
    text = "远帆汽车最新A股总市值达9.86亿元，A股流通市值9.71亿元。"
    assert at(facts(text), "971000000").metric == "float_market_cap"


def test_dividends_since_listing_are_as_of_the_day() -> None:
    text = (
        "2025年1月-3月，澜石科技实现营业收入18.5亿元。分红方面，澜石科技A股上市后累计派现6.32亿元。"
    )
    fact = at(facts(text), "632000000")
    assert (fact.metric, fact.as_of, fact.period) == ("dividends_since_listing", DAY, None)


def test_officers_pay_taken_together() -> None:
    text = (
        "从薪酬看，澜石科技董事和高级管理人员合计领取报酬507万元，平均薪酬64.4万元，"
        "年薪中位数为66.8万元。其中，董事长张某薪酬最高为78.5万元。"
    )
    found = facts(text)
    assert at(found, "644000").object == "董事和高级管理人员"
    assert at(found, "668000").object == "董事和高级管理人员"
    assert at(found, "785000").object == "董事长张某"
    assert at(facts("澜石科技员工平均薪酬为12.5万元。"), "125000").object is None
