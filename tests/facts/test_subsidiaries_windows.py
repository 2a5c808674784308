"""Whose figure it is, and over what window: a listed unit named after its parent, a parent's
business line, and a window that belongs to a table's caption or a count of reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, Mention, unit_end, units
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 14), entities=entities)


def claims(found: list[ExtractedFact]) -> set[tuple[str, str, str | None, Decimal]]:
    return {(f.subject, f.metric, f.object, f.value) for f in found}


# Listed units named after their parent: their own figures, not the parent's.


def test_a_listed_unit_named_after_its_parent_keeps_its_own_figures(
    entities: EntityDictionary,
) -> None:
    text = "网易云音乐2024年经调整净利润为15亿元，同比增长80.5%。网易2024年营收为1050亿元。"
    got = claims(facts(text, entities))
    assert ("网易云音乐", "net_profit_adjusted", None, Decimal("1500000000")) in got
    assert ("网易云音乐", "net_profit_adjusted_yoy", None, Decimal("80.5")) in got
    assert ("网易", "revenue", None, Decimal("105000000000")) in got
    assert not any(s == "网易" and v == Decimal("1500000000") for s, _, _, v in got)


def test_listed_units_of_other_groups_are_their_own_companies(entities: EntityDictionary) -> None:
    text = (
        "联想控股2024年营收为4800亿元。顺丰同城2024年收入为150亿元。"
        "碧桂园服务2024年营收为440亿元。阿里影业2024财年收入为50亿元。"
    )
    subjects = {f.subject for f in facts(text, entities)}
    assert subjects == {"联想控股", "顺丰同城", "碧桂园服务", "阿里影业"}


def test_the_registered_name_of_sinopec_is_not_petrochina(entities: EntityDictionary) -> None:
    record = entities.find("中国石油化工股份有限公司发布公告")[0].entity
    assert record.name == "中国石化"


def test_a_line_listed_after_the_units_is_the_parents(entities: EntityDictionary) -> None:
    text = (
        "2025年第一季度，公司净收入为300亿元。其他业务中，网易有道净收入12亿元，"
        "网易云音乐净收入18亿元，创新及其他业务净收入15亿元。"
    )
    got = claims(facts(text, entities, title="网易2025年一季报点评"))
    assert ("网易有道", "revenue", None, Decimal("1200000000")) in got
    assert ("网易云音乐", "revenue", None, Decimal("1800000000")) in got
    assert ("网易", "revenue", "创新及其他业务", Decimal("1500000000")) in got


def test_the_parents_business_line_stays_the_parents(entities: EntityDictionary) -> None:
    got = claims(facts("网易2024年游戏业务营收为820亿元。", entities))
    assert ("网易", "revenue", "游戏业务", Decimal("82000000000")) in got


def test_a_markdown_heading_run_into_the_line_ends_the_carried_subject(
    entities: EntityDictionary,
) -> None:
    text = "#### 业务 网易云音乐2024年营收为80亿元。 #### 利润 2024年全年毛利率为61.5%。"
    got = {(f.subject, f.metric) for f in facts(text, entities, title="网易年报点评")}
    assert ("网易云音乐", "revenue") in got
    assert ("网易", "gross_margin") in got  # the heading's section is the text's company's


# A listed company's name run on into a subsidiary's (parent + business + a company's form).


def _mention(text: str, entities: EntityDictionary) -> Mention:
    return entities.find(text)[0]


def test_a_listed_name_run_on_into_a_subsidiary_names_the_subsidiary(
    entities: EntityDictionary,
) -> None:
    for text, name in [
        ("中石化润滑油科技有限公司2024年营收为80亿元", "中石化润滑油科技"),
        ("京东工业品贸易有限公司获得融资", "京东工业品贸易"),
        ("比亚迪汽车工业有限公司的产能", "比亚迪汽车工业"),
        ("美团金融集团上线新产品", "美团金融集团"),
    ]:
        found = units(text, entities.find(text))
        assert found[0].entity.name == name, text
        assert found[0].entity.tickers == ()


def test_the_companys_own_registered_forms_and_clauses_are_no_subsidiary(
    entities: EntityDictionary,
) -> None:
    for text in [
        "吉利汽车控股有限公司公告",  # the listed company's own form
        "比亚迪股份有限公司公告",
        "中国石油天然气股份有限公司公告",
        "小米等科技公司",  # a clause, not a name
        "腾讯旗下游戏公司",
        "美团公司公告",  # the company itself
    ]:
        assert unit_end(text, _mention(text, entities)) is None, text


def test_an_unlisted_groups_operating_company_is_the_group() -> None:
    unlisted = EntityRecord("远川集团", "company", ("远川",))
    assert unit_end("远川科技有限公司", Mention(unlisted, 0, 2, "远川")) is None
    listed = EntityRecord("远川股份", "company", ("远川",), ("603999.SH",))
    assert unit_end("远川科技有限公司", Mention(listed, 0, 2, "远川")) == 4


def test_a_subsidiary_figure_is_not_credited_to_its_listed_parent(
    entities: EntityDictionary,
) -> None:
    text = "京东工业品贸易有限公司2024年营收为200亿元，同比增长12%。"
    got = facts(text, entities, title="京东集团调研纪要")
    assert not any(f.subject == "京东集团" for f in got)


# Windows: a caption's or a count's window is not the figures'.


def test_a_table_captions_window_is_not_given_to_the_figures_after_it(
    entities: EntityDictionary,
) -> None:
    text = (
        "截至2025年5月14日收盘，贵州茅台报收于1580.5元。 近5日资金流向一览见下表： "
        "贵州茅台融资融券信息显示，当日融资买入2.3亿元，融资偿还2.1亿元。"
    )
    found = [f for f in facts(text, entities) if f.metric.startswith("margin")]
    assert found
    assert all(f.period is None or "近5日" not in f.period for f in found)


def test_a_window_counting_reports_does_not_reach_the_current_price(
    entities: EntityDictionary,
) -> None:
    text = (
        "机构评级：近3个月累计研报11家，有7家建议买入，4家建议增持，"
        "五粮液最新现价142.8元，机构对其预测的最高目标价195元。"
    )
    found = [f for f in facts(text, entities) if f.value == Decimal("142.8")]
    assert found
    assert all(f.period is None or "近3个月" not in f.period for f in found)


def test_a_window_still_covers_the_figure_it_heads(entities: EntityDictionary) -> None:
    got = facts("截至2025年5月14日，贵州茅台近一周涨跌幅为-2.35%。", entities)
    assert any(f.value == Decimal("-2.35") and f.period and "近一周" in f.period for f in got)
