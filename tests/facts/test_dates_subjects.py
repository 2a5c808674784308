"""Dates and subjects of figures already read: which period, day and entity they hold for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.periods import crop_year_mentions, report_period_mentions, short_year_mentions
from touyan.text.dates import parse_dates


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text, title=title, published_at=published or dt.date(2025, 5, 15), entities=entities
    )


def dated(found: list[ExtractedFact]) -> set[tuple[str, Decimal, dt.date | None]]:
    return {(f.metric, f.value, f.as_of) for f in found}


def test_report_period_figures_take_the_period_of_the_report_in_the_title(
    entities: EntityDictionary,
) -> None:
    text = (
        "2025年消费市场预期向好。报告期内，贵州茅台实现营业收入500.12亿元，同比增长10.5%。"
        "其中，毛利率91.2%，每股收益21.38元。"
    )
    got = dated(
        facts(text, entities, title="贵州茅台2025年一季报点评", published=dt.date(2025, 5, 2))
    )
    q1 = dt.date(2025, 3, 31)
    assert ("revenue", Decimal("50012000000"), q1) in got
    assert ("revenue_yoy", Decimal("10.5"), q1) in got
    assert ("gross_margin", Decimal("91.2"), q1) in got  # the next sentence keeps the period
    assert ("eps", Decimal("21.38"), q1) in got


def test_report_period_follows_the_report_the_text_names_before_it() -> None:
    text = "公司发布2024年年度报告。本报告期末，公司总资产为80亿元。"
    (own,) = report_period_mentions(text, "")
    assert (own.start, own.end, own.text) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
        "本报告期末",
    )
    assert report_period_mentions("报告期内，公司营收增长。", "") == []  # no report named
    # 报告期后: after the period, not in it; 去年同报告期 is last year's.
    # (The title's report is a mention of its own, where the text starts.)
    after = report_period_mentions("报告期后，公司完成回购。", "2024年半年报")
    assert [m.span for m in after] == [(0, 0)]
    assert [m.span for m in report_period_mentions("较去年同报告期减少3亿元。", "2024年年报")] == [
        (0, 0)
    ]
    _, half = report_period_mentions("报告期内，公司营收增长。", "2024年半年报")
    assert (half.end, half.text) == (dt.date(2024, 6, 30), "报告期内")


def test_a_year_written_before_a_quarterly_report_dates_it(entities: EntityDictionary) -> None:
    text = "贵州茅台2024年获评行业荣誉。最新一期业绩显示，2025年一季报，公司共实现营业收入506亿元。"
    got = dated(facts(text, entities))
    assert ("revenue", Decimal("50600000000"), dt.date(2025, 3, 31)) in got


def test_a_cards_benchmark_and_track_fields_are_not_the_funds(entities: EntityDictionary) -> None:
    text = (
        "易方达蓝筹精选混合C(005827)的收益数据: 截止到2025年05月14日,近一周收益拆解： "
        "易方达蓝筹精选混合C近一周的基金收益率是: 1.20% "
        "沪深300近一周的市场基准收益率是: 0.95% 消费赛道近一周的赛道相对全市场超额收益率是:0.30% "
        "固收+赛道近一周的赛道基准收益率是:0.12%"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title="基金收益拆解")}
    assert ("易方达蓝筹精选混合C", "基金收益率", Decimal("1.20")) in got
    assert ("沪深300指数", "市场基准收益率", Decimal("0.95")) in got  # the dictionary's name
    assert ("消费赛道", "赛道相对全市场超额收益率", Decimal("0.30")) in got
    assert ("固收+赛道", "赛道基准收益率", Decimal("0.12")) in got
    assert not any(s == "易方达蓝筹精选混合C" and "赛道" in m for s, m, _ in got)


def test_a_profiles_founding_date_lends_no_year_to_a_later_day(entities: EntityDictionary) -> None:
    text = (
        "资料显示，贵州茅台成立日期2003年6月18日，上市日期2010年9月21日，公司主营白酒。"
        "截至3月31日，贵州茅台股东户数19.8万，较上期增加3.1%。"
    )
    got = dated(facts(text, entities))
    assert ("股东户数", Decimal("198000"), dt.date(2025, 3, 31)) in got
    kept = parse_dates("2019年3月5日公司发布公告。3月8日，股价大涨。", today=dt.date(2025, 5, 15))
    assert kept[-1].start == dt.date(2019, 3, 8)  # a narrative's year still carries


def test_a_name_before_its_labelled_stock_code_is_a_company(entities: EntityDictionary) -> None:
    text = (
        "华远置业（股票代码：600743）是一家城市开发运营商。从资产负债数据来看，"
        "2024年末华远置业总资产为403.56亿元，同比下降3.2%。"
    )
    got = {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities)}
    assert ("华远置业", "total_assets", Decimal("40356000000"), dt.date(2024, 12, 31)) in got
    assert not any(s == "中国" for s, *_ in got)  # a company's figure, not the country's


def test_a_name_opening_a_windowed_price_move_is_the_stocks(entities: EntityDictionary) -> None:
    text = (
        "纺织概念股还有华纺股份近5日华纺股份股价上涨4%，当前市值为20.1亿元。"
        "航民股份近5个交易日股价上涨1.95%，最高价为8.12元，当前市值为60.3亿元。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("航民股份", "high", Decimal("8.12")) in got
    assert ("航民股份", "market_cap", Decimal("6030000000")) in got
    assert ("华纺股份", "market_cap", Decimal("6030000000")) not in got


def test_a_figure_said_of_today_is_not_dated_by_an_earlier_year(
    entities: EntityDictionary,
) -> None:
    text = (
        "如2020年公司研发出新钢种。"
        "资金分析今日贵州茅台主力净流入-536.18万，占比0.07%，行业排名14/21。"
    )
    got = dated(facts(text, entities, published=dt.date(2025, 5, 14)))
    assert all(as_of == dt.date(2025, 5, 14) for _, _, as_of in got), got
    assert got


def test_a_two_digit_year_dates_its_figures(entities: EntityDictionary) -> None:
    text = (
        "贵州茅台2025年经营稳健。公司主营白酒；19年系列酒收入12.3亿元，营收占比14.08%。"
        "25 年Q1 实现营收506 亿元，同比上升10.6%。"
        "预计26年年报分红率为80%，每股收益达到80元以上。"
    )
    got = {(f.metric, f.value, f.as_of) for f in facts(text, entities)}
    assert ("营收占比", Decimal("14.08"), dt.date(2019, 12, 31)) in got
    assert ("revenue", Decimal("50600000000"), dt.date(2025, 3, 31)) in got
    assert ("eps_forecast", Decimal("80"), dt.date(2026, 12, 31)) in got  # 预计: a forecast


def test_a_span_of_years_is_no_year() -> None:
    text = "过去10年营收增长，上市22年以来累计融资，20年来最差，10年期国债，这10年间，80年代。"
    assert short_year_mentions(text, [], dt.date(2025, 5, 15)) == []
    (year,) = short_year_mentions("24年营收", [], dt.date(2025, 5, 15))
    assert year.end == dt.date(2024, 12, 31)
    assert short_year_mentions("24年营收", [], None) == []  # no publication year to read by


def test_trailing_quarters_and_half_year_periods(entities: EntityDictionary) -> None:
    text = (
        "5月15日，贵州茅台今日收盘1512.25元，滚动市盈率PE（股价与前四季度每股收益总和之比）"
        "达到21.6倍，总市值18914.48亿元。"
    )
    got = dated(facts(text, entities))
    assert ("market_cap", Decimal("1891448000000"), dt.date(2025, 5, 15)) in got  # not Q4
    got = dated(facts("截至2024年半年度，贵州茅台的应收账款期末余额为7.12亿元。", entities))
    assert ("应收账款期末余额", Decimal("712000000"), dt.date(2024, 6, 30)) in got
    got = dated(facts("2024年前三季度贵州茅台实现营收1231亿元。", entities))
    assert ("revenue", Decimal("123100000000"), dt.date(2024, 9, 30)) in got


def test_a_price_move_in_the_year_so_far_is_as_of_publication(entities: EntityDictionary) -> None:
    got = dated(facts("贵州茅台近5日股价上涨1.24%，2025年股价上涨6.57%。", entities))
    assert ("change_pct", Decimal("6.57"), dt.date(2025, 5, 15)) in got
    # A year's statistics may be final before its end: they keep the year.
    text = "2022年，贵州茅台实现营业收入1241亿元。"
    got = dated(facts(text, entities, published=dt.date(2022, 12, 20)))
    assert ("revenue", Decimal("124100000000"), dt.date(2022, 12, 31)) in got


def test_an_industrys_figure_is_not_the_companys(entities: EntityDictionary) -> None:
    text = (
        "截至2025年4月30日，贵州茅台股东户数为19.8万户。"
        "白酒行业A股上市公司户均持股市值为47.2万元，同期白酒行业整体区间涨跌幅为-2.38%。"
        "贵州茅台行业排名1，在饮料制造行业市值排名1。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("白酒行业", "avg_holding_value", Decimal("472000")) in got
    assert ("白酒行业", "change_pct", Decimal("-2.38")) in got
    assert not any(
        s == "贵州茅台" and v in (Decimal("472000"), Decimal("-2.38")) for s, _, v in got
    )
    assert ("贵州茅台", "行业排名", Decimal("1")) in got  # its place in the industry is its own


def test_a_year_is_not_carried_into_a_new_section() -> None:
    text = "2024年5月股价还在60元以上，分明是“扶贫”！一、股价走势短期刺激。5月12日股价暴涨6.73%。"
    days = parse_dates(text, today=dt.date(2025, 5, 13))
    assert days[-1].start == dt.date(2025, 5, 12)
    kept = parse_dates("2024年5月股价还在60元以上。5月12日股价暴涨。", today=dt.date(2025, 5, 13))
    assert kept[-1].start == dt.date(2024, 5, 12)  # within one section the year carries


def test_a_current_margin_balance_is_the_days_close(entities: EntityDictionary) -> None:
    text = (
        "截至5月14日，贵州茅台融资融券余额合计185.2亿元。"
        "当前融资余额184.6亿元，占流通市值的0.98%。截至发稿，贵州茅台市值为18914亿元。"
    )
    got = dated(facts(text, entities))
    assert ("margin_balance", Decimal("18460000000"), dt.date(2025, 5, 14)) in got
    assert ("market_cap", Decimal("1891400000000"), dt.date(2025, 5, 15)) in got  # 截至发稿


def test_the_latest_session_is_the_weekday_before_publication(entities: EntityDictionary) -> None:
    text = "### 最近一个交易日的资金表现收盘价为1498.60元，较前一交易日下跌0.14元。"
    got = dated(facts(text, entities, title="贵州茅台资金表现", published=dt.date(2025, 5, 15)))
    assert ("close", Decimal("1498.60"), dt.date(2025, 5, 14)) in got
    got = dated(facts(text, entities, title="贵州茅台资金表现", published=dt.date(2025, 5, 12)))
    assert ("close", Decimal("1498.60"), dt.date(2025, 5, 9)) in got  # Monday: Friday's close


def test_a_card_about_one_report_dates_its_undated_figures(entities: EntityDictionary) -> None:
    text = (
        "公司营业总收入为1741亿元，在已披露的同业公司中排名第1。截至发稿，贵州茅台市值为18914亿元。"
    )
    title = "贵州茅台（600519.SH)2024年年报的主要财务表现如何？"
    got = dated(facts(text, entities, title=title, published=dt.date(2025, 4, 30)))
    assert ("revenue", Decimal("174100000000"), dt.date(2024, 12, 31)) in got
    assert ("market_cap", Decimal("1891400000000"), dt.date(2025, 4, 30)) in got  # 截至发稿


def test_a_crop_year_is_named_by_the_year_it_starts_in() -> None:
    text = "本月预测，2025/26年度，中国大豆种植面积10215千公顷，较上年度增加87千公顷。"
    got = {
        (f.subject, f.metric, f.as_of)
        for f in extract_facts(text, published_at=dt.date(2025, 5, 12))
        if f.span[0] == text.index("10215")  # 10215千: the scale is the figure's
    }
    assert got == {("中国", "大豆种植面积_forecast", dt.date(2025, 12, 31))}
    assert crop_year_mentions("2024/26年度") == []  # not one season
