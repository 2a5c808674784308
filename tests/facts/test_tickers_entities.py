from __future__ import annotations

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, record_from_json
from touyan.facts.names import same_name, written_names
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


def test_names_from_their_written_form() -> None:
    text = (
        "恒远精密(603999)发布公告。稳盈纯债A（稳盈纯债债券型证券投资基金A类）今日开放申购。"
        "“长乐成长混合型证券投资基金C类”是一只混合型基金。"
        "2025年05月15日截止目前青川股份的当前价为12.30元；青川股份的换手率为1.20%。"
    )
    found = {n.name: n for n in written_names(text)}
    assert set(found) == {
        "恒远精密",
        "稳盈纯债A",
        "长乐成长混合型证券投资基金C类",
        "青川股份",
    }
    assert found["恒远精密"].kind == "company"
    assert found["稳盈纯债A"].kind == "fund"
    assert found["稳盈纯债A"].aliases == ("稳盈纯债债券型证券投资基金A类",)


def test_generic_words_and_one_off_statements_are_not_names() -> None:
    text = (
        "该股的换手率为3.20%，公司的毛利率为25.1%，主力资金的净流入为1.2亿元。"
        "近一周的收益率为0.5%。"
    )
    assert written_names(text) == []
    # A data statement's subject seen once, not in the title, is too weak to be a name.
    once = "截至5月14日，青川股份的换手率为1.20%。"
    assert written_names(once) == []
    assert [n.name for n in written_names(once, "青川股份")] == ["青川股份"]


def test_a_headline_s_lead_name_ends_where_the_body_shows() -> None:
    title = "恒远精密跌3.09%，成交额4.83亿元"
    body = "5月15日，恒远精密盘中下跌3.09%，成交4.83亿元。恒远精密主力资金净流出2512.98万元。"
    assert [n.name for n in written_names(body, title)] == ["恒远精密"]
    # A body that only repeats the headline proves nothing.
    assert written_names("股市必读：今日要闻。", "股市必读：今日要闻") == []


def test_one_fund_written_two_ways_is_one_name() -> None:
    assert same_name("稳盈纯债债券型证券投资基金A类", "稳盈纯债债券A")
    assert same_name(
        "长乐沪深300交易型开放式指数证券投资基金发起式联接基金A类", "长乐沪深300ETF联接A"
    )
    assert same_name("长乐货币市场基金A类", "长乐货币A级")
    assert not same_name("稳盈纯债债券A", "稳盈纯债债券C")
    assert same_name("理想汽车-W", "理想汽车")
    assert not same_name("恒远精密", "恒远股份")


def test_share_class_suffixes_find_the_listed_name(dictionary: EntityDictionary) -> None:
    assert dictionary.get("小米集团-W") is XIAOMI
    assert dictionary.get("小米-W") is XIAOMI


def test_a_name_ending_in_the_particle_de_stands_alone() -> None:
    midea = EntityRecord("美的集团", "company", ("美的",))
    dictionary = EntityDictionary.of([midea])
    assert [m.text for m in dictionary.find("美的空调销量增长，收购美的集团")] == [
        "美的",
        "美的集团",
    ]
    assert dictionary.find("贝因美的跌停价为5.42元，完美的开局") == []


def test_a_date_before_a_coded_name_is_not_part_of_it() -> None:
    names = [w.name for w in written_names("2019年远帆汽车(600999)股价上涨12.5%。")]
    assert names == ["远帆汽车"]
    names = [w.name for w in written_names("5月12日远帆汽车(600999)股价上涨12.5%。")]
    assert names == ["远帆汽车"]
