"""Errors the hand-judged sample of bench/judged.py found: the investing and financing cash
flows of a statement's list filed under a bare 现金流量净额, a 跌幅 read as a rise, and a
yearly review's figures dated by the day it was published."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import bundled_dictionary
from touyan.facts.extract import extract_facts


def test_each_cash_flow_of_a_statement_list_keeps_its_activity() -> None:
    text = (
        "2025年03月31日华光电子(600123)的营业总收入为11.8亿元人民币、经营活动产生的现金流量净额为"
        "2875.40万元人民币、筹资活动产生的现金流量净额为2.35亿元、投资活动产生的现金流量净额为"
        "-745.00万元人民币。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    flows = {f.metric: f.value for f in found if "cash_flow" in f.metric or "现金" in f.metric}
    assert flows == {
        "operating_cash_flow": Decimal("28754000"),
        "financing_cash_flow": Decimal("235000000"),
        "investing_cash_flow": Decimal("-7450000"),
    }
    assert all(f.as_of == dt.date(2025, 3, 31) for f in found)


def test_a_fall_written_as_its_size_is_negative() -> None:
    text = "华光电子(600123)股价报8.52元，较前一交易日下跌0.12元，跌幅1.39%，盘中最高触及8.70元。"
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    moves = [f.value for f in found if f.metric == "change_pct"]
    assert moves == [Decimal("-1.39")]
    text = "华光电子(600123)今日收盘价为8.52元，涨幅1.39%。"
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    assert [f.value for f in found if f.metric == "change_pct"] == [Decimal("1.39")]


def test_a_yearly_reviews_undated_figures_are_the_years() -> None:
    title = "中华人民共和国2023年农业生产情况如何？"
    text = "全年棉花种植面积290万公顷，比上年减少10万公顷。"
    found = extract_facts(text, title=title, published_at=dt.date(2024, 2, 29))
    assert {(f.metric, f.as_of) for f in found} == {
        ("棉花种植面积", dt.date(2023, 12, 31)),
        ("棉花种植面积_yoy_change", dt.date(2023, 12, 31)),
    }
    # A year not over at publication dates nothing: the figures are the day's.
    found = extract_facts(text, title=title, published_at=dt.date(2023, 12, 12))
    assert {f.as_of for f in found} == {dt.date(2023, 12, 12)}


def test_a_figure_said_now_keeps_the_publication_day_under_a_years_title() -> None:
    text = "截至发稿，华光电子(600123)市值为8.1亿元。公司全年实现营业收入12.5亿元。"
    found = extract_facts(
        text,
        title="华光电子2023年年报点评",
        published_at=dt.date(2024, 4, 20),
        entities=bundled_dictionary(),
    )
    assert {(f.metric, f.as_of) for f in found} == {
        ("market_cap", dt.date(2024, 4, 20)),
        ("revenue", dt.date(2023, 12, 31)),
    }


def test_sales_gross_margin_names_no_segment_and_shares_per_holder_are_not_float() -> None:
    text = (
        "截至3月31日，华光电子(600123)股东户数1.35万，较上期增加2.64%；人均流通股7650股，"
        "较上期减少2.57%。2025年一季报，公司实现营业收入2.91亿元，销售毛利率6.38%。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    got = {(f.metric, f.object, f.value) for f in found}
    assert ("gross_margin", None, Decimal("6.38")) in got
    assert ("avg_holding_shares", None, Decimal("7650")) in got
    assert ("avg_holding_shares_qoq", None, Decimal("-2.57")) in got
    assert not any(f.metric.startswith("float_shares") for f in found)


def test_the_period_compared_with_dates_no_figure() -> None:
    text = (
        "1—5月份，全国规模以上工业企业共实现利润26688.5亿元，同比下降18.1%，"
        "降幅比1—4月份收窄2.5个百分点。"
    )
    found = extract_facts(
        text, title="2023年1—5月份工业企业利润简析", published_at=dt.date(2023, 6, 27)
    )
    assert {f.as_of for f in found} == {dt.date(2023, 5, 31)}
    assert any(f.unit == "pp" and f.value == Decimal("2.5") for f in found)


def test_a_sale_is_of_the_order_size_just_bought() -> None:
    text = (
        "华光电子(600123)资金流向方面，主力资金净流出16.52万元，特大单买入1.25万元，占比0.82%，"
        "卖出5.90万元，占比3.86%；大单买入9.71万元，占比6.35%，卖出21.48万元，占比14.05%。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    sold = {f.metric: f.value for f in found if "卖出" in f.metric}
    assert sold == {
        "特大单卖出": Decimal("59000"),
        "特大单卖出占比": Decimal("3.86"),
        "大单卖出": Decimal("214800"),
        "大单卖出占比": Decimal("14.05"),
    }


def test_a_forecast_row_gives_each_year_its_figure() -> None:
    text = "华光电子(600123)发布年报。预计公司2025-2027年归母净利润分别为7.36、8.52、9.87亿元。"
    found = extract_facts(text, published_at=dt.date(2025, 4, 30), entities=bundled_dictionary())
    assert [(f.metric, f.value, f.as_of) for f in found] == [
        ("net_profit_forecast", Decimal("736000000"), dt.date(2025, 12, 31)),
        ("net_profit_forecast", Decimal("852000000"), dt.date(2026, 12, 31)),
        ("net_profit_forecast", Decimal("987000000"), dt.date(2027, 12, 31)),
    ]
    text = "华光电子(600123)：我们预测公司2025-2027年归母净利润同比增长为2.15%、4.60%、3.72%。"
    found = extract_facts(text, published_at=dt.date(2025, 3, 19), entities=bundled_dictionary())
    assert [(f.metric, f.as_of.year if f.as_of else None) for f in found] == [
        ("net_profit_yoy_forecast", 2025),
        ("net_profit_yoy_forecast", 2026),
        ("net_profit_yoy_forecast", 2027),
    ]


def test_past_years_of_a_row_are_no_forecast_and_a_vague_label_names_nothing() -> None:
    text = (
        "华光电子(600123)2022-2024年营收分别为8.1亿元、9.0亿元、9.9亿元；"
        "2022-2024年的数据分别为1.1、1.2、1.3。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 4, 30), entities=bundled_dictionary())
    assert [(f.metric, f.as_of.year if f.as_of else None) for f in found] == [
        ("revenue", 2022),
        ("revenue", 2023),
        ("revenue", 2024),
    ]


def test_labels_inside_longer_labels_and_expectations_as_nouns() -> None:
    text = (
        "华光电子(600123)基本每股收益为0.64元；扣除非经常性损益后的基本每股收益为0.65元。"
        "公司累计质押市值为1.36亿元。协议缓解了市场对关税的预期，华光电子股价收涨3.26%。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 5, 15), entities=bundled_dictionary())
    got = {(f.metric, f.value) for f in found}
    assert {
        ("eps", Decimal("0.64")),
        ("eps_adjusted", Decimal("0.65")),
        ("pledged_market_value", Decimal("136000000")),
        ("change_pct", Decimal("3.26")),
    } <= got
    assert not any(f.metric in ("market_cap", "change_pct_forecast") for f in found)
