from __future__ import annotations

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, record_from_json
from touyan.facts.tickers import normalize_ticker


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("600519", "600519.SH"),
        ("SH600519", "600519.SH"),
        ("600519.SS", "600519.SH"),
        ("688981", "688981.SH"),
        ("000001.SZ", "000001.SZ"),
        ("300750", "300750.SZ"),
        ("830799", "830799.BJ"),
        ("0700.HK", "0700.HK"),
        ("00700.HK", "0700.HK"),
        ("700.hk", "0700.HK"),
        ("HK:1810", "1810.HK"),
        ("AAPL", "AAPL"),
        ("NASDAQ:AAPL", "AAPL"),
        ("nyse: brk.b", "BRK.B"),
        ("1810", None),
        ("小米", None),
        ("12345678", None),
    ],
)
def test_normalize_ticker(raw: str, expected: str | None) -> None:
    assert normalize_ticker(raw) == expected


def test_bare_number_is_hong_kong_only_with_a_hint() -> None:
    assert normalize_ticker("1810", hint="hk") == "1810.HK"


XIAOMI = EntityRecord("小米集团", "company", ("小米", "Xiaomi"), ("1810.HK",), "hk")
APPLE = EntityRecord("苹果公司", "company", ("Apple", "苹果"), ("AAPL",), "us")
YUNFENG = EntityRecord("云锋基金", "fund", ("Yunfeng Capital",), (), None)


@pytest.fixture
def dictionary() -> EntityDictionary:
    return EntityDictionary.of([XIAOMI, APPLE, YUNFENG])


def test_longest_name_wins_and_spans_are_exact(dictionary: EntityDictionary) -> None:
    text = "云锋基金投资小米集团，Xiaomi 估值450亿美元"
    mentions = dictionary.find(text)
    assert [(m.entity.name, m.text) for m in mentions] == [
        ("云锋基金", "云锋基金"),
        ("小米集团", "小米集团"),
        ("小米集团", "Xiaomi"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_latin_names_match_whole_words_case_insensitively(dictionary: EntityDictionary) -> None:
    assert [m.entity.name for m in dictionary.find("APPLE and apple pie")] == ["苹果公司"] * 2
    assert dictionary.find("Pineapple Applesauce") == []


def test_tickers_in_text_find_their_entity(dictionary: EntityDictionary) -> None:
    mentions = dictionary.find("港股00700.HK与1810.HK今日上涨")
    assert [m.entity.name for m in mentions] == ["小米集团"]
    assert dictionary.get("NASDAQ:AAPL") is APPLE
    assert dictionary.get("xiaomi") is XIAOMI


def test_an_alias_keeps_its_first_owner(dictionary: EntityDictionary) -> None:
    dictionary.add(EntityRecord("小米科技", "company", ("小米",)))
    assert dictionary.get("小米") is XIAOMI
    assert dictionary.get("小米科技") is not None


def test_record_validation() -> None:
    record = record_from_json(
        {
            "name": "贵州茅台",
            "kind": "company",
            "aliases": ["茅台"],
            "tickers": ["600519"],
            "market": "cn_a",
        }
    )
    assert record.tickers == ("600519.SH",)
    with pytest.raises(ValueError, match="kind"):
        record_from_json({"name": "X", "kind": "planet"})
    with pytest.raises(ValueError, match="not a ticker"):
        record_from_json({"name": "X", "kind": "company", "tickers": ["not a ticker"]})
    with pytest.raises(ValueError, match="market"):
        record_from_json({"name": "X", "kind": "company", "market": "mars"})
