"""What a news flash's figure measures: a developer's contracted sales are no revenue, a
cubic metre written 方, a fee per lot; goals and deliveries still to come are forecasts, and a
channel's trades in a stock are the channel's."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import parse_numbers

_NAMES = ("青梧置业", "远舟能源")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_contracted_sales_are_no_revenue() -> None:
    text = "青梧置业：2022年11月的协议销售额为约63.4亿元；协议销售楼面面积为约41万平方米。"
    assert at(_read(text), "6340000000").metric == "协议销售额"


def test_a_contract_word_is_no_segment_of_revenue() -> None:
    text = "青梧置业：11月合约销售额52.6亿元人民币，期内合约销售总面积约30万平方米。"
    fact = at(_read(text), "5260000000")
    assert (fact.metric, fact.object) == ("合约销售额", None)


def test_sales_with_floor_area_sold_are_property_sales() -> None:
    text = "青梧置业：当月本公司的销售额为约人民币9.36亿元。相应已售建筑面积为约61,200平方米。"
    assert at(_read(text), "936000000").metric == "物业销售额"


def test_fang_after_yi_is_a_cubic_metre() -> None:
    (q,) = parse_numbers("向北方供应天然气2.36亿方，创新高")
    assert (q.value, q.unit) == (Decimal("236000000"), "立方米")


def test_a_fee_per_lot_keeps_its_lot() -> None:
    (q,) = parse_numbers("交易手续费标准为8元/手，自下周起执行")
    assert (q.value, q.unit, q.currency) == (Decimal("8"), "/手", "CNY")


def test_a_delivery_still_to_come_is_a_forecast() -> None:
    text = "远舟能源盘初涨2%，另有消息称其本月将向某物流公司交付12辆电动重卡。"
    assert at(_read(text), "12").metric == "deliveries_forecast"


def test_a_figure_called_a_goal_after_it_is_a_forecast() -> None:
    text = "分析师称，远舟能源明年交付量达150万辆仍是一个“延伸目标”，但需求强劲。"
    assert at(_read(text), "1500000").metric == "deliveries_forecast"


def test_the_goals_a_colon_lists_are_forecasts() -> None:
    text = (
        "会议提出，明年全系统工作的主要目标是：运行保持安全稳定；"
        "国家铁路完成货运量24.6亿吨、同比增长3.2%。"
    )
    assert at(_read(text), "3.2").metric.endswith("_forecast")


def test_a_stocks_turnover_on_a_channels_active_list_is_the_channels() -> None:
    text = (
        "【比亚迪连续2日获北向资金净买入】1月5日深沪股通成交活跃股中，比亚迪全天成交6.42亿元，"
        "成交净买入0.83亿元。"
    )
    assert at(_read(text), "642000000").metric == "深沪股通成交额"


def test_a_stocks_net_buying_after_the_channels_is_the_channels() -> None:
    text = "【比亚迪获北向资金净买入】北向资金今日净买入31.2亿元，比亚迪获净买入2.74亿元。"
    assert at(_read(text), "274000000").metric == "北向资金净买入"
