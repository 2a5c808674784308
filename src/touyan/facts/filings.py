"""Readers for company results and filing prose that the general rules of extract.py miss.

Kept apart from extract.py so that each shape is read in one place and called from one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from touyan.facts.labels import LABEL_METRIC
from touyan.text.numbers import Quantity, parse_numbers

# A stock's six-digit code as quote pages write it (sh600272, (600272), 600272.SH).
_STOCK_CODE = re.compile(r"(?<!\d)(?:sh|sz|bj|SH|SZ|BJ)?(\d{6})(?!\d)")
# A decimal with more digits than any figure is written with: a code glued on its end.
_LONG_DECIMAL = re.compile(r"\d\.\d{7,}$")
_LONG_DECIMAL_IN_TEXT = re.compile(r"\.\d{7}")


def unglued(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures, each one a quote page glued to the next item's code cut free of it.

    "市盈率(静)： 47.31902265 青禾股份": the page lost the break between the figure and the
    code that starts the next item (written as the page's code elsewhere: sh600319), so
    47.31902265 is two things. The code's six digits are the last, so the figure is what comes
    before them (47.31); a figure with a unit after the code is not read, rather than read wrong.
    """
    if _LONG_DECIMAL_IN_TEXT.search(text) is None:
        return list(quantities)
    codes = {m.group(1) for m in _STOCK_CODE.finditer(text)}
    out: list[Quantity] = []
    for q in quantities:
        bare = q.text.rstrip("%亿万元倍")
        code = next((c for c in codes if bare.endswith(c)), None)
        if code is None or not _LONG_DECIMAL.search(bare):
            out.append(q)
        elif bare == q.text and (cut := _cut_code(text, q, len(code))) is not None:
            out.append(cut)
    return out


def _cut_code(text: str, q: Quantity, length: int) -> Quantity | None:
    """The figure `q` without the code of `length` digits its text ends with."""
    start = q.span[0]
    written = text[start : q.span[1] - length]
    parsed = parse_numbers(written)
    if len(parsed) != 1 or parsed[0].span != (0, len(written)):
        return None
    return replace(parsed[0], span=(start, start + len(written)))


# "期初余额为X元，本期增加Y元，减少Z元，期末余额为W元": a balance's movement over the period,
# as the notes to a report state each item (短期薪酬, 应付职工薪酬, 短期借款).
_OPENING = re.compile(r"(?:期初余额|年初余额|上年年末余额|期初数)(?:总计|合计)?$")
_MOVEMENT = re.compile(
    r"[^\S\n]*[，,；;][^\S\n]*(?P<period>本期|本年|本报告期|报告期内)?(?P<verb>增加|减少)"
    r"(?:额|金额)?(?:为|了)?[^\S\n]*$"
)


# How the metric of a balance or its first movement ends: only a figure after one of these
# can be a movement.
BALANCE_ENDINGS = ("余额", "余额总计", "余额合计", "期初数", "本期增加", "本期减少")


def movement_metric(last_metric: str, between: str) -> str | None:
    """The metric of a figure right after a balance's opening figure or its first movement:
    the item's 本期增加 or 本期减少 (职工福利费期初余额为…，本期增加…，减少… gives
    职工福利费本期增加 and 职工福利费本期减少), or None when the figure is no movement."""
    found = _MOVEMENT.fullmatch(between)
    if found is None:
        return None
    if opening := _OPENING.search(last_metric):
        item = last_metric[: opening.start()]
    elif last_metric.endswith(("本期增加", "本期减少")):
        item = last_metric[:-4]
    else:
        return None
    return f"{item}本期{found['verb']}"


_FOUNDED = re.compile(
    r"(?:成立|上市|注册|设立|完工|竣工|投产|到期|发行|起息|兑付)(?:日期|时间)\s*(?:为|是)?\s*[:：]?\s*$"
)


def founded(text: str, start: int) -> bool:
    """Whether the date at `start` is the value of a date field: a company's founding or
    listing date (成立日期：1993-05-10), a project's completion (预计完工时间为2023年6月). It
    dates no figure written next to it."""
    before = text[max(0, start - 8) : start]
    return ("期" in before or "间" in before) and _FOUNDED.search(before) is not None


# "净利润亏损10亿元", "公司录得亏损1316.81万元", "扣非净利润亏损460.13万元": a loss is the
# profit figure, negative. Not last year's (上年同期亏损4455.13万元): that is another period.
_LOSS = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{0,14}?)(?:净)?亏损(?:额)?(?:了|为|达|约|高达)?[^\S\n]*[-]?$"
)
_LOSS_FILLER = re.compile(
    r"^(?:报告期内|全年|当期|本期|公司|该公司|本公司|实现|录得|出现|发生|共|合计|累计|仍|继续|同比)*$"
)
# Another period's loss, or another company's (子公司, 参股公司亏损).
_PRIOR = re.compile(
    r"上年同期|去年同期|上年|去年|上期|前一年|同比|子公司|分公司|参股|联营|合营|控股"
)
# "较上期的2,371,905,164.08元增加13.47%": the growth of the figure just stated, written
# after the base it is measured against.
_GROWTH_OVER_BASE = re.compile(
    r"[^\S\n]*[，,][^\S\n]*(?:较|比|相比)(?:上期|上年度?|去年|上年同期|去年同期|上年末|年初)的"
    r"[^\S\n]*[\d,.]+[^\S\n]*(?:[万亿]+)?元?(?:人民币)?[^\S\n]*"
    r"(?P<verb>增加|增长|上升|提升|提高|上涨|下降|减少|下滑|降低|下跌)(?:了|约)?[^\S\n]*$"
)
# "较去年同期资产负债率增加2.06个百分点": a rate's change, the rate named inside.
_RATE_NAMED_CHANGE = re.compile(
    r"(?:较|比)(?:去年|上年)同(?:报告)?期(?P<label>[\u4e00-\u9fffA-Za-z]{2,12}?)"
    r"(?P<verb>增加|减少|提升|下降|上升|下滑|提高|降低)(?:了)?[^\S\n]*$"
)
_FALLS = ("下降", "减少", "下滑", "降低", "下跌", "回落", "收窄")


def loss(text: str, clause_start: int, q: Quantity) -> tuple[str, int] | None:
    """The profit metric a loss figure states and where its label starts, or None."""
    if q.unit != "money":
        return None
    found = _LOSS.search(text, max(clause_start, q.span[0] - 24), q.span[0])
    if found is None:
        return None
    label = found["label"]
    if _PRIOR.search(label):
        return None
    if _LOSS_FILLER.fullmatch(label):
        return "net_profit", found.start()
    # The label is the profit word it ends with (全年归母净利润); the run before it may be the
    # name or a time word.
    metric = next(
        (m for i in range(len(label)) if (m := LABEL_METRIC.get(label[i:].lower())) in _PROFITS),
        None,
    )
    return (metric, found.start()) if metric else None


_PROFITS = frozenset({"net_profit", "net_profit_adjusted", "operating_profit"})


def growth_over_base(between: str) -> bool | None:
    """Whether the text between a figure and a percentage states the percentage as growth
    over a base written out (较上期的X元增加): True for a fall, False for a rise, None
    when it does not."""
    if "的" not in between or len(between) > 48:
        return None
    found = _GROWTH_OVER_BASE.fullmatch(between)
    return None if found is None else found["verb"] in _FALLS


def named_rate_change(text: str, clause_start: int, q: Quantity) -> tuple[str, int, bool] | None:
    """The figure a change names: inside its comparison (较去年同期毛利率减少3.35个百分点,
    较去年同报告期营业总收入增加1.69亿元) or, for a rate, right before its verb (毛利率下滑
    2.7pct, 期间费用率同比下降1.4个百分点): its metric (a rate's change, or an amount's
    change on the year), where its label starts and whether it fell."""
    if q.unit not in ("pp", "money", "count", "shares"):
        return None
    lo = max(clause_start, q.span[0] - 24)
    found = _RATE_NAMED_CHANGE.search(text, lo, q.span[0])
    if found is None and q.unit == "pp":
        found = _RATE_VERB_CHANGE.search(text, lo, q.span[0])
    if found is None:
        return None
    label = _PERIOD_LEAD.sub("", _RATE_LEAD.split(found["label"])[-1])
    if len(label) < 2:
        return None
    if found.re is _RATE_VERB_CHANGE and label.lower() not in LABEL_METRIC and len(label) > 5:
        return None  # 系列酒毛利率, 我国这个城镇化率: a segment's or a clause, not a rate's name
    start = found.end("label") - len(label)
    metric = LABEL_METRIC.get(label.lower(), label)
    metric += "_change" if q.unit == "pp" else "_yoy_change"
    return metric, start, found["verb"] in _FALLS


# "毛利率下滑2.7pct", "归母净利率依然提升0.8pct": the rate is the run ending in 率 before the
# verb, after the last word that joins it to the clause (公司, 和, 其).
_RATE_VERB_CHANGE = re.compile(
    r"(?P<label>[\u4e00-\u9fffA-Za-z]{2,14}率)(?:同比|环比)?(?:依然|仍然|仍|也|均|则|继续)?"
    r"(?:大幅|小幅)?(?P<verb>增加|减少|提升|下降|上升|下滑|提高|降低|回落|收窄|扩大)(?:了|约)?"
    r"[^\S\n]*$"
)
_RATE_LEAD = re.compile(r"公司|其|和|及|与|、|的|但|而|且|了|即使|因此|同时|此外")
_PERIOD_LEAD = re.compile(r"^(?:年|季度|月|全年|单季)")


# "户均持股数量由上期的7315股增加至7581股": the figure after 至 is the label's new level; the
# one after 由 is the previous period's, read as nothing.
_FROM_TO = re.compile(
    r"(?P<label>[\u4e00-\u9fffA-Za-z]{2,16}?)由(?:上期|上年|去年|年初|上月|上季度?)?的?[^\S\n]*"
    r"[\d,.]+[^\S\n]*[\u4e00-\u9fff]{0,3}[^\S\n]*"
    r"(?:增加|增长|上升|提升|提高|减少|下降|下滑|降低|回落|降|升|增|减)(?:到|至)[^\S\n]*$"
)
# "每10股派发现金红利276.24元（含税）": a dividend stated per ten shares.
_PER_TEN = re.compile(
    r"每[^\S\n]*(?:10|十)[^\S\n]*股[^\S\n]*(?:派发|派送|派息|派)(?:现金)?(?:红利|股利|股息)?"
    r"(?:人民币)?[^\S\n]*$"
)


def from_to(text: str, label_start: int, q: Quantity) -> tuple[str, int] | None:
    """The label whose new level a "由A减少至B" figure states, written from `label_start`
    (the clause's start or the name before it), and where it starts."""
    found = _FROM_TO.match(text, label_start, q.span[0]) if q.span[0] - label_start < 64 else None
    if found is None or found.end() != q.span[0]:
        return None
    lead = _FROM_TO_LEAD.match(found["label"])
    label = found["label"][lead.end() :] if lead else found["label"]
    if len(label) < 2:
        return None
    return LABEL_METRIC.get(label.lower(), label), found.start("label")


_FROM_TO_LEAD = re.compile(r"^(?:其中|公司|该公司|本公司|同时|此外|另外|而|且|并)+")


def per_ten_shares(text: str, clause_start: int, q: Quantity) -> int | None:
    """Where a per-ten-shares dividend's phrase starts, when `q` is one."""
    if q.unit != "money":
        return None
    found = _PER_TEN.search(text, max(clause_start, q.span[0] - 16), q.span[0])
    return found.start() if found else None


# "期末余额为52,614,907.31元，相较于期初的29,083,552.76元有显著增长": the balance the period
# opened with, written as the base of the closing one.
_OPENING_BASE = re.compile(
    r"[^\S\n]*[，,][^\S\n]*(?:相较于|相比于?|较|比)(?:期初|年初|上年末|上年年末)的?[^\S\n]*$"
)
_CLOSING = re.compile(r"(?:期末)?(?:余额)?(?:总计|合计)?$")


def opening_metric(last_metric: str, between: str) -> str | None:
    """The opening balance's metric when `between` (after the closing balance) names it as
    the base: the closing balance's item + 期初余额."""
    if _OPENING_BASE.fullmatch(between) is None:
        return None
    return f"{_CLOSING.sub('', last_metric, count=1)}期初余额"


# "资产负债率2023年末为57.19%", "归属于上市公司股东的净资产2023年末为836.42亿元": a results
# label, then the period it holds for, then the figure. The period is no part of the label.
_ACROSS_TAIL = re.compile(r"(?:末|底)?[^\S\n]*(?:为|是)[^\S\n]*[+]?$")
_ACROSS_HEAD = re.compile(r"(?:率|额|资产|负债|权益|比|利润|收入|营收|收益)$")
# The words a label may follow: a unit ending the figure before (1197.23亿元资产负债率…) or
# one joining it to the clause.
_ACROSS_LEAD = re.compile(
    r"^(?:[万亿]*元|[万亿]+|人民币|美元|公司|该公司|本公司|其中|同时|此外|另外|以及|而|且|其)+"
)
_ACROSS_BREAK = re.compile(r"[^\u4e00-\u9fffA-Za-z]|的")
_ATTRIBUTED_BEFORE = re.compile(r"归属于(?:上市公司|母公司)?(?:股东|所有者)的$")
PERIODS = ("year", "quarter", "month", "report")  # a period's date, not a day's


def date_after_label(text: str, date_start: int, lo: int) -> tuple[str, int] | None:
    """The label written right before a period (资产负债率|2024年末|为…) and where it starts;
    `lo` bounds it (the clause's start or the end of the name before it)."""
    run = text[max(lo, date_start - 16) : date_start]
    cut = max((m.end() for m in _ACROSS_BREAK.finditer(run)), default=0)
    label = run[cut:]
    start = date_start - len(label)
    if lead := _ACROSS_LEAD.match(label):
        label, start = label[lead.end() :], start + lead.end()
    if len(label) < 2 or len(label) > 12:
        return None
    metric = LABEL_METRIC.get(label.lower())
    if metric is None:
        if _ACROSS_HEAD.search(label) is None or _CLAUSE_WORDS.search(label):
            return None
        metric = label
        if owners := _ATTRIBUTED_BEFORE.search(text, max(0, start - 12), start):
            metric, start = owners.group() + label, owners.start()  # 归属于…股东的净资产
    return metric, start


_CLAUSE_WORDS = re.compile(r"[了将被把在从由对]|实现|录得|同比|环比|较|预计|目标|计划")


def across_tail(text: str, lo: int, at: int) -> int | None:
    """Where the period before the figure at `at` ends, when only 末/底 and 为 follow it."""
    lo = max(lo, at - 6)
    if text.find("为", lo, at) < 0 and text.find("是", lo, at) < 0:
        return None  # the common case, cheaply: every `_ACROSS_TAIL` holds 为 or 是
    found = _ACROSS_TAIL.search(text, lo, at)
    return found.start() if found else None


# "销售毛利率为21.35%，较上年同期的23.02%，下滑1.67pct": the rate's change, in points,
# written after the base it is measured from.
_POINTS_OVER_BASE = re.compile(
    r"[^\S\n]*[，,][^\S\n]*(?:较|比|相比)(?:上年同期|去年同期|上年|去年|上期|年初)的?[^\S\n]*"
    r"[\d.]+[^\S\n]*%[^\S\n]*[，,]?[^\S\n]*(?:同比)?"
    r"(?P<verb>增加|增长|上升|提升|提高|下降|减少|下滑|降低|回落|收窄|扩大)(?:了|约)?[^\S\n]*$"
)


# "毛利率38.62%，同比-2.15pcts": the rate's change on the year, signed, right after it.
_POINTS_ON_YEAR = re.compile(
    r"[^\S\n]*[，,][^\S\n]*(?:同比|较上年同期|较去年同期|比上年同期)[^\S\n]*"
    r"(?:(?P<verb>增加|上升|提升|提高|下降|减少|下滑|降低|回落|收窄|扩大)(?:了|约)?)?[^\S\n]*$"
)


def points_over_base(between: str) -> bool | None:
    """Whether the text between a rate and a change in points states the rate's change on
    the year: after the base written out (，较上年同期的15.89%，下滑) or right after 同比
    (，同比-1.22pcts). True for a fall, False for a rise or a signed figure, None when it
    does not state one."""
    if len(between) > 40:
        return None
    found = _POINTS_OVER_BASE.fullmatch(between) or _POINTS_ON_YEAR.fullmatch(between)
    return None if found is None else found["verb"] in _FALLS


# "同比-1.84pct，环比+0.66pct": the same rate's change on the quarter, after its change on
# the year.
_POINTS_ON_QUARTER = re.compile(
    r"[^\S\n]*[，,][^\S\n]*环比[^\S\n]*"
    r"(?:(?P<verb>增加|上升|提升|提高|下降|减少|下滑|降低|回落|收窄|扩大)(?:了|约)?)?[^\S\n]*$"
)


def points_on_quarter(between: str) -> bool | None:
    """Whether `between` (after a rate's change on the year) states its change on the
    quarter: True for a fall, False for a rise or a signed figure, None when it does not."""
    found = _POINTS_ON_QUARTER.fullmatch(between) if len(between) <= 12 else None
    return None if found is None else found["verb"] in _FALLS


# "智能仓储设备营收4.12亿元，同比+27%，毛利率43.19%": a margin written right after a
# business line's revenue is that line's margin, not the company's.
# So is its operating margin (云服务收入52亿元，同比增长31%，营业利润率提升至12.4%).
_LINE_RATES = frozenset({"gross_margin", "net_margin", "operating_margin"})
# And its share of revenue, which no known metric names (海外业务收入同比+18%，收入占比升至
# 27.5%): the line's, not the company's.
_LINE_RATE_WORDS = re.compile(r"(?:营业)?(?:收入|营收)占比")
_LINE_FIGURES = re.compile(r"revenue(?:_yoy)?")
# The next item, maybe after a clause that states no figure and turns to no whole (同比增长19%，
# 增速领先同业，且营业利润率…): still the line's.
_NEXT_ITEM = re.compile(
    r"[^\S\n]*[，,](?:[^\d，,。；;\n]{1,16}[，,])?[^\S\n]*(?:且|并且|同时|但|而)?[^\S\n]*"
)
_WHOLE_WORDS = re.compile(r"公司|集团|整体|总体|全年|合计|业务|板块|分部")


def names_line_rate(metric: str) -> bool:
    """Whether `metric` is a rate a business line has of its own (毛利率, 营业利润率)."""
    return metric in _LINE_RATES or _LINE_RATE_WORDS.fullmatch(metric) is not None


def line_rate(metric: str, last_metric: str, between: str) -> bool:
    """Whether the rate `metric`, written after `between` that follows a business line's
    figure `last_metric`, is that line's."""
    return (
        names_line_rate(metric)
        and _LINE_FIGURES.fullmatch(last_metric) is not None
        and _NEXT_ITEM.fullmatch(between) is not None
        and _WHOLE_WORDS.search(between) is None
    )


# "净收入为173亿元，其中云计算及企业服务贡献96亿元": the part of the figure just stated
# that one business line brought in.
_CONTRIBUTED = re.compile(
    r"[^\S\n]*[，,][^\S\n]*其中[^\S\n]*(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,14}?)"
    r"[^\S\n]*贡献(?:了|约)?[^\S\n]*$"
)
_PART_WORDS = re.compile(r"[了将被把在从由对为是]|同比|环比|较|预计|分别|合计|共")
_CONTRIBUTED_OF = frozenset({"revenue", "net_profit", "operating_profit", "gross_profit"})


def contributed_part(last_metric: str, between: str) -> str | None:
    """The business line whose share of the figure just stated (`last_metric`) the next
    amount is, when `between` says 其中X贡献."""
    if last_metric not in _CONTRIBUTED_OF or "贡献" not in between:
        return None
    found = _CONTRIBUTED.fullmatch(between)
    if found is None or _PART_WORDS.search(found["part"]):
        return None
    return found["part"]
