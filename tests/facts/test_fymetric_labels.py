"""Labels cut from a clause, market figures naming no market, typical figures and a fixing:
read here in our own sentences with invented names and figures."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import undated_reader

from touyan.facts.extract import ExtractedFact, label_before
from touyan.facts.label_tails import (
    board_part,
    field_named,
    market_named,
    tidied_fact,
    tidied_label,
)
from touyan.text.numbers import parse_numbers

read = undated_reader("澜石科技", "青禾电子", "远山半导体")


def values(found: list[ExtractedFact]) -> set[Decimal]:
    return {f.value for f in found}


def test_an_adverb_left_at_a_labels_end_is_cut_off() -> None:
    assert tidied_label("门店客流规模已") == "门店客流规模"
    assert tidied_label("会员人数已经_yoy") == "会员人数_yoy"
    assert tidied_label("净利润大幅增长至_yoy") == "net_profit_yoy"
    assert tidied_label("出货量调升至_forecast") == "出货量_forecast"


def test_a_label_naming_nothing_once_cut_is_dropped() -> None:
    for garbled in ("暴涨至", "比重已", "许可证已", "新股开盘即", "微幅_yoy", "上市首日_yoy"):
        assert tidied_label(garbled) is None, garbled
    assert tidied_label("部分门店客流增速") is None  # some stores: which ones not said
    assert tidied_label("门店客流规模") == "门店客流规模"


def test_a_clause_cut_into_a_label_yields_no_fact() -> None:
    text = "澜石科技2025年前三季度营收表现亮眼：飙升至3456万美元，同比增长超过120%。"
    found = read(text)
    assert not any("至" in f.metric for f in found)


def test_a_market_share_takes_the_market_named_before_it() -> None:
    text = "数据显示，青禾电子在全球平板显示市场中的市场份额约为41%；远山半导体市场份额约为9%。"
    assert market_named(text, text.index("41")) == "全球平板显示市场"
    found = read(text)
    shares = {f.value: f.object for f in found if f.metric == "市场份额"}
    assert shares == {Decimal("41"): "全球平板显示市场", Decimal("9"): "全球平板显示市场"}


def test_a_market_size_naming_no_market_is_dropped() -> None:
    size = ExtractedFact("中国", "市场规模", Decimal("1E11"), "", None, (9, 11), "", None)
    heading = "智能手表行业概览\n1. 市场规模突破千亿大关"
    assert tidied_fact(size, heading, heading.index("千亿")) is None
    text = "中国智能手表市场在2025年迈入新阶段。\n全年市场规模达到1200亿元。"
    kept = tidied_fact(size, text, text.index("1200"))
    assert kept is not None and kept.object == "中国智能手表市场"
    said_before = "2023年中国智能手表市场规模达到90亿元，预计市场规模将达到"
    assert market_named(said_before, len(said_before)) == "中国智能手表市场"
    assert market_named("苹果在8月份的市场份额", 10) is None


def test_a_clause_opening_with_its_field_names_the_figures_object() -> None:
    text = "细分市场分化明显：\n• 老年护理领域，线上化渗透率已超过37%，增长最快。"
    assert field_named(text, text.index("37")) == "老年护理领域"


def test_a_board_narrowed_to_a_group_of_its_firms_is_not_the_figures_subject() -> None:
    text = "数据显示，科创板储能公司的研发总投入同比增长，整体研发强度高达17%。"
    assert board_part("科创板", text, text.index("17"))
    assert not board_part("科创板", "科创板上市公司整体研发强度为17%", 14)
    assert not board_part("澜石科技", text, text.index("17"))


def test_what_a_kind_of_thing_typically_costs_is_no_fact() -> None:
    found = read("澜石科技的游戏通常开发成本为80万美元，售价为25美元。")
    assert not found
    found = read("澜石科技的游戏开发成本为80万美元，售价为25美元。")
    assert Decimal("25") in values(found)


def test_a_deals_value_is_neither_partys() -> None:
    found = read("青禾电子与澜石科技在今年年初达成的总价值达7亿美元的授权协议宣告终止。")
    assert found == [] or all(f.metric != "总价值" for f in found)
    assert Decimal("700000000") not in values(found)


def test_several_of_a_scale_and_milliseconds_are_no_figures() -> None:
    assert parse_numbers("开发成本数百万美元") == []
    assert parse_numbers("延迟约为350毫秒") == []
    assert [q.value for q in parse_numbers("达到百万美元")] == [Decimal("1000000")]


def test_a_central_parity_fixing_is_not_a_price() -> None:
    text = "3月4日，人民币对美元中间价报7.1234元，调升21个基点。"
    found = label_before(text, text.index("7.1234"))
    assert found is not None and found[0] == "central_parity"
