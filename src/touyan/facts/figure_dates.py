"""Which of the dates a text names may date its figures.

Many dates a text writes are not when its figures hold: where a span starts from (2002年9月
以来), the base of a comparison (比1978年增长, 较2010年增加, 与2020年基本持平) and the days
glossing it, a record's day or reach (所创高位, 2002年新高), the day a security matures, an
issue's number, the year of a whole a share is taken of, a company's founding.
`figure_dates` keeps the others, which `dating` reads figures' dates from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.facts.dating import BASE_AFTER, BASE_BEFORE, BASE_CHANGE_AFTER
from touyan.facts.filings import founded
from touyan.text.dates import DateMention

_SINCE = re.compile(r"\s*(?:初|底|末|中)?(?:以来|至今|迄今|起|开始|(?<=[年月])来(?![看说讲]))")
# A record's day or reach (1月3日所创高位, 飙升至2002年新高: the highest since 2002): when the
# record was set, or how far back it reaches, not when the figures around it hold.
_RECORD = re.compile(r"所创|(?<=年)新[高低]")
# 2026年4月到期的票据: the day a security matures names it, it dates no figure about it.
_MATURES = re.compile(r"\s*(?:到期|届满)")
# 2027年之前难以盈利: a deadline a statement runs up to, no period any figure is of.
_BEFORE_DEADLINE = re.compile(r"\s*(?:之前|以前)")
# 与2021年纳入统计的654家景区同口径比较: the base a comparison names with words between its
# date and the verb, which `BASE_AFTER` (与2024-06-30相比) reads only right after the date.
_COMPARED_WITH = re.compile(r"[^，,。；;！？!?\n]{1,30}?(?:相比|比较|相较|对比)")
# 占公司2020年度经审计营业收入的0.77%: the year of the whole a share is taken of; 成立于2016年:
# the year a company was set up. Neither dates the figures around them.
_NOT_AN_ANCHOR_BEFORE = re.compile(
    r"(?:(?<![抢独霸攻侵])占(?:公司|本公司|上市公司)?(?:最近一个?会计)?|(?:成立|创立|创办|创建)于)\s*$"
)
# 仍将保持2021年的增速: the year whose pace a later one keeps, a forecast's base.
_KEPT = re.compile(r"(?:保持|维持|延续)了?$")
_KEPT_PACE = re.compile(r"的?(?:增速|增长率|增幅|速度|势头)")
# A year that numbers an issue of a series (2024年度第三期超短期融资券, 2022年第1期员工持股
# 计划): part of the issue's name, not a period its figures are of.
_ISSUE_NUMBER = re.compile(r"度?第[一二三四五六七八九十\d]{1,4}期")
_GLOSSED = re.compile(r"[\u4e00-\u9fff]{0,6}")  # 元旦假期 between a year and its gloss
# Every word right after a date that keeps it from dating figures, in one pattern: a date is
# tried once, not once for each (a text names dozens of dates, and most pass every test).
_NOT_DATING_AFTER = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            _SINCE,
            _RECORD,
            _MATURES,
            _BEFORE_DEADLINE,
            BASE_AFTER,
            _ISSUE_NUMBER,
            re.compile("款"),
        )
    )
)


def figure_dates(text: str, found: Sequence[DateMention]) -> list[DateMention]:
    """The dates of `found` that may date a figure of `text`."""
    return [
        d
        for d in found
        if not _in_base_gloss(text, d, found)
        # 2002年9月以来, 所创高位, 到期, 2027年之前 (a deadline), 与2024-06-30相比 (the base's
        # date), 2017年款 (a model year), 2024年度第三期超短期融资券 (an issue's name)
        and not _NOT_DATING_AFTER.match(text, d.span[1])
        and not BASE_BEFORE.search(text, max(0, d.span[0] - 4), d.span[0])
        and not _base_named(text, d.span)  # 与2021年…同口径比较, 占公司2020年度…, 成立于
        and not (text.endswith("同比", 0, d.span[0]) and BASE_CHANGE_AFTER.match(text, d.span[1]))
        and not founded(text, d.span[0])  # 成立日期：1993-05-10 dates the company
    ]


def starts_span(text: str, end: int) -> bool:
    """Whether the date ending at `end` is where a span starts from (1月以来, 2002年9月起)."""
    return _SINCE.match(text, end) is not None


def _in_base_gloss(text: str, date: DateMention, dates: Sequence[DateMention]) -> bool:
    """Whether `date` is in brackets right after a compared-with date, glossing its days
    (较2021年元旦假期（2021年1月1日—1月3日）增长24%): the base's too."""
    opened = text.rfind("（", max(0, date.span[0] - 16), date.span[0])
    if opened < 0 or "）" in text[opened : date.span[0]]:
        return False
    base = next((d for d in dates if _GLOSSED.fullmatch(text, d.span[1], opened)), None)
    return base is not None and bool(
        BASE_BEFORE.search(text, max(0, base.span[0] - 4), base.span[0])
    )


def _base_named(text: str, span: tuple[int, int]) -> bool:
    """Whether a date names what a figure is compared with in words the bare `BASE_AFTER`
    does not read: 与2021年纳入统计的景区同口径比较 (words between the date and the verb), a
    pace kept (保持2021年的增速); or the year of the whole a share is of, or of a company's
    founding (`_NOT_AN_ANCHOR_BEFORE`)."""
    if text[span[0] - 1 : span[0]] == "与":
        return _COMPARED_WITH.match(text, span[1]) is not None
    before = text[max(0, span[0] - 12) : span[0]]
    if _KEPT.search(before) and _KEPT_PACE.match(text, span[1]):
        return True
    return ("占" in before or "于" in before) and _NOT_AN_ANCHOR_BEFORE.search(before) is not None
