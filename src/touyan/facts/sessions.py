"""The trading session a text is about when it names no date: a weekday (周三收跌7%) or a
US session reported in China the next morning (美股…集体收涨).

A figure a text states without a date is dated by its publication; but a move of "周三" in a
Friday article is Wednesday's, and "美股三大指数集体收涨" published in Beijing on the 8th is the
7th's session: New York's close comes after midnight in China, so it is always reported on a
later calendar day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from touyan.text.dates import DateMention

# 周三, 上周五, 星期四, 本周一: a trading day of this week or the last. Not 每周三 (a
# schedule), 下周一 (ahead), 周一至周五 (a range) nor 周五（10月6日）(the date is written).
_WEEKDAY = re.compile(
    r"(?=[上周星礼])"  # the first character read: a position holding none fails at once
    r"(?<![每下至到\-—~～])(?P<last>上)?(?:周|星期|礼拜)(?P<day>[一二三四五])"
    r"(?![至到\-—~～、和及与]|[（(]\s*\d)"
)
_WEEKDAYS = {c: n for n, c in enumerate("一二三四五")}
# A date written just before a weekday (5月27日（星期二）, 8月9号 星期五) is the day it names.
_DATED_BEFORE = 4
# 美股…收涨, 隔夜美股, 美国股市…收盘: a US session's close (not 隔夜回购利率, a money rate).
_US_MARKET = re.compile(r"隔夜美|美股|美国股市|美国三大股指|美股三大指数")
_CLOSE = re.compile(r"收涨|收跌|收盘|收高|收低|报收|收于|集体收|收平")
_SENTENCE = re.compile(r"[。！？!?\n]")
# What a session's figures are written with after its weekday (周三，谷歌盘中一度暴跌超9%).
_TRADING = re.compile(r"[涨跌]|收盘|收报|报收|开盘|盘中|早盘|尾盘|成交")


def _previous_session(day: dt.date) -> dt.date:
    """The last weekday before `day` (holidays aside)."""
    day -= dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def session_on_or_before(day: dt.date) -> dt.date:
    """The last weekday on or before `day` (holidays aside): a session's quote a text dates by
    a Saturday or a Sunday is the Friday's, the last session there was."""
    return day if day.weekday() < 5 else _previous_session(day)


def _weekday(found: re.Match[str], published_at: dt.date) -> dt.date:
    """The day 周X (or 上周X) names, counted back from publication: 周三 in a Friday article is
    two days before, 周五 in a Monday article three."""
    wanted = _WEEKDAYS[found["day"]]
    if found["last"]:  # 上周五: the Friday of the week before publication's
        monday = published_at - dt.timedelta(days=published_at.weekday() + 7)
        return monday + dt.timedelta(days=wanted)
    return published_at - dt.timedelta(days=(published_at.weekday() - wanted) % 7)


def _dated_nearby(start: int, dates: Sequence[DateMention]) -> bool:
    return any(0 <= start - d.span[1] <= _DATED_BEFORE for d in dates)


def weekday_mentions(
    text: str, dates: Sequence[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """A day mention at each weekday a text names without a date; undated when the text has
    no publication date (周一收盘又上涨0.19%: a day, which a week named before it is not)."""
    if "周" not in text and "星期" not in text and "礼拜" not in text:
        return []
    out: list[DateMention] = []
    for found in _WEEKDAY.finditer(text):
        if _dated_nearby(found.start(), dates):
            continue
        stop = _SENTENCE.search(text, found.end())
        if not _TRADING.search(text, found.end(), stop.start() if stop else len(text)):
            continue  # 公司周一收到股东的通知: a notice's day, not a session's
        if published_at is None:
            day = _weekday(found, dt.date.today())
            out.append(DateMention(day, day, "day", found.span(), found.group(), dated=False))
            continue
        day = _weekday(found, published_at)
        out.append(DateMention(day, day, "day", found.span(), found.group()))
    return out


def us_session_mentions(
    text: str, dates: Sequence[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """A day mention where a sentence reports a US close without a date (美股尾盘拉升，三大
    指数集体收涨): the session before publication. A sentence that names a date or a weekday
    keeps it."""
    if published_at is None or _US_MARKET.search(text) is None:
        return []
    out: list[DateMention] = []
    start = 0
    for stop in [m.end() for m in _SENTENCE.finditer(text)] + [len(text)]:
        market = _US_MARKET.search(text, start, stop)
        if (
            market is not None
            and _CLOSE.search(text, market.end(), stop)
            and not any(start <= d.span[0] < stop for d in dates)
            and _WEEKDAY.search(text, start, stop) is None
        ):
            day = _previous_session(published_at)
            out.append(DateMention(day, day, "day", market.span(), market.group()))
        start = stop
    return out


# 上一个交易日，X已下跌5%: the session before the one the text is about, opening a clause;
# not a base (较前一交易日下跌), nor one whose date is written after it (上一交易日2025年05月14日).
_PREVIOUS = re.compile(
    r"(?=[在而上前])"  # the first character read: a position holding none fails at once
    r"(?:^|(?<=[。！？!?\n，,；;：:\s]))(?:在|而)?(?P<word>上一个?交易日|前一个?交易日|上个交易日)"
    r"(?!\s*[（(]?\s*\d)"
)
PREVIOUS_SESSION = frozenset(
    {"上一个交易日", "上一交易日", "前一个交易日", "前一交易日", "上个交易日"}
)
# A day named before that a session's figures may be counted from: the week before writing.
RECENT_DAYS = 7


def previous_session_mentions(
    text: str, dates: Sequence[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """A day mention at each 上一个交易日 that opens a clause: the weekday before the last day
    named before it (9月8日，…大跌。上一个交易日，…已下跌5%: the 7th), or before publication;
    a day named before that is not of the week before publication is a story's background."""
    if published_at is None or "交易日" not in text:
        return []
    out: list[DateMention] = []
    for found in _PREVIOUS.finditer(text):
        days = [d for d in dates if d.span[1] <= found.start() and d.granularity == "day"]
        recent = bool(days) and 0 <= (published_at - days[-1].start).days <= RECENT_DAYS
        day = _previous_session(days[-1].start if recent else published_at)
        out.append(DateMention(day, day, "day", found.span("word"), found["word"]))
    return out


def session_mentions(
    text: str, dates: Sequence[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """The days of the sessions a text names by weekday, as a US close or as the session
    before."""
    return (
        weekday_mentions(text, dates, published_at)
        + us_session_mentions(text, dates, published_at)
        + previous_session_mentions(text, dates, published_at)
    )
