"""Market-day prose, run-together tables and fund cards: sentences written for these tests in
the shapes quote pages and market wraps use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.runtable import run_together_tables


@pytest.fixture(scope="module")
def entities() -> EntityDictionary:
    return EntityDictionary.of([*bundled_entities(), EntityRecord("远山科技", "company")])


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 6, 20), entities=entities)


def dated(found: list[ExtractedFact]) -> set[tuple[str, str, Decimal, str, dt.date | None]]:
    return {(f.subject, f.metric, f.value, f.unit, f.as_of) for f in found}


def test_run_together_table_splits_by_its_decimals(entities: EntityDictionary) -> None:
    text = (
        "远山科技今日放量上涨。该股近期走势如下：日期换手率（%）当日涨跌幅（%）主力资金净流入（万元）"
        "2025.06.194.053.21-120.352025.06.180.98-1.7387.602025.06.172.110.401034.08数据来源"
    )
    got = dated(facts(text, entities))
    day = dt.date
    assert ("远山科技", "change_pct", Decimal("3.21"), "%", day(2025, 6, 19)) in got
    assert ("远山科技", "turnover_rate", Decimal("4.05"), "%", day(2025, 6, 19)) in got
    assert ("远山科技", "main_net_inflow", Decimal("-1203500"), "money", day(2025, 6, 19)) in got
    assert ("远山科技", "change_pct", Decimal("-1.73"), "%", day(2025, 6, 18)) in got
    assert ("远山科技", "turnover_rate", Decimal("0.98"), "%", day(2025, 6, 18)) in got
    assert ("远山科技", "main_net_inflow", Decimal("876000"), "money", day(2025, 6, 18)) in got
    assert ("远山科技", "main_net_inflow", Decimal("10340800"), "money", day(2025, 6, 17)) in got
    assert len(got) == 9


def test_run_together_table_without_units_and_spaced_rows() -> None:
    text = (
        "交易日期融资余额融资买入额融资偿还额2025-06-19183000000.005210300.004120000.00 "
        "2025-06-18181909700.003300000.002500000.00。"
    )
    cells = run_together_tables(text)
    assert [(c.metric, c.quantity.value, c.as_of.day) for c in cells] == [
        ("margin_balance", Decimal("183000000.00"), 19),
        ("margin_buy", Decimal("5210300.00"), 19),
        ("margin_repay", Decimal("4120000.00"), 19),
        ("margin_balance", Decimal("181909700.00"), 18),
        ("margin_buy", Decimal("3300000.00"), 18),
        ("margin_repay", Decimal("2500000.00"), 18),
    ]
    assert all(text[c.quantity.span[0] : c.quantity.span[1]] == c.quantity.text for c in cells)


@pytest.mark.parametrize(
    "text",
    [
        # columns with one and with two decimals: no single count splits the rows
        "日期涨跌幅（%）换手率（%）2025.06.191.52.302025.06.180.71.25",
        # a single row: nothing to confirm the split with
        "日期涨跌幅（%）换手率（%）2025.06.193.214.05",
        # labels without brackets, one the vocabulary does not know: where it ends is unclear
        "日期涨跌幅某某指标2025.06.193.214.052025.06.181.000.50",
    ],
)
def test_run_together_table_left_alone_when_ambiguous(text: str) -> None:
    assert run_together_tables(text) == []


def test_card_figure_right_after_its_label(entities: EntityDictionary) -> None:
    """A fund card's headline, a colon, then the figure written right after its label, with no
    为 between: the text is read although it names no label of the vocabulary."""
    text = (
        "产品分析：“远山稳健增利债券A”是一只债券型基金。费用偏低：产品综合费率0.65%，低于同类。"
        "跟踪较准：近1年年化跟踪误差1.12%，表现稳定。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("远山稳健增利债券A", "综合费率", Decimal("0.65")) in got
    assert ("远山稳健增利债券A", "近1年年化跟踪误差", Decimal("1.12")) in got


def test_index_named_with_zhishu_moves(entities: EntityDictionary) -> None:
    """科创50指数下跌: 指数 ends the index's own name, so the move is the index's; a move after
    a generic 行业指数 still names no subject."""
    got = {
        (f.subject, f.metric, f.value) for f in facts("午间收盘，沪深300指数微跌0.37%。", entities)
    }
    assert ("沪深300指数", "change_pct", Decimal("-0.37")) in got
    assert facts("远山科技发布公告。所属行业指数下跌2.10%。", entities) == []


def test_market_breadth_counts(entities: EntityDictionary) -> None:
    text = (
        "午盘统计，两市可交易个股中，上涨个股有2210只，下跌个股有2875只，平盘个股96只。"
        "收盘股价涨停的有48只，跌停股有6只。全天共有53只涨停股、7只跌停股。"
        "收盘共64股涨停，另有近3100只个股下跌。"
    )
    got = {(f.subject, f.metric, f.value, f.unit) for f in facts(text, entities)}
    for metric, n in [
        ("advancers", 2210),
        ("decliners", 2875),
        ("unchanged", 96),
        ("limit_up_count", 48),
        ("limit_down_count", 6),
        ("limit_up_count", 53),
        ("limit_down_count", 7),
        ("limit_up_count", 64),
        ("decliners", 3100),
    ]:
        assert ("A股", metric, Decimal(n), "count") in got


@pytest.mark.parametrize(
    "text",
    [
        "半导体板块内，上涨个股有32只，下跌个股有9只。",  # the sector's stocks, not the market's
        "创业板上涨个股有800只。",  # a board's
        "该股已连收8个涨停板，累计上涨5个交易日。",  # a streak, not a count of stocks
        "该基金重仓股中，6只上涨。",  # a portfolio's
    ],
)
def test_breadth_counts_of_another_whole_left_alone(text: str, entities: EntityDictionary) -> None:
    assert not [f for f in facts(text, entities) if f.subject == "A股"]
    # a count the text gives of the whole market is the A shares'
    whole = facts("两市共有8只涨停股。", entities)
    assert [(f.subject, f.metric) for f in whole] == [("A股", "limit_up_count")]


def test_stocks_counted_with_gu() -> None:
    from touyan.text.numbers import parse_numbers

    (counted,) = parse_numbers("收盘共64股涨停")
    assert (counted.value, counted.unit) == (Decimal(64), "count")
    (held,) = parse_numbers("持有1200万股")
    assert held.unit == "shares"


def test_streak_is_no_limit_price(entities: EntityDictionary) -> None:
    got = {f.metric for f in facts("远山科技报收于8.80元，已连续涨停3天，换手率6.20%。", entities)}
    assert "limit_up" not in got
    assert {"price", "turnover_rate"} <= got


def test_window_moves_respectively(entities: EntityDictionary) -> None:
    got = {
        (f.subject, f.metric, f.value)
        for text in (
            "从阶段表现看，远山科技近一周、近一月及近一年分别录得2.15%、4.02%及18.30%的涨幅。",
            "远山科技近5日、近20日分别下跌1.40%、6.75%。",
        )
        for f in facts(text, entities)
    }
    assert ("远山科技", "change_1w_pct", Decimal("2.15")) in got
    assert ("远山科技", "change_1m_pct", Decimal("4.02")) in got
    assert ("远山科技", "change_1y_pct", Decimal("18.30")) in got
    assert ("远山科技", "近5日涨跌幅", Decimal("-1.40")) in got
    assert ("远山科技", "近20日涨跌幅", Decimal("-6.75")) in got


def test_window_list_of_nothing_named_left_alone(entities: EntityDictionary) -> None:
    found = facts("远山科技近一周、近一月分别为2.15%、4.02%。", entities)
    assert not [f for f in found if "近一" in f.metric or f.metric.startswith("change_1")]
    # the same list with its measure named is the company's windowed moves
    named = facts("远山科技近一周、近一月涨幅分别为2.15%、4.02%。", entities)
    assert {(f.subject, f.metric) for f in named} == {
        ("远山科技", "change_1w_pct"),
        ("远山科技", "change_1m_pct"),
    }


def test_sector_titled_text(entities: EntityDictionary) -> None:
    """A text titled by a sector: its day's move and money flow are the sector's, even where
    the text names a fund of the sector first; other figures are not filed under it."""
    text = (
        "某某成长混合A基金属于医药板块。1. **行情走弱**:医药板块6月19日表现疲软，日内行情逐步走弱。"
        "受此影响，截止收盘已下跌1.87%。主力资金表现疲弱，截至目前主力资金净流出29.14亿元。"
        "板块内个股市盈率为28.5倍。"
    )
    got = {
        (f.subject, f.metric, f.value)
        for f in facts(text, entities, "医药板块近期有什么事件和观点？")
    }
    assert ("医药板块", "change_pct", Decimal("-1.87")) in got
    assert ("医药板块", "main_net_outflow", Decimal("2914000000")) in got
    assert not [
        g for g in got if g[0] == "医药板块" and g[1] not in ("change_pct", "main_net_outflow")
    ]
    assert facts("截止收盘已下跌1.87%。", entities, "煤炭等板块涨幅居前") == []


def test_broker_seats_on_the_list(entities: EntityDictionary) -> None:
    text = (
        "远山科技今日上涨10.01%登上龙虎榜。其中，甲证券有限公司北京某路证券营业部、机构专用分别买入"
        "1520.30万元、980.00万元。乙证券股份有限公司上海某路证券营业部卖出760.45万元。"
    )
    got = {(f.subject, f.metric, f.object, f.value) for f in facts(text, entities)}
    seat = "甲证券有限公司北京某路证券营业部"
    assert ("远山科技", "seat_buy", seat, Decimal("15203000")) in got
    assert ("远山科技", "seat_buy", "机构专用", Decimal("9800000")) in got
    assert (
        "远山科技",
        "seat_sell",
        "乙证券股份有限公司上海某路证券营业部",
        Decimal("7604500"),
    ) in got


def test_seats_without_respectively_are_not_paired(entities: EntityDictionary) -> None:
    text = "远山科技登上龙虎榜。甲证券北京营业部、乙证券上海营业部买入1520.30万元、980.00万元。"
    assert not [f for f in facts(text, entities) if f.metric == "seat_buy"]
    # in a list read as one, 分别 pairs each seat with its figure; without it none is paired
    listed = (
        "远山科技今日上涨10.01%登上龙虎榜。其中，甲证券北京营业部、乙证券上海营业部分别买入"
        "1520.30万元、980.00万元。"
    )
    seats = {(f.object, f.value) for f in facts(listed, entities) if f.metric == "seat_buy"}
    assert seats == {
        ("甲证券北京营业部", Decimal("15203000")),
        ("乙证券上海营业部", Decimal("9800000")),
    }
    unpaired = facts(listed.replace("分别买入", "买入"), entities)
    assert not [f for f in unpaired if f.metric == "seat_buy"]


def test_quote_page_spaced_and_short_labels(entities: EntityDictionary) -> None:
    text = "远山科技(600999)今 开：8.12涨 停：8.93跌 停：7.31流通值：18.40亿市盈率 TTM ：33.05行业"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("limit_up", Decimal("8.93")) in got
    assert ("limit_down", Decimal("7.31")) in got
    assert ("float_market_cap", Decimal("1840000000")) in got
    assert ("pe_ttm", Decimal("33.05")) in got


def test_fund_card_about_the_product_it_opens_with(entities: EntityDictionary) -> None:
    """A card naming its product's other share class (同产品的主份额“…A”) is still about the
    product it opens with; a broker's plan (集合资产管理计划) is a fund's name."""
    text = (
        "“远山稳健增利债券型证券投资基金C类”是一只债券型-长债基金。“远山稳健增利债券C”成立不满3年，"
        "建议同时关注同产品的主份额“远山稳健增利债券A”的历史业绩。 "
        "长期收益能力一般：产品成立以来年化收益2.15%，表现一般。"
    )
    got = {(f.subject, f.value) for f in facts(text, entities)}
    assert ("远山稳健增利债券型证券投资基金C类", Decimal("2.15")) in got
    plan = (
        "“远山安享债券型集合资产管理计划C类”是一只债券型基金。 收益稳定：近3年年化收益2.41%。 "
        "规模稳定：合并管理规模8.40亿，较为稳定。"
    )
    got = {(f.subject, f.value) for f in facts(plan, entities)}
    assert ("远山安享债券型集合资产管理计划C类", Decimal("840000000")) in got


def test_excess_over_benchmark_is_a_label(entities: EntityDictionary) -> None:
    text = (
        "“远山成长混合C”是一只混合型-偏股基金。 "
        "回撤一般：产品近3年累计收益率-8.20%，相对基准超额回撤21.05%。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("相对基准超额回撤", Decimal("21.05")) in got
    compared = facts("远山科技营收相对上年增长5%。", entities)
    assert not [f for f in compared if f.metric.startswith("相对")]


def test_run_together_table_of_scaled_cells_and_month_days(entities: EntityDictionary) -> None:
    """Cells that each end in 万 split there; 5月8日 rows take the publication's year; a column
    the vocabulary does not know is read for the split but not stated; the rows' dates do not
    date the prose after the table."""
    text = (
        "远山科技融资余额走势表一览日期融资余额（元）余额变动（元）"
        "6月18日612.40万20.15万6月17日592.25万-8.02万。综上，远山科技当前融资余额612.40万元。"
    )
    found = facts(text, entities)
    got = {(f.metric, f.value, f.as_of) for f in found}
    assert ("margin_balance", Decimal("6124000"), dt.date(2025, 6, 18)) in got
    assert ("margin_balance", Decimal("5922500"), dt.date(2025, 6, 17)) in got
    assert not [f for f in found if f.value in (Decimal("201500"), Decimal("-80200"))]
    prose = [f for f in found if f.quote.startswith("综上")]
    assert prose and prose[0].as_of == dt.date(2025, 6, 20)


def test_a_windows_move_is_named_by_its_window(entities: EntityDictionary) -> None:
    text = "远山科技今年以来股价涨12.40%，近5个交易日跌2.10%，近一月涨3.30%。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("change_ytd_pct", Decimal("12.40")) in got
    assert ("近5个交易日涨跌幅", Decimal("-2.10")) in got
    assert ("change_1m_pct", Decimal("3.30")) in got
    assert not [m for m, _ in got if m == "change_pct"]


def test_days_window_flow_label(entities: EntityDictionary) -> None:
    text = "远山科技今日主力净流出1.2亿元。从中期资金面看，5日主力资金累计净流入3.64亿元。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("5日主力资金累计净流入", Decimal("364000000")) in got


def test_indexes_are_quoted_in_points_and_stocks_in_money(entities: EntityDictionary) -> None:
    text = (
        "沪指今日下跌0.68%，报3380.82点。股价方面，创新高股平均股价49.01元，收盘价为482.00元。"
        "远山科技报收于8.20元。英国富时100种股票平均价格指数报收于8371.46点。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("上证综合指数", "price", Decimal("3380.82")) in got
    assert ("远山科技", "price", Decimal("8.20")) in got
    assert not [g for g in got if g[2] in (Decimal("49.01"), Decimal("482.00"))]
    assert not [g for g in got if g[2] == Decimal("8371.46")]


def test_major_index_names(entities: EntityDictionary) -> None:
    text = "同期纳斯达克指数上涨0.52%，中证500指数下跌0.81%，上证50微涨0.12%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("纳斯达克综合指数", "change_pct", Decimal("0.52")) in got
    assert ("中证500指数", "change_pct", Decimal("-0.81")) in got
    assert ("上证50指数", "change_pct", Decimal("0.12")) in got


def test_price_path_over_named_days(entities: EntityDictionary) -> None:
    text = (
        "最近两个月，远山科技的股价从 5 月 6 日的 21.40 元跌到 6 月 18 日的 18.75 元，"
        "期间还经历了 6 月 3 日 23.10 元的高点。远山科技的市值从 6 月 3 日的 120.5 亿元回落。"
    )
    got = {(f.metric, f.value, f.as_of) for f in facts(text, entities)}
    assert ("price", Decimal("21.40"), dt.date(2025, 5, 6)) in got
    assert ("price", Decimal("18.75"), dt.date(2025, 6, 18)) in got
    assert ("price", Decimal("23.10"), dt.date(2025, 6, 3)) in got
    assert not [g for g in got if g[0] == "price" and g[1] > 1000]
