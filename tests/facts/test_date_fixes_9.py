"""Which period a quarter written without its year names: the quarter a text with no
publication date names is kept as its period, undated (第四季度营收…), and 去年四季度 is a
quarter of last year, not the year; a later clause's plan (计划今年三季度建成) dates no figure
before it, and a peak move within one session (盘前一度大涨超24%) no period an earlier
sentence names; read here in our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import dated

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str, published_at: dt.date | None = DAY) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published_at, entities=NAMES)


def test_a_quarter_with_no_year_and_no_publication_is_an_undated_period() -> None:
    text = "贵州茅台第四季度营收120.5亿元，分析师预估118亿元；第四季度净利润40.2亿元。"
    got = facts(text, None)
    assert dated(got, "revenue", "12050000000") == [(None, "第四季度")]
    assert dated(got, "net_profit", "4020000000") == [(None, "第四季度")]
    # published, the quarter is the latest one of that name, as before
    assert dated(facts(text), "revenue", "12050000000") == [(dt.date(2024, 12, 31), "第四季度")]


def test_a_quarter_of_last_year_is_that_quarter() -> None:
    text = "据调研机构统计，贵州茅台去年四季度在华东的销量达到35万箱，同比增长12%。"
    assert dated(facts(text), "deliveries_yoy", "12") == [(dt.date(2024, 12, 31), "去年四季度")]
    # with no publication date, the year is unknown, the quarter still named
    assert dated(facts(text, None), "deliveries_yoy", "12") == [(None, "去年四季度")]


def test_last_years_quarter_takes_the_year_that_quarter_was_named_with() -> None:
    text = (
        "公募基金2024年四季度报告全部披露完毕。据统计，去年四季度末共有800只基金持有贵州茅台，"
        "合计持股市值达900.5亿元。"
    )
    assert dated(facts(text, None), "holding_value", "90050000000") == [
        (dt.date(2024, 12, 31), "去年四季度")
    ]


def test_a_later_clauses_plan_dates_no_figure_before_it() -> None:
    text = (
        "某某化工有限公司是贵州茅台持股66.5%的子公司，目前拥有8万吨/年产能，"
        "另有3万吨/年产能在建（计划2026年三季度建成）。"
    )
    assert dated(facts(text), "stake_pct", "66.5") == [(DAY, None)]
    # a date after it that is no plan's still dates it, as before
    text = "贵州茅台持股66.5%的子公司，于2024年三季度完成增资。"
    assert dated(facts(text), "stake_pct", "66.5") == [(dt.date(2024, 9, 30), "2024年三季度")]


def test_a_peak_move_in_one_session_is_not_dated_by_an_earlier_period() -> None:
    text = "贵州茅台与某公司达成合作，项目预计将在2026年中左右落地。贵州茅台盘前一度大涨超12%。"
    assert dated(facts(text, None), "max_gain_pct", "12") == [(None, None)]
    text = "贵州茅台与某公司达成合作，项目预计将在2026年中左右落地。贵州茅台年内最大涨幅为12%。"
    assert dated(facts(text, None), "max_gain_pct", "12") == [(dt.date(2026, 12, 31), "2026年")]


def test_a_label_naming_its_own_fiscal_year_takes_no_quarter_named_before() -> None:
    text = (
        "在苹果(AAPL.O)第一季度盈利实现增长后，Acme Research分析师维持对苹果的买入评级，"
        "但将25财年的每股盈利预测从6.12美元提高到6.41美元。该分析师预计服务业务收入将继续增长。"
    )
    got = extract_facts(
        text, title="Acme Research：维持苹果(AAPL.O)买入评级", published_at=None, entities=NAMES
    )
    assert dated(got, "25财年的每股盈利预测_forecast", "6.41") == [(None, None)]
