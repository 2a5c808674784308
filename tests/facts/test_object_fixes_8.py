"""Figures filed under the wrong subject or with no object: the world's total in a text about
a company, parts joined by 及 and 和 before a company's sales, a product's price rise, a
heading run into a company's name, the named seat of a trading list; read here in our own
sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("澜石科技", "company"),
        EntityRecord("澜石化工", "company"),
        EntityRecord("星河酒业", "company"),
        EntityRecord("远帆精工", "company"),
    ]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_the_worlds_total_is_not_the_companys() -> None:
    text = (
        "澜石科技为手机厂商提供设备。据某机构，2024年全球智能手表出货量同比增长5.2%，"
        "在历经两年下滑后实现修复。"
    )
    assert not facts(text)
    text = "澜石科技为手机厂商提供设备。2024年智能手表出货量同比增长5.2%。"
    assert at(facts(text), "5.2").subject == "澜石科技"


def test_parts_joined_before_a_companys_sales_are_its_object() -> None:
    text = "2023年的澜石化工精细化工及电子化学品和特种化学品的销量为6.12万吨。"
    assert said(at(facts(text), "61200"))[:3] == (
        "澜石化工",
        "deliveries",
        "精细化工及电子化学品和特种化学品",
    )


def test_a_price_raised_from_one_level_to_another_is_no_stock_move() -> None:
    text = (
        "星河酒业高端化成效显著：星河1号批发价由20年的600元/瓶上调至24年的720元/瓶，涨幅达20.0%。"
    )
    assert not [f for f in facts(text) if f.metric == "change_pct"]
    text = "星河酒业今日股价表现强势，涨幅达2.0%。"
    assert at(facts(text), "2.0").metric == "change_pct"


def test_a_heading_run_into_a_name_is_no_part_of_it() -> None:
    text = "澜石科技发展稳健。### 海外市场环境澜石科技的海外业务占比约为28.5%，其中对美出口较小。"
    assert at(facts(text), "28.5").subject == "澜石科技"


def test_a_named_seats_trade_is_that_seats() -> None:
    text = (
        "远帆精工今日上涨3.1%。第一大买入营业部为华泰证券股份有限公司南京某路营业部，"
        "买入金额为1023.45万元，第一大卖出营业部为中信证券股份有限公司杭州某路营业部，"
        "卖出金额为2210.32万元。"
    )
    found = facts(text)
    assert said(at(found, "10234500"))[:3] == (
        "远帆精工",
        "买入金额",
        "华泰证券股份有限公司南京某路营业部",
    )
    assert said(at(found, "22103200"))[:3] == (
        "远帆精工",
        "卖出金额",
        "中信证券股份有限公司杭州某路营业部",
    )
