"""Company results and filing prose: which company a report's figures are about, and the
shapes of figures that results, notes and quote pages write."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_dates


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def values(text: str, entities: EntityDictionary, title: str = "") -> set[tuple[object, ...]]:
    return {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities, title)}


def test_a_quote_page_names_the_stock_by_its_exchange_code(entities: EntityDictionary) -> None:
    title = "华远精工 sz002999 的股票股价,行情,新闻,财报"
    text = (
        "本站提供华远精工 sz002999的行情走势、五档盘口等数据，及华远精工 sz002999的讨论。"
        "今 开： 8.20 最 高： 8.46 涨 停： 9.02 跌 停： 7.38 流通值： 31.50亿"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title)}
    assert ("华远精工", "open", Decimal("8.20")) in got
    assert ("华远精工", "high", Decimal("8.46")) in got
    assert ("华远精工", "limit_up", Decimal("9.02")) in got
    assert ("华远精工", "limit_down", Decimal("7.38")) in got
    assert ("华远精工", "float_market_cap", Decimal("3150000000")) in got


def test_a_figure_glued_to_the_next_items_code_is_read_without_it(
    entities: EntityDictionary,
) -> None:
    text = "华远精工 sz002999 行情：最 高： 8.46 市盈率(静)： 41.25002999 华远精工 ，主营精密件"
    got = facts(text, entities, "华远精工 sz002999 的股票股价")
    assert any(f.metric == "high" for f in got)
    assert [(f.metric, f.value) for f in got if str(f.value).startswith("41.25")] == [
        ("pe_static", Decimal("41.25"))
    ]
    # with a unit after the code, what the unit scales is not clear: nothing is read
    text = text.replace("41.25002999 华远精工", "41.25002999亿 华远精工")
    assert not any(str(f.value).startswith("41") for f in facts(text, entities))


def test_a_headline_run_into_the_lead_still_names_the_coded_company(
    entities: EntityDictionary,
) -> None:
    title = "宏泰实业：2024年盈利2380.50万元 同比扭亏"
    text = (
        "宏泰实业：2024年盈利2380.50万元 同比扭亏新闻财讯宏泰实业（600999）4月28日发布2024年"
        "年报。报告期内，公司实现营业总收入6.08亿元，同比增长37.60%；归母净利润2380.50万元。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title)}
    assert ("宏泰实业", "revenue", Decimal("608000000")) in got
    assert ("宏泰实业", "revenue_yoy", Decimal("37.60")) in got


def test_growth_against_last_years_same_period(entities: EntityDictionary) -> None:
    text = (
        "宏泰实业(603999.SH)发布2024年年报，营业总收入为5.62亿元，同比较去年同期下降8.12%，"
        "归母净利润为2380.50万元，较去年同期上涨12.40%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("宏泰实业", "revenue_yoy", Decimal("-8.12")) in got
    assert ("宏泰实业", "net_profit_yoy", Decimal("12.40")) in got


def test_a_half_year_report_is_dated_by_the_first_half() -> None:
    found = parse_dates("2024年半年度，宏泰实业短期借款期末余额为1.2亿元。")
    assert [(d.start, d.end, d.granularity) for d in found] == [
        (dt.date(2024, 1, 1), dt.date(2024, 6, 30), "half")
    ]


def test_a_balances_movement_over_the_period(entities: EntityDictionary) -> None:
    title = "宏泰实业2024年半年度应付职工薪酬情况"
    text = (
        "宏泰实业2024年半年度报告显示，应付职工薪酬包括工资和福利。期初余额总计为12,345,678.90元，"
        "本期增加45,678,901.23元，减少44,444,444.44元，期末余额为13,580,135.69元。"
        "其中职工福利费期初余额为1,200,000.00元，本期增加3,400,000.00元，减少3,500,000.00元，"
        "期末余额为1,100,000.00元。"
    )
    half = dt.date(2024, 6, 30)
    opened = dt.date(2023, 12, 31)  # an opening balance: brought in from the end of 2023
    got = values(text, entities, title)
    # The item a bare balance is of: the one the sentence before defines, else the one just stated.
    assert ("宏泰实业", "应付职工薪酬期初余额", Decimal("12345678.90"), opened) in got
    assert ("宏泰实业", "应付职工薪酬本期增加", Decimal("45678901.23"), half) in got
    assert ("宏泰实业", "应付职工薪酬本期减少", Decimal("44444444.44"), half) in got
    assert ("宏泰实业", "应付职工薪酬期末余额", Decimal("13580135.69"), half) in got
    assert ("宏泰实业", "职工福利费本期增加", Decimal("3400000.00"), half) in got
    assert ("宏泰实业", "职工福利费本期减少", Decimal("3500000.00"), half) in got
    assert ("宏泰实业", "职工福利费期末余额", Decimal("1100000.00"), half) in got


def test_a_results_headline_names_the_company_the_body_calls_gongsi(
    entities: EntityDictionary,
) -> None:
    title = "宏泰实业年报点评：业绩稳健，现金流改善"
    text = "4月20日，公司披露2024年年报，全年实现营收48.7亿元，同比+6.3%；归母净利润2.9亿元。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title)}
    assert ("宏泰实业", "revenue", Decimal("4870000000")) in got
    assert ("宏泰实业", "net_profit", Decimal("290000000")) in got


def test_a_headline_name_before_a_year_drops_its_locative(entities: EntityDictionary) -> None:
    title = "宏泰实业在2024年的财务表现有哪些变化？"
    text = (
        "2024年，公司实现营业总收入5.62亿元，同比增长41.30%；"
        "报告期内，宏泰实业基本每股收益为0.12元。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title)}
    assert ("宏泰实业", "revenue", Decimal("562000000")) in got
    assert ("宏泰实业", "eps", Decimal("0.12")) in got


def test_a_column_before_a_colon_is_no_company(entities: EntityDictionary) -> None:
    title = "财经快评：宏泰实业营收增长"
    text = "报告期内，公司营业收入5.62亿元，同比增长41.30%。"
    assert not any(f.subject == "财经快评" for f in facts(text, entities, title))
    # the company before the colon is the subject of the same body
    found = facts(text, entities, "宏泰实业：营收增长")
    assert {f.subject for f in found} == {"宏泰实业"}


def test_a_quote_pages_headline_names_the_stock_before_its_price(
    entities: EntityDictionary,
) -> None:
    title = "宏泰实业 4.12(1.23%)股票行情_财经网"
    text = (
        "宏泰实业股份有限公司主营业务：精密制造。成立日期： 1996-03-18上市日期..."
        "4.12涨停：4.53跌停：3.71 2025-06-20 15:00:00 今 开：4.05成交量：8.15万手"
    )
    got = values(text, entities, title)
    day = dt.date(2025, 6, 20)
    assert ("宏泰实业", "open", Decimal("4.05"), day) in got
    assert ("宏泰实业", "limit_up", Decimal("4.53"), day) in got


COMPANY = "宏泰实业(600999)"


def test_a_loss_is_the_profit_figure_negative(entities: EntityDictionary) -> None:
    text = (
        f"2024年，{COMPANY}营收5.62亿元，同比下降3.10%；净利润亏损2.4亿元。"
        "扣非净利润亏损3120.50万元，上年同期亏损4100.00万元；净利润方面，公司录得亏损2.4亿元。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("net_profit", Decimal("-240000000")) in got
    assert ("net_profit_adjusted", Decimal("-31205000")) in got
    assert not any(f.value == Decimal("-41000000") for f in facts(text, entities))


def test_growth_written_after_its_base(entities: EntityDictionary) -> None:
    text = (
        f"2024年，{COMPANY}的销售费用为1,234,567.89元，较上期的1,000,000.00元增加23.46%。"
        "管理费用为2,000,000.00元，较上年的2,100,000.00元下降4.76%。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("销售费用_yoy", Decimal("23.46")) in got
    assert ("管理费用_yoy", Decimal("-4.76")) in got
    assert not any(f.value == Decimal("1000000.00") for f in facts(text, entities))


def test_a_rates_change_named_inside_its_comparison(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}公布年报，公司最新资产负债率为51.20%，在同业中排名第9，较去年同期资产负债率"
        "增加1.30个百分点。最新毛利率为22.40%，较去年同期毛利率减少2.10个百分点。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("宏泰实业", "debt_ratio_change", Decimal("1.30")) in got
    assert ("宏泰实业", "gross_margin_change", Decimal("-2.10")) in got


def test_a_balance_written_in_renminbi_and_executive_pay(entities: EntityDictionary) -> None:
    text = (
        f"截至2024年12月31日，{COMPANY}的募集资金余额为人民币12,345.67万元。"
        "2024年公司董监高薪酬高达612.30万元。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("募集资金余额", Decimal("123456700")) in got
    assert ("董监高薪酬", Decimal("6123000")) in got


def test_a_segments_share_after_its_growth(entities: EntityDictionary) -> None:
    text = f"2025年第一季度，{COMPANY}的海外业务收入8.10亿元，同比增长12.5%，占总营收的21.40%。"
    got = {(f.metric, f.object, f.value) for f in facts(text, entities)}
    assert ("revenue占总营收比例", "海外业务", Decimal("21.40")) in got


def test_margin_data_card_and_pledges(entities: EntityDictionary) -> None:
    text = (
        f"2025年05月14日{COMPANY}的融资余额为3.20亿元人民币、融券占交易所融券余额比为0.12%、"
        "融资占交易所融资余额比为0.08%。截止2025年05月09日，宏泰实业质押比例为21.30%，"
        "质押笔数为6笔。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("short_share_of_exchange", Decimal("0.12")) in got
    assert ("margin_share_of_exchange", Decimal("0.08")) in got
    assert ("质押比例", Decimal("21.30")) in got
    assert ("质押笔数", Decimal("6")) in got


def test_a_level_from_the_previous_period_to_this_one(entities: EntityDictionary) -> None:
    text = (
        f"截至2025年4月30日，{COMPANY}的股东户数为2.10万户。户均持股数量由上期的9120股"
        "减少至8850股，户均持股市值为10.2万元。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("avg_holding_shares", Decimal("8850")) in got
    assert not any(f.value == Decimal("9120") for f in facts(text, entities))


def test_a_dividend_per_ten_shares(entities: EntityDictionary) -> None:
    text = (
        f"2024年，{COMPANY}的归母净利润为3.20亿元。"
        "公司拟向全体股东每10股派发现金红利2.50元（含税）。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("宏泰实业", "dividend_per_10_shares", Decimal("2.50")) in got


def test_a_code_written_as_stock_code_and_net_debt_ratio(entities: EntityDictionary) -> None:
    text = (
        "宏泰实业（股票代码：600999），是一家精密制造企业。从资产负债数据来看，2024年末宏泰实业"
        "总资产为86.03亿元，净负债率为35.85%，资产负债率为52.10%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("宏泰实业", "total_assets", Decimal("8603000000")) in got
    assert ("宏泰实业", "net_debt_ratio", Decimal("35.85")) in got
    assert ("宏泰实业", "debt_ratio", Decimal("35.85")) not in got


def test_a_rates_change_right_before_its_verb(entities: EntityDictionary) -> None:
    text = (
        f"2025年1季度，{COMPANY}的营业收入同比下降5.2%。因此即使公司毛利率下滑1.8pct和"
        "三费率提升0.6pct，归母净利率依然提升0.4pct。期间费用率同比下降1.1个百分点至10.5%。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("gross_margin_change", Decimal("-1.8")) in got
    assert ("三费率_change", Decimal("0.6")) in got
    assert ("归母净利率_change", Decimal("0.4")) in got
    assert ("期间费用率_change", Decimal("-1.1")) in got
    assert ("期间费用率", Decimal("10.5")) in got


def test_a_long_run_before_a_rate_is_no_rates_name(entities: EntityDictionary) -> None:
    text = f"2024年，{COMPANY}中高端产品占比提高，直接推动了系列产品毛利率提升1.2个百分点。"
    assert not any(f.unit == "pp" for f in facts(text, entities))
    # the rate named right before its change is read
    text = f"2024年，{COMPANY}中高端产品占比提高，毛利率提升1.2个百分点。"
    assert [(f.metric, f.unit) for f in facts(text, entities)] == [("gross_margin_change", "pp")]


def test_growth_after_the_amounts_change_on_the_year(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}发布年报。经营活动现金净流入为-437.60万元，在同业中排名第47，较去年同报告期"
        "经营活动现金净流入减少695.20万元，同比较去年同期下降273.41%。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("operating_cash_flow_yoy", Decimal("-273.41")) in got
    assert not any(f.metric.endswith("_yoy_change") for f in facts(text, entities))


def test_an_opening_balance_written_as_the_base_and_loans(entities: EntityDictionary) -> None:
    text = (
        f"截至2024年6月30日，{COMPANY}的短期借款余额总计为320,000,000.00元，相较于期初的"
        "450,000,000.00元有所下降。具体来看，期末的抵押借款为120,000,000.00元，"
        "保证借款为80,000,000.00元，而信用借款为120,000,000.00元。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("短期借款期初余额", Decimal("450000000.00")) in got
    assert ("保证借款", Decimal("80000000.00")) in got
    assert ("信用借款", Decimal("120000000.00")) in got


def test_a_label_with_an_aside_and_no_connector(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}2024年全年业绩：每股收益（GAAP）1.04 美元每股收益（非 GAAP）1.22 美元。"
        "第二季度调整后的每股收益（EPS）达到了0.27美元。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("eps", Decimal("1.04")) in got
    # the non-GAAP and the adjusted figures are the adjusted EPS, not the reported one
    assert ("eps_adjusted", Decimal("1.22")) in got
    assert ("eps_adjusted", Decimal("0.27")) in got


def test_a_unit_in_brackets_heads_a_column_not_an_aside(entities: EntityDictionary) -> None:
    text = f"{COMPANY}近日表现：日期 主力资金净流入（万元）2025.05.14 468.47"
    assert not any(f.value == Decimal("2025.05") for f in facts(text, entities))
    # the bracketed unit scales the figure that follows its label
    text = f"{COMPANY}近日表现：主力资金净流入（万元）：468.47"
    assert [(f.metric, f.value) for f in facts(text, entities)] == [
        ("main_net_inflow", Decimal("4684700.00"))
    ]


def test_only_as_a_connector_and_a_plunge_as_a_fall(entities: EntityDictionary) -> None:
    text = f"2024年，{COMPANY}的营收仅3.20亿元；全年销量仅25辆，同比暴跌96.50%。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("revenue", Decimal("320000000")) in got
    assert ("deliveries", Decimal("25")) in got
    assert ("deliveries_yoy", Decimal("-96.50")) in got
