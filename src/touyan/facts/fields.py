"""The subject a card's field names for itself, when it is not the card's fund or company.

A fund's return breakdown lists, field by field, the fund's own figures and those of what it
is measured against: "广发X混合C近一周的基金收益率是: 0.71% 中证800近一周的市场基准收益率是:
2.38% 制造赛道近一周的赛道相对全市场超额收益率是: -0.26%". The benchmark's return and the
track's excess return belong to the index and the track the field names, not to the fund the
card is about.
"""

from __future__ import annotations

import re

# A benchmark index (中证800, 沪深300, 中证全指, 恒生指数) or a fund track (固收赛道, 固收+赛道),
# then the trailing window the figure covers, written where the field starts.
_FIELD_NAME = re.compile(
    r"(?P<name>(?:中证|沪深|上证|深证|国证|创业板|科创|恒生|中债)[\u4e00-\u9fffA-Za-z0-9]{0,8}?"
    r"|[\u4e00-\u9fffA-Za-z0-9]{1,10}?指数|[\u4e00-\u9fff]{1,6}\+?赛道)"
    r"(?:近[\d一二三四五六七八九十]{1,2}个?[年月周日]|今年以来)?的?"
)
_FIELD_START = re.compile(r"[\s:：，,。；;】【|]")


def field_subject(text: str, lo: int, label_start: int) -> tuple[str, int] | None:
    """The index or track named at the start of the field holding the label at `label_start`,
    and where the field starts."""
    start = lo
    for found in _FIELD_START.finditer(text, lo, label_start):
        start = found.end()
    named = _FIELD_NAME.fullmatch(text, start, label_start)
    return (named["name"], start) if named else None
