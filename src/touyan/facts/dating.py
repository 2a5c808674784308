"""When a figure holds: the date a sentence gives it (`date_for`), and what dates a metric
may hold (a period's result, a price on a day, a session's quote under a stale calendar line,
the period before a day). The dates a text implies as a whole (months written without their
year, the day its data are as of, its title's date) are `implied_dates`'."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from touyan.facts.carried_windows import TRAILING as _TRAILING
from touyan.facts.carried_windows import window_before
from touyan.facts.labels import RATIO_METRICS
from touyan.facts.listed_dates import listed_date
from touyan.facts.same_day import same_day
from touyan.facts.sections import section_marks
from touyan.facts.sessions import RECENT_DAYS
from touyan.facts.table_columns import column_date
from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# A comparison's base (比1978年, 较4月份) is compared with, not what a figure is dated by.
# 恢复至2019年的97.5%: the year a recovery is measured against, the base of a ratio.
BASE_BEFORE = re.compile(r"(?:(?<![同环])比|较|相比|相较于?|相对于|对比|恢复[至到]了?)\s*$")
# 同比2019年增长30%: 同比 written right before a date and a change after it names the date as
# the base (not 累计同比2024年10月为4.3%, a series' label, then the month of each figure).
BASE_CHANGE_AFTER = re.compile(
    r"(?:同期|期间|假期)?(?:分别|均)?(?:增长|增加|上升|提升|上涨|提高|下降|减少|下滑|下跌|回落|增|降|涨|跌)"
)
# Written after a date, the same (与2024-06-30相比, 与上月相同, 在2021年基础上退坡30%); so is a
# period of it (与去年同期相比: the figure is this year's, compared with last year's; 与去年底
# 相比: a point of it).
BASE_AFTER = re.compile(
    r"\s*(?:[初底末]\s*)?(?:同期\s*)?(?:(?:基本|大致|大体)?(?:相比|相较|比较|相同|持平|一致|相当)"
    r"|的?基础上)"
)


_LISTED_ON = re.compile(r"\d[^、•|]*[、•|]")
# A clause break between a figure and a date after it (渗透率达到40%，…，2025年有望…).
_COMMA = re.compile(r"[，,；;]")
# A later clause's date that opens an outlook (2026年有望迎来…; not 会计, 年会).
_OUTLOOK = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:可能|或将|将|有望|预计|预期|会(?![计议]))")
# A plan's time, written right after the plan's word (计划今年三季度建成, 预计于2026年投产).
_PLANNED = re.compile(r"(?:计划|预计|拟|将)(?:于|在|将于)?$")
# A window that counts something (最近60天内有16个研究报告): the count is the window's figure.
# So does one that counts brokers' reports (近3个月累计研报27家, 近一个月获得17份券商研报).
_WINDOW_COUNT = re.compile(r"\s*内?(?:共|累计)?(?:有|获得?|研报)+\s*\d+")
# A caption or heading that introduces a table (近5日资金流向一览见下表：): the window is the
# table's, which the text no longer holds, not the figures written after the caption.
_CAPTION = re.compile(r"见下表|见表|如下表|一览|如下\s*[:：]")
# A full stop written as an ASCII dot between Chinese words (…万元.以4月28日…) ends a sentence.
_DOT_STOP = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")


def date_for(
    q: Quantity,
    sentence: tuple[int, int],
    dates: Sequence[DateMention],
    text: str,
    published_at: dt.date | None = None,
) -> tuple[DateMention | None, DateMention | None]:
    """The date a figure holds for, and the trailing window it covers (近一周), if any.

    A window is measured back from a date (截止2025年05月14日…近一周涨跌幅): the window names
    the period, the last calendar date before it the as-of day.
    """
    marks = section_marks(text)
    if marks and (at := bisect.bisect_right(marks, q.span[0])) and marks[at - 1] > sentence[0]:
        # …营收排名前十的股票如下表：二、近期盘面情况…近7日涨跌幅: a section heading starts a
        # new context within a run the text writes without a full stop
        sentence = (marks[at - 1], sentence[1])
    if (column := column_date(q, dates, text)) is not None:
        return column, None  # 营收 | 1.2亿元 | 3.4亿元 under 指标 | 2022年 | 2023年
    in_sentence = [d for d in dates if sentence[0] <= d.span[0] < sentence[1]]
    if (own := own_as_of(q, in_sentence, text)) is not None:
        return own, None
    before = [d for d in in_sentence if d.span[0] < q.span[0]]
    window = before[-1] if before and before[-1].granularity == "relative" else None
    if not before:
        window = window_before(sentence[0], q, dates, text)
    if window and _TURNED_FROM.match(text, max(0, window.span[0] - 1), q.span[0]):
        window = None  # CPI由上月下降0.4%转为上涨0.7%: the start of a turn, not the figure's
    if window and _LISTED_ON.search(text, window.span[1], q.span[0]):
        window = None  # 近三月涨跌幅为-3.41%、上周最高价为12.57元: the list's next item
    if (
        window
        and (counted := _WINDOW_COUNT.match(text, window.span[1]))
        and counted.end() <= q.span[0]
    ):
        window = None  # 最近60天内有16个研究报告…涨停：9.20: the window counts the reports
    if window and _CAPTION.search(text, window.span[1], q.span[0]):
        window = None
    if window and published_at is not None and (year := _past_year(window, before, text)):
        return year, None  # 去年我国城镇化率是64.7%: last year's rate
    if window and _WITHIN.match(text, window.span[1]):
        # 今年春节后，…单日成交额高达220亿元: a day within the year, which the text does not name
        return replace(window, dated=False), None
    anchors = [d for d in before if d.granularity != "relative"]
    if anchors and window is not None and window.text.startswith(_TRAILING):
        anchors = _past_session_item(anchors, window, text)
    elif len(anchors) > 1 and window is None and "、" in text[anchors[-1].span[1] : q.span[0]]:
        anchors = _past_session_repeated(anchors, q, text)
    if anchors:
        anchor = _header_column(anchors, q, text)
        if anchor is anchors[-1]:
            anchor = listed_date(anchors, q, text)  # 2021年、2022年…，销售额a、b
        if window is not None and window.text == "本周":
            anchor = _week_end(anchors, anchor)
        if window is not None and anchor.granularity == "day" and window.text in _LAST_PERIODS:
            return _last_period(window, anchor.start), None
        if not _ESTIMATE.search(text, sentence[0], q.span[0]):
            anchor = _so_far(anchor, published_at)
        return _act_year(anchor, text, published_at), window
    after = [d for d in in_sentence if d.granularity != "relative"]
    if after and after[0].granularity == "day" and _DISCLOSED.match(text, after[0].span[1]):
        # 股东户数下降1.16%，户均持股6.7万元X公司2025年5月12日在互动易披露，截至2025年4月
        # 30日…: the day a headline's figures were told, not the day they are as of
        as_of = [
            d for d in after[1:] if _AS_OF_BEFORE.search(text, max(0, d.span[0] - 4), d.span[0])
        ]
        if as_of:
            after = as_of
    if after and _DOT_STOP.search(text, q.span[1], after[0].span[0]):
        after = []  # 归母净利润2317.40万元.以6月3日收盘价计算: the next sentence's day
    if (
        after
        and _COMMA.search(text, q.span[1], after[0].span[0])
        and (
            _OUTLOOK.match(text, after[0].span[1])
            or _PLANNED.search(text, max(0, after[0].span[0] - 4), after[0].span[0])
        )
    ):
        # 渗透率达到40%，…，2025年可能迎来拐点, 持股76%，…（计划今年三季度建成）: a later
        # clause's outlook or plan
        after = []
    if after and _now_before(text, max(sentence[0], q.span[0] - 16), q.span[0], after[0]):
        after = []  # 当前市盈率TTM为23.41倍，6月9日某券商研报给予评级: the report's day
    if after and _in_book_title(after[0], text):
        after = []  # 市值2300亿 …发布了头条文章：《5月投资需关注》: a work's name
    if after and _own_figure_after(after[0], dates, text, q):
        after = []  # 铜材占成本80%以上，2023年铜价波动超20%: the next clause's date
    if (
        after
        and published_at is not None
        and after[0].granularity == "day"
        and after[0].start > published_at
        and _PLAN.search(text, q.span[1], after[0].span[0])
    ):
        after = []  # 持股7.2%，计划于2025年6月3日至9月2日减持: a plan's days, ahead
    if after and window is None:
        return after[0], None
    earlier = [d for d in dates if d.span[1] <= sentence[0] and d.granularity != "relative"]
    while earlier and (
        _ISSUE_NAMED.match(text, earlier[-1].span[1])
        or _from_level(earlier[-1], text)
        or _running_since(earlier[-1], text, sentence[0], q.span[0])
        or _MILESTONE.match(text, earlier[-1].span[1])
    ):
        earlier.pop()  # 2017年公开发行公司债券，…。主要子公司…净利润: the bond's name
    if earlier and _POINT_OPENS.match(text, sentence[0]):
        earlier = _before_points(earlier, sentence[0], text)
    if (
        earlier
        and window is not None
        and window.text.startswith(_TRAILING)
        and window.text.endswith(_SHORT)
        and earlier[-1].granularity != "day"
    ):
        # 一季度营收排名第1。近7日涨跌幅2.8%: a trailing window ends on a recent day, not at
        # the end of a period an earlier sentence named
        return day_before(sentence[0], dates, published_at), window
    if earlier and window is not None and window.text in _NAMED_YEARS:
        # 2021年年底前销量下降。…今年料下降2.8%: the year of writing, which an earlier
        # sentence's year is not (undated when the text has no publication date); 今年2月
        # in such a text is a month of it no one can date
        if not _PART_OF_YEAR.match(text, window.span[1]):
            return window, None
        if not window.dated:
            return None, None
    if earlier and (day := same_day(text, sentence[0], earlier)) is not None:
        return day, window  # 8月27日…。1-7月收入…。同日，…: the day, not the period
    if earlier:
        carried = _listed_period(earlier, text) or _last_listed_day(earlier[-1], text)
        if window is not None and window.text == "本周":
            carried = _week_end(earlier, carried)
        return _carried(carried, published_at), window
    return None, window


# A calendar year named from the day of writing: it names its own year, carried from no
# earlier sentence (but a report's 本年度 is the year the report is of, named before).
_NAMED_YEARS = frozenset({"今年", "明年"})
# A part of the year after it (今年一季度, 今年前三季度): a period the date reader leaves to
# the earlier dates.
_PART_OF_YEAR = re.compile(
    r"\s*(?:第?[一二三四1-4]季度|[上下]半年|前三季度|前[一二三四五六七八九十\d]{1,2}个?月"
    r"|[一二三四五六七八九十\d]{1,2}(?:-|—|至|到)?[一二三四五六七八九十\d]{0,2}月|[Qq][1-4])"
)

# A point of a list a sentence opens (一是…。二是…, 其三，): each point is a statement of its
# own, which a date another point names does not date.
_POINT_OPENS = re.compile(
    r"\s*(?<![\u4e00-\u9fff])(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，,、是])"
)
_POINT_REACH = 600  # characters back to the list's first point


# A day in brackets right after a figure or its label, opened by 截至 (0.5%的滚动股息率（截至
# 2025年5月13日）, 市值56亿元（截至5月14日）): the day the figure holds on, over any named before.
_OWN_AS_OF = re.compile(r"(?:的[\u4e00-\u9fffA-Za-z]{2,10})?[（(](?:截至|截止)(?:到|至)?")


def own_as_of(q: Quantity, dates: Sequence[DateMention], text: str) -> DateMention | None:
    """The day a figure's own bracket says it is as of (`_OWN_AS_OF`), if it has one."""
    if text.find("截", q.span[1], q.span[1] + 16) < 0:
        return None
    after = next((d for d in dates if d.span[0] >= q.span[1]), None)
    if (
        after is None
        or after.granularity != "day"
        or not _OWN_AS_OF.fullmatch(text, q.span[1], after.span[0])
        or text[after.span[1] : after.span[1] + 1] not in ("）", ")")
    ):
        return None
    return after


def _before_points(earlier: list[DateMention], start: int, text: str) -> list[DateMention]:
    """The dates of `earlier` written before the list whose point opens at `start`: "2024年
    业绩…：一是营收…。二是…" carries the lead's year into each point, "一是…于2021年底结束过渡
    期。二是渗透率达到50%" not the first point's."""
    lo = max(0, start - _POINT_REACH)
    first = next(
        (p.start() for p in _POINT_OPENS.finditer(text, lo, start) if p.start() < start), None
    )
    if first is None:
        return earlier
    return [d for d in earlier if d.span[0] < first]


# 2017年公开发行公司债券, 2016年度非公开发行股票: a year that names an issue of securities,
# not a period later sentences' figures are of.
_ISSUE_NAMED = re.compile(r"度?(?:向不?特定对象|非?公开|首次公开|定向)发行")
# 于2023年6月建成投产: when a project is done, which dates no figure after it (总投资5亿元).
_MILESTONE = re.compile(r"(?:前|底前)?(?:建成|投产|竣工|完工|达产|投入使用|开工)")
# 由2020年的1.3%升至1.5%: the date of the level a change starts from, which its own sentence
# reads with that level, not a period later sentences' figures are of.
_FROM_LEVEL = re.compile(r"的\s*[+-]?\d")


def _from_level(date: DateMention, text: str) -> bool:
    return text[date.span[0] - 1 : date.span[0]] in ("由", "从") and bool(
        _FROM_LEVEL.match(text, date.span[1])
    )


def _running_since(date: DateMention, text: str, lo: int, at: int) -> bool:
    """Whether `date` is the day something started (市场自2021年7月16日启动) and the figure at
    `at` a running total (累计成交额): a total since that day, as of a day the text names not."""
    return text[date.span[0] - 1 : date.span[0]] == "自" and "累计" in text[lo:at]


# A change written from a period's figure (由上月上涨0.1%转为下降0.5%): the period is the base.
_TURNED_FROM = re.compile(r"[由从][^，,。；;]{0,12}?[转变]为")
# A calendar period before the one a day is in (上周, 上月), not a trailing window.
_LAST_PERIODS = frozenset({"上周", "上月", "上个月"})


def _last_period(window: DateMention, day: dt.date) -> DateMention:
    """上周 or 上月 read against the day a statement is dated by, not against publication:
    "2025年06月12日统计数据：X的上周成交金额为…" is the week to Sunday 8 June, "上月成交金额"
    May's, as of the period's last day."""
    if window.text == "上周":  # weeks start on Monday
        start = day - dt.timedelta(days=day.weekday() + 7)
        end = start + dt.timedelta(days=6)
    else:
        end = day.replace(day=1) - dt.timedelta(days=1)
        start = end.replace(day=1)
    return replace(window, start=start, end=end)


# A list item dated by the session before (上一交易日2025年06月09日涨跌幅为2.73%、).
_PREVIOUS_SESSION_BEFORE = re.compile(r"(?:上一个?|前一个?|上个)交易日\s*[（(]?\s*$")


def _past_session_item(
    anchors: list[DateMention], window: DateMention, text: str
) -> list[DateMention]:
    """The dates a trailing window may run back from, without the day of the session before
    when that day dates an earlier item of the list: "2025年03月21日X的近一年涨跌幅为-4.17%、
    上一交易日2025年03月20日涨跌幅为3.82%、近一月涨跌幅为-15.36%" measures the month back
    from the 21st, the list's day, not from the 20th, which is the one item's."""
    last = anchors[-1]
    if (
        last.granularity == "day"
        and "、" in text[last.span[1] : window.span[0]]
        and _PREVIOUS_SESSION_BEFORE.search(text, max(0, last.span[0] - 8), last.span[0])
    ):
        return anchors[:-1]
    return anchors


# An item's label and what joins it to its figure (收盘价为, 最高价：).
_ITEM_LABEL = re.compile(r"\s*([^\d、，,。；;]{1,12}?)\s*(?:为|是|：|:)?\s*(?=[+-]?\d)")


def _past_session_repeated(anchors: list[DateMention], q: Quantity, text: str) -> list[DateMention]:
    """The dates a list item is dated by, without the day of the session before when the
    item repeats the label that day's own item was written with: "2025年06月10日X的上一交易
    日2025年06月09日收盘价为31.26元、收盘价为30.85元" gives the 9th's close, then the 10th's,
    the list's day (one share has one close a day)."""
    last = anchors[-1]
    if last.granularity != "day" or not _PREVIOUS_SESSION_BEFORE.search(
        text, max(0, last.span[0] - 8), last.span[0]
    ):
        return anchors
    own = _ITEM_LABEL.match(text, last.span[1])
    item = _ITEM_LABEL.match(text, text.rfind("、", 0, q.span[0]) + 1)
    if own is None or item is None or item.end() != q.span[0] or own.group(1) != item.group(1):
        return anchors
    return anchors[:-1]


# Two days joined as a span (5月5日-5月11日, 5月6日至5月9日): a week's or a few days' total.
_JOIN_BEFORE = re.compile(r"[-－—–~～至到][^\S\n]*$")
_RANGE_JOIN = re.compile(r"[^\S\n]*(?:-|－|—|–|~|～|至|到)[^\S\n]*")


def day_range(day: DateMention, dates: Sequence[DateMention], text: str) -> str | None:
    """The span a day closes (5月5日-5月11日), as the text writes it, when the day is the end
    of two days joined by a dash or 至: a figure dated by it covers the span, not its last day.
    So does a month that ends two months joined (从2024年11月到2025年4月，股价在40-50元之间)."""
    if day.granularity not in ("day", "month") or not _JOIN_BEFORE.search(
        text, max(0, day.span[0] - 3), day.span[0]
    ):
        return None  # the common case, cheaply
    at = next((i for i, d in enumerate(dates) if d.span == day.span), 0)
    if at == 0:
        return None
    first = dates[at - 1]
    if (
        first.granularity != day.granularity
        or not first.start < day.start
        or not _RANGE_JOIN.fullmatch(text, first.span[1], day.span[0])
    ):
        return None
    return text[first.span[0] : day.span[1]]


_PAST_YEARS = ("去年", "前年")
# 去年同期 is a period of last year the text leaves unnamed, 去年年初 a time within it,
# 去年以来 a span; 去年底 and 去年全年 are the year's.
_NOT_THE_YEAR = re.compile(
    r"\s*(?:同期|年?初|年中|春节|节后|[上中下]旬|以来|至今|以前|前|上半年|下半年)"
)


_FROM_BEFORE = re.compile(r"[从自由]\s*$")


def _past_year(window: DateMention, before: Sequence[DateMention], text: str) -> DateMention | None:
    """去年 or 前年 (read against publication) as the year a figure after it holds for, when
    it is the only date its sentence names before the figure: "去年全省城镇化率是58.2%，比上
    年提高1.1个百分点" written in March 2022 is 2021's rate, not one over the trailing year to
    the day of writing. Not when a date before it sets the sentence's period (在1月份…的PPI
    降幅中，去年价格变动的翘尾影响: January's), nor a start (应收账款从去年的1.2亿…)."""
    if (
        window.text not in _PAST_YEARS
        or _NOT_THE_YEAR.match(text, window.span[1])
        or _FROM_BEFORE.search(text, max(0, window.span[0] - 2), window.span[0])
        or any(d.granularity != "relative" for d in before)
    ):
        return None
    return replace(window, granularity="year")


# A figure its own clause says is current (当前市盈率为, 目前股价).
_NOW_WORD = re.compile(r"当前|目前")


def _now_before(text: str, lo: int, at: int, date: DateMention) -> bool:
    """Whether the clause of a figure at `at` says it is current and a clause break stands
    between it and a `date` after it: that date is what the next clause tells, not the
    figure's (but 当前市值为56亿元（截至5月14日）dates it)."""
    if "当" not in text[lo:at] and "目" not in text[lo:at]:
        return False
    said = list(_NOW_WORD.finditer(text, lo, at))
    return (
        bool(said)
        and not _COMMA.search(text, said[-1].end(), at)
        and _COMMA.search(text, at, date.span[0]) is not None
        and not _AS_OF_BEFORE.search(text, max(0, date.span[0] - 4), date.span[0])
    )


def _in_book_title(date: DateMention, text: str) -> bool:
    """Whether a date is written inside 《》, the name of an article or a report: after a
    figure it names what came out, not when the figure held."""
    opened = text.rfind("《", max(0, date.span[0] - 40), date.span[0])
    return opened >= 0 and "》" not in text[opened : date.span[0]]


# What is done on a day written after a headline's figures: they are told then (在互动易披露).
_DISCLOSED = re.compile(
    r"\s*(?:在|于|通过)?[^，,。；;！？!?\d]{0,14}?(?:披露|公告|发布|表示|宣布|回复)"
)


# What a plan is written with: the days after it are the plan's (计划自…起三个月内).
_PLAN = re.compile(r"计划|拟|将于|预计|预期")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
# What ends an item of a run written without full stops: a clause break, or a bracket closed
# and a space (汽车总收入198.0亿美元（约1438亿元人民币）特斯拉2024年全年业绩每股收益2.04美元).
_ITEM_BREAK = re.compile(r"[，,；;]|[）)]\s*(?=[^\s，,。；;])|[^\S\n]{1,3}(?=[\u4e00-\u9fff])")
_DIGIT = re.compile(r"\d")


def _own_figure_after(
    date: DateMention, dates: Sequence[DateMention], text: str, q: Quantity
) -> bool:
    """Whether a date after a figure, past a clause break, opens a clause that states a figure
    of its own (…占成本80%以上，2023年铜价波动超20%): it dates that figure, not the one before
    it. A date that only closes the figure's statement (营收10亿元，2024年) has none. A day
    after a figure is left alone: a headline run into its text (…累计1936.52万元（06-11）
    X两融数据显示，2025年6月11日融资净偿还…) dates the headline's figure by its day.
    A date set off as its clause's topic (…；客运方面，5月份，全省公路客运量1.37亿人次) opens
    the clause after it: its figures are that clause's."""
    if date.granularity == "day" or not _ITEM_BREAK.search(text, q.span[1], date.span[0]):
        return False
    stop = _CLAUSE_END.search(text, date.span[1])
    if stop and stop.start() == date.span[1] and stop.group() in "，,":
        stop = _CLAUSE_END.search(text, stop.end())  # 4月份，全国…发送量4.28亿吨
    end = stop.start() if stop else len(text)
    for digit in _DIGIT.finditer(text, date.span[1], end):
        at = digit.start()
        if not any(d.span[0] <= at < d.span[1] for d in dates):
            return True
    return False


# A market's windows, of days to months (近三年 after 2024年 may be the three years to 2024).
_SHORT = ("日", "天", "周", "交易日", "月")
# A time inside a year or month (今年春节后, 去年年初, 本月上旬): no window up to the day.
_WITHIN = re.compile(r"\s*(?:春节|节后|年初|年中|年底|年末|初|上旬|中旬|下旬)")
# 预计1月发行规模为1050亿元, 据此测算，1月净融资约2500亿元: the whole month's, foreseen.
_ESTIMATE = re.compile(r"预计|预期|预测|测算|估计|估算")


def _so_far(date: DateMention, published_at: dt.date | None) -> DateMention:
    """A month still running at publication holds its figures up to that day: "一路涨到2025年
    5月的35元，涨幅超过200%" written on 12 May is the move to 12 May, not to 31 May."""
    if (
        published_at is not None
        and date.granularity == "month"
        and date.start <= published_at < date.end
    ):
        return replace(date, end=published_at)
    return date


# What a company does in a year, told as done (2025年宣布新增回购计划, 今年公布…).
_ACT_AFTER = re.compile(r"\s*(?:公司)?(?:已)?(?:宣布|公布|推出|披露|发布|启动)")


def _act_year(date: DateMention, text: str, published_at: dt.date | None) -> DateMention:
    """A year still running at publication, written as when something was done ("2025年宣布
    启动120亿元股份回购计划" written in May): the year names the act's time, not a period
    the figure holds for, and which day it was the text does not say."""
    if (
        published_at is not None
        and date.granularity == "year"
        and date.start <= published_at < date.end
        and _ACT_AFTER.match(text, date.span[1])
    ):
        return replace(date, dated=False)
    return date


_FULL_STOPS = ("。", "！", "？", "!", "?", "\n")


def _listed_period(earlier: Sequence[DateMention], text: str) -> DateMention | None:
    """The year a sentence listing its quarters one by one is about, for a figure in a later
    sentence that names no date: "2024年各季度主要财务数据：第一季度营收…；第二季度…；第三
    季度…；第四季度营收…。非经常性损益…为…" goes on with the year's report, not with its
    last quarter, which the list only reached last. None when the last date is no such item."""
    last = earlier[-1]
    if last.granularity not in ("month", "quarter") or (last.end - last.start).days < 80:
        return None
    opened = max(text.rfind(stop, 0, last.span[0]) for stop in _FULL_STOPS) + 1
    items = [
        d
        for d in earlier[:-1]
        if d.span[0] >= opened
        and d.granularity == last.granularity
        and d.start.year == last.start.year
        and 80 <= (d.end - d.start).days < 100
        and d.start != last.start
    ]
    if len(items) < 2:
        return None  # 一季度…；二季度…: too short a list to tell from a comparison
    years = [
        d
        for d in earlier
        if d.span[1] <= items[0].span[0] and d.granularity == "year" and d.start <= last.start
    ]
    return years[-1] if years and last.end <= years[-1].end else None


# Days of the same month listed after a day (2025年5月13日、14日): the month is not repeated.
_LISTED_DAYS = re.compile(r"(?:\s*、\s*(\d{1,2})\s*日)+")


def _last_listed_day(date: DateMention, text: str) -> DateMention:
    """The last of a list of days a carried day opens: "连续两个交易日（2025年6月9日、10日）
    涨幅偏离值累计超过20%。公司市盈率为…" states the ratio after the sessions, as of the
    14th, not the first of them."""
    if date.granularity != "day" or not text.startswith("、", date.span[1]):
        return date
    listed = _LISTED_DAYS.match(text, date.span[1])
    if listed is None:
        return date
    last = int(listed.group(1))  # the last repetition's
    if not date.start.day < last <= calendar.monthrange(date.start.year, date.start.month)[1]:
        return date
    day = date.start.replace(day=last)
    return replace(date, start=day, end=day)


def _carried(date: DateMention, published_at: dt.date | None) -> DateMention:
    """A period named in an earlier sentence, carried to a figure whose sentence names none.
    A period not over at publication dates no figure stated in it: "2025年股价下跌22.5%。外销
    占比79.3%" written in April is a share the company has now, not 2025's; which day it holds
    for the text does not say. A year ahead (到2034年, 2025/26年度 written in 2024) is a
    forecast's horizon, which dates it."""
    if (
        published_at is not None
        and date.granularity in ("year", "half")
        and _WRITTEN_YEAR.match(date.text)  # not 2025/26年度, a crop year's forecast
        and date.start <= published_at
        and (date.end - published_at).days > _YEAR_END_REPORTS
    ):
        return replace(date, dated=False)
    return date


# A year's output may be final before its end (2022年粮食总产量 is reported in December).
_YEAR_END_REPORTS = 31
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d{2}\s*(?:年|$)")


# 2025-03-31 2024-12-31 2024-09-30 营业收入同比增长率(%) 39.32 27.76 …: a table's date header,
# its dates written one after another with nothing but spaces or bars between them.
_HEADER_GAP = re.compile(r"[\s|｜]*")
_CELL = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_ROW_LABEL = re.compile(r"[\u4e00-\u9fff]+")


def _week_end(anchors: Sequence[DateMention], anchor: DateMention) -> DateMention:
    """The day a week's figure (本周主力资金净流出) is as of: the latest of the days named
    before it in that week (截至6月2日收盘…。5月30日盘中最低价…。本周…: the 2nd, the week's
    close), not the one the last figure before it was of."""
    if anchor.granularity != "day" or not anchor.dated:
        return anchor
    week = [
        d
        for d in anchors
        if d.granularity == "day" and d.dated and abs((d.start - anchor.start).days) < 7
    ]
    return max(week, key=lambda d: d.start)


def _header_column(anchors: Sequence[DateMention], q: Quantity, text: str) -> DateMention:
    """The date of a figure's column when the dates before it are a table's header row: the
    first figure after the header is the first date's, the next the second's, not all the last
    header's. Any other figure is dated by the last date before it."""
    last = anchors[-1]
    if last.granularity != "day" or len(anchors) < 2:
        return last
    run = [last]
    for d in reversed(anchors[:-1]):
        if d.granularity != "day" or not _HEADER_GAP.fullmatch(text, d.span[1], run[0].span[0]):
            break
        run.insert(0, d)
    if len(run) < 2:
        return last
    labels = list(_ROW_LABEL.finditer(text, run[-1].span[1], q.span[0]))
    row = labels[-1].end() if labels else run[-1].span[1]  # 净利润 1.1 1.2: the row's cells
    column = len(_CELL.findall(text, row, q.span[0]))
    return run[column] if column < len(run) else last


# A period's result (营收, 净利润, 交付量, their growth): what a quarter or a year earned.
_PERIOD_RESULTS = frozenset(
    {
        "revenue",
        "net_profit",
        "net_profit_adjusted",
        "operating_profit",
        "deliveries",
        "eps",
        "eps_adjusted",
    }
)


_AS_OF_BEFORE = re.compile(r"(?:截至|截止)(?:到|至)?\s*$")

# What a day's share price sets: the valuation ratios, the market value and its rank, the
# yield on the price, a target price.
_PRICED = (RATIO_METRICS - {"cash_to_short_debt"}) | {"market_cap", "float_market_cap"}
_PRICED_LABEL = re.compile(
    r"^dividend_yield(?!.*_forecast)|市值排名|市盈率|市净率|市销率|目标\S{0,2}价"
)


@lru_cache(maxsize=1024)
def priced(metric: str) -> bool:
    """Whether `metric` is set by the day's share price (市盈率, 总市值, 市值排名, 目标均价).
    (Cached, bounded: every fact asks, and texts share most of their metrics.)"""
    return metric in _PRICED or _PRICED_LABEL.search(metric) is not None


def report_date(date: DateMention) -> bool:
    """Whether a date names a reporting period (2025年一季度, 2024年, 一季报) or a quarter's
    last day (截至2025年3月31日), what results are stated for and no price is."""
    if date.granularity == "day":
        day = date.start
        return day.month % 3 == 0 and day.day == calendar.monthrange(day.year, day.month)[1]
    return date.granularity in ("month", "quarter", "half", "year", "report")


def period_result(metric: str) -> bool:
    """Whether `metric` is what a period earned or grew by, which no single day holds."""
    return metric.removesuffix("_yoy") in _PERIOD_RESULTS


def period_before_day(anchor: DateMention, dates: Sequence[DateMention], text: str) -> DateMention:
    """The period a result is dated by when the date carried from an earlier sentence is a
    day: "其股价却在5月7日暴跌7.5%。谷歌云营收为122.6亿美元" is the quarter's revenue named
    before that day (2025年一季度), not the day's. A quarter's last day (截至2025年3月31日) is
    a report's date, a day figures are stated as of (截至2025年05月14日，市盈率…) is the
    card's day, and a day with no period named before it that was over by then stays.
    """
    day = anchor.start
    if day.month % 3 == 0 and day.day == calendar.monthrange(day.year, day.month)[1]:
        return anchor
    if _AS_OF_BEFORE.search(text, max(0, anchor.span[0] - 4), anchor.span[0]):
        return anchor
    periods = [
        d
        for d in dates
        if d.span[1] <= anchor.span[0]
        and d.granularity in ("month", "quarter", "year", "report")
        and d.end < day  # over by that day: not 2025年特别分红 before 2025年5月21日
    ]
    return periods[-1] if periods else anchor


def day_before(
    before: int, dates: Sequence[DateMention], published_at: dt.date | None
) -> DateMention | None:
    """The last day named before `before`, for a day's quote whose sentence names only a
    period: "在最新交易日（2025年3月20日）走势偏强…公司维持2025年产能扩张计划。成交量达
    2716.35万股" is the 20th's volume, not the year's nor the publication day's. Only a
    session of the week before publication: an older day is a story's background."""
    if published_at is None:
        return None
    days = [d for d in dates if d.span[1] <= before and d.granularity == "day"]
    if not days or not 0 <= (published_at - days[-1].start).days <= RECENT_DAYS:
        return None
    return days[-1]


def stale_session(anchor: DateMention, text: str, published_at: dt.date | None) -> bool:
    """Whether a day carried from an earlier sentence is too old to be the session of a quote
    that names none: a quote page's figures (今开 12.95 | 成交量 8.31万手 | 总市值 23.85亿)
    under a calendar line of events (美国至10月6日当周石油钻井总数) written months before
    are the page's, not that day's. A session reported is one of the week before
    publication (as for `day_before`); a quarter's last day is a report's date, which a
    results card states its valuation as of (截至2025年3月31日…市盈率(TTM)为…), and a day
    the text says its figures are as of (截至2025年4月30日，公司股东户数…户均流通市值) is
    theirs, however old."""
    if published_at is None or anchor.granularity != "day":
        return False
    day = anchor.start
    if day.month % 3 == 0 and day.day == calendar.monthrange(day.year, day.month)[1]:
        return False
    if _AS_OF_BEFORE.search(text, max(0, anchor.span[0] - 4), anchor.span[0]):
        return False
    return (published_at - day).days > RECENT_DAYS
