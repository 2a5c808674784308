"""The period a periodic report covers, for the figures a text dates only by 报告期.

A results card or a report's own text ("跃岭股份2025年一季报…", "2025年第一季度报告") states
its figures as 本报告期, 报告期内 or 截至本报告期末 and names the report once, in the title or
a sentence before. Those figures hold for the report's period (2025-03-31 for a first-quarter
report), not for the day the text was published nor for a year named in a background
sentence before them ("2025年旅游经济预期更加乐观。报告期内，公司实现营业收入…").

Beside it, the other periods a text writes in its own way: two-digit years (24年营收), crop
years (2025/26年度), the whole year (全年), the latest session, a company's fiscal periods, and
ranges of years (2025-2027年, a broker's 25-27年).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from touyan.text.dates import DateMention

_REPORT = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年?\s*(?:"
    r"(?:第?(?P<q>[一二三四1-4])季度|(?P<q2>[一三])季)(?:报告|报|财报)"
    r"|(?P<half>半年度报告|半年度报|半年报|中期报告|中报|半年度业绩快报)"
    r"|(?P<annual>年度报告|年报|年度财报|年度业绩快报|业绩快报))"
)
# 某某业绩快报：2021年净利同比增长21%: a title naming a results flash and the year whose
# results it gives (a flash is put out once its period is over, so no publication date is
# needed to tell the year ended).
_FLASH = "业绩快报"
_FLASH_YEAR = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年(?:年?度|全年)?(?:公司)?"
    r"(?:归母|净利|营收|营业|业绩|收入|利润|扣非)"
)
# A title naming a period's results rather than its report (西藏药业2025年一季度业绩表现如何,
# 2024年度业绩, 2024年上半年经营情况): the period 报告期内 in its text is.
_TITLE_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年\s*(?:"
    r"第?(?P<q>[一二三四1-4])季度|(?P<half>上半年|半年度|中期)|(?P<three>前三季度)|(?P<annual>年度|全年)?"
    r")\s*(?:的)?(?:业绩|财报|财务|经营|报告)"
)
# The words a report's text uses for its own period; 去年同报告期, 上报告期 and 报告期后 are
# other times.
_OWN_PERIOD = re.compile(r"(?<![同上])(?:本|当)?报告期(?:内|末|间)?(?!后)")
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _covered(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(found["year"])
    if found["annual"]:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if found["half"]:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    quarter = _QUARTER[found["q"] or found["q2"]]
    last = quarter * 3
    # A quarterly report's figures run from January (一季报 1-3月, 三季报 1-9月).
    return dt.date(year, 1, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _title_period(title: str, published_at: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The period whose results a title names (2025年一季度业绩), when it was over by
    publication: a report's period, as a report's name in the title would be."""
    found = _TITLE_PERIOD.search(title)
    if found is None or published_at is None:
        return None
    year = int(found["year"])
    if found["q"]:
        last = _QUARTER[found["q"]] * 3
    elif found["half"]:
        last = 6
    elif found["three"]:
        last = 9
    else:
        last = 12
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return (dt.date(year, 1, 1), end) if end < published_at else None


def _flash_period(title: str) -> tuple[dt.date, dt.date] | None:
    """The year whose results a title names with its flash (某某业绩快报：2021年净利…)."""
    flash = _FLASH_YEAR.search(title) if _FLASH in title else None
    if flash is None:
        return None
    year = int(flash["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def report_period_mentions(
    text: str, title: str, published_at: dt.date | None = None
) -> list[DateMention]:
    """A date mention at each 报告期 word of `text`, for the report the text names, and one
    where the text starts for the report its title names.

    The report is the last one the text names before the word, else the one its title
    names; a text that names none gets none, and its 报告期 figures keep their other date.
    A card titled by one report (跃岭股份2025年一季报的主要财务表现如何) states that report's
    figures even where it writes no date: the title's mention dates them as a date written
    in an earlier sentence would (a day's quote or a 截至发稿 figure keeps its own day).
    """
    heading = _REPORT.search(title)
    reported = _covered(heading) if heading is not None else _flash_period(title)
    if reported is not None:
        # 跃岭股份2025年一季报的主要财务表现: a card about one report states its figures.
        said = heading.group() if heading is not None else f"{reported[1].year}年"
        titled = [DateMention(reported[0], reported[1], "month", (0, 0), said)]
    else:
        titled = []
    if "报告期" not in text:
        return titled
    named = [(m.start(), _covered(m)) for m in _REPORT.finditer(text)]
    out: list[DateMention] = []
    for own in _OWN_PERIOD.finditer(text):
        before = [period for at, period in named if at < own.start()]
        if before:
            period = before[-1]
        elif reported is not None:
            period = reported
        else:  # 2025年一季度业绩表现如何: the period the title names results of
            period = _title_period(title, published_at)
        if period is None:
            continue
        # "month" as bare months are: a period, which dates no day's quote.
        out.append(DateMention(period[0], period[1], "month", own.span(), own.group()))
    return titled + out


# 24年营收, 19年服装类收入, 假设26年年报…: a year written with two digits. Not a span of years
# (过去10年, 上市22年以来, 20年来, 10年间, 10年期国债, 80年代, 5年内) nor part of a longer date.
_SHORT_YEAR = re.compile(
    # the words that may not come before the year are looked behind from its first digit: a
    # pattern that opens with a class is scanned for it in native code
    r"(?P<yy>[0-4](?<![\d.．/\-年月日近过去前约超逾多这第共满达余][0-4])(?<!上市[0-4])"
    r"(?<!成立[0-4])\d)\s*年(?:\s*(?:[Qq](?P<q>[1-4])|第?(?P<cq>[一二三四1-4])季度(?!报)))?"
    r"(?![\d期度内来间代初中半前后多余左以至])"
)
_SHORT_YEAR_BACK = 12  # years before publication a two-digit year may name
_SHORT_YEAR_AHEAD = 5  # years after it (forecasts: 26年每股分60元)


def short_year_mentions(
    text: str, dates: list[DateMention], published_at: dt.date | None
) -> list[DateMention]:
    """Years written with two digits (24年年报 → 2024), near the publication's year."""
    if published_at is None or "年" not in text:
        return []
    taken = [d.span for d in dates]
    out: list[DateMention] = []
    for found in _SHORT_YEAR.finditer(text):
        if any(s < found.end() and found.start() < e for s, e in taken):
            continue
        year = 2000 + int(found["yy"])
        if not -_SHORT_YEAR_BACK <= year - published_at.year <= _SHORT_YEAR_AHEAD:
            continue
        if quarter := found["q"] or found["cq"]:  # 25年Q1, 24年三季度
            last = _QUARTER[quarter] * 3
            end = dt.date(year, last, calendar.monthrange(year, last)[1])
            start = dt.date(year, last - 2, 1)
            out.append(DateMention(start, end, "quarter", found.span(), found.group()))
            continue
        out.append(
            DateMention(
                dt.date(year, 1, 1), dt.date(year, 12, 31), "year", found.span(), found.group()
            )
        )
    return out


# "### 最近一个交易日的行情表现收盘价为12.57元": a data card written on a day about the last
# session before it (the cards that name the day write 2025年03月20日当天 on the 21st).
_LATEST_SESSION = re.compile(r"最近一个交易日|最近交易日|最新交易日")


def latest_session_mentions(text: str, published_at: dt.date | None) -> list[DateMention]:
    """A day mention at each 最近一个交易日: the last weekday before publication."""
    if published_at is None or "交易日" not in text:
        return []
    day = published_at - dt.timedelta(days=1)
    while day.weekday() >= 5:  # Saturday, Sunday: the Friday before
        day -= dt.timedelta(days=1)
    return [
        DateMention(day, day, "day", found.span(), found.group())
        for found in _LATEST_SESSION.finditer(text)
    ]


# 2025/26年度: a crop or marketing year, named (as its harvest is) by the year it starts in.
_CROP_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*/\s*(?P<next>\d{2})\s*年度?")


def crop_year_mentions(text: str) -> list[DateMention]:
    """A year mention at each 2025/26年度: the year the season starts in."""
    if "/" not in text:
        return []
    out: list[DateMention] = []
    for found in _CROP_YEAR.finditer(text):
        year = int(found["year"])
        if int(found["next"]) != (year + 1) % 100:
            continue
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        out.append(DateMention(start, end, "year", found.span(), found.group()))
    return out


# "2024年第四季度，端游收入71亿元…全年研发投入175亿元": 全年 after a quarter or month names the
# whole year that part belongs to, not the part.
_FULL_YEAR = re.compile(r"(?<!年)全年(?!度?目标|度?指引|以来)")  # not 2024年全年, 去年全年
_PARTS = ("quarter", "month", "report")
# 预计全年营收增长10%: a forecast for the year, which its end dates.
_AHEAD = re.compile(r"预计|预期|有望|计划|将|力争|展望|指引|目标")
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")


def _full_year_of(
    before: list[DateMention], titled: DateMention | None, published_at: dt.date | None
) -> int | None:
    """The year a 全年 after the dates `before` it names: that of the quarter, month or
    report named last, else the title's (over at publication); -1 when the last is a month
    whose year the text does not write (12月…全年) and no year is named before it or in
    the title; None when 全年 names no year of its own (2024年年报…全年, or nothing before)."""
    title_year = (
        titled.end.year
        if titled is not None and (published_at is None or titled.end <= published_at)
        else None
    )
    if before and not max(before, key=lambda d: d.span).dated:
        # an undated month lends 全年 no year; one named before it (2021年度…12月份…全年)
        # or in the title may
        known = [d for d in before if d.dated]
        if known:
            return max(known, key=lambda d: d.span).end.year
        undated = max(before, key=lambda d: d.span).granularity in _PARTS
        return title_year if title_year is not None else (-1 if undated else None)
    if not before:
        return title_year
    part = max(before, key=lambda d: d.span)  # the last named (a title's report is at 0)
    if part.granularity not in _PARTS:
        return None
    if part.start.month == 1 and part.end.month == 12:
        return None  # 2024年年报，公司全年实现营收: the report already names the whole year
    return part.end.year


def full_year_mentions(
    text: str,
    dates: list[DateMention],
    published_at: dt.date | None = None,
    titled: DateMention | None = None,
) -> list[DateMention]:
    """A year mention at each 全年 that follows a quarter, a month or a report of that year.

    A year not over at publication has no reported total: "一季度营收…；全年酱油收入7.3亿元"
    written in April states last year's total (an annual report out with the first quarter's)
    or a text's mistake, so its 全年 names the period but no date, unless it is a forecast.
    A 全年 the text names no date before is the year its title names, `titled`, if any and
    over at publication (2021年居民收入稳步增长 over 全年全国居民人均可支配收入…).
    """
    if "全年" not in text:
        return []
    out: list[DateMention] = []
    for found in _FULL_YEAR.finditer(text):
        before = [d for d in dates if d.span[1] <= found.start() and d.granularity != "relative"]
        said = found.group()
        year = _full_year_of(before, titled, published_at)
        if year is None:
            continue
        if year < 0:
            # 12月交付…，全年累计交付… with no year written anywhere: the month's year is
            # unknown, so 全年 names the period and dates nothing
            part = max(before, key=lambda d: d.span)
            out.append(DateMention(part.start, part.end, "year", found.span(), said, False))
            continue
        if titled is not None and not any(d.dated for d in before):
            said = titled.text  # the title's year, as written there
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        stop = _CLAUSE_END.search(text, found.end())
        opened = list(_CLAUSE_END.finditer(text, max(0, found.start() - 6), found.start()))
        lead = opened[-1].end() if opened else max(0, found.start() - 6)  # not the last sentence's
        clause = text[lead : stop.start() if stop else len(text)]
        dated = published_at is None or end <= published_at or _AHEAD.search(clause) is not None
        out.append(DateMention(start, end, "year", found.span(), said, dated))
    return out


# 2025财年第三季度, 2025财年, 第三财季, FY25 Q3, Q3 FY2025: a company's fiscal period.
_FISCAL_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*财年(?:\s*(?:的)?第?(?P<q>[一二三四1-4])(?:财季|财政季度|季度|季))?"
    r"|(?<![\d年])第?(?P<bq>[一二三四1-4])财季"
    r"|(?<![A-Za-z])FY\s*(?P<fy>(?:19|20)?\d{2})(?:\s*Q(?P<fq>[1-4]))?(?![\dA-Za-z])"
    r"|(?<![A-Za-z\d])Q(?P<qf>[1-4])\s*FY\s*(?P<fy2>(?:19|20)?\d{2})(?![\dA-Za-z])"
)
_FISCAL_REPORTED = 92  # days: a bare 第三财季 is the one just reported, within a quarter


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _fiscal_quarter(fiscal_year: int, quarter: int, year_end: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a fiscal quarter, for a year ending on `year_end`'s last day
    of the calendar year `fiscal_year` (甲骨文's 2025财年 ends in May 2025)."""
    last = year_end - 3 * (4 - quarter)  # months before the year's end
    year = fiscal_year + (last - 1) // 12
    last = (last - 1) % 12 + 1
    first = last - 2
    first_year = year + (first - 1) // 12
    first = (first - 1) % 12 + 1
    return dt.date(first_year, first, 1), _month_end(year, last)


def fiscal_mentions(
    text: str,
    dates: list[DateMention],
    year_end_at: Callable[[int], int | None],
    published_at: dt.date | None,
) -> list[DateMention]:
    """`dates` with a company's fiscal periods read on its own calendar: "2025财年第三季度"
    of 甲骨文 is December 2024 to February 2025, not July to September 2025. `year_end_at`
    gives the month the fiscal year of the company a period at that offset is about ends in
    (None: the calendar's, or not known). The date mentions a fiscal period overlaps (2025财年
    read as a calendar year, 三季度 as a calendar quarter) are replaced. A bare 第三财季 is the
    last one that ended before publication, when it ended within a quarter of it; a period not
    over at publication names no date."""
    if "财年" not in text and "财季" not in text and "FY" not in text:
        return dates
    found: list[DateMention] = []
    for m in _FISCAL_PERIOD.finditer(text):
        year_end = year_end_at(m.start())
        if year_end is None:
            continue
        quarter = m["q"] or m["bq"] or m["fq"] or m["qf"]
        written = m["year"] or m["fy"] or m["fy2"]
        number = _QUARTER[quarter] if quarter else None
        if written:
            fiscal_year = int(written) + (2000 if len(written) == 2 else 0)
            if number is None:
                start = _fiscal_quarter(fiscal_year, 1, year_end)[0]
                end = _month_end(fiscal_year, year_end)
            else:
                start, end = _fiscal_quarter(fiscal_year, number, year_end)
            dated = published_at is None or end <= published_at
        elif number is not None and published_at is not None:
            # the latest quarter of that number ended by publication
            fiscal_year = published_at.year + 1
            start, end = _fiscal_quarter(fiscal_year, number, year_end)
            while end > published_at:
                fiscal_year -= 1
                start, end = _fiscal_quarter(fiscal_year, number, year_end)
            dated = (published_at - end).days <= _FISCAL_REPORTED
        else:
            continue
        kind = "year" if number is None else "quarter"
        found.append(DateMention(start, end, kind, m.span(), m.group(), dated))
    if not found:
        return dates
    spans = [d.span for d in found]
    kept = [d for d in dates if not any(s < d.span[1] and d.span[0] < e for s, e in spans)]
    kept = [_fiscal_again(d, found, year_end_at) for d in kept]
    return sorted([*kept, *found], key=lambda d: d.span[0])


# 第三季度, 三季度, Q3: a quarter written with no year.
_BARE_QUARTER = re.compile(r"第?(?P<q>[一二三四1-4])(?:季度|财季)|[Qq](?P<q2>[1-4])")


def _fiscal_again(
    date: DateMention, fiscal: list[DateMention], year_end_at: Callable[[int], int | None]
) -> DateMention:
    """甲骨文2025财年第三季度营收…。云服务收入第三季度达62亿美元: a quarter written with no
    year after a fiscal quarter of that number of the same company is that fiscal quarter
    again, not the calendar's."""
    bare = _BARE_QUARTER.fullmatch(date.text)
    if bare is None or year_end_at(date.span[0]) is None:
        return date
    number = _QUARTER[bare["q"] or bare["q2"]]
    before = [d for d in fiscal if d.span[1] <= date.span[0] and d.granularity == "quarter"]
    if not before:
        return date
    named = _BARE_QUARTER.search(before[-1].text)
    if named is None or _QUARTER[named["q"] or named["q2"]] != number:
        return date
    return replace(date, start=before[-1].start, end=before[-1].end, dated=before[-1].dated)


# 2025-2027年, and as brokers write it in short, 25-27年 or 2025-27年 (see `year_range`).
_YEAR_RANGE = re.compile(
    r"(?<![\d.])(?P<first>(?:19|20)?\d{2})\s*(?:年\s*)?[-—–~至到]\s*"
    r"(?P<last>(?:19|20)?\d{2})\s*年度?"
)


def year_range(found: re.Match[str], published_at: dt.date | None) -> tuple[int, int] | None:
    """The first and last years a `_YEAR_RANGE` match names. Two-digit years (25-27年) are a
    broker's forecast row, read only near publication: the years from a little before it
    to a few after, so that 10-15年 (a span of years) is none. A four-digit first year with a
    short last (2021-23年) names its years alone."""
    first, last = found["first"], found["last"]
    if len(first) == 4 and len(last) == 4:
        return int(first), int(last)
    start = int(first) if len(first) == 4 else 2000 + int(first)
    end = start // 100 * 100 + int(last[-2:])
    if len(first) == 4 and 1 <= end - start <= _SHORT_SPAN:
        return start, end  # 2021-23年: the first year says the century, the span is short
    if published_at is None:
        return None
    if not 1 <= end - start <= _SHORT_SPAN or not (
        published_at.year - 2 <= start and end <= published_at.year + _SHORT_SPAN
    ):
        return None
    return start, end


_SHORT_SPAN = 5  # years a short-written forecast row runs, and runs ahead of publication
# A range's end and its start, looked for from the end: `_YEAR_RANGE` tried at every digit
# of a text costs more than all else it reads the years with.
_RANGE_TAIL = re.compile(r"[-—–~至到]\s*\d{2}(?:\d{2})?\s*年")
_RANGE_HEAD = re.compile(r"(?<![\d.])(?:19|20)?\d{2}\s*(?:年\s*)?$")


def year_ranges(text: str) -> list[re.Match[str]]:
    """The `_YEAR_RANGE` matches in `text` (2025-2027年, 25-27年)."""
    out = []
    for tail in _RANGE_TAIL.finditer(text):
        head = _RANGE_HEAD.search(text, max(0, tail.start() - 8), tail.start())
        if head and (found := _YEAR_RANGE.match(text, head.start())) and found.end() >= tail.end():
            out.append(found)
    return out
