"""Subjects FinNL flashes showed wrong: names cut short (a name ending in 大 before 跌), time,
session and market words read as names (晚盘盘初, 某品夜盘, 止步, 一夜), a turn (现转跌) read as
a name, and a halt's end (复牌) or the day's limit-up (涨停) run on to the name."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import parse_numbers

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("青禾汽车", "company", market="hk")]
)


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=_ENTITIES)


def _subjects(found: list[ExtractedFact], value: str) -> list[str]:
    return [f.subject for f in found if f.value == Decimal(value)]


def test_a_name_ending_in_da_before_a_fall_keeps_its_da() -> None:
    found = _read("港股澜石概念股走低，甲乙澜大跌6.12%，澜大汽车跌3.05%，澜大物业跌2.4%。")
    assert _subjects(found, "-6.12") == ["甲乙澜大"]
    # (but a big fall after a name not written so elsewhere stays a big fall)
    found = _read("美股芯片股走低，澜石微电子大跌5.3%。")
    assert _subjects(found, "-5.3") == ["澜石微电子"]


def test_a_session_after_a_date_is_no_name() -> None:
    found = _read("某交易所白银T+D 3月4日（周二）晚盘盘初上涨0.05%报4321.0元/千克。")
    assert _subjects(found, "0.05") == []


def test_a_goods_night_session_is_no_part_of_its_name() -> None:
    found = _read("焦煤夜盘收涨1.37%，玻璃收跌0.42%。")
    assert _subjects(found, "1.37") == ["焦煤"]


def test_a_move_at_the_open_and_now_are_the_stocks() -> None:
    found = _read("青禾汽车(01234.HK)盘初涨约2%，现转跌3%，全年销量约为45万辆。")
    assert _subjects(found, "2") == ["青禾汽车"]
    assert _subjects(found, "-3") == ["青禾汽车"]
    # (but a move now after a name no dictionary knows, written with its ticker, is not the
    # topic's carried from before)
    found = _read(
        "特斯拉将收购某某能源的部分业务。某某能源(ABCD.O)盘前拉升，现涨1.27%。",
        title="特斯拉将收购某某能源部分业务",
    )
    assert _subjects(found, "1.27") == []


def test_a_move_after_resuming_trade_is_the_names() -> None:
    found = _read("港股恒指高开涨0.21％。甲乙华融复盘跌超35%。")
    assert _subjects(found, "-35") == ["甲乙华融"]
    found = _read("甲乙地产午后复牌涨超4%。")
    assert _subjects(found, "4") == ["甲乙地产"]


def test_a_superlative_or_overnight_move_names_no_one() -> None:
    assert _subjects(_read("今年业绩大变脸，某基金最惨暴跌9%。"), "-9") == []
    found = _read("从业内获悉，保费一夜暴涨60%只是个例。")
    assert _subjects(found, "60") == []


def test_a_limit_up_before_its_run_is_no_part_of_the_name() -> None:
    found = _read("猪肉板块走强，澜石农牧涨停3连板，其他个股涨超5%。")
    assert at(found, "3").subject == "澜石农牧"


def test_a_run_that_ended_names_no_stock() -> None:
    found = _read("临近尾盘次新股某某马封跌停，止步9连板，全天成交近5亿。")
    assert _subjects(found, "9") == []


def test_a_scale_with_no_digit_before_it_is_one_of_it() -> None:
    found = parse_numbers("预计到2027年某国咖啡市场规模将突破万亿元。")
    assert [q.value for q in found if q.unit == "money"] == [Decimal(10) ** 12]


def test_a_scenarios_level_before_its_chance_is_no_figure() -> None:
    found = _read("据某交易所：美联储明年6月维持利率在1%-1.25%区间的概率为61%。")
    assert [f.metric for f in found if f.value == Decimal(1)] == []
