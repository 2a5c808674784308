"""Kinds of error found in the bundled demo corpus (demo round): subjects cut from a clause (a
text's own words, a class of subscribers, an offering's announcement, a size band of an
index's members), a subject carried into an exchange's rule, a company's name read inside an
index's, a quoted segment's name, units sold read as revenue, a size in people, and one
member's preferred figure. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青梧芯片", "远舟智能")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_PUBLISHED = dt.date(2031, 3, 2)


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=_PUBLISHED, entities=_ENTITIES)


def _subjects(found: list[ExtractedFact]) -> set[str]:
    return {f.subject for f in found}


def test_a_texts_own_words_before_a_statement_are_no_subject() -> None:
    found = _read(
        "青梧芯片完成新一轮融资。\n文中所述的本轮融资总额为12亿元，对应青梧芯片估值80亿元。\n",
        title="青梧芯片完成新一轮融资",
    )
    assert "文中所述" not in _subjects(found)
    assert all(f.object != "文中所述" for f in found)


def test_a_class_of_subscribers_rate_is_no_ones_fact() -> None:
    found = _read(
        "远舟智能公开发售获超额认购。\n认购一手的散户中签率为35%，即部分认购一手的散户可获配。\n",
        title="远舟智能公开发售获超额认购",
    )
    assert not [f for f in found if f.value == Decimal("35")]
    assert "认购一手" not in _subjects(found)


def test_an_offerings_announcement_names_its_issuer_not_the_offering() -> None:
    found = _read(
        "远舟智能递交H股上市申请。\n本次H股基础发行量为31,000,000股。\n",
        title="远舟智能H股发行公告要点：基础发行3100万股",
    )
    assert [f.subject for f in found if f.value == Decimal("31000000")] == ["远舟智能"]


def test_a_size_band_of_an_indexs_members_is_no_company() -> None:
    found = _read("在某某综合指数中，大型股上升8%，中型股上升5%，小型股下跌0.3%。\n")
    assert not {"大型股", "中型股", "小型股"} & _subjects(found)


def test_an_exchanges_rule_is_not_the_carried_subjects() -> None:
    found = _read(
        "2031年1-2月，青梧芯片营收12亿元。\n"
        "同日，两家证券交易所发布通知，将某类账户的保证金最低比例由60%降低至40%。\n",
        title="青梧芯片前两月营收12亿元",
    )
    assert [f.metric for f in found if f.subject == "青梧芯片"] == ["revenue"]


def test_an_index_holding_a_companys_name_moves_as_one_name() -> None:
    found = _read("2030年，恒生香港交易所某某互联中国企业指数上升12.5%。\n")
    moved = [f for f in found if f.value == Decimal("12.5")]
    assert [(f.subject, f.metric) for f in moved] == [
        ("恒生香港交易所某某互联中国企业指数", "change_pct")
    ]


def test_an_index_opening_with_its_houses_name_moves_as_an_index() -> None:
    found = _read("2030年，恒生中国某某企业指数上升9.5%。\n")
    assert [(f.subject, f.metric) for f in found] == [("恒生中国某某企业指数", "change_pct")]


def test_a_place_opening_the_clause_stays_an_economys_subject() -> None:
    found = _read("11月，我国居民消费价格指数上升0.4%。\n")
    assert [(f.subject, f.metric) for f in found] == [("中国", "居民消费价格指数_yoy")]


def test_a_quoted_segments_name_is_the_object() -> None:
    found = _read(
        "2030年第四季度，青梧芯片营收100亿元。\n"
        "第四季度“智能家居等新兴业务”分部总收入为67亿元，其中扫地机收入33亿元。\n",
        title="青梧芯片2030年第四季度营收100亿元",
    )
    segment = next(f for f in found if f.value == Decimal("6700000000"))
    assert (segment.subject, segment.metric, segment.object) == (
        "青梧芯片",
        "revenue",
        "智能家居等新兴业务",
    )


def test_units_sold_are_deliveries_not_revenue() -> None:
    found = _read(
        "BYD said passenger vehicles dominated the total, with sales of 2.15 million units, "
        "up 21.07 percent."
    )
    sold = next(f for f in found if f.value == Decimal("2150000"))
    assert (sold.metric, sold.unit) == ("deliveries", "count")


def test_a_money_label_on_a_count_of_goods_is_dropped() -> None:
    found = _read("BYD reported revenue of 3.1 million units in the year.")
    assert not [f for f in found if f.metric == "revenue"]


def test_a_companys_size_in_people_is_its_headcount() -> None:
    found = _read(
        "青梧芯片2030年营收12亿元。\n创始人介绍，五年前只有12名员工，目前公司规模已超过3000人。\n",
        title="青梧芯片2030年营收12亿元",
    )
    staff = next(f for f in found if f.value == Decimal("3000"))
    assert (staff.subject, staff.metric) == ("青梧芯片", "员工人数")


def test_one_members_preferred_figure_is_no_fact() -> None:
    found = _read(
        "委员会将继续减持美国国债。\n\n某地联储主席张某投了反对票，她倾向于将目标区间维持在3.5%至3.75%。\n"
    )
    assert not [f for f in found if f.value == Decimal("3.5")]


def test_a_wish_in_an_earlier_clause_leaves_a_later_figure_told() -> None:
    found = _read("远舟智能管理层倾向于扩张，公司2030年营收12亿元。\n", title="远舟智能营收12亿元")
    assert [(f.subject, f.metric) for f in found] == [("远舟智能", "revenue")]


def test_the_same_day_is_the_day_named_before_not_the_period() -> None:
    found = _read(
        "2031年2月27日，青梧芯片召开董事会。\n据统计，2031年1-2月，青梧芯片营收12亿元。\n"
        "同日，青梧芯片的员工持股比例为8%。\n",
        title="青梧芯片召开董事会",
    )
    held = next(f for f in found if f.value == Decimal("8"))
    assert (held.as_of, held.period) == (dt.date(2031, 2, 27), "2031-02-27")
    revenue = next(f for f in found if f.metric == "revenue")
    assert revenue.as_of == dt.date(2031, 2, 28)


def test_a_sentence_not_opening_on_the_same_day_carries_the_period() -> None:
    found = _read(
        "2031年2月27日，青梧芯片召开董事会。\n据统计，2031年1-2月，青梧芯片营收12亿元。\n"
        "其中，青梧芯片海外营收为3亿元。\n",
        title="青梧芯片召开董事会",
    )
    overseas = next(f for f in found if f.value == Decimal("300000000"))
    assert overseas.as_of == dt.date(2031, 2, 28)
