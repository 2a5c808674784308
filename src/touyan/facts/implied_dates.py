"""The dates a text implies for figures it does not date beside them.

A statistical release writes months without their year (12月份, 1—9月份, 前四个月, 三季报,
25Q1), which publication gives; a card says once the day all its data are as of (数据截至…);
a title names the year, month, day or period a review is of (本月, 本季, 当日 in its text are
those); and on any day one quarterly report is the latest a company or a fund has filed.
`dating` reads the date a sentence gives a figure; the reader reads these once per text, and
falls back on them where a sentence gives none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Sequence

from touyan.facts.dating import BASE_AFTER, BASE_BEFORE
from touyan.facts.figure_dates import figure_dates, starts_span
from touyan.text.dates import DELIVERY, DateMention, cn_int, parse_dates, part_of_month

# Statistical releases name months without their year (12月份, 1—9月份, 4月单月, 前四个月):
# the year is the one said with it (今年, 去年), else the last one named before, else the
# publication's, or the year before for a later month.
_BARE_MONTHS = re.compile(
    # (?=…): the first character any alternative below reads (lookbehinds read none), so a
    # position holding none is passed over without trying each alternative's lookbehinds
    r"(?=[\d第一二三四上下半前中年Q])(?:"
    r"(?<![\d.\-/近前])(?<!\d年)(?<!\d\s年)(?:(?P<first>\d{1,2})\s*(?:—|-|–|至|到|~|～)\s*)?(?P<month>\d{1,2})\s*月"
    r"(?:份)?(?!\s*\d)(?![日号个])"
    # (去年四季度: a quarter of a year named by a relative word, which the years' reading
    # leaves to this one)
    r"|(?P<span>(?:(?<=[去今明]年)|(?<![\d年前近]))第?(?P<q>[一二三四1-4])季度"
    r"|(?<![\d年])(?:上半年|下半年)|前三季度)"
    r"|(?<![上下])(?P<h1>半年度)(?!报)"  # 2024年半年度; 前四季度 is the trailing year
    # (not 提前6个月: a lead time, no months of a year)
    r"|(?<!提)前(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})个月"
    # 2025年一季报, and 2023一季报 with the year run in without 年
    r"|(?:(?<!\d)|(?<=(?<!\d)(?:19|20)\d\d))(?P<report>一季报|半年度报告|半年报|中报|三季报|年度报告|年报)"
    r"|(?<![\dA-Za-z])(?:(?P<yy>\d{2})\s*Q(?P<yq>[1-4])|(?P<qy>[1-4])Q(?P<yy2>\d{2}))(?![\dA-Za-z])"
    # 其中，Q4公司实现收入…: a quarter written without its year, as 四季度 is
    r"|(?<![\dA-Za-z])Q(?P<bq>[1-4])(?![\dA-Za-z])(?!\s*(?:FY|fy|'|(?:19|20)?\d{2})))"
)

_HINT_WORDS = r"月|季度|半年|季报|年报|中报|年度报告"
_MONTH_HINT = re.compile(rf"{_HINT_WORDS}|\dQ|Q\d")
# In a text without a Q the hints are the words alone, each opening with a literal: the engine
# skips to their first characters natively rather than trying each position (a digit, for \dQ).
_WORD_HINT = re.compile(_HINT_WORDS)
# What a periodic report covers (2024年三季报: January to September 2024).
_REPORT_MONTHS = {
    "一季报": (1, 3),
    "半年度报告": (1, 6),
    "半年报": (1, 6),
    "中报": (1, 6),
    "三季报": (1, 9),
    "年度报告": (1, 12),
    "年报": (1, 12),
}
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年\s*$")
_YEAR_RUN_IN = re.compile(r"((?:19|20)\d{2})$")  # 2023一季报: a report's year written without 年
_YEAR_REACH = 80  # characters: a year named further back does not date a bare month
_RELATIVE_YEARS = {"去年": -1, "今年": 0, "明年": 1}
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_SPAN_MONTHS = {"前三季度": (1, 9), "上半年": (1, 6), "下半年": (7, 12)}
# Days after a period's end beyond which publication's year is no guess for a period written
# without one: a release reports the last month or quarter soon after it ends.
_STALE_DAYS = 183


def _quarter_of(date: DateMention) -> int | None:
    """Which quarter a date mention spans, if it spans one exactly (2021年四季度)."""
    start, end = date.start, date.end
    if (
        start.day != 1
        or start.month % 3 != 1
        or (end.year, end.month) != (start.year, start.month + 2)
    ):
        return None
    return (start.month + 2) // 3


# What a bare month or part of a year lies within: a period shorter than a year the text
# names with its year (2023年上半年, 2024年第三季度, 2023年5月份), not a year (a 2023 text
# writes 2022年全年 of last year's results and 6月 of its own year).
_HOLDING_KINDS = frozenset({"half", "quarter", "month", "report"})


def _held_within(first: int, last: int, dates: Sequence[DateMention], at: int) -> int | None:
    """The year of the last period shorter than a year named with its year before `at`
    whose months hold months `first` to `last` (上半年 or 6月 after 2023年上半年), however far
    back: a text with no publication date that reviews a period speaks of its parts. None
    when no such period is named."""
    for d in reversed(dates):
        if (
            d.span[1] <= at
            and d.dated
            and d.granularity in _HOLDING_KINDS
            and d.start.year == d.end.year
            and d.start.month <= first
            and last <= d.end.month
        ):
            return d.end.year
    return None


# What marks a month whose year is not written as no figure's own: a level it set (追平11月
# 高点), the month a figure is compared with (低于9月份的19.1%), a point ahead (到4月份时).
_LEVEL_AFTER = re.compile(r"的?(?:高点|低点|高位|低位|新高|新低|峰值)")
_COMPARED_BEFORE = re.compile(r"(?:低于|高于|快于|慢于|不及|逊于)$")
_AHEAD_BEFORE = re.compile(r"(?:到|至)$")
# 美联储正准备3月加息: the month of a plan, which dates no figure said after it.
_PLANNED_BEFORE = re.compile(r"(?:准备|计划|拟|将|预计|预期|有望|可能)(?:在|于)?$")
# 6月加息10个基点的可能性为80%，年底前…: a meeting's month, which the chances' reading
# (`read_facts`) gives the chance of that meeting only, not the chances of other horizons
# (明年3月加息 names its year's word, which that reading does not: kept).
_MEETING_AFTER = re.compile(r"(?:份)?(?:加息|降息)")
_AHEAD_AFTER = re.compile(r"时|为止|底前|前")


def _may_date(text: str, month: DateMention) -> bool:
    """Whether a month written without its year may date a figure (`figure_dates`), and is
    no level's, no comparison's, no plan's, no meeting's and no point ahead (`_LEVEL_AFTER`…)."""
    lo, hi = month.span
    return (
        bool(figure_dates(text, [month]))
        and not _LEVEL_AFTER.match(text, hi)
        and not _COMPARED_BEFORE.search(text, max(0, lo - 2), lo)
        and not _PLANNED_BEFORE.search(text, max(0, lo - 3), lo)
        and not (_MEETING_AFTER.match(text, hi) and month.text[:2] not in _RELATIVE_YEARS)
        and not (_AHEAD_BEFORE.search(text, max(0, lo - 1), lo) and _AHEAD_AFTER.match(text, hi))
    )


def _same_months_later(
    first: int, last: int, dates: Sequence[DateMention], at: int
) -> tuple[int, bool]:
    """The year of months `first` to `last` when the text names them with one year after
    `at`, and whether it is unknown (a placeholder year) when it does not."""
    years = {
        d.end.year
        for d in dates
        if d.span[0] > at
        and d.dated
        and d.granularity == "month"
        and (d.start.month, d.end.month) == (first, last)
    }
    return (years.pop(), False) if len(years) == 1 else (dt.date.today().year, True)


def _month_of(date: DateMention) -> int | None:
    """Which month a date mention of months ends with (2023年5月份, 2021年1-11月)."""
    return date.end.month if date.granularity == "month" else None


def _relative_year_before(dates: Sequence[DateMention], at: int) -> int:
    """Where the last year named by a relative word (今年, 去年, 明年) before `at` starts."""
    return max(
        (d.span[0] for d in dates if d.span[1] <= at and d.text in _RELATIVE_YEARS), default=-1
    )


def _bare_months(text: str) -> list[re.Match[str]]:
    """`_BARE_MONTHS` matches, looked for only around 月, 季度 and 半年: scanning the whole
    text with its lookbehinds costs more than the rest of the date reading."""
    windows: list[list[int]] = []
    for hint in (_MONTH_HINT if "Q" in text else _WORD_HINT).finditer(text):
        lo, hi = max(0, hint.start() - 12), min(len(text), hint.end() + 8)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [m for lo, hi in windows for m in _BARE_MONTHS.finditer(text, lo, hi)]


# Days after a month's end within which its statistics are released (a month's CPI and PPI
# by the 15th of the next, a company's monthly sales within days).
_FRESH_DAYS = 45


def _title_slip(titled: DateMention, published_at: dt.date | None) -> bool:
    """Whether a title's year is a slip the publication contradicts: "2023年3月PPI…" over a
    text published on 11 April 2025 that writes 3月份 with no year is the release of March
    2025, just ended, not of a March two years before. A title's month long before
    publication that the publication's own month of that name does not follow closely (a
    retrospective published in June) keeps the title's year."""
    if published_at is None:
        return False
    month = titled.start.month
    year = published_at.year - (month > published_at.month)
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    return year != titled.start.year and 0 <= (published_at - end).days <= _FRESH_DAYS


def with_bare_months(
    text: str,
    dates: list[DateMention],
    published_at: dt.date | None,
    titled: DateMention | None = None,
) -> list[DateMention]:
    """`dates` with the months the text writes without a year (`_BARE_MONTHS`). `titled` is
    the one month the title names (2023年3月PPI…): the month of that name in a text that writes
    no year near it is the title's, whenever the text was published."""
    if (
        "月" not in text
        and "季" not in text
        and "半年" not in text
        and "报" not in text
        and ("Q" not in text)
    ):
        return dates
    taken = [d.span for d in dates]
    extra: list[DateMention] = []
    for m in _bare_months(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if BASE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # 降幅比1—4月份收窄: the base compared with dates no figure
        if starts_span(text, m.end()):
            continue  # 自今年3月以来: where a span starts, as `figure_dates` drops
        if DELIVERY.match(text, m.end()):
            continue  # 3月交货的轻质原油期货: which contract, not when its price was
        if m["yq"] or m["qy"]:  # 25Q1, 1Q25: a quarter of 2025
            quarter = int(m["yq"] or m["qy"])
            year = 2000 + int(m["yy"] or m["yy2"])
            start = dt.date(year, quarter * 3 - 2, 1)
            end = dt.date(year, quarter * 3, calendar.monthrange(year, quarter * 3)[1])
            extra.append(DateMention(start, end, "month", m.span(), m.group()))
            continue
        if m["report"]:
            first, last = _REPORT_MONTHS[m["report"]]
        elif m["bq"]:
            quarter = int(m["bq"])
            first, last = quarter * 3 - 2, quarter * 3
        elif m["h1"]:
            first, last = 1, 6
        elif m["n"]:  # 前四个月: from January
            n = m["n"]
            first, last = 1, cn_int(n)
        elif m["span"]:
            if m["q"]:
                quarter = _QUARTER_NUMBER[m["q"]]
                first, last = quarter * 3 - 2, quarter * 3
            else:
                first, last = _SPAN_MONTHS[m["span"]]
        else:
            last, first = int(m["month"]), int(m["first"] or m["month"])
        if not 1 <= first <= last <= 12:
            continue
        # 2021年房价飙升，…今年房价…。第三季度CPI…, with no publication date: a year the
        # text calls 今年 or 去年 since, which may be the bare period's, is no one's to tell
        told = -1 if published_at else _relative_year_before(dates, m.start())
        years = [
            d.end.year
            for d in dates
            if told < d.span[1] <= m.start()
            and m.start() - d.span[1] <= _YEAR_REACH
            and d.granularity != "relative"
            and d.dated  # 2月10日公告，1月产量… with no publication date: no year to lend
        ]
        said = text[max(0, m.start() - 2) : m.start()]
        guessed = False  # the year is publication's, the text writes none
        unknown = False  # no year is written, known or guessed: the period is undated
        written = _YEAR_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if m["report"] and not written:
            written = _YEAR_RUN_IN.search(text, max(0, m.start() - 4), m.start())
        if written:  # 2025年一季报: the year written with it, which no date pattern reads
            year = int(written.group(1))
        elif said in _RELATIVE_YEARS and published_at is None and m["q"]:
            # 去年四季度 with no publication date: the year of that quarter named before
            # (2021年四季度报告…去年四季度末), else unknown
            quarter = _QUARTER_NUMBER[m["q"]]
            same = [
                d.end.year for d in dates if d.span[1] <= m.start() and _quarter_of(d) == quarter
            ]
            year, unknown = (same[-1], False) if same else (dt.date.today().year, True)
        elif said in ("去年", "明年") and published_at is None and m["month"]:
            # 去年12月, 明年3月 with no publication date: the month is named, its year is not
            # (kept undated, the relative word with it: not the whole of 去年)
            year, unknown = dt.date.today().year, True
        elif said == "今年" and published_at is None and m["month"]:
            # 2023年5月份简报…今年1-5月, 2023年半年报…今年1-6月 with no publication date: the
            # year of a period named before that ends with the months or holds them (not
            # 2022年11月…今年2月); else no one's to tell
            same = [
                d.end.year
                for d in dates
                if d.span[1] <= m.start() and d.dated and _month_of(d) == last
            ]
            if not same and (held := _held_within(first, last, dates, m.start())) is not None:
                same = [held]
            if not same and titled is not None and titled.start.month == first == last:
                same = [titled.start.year]  # 韩国2022年1月出口额… (title): 今年1月出口额
            year, unknown = (same[-1], False) if same else (dt.date.today().year, True)
        elif said in _RELATIVE_YEARS and published_at is not None:
            year = published_at.year + _RELATIVE_YEARS[said]  # 今年4月, 去年4月, 去年四季度
        elif years:
            year = years[-1]
        elif (
            titled is not None
            and titled.start.month == first == last
            and not _title_slip(titled, published_at)
        ):
            year = titled.start.year
        elif published_at is not None:
            year = published_at.year - (last > published_at.month)
            guessed = True
        elif (held := _held_within(first, last, dates, m.start())) is not None:
            year = held  # 2023年上半年，…。6月，…: June of the half year the text reviews
        elif m["q"] or m["bq"] or m["span"]:
            # 第四季度 in a text that names no year near it and has no publication date: the
            # period is named, its year is not (kept undated, `DateMention.dated`)
            year, unknown = dt.date.today().year, True
        elif m["month"]:
            # 12月交付5030台 in a text with no year near it and no publication date: the
            # month is named, its year is not (undated; an earlier clause's month is not it),
            # unless the text names the same months with their year later (a headline's 12月
            # over 公布2021年12月份产销快报)
            year, unknown = _same_months_later(first, last, dates, m.start())
        else:
            continue
        start = dt.date(year, first, 1)
        end = dt.date(year, last, calendar.monthrange(year, last)[1])
        relative = said in _RELATIVE_YEARS and (m["q"] is not None or unknown)
        said, words_end = (text[m.start() - 2 : m.end()] if relative else m.group()), m.end()
        if part := part_of_month(text, m.end(), start, end):  # 1月中旬: its ten days
            start, end, words_end = part
            said = text[m.start() : words_end]
        if BASE_AFTER.match(text, words_end):
            continue  # 与1月上旬相比: the base compared with dates no figure
        kind = "report" if m["report"] else "month"  # a report's period dates no day's quote
        # 一季度 in a January text that writes no year: last year's first quarter is long
        # reported (a company reports a quarter within weeks), so the text is an old one
        # reposted, or a retrospective; its year is unknown.
        # (2024年各季度…第三季度, beyond the year's reach, keeps the year the text named.)
        named = [
            d.end.year for d in dates if d.span[1] <= m.start() and d.granularity != "relative"
        ]
        stale = bool(published_at and (published_at - end).days > _STALE_DAYS)
        # Months keep the guess (8月份 in May is last August's, as releases write them).
        dated = not unknown and not (
            guessed and stale and (m["q"] or m["bq"]) and named[-1:] != [year]
        )
        span = (m.start() - 2 if relative else m.start(), m.end())
        mention = DateMention(start, end, kind, span, said, dated)
        if unknown and m["month"] and not _may_date(text, mention):
            continue  # 去年2月以来最大: where a span reaches back to, no figure's month
        extra.append(mention)
    return sorted([*dates, *extra], key=lambda d: d.span[0]) if extra else dates


_DATA_AS_OF = re.compile(
    r"(?:以上|上述|本文|文中|表中)[^。\n]{0,30}?(?:数据|指标)[^。\n]{0,20}?(?:截止|截至)(?:到|至)?\s*"
)


# A daily card's dateline, its first words (截至2024年3月8日收盘，某某股份报收于…): the close
# the card's figures are of, those it says are current (当前最新总市值) and the windows it
# counts back (过去90天内机构目标均价) too.
_CLOSE_DATELINE = re.compile(r"\s*(?:截至|截止)(?:到|至)?\s*")
_CLOSE_AFTER = re.compile(r"\s*收盘\s*[，,]")


def data_as_of(text: str, dates: Sequence[DateMention]) -> dt.date | None:
    """The day a text says all its figures are as of (以上…数据…统计时间截止到2025年05月14日,
    or a card's opening 截至…收盘，)."""
    found = _DATA_AS_OF.search(text) or _CLOSE_DATELINE.match(text)
    if found is None:
        return None
    day = next((d for d in dates if d.span[0] == found.end() and d.granularity == "day"), None)
    if day is None or (found.re is _CLOSE_DATELINE and not _CLOSE_AFTER.match(text, day.span[1])):
        return None
    return day.start


@functools.lru_cache(maxsize=16)
def _title_dates(title: str, published_at: dt.date | None) -> tuple[DateMention, ...]:
    """A title's dates, read once for the title's year and month."""
    return tuple(parse_dates(title, today=published_at))


def title_year(title: str, published_at: dt.date | None) -> DateMention | None:
    """The one year a title names, when it was over before publication: a yearly review's
    undated figures are that year's, not the publication day's."""
    if published_at is None or "年" not in title:
        return None
    dates = _title_dates(title, published_at)
    if len(dates) != 1 or dates[0].granularity != "year" or dates[0].end >= published_at:
        return None
    return dates[0]


def named_title_year(title: str, published_at: dt.date | None) -> DateMention | None:
    """The one date a title names, when it is a year (2021年居民收入增长…), over or not."""
    if "年" not in title:
        return None
    dates = _title_dates(title, published_at)
    return dates[0] if len(dates) == 1 and dates[0].granularity == "year" else None


def title_day(title: str, published_at: dt.date | None) -> DateMention | None:
    """The one day a title names, on or before publication (X在5月14日的融资和经营状况): the
    day a text's 当日 means when the text names no day before it."""
    if published_at is None or "日" not in title:
        return None
    dates = _title_dates(title, published_at)
    if len(dates) != 1 or dates[0].granularity != "day" or dates[0].start > published_at:
        return None
    return dates[0]


_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")


def title_month(title: str, published_at: dt.date | None) -> DateMention | None:
    """The one month a title names with its year (2023年3月PPI的环比和同比…), if it names
    exactly one date."""
    if "月" not in title or not _YEAR_MONTH.search(title):
        return None
    dates = _title_dates(title, published_at)
    if len(dates) != 1 or dates[0].granularity != "month":
        return None
    return dates[0]


def reviewed_month(titled: DateMention | None, published_at: dt.date | None) -> DateMention | None:
    """The month a text reviews when its title names it and it had just ended at publication
    (X在2025年4月的销售表现, published on 13 May): the month the text calls 本月 (本月市值为…),
    written of the month reviewed, not of the month it was published in."""
    if titled is None or published_at is None or titled.end >= published_at:
        return None
    return titled if (published_at - titled.end).days <= _FRESH_DAYS else None


# Days after a quarter's end within which a review of its report is still the latest one (a
# half-year report may come two months after the half's end).
_QUARTER_REVIEWED_DAYS = 92


def reviewed_quarter(title: str, published_at: dt.date | None) -> DateMention | None:
    """The quarter a report review's title names (X25Q1财报点评, 2025年一季度业绩点评) when it
    had ended at publication and its report is the latest: the quarter its text calls 本季
    (本季公司整体RevPAR同比-5.3%), not the one it was published in."""
    if published_at is None or ("季" not in title and "Q" not in title):
        return None
    found = with_bare_months(title, list(_title_dates(title, published_at)), published_at)
    quarters = {
        (d.start, d.end)
        for d in found
        if d.start.day == 1 and d.start.month % 3 == 1 and d.end.month == d.start.month + 2
    }
    if len(quarters) != 1:
        return None
    start, end = quarters.pop()
    if not 0 < (published_at - end).days <= _QUARTER_REVIEWED_DAYS:
        return None
    return DateMention(start, end, "quarter", (0, 0), "本季")


# A day on which a company put out its results (4月22日，X发布的报告显示, 4月22日X公布财报):
# the release's day, not the day the figures it reports hold for.
RELEASED_AFTER = re.compile(
    r"\s*[，,]?[^。！？!?\n]{0,24}?(?:发布|公布|披露)了?的?[^。！？!?，,；;\n]{0,12}?"
    r"(?:财报|报告|业绩|季报|年报|财务数据)"
)
# Days after a period's end within which its results come out (an annual report by April).
_RESULTS_OUT_DAYS = 122


def titled_period(title: str, published_at: dt.date | None) -> DateMention | None:
    """The one quarter, half or year a title names (远帆汽车2025年一季度净利润同比下降38%) when
    it had ended, recently, at publication: the period whose results the text reports, which
    dates the figures of a text that names only the day they were released."""
    if published_at is None or "年" not in title:
        return None
    periods = [
        d for d in _title_dates(title, published_at) if d.granularity in ("quarter", "half", "year")
    ]
    if len(periods) != 1:
        return None
    period = periods[0]
    return period if 0 < (published_at - period.end).days <= _RESULTS_OUT_DAYS else None


# Days after a quarter's end by which every fund has published its quarterly report (15
# working days, the rule; a margin for holidays).
_FUND_REPORTS_BY = 25
# The months in which a mainland company's latest quarterly report is certain: all first-
# quarter reports are out by 30 April and no half-year report comes before July; all half-year
# reports by 31 August and no third-quarter one before October; all third-quarter reports by
# 31 October and no annual one before January. (January to April, annual and first-quarter
# reports come out side by side.)
_COMPANY_LATEST = {5: 3, 6: 3, 9: 6, 11: 9, 12: 9}


def latest_quarter_end(day: dt.date, fund: bool = False) -> dt.date | None:
    """The last day of the quarter whose report is the latest published by `day` (最近季报),
    when that is certain, else None."""
    if fund:
        month = (day.month - 1) // 3 * 3  # the last quarter that ended before `day`'s
        year = day.year if month else day.year - 1
        month = month or 12
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return end if (day - end).days >= _FUND_REPORTS_BY else None
    last = _COMPANY_LATEST.get(day.month)
    if last is None:
        return None
    return dt.date(day.year, last, calendar.monthrange(day.year, last)[1])
