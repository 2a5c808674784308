"""Changes written as an amount (产量减少46万吨, 总市值上涨了9477万, 比上年度下调5万吨), a
level reached from an old one (由A调整为B, 从A下调至B) and a range a figure lies in
(在40-50元之间)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
    # the release's estimate of a season not over is a projection (`_framed`)
    assert ("中国", "棉籽油产量_yoy_change_forecast", "80000") in got
    assert ("中国", "菜籽油产量_yoy_change_forecast", "-120000") in got
    assert ("中国", "葵花籽油产量_yoy_change_forecast", "30000") in got


def test_a_market_value_changes_over_the_window_its_clause_names() -> None:
    text = "近5日青禾股份股价上涨4.12%，最高价为21.30元，总市值上涨了1.35亿，当前市值为40.2亿元。"
    facts = _read(text)
    change = next(f for f in facts if f.metric == "market_cap_change")
    assert (change.subject, f"{change.value}") == ("青禾股份", "135000000")


def test_a_result_falls_by_an_amount() -> None:
    got = _values(_read("2024年，远帆科技营业收入为8.2亿元，净利润减少3100万元。"))
    assert ("远帆科技", "net_profit_change", "-31000000") in got


def test_a_change_over_a_span_of_years_is_not_dated_by_the_first_year() -> None:
    text = (
        "国家统计局数据显示，1978年末我国城镇常住人口为1.7亿人，经过40多年，"
        "城镇常住人口增加了7.3亿人。"
    )
    got = _read(text)
    assert [f.value for f in got] == [Decimal("170000000")]  # the level is read, the change not


def test_a_rate_is_not_changed_by_an_amount() -> None:
    # 毛利率下调3: a rate's change in points is read elsewhere, never as an amount.
    got = _read("澜石材料营收为5亿元，毛利率下调了3个百分点，单价下调20元。")
    assert not any(f.metric.startswith("单价") for f in got)


def test_a_level_reached_from_an_old_one() -> None:
    got = _values(_read("澜石材料营收为5亿元，资产负债率由52%下降至47%，毛利率从18%提升至21%。"))
    assert ("澜石材料", "debt_ratio", "47") in got
    assert ("澜石材料", "gross_margin", "21") in got
    assert not {("澜石材料", "debt_ratio", "52"), ("澜石材料", "gross_margin", "18")} & got


def test_a_dated_old_level_is_read_with_its_year() -> None:
    facts = _read("远帆科技营收为9亿元，全球市占率从2022年的11%提升至2024年的19%。")
    shares = {f"{f.value}": f.as_of for f in facts if f.metric == "市占率"}
    assert shares == {"11": dt.date(2022, 12, 31), "19": dt.date(2024, 12, 31)}


def test_a_target_price_cut_and_a_raised_dividend() -> None:
    text = (
        "青禾股份营收为5亿元。某券商将青禾股份的目标价从36元下调至30元。另一家券商下调青禾股份的"
        "目标价至28元。公司宣布将股息提高8%至每股0.54元。"
    )
    got = _values(_read(text))
    assert {("青禾股份", "目标价", "30"), ("青禾股份", "目标价", "28")} <= got
    assert ("青禾股份", "股息", "0.54") in got
    assert ("青禾股份", "目标价", "36") not in got


def test_an_adjusted_price_holds_from_the_day_it_takes_effect() -> None:
    text = (
        "远帆科技2024年营收为12亿元，公司将于2025年6月3日实施2024年度权益分派。"
        "远帆科技可转债转股价格将由15.20元/股调整为"
        "15.05元/股，自2025年6月3日起生效。"
    )
    fact = next(f for f in _read(text) if f.metric.endswith("转股价格"))
    assert (f"{fact.value}", fact.as_of) == ("15.05", dt.date(2025, 6, 3))


def test_a_range_a_price_stays_in() -> None:
    facts = _read("从2024年10月到2025年3月，青禾股份的股价一直在12-15元之间震荡。")
    price = next(f for f in facts if f.metric == "price")
    assert (f"{price.value}", f"{price.high}") == ("12", "15")


def test_a_forecast_range_and_a_range_of_falls_are_not_levels() -> None:
    text = (
        "澜石材料营收为5亿元，息税前利润率将保持在9.5-10.2%的水平。"
        "12月份，全国猪肉、蔬菜和水果价格降幅在2.1%-9.7%之间。"
    )
    got = _read(text)
    assert not any(f.metric in ("息税前利润率", "保持") for f in got)
    assert not any("降幅" in f.metric for f in got)
