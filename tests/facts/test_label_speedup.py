"""Faster label and name scans that find exactly what the slower ones found.

`label_spans(text, lo, hi)` must equal `LABELS.finditer(text[lo:hi])` for every window: the
reader's choice of label depends on which matches the window holds (leftmost, the longest that
fits, none overlapping, none cut by the window's edges).
"""

from __future__ import annotations

import random
import re

import pytest

from touyan.facts import names
from touyan.facts.extract import label_before
from touyan.facts.label_index import FOLD_TRAPS, label_index, label_spans
from touyan.facts.labels import LABEL_METRIC, LABELS


def regex_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """What the reader used before the index: the alternation run over the window itself."""
    return [(lo + m.start(), lo + m.end(), m.group().lower()) for m in LABELS.finditer(text[lo:hi])]


def assert_every_window(text: str) -> None:
    for hi in range(len(text) + 1):
        for lo in range(hi + 1):
            assert label_spans(text, lo, hi) == regex_spans(text, lo, hi), (text, lo, hi)


# Labels inside labels, labels sharing ends, labels a window edge cuts, English in any case.
TRICKY = [
    "营业总收入为320亿元",  # 营业总收入 from its start; 收入 once the window starts inside it
    "今年公司营业总收入同比增长12%，净利润率为8.1%",  # 净利润率 cut after 净利润 is 净利润
    "扣除非经常性损益后归属于母公司股东的净利润约为约为约为12亿元",
    "市盈率(TTM)为23.5倍，市盈率（静）为20倍，市盈率TTM 19倍",
    "最新价格40.45元，最高价格41元，最 高：41.20，成 交 额：3亿",
    "总市值与流通市值分别为300亿元和120亿元，户均持股市值12万元",
    "融资余额报8089.76亿元，融资融券余额合计8200亿元，收报12.3元",
    "Net Income was US$3.2 billion; EPS of 2.42; P/E 18; MARKET CAP 1.2 trillion",
    "market capitalisation of 1.2 trillion, share price at 31.5",
    "经营活动产生的现金流量净额为5亿元，投资活动现金流净额-2亿元，每股经营现金流0.3元",
    "近3年收益率12%，近三年收益8%，7日年化收益率1.9%，七日年化1.8%",
    "5日均线价格10.2元，10日均线10.5元",
]


@pytest.mark.parametrize("text", TRICKY)
def test_every_window_of_tricky_texts_matches_the_regex(text: str) -> None:
    assert label_index(text) is not None  # these are read by the index, not the fallback
    assert_every_window(text)


def test_random_label_strings_match_the_regex() -> None:
    labels = sorted(LABEL_METRIC)
    pieces = [
        *labels,
        *(label[: len(label) // 2] for label in labels if len(label) > 2),
        *(label[len(label) // 2 :] for label in labels if len(label) > 2),
        *(label.upper() for label in labels if label.isascii()),
        "为",
        "，",
        "12.5",
        "亿元",
        " ",
    ]
    rng = random.Random(20261204)
    for _ in range(150):
        assert_every_window("".join(rng.choice(pieces) for _ in range(rng.randint(2, 5))))


def test_a_label_the_window_starts_inside_is_not_read() -> None:
    # The window (25 characters) starts after 扣除: only 归属于母公司股东的净利润 lies in it whole.
    text = "扣除非经常性损益后归属于母公司股东的净利润约为约为约为12亿元"
    # (扣除非经常性损益 before it still makes the figure the adjusted one: labels.py's words)
    assert label_before(text, text.index("12")) == ("net_profit_adjusted", text.index("归属于"))


def test_a_label_running_past_the_figure_gives_way_to_a_shorter_one() -> None:
    # 净利润率 ends after the window [0, 5): 净利润, the longest label that fits, is read.
    text = "公司净利润率10%"
    assert label_spans(text, 0, 5) == [(2, 5, "净利润")]
    assert label_spans(text, 0, 6) == [(2, 6, "净利润率")]


def test_a_connector_label_after_a_label_links_it() -> None:
    assert label_before("融资余额报8089.76亿元", 5) == ("margin_balance", 0)


# Characters IGNORECASE matches to a label's letter where str.lower disagrees (ſ is s).
FOLDED = ["Net İncome 3 billion", "ſales of 3 billion", "a dıvidend yield of 3%"]


@pytest.mark.parametrize("text", FOLDED)
def test_texts_with_fold_traps_are_read_by_the_regex(text: str) -> None:
    assert label_index(text) is None  # label_spans then asks LABELS itself


def test_fold_traps_are_every_character_lower_and_the_regex_disagree_on() -> None:
    alphabet = set("".join(LABEL_METRIC))
    everything = "".join(map(chr, range(0x110000)))
    # Any character the regex matches to a letter of a label, or that lowers to one.
    matched = re.compile("[" + re.escape("".join(sorted(alphabet))) + "]", re.IGNORECASE)
    candidates = {m.group() for m in matched.finditer(everything)}
    candidates |= {c for c in everything if c.lower() in alphabet}
    traps = set()
    for char in candidates:
        lower = char.lower()
        for letter in alphabet:
            by_regex = re.fullmatch(re.escape(letter), char, re.IGNORECASE) is not None
            if by_regex != (lower == letter):
                traps.add(char)
    assert traps == FOLD_TRAPS


# The name scans as first written; the rewrites only move where the engine starts looking.
ORIGINAL_NAME_SCANS = {
    "_BARE_CODE": r"(?<![A-Za-z0-9.])(?:sh|sz|bj|SH|SZ|BJ)\d{6}(?![\dA-Za-z])",
    "_GLUED_CODE": (
        r"(?<=[\u4e00-\u9fff])(?:60[0135]|00[0123]|30[01]|68[89])\d{3}(?![\d.,%万亿元股手])"
    ),
    "_STATED": (
        r"(?:的(?P<attr>[\u4e00-\u9fffA-Za-z0-9()（）]{2,16}?)|(?P<lab>"
        r"当前价|最新价|收盘价|开盘价|最高价|最低价|涨停价|跌停价|涨跌幅|涨跌额|成交额|成交量|换手率|"
        r"总市值|流通市值|市盈率|市净率|股息率|单位净值|累计净值|总股本|流通股本|"
        r"近[一二三四五六七八九十\d]+[日周月年]涨跌幅|今年以来涨跌幅|今年以来收益率|七日年化收益率|"
        r"主力资金净流[入出]|主力净流[入出]))(?:为|是|[:：])\s*[+\-]?\d"
    ),
}
NAME_TEXTS = [
    "600519贵州茅台",  # a code that opens the text has no name before it
    "星河电子600128在近5个交易日中上涨，星河电子 600128、a600128、星河电子6001289",
    "sh600272开开实业，开开实业 sh600272，xsh600272，.sz000002，1bj830799，SZ0000021",
    "星河电子的当前价为12.5元，星河电子当前价：12.5，星河电子的的最新价是 -3.2%",
    "星河电子近一月涨跌幅为5%，星河电子主力资金净流出：3亿，星河电子今年以来收益率是+2%",
    "的的的的的为1，的ab为 2，今年以来涨跌幅为x，近12日涨跌幅为1，星河电子的市值为1为2",
    # Every label the statement scan knows, each after a name and before its figure.
    "".join(
        f"，星河电子{label}为1"
        for label in (
            *"当前价 最新价 收盘价 开盘价 最高价 最低价 涨停价 跌停价 涨跌幅 涨跌额 成交额".split(),
            *"成交量 换手率 总市值 流通市值 市盈率 市净率 股息率 单位净值 累计净值 总股本".split(),
            *"流通股本 近三月涨跌幅 近5日涨跌幅 今年以来涨跌幅 今年以来收益率".split(),
            "七日年化收益率",
            *"主力资金净流入 主力资金净流出 主力净流入 主力净流出".split(),
        )
    ),
]


@pytest.mark.parametrize("name", sorted(ORIGINAL_NAME_SCANS))
def test_name_scans_find_what_they_found_as_first_written(name: str) -> None:
    original = re.compile(ORIGINAL_NAME_SCANS[name])
    rewritten: re.Pattern[str] = getattr(names, name)
    for text in NAME_TEXTS:
        assert [m.span() for m in rewritten.finditer(text)] == [
            m.span() for m in original.finditer(text)
        ], text
