"""The bundled entity dictionary, checked as data.

The dictionary is written by hand from the exchanges' listings, so these tests catch what a
person typing a few hundred records gets wrong: a code on the wrong exchange, a ticker or
alias given to two companies, a short name that also sits inside everyday words. Each check
is a function returning the problems it finds, run once on the bundled file and once on a
record broken on purpose, so a check that stopped looking would fail.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import ahocorasick_rs
import pytest

from touyan.facts.entities import EntityDictionary, record_from_json
from touyan.facts.tickers import a_share_exchange
from touyan.text.segment import segmenter

Raw = dict[str, object]
DEMO = Path(__file__).resolve().parents[2] / "src" / "touyan" / "data" / "demo"
_SHORT_CJK = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_A_SHARE = re.compile(r"^(\d{6})\.(SH|SZ|BJ)$")
_HK = re.compile(r"^\d{4}\.HK$")
# Inside-word hits accepted on purpose, with the reason the subject is still right.
_ACCEPTED_INSIDE = {
    ("茅台", "茅台酒"),  # Moutai's own product: a fact about 茅台酒 is about the company
}


def _bundled() -> list[Raw]:
    raw = resources.files("touyan.data").joinpath("entities.json").read_text(encoding="utf-8")
    items: list[Raw] = json.loads(raw)
    return items


def _strings(item: Raw, key: str) -> list[str]:
    value = item.get(key)
    return [str(v) for v in value] if isinstance(value, list) else []


def _names(item: Raw) -> list[str]:
    return [str(item.get("name")), *_strings(item, "aliases")]


def invalid(items: list[Raw]) -> list[str]:
    problems = []
    for item in items:
        try:
            record_from_json(item)
        except ValueError as error:
            problems.append(str(error))
    return problems


def aliases_owned_twice(items: list[Raw]) -> list[str]:
    """Matching is case-insensitive, so Tesla and TESLA are one key."""
    owners: dict[str, set[str]] = {}
    for item in items:
        for alias in _names(item):
            owners.setdefault(alias.lower(), set()).add(str(item.get("name")))
    return [f"{alias}: {sorted(names)}" for alias, names in owners.items() if len(names) > 1]


def tickers_owned_twice(items: list[Raw]) -> list[str]:
    counts = Counter(t for item in items for t in _strings(item, "tickers"))
    return [ticker for ticker, n in counts.items() if n > 1]


def wrong_exchange(items: list[Raw]) -> list[str]:
    """601318.SZ or 300750.SH is a typo: the code's prefix fixes the exchange."""
    problems = []
    for item in items:
        for ticker in _strings(item, "tickers"):
            if (m := _A_SHARE.match(ticker)) and a_share_exchange(m.group(1)) != m.group(2):
                problems.append(f"{item.get('name')}: {ticker}")
            if ticker.endswith(".HK") and not _HK.match(ticker):
                problems.append(f"{item.get('name')}: {ticker}")
    return problems


def _market_of(ticker: str) -> str:
    if ticker.endswith(".HK"):
        return "hk"
    return "cn_a" if _A_SHARE.match(ticker) else "us"


def market_disagrees(items: list[Raw]) -> list[str]:
    """The first ticker is the primary listing, and market says where that is."""
    problems = []
    for item in items:
        tickers = _strings(item, "tickers")
        if tickers and item.get("market") != _market_of(tickers[0]):
            problems.append(f"{item.get('name')}: {item.get('market')} vs {tickers[0]}")
    return problems


def short_names_inside_words(items: list[Raw], texts: list[str]) -> list[str]:
    """A 2-3 character name matched where the segmenter sees it inside a longer word.

    中行 in 其中行业 or 交行 in 成交行情 would make a fact about the market into one about a
    bank; the segmenter's word boundaries say whether a hit is a word of its own. Names are
    matched here as the dictionary's automaton matches them (longest first), without the
    matcher's own guards, so the data is judged on its own.
    """
    keys = sorted({name.lower() for item in items for name in _names(item) if len(name) > 1})
    matcher = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    jieba = segmenter()
    problems = []
    for text in texts:
        for line in text.splitlines():
            hits = [
                (keys[i], start, end)
                for i, start, end in matcher.find_matches_as_indexes(line.lower())
                if _SHORT_CJK.match(keys[i])
            ]
            if not hits:
                continue
            tokens = jieba.cut(line)
            bounds = {0, *(sum(len(t) for t in tokens[: i + 1]) for i in range(len(tokens)))}
            for name, start, end in hits:
                if start in bounds and end in bounds:
                    continue
                word = "".join(_words_over(tokens, start, end))
                if (name, word) not in _ACCEPTED_INSIDE:
                    problems.append(f"{name} in {word}")
    return problems


def _words_over(tokens: list[str], start: int, end: int) -> list[str]:
    out, pos = [], 0
    for token in tokens:
        if pos < end and start < pos + len(token):
            out.append(token)
        pos += len(token)
    return out


def _demo_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.md"))]


CHECKS = [invalid, aliases_owned_twice, tickers_owned_twice, wrong_exchange, market_disagrees]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_bundled_dictionary_passes(check: object) -> None:
    assert callable(check)
    assert check(_bundled()) == []


def test_bundled_short_names_stand_as_words_in_the_demo_corpus() -> None:
    texts = _demo_texts()
    assert texts
    assert short_names_inside_words(_bundled(), texts) == []


def test_dictionary_is_large_enough_to_know_the_big_listed_companies() -> None:
    names = {str(item["name"]) for item in _bundled()}
    wanted = ["中信银行", "中国太保", "北方华创", "中国中车", "新鸿基地产", "甲骨文", "哔哩哔哩"]
    assert [name for name in wanted if name not in names] == []


GOOD: Raw = {
    "name": "远川电子",
    "kind": "company",
    "aliases": ["远川"],
    "tickers": ["603999.SH"],
    "market": "cn_a",
}


def _with(**changes: object) -> list[Raw]:
    return [{**GOOD, **changes}]


@pytest.mark.parametrize(
    ("check", "broken"),
    [
        (invalid, _with(kind="shop")),
        (invalid, _with(tickers=["60051"])),
        (aliases_owned_twice, [GOOD, {**GOOD, "name": "远川科技", "tickers": []}]),
        (tickers_owned_twice, [GOOD, {**GOOD, "name": "远川科技", "aliases": []}]),
        (wrong_exchange, _with(tickers=["603999.SZ"])),
        (wrong_exchange, _with(tickers=["300999.SH"])),
        (wrong_exchange, _with(tickers=["830799.SZ"])),
        (wrong_exchange, _with(tickers=["00700.HK"])),
        (market_disagrees, _with(market="hk")),
        (market_disagrees, _with(tickers=["0700.HK", "603999.SH"])),
    ],
)
def test_each_check_finds_a_broken_record(check: object, broken: list[Raw]) -> None:
    assert callable(check)
    assert check(broken) != []
    assert check([GOOD]) == []


def test_short_name_inside_a_longer_word_is_found() -> None:
    # 成交 + 行情: a bank abbreviated 交行 must not be read out of this sentence
    bank: Raw = {"name": "交行", "kind": "company", "aliases": [], "tickers": []}
    assert short_names_inside_words([bank], ["今天两市成交行情清淡。"]) == ["交行 in 成交行情"]
    assert short_names_inside_words([bank], ["交行发布了年报。"]) == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("要加快科技创新和成果转化。", []),  # 新和成 would sit across 创新 and 成果
        ("这一片都是豪华住宅。", []),  # 华住 inside 豪华住宅
        ("青浦发展集团拿下一宗地。", []),  # 浦发 inside 青浦发展
        ("科思科技日前接到一笔订单。", ["科思科技"]),  # not Cisco (思科)
        ("思科发布了新一代交换机。", ["思科"]),
    ],
)
def test_short_names_are_not_read_out_of_other_words(sentence: str, names: list[str]) -> None:
    dictionary = EntityDictionary.of(record_from_json(item) for item in _bundled())
    found = [m.entity.name for m in dictionary.find(sentence)]
    assert found == names
