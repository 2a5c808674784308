"""Labels a clause was cut into: the words a free-text label must not end or start with.

A label read back from a figure runs to the clause's start, and prose puts adverbs and verbs
between a measure's name and its figure that no connector lists (某某收入规模已达12亿元,
净利润大幅增长至3亿元, 某公司开盘即达88元). Such a label either names its figure once the
words are cut off (收入规模, 净利润) or names nothing (飙升至, 微幅_yoy): this module tells which.
It also finds the market a bare market share or market size is of (在全球某某市场中的市场份额
约为30%: 全球某某市场), without which such a figure says nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.extract import MEASURE_HEAD, ExtractedFact
from touyan.facts.labels import LABEL_METRIC

# A derived metric's suffixes, kept as they are when a label's base is cut.
_SUFFIXES = re.compile(r"(?:_(?:yoy|qoq|ytd|change|forecast|cagr))+$")
# 收入规模已(达), 死亡人数已经(超过): "already" before the verb the connectors read.
_ALREADY_TAIL = re.compile(r"已经?$")
# 净利润大幅增长至, 销量调升至: a move to a level, the level being the figure.
_MOVE_TAIL = re.compile(
    r"(?:显著|大幅|小幅|明显|快速|迅速)?"
    r"(?:飙升|攀升|跃升|增长|上升|提升|提高|下降|下滑|回落|调升|调降|上调|下调|升|降|增|涨|跌)至$"
)
# 开盘即(达): an event's moment (at once), not a measure's name: the label is a clause.
_EVENT_TAIL = re.compile(r"即$")
# A label that is only an adverb of degree or a day (沪指微幅上涨0.05%, 首日暴涨超100%): the
# move's size is there, its name (a day's change, not a year's growth) is not.
_NO_NAME = re.compile(r"(?:微幅|小幅|大幅|略微?|稍|[^_]*(?:首日|当日|盘中))$")
# 部分岗位招聘数增速, 一些企业利润: a figure of some members of a group, which ones not said.
_SOME_OF = ("部分", "一些", "某些", "个别", "有的")
# The last characters of every tail above: a label ending otherwise is left as it is.
_TAIL_CHARS = frozenset("已经至即幅略微稍日中")
_ENDS_MEASURED = re.compile(rf"(?:{MEASURE_HEAD})$")
# A measure's head alone names no figure (比重 of what, 规模 of what).
_BARE_HEADS = frozenset({"比重", "比例", "占比", "规模", "份额", "数量", "金额", "价", "率"})


def tidied_label(metric: str) -> str | None:
    """`metric` as its figure's name: unchanged when no cut word ends or starts it, cut to
    the measure's name when one is left (收入规模已 → 收入规模; 净利润显著增长至_yoy →
    net_profit_yoy), else None (芯片企业开盘即, 飙升至, 微幅_yoy, 比重已: nothing named)."""
    suffix = _SUFFIXES.search(metric) if "_" in metric else None
    base = metric[: suffix.start()] if suffix else metric
    tail = suffix.group() if suffix else ""
    if not base:
        return metric
    if base.startswith(_SOME_OF):
        return None
    if base[-1] not in _TAIL_CHARS:
        return metric  # the common case, cheaply: a label ending in its measure's name
    if _EVENT_TAIL.search(base) or _NO_NAME.fullmatch(base):
        return None
    cut = _ALREADY_TAIL.search(base) or _MOVE_TAIL.search(base)
    if cut is None:
        return metric
    named = base[: cut.start()]
    known = LABEL_METRIC.get(named.lower())
    if known is not None:
        return known + tail
    if named in _BARE_HEADS or not _ENDS_MEASURED.search(named):
        return None  # 比重已, 支付牌照已: what the figure measures is not named
    return named + tail


# A market share or size named by no product (市场份额, 整体销量份额, 市场规模).
_MARKET_MEASURE = re.compile(
    r"(?:整体|总体)?(?:(?:销量|销售额|出货量)市?场?|市场)(?:份额|规模|占有率)|市占率"
)  # (not 规模 alone: a fund's or a firm's size names its own)
# The market a text names before such a figure: 在全球某某市场(中), a market the clause
# opens with and tells about (中国某某市场在2025年…, 某某市场的…), or one a year opens. Not
# a market a verb names (主攻高端市场, 进入海外市场): no figure is said to be that market's.
_MARKET_NAMED = re.compile(
    r"(?:在|于)(?P<a>[^\s，,。；;：:、()（）]{2,14}?市场)"
    r"|(?:^|(?<=[\s，,。；;：:、]))(?P<b>[^\s，,。；;：:、()（）在于]{2,14}?市场)"
    r"(?=中|的|在|上|里|内|(?P<measure>规模|份额|占有率))"
    # 抢占2024年国内某某市场第一: a market a year opens the name of
    r"|(?:19|20)\d{2}年度?(?P<c>[^\s，,。；;：:、()（）的]{2,12}?市场)"
)
_CLAUSE_BREAK = re.compile(r"[，,。；;\n]")
# A time the market's name opens with (2021年中国某某市场: the 中国某某市场), and a market
# named by a time alone (10月份的市场) or through 的 (某品牌的市场): no market's name.
_TIME_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?|\d{1,2}月份?|[上下]半年|今年|去年|全年|在|于)+")
_MARKET_REACH = 160
_SIZE = re.compile(r"规模")


_MARKET_WORD = re.compile(r"份额|规模|占有率|市占率")


def is_market_measure(metric: str) -> bool:
    """Whether a metric is a bare market share or market size (市场份额, 市场规模)."""
    return _MARKET_MEASURE.fullmatch(metric) is not None


def market_named(text: str, at: int) -> str | None:
    """The market named last before `at` (within a short reach), else None."""
    found: str | None = None
    for m in _MARKET_NAMED.finditer(text, max(0, at - _MARKET_REACH), at):
        if m["measure"] and not _CLAUSE_BREAK.search(text, m.end(), at):
            continue  # 某公司市场份额约为9%: the share's own label, the company's name in it
        name = _TIME_LEAD.sub("", m["a"] or m["b"] or m["c"])
        if len(name) > 3 and "的" not in name:  # 全球GPU市场, not 该市场 or 大市场
            found = name
    return found


# A clause that opens by naming the field its figure is of (• 某某培训领域，渗透率超过60%;
# 在某某行业，利润率为8%): the figure is that field's, not the subject's at large.
_FIELD_OPENS = re.compile(
    r"(?:^|(?<=[\n•·；;。]))\s*(?:在|而在)?(?P<field>[\u4e00-\u9fffA-Za-z0-9]{2,10}?(?:领域|行业|板块))"
    r"\s*[，,]\s*[^，,。；;\n]{2,16}$"
)
_FIELD_REACH = 36
_FIELD_WORD = re.compile(r"领域|行业|板块")


def field_named(text: str, at: int) -> str | None:
    """The field the figure's clause opens by naming (企业培训领域), else None."""
    start = max(0, at - _FIELD_REACH)
    if not _FIELD_WORD.search(text, start, at):
        return None  # the common case, cheaply: no field named in reach
    m = _FIELD_OPENS.search(text, start, at)
    return m["field"] if m else None


# A board or market a figure's subject is, and the group of its firms the text narrows it
# to (某板新能源公司的…, 某板医药企业整体…): a figure of those firms, not the board's.
_MARKETS = frozenset({"A股", "港股", "美股", "北交所"})
_BOARD = re.compile(r".{1,4}板|A股|港股|美股|北交所")
_BOARD_PART = re.compile(r"(?!上市|挂牌)[\u4e00-\u9fffA-Za-z]{2,8}?(?:公司|企业)")
_BOARD_REACH = 80


def board_part(subject: str, text: str, at: int) -> bool:
    """Whether the last naming of a board `subject` before `at` narrows it to a group of
    its firms (科创板创新药公司: those firms' figure, which the board's would misstate)."""
    if not (subject.endswith("板") or subject in _MARKETS) or not _BOARD.fullmatch(subject):
        return False
    named = text.rfind(subject, max(0, at - _BOARD_REACH), at)
    return named >= 0 and _BOARD_PART.match(text, named + len(subject)) is not None


# 某国在全球某某业中的份额已经达到40%: a bare share whose whole the words before name.
_SHARE_IN_WHOLE = re.compile(
    r"在(?P<whole>[^\s，,。；;：:、()（）的]{2,12}?)(?:中|里|内)的(?P<share>份额|比重|占比)"
    r"已经?(?:达到?|为|超过?|约|高达)*\s*$"
)


def tidied_fact(fact: ExtractedFact, text: str, at: int) -> ExtractedFact | None:
    """`fact` under its tidied label (`tidied_label`), a bare market share or size given the
    market named before it (or the field its clause opens with); None when the label names
    nothing, a board's figure is a group of its firms', or a market size names no market
    (市场规模突破千亿 with no market in reach: the size of what is not said)."""
    label = fact.metric
    asked = "_" in label or label[-1:] in _TAIL_CHARS or label.startswith(_SOME_OF)
    metric = tidied_label(label) if asked else label  # (most labels: left as they are)
    if metric is None and (whole := _SHARE_IN_WHOLE.search(text, max(0, at - 32), at)):
        return replace(fact, metric=whole["share"], object=whole["whole"])
    if metric is None or board_part(fact.subject, text, at):
        return None
    if fact.object is not None:
        return fact if metric == fact.metric else replace(fact, metric=metric)
    if _MARKET_WORD.search(metric) and is_market_measure(_SUFFIXES.sub("", metric)):
        market = market_named(text, at)
        if market is None and not _SIZE.search(metric):
            # 某公司市占率达32%: a company's share of the market it is in, whose name the
            # text around it takes as known; kept as said
            return fact if metric == fact.metric else replace(fact, metric=metric)
        if market is None:
            return None  # 市场规模突破千亿: the size of no market named
        return replace(fact, metric=metric, object=market)
    if field := field_named(text, at):
        return replace(fact, metric=metric, object=field)
    return fact if metric == fact.metric else replace(fact, metric=metric)
