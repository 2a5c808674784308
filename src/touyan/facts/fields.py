"""What a card's field says of itself: the subject it names when that is not the card's fund
or company, and the unit its label's brackets name.

A fund's return breakdown lists, field by field, the fund's own figures and those of what it
is measured against: "青禾X混合C近一月的基金收益率是: 1.37% 中证800近一月的市场基准收益率是:
3.05% 新材赛道近一月的赛道相对全市场超额收益率是: -0.48%". The benchmark's return and the
track's excess return belong to the index and the track the field names, not to the fund the
card is about.

A card's label may also name the unit its bare figure is in (营业收入（万元）：52,310, 前三名
高管报酬(元):1781700.0000): `bracketed_unit` reads the figure in that unit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from touyan.text.numbers import Quantity

# A benchmark index (中证800, 沪深300, 中证全指, 恒生指数) or a fund track (固收赛道, 固收+赛道),
# then the trailing window the figure covers, written where the field starts.
_FIELD_NAME = re.compile(
    r"(?P<name>(?:中证|沪深|上证|深证|国证|创业板|科创|恒生|中债)[\u4e00-\u9fffA-Za-z0-9]{0,8}?"
    r"|[\u4e00-\u9fffA-Za-z0-9]{1,10}?指数|[\u4e00-\u9fff]{1,6}\+?赛道)"
    r"(?:近[\d一二三四五六七八九十]{1,2}个?[年月周日]|今年以来)?的?"
)
_FIELD_START = re.compile(r"[\s:：，,。；;】【|]")
_FIELD_REACH = 24  # characters: an index or track name and its window
_INDEX_PREFIX = re.compile(r"中证|沪深|上证|深证|国证|创业板|科创|恒生|中债")


def field_subject(text: str, lo: int, label_start: int) -> tuple[str, int] | None:
    """The index or track named at the start of the field holding the label at `label_start`,
    and where the field starts."""
    lo = max(lo, label_start - _FIELD_REACH)
    near = text[lo:label_start]
    if "赛道" not in near and "指数" not in near and not _INDEX_PREFIX.search(near):
        return None
    start = lo
    for found in _FIELD_START.finditer(text, lo, label_start):
        start = found.end()
    if start == lo and lo > 0 and not _FIELD_START.match(text, lo - 1):
        return None  # the field starts further back: no short name opens it
    named = _FIELD_NAME.fullmatch(text, start, label_start)
    return (named["name"], start) if named else None


# An industry a clause opens with (房地产开发行业A股上市公司户均持股市值, 同期机械设备行业整体
# 区间涨跌幅, 某地医药批发行业中成药类的销售额): its figure is the industry's, not the company
# the text is about; a class of goods named after it (中成药类) is the part of the industry the
# figure is of. A company's place in an industry (在电机及电控行业市值排名, 所属行业, 行业排名)
# is the company's.
# (Not 银行业务, 银行业绩: a bank's business line and results, whose 行业 is no word.)
_INDUSTRY = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,12}?行业)(?![务绩])(?P<part>[\u4e00-\u9fff]{1,4}类)?"
)
_INDUSTRY_LEAD = re.compile(
    r"(?:(?:19|20)\d{2}\s*年(?:度|末)?的?|同期|其中|同时|此外|另外|而|的"
    # 截至2025年6月30日汽车零部件行业上市公司平均股东户数: the day the clause is as of
    r"|(?:截至|截止到?)\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:末|底)?\s*)+"
)
_PLACE_IN = re.compile(r"[在属所其]|公司|企业")


def industry_subject(text: str, lo: int, value_start: int) -> tuple[str, str | None] | None:
    """The industry the clause from `lo` to the figure at `value_start` opens with, and the
    class of goods of it the figure is of, if one is named."""
    if "行业" not in text[lo:value_start]:
        return None
    lead = _INDUSTRY_LEAD.match(text, lo)
    start = lead.end() if lead else lo
    found = _INDUSTRY.match(text, start, value_start)
    if found is None or "排名" in text[found.end() : value_start]:
        return None
    name = found["name"]
    if _PLACE_IN.search(name):
        return None
    return name, found["part"]


# 前三名高管报酬(元):1781700.0000, 营业收入（万元）：52,310: a card's label with its unit in
# brackets, then a bare number, which is an amount in that unit.
_LABEL_UNIT = re.compile(
    r"[(（]\s*(?:单位\s*[:：]\s*)?(?P<scale>万|亿|千|百万|千万)?(?P<unit>元|美元|港元|股)\s*[)）]"
    r"\s*[:：]?\s*$"
)
_UNIT_SCALES = {"万": 10**4, "亿": 10**8, "千": 10**3, "百万": 10**6, "千万": 10**7}
_UNIT_CURRENCIES = {"元": "CNY", "美元": "USD", "港元": "HKD"}


def bracketed_unit(text: str, q: Quantity) -> Quantity:
    """The figure in the unit its label's brackets name, when the text wrote none with it."""
    if q.unit or q.scale != 1 or text[q.span[0] - 1 : q.span[0]] not in (")", "）", ":", "：", " "):
        return q
    found = _LABEL_UNIT.search(text, max(0, q.span[0] - 16), q.span[0])
    if found is None:
        return q
    scale = Decimal(_UNIT_SCALES.get(found["scale"] or "", 1))
    currency = _UNIT_CURRENCIES.get(found["unit"])
    return replace(
        q,
        value=q.value * scale,
        high=q.high * scale if q.high is not None else None,
        precision=q.precision * scale,
        scale=scale,
        unit="money" if currency else "shares",
        currency=currency,
    )
