"""Facts of the judged dev sample that lost their part (object) or took the wrong subject,
fixed on one rule each, read here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
Q1 = dt.date(2025, 3, 31)
Y2024 = dt.date(2024, 12, 31)
NAMES = EntityDictionary.of(
    [
        EntityRecord("远航科技", "company"),
        EntityRecord("青禾汽车", "company", ("青禾",)),
        EntityRecord("星驰", "company"),
        EntityRecord("蓝湾股份", "company"),
        EntityRecord("明远精工", "company"),
        EntityRecord("东岭智造", "company"),
        EntityRecord("启明价值精选混合", "fund"),
    ]
)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=NAMES)


def test_a_lines_operating_margin_and_revenue_share_are_the_lines() -> None:
    text = "远航科技存储业务2025年第一季度收入52.4亿元，同比增长31%，营业利润率提升至12.4%。"
    assert said(at(facts(text), "12.4")) == (
        "远航科技",
        "operating_margin",
        "存储业务",
        Decimal("12.4"),
        Q1,
    )
    text = "2024年远航科技海外业务收入同比+18.5%，收入占比提升至27.5%。"
    assert said(at(facts(text), "27.5")) == (
        "远航科技",
        "收入占比",
        "海外业务",
        Decimal("27.5"),
        Y2024,
    )


def test_a_product_line_named_before_the_period_is_the_figures_part() -> None:
    text = "行业渗透率持续提升。青禾混动车型2024年销量同比激增64%，增速领先。"
    assert said(at(facts(text), "64")) == (
        "青禾汽车",
        "deliveries_yoy",
        "混动车型",
        Decimal("64"),
        Y2024,
    )


def test_a_brand_among_listed_brands_is_a_part_of_the_group() -> None:
    text = (
        "星驰发布2025年第一季度业绩，汽车总交付量为9.2万辆，同比增长15.1%。"
        "星驰品牌交付了3.3万辆汽车，同比增长22.4%。同时，云岭品牌交付了5.9万辆汽车。"
    )
    found = facts(text)
    assert said(at(found, "33000")) == ("星驰", "deliveries", "星驰品牌", Decimal("33000"), Q1)
    assert said(at(found, "22.4")) == ("星驰", "deliveries_yoy", "星驰品牌", Decimal("22.4"), Q1)
    # a brand the text names alone is the company's own figure
    alone = "2025年第一季度，星驰品牌交付了3.3万辆汽车。"
    assert said(at(facts(alone), "33000")) == ("星驰", "deliveries", None, Decimal("33000"), Q1)


def test_a_market_judged_in_the_clause_before_is_the_figures_part() -> None:
    text = (
        "2025年第一季度，蓝湾股份新能源汽车销量达到60万辆，同比增长30.2%。"
        "海外市场表现尤为突出，销售超过8万辆，同比增长95%。"
    )
    found = facts(text)
    # 销售 before a count of vehicles is units sold (deliveries), of the part named before
    assert said(at(found, "80000")) == ("蓝湾股份", "deliveries", "海外市场", Decimal("80000"), Q1)
    assert said(at(found, "95")) == ("蓝湾股份", "deliveries_yoy", "海外市场", Decimal("95"), Q1)


def test_the_seats_trades_on_the_list_are_the_seats() -> None:
    text = (
        "明远精工今日上涨6.1%。具体来看，今日上榜的营业部中，共有3家机构专用席位现身，"
        "合计买入金额5120.50万元，卖出金额860.20万元，合计净买入4260.30万元。"
    )
    found = facts(text)
    assert said(at(found, "8602000")) == (
        "明远精工",
        "卖出金额",
        "机构专用席位",
        Decimal("8602000"),
        DAY,
    )
    assert said(at(found, "42603000")) == (
        "明远精工",
        "净买入",
        "机构专用席位",
        Decimal("42603000"),
        DAY,
    )


def test_a_name_starting_with_a_digit_and_letter_keeps_its_digit() -> None:
    text = "在热门ETF中，6G先锋ETF(516020)成交额超过5000万元，当日下跌0.35%。"
    found = facts(text)
    assert said(at(found, "-0.35")) == ("6G先锋ETF", "change_pct", None, Decimal("-0.35"), DAY)


def test_a_window_with_its_own_label_covers_no_figure_after_a_new_name() -> None:
    text = (
        "6G先锋ETF成交额超5000万元，近一周涨幅居首_行业6G先锋ETF成交额超5000万元。"
        "在热门ETF中，6G先锋ETF(516020)当日下跌0.35%。"
    )
    later = [f for f in facts(text) if 30 < f.span[0] < 50]
    assert [(f.subject, f.metric, f.period) for f in later] == [("6G先锋ETF", "turnover", None)]


def test_a_bare_output_after_a_crops_area_is_that_crops() -> None:
    text = "国家统计局公布数据。2023年全国茶叶面积达到5.1千万亩，产量[3]3.2百万吨，再创新高。"
    found = [f for f in facts(text) if f.metric.endswith("产量")]
    assert [(f.subject, f.metric, f.object, f.as_of) for f in found] == [
        ("中国", "茶叶产量", None, Y2024.replace(year=2023))
    ]


def test_a_fund_injecting_capital_is_not_a_part_of_the_carried_company() -> None:
    text = (
        "东岭智造受益于政策支持。某省集成电路产业投资基金二期（省基金二期）注资500亿元，"
        "聚焦设备和材料。"
    )
    assert [f for f in facts(text) if f.value == Decimal("50000000000")] == []
    # capital the company itself injects is its own
    text = "东岭智造受益于政策支持。东岭智造注资500亿元，聚焦设备和材料。"
    assert at(facts(text), "50000000000").subject == "东岭智造"


def test_an_unnamed_doers_trade_is_no_fact_of_the_text_subject() -> None:
    text = (
        "启明价值精选混合近一周的收益分析：4月份，某国养老金账户净买入的海外股票总额高达"
        "1.35万亿日元。"
    )
    assert [f for f in facts(text) if f.value == Decimal("1350000000000")] == []
    # the trade of the subject named as the doer is its own
    text = text.replace("某国养老金账户", "启明价值精选混合")
    assert at(facts(text), "1350000000000").subject == "启明价值精选混合"


def test_an_attribute_said_with_gao_da_drops_the_gao() -> None:
    text = "技术指标方面，东岭智造KDJ随机指标的J值高达105.2。"
    assert [f.metric for f in facts(text) if f.value == Decimal("105.2")] == ["J值"]


def test_a_related_amount_after_a_part_turned_to_is_that_parts() -> None:
    text = (
        "2024年度，东岭智造的财务信息显示，设备销售金额为8.1亿元；"
        "设备租赁方面的财务信息显示，相关金额为2.3亿元，同比增加了1200万元。"
    )
    found = facts(text)
    assert at(found, "230000000").object == "设备租赁"
    assert at(found, "12000000").object == "设备租赁"
