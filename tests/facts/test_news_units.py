"""Units the number reader did not know, read in our own sentences: a currency written in
Chinese beyond the first few (雷亚尔, 澳门元), freight turnover at sea (吨海里), and a count
whose classifier is 件, 套, 张, 颗 or 片."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import format_quantity, parse_numbers

_ENTITIES = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾股份", "company")])


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_currency_written_in_chinese_is_money() -> None:
    facts = _read(
        "青禾股份公告，公司计划在2023年至2026年间向巴西子公司投资约25亿雷亚尔，建设工厂。"
    )
    sum_ = at(facts, "2500000000")
    assert (sum_.unit, sum_.currency) == ("money", "BRL")
    (macau,) = parse_numbers("博彩收入为38亿澳门元")
    assert (macau.unit, macau.currency, format_quantity(macau)) == ("money", "MOP", "38亿澳门元")


def test_freight_turnover_at_sea_keeps_its_unit() -> None:
    facts = _read("青禾股份公布2022年3月经营数据，当月周转量32.15亿吨海里，同比增长4%。")
    assert at(facts, "3215000000").unit == "吨海里"
    assert at(facts, "4").metric == "周转量_yoy"


def test_a_count_of_pieces_is_a_count() -> None:
    facts = _read("青禾股份公告，2022年公司快递业务量约36.2亿件，同比增长18%。")
    assert at(facts, "3620000000").unit == "count"
    assert [q.unit for q in parse_numbers("月产能2000万颗，售出1.2万套，发卡300张，10亿片")] == [
        "count"
    ] * 4
