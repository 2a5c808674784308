"""Figures the text states plainly that were missed or filed under another metric: a part's
operating income and margin written as 运营利润 and 营业利润率."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import said

from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 12)
Q1 = dt.date(2025, 3, 31)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY)


def test_a_parts_operating_income_and_margin_are_named_metrics() -> None:
    text = (
        "2025年第一季度，远帆科技(600999)收入同比增长9%。远帆科技云业务营收为60.5亿美元，"
        "同比增长25.3%；不过运营利润达9.87亿美元，同比增长88%，营业利润率提升至16.3%。"
    )
    got = {said(f) for f in facts(text)}
    assert ("远帆科技", "operating_profit", "云业务", Decimal("987000000"), Q1) in got
    assert ("远帆科技", "operating_profit_yoy", "云业务", Decimal("88"), Q1) in got
    assert ("远帆科技", "operating_margin", "云业务", Decimal("16.3"), Q1) in got
    assert ("远帆科技", "revenue", "云业务", Decimal("6050000000"), Q1) in got


def test_a_pay_figures_growth_after_a_note_or_against_the_year_before() -> None:
    text = (
        "远帆科技(600999)发布2024年年报。人均薪酬18.6万元（注：按应付职工薪酬的本期增加值"
        "除以员工总数估算），同比增4.25%。管理层薪酬总额为361.2万元，同比上一年减9.5%。"
    )
    got = {(f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("人均薪酬", Decimal("186000")) in got
    assert ("人均薪酬_yoy", Decimal("4.25")) in got
    assert ("管理层薪酬总额", Decimal("3612000")) in got
    assert ("管理层薪酬总额_yoy", Decimal("-9.5")) in got
    # a note that holds a figure of its own is no aside to look past
    text = text.replace("本期增加值", "本期增加值1.2亿元")
    got = {(f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("人均薪酬_yoy", Decimal("4.25")) not in got
    assert ("人均薪酬", Decimal("186000")) in got


def test_a_wraps_breakdown_of_the_days_limit_ups() -> None:
    text = (
        "截至收盘，今日可交易A股中，收盘股价涨停的有45只。据统计，涨停个股中，主板有40只，"
        "创业板4只，科创板1只。涨停股中，甲乙、丙丁等12只股为ST股。"
    )
    got = {(f.subject, f.metric, f.object, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("A股", "limit_up_count", None, Decimal("45")) in got
    assert ("A股", "limit_up_count", "主板", Decimal("40")) in got
    assert ("A股", "limit_up_count", "创业板", Decimal("4")) in got
    assert ("A股", "limit_up_count", "科创板", Decimal("1")) in got
    assert ("A股", "limit_up_st_count", None, Decimal("12")) in got
    # a sector's count is still no market's
    assert not [f for f in facts("板块内，涨停个股中，主板有40只。") if f.value == 40]


def test_limit_ups_without_the_st_stocks_and_failed_seals() -> None:
    text = "今日A股收盘共66股涨停，剔除掉19只ST板块个股后47股涨停，25股封板未遂，封板率为72.5%。"
    got = {(f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert {
        ("limit_up_count", Decimal("66")),
        ("limit_up_st_count", Decimal("19")),
        ("limit_up_count_ex_st", Decimal("47")),
        ("failed_seal_count", Decimal("25")),
    } <= got


def test_a_sealed_order_of_the_stock_the_clause_before_singles_out() -> None:
    text = (
        "从收盘涨停板封单量来看，甲乙航运最受资金追捧，收盘涨停板封单有1523.4万股，其次是"
        "丙丁食品、戊己化纤等，涨停板封单分别有812.5万股、640.2万股。"
    )
    got = {(f.subject, f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("甲乙航运", "seal_volume", Decimal("15234000")) in got
    assert ("丙丁食品", "seal_volume", Decimal("8125000")) in got


def test_a_rate_dated_by_its_own_bracket_after_a_plan() -> None:
    text = (
        "远帆科技(600999)2025年宣布新增50亿元股票回购计划，叠加1.25%的滚动股息率（截至2025年5月9日），"
        "回报可观。"
    )
    got = [(f.metric, f.value, f.as_of) for f in facts(text) if f.unit == "%"]
    assert got == [("dividend_yield", Decimal("1.25"), dt.date(2025, 5, 9))]
    # without its own day the rate after a plan is still not read as today's
    text = "远帆科技(600999)计划新增回购，叠加1.25%的滚动股息率，回报可观。"
    assert [f for f in facts(text) if f.unit == "%"] == []
    text = "远帆科技(600999)计划2026年将派息提高，股息率达到3.5%。"
    assert [(f.metric, f.as_of) for f in facts(text) if f.unit == "%"] == [
        ("dividend_yield_forecast", dt.date(2026, 12, 31))
    ]


def test_a_dividend_to_financing_ratio_is_a_measure() -> None:
    text = "远帆科技(600999)上市以来累计融资总额52.3亿元，累计分红总额8.1亿元，分红融资比为0.15。"
    got = {(f.metric, f.value) for f in facts(text)}
    assert ("分红融资比", Decimal("0.15")) in got
    assert ("累计分红总额", Decimal("810000000")) in got


def test_a_parts_share_of_the_revenue_it_brings_in() -> None:
    text = "远帆科技(600999)2025年第一季度，其游戏业务仍贡献了62%的营收（38.5亿元），海外收入增长。"
    got = {said(f) for f in facts(text)}
    assert ("远帆科技", "营收占比", "游戏业务", Decimal("62"), Q1) in got
    assert ("远帆科技", "revenue", "游戏业务", Decimal("3850000000"), Q1) in got
    # a share no part brings in is no part's
    text = "远帆科技(600999)2025年第一季度，净利率约为62%的水平。"
    assert not [f for f in facts(text) if f.metric == "营收占比"]


def test_a_narrowed_losss_growth_in_the_next_clause() -> None:
    text = (
        "远帆科技(600999)发布季报。虽然远帆科技一季度净亏损大幅收窄，同比降低超45%，仍需关注风险。"
    )
    got = [(f.subject, f.metric, f.value, f.as_of) for f in facts(text)]
    assert got == [("远帆科技", "净亏损_yoy", Decimal("-45"), Q1)]
    text = "远帆科技(600999)发布季报。远帆科技一季度净亏损进一步扩大，同比增长32%，仍需关注。"
    got = [(f.subject, f.metric, f.value, f.as_of) for f in facts(text)]
    assert got == [("远帆科技", "净亏损_yoy", Decimal("32"), Q1)]
    # a clause that names no loss leaves the growth to what it names
    text = "远帆科技(600999)发布季报。远帆科技一季度表现平稳，同比增长32%，仍需关注。"
    assert not [f for f in facts(text) if "亏损" in f.metric]


def test_officers_paid_respectively_after_an_officers_pay() -> None:
    text = (
        "远帆科技(600999)2024年年报显示，总经理甲某报告期内从公司获得的税前报酬总额为80.5万元。"
        "副总经理乙某某、丙某分别获得61.2万元、58.9万元。"
    )
    got = {(f.metric, f.object, f.value) for f in facts(text)}
    assert ("税前报酬总额", "总经理甲某", Decimal("805000")) in got
    assert ("税前报酬总额", "副总经理乙某某", Decimal("612000")) in got
    assert ("税前报酬总额", "副总经理丙某", Decimal("589000")) in got
    # after no officer's pay, a list of people paid is not read as one
    text = "远帆科技(600999)2024年实现营收8.5亿元。副总经理乙某某、丙某分别获得61.2万元、58.9万元。"
    assert not [f for f in facts(text) if f.value in (612000, 589000)]


def test_a_stocks_move_on_a_day_written_after_its_price() -> None:
    text = "远帆科技(600999)发布季报后，投资者信心回升。其股价却在5月7日暴跌6.5%，市值缩水。"
    got = [(f.metric, f.value, f.as_of) for f in facts(text)]
    assert got == [("change_pct", Decimal("-6.5"), dt.date(2025, 5, 7))]
    # 在 before no day (在高位) is no lead of a move
    text = "远帆科技(600999)发布季报后，投资者信心回升。其股价在高位暴跌6.5%，市值缩水。"
    assert [f for f in facts(text) if f.metric == "change_pct"] == []
