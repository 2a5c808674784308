"""Numbers as Chinese and English financial text writes them, normalised so they can be compared.

11亿美元, US$1.1 billion and 1,100 million USD are one quantity; 2.5亿 and 2.6亿 are not. Each
parse keeps the precision its text implies (half a unit of the last written digit, times the
scale), and two quantities are equal when they differ by less than the looser precision:
"1.1 billion" accepts 1.14 billion but not 1.2 billion. Dates, tickers, section numbers and
citation markers are not quantities and are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from touyan.text.currencies import (
    OTHER_CURRENCY_NAMES,
    OTHER_CURRENCY_PATTERN,
    OTHER_CURRENCY_WORDS,
)
from touyan.text.dates import _PATTERN as _DATE_PATTERN


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Decimal  # base units: 11亿美元 -> 1100000000; percentages as written: 45% -> 45
    # "" plain, "%", "‰", "pp", "bp", "times", "shares", "money", "count", or a unit by its Chinese
    # name (吨, 公顷, 吉瓦时; 吨/日 with what it is per; 手 for lots of shares), or money per
    # such a unit (/千克 of 13.47元/千克, its currency in `currency`): see `is_physical`
    unit: str
    currency: str | None  # ISO code for money
    scale: Decimal  # multiplier the text applied (亿 -> 1e8, billion -> 1e9)
    precision: Decimal  # half a unit of the last written digit, in base units
    span: tuple[int, int]
    text: str
    high: Decimal | None = None  # upper end of a range, same units as value
    negative: bool = False  # the text says it is a fall (下降, -3%, (12.6))
    classifier: str | None = None  # 家, 辆, 人 … for counts


_SCALES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "千": Decimal(10) ** 3,
}
_PREFIX_CURRENCY = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "eur": "EUR",
    "€": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "jpy": "JPY",
    "s$": "SGD",
    "sgd": "SGD",
    "nt$": "TWD",
}
_SUFFIX_CURRENCY = {
    "美元": "USD",
    "美金": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "港幣": "HKD",
    "人民币": "CNY",
    "元人民币": "CNY",
    "元": "CNY",
    "块": "CNY",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "韩元": "KRW",
    "新加坡元": "SGD",
    "新元": "SGD",
    "新台币": "TWD",
    "新台幣": "TWD",
    "元新台币": "TWD",
    "元新台幣": "TWD",
    "台币": "TWD",
    **OTHER_CURRENCY_WORDS,  # 40亿雷亚尔, 49亿澳门元
    "usd": "USD",
    "dollars": "USD",
    "hkd": "HKD",
    "rmb": "CNY",
    "yuan": "CNY",
    "cny": "CNY",
    "eur": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "yen": "JPY",
    "美分": "USD",
    "港仙": "HKD",
}
# A cent is a hundredth of its currency: 每股收益52美分 is US$0.52 a share, not 52 of anything.
_CENTS: dict[str, Decimal] = {"美分": Decimal("0.01"), "港仙": Decimal("0.01")}
_UNITS = {
    "%": "%",
    "％": "%",
    "percent": "%",
    "per cent": "%",
    "‰": "‰",  # 出生率7.52‰: a rate per thousand, kept as written
    "个百分点": "pp",
    "百分点": "pp",
    "percentage points": "pp",
    "pcts": "pp",  # 同比-1.22pcts: brokers' plural
    "pct": "pp",
    "pp": "pp",
    "个基点": "bp",
    "基点": "bp",
    "bps": "bp",
    "bp": "bp",
    "倍": "times",
    "x": "times",
    "times": "times",
    "股": "shares",
    "shares": "shares",
}
# Physical units, each word to its one name (kWh and 千瓦时 are one unit; 公斤 is 千克). Some
# single characters start other words too: 克 in 克拉/克服, 升 in 升级/升至, 米 in 米哈游, 瓦 in
# 瓦解, 桶 in 桶装; `_PHYSICAL_GUARD` keeps those out. 度 (年度, 力度) and 方 (方面, 方案) are
# left out altogether.
_PHYSICAL: dict[str, str] = {
    "吨": "吨",
    "千克": "千克",
    "公斤": "千克",
    "kg": "千克",
    "克": "克",
    "斤": "斤",
    "公顷": "公顷",
    "亩": "亩",
    "平方米": "平方米",
    "平方公里": "平方公里",
    "平方千米": "平方公里",
    "千瓦时": "千瓦时",
    "kwh": "千瓦时",
    "兆瓦时": "兆瓦时",
    "mwh": "兆瓦时",
    "吉瓦时": "吉瓦时",
    "gwh": "吉瓦时",
    "太瓦时": "太瓦时",
    "twh": "太瓦时",
    "瓦": "瓦",
    "千瓦": "千瓦",
    "kw": "千瓦",
    "兆瓦": "兆瓦",
    "mw": "兆瓦",
    "吉瓦": "吉瓦",
    "gw": "吉瓦",
    "立方米": "立方米",
    "方": "立方米",  # 350亿方天然气: gas and earthwork write a cubic metre short
    "升": "升",
    "桶": "桶",
    "公里": "公里",
    "千米": "公里",
    "km": "公里",
    "米": "米",
    "毫米": "毫米",
    "厘米": "厘米",
    "吨公里": "吨公里",  # freight turnover
    "吨海里": "吨海里",  # freight turnover at sea
    "人公里": "人公里",  # passenger turnover
    "标箱": "标箱",
    "teu": "标箱",
    "盎司": "盎司",
}
_PHYSICAL_GUARD = {
    "克": "(?![拉服隆制罗])",
    "升": r"(?=的|[^\u4e00-\u9fff]|$)",
    "米": "(?![哈粒饭])",
    "瓦": "(?![解片斯尔])",
    "桶": "(?!装)",
    # 方 is a cubic metre only after 万 or 亿 (2.4亿方), and not as a word's start (1亿方面)
    "方": "(?<=[万亿]方)(?![面案式向法便针位正形舱阵能])",
}
# 5万吨/年, 397千克/亩, 5270吨/日: what a physical quantity is per is part of its unit.
_PHYSICAL_PER = "小时|公顷|日|天|年|月|周|时|亩|人|头|吨|次|台"
# base unit of a dimension and the exact factor to it: 1吨 is 1000千克, 1斤 is 0.5千克
_CONVERSIONS: dict[str, tuple[str, Decimal]] = {
    "吨": ("千克", Decimal(1000)),
    "千克": ("千克", Decimal(1)),
    "克": ("千克", Decimal("0.001")),
    "斤": ("千克", Decimal("0.5")),
    "平方米": ("平方米", Decimal(1)),
    "公顷": ("平方米", Decimal(10**4)),
    "平方公里": ("平方米", Decimal(10**6)),
    "千瓦时": ("千瓦时", Decimal(1)),
    "兆瓦时": ("千瓦时", Decimal(10**3)),
    "吉瓦时": ("千瓦时", Decimal(10**6)),
    "太瓦时": ("千瓦时", Decimal(10**9)),
    "瓦": ("千瓦", Decimal("0.001")),
    "千瓦": ("千瓦", Decimal(1)),
    "兆瓦": ("千瓦", Decimal(10**3)),
    "吉瓦": ("千瓦", Decimal(10**6)),
    "米": ("米", Decimal(1)),
    "公里": ("米", Decimal(10**3)),
    "厘米": ("米", Decimal("0.01")),
    "毫米": ("米", Decimal("0.001")),
    "立方米": ("立方米", Decimal(1)),
    "升": ("立方米", Decimal("0.001")),
}
_NOT_PHYSICAL = frozenset(("", "%", "‰", "pp", "bp", "times", "shares", "money", "count"))
# (件, 套, 张, 颗, 片: 36.2亿件快递, 2000万颗芯片 are counts as 辆 and 台 are)
_CLASSIFIERS = "家个人名位次台辆只项起例架艘笔户手款部座件套张颗片"
_CN_DIGIT = {
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
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]{2,}"
_PREFIX = _alternation([k for k in _PREFIX_CURRENCY])
# 千 is a scale only before a unit it multiplies (132千公顷, 26千吨, 5千人): 千克, 千米 and 千瓦
# are units of their own, and a bare 千 after digits is rarely written.
_THOUSAND_OF = r"千(?=公顷|吨|桶|亩|立方米|平方米|公里|标箱|人|户|头|只|辆|台|件|套|个)"
_SCALE = _alternation([w for w in _SCALES if w != "千"]) + "|" + _THOUSAND_OF
# (the currencies of `currencies` are one branch behind a look-ahead of their first
# characters: tried one by one after every figure, they would cost the reader a fifth)
_SUFFIX_CUR = (
    _alternation([k for k in _SUFFIX_CURRENCY if k not in OTHER_CURRENCY_WORDS])
    + "|"
    + OTHER_CURRENCY_PATTERN
)
_UNIT = (
    _alternation(list(_UNITS))
    + "|(?:"
    + "|".join(
        re.escape(w) + _PHYSICAL_GUARD.get(w, "") for w in sorted(_PHYSICAL, key=len, reverse=True)
    )
    + f")(?:/(?:{_PHYSICAL_PER}))?"
)

# 元/股, 美元/桶, 元/平方米: the thing an amount is per. A range's ends each write it
# (0.125元/股-0.1875元/股), and the first's must not hide the connector after it.
_PER = r"/(?:[\u4e00-\u9fff]{1,3}|[A-Za-z]{1,6})"
# A Latin unit word ends where a word does (5 mn, not 5 mns); 美元 or % may run into one
# (每股收益2.42 美元GAAP 净收入…, 增长5%YoY).
_WORD_END = r"(?:(?<![A-Za-z])|(?![A-Za-z]))"
# 13.47元/千克, 80美元/桶, 3500元/吨: money per a physical unit is a price of a good, not an
# amount of money; its unit is what it is per (/千克), its currency stays the money's.
# Estate prices write a square metre short (19939元/平, 元/平米, 元/㎡); a 平 that starts a word
# (元/平台) is none.
# A futures fee or a deposit per lot (5元/手) is a rate, not an amount: its lot is its unit.
_PER_WORDS = {**_PHYSICAL, "平米": "平方米", "平": "平方米", "㎡": "平方米", "手": "手"}
_PER_GUARD = {
    **_PHYSICAL_GUARD,
    "平": r"(?![\u4e00-\u9fff])",
    "手": r"(?![\u4e00-\u9fff])",
}
_PER_PHYSICAL = re.compile(
    "/(?P<per>"
    + "|".join(
        re.escape(w) + _PER_GUARD.get(w, "") for w in sorted(_PER_WORDS, key=len, reverse=True)
    )
    + f"){_WORD_END}",
    re.IGNORECASE,
)
_SIGN_WORDS = ("下降", "下滑", "下跌", "减少", "降低", "回落", "亏损", "跌", "降")
# Every quantity starts with one of these characters; the leading look-ahead lets the
# engine skip every other position at once instead of trying each alternative there.
_STARTS = "".join(
    sorted(
        set("0123456789.-−+(零〇一二两三四五六七八九十百千万亿")
        | {w[0] for w in _SIGN_WORDS}
        | {k[0] for k in _PREFIX_CURRENCY}
        | {k[0].upper() for k in _PREFIX_CURRENCY}
    )
)
# 2600余万元, 7.3万余吨, 400多家: "and some" after the digits or the scale, before what they
# count; the figure is a floor (facts.bounds reads it from the span).
_MORE_THAN = "[余多]"
_NUMBER = re.compile(
    rf"(?=[{re.escape(_STARTS)}])"
    rf"(?P<sign>[-−](?: (?=\d))?|\+|{'|'.join(_SIGN_WORDS)})?"
    rf"(?P<open>\()?"
    rf"(?:(?P<prefix>{_PREFIX})\s?)?"
    rf"(?P<num>{_ARABIC}|{_CHINESE})"
    rf"(?P<close>\))?"
    rf"(?:\s*(?:-|~|～|至|到|—|–|to)\s*(?:{_PREFIX})?\s?(?P<num2>{_ARABIC}))?"
    rf"(?:{_MORE_THAN}(?=[万亿千百]|{_SUFFIX_CUR}|{_UNIT}|[{_CLASSIFIERS}]))?"
    rf"(?:\s?(?P<scale>{_SCALE}){_WORD_END})?"
    rf"(?:{_MORE_THAN}(?={_SUFFIX_CUR}|{_UNIT}|[{_CLASSIFIERS}]))?"
    rf"(?:\s?(?P<cur>{_SUFFIX_CUR}){_WORD_END})?"
    rf"(?:\s?(?P<unit>{_UNIT}){_WORD_END})?"
    rf"(?: ?(?P<cls>[{_CLASSIFIERS}](?!元)))?"
    rf"(?P<r2>(?P<per>{_PER})?\s*(?:-|~|～|至|到|—|–|(?P<to>to))\s*(?P<neg3>(?<=[至到~～])[-−])?"
    rf"(?:(?P<prefix3>{_PREFIX})\s?)?(?P<num3>{_ARABIC})"
    rf"(?:\s?(?P<scale3>{_SCALE}){_WORD_END})?(?:\s?(?P<cur3>{_SUFFIX_CUR}))?"
    rf"(?:\s?(?P<unit3>{_UNIT}){_WORD_END})?)?",
    re.IGNORECASE,
)
# _quantity unpacks a match's groups in one call (m.groups() costs a third of ten m.group calls)
_GROUPS = (
    "sign", "open", "prefix", "num", "close", "num2", "scale", "cur", "unit", "cls",
    "r2", "per", "to", "neg3", "prefix3", "num3", "scale3", "cur3", "unit3",
)  # fmt: skip
if tuple(sorted(_NUMBER.groupindex, key=_NUMBER.groupindex.__getitem__)) != _GROUPS:
    raise ImportError("numbers: _GROUPS must list _NUMBER's groups in order")
_NUM = _NUMBER.groupindex["num"]
# After N股, words that make the 股 stocks counted (78股涨停) rather than shares held.
_STOCKS_MOVE = re.compile(r"(?:涨停|跌停|封板|连板|上涨|下跌|收涨|收跌|飘红|翻红|平盘)")
_NOT_AFTER = re.compile(
    # 最高5星, 3.5星: a rating on a scale of stars, no amount; 200毫秒: a time, no amount
    r"\s*(?:年|月|日|号|时|分|秒|毫秒|微秒|纳秒|季度|星|点\d|:\d|：\d|\.(?:SH|SZ|BJ|HK|SS)\b)",
    re.I,
)
_SEVERAL = ("数", "几")  # before a scale word: "several" (数十亿, 几百万)
_SPAN_AFTER = re.compile(r"(?:月|交易日|工作日|季度|小时|星期|礼拜)")
# 13.531,207.54亿元: a decimal run on by a thousands group, as a text garbled in extraction
# prints two figures glued (13.53亿 and 1,207.54): which digits are whose is not known.
_GLUED_GROUP = re.compile(r",\d{3}(?!\d)")
# 2025-05-140.000.0025520.00: a date run into the figures after it, as a table flattened to
# text prints its rows. Which digits are the day's and which the cells' is not known here
# (runtable reads such a table when only one split fits), so the whole run is skipped rather
# than read as 2025-05 (a range) and -05-140.000.
_GLUED_ROW = re.compile(r"(?:19|20)\d{2}([-./])\d{2}\1\d{2}(?=[-+]?\d)[-+\d.]*")
_DATE_SEPARATORS = ("-", ".", "/")
_STOCK_CODE = re.compile(r"\d{6}")
_SECTION = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")  # 1.1 or 2. at a line's start
_LEADING_ZERO = re.compile(r"0\d")
# 期末余额为1,… where the text ends: a figure cut at its thousands comma, whose digits are lost.
_CUT_AT_COMMA = re.compile(r",\s*(?:…+|\.{2,})?\s*$")
_LIST_GAPS = frozenset(("、", "/", "和", "及", "与", "或"))
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACED_SIGN_LEAD = re.compile(r"(?:为|是|:|：)\s*$")
# A letter, digit, _ or . right before a number (600519.SH's 519, v2).
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MARKER_AROUND = re.compile(r"\[\s*$")
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|fell|up|down|grew|increased|decreased|declined|dropped|climbed|jumped"
    r"|improved|reached)\s+\S{0,4}$",
    re.IGNORECASE,
)
_BEFORE_WINDOW = 32  # the look-behind checks need a few chars, never the whole prefix


_ONE = Decimal(1)
_SIGNS = ("-", "−", "+")
# A price per unit or in cents right before a hyphen: the hyphen joins two prices, it is no
# minus (80美元/桶-90美元, 50美分-0.6美元).
_DASH_BEFORE = re.compile(r"\d\s*(?:[万亿千百]?(?:美元|港元|欧元|元)/[\u4e00-\u9fff]|美分)$")


def _decimal(text: str) -> Decimal | None:
    if text[0] in "零〇一二两三四五六七八九十百千万亿":
        return _chinese_number(text)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _chinese_number(text: str) -> Decimal | None:
    """一千二百万 → 12000000; 两亿 → 200000000; 三十五 → 35; 万亿 → 10**12."""
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
        elif ch in _CN_BIG:
            section += digit
            if not (total or section):
                section = 1  # 万亿元, 亿元: a scale with no digit before it is one of it
            total = (total + section) * _CN_BIG[ch] if ch == "亿" else total + section * _CN_BIG[ch]
            section, digit = 0, 0
        else:
            return None
    return Decimal(total + section + digit)


def _scaled(value: Decimal, scale: Decimal) -> Decimal:
    """value × scale in base units; 2.5亿 is 250000000, not 250000000.0.

    The written digits' rounding lives in `precision`; the base-unit value carries no
    decimal places that the scale has already absorbed. Unscaled values keep theirs (3.00%).
    """
    if scale == 1:
        return value
    result = value * scale
    if result == result.to_integral_value():
        return result.quantize(Decimal(1))
    return result.normalize()


def _precision(num: str, scale: Decimal) -> Decimal:
    if num[0] not in "0123456789.":
        value = _chinese_number(num) or Decimal(0)
        digits = str(int(value))
        zeros = len(digits) - len(digits.rstrip("0")) if value else 0
        return Decimal("0.5") * Decimal(10) ** zeros * scale
    decimals = len(num) - num.index(".") - 1 if "." in num else 0
    return _half_unit(decimals) * scale


@lru_cache(maxsize=64)
def _half_unit(decimals: int) -> Decimal:
    """Half a unit of the last of `decimals` written decimals (0.005 for two): texts write few
    counts of decimals, and the power costs more than the lookup."""
    return Decimal("0.5") * Decimal(10) ** -decimals


def parse_numbers(text: str, date_spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every quantity in `text`, in order, with its span in `text` as given.

    Digits inside dates are not quantities; a caller that has already found the dates
    (the verifier does) passes their spans and saves a second scan.
    """
    dates = _DateCover(date_spans if date_spans is not None else date_spans_of(text))
    out: list[Quantity] = []
    pos = 0
    while (match := _NUMBER.search(text, pos)) is not None:
        q = _quantity(text, match, dates)
        end = match.end(_NUM)
        if q is not None:
            pos = max(end, q.span[1])
            if out and not out[-1].unit and (q.unit or q.scale != 1):
                _share_unit(text, out, q)
            out.append(q)
        elif end < len(text) and text[end] in _DATE_SEPARATORS:
            row = _GLUED_ROW.match(text, match.start(_NUM))
            # a flattened table's row is skipped whole; a pair that is no range (2025-2027年,
            # 2025-025) is skipped past its second number, which is no figure of its own
            pos = row.end() if row else max(end, match.end("num2"))
        else:
            pos = end
    return out


def _share_unit(text: str, out: list[Quantity], q: Quantity) -> None:
    """9.1/10.5/11.8亿元 and 回落1.3、0.6个百分点: bare figures listed right before one that
    writes the unit share its unit and scale (9.1亿元, 1.3个百分点), as the writer meant; the
    list's separators must run straight from figure to figure."""
    i = len(out) - 1
    while i >= 0 and _bare(out[i]) and text[out[i].span[1] : q.span[0]].strip() in _LIST_GAPS:
        p = out[i]
        out[i] = Quantity(
            value=_scaled(p.value, q.scale),
            unit=q.unit,
            currency=q.currency,
            scale=q.scale,
            precision=p.precision * q.scale,
            span=p.span,
            text=p.text,
            negative=p.negative,
            classifier=q.classifier,
        )
        q, i = out[i], i - 1


def _bare(q: Quantity) -> bool:
    """A figure with no unit, scale or range of its own, written in digits."""
    return not q.unit and q.scale == 1 and q.high is None and q.text[-1:].isdigit()


def quantity_in(text: str, value: Decimal, unit: str) -> Quantity | None:
    """The quantity `text` writes with this value and unit: a stored fact read back from its
    quote, so it compares (and shows) as its source wrote it. A fact stored as a plain figure
    before physical units were read (8.3亿 of 8.3亿吨) is found with the unit its quote writes."""
    for q in parse_numbers(text):
        if q.value == value and (q.unit == unit or (not unit and is_physical(q.unit))):
            return q
    return None


def date_spans_of(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DATE_PATTERN.finditer(text)]


class _DateCover:
    """Whether a position falls inside one of a text's dates, by bisection: every candidate
    number asks, and a text names dozens of dates (a price table's every row)."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end of any date starting at or before
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos


# 方 is a cubic metre of gas or earth, but may be a square metre where an area is counted
# (建筑面积12万方, 拿地58万方).
_AREA_BEFORE = re.compile(r"面积|[用拿购供]地|土地|建面|楼面|地块")
_AREA_REACH = 16


def _quantity(text: str, m: re.Match[str], dates: _DateCover) -> Quantity | None:
    (
        sign_word, opened, prefix, num, closed, num2, scale_raw, cur_raw, unit_raw, cls,
        r2, _, _, neg3, _, _, _, _, _,
    ) = m.groups()  # fmt: skip
    num_start, num_end = m.span(_NUM)
    if dates.covers(num_start):
        return None
    if prefix is None and opened is None and _word_before(text, num_start):
        return None
    if text[num_end : num_end + 1] == "]" and _MARKER_AROUND.search(
        text, max(0, num_start - _BEFORE_WINDOW), num_start
    ):
        return None
    scale_word = scale_raw.lower() if scale_raw else ""
    cur_word = cur_raw.lower() if cur_raw else ""
    unit_word = unit_raw.lower() if unit_raw else ""
    ranged = r2 is not None and num2 is None and _is_range(m)
    if r2 is None:
        tail_end = m.end()  # every optional part holds its own spaces: the match ends the tail
    elif ranged:
        tail_end = m.end("r2")
    else:
        tail_end = max(
            m.end(g) for g in ("num", "close", "num2", "scale", "cur", "unit", "cls") if m.group(g)
        )
    if not (scale_word or cur_word or unit_word or cls):
        if _NOT_AFTER.match(text, num_end):
            return None
        if "." in num and "," not in num and _GLUED_GROUP.match(text, num_end):
            return None
        if num2 and _span_or_code(num, num2, text, m.end("num2")):
            return None
    if scale_word in ("b", "m", "k") and scale_raw not in ("B", "m", "k", "M", "K"):
        return None
    chinese = num[0] not in "0123456789."
    if chinese and num[0] in "十百千" and text[num_start - 1 : num_start] in _SEVERAL:
        return None  # 数百万美元, 几千亿: several of a scale, no figure written
    if chinese:
        big = "万" in num or "亿" in num
        if not (scale_word or cur_word or unit_word or big):
            return None
        if cls and not (big or "十" in num or "百" in num or "千" in num):
            return None
    value = _decimal(num)
    if value is None:
        return None
    plain = not (prefix or scale_word or cur_word or unit_word or cls)
    if plain and _is_code_or_heading(num, num_start, text, num_end):
        return None
    scale = _SCALES.get(scale_word, _ONE) if scale_word else _ONE
    if chinese and scale_word and big:
        scale = _ONE
    if cur_word in _CENTS:
        scale *= _CENTS[cur_word]
    currency = _currency(prefix, cur_word) if prefix or cur_word else None
    if currency is None and ranged:  # 3000万-4000万元: the upper end names the money for both
        currency = _currency(m.group("prefix3"), (m.group("cur3") or "").lower())
    if currency and unit_word == "股" and not ranged:
        # 700亿美元股票回购: after an amount of money 股 starts 股票/股息, it counts no shares.
        unit_word, cls = "", None
        tail_end = max(m.end(g) for g in ("num", "close", "num2", "scale", "cur") if m.group(g))
    unit = _unit_name(unit_word) if unit_word else ""
    if unit_word == "方" and _AREA_BEFORE.search(text, max(0, num_start - _AREA_REACH), num_start):
        # 拿地面积58万方: an estate's 方 may be a square metre (or a plot ratio's): left out
        unit = ""
        tail_end = max(m.end(g) for g in ("num", "close", "num2", "scale", "cur") if m.group(g))
    if currency and is_physical(unit):
        # 10亿元 米…: after an amount of money a unit word belongs to the next words
        unit = ""
        tail_end = max(m.end(g) for g in ("num", "close", "num2", "scale", "cur") if m.group(g))
    if currency and not unit:
        unit = "money"
        if per := _PER_PHYSICAL.match(text, tail_end) if text.startswith("/", tail_end) else None:
            unit, tail_end = "/" + _PER_WORDS[per.group("per").lower()], per.end()
        elif ranged and m.group("per") and (per := _PER_PHYSICAL.fullmatch(m.group("per"))):
            unit = "/" + _PER_WORDS[per.group("per").lower()]  # 3000元/吨-3500元/吨
    elif cls == "手" and not unit:
        unit = "手"  # 4.87万手: lots of shares, a unit of its own (a board lot differs by market)
    elif cls == "个" and not unit and not scale_word and _SPAN_AFTER.match(text, tail_end):
        return None  # 20个月, 3个交易日: a span of time, not a count (3.8万亿个小时 is an amount)
    elif cls and not unit:
        unit = "count"
    if unit == "shares" and not scale_word and _STOCKS_MOVE.match(text, tail_end):
        unit, cls = "count", "股"  # 78股涨停, 34股封板未遂: 78 stocks, not 78 shares
    if sign_word is None:
        sign_word = ""
    elif sign_word.endswith(" "):
        sign_word = _spaced_sign(text, m.start())
    elif sign_word in ("-", "−") and _DASH_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        sign_word = ""  # 油价80美元/桶-90美元: a dash between two figures, no minus
    accounting = bool(opened and closed)
    if accounting and plain and _YEAR.fullmatch(num):
        return None  # "(2014)" is a year in brackets, not a negative amount
    negative = bool(sign_word) and sign_word != "+" or accounting
    span_start = _span_start(m, sign_word, accounting)
    value = _scaled(value, scale)
    high = None
    second = num2 or (m.group("num3") if ranged else None)
    if second:
        high_raw = _decimal(second)
        upper = scale if num2 else _high_scale(m, scale)
        high = _scaled(high_raw, upper) if high_raw is not None else None
        if high is not None and neg3:
            # -19.4亿元至-14.4亿元, -48亿元到-53亿元: the upper end writes its own minus, and a
            # loss range may count either way; the lower figure is the value
            high = -high
    if high is not None and neg3 and sign_word.strip() in ("-", "−"):
        value, high = min(-abs(value), high), max(-abs(value), high)
    if negative:
        value = -abs(value)
        if high is not None and sign_word in _SIGN_WORDS:
            # 亏损1000万元至1500万元, 下降2%-3%: the word makes both ends a fall (a minus sign
            # makes only its own: -1000万元至600万元 crosses zero), the larger fall the lower end
            # whichever end writes it (亏损26亿元至18亿元 counts down).
            value, high = -max(abs(high), abs(value)), -min(abs(high), abs(value))
    return Quantity(
        value=value,
        unit=unit,
        currency=currency,
        scale=scale,
        precision=_precision(num, scale),
        span=(span_start, tail_end),
        text=text[span_start:tail_end],
        high=high,
        negative=negative,
        classifier=cls if unit == "count" else None,
    )


def _unit_name(word: str) -> str:
    """The unit a written (lower-cased) unit word names: 个百分点 → pp, kwh → 千瓦时, 吨/日."""
    if (unit := _UNITS.get(word)) is not None:
        return unit
    base, slash, per = word.partition("/")
    return _PHYSICAL.get(base, "") + slash + per if base in _PHYSICAL else ""


def is_physical(unit: str) -> bool:
    """A unit named by its Chinese word (吨, 公顷, 吉瓦时, 吨/日, and 手 for lots of shares), not
    a plain number, share of, money or count."""
    return unit not in _NOT_PHYSICAL


def _word_before(text: str, start: int) -> bool:
    """600519.SH's 519, v2's 2, 第3名's 3: a number run on from a word or an ordinal is none
    of its own. A line break ends the word: "Q1\n3.5亿元" starts a figure."""
    last = text[start - 1] if start else ""
    return last in _WORD_CHARS or last == "第" or (last == " " and text[start - 2 : start] == "第 ")


def _span_start(m: re.Match[str], sign_word: str, accounting: bool) -> int:
    """A written sign or bracket is part of the figure (-3%, (12.6), US$5); a sign word is not
    (下降3% starts at the 3)."""
    if sign_word and sign_word not in _SIGNS:
        for group in ("open", "prefix"):
            if m.group(group):
                return m.start(group)
        return m.start(_NUM)
    if sign_word or accounting or m.group("prefix"):
        return m.start()
    return m.start(_NUM)


def _spaced_sign(text: str, start: int) -> str:
    """A minus set apart from its number by a space ("为 - 2394.27 万元") is a sign only right
    after 为/是/a colon, where a value starts, never between two figures (7 - 8.7 元 is a
    range, 10 - 3 a sum)."""
    lead = text[max(0, start - 4) : start]
    return text[start] if _SPACED_SIGN_LEAD.search(lead) else ""


def _span_or_code(first: str, second: str, text: str, end: int) -> bool:
    """2025-2027年 and 1-7月 are spans of time, 2025-025 (an announcement's number) and
    0519-86225668 (a telephone) are codes: a bare pair whose second ends before a date word,
    or either of which is written with a leading zero, is no range of amounts."""
    if _NOT_AFTER.match(text, end):
        return True
    return _LEADING_ZERO.match(first) is not None or _LEADING_ZERO.match(second) is not None


def _currency(prefix: str | None, cur_word: str) -> str | None:
    return _PREFIX_CURRENCY.get((prefix or "").lower()) or _SUFFIX_CURRENCY.get(cur_word)


def _is_range(m: re.Match[str]) -> bool:
    """45%-65%, 1.2亿元-1.5亿元, 0.125元/股-0.1875元/股, US$1.0 billion to US$1.2 billion: a
    trailing range counts only when its second end is written in the first's units, so two
    figures of different things (1.2亿元-1.5亿美元, 77.5亿元/同比-0.5%) stay apart."""
    if not m.group("r2") or m.group("num2"):
        return False
    if m.group("neg3") and (m.group("sign") or "").strip() not in ("-", "−"):
        return False  # 100万元至-50万元: a range of losses writes its minus on both ends
    first = _EndUnits.of(m, "prefix", "scale", "cur", "unit")
    second = _EndUnits.of(m, "prefix3", "scale3", "cur3", "unit3")
    if first.scale and second.scale and first.scale != second.scale:
        if not _climbs(m):
            return False
        first = replace(first, scale=second.scale)  # 9000万元至1.05亿元: one span, two scales
    if not first.agrees(second):
        return False
    per = m.group("per")
    if per and not m.string.startswith(per, m.end("r2")):
        return False  # 80美元/桶-90美元: the upper end is not per barrel
    # "rose 5% to 15%", "up from US$1.0 billion to US$1.2 billion": a change, not a range
    start = m.start()
    return not (
        m.group("to") and _CHANGE_BEFORE.search(m.string, max(0, start - _BEFORE_WINDOW), start)
    )


def _climbs(m: re.Match[str]) -> bool:
    """9000万元至1.05亿元, -2亿元至-9000万元: a range whose ends write different scales is one
    only when it runs from the lower figure to the higher (1.2亿元-1.5万元 is two figures)."""
    low, high = _decimal(m.group("num")), _decimal(m.group("num3"))
    if low is None or high is None:
        return False
    low *= _SCALES[m.group("scale").lower()]
    high *= _SCALES[m.group("scale3").lower()]
    return low > high if m.group("neg3") else low < high


def _high_scale(m: re.Match[str], scale: Decimal) -> Decimal:
    """The scale a range's upper end is in: its own when it writes one unlike the lower end's
    (9000万元至1.05亿元), else the lower end's."""
    upper = (m.group("scale3") or "").lower()
    if upper and upper != (m.group("scale") or "").lower():
        return _SCALES.get(upper, scale)
    return scale


@dataclass(frozen=True, slots=True)
class _EndUnits:
    """The words one end of a range writes after (or before) its digits."""

    scale: str  # 亿, billion, bn … as written (lower case)
    cents: bool  # 50美分 is in hundredths: not in the units of 0.6美元
    currency: str | None
    unit: str  # _UNITS' name: %, pp, shares …

    @staticmethod
    def of(m: re.Match[str], prefix: str, scale: str, cur: str, unit: str) -> _EndUnits:
        scale_word = (m.group(scale) or "").lower()
        cur_word = (m.group(cur) or "").lower()
        return _EndUnits(
            scale=str(_SCALES[scale_word]) if scale_word else "",
            cents=cur_word in _CENTS,
            currency=_currency(m.group(prefix), cur_word),
            unit=_unit_name((m.group(unit) or "").lower()),
        )

    def agrees(self, other: _EndUnits) -> bool:
        """Same scale, cents and unit; a currency either end leaves out is the other's
        (3000万-4000万元, 10亿元-12亿); and something written on both ends ties them (10元-12
        does not: the 12 may be anything)."""
        if (self.scale, self.cents, self.unit) != (other.scale, other.cents, other.unit):
            return False
        if self.currency and other.currency and self.currency != other.currency:
            return False
        return bool(self.scale or self.unit or (self.currency and other.currency))


def _is_code_or_heading(num: str, start: int, text: str, end: int) -> bool:
    """Stock codes (600519), section numbers (1.1 at a line start), list numbers, and a date
    run into a table row's figures (2025-05-140.00…, read as 2025-05 or 2025.05)."""
    if _STOCK_CODE.fullmatch(num):
        return True
    if len(num) in (4, 7) and end < len(text) and text[end] in _DATE_SEPARATORS:
        return _GLUED_ROW.match(text, start) is not None
    if text[end : end + 1] == "." and num.isdigit() and _CJK.match(text, end + 1):
        return True  # 拆解为1.不可复制的…, 总市值1.本文源自: a list marker or a cut-off figure
    if text[end : end + 1] == "," and _CUT_AT_COMMA.match(text, end):
        return True
    if _SECTION.fullmatch(num) and _at_line_start(text, start):
        follower = text[end : end + 1]
        if follower == ".":
            follower = text[end + 1 : end + 2]
        return follower in (" ", "、", "\t", ")", "）")
    return False


def _at_line_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _comparable_units(a: Quantity, b: Quantity) -> bool:
    """Same unit, or one figure written bare. Two units that differ (吨 and 斤, 元 and 吨) are
    two claims; `same_quantity` converts between units of one dimension first."""
    if a.unit == b.unit:
        return True
    # A bare number may stand for an amount whose unit was named earlier in the text (a
    # table's 万吨 header), or in a word not read as a unit (58万方 of land is 58万平方米).
    return "" in (a.unit, b.unit) and "%" not in (a.unit, b.unit)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Equal after normalisation, within the rounding the looser of the two texts implies."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    va, vb = a.value, b.value
    if {a.unit, b.unit} == {"%", ""}:
        pct, plain = (a, b) if a.unit == "%" else (b, a)
        if abs(plain.value) >= 1:
            return False
        va, vb = pct.value, plain.value * 100
        tolerance = max(pct.precision, plain.precision * 100)
        return _close(va, vb, tolerance, a, b)
    if a.unit != b.unit and a.unit in _CONVERSIONS and b.unit in _CONVERSIONS:
        (base_a, fa), (base_b, fb) = _CONVERSIONS[a.unit], _CONVERSIONS[b.unit]
        if base_a != base_b:
            return False  # 8.3亿吨 and 8.3亿亩 are no one quantity
        # 8300万吨 and 1660亿斤 are one harvest
        return _close(va * fa, vb * fb, max(a.precision * fa, b.precision * fb), a, b)
    if not _comparable_units(a, b):
        return False
    return _close(va, vb, max(a.precision, b.precision), a, b)


def _close(va: Decimal, vb: Decimal, tolerance: Decimal, a: Quantity, b: Quantity) -> bool:
    if va == vb:
        return True
    if abs(va - vb) < tolerance:
        return True
    # 下降2.76% and 跌幅2.76% state one fall: a sign that came from a word may be dropped.
    if a.negative != b.negative and abs(abs(va) - abs(vb)) < tolerance:
        return not _explicit_sign(a if a.negative else b)
    return False


def _explicit_sign(q: Quantity) -> bool:
    return q.text.lstrip().startswith(("-", "−", "("))


_ZH_CURRENCY = {
    "CNY": "元",
    "USD": "美元",
    "HKD": "港元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "SGD": "新加坡元",
    "KRW": "韩元",
    "TWD": "新台币",
    **OTHER_CURRENCY_NAMES,
}
_EN_CURRENCY = {
    "CNY": "RMB",
    "USD": "US$",
    "HKD": "HK$",
    "EUR": "EUR ",
    "GBP": "GBP ",
    "JPY": "JPY ",
    "SGD": "S$",
    "KRW": "KRW ",
    "TWD": "NT$",
}

_EN_PHYSICAL = {
    "吨": "t",
    "千克": "kg",
    "克": "g",
    "斤": "jin",
    "公顷": "ha",
    "亩": "mu",
    "平方米": "m²",
    "平方公里": "km²",
    "千瓦时": "kWh",
    "兆瓦时": "MWh",
    "吉瓦时": "GWh",
    "太瓦时": "TWh",
    "瓦": "W",
    "千瓦": "kW",
    "兆瓦": "MW",
    "吉瓦": "GW",
    "立方米": "m³",
    "升": "L",
    "桶": "barrels",
    "公里": "km",
    "米": "m",
    "毫米": "mm",
    "厘米": "cm",
    "吨公里": "tonne-km",
    "吨海里": "tonne-nautical-miles",
    "人公里": "passenger-km",
    "标箱": "TEU",
    "盎司": "oz",
}


def _trim(value: Decimal) -> str:
    return format(value.normalize(), "f")


def format_quantity(q: Quantity, lang: str = "zh") -> str:
    """Write a quantity the way a report in `lang` would (11亿美元 / US$1.1 billion)."""
    value = abs(q.value) if q.negative else q.value
    sign = "-" if q.negative else ""
    if q.unit in ("%", "‰", "pp", "bp", "times"):
        suffix = {
            "%": "%",
            "‰": "‰",
            "pp": "个百分点" if lang == "zh" else " pp",
            "bp": "bp",
            "times": "倍" if lang == "zh" else "x",
        }[q.unit]
        return f"{sign}{_trim(value)}{suffix}"
    if lang == "zh":
        for word, scale in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
            if abs(value) >= scale:
                number = f"{_trim(value / scale)}{word}"
                break
        else:
            number = _trim(value)
        if q.unit == "money" or q.unit.startswith("/"):  # 元, 元/千克
            unit = _ZH_CURRENCY.get(q.currency or "", "") + q.unit.removeprefix("money")
        elif q.unit == "shares":
            unit = "股"
        else:
            unit = q.unit if is_physical(q.unit) else (q.classifier or "")
        return f"{sign}{number}{unit}"
    for word, scale in (
        ("trillion", Decimal(10) ** 12),
        ("billion", Decimal(10) ** 9),
        ("million", Decimal(10) ** 6),
    ):
        if abs(value) >= scale:
            number = f"{_trim(value / scale)} {word}"
            break
    else:
        number = _trim(value)
    if q.unit == "money":
        return f"{sign}{_EN_CURRENCY.get(q.currency or '', '')}{number}"
    if q.unit.startswith("/"):  # RMB13.47/kg
        per = q.unit[1:]
        return (
            f"{sign}{_EN_CURRENCY.get(q.currency or '', '')}{number}/{_EN_PHYSICAL.get(per, per)}"
        )
    if q.unit == "shares":
        return f"{sign}{number} shares"
    if is_physical(q.unit):
        base, slash, per = q.unit.partition("/")
        return f"{sign}{number} {_EN_PHYSICAL.get(base, base)}{slash}{per}"
    return f"{sign}{number}"
