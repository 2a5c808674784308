"""Changes written as an amount (产量减少46万吨, 总市值上涨了9477万, 比上年度下调5万吨), a
level reached from an old one (由A调整为B, 从A下调至B) and a range a figure lies in
(在40-50元之间)."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技", "澜石材料")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=_DAY, entities=_ENTITIES)


def _values(facts: list[ExtractedFact]) -> set[tuple[str, str, str]]:
    return {(f.subject, f.metric, f"{f.value}") for f in facts}


def test_a_revised_forecast_and_its_parts_change_against_last_year() -> None:
    text = (
        "本月估计，2024/25年度，中国棉籽油产量1250万吨，比上年度上调8万吨，其中菜籽油产量减少"
        "12万吨，主要是因为油菜籽进口量下降；葵花籽油产量增加3万吨。"
    )
    got = _values(_read(text))
    assert ("中国", "棉籽油产量_yoy_change", "80000") in got
    assert ("中国", "菜籽油产量_yoy_change", "-120000") in got
    assert ("中国", "葵花籽油产量_yoy_change", "30000") in got


def test_a_market_value_changes_over_the_window_its_clause_names() -> None:
    text = "近5日青禾股份股价上涨4.12%，最高价为21.30元，总市值上涨了1.35亿，当前市值为40.2亿元。"
    facts = _read(text)
    change = next(f for f in facts if f.metric == "market_cap_change")
    assert (change.subject, f"{change.value}") == ("青禾股份", "135000000")


def test_a_result_falls_by_an_amount() -> None:
    got = _values(_read("2024年，远帆科技营业收入为8.2亿元，净利润减少3100万元。"))
    assert ("远帆科技", "net_profit_change", "-31000000") in got


def test_a_change_over_a_span_of_years_is_not_dated_by_the_first_year() -> None:
    text = "1978年末全省城镇常住人口为1200万人，经过40多年，城镇常住人口增加了3100万人。"
    assert not any(f.metric.endswith("_change") for f in _read(text))


def test_a_rate_is_not_changed_by_an_amount() -> None:
    # 毛利率下调3: a rate's change in points is read elsewhere, never as an amount.
    got = _read("澜石材料营收为5亿元，毛利率下调了3个百分点，单价下调20元。")
    assert not any(f.metric.startswith("单价") for f in got)
