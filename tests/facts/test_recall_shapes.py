"""Recall shapes: figures a list spreads with 分别 over dates, and over figures just stated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=dt.date(2025, 5, 15), entities=entities)


def rows(found: list[ExtractedFact]) -> set[tuple[str, str, Decimal, dt.date | None]]:
    return {(f.subject, f.metric, f.value, f.as_of) for f in found}


def test_a_list_of_dates_gives_each_figure_after_respectively_its_date(
    entities: EntityDictionary,
) -> None:
    text = "2023年第四季度和2024年第一季度，宁德时代的营业收入分别同比增长4.9%和15.9%。"
    got = rows(facts(text, entities))
    assert ("宁德时代", "revenue_yoy", Decimal("4.9"), dt.date(2023, 12, 31)) in got
    assert ("宁德时代", "revenue_yoy", Decimal("15.9"), dt.date(2024, 3, 31)) in got


def test_period_end_words_and_the_name_before_the_dates(entities: EntityDictionary) -> None:
    text = "海天味业2023年度及2024年第一季度的营业收入分别同比下降6.26%和9.60%。"
    got = rows(facts(text, entities))
    assert ("海天味业", "revenue_yoy", Decimal("-6.26"), dt.date(2023, 12, 31)) in got
    assert ("海天味业", "revenue_yoy", Decimal("-9.60"), dt.date(2024, 3, 31)) in got
    assert not any(metric.startswith("度") for _, metric, _, _ in got)


def test_the_lists_after_the_first_name_the_same_dates(entities: EntityDictionary) -> None:
    text = (
        "截至2022年末、2023年末及2024年一季度末，招商银行资本充足率分别为15.43%、16.11%、15.44%；"
        "核心一级资本充足率分别为10.22%、11.12%、11.41%。"
    )
    got = rows(facts(text, entities))
    assert ("招商银行", "capital_adequacy", Decimal("16.11"), dt.date(2023, 12, 31)) in got
    assert ("招商银行", "capital_adequacy", Decimal("15.44"), dt.date(2024, 3, 31)) in got
    assert ("招商银行", "core_tier1_ratio", Decimal("10.22"), dt.date(2022, 12, 31)) in got
    assert ("招商银行", "core_tier1_ratio", Decimal("11.41"), dt.date(2024, 3, 31)) in got


def test_years_not_yet_over_are_forecasts(entities: EntityDictionary) -> None:
    text = (
        "中金公司预计美团2025年和2026年收入分别为3350亿元和3815亿元，"
        "调整后净利润分别为445亿元和520亿元。"
    )
    got = rows(facts(text, entities))
    assert ("美团", "revenue_forecast", Decimal("335000000000"), dt.date(2025, 12, 31)) in got
    assert ("美团", "revenue_forecast", Decimal("381500000000"), dt.date(2026, 12, 31)) in got
    assert ("美团", "调整后净利润_forecast", Decimal("52000000000"), dt.date(2026, 12, 31)) in got


def test_counts_that_disagree_or_a_range_give_no_dated_list(entities: EntityDictionary) -> None:
    got = rows(facts("2023年和2024年，比亚迪净利润分别为300亿元、402亿元和455亿元。", entities))
    assert not any(d in (dt.date(2023, 12, 31), dt.date(2024, 12, 31)) for *_, d in got)
    got = rows(facts("2023年、2024年，比亚迪净利润分别为300亿元、402亿元。", entities))
    assert ("比亚迪", "net_profit", Decimal("40200000000"), dt.date(2024, 12, 31)) in got


def test_a_company_named_before_a_list_of_its_measures(entities: EntityDictionary) -> None:
    text = (
        "2024年末，招商银行的资本充足率、一级资本充足率、核心一级资本充足率"
        "分别为12.96%、10.24%、8.87%。"
    )
    got = rows(facts(text, entities))
    end = dt.date(2024, 12, 31)
    assert ("招商银行", "core_tier1_ratio", Decimal("8.87"), end) in got
    assert ("招商银行", "一级资本充足率", Decimal("10.24"), end) in got
    assert ("招商银行", "capital_adequacy", Decimal("12.96"), end) in got


def test_levels_of_any_unit_and_a_joined_measure(entities: EntityDictionary) -> None:
    got = rows(facts("2024年，万科A营业收入和净利润分别为100亿元和20亿元。", entities))
    assert ("万科", "revenue", Decimal("10000000000"), dt.date(2024, 12, 31)) in got
    assert ("万科", "net_profit", Decimal("2000000000"), dt.date(2024, 12, 31)) in got
    text = (
        "2025年一季度，比亚迪的产销量分别达到了27.83万辆和28.46万辆，同比增长分别达到了52%和49%。"
    )
    got = rows(facts(text, entities))
    q1 = dt.date(2025, 3, 31)
    assert ("比亚迪", "产量", Decimal("278300"), q1) in got
    assert ("比亚迪", "deliveries", Decimal("284600"), q1) in got
    assert ("比亚迪", "产量_yoy", Decimal("52"), q1) in got  # the growths of the levels just read
    assert ("比亚迪", "deliveries_yoy", Decimal("49"), q1) in got


def test_a_list_of_names_gives_nothing(entities: EntityDictionary) -> None:
    assert not facts("中央汇金与中国证金分别持有1040万股和803.9万股。", entities)


def test_growths_of_the_figures_just_stated(entities: EntityDictionary) -> None:
    text = (
        "2025年3月，牧原股份商品猪销售数量712.30万头，销售收入588.45亿元，"
        "同比变动分别为-6.17%、-28.53%，环比变动分别为-15.42%、-19.08%。"
    )
    got = rows(facts(text, entities))
    march = dt.date(2025, 3, 31)
    assert ("牧原股份", "revenue", Decimal("58845000000"), march) in got
    assert ("牧原股份", "revenue_yoy", Decimal("-28.53"), march) in got
    assert ("牧原股份", "revenue_qoq", Decimal("-19.08"), march) in got
    assert ("牧原股份", "商品猪销售数量_yoy", Decimal("-6.17"), march) in got
    assert ("牧原股份", "商品猪销售数量_qoq", Decimal("-15.42"), march) in got


def test_growths_whose_count_differs_from_the_figures_stated(entities: EntityDictionary) -> None:
    text = "2025年3月，牧原股份销售收入588.45亿元，同比变动分别为-6.17%、-28.53%。"
    got = rows(facts(text, entities))
    assert not any(metric.endswith("_yoy") for _, metric, _, _ in got)


def test_one_growth_for_two_measures_with_jun(entities: EntityDictionary) -> None:
    got = rows(facts("2024年，比亚迪营业收入和净利润均增长20%。", entities))
    year = dt.date(2024, 12, 31)
    assert ("比亚迪", "revenue_yoy", Decimal("20"), year) in got
    assert ("比亚迪", "net_profit_yoy", Decimal("20"), year) in got
    got = rows(facts("3月份，全国鲜菜和鸡蛋价格均上涨1.5%。", entities))
    assert {m for _, m, _, _ in got} == {"鲜菜价格_yoy", "鸡蛋价格_yoy"}
