"""Figures the text states plainly that were missed or filed under another metric: a part's
operating income and margin written as 运营利润 and 营业利润率."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import said

from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 12)
Q1 = dt.date(2025, 3, 31)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY)


def test_a_parts_operating_income_and_margin_are_named_metrics() -> None:
    text = (
        "2025年第一季度，远帆科技(600999)收入同比增长9%。远帆科技云业务营收为60.5亿美元，"
        "同比增长25.3%；不过运营利润达9.87亿美元，同比增长88%，营业利润率提升至16.3%。"
    )
    got = {said(f) for f in facts(text)}
    assert ("远帆科技", "operating_profit", "云业务", Decimal("987000000"), Q1) in got
    assert ("远帆科技", "operating_profit_yoy", "云业务", Decimal("88"), Q1) in got
    assert ("远帆科技", "operating_margin", "云业务", Decimal("16.3"), Q1) in got
    assert ("远帆科技", "revenue", "云业务", Decimal("6050000000"), Q1) in got


def test_a_pay_figures_growth_after_a_note_or_against_the_year_before() -> None:
    text = (
        "远帆科技(600999)发布2024年年报。人均薪酬18.6万元（注：按应付职工薪酬的本期增加值"
        "除以员工总数估算），同比增4.25%。管理层薪酬总额为361.2万元，同比上一年减9.5%。"
    )
    got = {(f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("人均薪酬", Decimal("186000")) in got
    assert ("人均薪酬_yoy", Decimal("4.25")) in got
    assert ("管理层薪酬总额", Decimal("3612000")) in got
    assert ("管理层薪酬总额_yoy", Decimal("-9.5")) in got
    # a note that holds a figure of its own is no aside to look past
    text = text.replace("本期增加值", "本期增加值1.2亿元")
    got = {(f.metric, f.value) for f in extract_facts(text, published_at=DAY)}
    assert ("人均薪酬_yoy", Decimal("4.25")) not in got
    assert ("人均薪酬", Decimal("186000")) in got
