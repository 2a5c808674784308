"""Figures named in the text's own words (read_named): a label no lexicon holds, written before
the figure with an adverb or a verb between, the parts a figure is split into after 其中, and
the labels that name no quantity (a verb, a date, a plan), which are left alone."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆汽车", "澜石酒店")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=_DAY, entities=_ENTITIES)


def _values(facts: list[ExtractedFact]) -> set[tuple[str, str, str]]:
    return {(f.subject, f.metric, f"{f.value}") for f in facts}


def test_a_known_label_reached_through_an_adverb_and_a_verb() -> None:
    got = _values(_read("截至2025年3月末，青禾股份资产负债率已降至61.3%，经营稳健。"))
    assert ("青禾股份", "debt_ratio", "61.3") in got
    got = _values(_read("2025年5月14日，青禾股份股价上涨2.1%，成交额显著放大至8.46亿元。"))
    assert ("青禾股份", "turnover", "846000000") in got


def test_a_measure_named_in_the_texts_own_words() -> None:
    text = "青禾股份2024年分红率连续五年提升至65%，拿地投资强度提升至48%。"
    got = _values(_read(text))
    assert ("青禾股份", "分红率", "65") in got
    assert ("青禾股份", "拿地投资强度", "48") in got
    facts = _read("截至2024年末，青禾股份尚未使用的募集资金余额计人民币12,345.67万元。")
    assert ("青禾股份", "募集资金余额", "123456700") in _values(facts)


def test_counts_named_by_a_quantity_noun() -> None:
    text = "2025年一季度，澜石酒店营收12亿元，新开店212家。截至2024年底，公司员工数为18,300人。"
    got = _values(_read(text))
    assert ("澜石酒店", "新开店", "212") in got
    assert ("澜石酒店", "员工数", "18300") in got


def test_a_days_move_and_a_buyback_sum() -> None:
    got = _values(_read("3月12日，青禾股份股价单日下跌 6.12%，随后企稳。"))
    assert ("青禾股份", "change_pct", "-6.12") in got
    text = "截至2025年4月底，青禾股份累计斥资12.5亿元实施股份回购，营收12亿元。"
    got = _values(_read(text))
    assert ("青禾股份", "累计回购金额", "1250000000") in got
    got = _values(_read("2024年，青禾股份营收12亿元，斥资3亿元建设新工厂。"))
    assert got == {("青禾股份", "revenue", "1200000000")}


def test_the_parts_of_a_figure_after_qizhong() -> None:
    text = (
        "2025年一季度，远帆汽车共交付 120500 辆汽车，其中 Alpha 5 / S 车型 98000 辆，"
        "其他车型 22500 辆。"
    )
    facts = [f for f in _read(text) if f.metric == "deliveries"]
    parts = {(f.object, f"{f.value}", f.as_of) for f in facts}
    assert ("Alpha 5/S车型", "98000", dt.date(2025, 3, 31)) in parts
    assert ("其他车型", "22500", dt.date(2025, 3, 31)) in parts


def test_words_that_name_no_quantity_are_left_alone() -> None:
    known = "截至2025年3月末，青禾股份资产负债率已降至61.3%，"
    for text in (
        "股价从9块多涨到 13 块多。",  # a verb and a unit, no measure
        "在欧洲面临12起诉讼。",  # a verb
        "第四季度23亿元。",  # a period
        "数值为103.81%。",  # a pointer to a figure named elsewhere
        "计划新开店30家。",  # a plan
        "中标多个项目，金额累计已超5亿元。",  # whose amount
        "总流入与总流出均为62.82亿元。",  # two measures
        "员工数为1200-1500人。",  # a range
    ):
        got = _values(_read(known + text))
        assert got == {("青禾股份", "debt_ratio", "61.3")}, text


def test_a_rate_after_a_business_lines_figure_is_not_the_companys() -> None:
    text = (
        "2025年一季度，青禾股份云业务收入12.6亿元，同比增长28.1%，营业利润率持续提升至17.8%。"
        "截至2025年3月末，青禾股份资产负债率已降至61.3%。"
    )
    facts = _read(text)
    assert ("青禾股份", "debt_ratio", "61.3") in _values(facts)
    assert not [f for f in facts if f.value == 17.8 and f.object is None]


def test_a_date_in_a_closed_aside_does_not_date_the_next_clause() -> None:
    text = (
        "开店方面，25Q1澜石酒店营收12亿元，新开店300家（24Q1新开店205家），开店结构优化，"
        "标准酒店新开店192家。"
    )
    got = {(f.metric, f"{f.value}", f.as_of) for f in _read(text)}
    assert ("新开店", "300", dt.date(2025, 3, 31)) in got
    assert not [f for f in _read(text) if f.value == 192]


def test_a_year_not_over_when_written_dates_no_figure() -> None:
    text = (
        "截至2025年3月末，青禾股份资产负债率已降至61.3%。"
        "2025年拿地增速转正，土地投资强度提升至57%。"
    )
    facts = _read(text)
    assert ("青禾股份", "debt_ratio", "61.3") in _values(facts)
    assert not [f for f in facts if f.metric == "土地投资强度"]
