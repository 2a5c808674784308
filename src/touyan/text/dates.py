"""Dates and periods as financial text writes them, as day ranges with their char spans.

A period is a range (2014年12月 → 2014-12-01..2014-12-31), so a claim about "2014年12月" is
supported by a source dated 2014年12月29日 and a claim about a day by a source naming it.
Fiscal years are read as calendar years (FY2023 → 2023): issuers' fiscal calendars differ
and the text rarely says which, so the verifier compares the years as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from dataclasses import dataclass

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class DateMention:
    start: dt.date
    end: dt.date
    granularity: str  # day | month | quarter | half | year | relative
    span: tuple[int, int]
    text: str
    # False when the text names the period but not which one (一季度 in a text that writes no
    # year, published long after any recent first quarter): the period is known, its date not.
    dated: bool = True


# Every date starts with a digit, a Q/FY/month-name letter, a relative word or a Chinese
# numeral (两个交易日最大回撤); the leading look-ahead lets the engine skip all other
# positions at once (8x faster on Chinese text). The second look-ahead turns away most of the
# positions left, the digits inside figures (each tried against every alternative below): a
# digit starts a date only as a year's (19…, 20…), as a month, a day before an English
# month or a day alone (3月, 12 月, 5 May, 8日: not right after a digit or 年), or as a count
# of sessions (5个交易日, 两个交易日), and a numeral only as the last.
_PATTERN = re.compile(
    r"(?=[\dQqFfJjMmAaSsOoNnDd近过最去今前明本上一两二三四五六七八九十])"
    r"(?=[^\d一两二三四五六七八九十]|19|20|(?<![\d年])\d\d?\s*[月a-z日]|\d+个|[一二两三四五六七八九十]+个"
    r"|[一二][零〇一二三四五六七八九]{3}年)"
    r"(?:"
    # 二零二一年十二月三十一日, 二零二一年一月至十二月: a filing's date in Chinese numerals
    r"(?P<cn>(?P<cy>[一二][零〇一二三四五六七八九]{3})年(?P<cm>十[一二]?|[一二三四五六七八九])月"
    r"(?:(?:至|到|-|—|–)(?P<cm2>十[一二]?|[一二三四五六七八九])月|(?P<cd>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?)"
    r"|(?P<ymd>(?P<y1>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?![\d.])))"
    r"|(?P<mrange>(?P<y0>(?:19|20)\d{2})\s*年\s*(?P<m0a>\d{1,2})\s*月?\s*(?:份\s*)?(?:至|到|-|—|–|~|～)\s*"
    r"(?:(?P=y0)\s*年\s*)?(?P<m0b>\d{1,2})\s*月(?:份)?(?!\s*\d{1,2}\s*[日号]))"
    r"|(?P<ym>(?P<y3>(?:19|20)\d{2})\s*年\s*(?P<m3>\d{1,2})\s*月(?:份)?)"
    r"|(?P<yq>(?P<y4>(?:19|20)\d{2})\s*年?\s*(?:第?(?P<q4>[一二三四1-4])季度|[Qq](?P<q5>[1-4])))"
    r"|(?P<qfy>[Qq](?P<q6>[1-4])\s*(?:FY|fy)?\s*'?(?P<y6>(?:19|20)?\d{2})(?!\d))"
    r"|(?P<half>(?P<y7>(?:19|20)\d{2})\s*年?\s*(?P<h7>上半年|下半年|半年度|[Hh][12]))"
    r"|(?P<fy>(?:FY|fy)\s*(?P<y8>(?:19|20)\d{2})|(?P<y9>(?:19|20)\d{2})\s*(?:财年|财政年度))"
    r"|(?P<lead>(?P<y16>(?:19|20)\d{2})\s*年\s*前(?:(?P<n16>[一二三四五六七八九十]{1,2}|\d{1,2})个月|(?P<q16>三季度)))"
    # 2025年12%, 维持2025年750亿美元的资本支出目标: a year run into the figure it dates
    r"|(?P<year>(?P<y10>(?:19|20)\d{2})\s*(?:年度|年(?:(?=\d+(?:\.\d+)?(?:%|亿|万))|(?![\d一二三四五六七八九十]))|全年))"
    # 预计2022仍将…: a year foreseen, written without 年 before what it will see
    r"|(?P<bare>(?<=预计|预期|预测)(?P<y18>20\d{2})(?=仍|将|有望|会|或将|可能))"
    r"|(?P<md>(?<![\d年])(?P<m11>\d{1,2})\s*月\s*(?P<d11>\d{1,2})\s*[日号])"
    # 道指8日上涨, 外长王毅10日表示, 截至8日收盘: a day of the month the text is in, its month
    # unwritten (a wire's style), before what happened that day (not 5日均线, 5日增仓比, 3日元)
    r"|(?P<dom>(?:(?<=截至)|(?<=截止)|(?<![\dA-Za-z+\-./~～—–、月年号第近前后续去每共约超逾达至到和与及或为是了有计满余隔初旬个]))"
    r"(?P<d19>[12]?\d|3[01])日(?=上涨|下跌|收[盘于报涨跌平高低]|报收|涨(?!幅|跌幅)|跌(?!幅)|走[高低]|[高低]开"
    r"|盘[中后]|[早午尾开]盘|发布|公布|宣布|表示|称|说|指出|披露|公告|[早午晚]|上午|下午|凌晨|消息|电"
    r"|在|举行|召开|起|出台|发表|报道|透露|签署|通过|决定|[上下]调|维持|将|对|向|通报|新增|当[天日]"
    r"|[，,]))"
    rf"|(?P<en_mdy>\b(?P<mn12>{_MONTH_NAMES})\.?\s+(?P<d12>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y12>(?:19|20)\d{{2}})\b)"
    rf"|(?P<en_dmy>\b(?P<d13>\d{{1,2}})\s+(?P<mn13>{_MONTH_NAMES})\.?,?\s+(?P<y13>(?:19|20)\d{{2}})\b)"
    rf"|(?P<en_my>\b(?P<mn14>{_MONTH_NAMES})\.?,?\s+(?P<y14>(?:19|20)\d{{2}})\b)"
    r"|(?P<rel>(?:近|过去|最近)(?P<n15>\d+|[一二两三四五六七八九十]+|半)(?:个)?(?P<u15>年|月|个月|季度|周|交易日|日|天)"
    # 两个交易日最大回撤: a window of sessions named without 近, before the move it measures
    r"|(?P<n17>\d+|[一二两三四五六七八九十]+)个交易日(?=(?:内|以来)?(?:最大回撤|累计|最高|最大))"
    r"|去年|今年|前年|明年|本年|上月|本月|上个月|本周|上周))",
    re.IGNORECASE,
)


_YEAR_REACH = 80  # characters
# A day or month a relative year names as where a span starts (去年11月10日以来, 今年3月来).
_YEAR_WORDS = frozenset({"去年", "今年", "前年"})
_DAY_SINCE = re.compile(
    r"\s*\d{1,2}\s*月(?:份|\s*\d{1,2}\s*[日号])?\s*(?:初|底|末|中)?(?:以来|来(?![看说讲]))"
)
# A futures contract's month (6月交货的, 2025年3月交割的): which contract, not a date.
DELIVERY = re.compile(r"\s*(?:份)?(?:交货|交割)")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:亿|万)")
# A full stop written as an ASCII dot between Chinese words ends a sentence too: "2024年归母
# 净利润1065万元.以4月28日收盘价计算" in a 2025 article prices on 2025-04-28, not 2024's.
_SENTENCE_END = re.compile(r"[。！？!?\n]|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")
# A numbered section or a heading starts a new context: a year named before it is not carried.
_SECTION = re.compile(r"(?:^|(?<=[。！？!?\s”\"]))[一二三四五六七八九十]{1,2}、|#{2,}")
# A company profile's founding or listing date (成立日期1999年7月14日) is no narrative's year:
# "上市日期1999年7月21日…截至3月31日，股东户数…" in a 2025 article means 2025-03-31.
_PROFILE_DATE = re.compile(
    r"(?:成立|上市|注册|设立|创立|挂牌)(?:日期|时间|日|于)?\s*[:：为是]?\s*$"
)
# A date a span runs from (为2021年2月来最低, 2019年以来): a record's reach back, not the
# year of the news around it, which a later 1月22日 is not dated by.
_SINCE = re.compile(r"\s*(?:初|底|末|中)?(?:以来|(?<=[年月日])来(?![看说讲]))")


# A holiday named after its year (2022年春节假期7天): some days of the year, not the year.
_HOLIDAY = re.compile(
    r"\s*(?:春节|国庆|五一|劳动节|端午|中秋|元旦|清明|春运|圣诞)(?:假期|假日|黄金周|长假|期间|档期?)?"
)
# A part of a year named after it: its first session or week (2022年首个交易日, 2022年首周),
# which market and calendar the text leaves unsaid, or its last day or session (2021年的最后
# 一天, 2021年最后一个交易日), which are the last of its weekdays wherever a market trades then.
_YEAR_PART = re.compile(
    r"\s*的?(?:(?P<first>(?:第一个|首个)交易日|(?:交易)?首周|第一周|首日)"
    r"|(?P<last>最后一(?:天|日))|(?P<session>最后一个交易日))"
)
# A third of a month after it (2022年1月中旬): days 11 to 20, not the month.
_TEN_DAYS = re.compile(r"\s*([上中下])旬")


def part_of_month(
    text: str, at: int, start: dt.date, end: dt.date
) -> tuple[dt.date, dt.date, int] | None:
    """The ten days of a month written right after it at `at` (1月上旬 is the 1st to the
    10th, 中旬 the 11th to the 20th, 下旬 the rest), and where the words end."""
    found = _TEN_DAYS.match(text, at)
    if found is None or start.day != 1 or (start.year, start.month) != (end.year, end.month):
        return None
    first = {"上": 1, "中": 11, "下": 21}[found.group(1)]
    last = end.day if first == 21 else first + 9
    return start.replace(day=first), end.replace(day=last), found.end()


# Markets that trade on the first weekday after New Year's Day (the 2nd, or the 3rd when the
# 1st is a Sunday and the 2nd its holiday): New York's and Hong Kong's. The mainland's, which
# closes for days around it, and others' (London's) do not.
_NEW_YEAR_MARKETS = re.compile(r"美股|港股|标普|道指|道琼斯|纳指|纳斯达克|恒指|恒生|华尔街")
_OTHER_MARKETS = re.compile(
    r"A股|沪指|深成指|创业板|科创|上证|深证|沪深|两市|北向|欧股|富时|日经|韩国"
)


def first_session_market(text: str) -> bool:
    """Whether a text speaks of New York's or Hong Kong's market and of no other that may
    open the year on another day: its 首个交易日 is one day (`_first_session`)."""
    return bool(_NEW_YEAR_MARKETS.search(text)) and not _OTHER_MARKETS.search(text)


def _first_session(year: int) -> dt.date:
    """The first weekday after New Year's Day, a Sunday's holiday moved to Monday aside."""
    day = dt.date(year, 1, 3 if dt.date(year, 1, 1).weekday() == 6 else 2)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def part_of_year(text: str, at: int, year: int) -> tuple[dt.date | None, int] | None:
    """The part of `year` written right after it at `at` (`_YEAR_PART`): its day when the
    words fix one (最后一天 is 31 December, 最后一个交易日 the last weekday, 首个交易日 of New
    York's or Hong Kong's market `_first_session`), else None, and where the words end."""
    found = _YEAR_PART.match(text, at)
    if found is None:
        return None
    if found["first"]:
        if found["first"].endswith("交易日") and first_session_market(text):
            return _first_session(year), found.end()
        return None, found.end()
    day = dt.date(year, 12, 31)
    if found["session"]:
        day -= dt.timedelta(days=max(0, day.weekday() - 4))  # a Saturday or Sunday: Friday
    return day, found.end()


def cn_int(text: str) -> int:
    """A count written in digits or in Chinese up to 九十九 (3, 两, 十一, 二十五)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    start, _ = _month_range(year, 3 * q - 2)
    _, end = _month_range(year, 3 * q)
    return start, end


def _shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _relative(text: str, g: re.Match[str], today: dt.date) -> tuple[dt.date, dt.date]:
    fixed = {
        "去年": (today.year - 1, 0),
        "前年": (today.year - 2, 0),
        "今年": (today.year, 0),
        "本年": (today.year, 0),
        "明年": (today.year + 1, 0),
    }
    if text in fixed:
        year = fixed[text][0]
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if text in ("本月",):
        return _month_range(today.year, today.month)
    if text in ("上月", "上个月"):
        prev = _shift_months(today, -1)
        return _month_range(prev.year, prev.month)
    if text in ("本周", "上周"):  # weeks start on Monday
        monday = today - dt.timedelta(days=today.weekday() + 7 * (text == "上周"))
        return monday, min(today, monday + dt.timedelta(days=6))
    if g["n15"] == "半":  # 近半年, 近半个月
        half_year = (g["u15"] or "年") == "年"
        return (_shift_months(today, -6) if half_year else today - dt.timedelta(days=15)), today
    if g["n17"]:  # 两个交易日最大回撤
        return today - dt.timedelta(days=cn_int(g["n17"]) * 7 // 5), today
    n = cn_int(g["n15"] or "1")
    unit = g["u15"] or "年"
    if unit == "季度":  # 最近四个季度
        return _shift_months(today, -3 * n), today
    if unit == "年":
        return _shift_years(today, -n), today
    if unit in ("月", "个月"):
        return _shift_months(today, -n), today
    if unit == "周":
        return today - dt.timedelta(weeks=n), today
    if unit == "交易日":  # five trading days a week, holidays aside
        return today - dt.timedelta(days=n * 7 // 5), today
    return today - dt.timedelta(days=n), today


def _cn_range(g: re.Match[str]) -> tuple[dt.date, dt.date, str]:
    """A date written in Chinese numerals (二零二二年一月六日, 二零二一年十二月, 二零二一年一月至
    十二月): a day, a month or a run of months."""
    year = int("".join(str(_CN_DIGITS[c]) for c in g["cy"] or ""))
    month = cn_int(g["cm"] or "")
    if g["cd"]:
        day = dt.date(year, month, cn_int(g["cd"]))
        return day, day, "day"
    last = cn_int(g["cm2"]) if g["cm2"] else month
    if not month <= last:
        raise ValueError("not a month range")
    return _month_range(year, month)[0], _month_range(year, last)[1], "month"


def _range(
    g: re.Match[str], text: str, today: dt.date, last_year: int | None
) -> tuple[dt.date, dt.date, str] | None:
    if g["cn"]:
        return _cn_range(g)
    if g["ymd"]:
        y, m, d = int(g["y1"] or 0), int(g["m1"] or g["m2"] or 0), int(g["d1"] or g["d2"] or 0)
        day = dt.date(y, m, d)
        return day, day, "day"
    if g["mrange"]:  # 2023年1—7月份, 2025年1月至3月: months run together, as one period
        year, first, last = int(g["y0"] or 0), int(g["m0a"] or 0), int(g["m0b"] or 0)
        if not first < last:
            raise ValueError("not a month range")
        return _month_range(year, first)[0], _month_range(year, last)[1], "month"
    if g["lead"]:  # 2025年前四个月, 2024年前三季度: from January, as one period
        n = g["n16"] or ""
        last = 9 if g["q16"] else int(n) if n.isdigit() else cn_int(n)
        if not 1 <= last <= 12:
            raise ValueError("not a month count")
        return (
            _month_range(int(g["y16"] or 0), 1)[0],
            _month_range(int(g["y16"] or 0), last)[1],
            "month",
        )
    if g["ym"]:
        return (*_month_range(int(g["y3"] or 0), int(g["m3"] or 0)), "month")
    if g["yq"]:
        q = cn_int(g["q4"] or g["q5"] or "1")
        return (*_quarter(int(g["y4"] or 0), q), "quarter")
    if g["qfy"]:
        year = int(g["y6"] or 0)
        year = year + 2000 if year < 100 else year
        return (*_quarter(year, int(g["q6"] or 1)), "quarter")
    if g["half"]:
        year, h = int(g["y7"] or 0), (g["h7"] or "").lower()
        first = h in ("上半年", "半年度", "h1")  # 半年度 is the first half's report
        start = dt.date(year, 1 if first else 7, 1)
        return start, dt.date(year, 6, 30) if first else dt.date(year, 12, 31), "half"
    if g["fy"] or g["year"] or g["bare"]:
        year = int(g["y8"] or g["y9"] or g["y10"] or g["y18"] or 0)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if g["md"]:
        month, day_of_month = int(g["m11"] or 0), int(g["d11"] or 0)
        if last_year is not None:
            day = dt.date(last_year, month, day_of_month)
        else:  # the last such day up to today: 12月29日 read in January is last December's
            day = dt.date(today.year, month, day_of_month)
            if day > today:
                day = dt.date(today.year - 1, month, day_of_month)
        return day, day, "day"
    for key, yk, mk, dk in (("en_mdy", "y12", "mn12", "d12"), ("en_dmy", "y13", "mn13", "d13")):
        if g[key]:
            day = dt.date(int(g[yk] or 0), _MONTHS[(g[mk] or "").lower()], int(g[dk] or 0))
            return day, day, "day"
    if g["en_my"]:
        return (*_month_range(int(g["y14"] or 0), _MONTHS[(g["mn14"] or "").lower()]), "month")
    if g["rel"]:
        return (*_relative(text, g, today), "relative")
    return None


def _onward(
    found: tuple[dt.date, dt.date, str], after: dt.date, today: dt.date
) -> tuple[dt.date, dt.date, str]:
    """A month-day that would fall before the month whose year it takes is read in the year
    after, when that day has come: "（比如2024年11月）买入…5月9日追高" written in May 2025
    means 2025-05-09, as a story runs forward."""
    day = found[0]
    if day >= after:
        return found
    later = _shift_years(day, 1)
    return (later, later, found[2]) if later <= today else found


def parse_dates(text: str, *, today: dt.date | None = None) -> list[DateMention]:
    """Every date or period named in `text`, in order; impossible dates are skipped.

    A month-day without a year (12月29日) takes the year named shortly before it, else it is
    the last such day up to today. A bare year (2024年营收…) dates a month-day only in its
    own sentence: a report on a year's results is written the year after, so "2024年营收下降。
    5月12日公司公告…" in a 2025 article means 2025-05-12, while "2014年12月…。12月29日…"
    keeps 2014.
    """
    return read_dates(text, today=today)[0]


def read_dates(
    text: str, *, today: dt.date | None = None
) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """`parse_dates`'s dates, and the span of everything written like a date, impossible
    dates included: the spans `touyan.text.numbers.parse_numbers` reads no figure inside,
    found in the same scan (a caller that reads both saves the second)."""
    # With no publication date a day written without its year (1月27日) or a relative word
    # (今年, 上周) names no day: the clock's year would be a guess, so such a mention keeps
    # its span, is marked undated, and dates no later month-day.
    undated_days = today is None
    today = today or dt.date.today()
    out: list[DateMention] = []
    spans: list[tuple[int, int]] = []
    last_year: int | None = None
    last_year_end = 0
    last_start: dt.date | None = None  # the start of the period last_year was read from
    year_only = False
    told: dict[tuple[int, int], int | None] = {}  # each day written with its year: its year
    last_month: tuple[dt.date, int, str] | None = None  # the last day or month: start, end
    for match in _PATTERN.finditer(text):
        g = match  # g["y10"] reads one group: groupdict() would copy all fifty, for each date
        if (
            g["y10"]
            and int(g["y10"]) > today.year
            and match.group().endswith("年")
            and _AMOUNT.match(text, match.end())
        ):
            continue  # 盈利目标（2032年500亿美元净利润）: a goal's horizon, run into its figure
        spans.append(match.span())
        if DELIVERY.match(text, match.end()):
            continue  # 2025年3月交货的原油期货: the contract's month, not when its price was
        if match.group() in _YEAR_WORDS and _DAY_SINCE.match(text, match.end()):
            continue  # 创去年11月10日以来新高: where a record's reach starts, no figure's year
        try:
            # A year named far back (成立日期1999年…) does not date a later bare 3月31日.
            near = last_year if match.start() - last_year_end <= _YEAR_REACH else None
            if year_only and _SENTENCE_END.search(text, last_year_end, match.start()):
                near = None
            if near is not None and _SECTION.search(text, last_year_end, match.start()):
                near = None  # "…2024年5月股价还在60元以上！一、股价走势…5月12日": a new section
            if near is None and g["md"] and undated_days:
                # 截至2023年4月28日…。截至4月28日: the day named again, far on, without its year
                near = told.get((int(g["m11"] or 0), int(g["d11"] or 0)))
            month = None  # the month a day written without one is in (`_month_before`)
            found: tuple[dt.date, dt.date, str] | None
            if g["dom"]:
                day = int(g["d19"] or 0)
                month = _month_before(day, match.start(), last_month)
                found = _day_of_month(day, today, month)
            else:
                found = _range(g, match.group(), today, near)
            if found and g["md"] and near is not None and last_start is not None:
                # (with no publication date no day has come: 2023年5月26日…5月22日 is the
                # same week's, not next year's)
                found = found if undated_days else _onward(found, last_start, today)
        except ValueError:
            continue
        if found is None:
            continue
        start, end, granularity = found
        known = not (
            undated_days
            and (
                granularity == "relative"
                or (g["md"] and near is None)
                or (g["dom"] and month is None)
            )
        )
        dated, said, span = known, match.group(), match.span()
        holiday = _HOLIDAY.match(text, match.end()) if granularity == "year" else None
        part = part_of_year(text, match.end(), start.year) if granularity == "year" else None
        if holiday:
            # 2022年春节假期: days within the year the text does not name
            said, dated = text[match.start() : holiday.end()], False
        elif part is not None:
            # 2022年首周: some days of the year the text does not date; 2021年的最后一天: a day
            said, span = text[match.start() : part[1]], (match.start(), part[1])
            if part[0] is None:
                dated = False
            else:
                start = end = part[0]
                granularity = "day"
        elif granularity == "month" and (tenth := part_of_month(text, match.end(), start, end)):
            # (its span runs over 上旬 as its words do: 与1月上旬相比 follows the whole date)
            start, end, said = tenth[0], tenth[1], text[match.start() : tenth[2]]
            span = (match.start(), tenth[2])
        if known and dated and granularity in ("day", "month"):
            last_month = (start, match.end(), granularity)
        if (
            known  # a holiday's year still dates a later day
            and granularity != "relative"
            and not g["dom"]  # (its year is the month's before it or today's, not written)
            and not _PROFILE_DATE.search(text, max(0, match.start() - 8), match.start())
            and not _SINCE.match(text, span[1])
        ):
            last_year, last_year_end, last_start = end.year, match.end(), start
            # (a holiday is some days of its year, which a day after it, in a later sentence
            # too, is in: 2022年春节假期首日。…截至1月31日)
            year_only = granularity in ("year", "half", "quarter") and not holiday and not part
        if g["ymd"]:
            # (a day told in two years, 截至2023年3月31日…由2022年3月31日的19.4%, names
            # neither when written again without one)
            day_told = (start.month, start.day)
            told[day_told] = start.year if told.get(day_told, start.year) == start.year else None
        out.append(DateMention(start, end, granularity, span, said, dated))
    return out, spans


def _month_before(day: int, at: int, last: tuple[dt.date, int, str] | None) -> dt.date | None:
    """The month a day written without one at `at` is in: the month of the day or month named
    just before it (within `_YEAR_REACH`), when that day is not after it (5月7日…8日, not
    5月30日…2日); None for the month of the day of writing."""
    if last is None or at - last[1] > _YEAR_REACH:
        return None
    start, _, granularity = last
    return start if granularity == "month" or start.day <= day else None


def _day_of_month(day: int, today: dt.date, month: dt.date | None) -> tuple[dt.date, dt.date, str]:
    """A day written without its month (8日): in `month` when one is named just before, else
    the last such day up to the day of writing. ValueError for a day its month lacks."""
    if month is not None:
        found = month.replace(day=day)
    elif day <= today.day:
        found = today.replace(day=day)
    else:
        found = _shift_months(today.replace(day=1), -1).replace(day=day)
    return found, found, "day"


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")


def parse_date(value: str) -> dt.date | None:
    """One loose date from metadata: ISO, 2025/5/15, 2025年5月15日, May 15, 2025, RFC 2822."""
    value = value.strip()
    if not value:
        return None
    if match := _ISO.match(value):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed is not None:
            return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    for mention in parse_dates(value, today=dt.date(2000, 1, 1)):
        if mention.granularity == "day":
            return mention.start
    return None
