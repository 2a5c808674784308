"""Windows: the span a figure covers. A cumulative figure keeps the months it adds up, a week's
total its days, a flow over days its window and owner, a change since a base year that span,
and the year so far (今年以来) is no single day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts

COMPANY = "宏泰实业(600999)"
NAME = "宏泰实业"


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text, title=title, published_at=published or dt.date(2025, 5, 15), entities=entities
    )


def by_value(found: list[ExtractedFact]) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in found}


def test_a_date_set_off_as_the_next_clauses_topic_does_not_date_the_figure_before(
    entities: EntityDictionary,
) -> None:
    text = (
        "3月份，全国港口完成货物吞吐量15.2亿吨，同比增长3.1%今年前三个月，全国港口累计完成"
        "货物吞吐量42.6亿吨，同比增长4.2%；集装箱吞吐量完成7650万标箱，同比增长6.9%"
        "内贸方面，3月份，全国港口内贸吞吐量9.8亿吨，同比增长2.5%。"
    )
    got = by_value(
        facts(text, entities, title="3月全国港口生产平稳", published=dt.date(2025, 4, 20))
    )
    assert got[Decimal("76500000")].period == "前三个月"  # the quarter's, not 3月份
    assert got[Decimal("980000000")].period == "3月份"
    # a date that closes its figure's statement still dates it
    closing = by_value(facts(f"{COMPANY}营收12亿元，2024年。", entities))
    assert closing[Decimal("1200000000")].as_of == dt.date(2024, 12, 31)


def test_a_weeks_total_covers_the_days_the_text_joins(entities: EntityDictionary) -> None:
    text = (
        "4月7日-4月13日，全国物流运行平稳，其中：一、全国高速公路累计货车通行4980.2万辆，"
        "环比增长3.15%；二、监测港口累计完成货物吞吐量25102.3万吨，环比下降1.2%。"
    )
    got = by_value(facts(text, entities, title="物流运行周报", published=dt.date(2025, 4, 14)))
    week = got[Decimal("49802000")]
    assert (week.as_of, week.period) == (dt.date(2025, 4, 13), "4月7日-4月13日")
    assert got[Decimal("-1.2")].period == "4月7日-4月13日"
    # a closing price at the span's end is that day's quote
    text = f"5月5日至5月9日，{COMPANY}累计上涨6.2%，5月9日收盘价为12.30元。"
    quotes = by_value(facts(text, entities))
    assert quotes[Decimal("6.2")].period == "5月5日至5月9日"
    assert quotes[Decimal("12.30")].period == "2025-05-09"


def test_a_bare_net_flow_after_a_windows_flow_is_the_windows(entities: EntityDictionary) -> None:
    text = (
        f"5月14日，{COMPANY}主力资金流入3100万元，流出2800万元。"
        "从中期看，10日主力资金流入4.1亿元，净流入820万元；20日主力资金流入7.7亿元。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("410000000")].metric == "main_inflow_10d"
    assert got[Decimal("8200000")].metric == "main_net_inflow_10d"
    text = f"5月14日，{COMPANY}5日主力资金流入2.3亿元，今日净流入150万元。"
    assert not by_value(facts(text, entities))[Decimal("1500000")].metric.endswith("_5d")


def test_a_list_of_windows_flows_takes_the_owner_of_its_lead_in(
    entities: EntityDictionary,
) -> None:
    text = (
        f"截止2025年05月14日，{COMPANY}的主力资金进出情况如下：- 过去5日：总流入为1.48亿 "
        "- 过去10日：总流入为2.71亿，总流出为2.86亿 - 过去20日：总流入为4.93亿 ### 市场情绪"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("148000000")].metric == "main_inflow_5d"
    assert got[Decimal("271000000")].metric == "main_inflow_10d"
    assert got[Decimal("286000000")].metric == "main_outflow_10d"
    assert got[Decimal("493000000")].metric == "main_inflow_20d"
    # a lead-in naming no owner leaves the flow bare
    text = (
        f"截止2025年05月14日，{COMPANY}的资金情况如下：- 过去5日：总流入为1.48亿 "
        "- 过去10日：总流入为2.71亿"
    )
    assert by_value(facts(text, entities))[Decimal("148000000")].metric == "总流入"


def test_one_value_for_two_flows_over_a_window_is_both_the_windows(
    entities: EntityDictionary,
) -> None:
    text = (
        f"截止2025年05月14日，{COMPANY}的主力资金流动情况如下：- 过去10日的主力资金总流入和"
        "总流出均为13.20亿。"
    )
    metrics = {f.metric for f in facts(text, entities) if f.value == Decimal("1320000000")}
    assert metrics == {"main_inflow_10d", "main_outflow_10d"}


def test_a_window_does_not_reach_a_headline_repeated_after_its_figure(
    entities: EntityDictionary,
) -> None:
    head = f"{NAME}涨2.05%，成交额6120.33万元，近5日主力净流入-312.40万"
    text = f"{head}_财经频道_某某网{head}{head}2025年05月12日 15:01{COMPANY}"
    found = facts(text, entities, title=head, published=dt.date(2025, 5, 12))
    for f in found:
        if f.metric in ("turnover", "change_pct"):
            assert f.period != "近5日"
    assert {f.metric for f in found if f.value == Decimal("-3124000")} == {"main_net_inflow_5d"}
    # a window's own list still covers its figures
    text = f"5月12日，{COMPANY}近一周涨跌幅为3.1%，跑赢大盘2.2%。"
    assert by_value(facts(text, entities))[Decimal("3.1")].period == "近一周"


def test_a_change_since_a_base_year_covers_the_years_since(entities: EntityDictionary) -> None:
    text = (
        "2024年，我国城镇人口达到9.4亿人，比1990年增加6.4亿人，平均每年增加1880万人；"
        "常住人口城镇化率为67.0%，比2012年末提高了14.1个百分点，年均提高1.18个百分点。"
    )
    got = by_value(facts(text, entities, title="城镇化统计"))
    assert got[Decimal("640000000")].period == "1990年—2024年"
    assert got[Decimal("18800000")].period == "1990年—2024年"
    assert got[Decimal("1.18")].period == "2012年—2024年"
    assert got[Decimal("940000000")].period == "2024年"  # the level is the year's
    # a span of its own after the base is the figure's
    text = "2023年全国水果产量3.2亿吨，比2012年增加1.1亿吨，2013—2023年年均增长3.6%。"
    got = by_value(facts(text, entities, title="农业统计"))
    assert got[Decimal("110000000")].period == "2012年—2023年"
    assert got[Decimal("3.6")].period != "2012年—2023年"
    # last year's base is a year on year change, not a span
    text = f"{COMPANY}2024年交付12万吨，较2023年增加35%。"
    assert "—" not in (by_value(facts(text, entities))[Decimal("35")].period or "")


def test_the_year_so_far_is_a_window_to_the_day_of_writing(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}新获得一项发明专利授权，授权日为5月9日。今年以来，{NAME}新获得专利授权"
        "42个，较去年同期增加了31.25%。"
    )
    got = by_value(facts(text, entities))
    for value in ("42", "31.25"):
        assert (got[Decimal(value)].period, got[Decimal(value)].as_of) == (
            "今年以来",
            dt.date(2025, 5, 15),
        )


def test_a_move_since_a_point_or_in_one_day_is_no_yearly_growth(
    entities: EntityDictionary,
) -> None:
    text = f"截至发稿，{COMPANY}收盘价为9.87元，本期筹码集中以来股价累计上涨5.12%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("5.12")].metric == "本期筹码集中以来涨跌幅"
    assert got[Decimal("5.12")].period == "本期筹码集中以来"
    text = f"{COMPANY}近期走强。记得2024年9月30日那次，股价一天暴涨 19.98%，换手率 25.1%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("19.98")].metric == "change_pct"
    assert got[Decimal("19.98")].as_of == dt.date(2024, 9, 30)
