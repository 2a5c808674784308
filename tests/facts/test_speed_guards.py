"""The patterns rewritten for speed match exactly as their plain spellings did: each opens with
a literal or a class so that `re` scans for it natively, and the rewrite must change no match
(span and groups), over whole strings and windows, on strings drawn from the characters the
patterns read. ASCII lower-casing likewise maps as the translation table did."""

from __future__ import annotations

import random
import re

import pytest

from touyan.facts import (
    entities,
    extract,
    market,
    names,
    periods,
    read_text,
    sections,
    sessions,
)

# The spellings before the rewrite, which the rewritten patterns must match exactly.
_PLAIN = {
    "forecast": (
        read_text.FORECAST,
        r"预计|应该会|应当会|(?<!的)预期(?<!超出预期)(?<!超预期)(?<!低于预期)(?<!高于预期)(?<!不及预期)"
        r"(?<!好于预期)(?<!符合预期)(?!提振|升温|增强|改善|落空)|(?<!走势)预测(?!分析)|预估"
        r"|(?<!据)估计|有望"
        r"|力争|确保|计划|假设",
    ),
    "announcer": (names._ANNOUNCER, r"(?:晚间)?(?:发布)?公告|披露"),
    "ticker": (
        entities._TICKER_SHAPES,
        r"(?<![A-Za-z0-9.])"
        r"(?:\d{6}\.(?:SH|SZ|BJ|SS)|\d{4,5}\.HK|(?:NASDAQ|NYSE)\s*[:：]\s*[A-Z]{1,5})"
        r"(?![A-Za-z0-9])",
    ),
    "section": (
        sections._SECTION_MARK,
        r"(?:(?<=[。！？!?\s”\"：:*])[一二三四五六七八九十]{1,2}、|#{2,}\s*)",
    ),
    "short_year": (
        periods._SHORT_YEAR,
        r"(?=[0-4]\d\s*年)(?<![\d.．/\-年月日近过去前约超逾多这第共满达余])(?<!上市)(?<!成立)"
        r"(?P<yy>[0-4]\d)\s*年(?:\s*(?:[Qq](?P<q>[1-4])|第?(?P<cq>[一二三四1-4])季度(?!报)))?"
        r"(?![\d期度内来间代初中半前后多余左以至])",
    ),
    "spaces": (extract._SPACES, r" +(?=[\d年月日号天周])"),
    "previous": (
        sessions._PREVIOUS,
        r"(?:^|(?<=[。！？!?\n，,；;：:\s]))(?:在|而)?(?P<word>上一个?交易日|前一个?交易日|上个交易日)"
        r"(?!\s*[（(]?\s*\d)",
    ),
    "weekday": (
        sessions._WEEKDAY,
        r"(?<![每下至到\-—~～])(?P<last>上)?(?:周|星期|礼拜)(?P<day>[一二三四五])"
        r"(?![至到\-—~～、和及与]|[（(]\s*\d)",
    ),
    "name_run": (names._RUN, rf"{names._CHAR}{{2,40}}$"),
    "count_first": (
        market._COUNT_FIRST,
        market._COUNT_FIRST.pattern.removeprefix(r"(?=[近约超逾\d])"),
    ),
}
_ALPHABET = (
    "预期计测估有望力争确保划假设的超出低于高不及好符合走势分析提振晚间发布公告披露"
    '0123456789.SHZBJKAYDNQqas:：  一二三四五六七八九十、#。！？!?\n”"*上市成立交易日个'
    "在而前周星期礼拜每下至到-—~～和与及日号，,（）()LOF股年季度报x只家涨停跌连第约逾"
)


def _strings(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(_ALPHABET, k=rnd.randint(1, 48))) for _ in range(count)]


def _found(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[object]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, lo, hi)]


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_a_rewritten_pattern_matches_as_its_plain_spelling(name: str) -> None:
    fast, spelling = _PLAIN[name]
    plain = re.compile(spelling)
    for text in _strings(sorted(_PLAIN).index(name), 4000):
        for lo, hi in ((0, len(text)), (min(2, len(text)), max(0, len(text) - 1))):
            assert _found(fast, text, lo, hi) == _found(plain, text, lo, hi), text


def test_the_rewritten_patterns_match_the_shapes_they_name() -> None:
    assert read_text.FORECAST.search("公司预计全年营收增长") is not None
    assert read_text.FORECAST.search("业绩好于预期") is None
    announced = names._ANNOUNCER.search("青禾股份晚间发布公告称")
    assert announced is not None and announced.group() == "晚间发布公告"
    assert entities._TICKER_SHAPES.search("远帆汽车（600123.SH）") is not None
    assert entities._TICKER_SHAPES.search("X600123.SH") is None
    assert periods._SHORT_YEAR.search("24年营收") is not None


def test_ascii_lower_maps_only_ascii_capitals() -> None:
    for text in ["ABC青禾XYZ", "ÀÉ İ ſ Ω ＡＢ", "", "abc", *_strings(7, 500)]:
        assert entities.ascii_lower(text) == text.translate(entities._ASCII_LOWER)
