"""Results and balance-sheet prose: labels written before the period they hold for, a rate's
change after its base, the labels of US companies' results in Chinese, R&D and impairment
labels, and 全年 after a quarter. The sentences are made up for the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def found(text: str, entities: EntityDictionary, title: str = "") -> set[tuple[object, ...]]:
    return {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities, title)}


END_2024 = dt.date(2024, 12, 31)


def test_a_label_written_before_its_period(entities: EntityDictionary) -> None:
    text = "贵州茅台资产负债率2024年末为21.5%，去年为19.8%。"
    assert ("贵州茅台", "debt_ratio", Decimal("21.5"), END_2024) in found(text, entities)


def test_an_attributed_label_before_its_period_keeps_its_owners(
    entities: EntityDictionary,
) -> None:
    text = "贵州茅台归属于上市公司股东的净资产2024年末为2000.5亿元，同比增长9.1%。"
    got = found(text, entities)
    metric = "归属于上市公司股东的净资产"
    assert ("贵州茅台", metric, Decimal("200050000000"), END_2024) in got
    assert not any("2024" in str(m) for _, m, _, _ in got)


def test_the_unit_of_the_figure_before_is_no_part_of_the_next_label(
    entities: EntityDictionary,
) -> None:
    text = "贵州茅台总资产为3000.1亿元资产负债率2024年末为21.5%"
    metrics = {m for _, m, v, _ in found(text, entities) if v == Decimal("21.5")}
    assert metrics == {"debt_ratio"}


def test_a_rate_change_after_the_base_is_written_out(entities: EntityDictionary) -> None:
    text = "2024年，贵州茅台销售毛利率为91.2%，较上年同期的91.9%，下降0.7个百分点。"
    assert ("贵州茅台", "gross_margin_change", Decimal("-0.7"), END_2024) in found(text, entities)


def test_gaap_net_income_is_the_profit_not_the_revenue(entities: EntityDictionary) -> None:
    text = "2024年贵州茅台全年业绩：GAAP 净收入 62 亿美元，非 GAAP 净收入70 亿美元。"
    got = {(m, v) for _, m, v, _ in found(text, entities)}
    assert ("net_profit", Decimal("6200000000")) in got
    assert ("net_profit_adjusted", Decimal("7000000000")) in got
    assert not any(m == "revenue" for m, _ in got)


def test_cash_flow_per_share_is_not_the_cash_flow(entities: EntityDictionary) -> None:
    text = "2024年12月31日贵州茅台的每股经营现金流为3.21元/股、每股净资产为20.10元/股。"
    got = {(m, v) for _, m, v, _ in found(text, entities)}
    assert ("ocf_per_share", Decimal("3.21")) in got
    assert not any(m == "operating_cash_flow" for m, _ in got)


def test_research_and_impairment_labels(entities: EntityDictionary) -> None:
    text = (
        "2024年，贵州茅台研发总投入为3200.5万元，研发强度达4.2%；资产减值12.3亿元，"
        "信用减值为1.5亿元，现金短债比为2.05。"
    )
    got = {(m, v) for _, m, v, _ in found(text, entities)}
    assert ("rd_expense", Decimal("32005000")) in got
    assert ("rd_intensity", Decimal("4.2")) in got
    assert ("asset_impairment", Decimal("1230000000")) in got
    assert ("credit_impairment", Decimal("150000000")) in got
    assert ("cash_to_short_debt", Decimal("2.05")) in got


def test_full_year_after_a_quarter_names_the_year(entities: EntityDictionary) -> None:
    text = "2024年第四季度，贵州茅台营业收入510.2亿元。全年营业收入1741.4亿元。"
    got = found(text, entities)
    assert ("贵州茅台", "revenue", Decimal("51020000000"), END_2024) in got
    years = {f.period for f in facts(text, entities) if f.value == Decimal("174140000000")}
    assert years == {"全年"}


def test_a_year_written_before_full_year_is_kept(entities: EntityDictionary) -> None:
    text = "2025年第一季度，贵州茅台营收增长10.5%，相较于2024年全年营收增速15.7%有所放缓。"
    dates = {f.as_of for f in facts(text, entities) if f.value == Decimal("15.7")}
    assert dt.date(2025, 12, 31) not in dates


def test_a_list_in_an_earlier_clause_does_not_swallow_a_named_growth(
    entities: EntityDictionary,
) -> None:
    text = (
        "一季度，贵州茅台的直销和批发收入分别达到了300亿元和200亿元，同比增长分别为10%和5%，"
        "净利润同比大增45%，达到260亿元。"
    )
    got = {(m, v) for _, m, v, _ in found(text, entities)}
    assert ("net_profit_yoy", Decimal("45")) in got
    assert ("net_profit", Decimal("26000000000")) in got


def test_a_business_lines_contribution_to_the_revenue_just_stated(
    entities: EntityDictionary,
) -> None:
    text = "2025年第一季度，贵州茅台营业收入为500亿元，其中茅台酒贡献420亿元，系列酒贡献80亿元。"
    got = {(f.metric, f.object, f.value) for f in facts(text, entities)}
    assert ("revenue", "茅台酒", Decimal("42000000000")) in got
    assert ("revenue", None, Decimal("50000000000")) in got


def test_a_rates_change_on_the_year_then_the_quarter(entities: EntityDictionary) -> None:
    text = "2025年一季度，贵州茅台毛利率为91.5%，同比-0.84pcts，环比+0.36pcts。"
    got = {(m, v) for _, m, v, _ in found(text, entities)}
    assert ("gross_margin_change", Decimal("-0.84")) in got
    assert ("gross_margin_qoq_change", Decimal("0.36")) in got


def test_a_margin_after_a_business_lines_revenue_is_the_lines(
    entities: EntityDictionary,
) -> None:
    text = "2024年，贵州茅台系列酒营收250.1亿元，同比+19%，毛利率80.2%，同比-1.5pcts。"
    got = {(f.metric, f.object, f.value) for f in facts(text, entities)}
    assert ("gross_margin", "系列酒", Decimal("80.2")) in got
    assert ("gross_margin_change", "系列酒", Decimal("-1.5")) in got
    assert not any(m == "gross_margin" and o is None for m, o, _ in got)


def test_a_filings_figures_are_no_economys(entities: EntityDictionary) -> None:
    text = (
        "经中国证券监督管理委员会核准，公司于2021年4月非公开发行股票，实际募集资金净额为"
        "1,234,567.89元。"
    )
    assert not any(f.subject == "中国" for f in facts(text, entities))
    # led by the company's name the same filing's figure is the company's
    found = facts("宏泰实业(600999)公告。" + text, entities)
    assert [(f.subject, f.value) for f in found] == [("宏泰实业", Decimal("1234567.89"))]
