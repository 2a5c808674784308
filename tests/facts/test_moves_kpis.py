"""Moves of named indices, sectors and stocks, Latin KPI labels and quote-card templates:
sentences written for these tests in the shapes market wraps and company reports use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import extract_facts

Said = tuple[str, str, Decimal, dt.date | None]


@pytest.fixture(scope="module")
def entities() -> EntityDictionary:
    return EntityDictionary.of([*bundled_entities(), EntityRecord("远山科技", "company")])


def said(text: str, entities: EntityDictionary) -> set[Said]:
    found = extract_facts(text, title="", published_at=dt.date(2025, 6, 20), entities=entities)
    return {(f.subject, f.metric, f.value, f.as_of) for f in found}


DAY = dt.date(2025, 6, 18)


def test_an_index_named_by_its_head_moves(entities: EntityDictionary) -> None:
    got = said("6月18日，热门股多数下跌，海外星辰科技指数收跌2.34%。", entities)
    assert ("海外星辰科技指数", "change_pct", Decimal("-2.34"), DAY) in got
    got = said("6月18日，精密机械指数涨6.04%，远山科技走势大幅跑赢行业指数。", entities)
    assert ("精密机械指数", "change_pct", Decimal("6.04"), DAY) in got


def test_each_item_of_a_list_of_moves_is_its_own(entities: EntityDictionary) -> None:
    got = said("6月18日，与同期深证成指下跌1.12%、园林装饰板块下跌0.49%形成对比。", entities)
    assert ("园林装饰板块", "change_pct", Decimal("-0.49"), DAY) in got
    # but names sharing one move, and heads that name no one index, are no subject
    assert not said("6月18日，星辰指数、园林装饰板块均下跌1%。", entities)
    assert not said("6月18日，行业指数上涨2%，该板块下跌1%。", entities)


def test_a_known_index_leads_the_fall(entities: EntityDictionary) -> None:
    got = said("6月18日收盘，创业板指领跌1.73%报2011.25点。", entities)
    assert ("创业板指数", "change_pct", Decimal("-1.73"), DAY) in got


def test_a_session_move_is_no_close_to_close_change(entities: EntityDictionary) -> None:
    got = said("6月18日，远山科技盘中上涨超过2%。", entities)
    assert got == {("远山科技", "盘中涨跌幅", Decimal("2"), DAY)}
    got = said("6月18日，远山科技股价一度大跌超9%，收跌近7.3%。", entities)
    assert ("远山科技", "max_fall_pct", Decimal("9"), DAY) in got
    assert ("远山科技", "change_pct", Decimal("-7.3"), DAY) in got
    assert ("远山科技", "change_pct", Decimal("-9"), DAY) not in got


def test_a_move_on_a_named_day(entities: EntityDictionary) -> None:
    got = said("远山科技近期表现强劲，6月18日当天涨超11%。", entities)
    assert ("远山科技", "change_pct", Decimal("11"), DAY) in got


def test_a_move_in_money_after_the_close(entities: EntityDictionary) -> None:
    got = said("6月18日，远山科技收盘价报65.37美元，上涨1.84美元，涨幅达2.89%。", entities)
    assert ("远山科技", "change", Decimal("1.84"), DAY) in got
    got = said("6月18日，远山科技收盘报16.37元，下跌0.84元。", entities)
    assert ("远山科技", "change", Decimal("-0.84"), DAY) in got


def test_the_price_a_named_days_move_went_to(entities: EntityDictionary) -> None:
    text = "6月18日，远山科技股份有限公司（以下简称“远山科技”）的股价收盘下跌3.46%，至18.92元。"
    got = said(text, entities)
    assert ("远山科技", "change_pct", Decimal("-3.46"), DAY) in got
    assert ("远山科技", "close", Decimal("18.92"), DAY) in got
    got = said("远山科技股价一路下跌，6月18日甚至跌至7.28元。", entities)
    assert ("远山科技", "price", Decimal("7.28"), DAY) in got
    got = said("远山科技股价近期走弱，中间还一度跌到42.32元。", entities)
    assert not any(s[2] == Decimal("42.32") for s in got)


def test_hotel_kpis_in_latin(entities: EntityDictionary) -> None:
    text = "2024年远山科技旗下酒店RevPAR 152元/同比-2.4%，ADR 236元/同比-1.1%；Occ为64.3%。"
    got = said(text, entities)
    year = dt.date(2024, 12, 31)
    assert ("远山科技", "revpar", Decimal("152"), year) in got
    assert ("远山科技", "adr", Decimal("236"), year) in got
    assert any(s[:3] == ("远山科技", "occupancy", Decimal("64.3")) for s in got)
    # an ADR outside a text about hotels, or inside another word, is no room rate
    assert not said("2024年远山科技每股ADR 12美元。", entities)
    assert not any(s[1] == "adr" for s in said("2024年远山科技酒店CADR 12元。", entities))


def test_latin_results_labels(entities: EntityDictionary) -> None:
    year = dt.date(2024, 12, 31)
    got = said("2024年远山科技EBITDA为12.5亿元，FCF 3.2亿元，capex 5亿元，MAU 1.2亿。", entities)
    assert ("远山科技", "ebitda", Decimal("1250000000"), year) in got
    assert ("远山科技", "fcf", Decimal("320000000"), year) in got
    assert ("远山科技", "capex", Decimal("500000000"), year) in got
    assert ("远山科技", "mau", Decimal("120000000"), year) in got
    # revenue is not reported on and off GAAP: 营业收入 marked GAAP is another income line
    assert not said("2024年远山科技营业收入GAAP 71 亿美元。", entities)
    got = said("远山科技过去5年EPS CAGR为4.6%。", entities)
    assert any(s[1:3] == ("eps_cagr", Decimal("4.6")) for s in got)


def test_quote_card_templates(entities: EntityDictionary) -> None:
    text = (
        "2024年1月-12月，远山科技实现营业收入31.36亿元。分红方面，远山科技A股上市后累计派现"
        "14.20亿元。近90天内共有12家投行给出买入评级。"
    )
    got = said(text, entities)
    since_listing = ("远山科技", "dividends_since_listing", Decimal("1420000000"))
    # a running total to the day of writing, not the period the sentence before names
    assert (*since_listing, dt.date(2025, 6, 20)) in got
    assert any(s[1:3] == ("买入评级机构数", Decimal("12")) for s in got)
    got = said("最近60天内有 16个研究报告发布远山科技(sz002999)评级。", entities)
    assert any(s[:3] == ("远山科技", "研报数量", Decimal("16")) for s in got)
