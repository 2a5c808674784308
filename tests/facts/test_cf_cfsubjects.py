"""Subjects and metrics company news showed wrong: a coded name cut after a first character
generic words also open; a pledged, frozen or (un)locked part of the share capital filed as a
stake change; a rating in stars read as a price; a move over the last trading days
(最近20个交易日上涨) filed as a growth on the year; a fund's figures filed under the stock the
text turned from; a buyback's highest and lowest prices filed as a day's quote; an average move
after an event filed as a window's change."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("青禾股份", "company", market="cn_a")]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_coded_name_opened_by_a_generic_character_is_kept_whole() -> None:
    found = _read(
        "截至2024年3月8日收盘，同岳材料(002991)报收于15.32元，上涨2.10%，换手率1.35%。"
        "同岳材料于3月6日发布公告称，公司中标一项新订单。"
    )
    assert at(found, "15.32").subject == "同岳材料"


def test_a_pledged_share_of_the_capital_is_no_stake_change() -> None:
    found = _read(
        "青禾股份今日上涨1.2%。青禾股份3月1日公开信息显示，股东海滨投资控股有限公司向某某信托"
        "有限公司合计质押320.00万股，占总股本1.45%。"
    )
    fact = at(found, "1.45")
    assert (fact.metric, fact.object) == ("质押股份占总股本比例", "海滨投资控股有限公司")


def test_an_unlocked_share_of_the_capital_is_no_stake_change() -> None:
    found = _read(
        "青禾股份今日上涨1.2%。最近一年内，该股累计解禁233.10万股，占总股本的0.87%。本次解禁后，"
        "公司还有1.02亿股限售股份，占总股本38.2%。"
    )
    assert at(found, "0.87").metric == "解禁股份占总股本比例"
    assert at(found, "38.2").metric == "限售股份占总股本比例"
    # 无限售流通股份 given away: shares free of any lock, the holder's stake change
    sold = _read(
        "青禾股份公告，股东某某拟将其持有的公司无限售流通股份512万股，占公司总股本的2%，"
        "以每股6.1元的价格转让给某乙。"
    )
    assert at(sold, "2").metric == "stake_change_pct"


def test_a_rating_in_stars_is_no_price() -> None:
    found = _read(
        "青禾股份今日收盘价为8.12元。该股综合评分3星（评分区间为0至5星，最高5星），仅供参考。"
    )
    assert not [f for f in found if f.metric == "high"]


def test_a_move_over_the_last_trading_days_is_the_window_s_price_change() -> None:
    found = _read(
        "2024年3月8日，青禾股份获外资买入3.2万股。青禾股份最近5个交易日上涨6.40%，陆股通累计"
        "净买入12.5万股；最近20个交易日下跌2.15%，陆股通累计净卖出8.1万股。"
    )
    assert at(found, "6.40").metric == "近5个交易日涨跌幅"
    assert at(found, "-2.15").metric == "近20个交易日涨跌幅"


def test_a_fund_s_figures_after_the_text_turns_to_it_are_not_the_stock_s() -> None:
    found = _read(
        "3月8日收盘，青禾股份涨2.15%，报收12.34元。根据某数据，重仓该股的基金共有6只，其中持仓"
        "数量最多的基金为某某价值精选混合，该基金最新（2023-12-31）披露规模为25.10亿元，3月7日"
        "净值报收1.2345，较上一交易日涨0.52%，近一月涨1.27%，近一年跌6.35%。"
    )
    assert at(found, "2.15").subject == "青禾股份"
    assert not [f for f in found if f.value in (Decimal("1.27"), Decimal("-6.35"))]
    listed = _read(
        "3月8日收盘，青禾股份涨2.15%。重仓该股的公募基金共12家，其中持有数量最多的公募基金为"
        "某某价值精选混合。某某价值精选混合目前规模为25.10亿元，最新净值1.2345（3月7日），较上"
        "一交易日上涨0.52%，近一年下跌6.35%。"
    )
    assert [f.value for f in listed] == [Decimal("2.15")]


def test_a_fund_manager_s_figures_are_not_the_company_s() -> None:
    found = _read(
        "青禾股份公告称，公司以自有资金认购私募基金份额。公告显示，基金管理人某某资本注册资本为"
        "2000万元，员工规模为15人，累计管理资金产品规模为8.6亿元。"
    )
    assert not [f for f in found if f.subject == "青禾股份" and f.value in (15, 860000000)]


def test_a_buyback_s_highest_and_lowest_prices_are_no_day_s_quote() -> None:
    found = _read(
        "青禾股份公告，截至2024年2月29日，公司通过集中竞价交易方式累计回购股份120.5万股，"
        "回购成交的最高价为15.80元/股，最低价为12.06元/股，支付的资金总额为1650万元。"
    )
    high, low = at(found, "15.80"), at(found, "12.06")
    assert (high.metric, high.object, low.metric) == ("回购最高价", None, "回购最低价")


def test_an_average_move_after_an_event_is_no_price_change() -> None:
    found = _read(
        "青禾股份今日上涨1.2%。近一年数据显示，该股放量上涨后，次日上涨概率为61.20%，平均涨幅为"
        "1.85%。"
    )
    assert not [f for f in found if f.value == Decimal("1.85")]
