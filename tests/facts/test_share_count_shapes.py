"""Shares, counts and figures written before their label: 占Y的N% (a share named by its part
and whole), a part's count after 其中 and its share (其中中高端门店860家，占比31.5%), N%的资产负债率
(the figure before its name), counts of events and of rating institutions, and ages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text,
        title=title,
        published_at=published or dt.date(2025, 5, 15),
        entities=entities,
    )


def by_value(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in facts(text, entities, title, published)}


def test_a_share_named_by_its_part_and_whole(entities: EntityDictionary) -> None:
    text = (
        "据海关统计，2023年我国水果出口额占农产品总出口额的6.35%，比上年有所提高。"
        "1978年我国油料播种面积仅占农作物总播种面积[4]的4.1%。"
    )
    got = by_value(text, entities, published=dt.date(2024, 3, 1))
    share = got[Decimal("6.35")]
    assert (share.subject, share.metric) == ("中国", "水果出口额占农产品总出口额比重")
    assert share.as_of == dt.date(2023, 12, 31)
    old = got[Decimal("4.1")]
    assert (old.subject, old.metric) == ("中国", "油料播种面积占农作物总播种面积比重")
    assert old.as_of == dt.date(1978, 12, 31)


def test_a_share_whose_whole_holds_a_known_label(entities: EntityDictionary) -> None:
    # 营收 names the whole here, not the figure: no revenue of 86.5%.
    text = "2024年，贵州茅台茅台酒营收占公司营收的86.5%。"
    got = by_value(text, entities)
    assert got[Decimal("86.5")].subject == "贵州茅台"
    assert got[Decimal("86.5")].metric == "茅台酒营收占公司营收比重"


def test_a_stake_share_keeps_its_own_label(entities: EntityDictionary) -> None:
    text = "2025年5月10日，招商银行公告称，股东减持股份数量占公司总股本的1.02%。"
    got = by_value(text, entities)
    assert got[Decimal("-1.02")].metric == "stake_change_pct"  # a stake given up: a fall


def test_a_parts_count_after_qizhong_and_its_share(entities: EntityDictionary) -> None:
    text = "截至2025年3月末，美团合作酒店数量为9120家，其中中高端酒店2873家，占比31.5%。"
    got = by_value(text, entities)
    count = got[Decimal("2873")]
    assert (count.subject, count.metric, count.unit) == ("美团", "中高端酒店数量", "count")
    assert count.as_of == dt.date(2025, 3, 31)
    share = got[Decimal("31.5")]
    assert (share.subject, share.metric) == ("美团", "中高端酒店数量占比")


def test_a_count_after_qizhong_needs_a_total_before_it(entities: EntityDictionary) -> None:
    text = "2024年美团新开门店较多，其中中高端酒店2873家。"
    assert Decimal("2873") not in by_value(text, entities)
    # with the total before it the part's count is read
    text = "2024年美团合作酒店数量为9120家，其中中高端酒店2873家。"
    assert by_value(text, entities)[Decimal("2873")].metric == "中高端酒店数量"


def test_a_rate_written_before_its_name(entities: EntityDictionary) -> None:
    text = (
        "截至2025年3月31日，立讯精密的财务状况良好。52%的资产负债率，说明公司财务结构稳健；"
        "近一月公司股价已实现8.25%的涨幅。"
    )
    got = by_value(text, entities)
    assert got[Decimal("52")].metric == "debt_ratio"
    assert got[Decimal("52")].subject == "立讯精密"
    assert got[Decimal("8.25")].metric == "change_1m_pct"  # the month's move
    assert got[Decimal("8.25")].period == "近一月"


def test_a_fall_written_before_its_name(entities: EntityDictionary) -> None:
    text = "2025年4月24日，比亚迪股价遭遇3.18%的跌幅。"
    assert by_value(text, entities)[Decimal("-3.18")].metric == "change_pct"


def test_a_rate_before_its_name_compared_with_anothers_is_not_read(
    entities: EntityDictionary,
) -> None:
    # the index's fall, which this clause only compares the stock's with
    text = "2025年5月15日，比亚迪下跌2.71%，跌幅超过同期沪深300指数1.46%的跌幅。"
    got = by_value(text, entities)
    assert Decimal("1.46") not in got and Decimal("-1.46") not in got
    text = "若按5%的股息率测算，招商银行目标价为48元；7-8%的股息率也并非不可能。"
    got = by_value(text, entities)
    assert Decimal("5") not in got and Decimal("7") not in got


def test_a_plans_sum_keeps_the_plans_name(entities: EntityDictionary) -> None:
    text = "2025年5月8日，微软宣布维持全年800亿美元的资本支出计划，并新增600亿美元股票回购计划。"
    got = by_value(text, entities)
    capex = got[Decimal("80000000000")]
    assert (capex.subject, capex.metric) == ("微软", "资本支出计划")
    assert got[Decimal("60000000000")].metric == "股票回购计划"


def test_how_often_a_stock_was_listed_so_far(entities: EntityDictionary) -> None:
    text = (
        "比亚迪今年以来股价涨12.5%。今年以来比亚迪已经4次登上龙虎榜，最近一次登上龙虎榜为3月21日。"
    )
    got = by_value(text, entities, published=dt.date(2025, 4, 30))
    listed = got[Decimal("4")]
    assert (listed.subject, listed.metric, listed.unit) == ("比亚迪", "龙虎榜上榜次数", "count")
    assert listed.as_of == dt.date(2025, 4, 30)  # the day of writing, not the last listing's
    assert listed.period == "今年以来"


def test_how_many_brokers_rated_a_stock(entities: EntityDictionary) -> None:
    text = (
        "比亚迪最新价为342.8元，近3月有13家机构给予买入评级。"
        "机构研报评级：近3个月累计研报17家，有13家建议买入，4家建议增持。"
    )
    got = facts(text, entities)
    rated = {(f.metric, f.value) for f in got if f.subject == "比亚迪"}
    assert ("买入评级机构数", Decimal("13")) in rated
    assert ("增持评级机构数", Decimal("4")) in rated
    assert not any(f.value == Decimal("19") for f in got)
