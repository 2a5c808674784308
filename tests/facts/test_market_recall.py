"""Market-day figures of limit-up wraps, 龙虎榜 pages, quotes and margin pages: sentences written
for these tests in the shapes those pages use (stock names invented)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 6, 20)


@pytest.fixture(scope="module")
def entities() -> EntityDictionary:
    return EntityDictionary.of([*bundled_entities(), EntityRecord("远山科技", "company")])


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=entities)


def said(found: list[ExtractedFact]) -> set[tuple[str, str, Decimal]]:
    return {(f.subject, f.metric, f.value) for f in found}


def test_limit_up_runs_after_the_names(entities: EntityDictionary) -> None:
    text = "6月20日，连板股方面，北辰新材6连板，南港物流、云岭化工等4连板，青川股份4天3板。"
    got = said(facts(text, entities, "今日涨停复盘"))
    assert ("北辰新材", "limit_up_streak", Decimal(6)) in got
    assert ("南港物流", "limit_up_streak", Decimal(4)) in got
    assert ("云岭化工", "limit_up_streak", Decimal(4)) in got
    assert ("青川股份", "limit_ups_in_4d", Decimal(3)) in got


def test_limit_up_ladder_and_days_held(entities: EntityDictionary) -> None:
    text = (
        "涨停梯队【3连板】 北辰新材（600999）、南港物流。"
        "从连续涨停天数看，云岭化工已连收5个涨停板。"
    )
    got = said(facts(text, entities, "今日涨停复盘"))
    assert ("北辰新材", "limit_up_streak", Decimal(3)) in got
    assert ("南港物流", "limit_up_streak", Decimal(3)) in got
    assert ("云岭化工", "limit_up_streak", Decimal(5)) in got


def test_a_run_said_of_no_named_stock_is_left(entities: EntityDictionary) -> None:
    text = "6月20日，远山科技是板块老妖，有过5连板的走势，曾4连板，个股3连板也不少。"
    assert not [f for f in facts(text, entities, "今日涨停复盘") if "limit_up" in f.metric]
    # a run said of the named stock is its own
    found = facts("6月20日，远山科技5连板。", entities, "今日涨停复盘")
    assert said(found) == {("远山科技", "limit_up_streak", Decimal("5"))}


def test_sealed_orders_of_a_list_and_of_one_stock(entities: EntityDictionary) -> None:
    text = (
        "以封单金额计算，北辰新材、南港物流等涨停板封单资金最多，分别有3.52亿元、2.10亿元。"
        "从收盘涨停板封单量来看，热门股云岭化工封单量最高，有58.20万手。"
    )
    got = said(facts(text, entities, "今日涨停复盘"))
    assert ("北辰新材", "seal_amount", Decimal("352000000")) in got
    assert ("南港物流", "seal_amount", Decimal("210000000")) in got
    assert ("云岭化工", "seal_volume", Decimal("582000")) in got


def test_sealed_orders_of_the_stock_a_page_is_about(entities: EntityDictionary) -> None:
    text = "6月20日，远山科技收盘涨停，涨停板封单有1200.50万股，封板资金1.10亿元。"
    got = said(facts(text, entities, "远山科技涨停"))
    assert ("远山科技", "seal_volume", Decimal("12005000")) in got
    assert ("远山科技", "seal_amount", Decimal("110000000")) in got


def test_a_wrap_stating_only_limit_counts_is_read(entities: EntityDictionary) -> None:
    got = said(facts("6月20日，两市共有45只涨停股、7只跌停股。", entities))
    assert ("A股", "limit_up_count", Decimal(45)) in got
    assert ("A股", "limit_down_count", Decimal(7)) in got


def test_average_moves_after_past_listings(entities: EntityDictionary) -> None:
    text = "近一年该股累计上榜龙虎榜8次，上榜次日股价平均跌1.25%，上榜后5日平均涨3.40%。"
    got = said(facts(text, entities, "远山科技登上龙虎榜"))
    assert ("远山科技", "lhb_next_day_avg_change_pct", Decimal("-1.25")) in got
    assert ("远山科技", "lhb_5d_avg_change_pct", Decimal("3.40")) in got


def test_open_and_change_from_the_day_before(entities: EntityDictionary) -> None:
    text = (
        "远山科技6月19日以12.30元高开，收盘报12.88元，当日涨跌幅为4.10%，上涨0.51元。"
        "6月20日远山科技股价报12.53元，较前一交易日下跌0.35元，跌幅2.72%。"
    )
    found = facts(text, entities, "远山科技行情")
    got = {(f.metric, f.value, f.as_of) for f in found}
    assert ("open", Decimal("12.30"), dt.date(2025, 6, 19)) in got
    assert ("change", Decimal("0.51"), dt.date(2025, 6, 19)) in got
    assert ("change", Decimal("-0.35"), DAY) in got


def test_margin_balance_against_the_day_before_and_the_year(entities: EntityDictionary) -> None:
    text = (
        "远山科技融资余额3.40亿元，较前一日下降1.20%，融资余额超过近一年70%分位水平。"
        "融券方面，融券偿还1.20万股，融券余额56.00万元，低于近一年30%分位水平。"
    )
    got = said(facts(text, entities, "远山科技融资融券"))
    assert ("远山科技", "margin_balance_dod", Decimal("-1.20")) in got
    assert ("远山科技", "margin_balance_above_1y_pctile", Decimal(70)) in got
    assert ("远山科技", "short_balance_below_1y_pctile", Decimal(30)) in got
    assert ("远山科技", "short_repay", Decimal(12000)) in got


def test_quote_labels_written_with_jiage(entities: EntityDictionary) -> None:
    text = "远山科技最新价格是12.53元，最高价格12.90元，最低价格12.41元。"
    got = said(facts(text, entities, "远山科技行情"))
    assert ("远山科技", "price", Decimal("12.53")) in got
    assert ("远山科技", "high", Decimal("12.90")) in got
    assert ("远山科技", "low", Decimal("12.41")) in got


def test_diagnosis_card_beats_share_of_stocks(entities: EntityDictionary) -> None:
    text = "个股诊断：诊断分数：61分，打败股票61.20%，其中行业排名12/80。资金面打败了40%的股票。"
    got = said(facts(text, entities, "远山科技股票诊断卡"))
    assert ("远山科技", "diagnosis_beat_pct", Decimal("61.20")) in got
    assert ("远山科技", "diagnosis_beat_pct", Decimal(40)) not in got  # one side's score


def test_a_site_name_after_a_hyphen_is_no_subject(entities: EntityDictionary) -> None:
    text = "6月20日，青川股份收盘首板涨停，截至当日收盘，青川股份报12.53元/股，成交额2.10亿元。"
    title = "涨停揭秘 青川股份首板涨停，封板资金1.10亿元-网易订阅"
    found = facts(text, entities, title)
    assert not [f for f in found if "网易" in f.subject]
    # 收盘首板涨停 after the name: the clause opens with the stock that hit its first limit-up.
    assert ("青川股份", "price", Decimal("12.53")) in said(found)


def test_a_valuation_basis_in_brackets_names_the_ratio(entities: EntityDictionary) -> None:
    text = "远山科技的市盈率(静)为30.12，市盈率（TTM）为28.40倍，市盈率(动)： 26.75。"
    got = said(facts(text, entities, "远山科技估值"))
    assert ("远山科技", "pe_static", Decimal("30.12")) in got
    assert ("远山科技", "pe_ttm", Decimal("28.40")) in got
    assert ("远山科技", "pe_forward", Decimal("26.75")) in got


def test_a_listing_day_net_buy_and_its_share_of_turnover(entities: EntityDictionary) -> None:
    text = (
        "6月19日，从龙虎榜公布的当日买卖数据来看，总买入额0.82亿元，总净买-0.35亿元；"
        "买入总计0.82亿元 ，占总成交额比6.10%。"
    )
    got = said(facts(text, entities, "远山科技登上龙虎榜"))
    assert ("远山科技", "lhb_net_buy", Decimal("-35000000")) in got
    assert ("远山科技", "买入占总成交额比例", Decimal("6.10")) in got


def test_a_moving_average_of_the_close(entities: EntityDictionary) -> None:
    text = "远山科技收盘价12.88元，高于5日均线价格12.10元，10日均线为11.95元。"
    got = said(facts(text, entities, "远山科技技术面"))
    assert ("远山科技", "ma5", Decimal("12.10")) in got
    assert ("远山科技", "ma10", Decimal("11.95")) in got


def test_a_money_flow_over_days_keeps_its_window(entities: EntityDictionary) -> None:
    text = (
        "6月19日，远山科技主力资金净流入820.50万元。从中期资金面看，5日主力流入达2.10亿元，"
        "过去10日的主力资金总流入为4.35亿元。"
    )
    got = said(facts(text, entities, "远山科技资金流向"))
    assert ("远山科技", "main_net_inflow", Decimal("8205000")) in got  # 6月19日: a day
    assert ("远山科技", "main_inflow_5d", Decimal("210000000")) in got
    assert ("远山科技", "main_inflow_10d", Decimal("435000000")) in got
