"""When a figure holds: the date it is as of, and the window it covers.

`DatedReader._anchor` takes the date written nearest a figure (`dating.date_for`), then rules
out the ones its metric cannot hold for: a day's quote is not dated by a period, a period's
result not by the day of a price move, a target price by no period at all. `_as_of` turns
what is left into the fact's day and period. A figure the text dates by no date at all is
dated by the latest report the text names or implies (`_latest_filed`, `_latest_quarter`), by
last year in the season of annual reports (`_annual_result`), else by the day of writing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from touyan.facts.dating import (
    date_for,
    day_before,
    period_before_day,
    period_result,
    priced,
    report_date,
    stale_session,
)
from touyan.facts.extract import ExtractedFact
from touyan.facts.implied_dates import RELEASED_AFTER, latest_quarter_end, titled_period
from touyan.facts.labels import (
    ANNUAL_METRICS,
    DAILY_METRICS,
    LABELS,
    RATIO_METRICS,
    WINDOW_MOVE,
    base_metric,
)
from touyan.facts.periods import year_range
from touyan.facts.read_text import TextReader
from touyan.facts.sections import section_closed
from touyan.facts.sessions import PREVIOUS_SESSION, session_on_or_before
from touyan.facts.since_windows import YTD as _YTD
from touyan.facts.since_windows import so_far
from touyan.facts.told_dates import own_news, reached_now
from touyan.text.dates import DateMention, cn_int
from touyan.text.numbers import Quantity

# A year's results compared with the year before (较上年的59.49元, 比去年增长), not with the
# same quarter (较去年同期) or month.
_ANNUAL_BASE = re.compile(r"[较比](?:上年|去年)(?!同期|同月|末|底)")


def _valued(metric: str) -> bool:
    """A market value and a rank by it are a day's, like a quote (市值排名26/175); so is a
    valuation (130亿美元的估值, told in a later sentence than a quarter's results: the
    valuation of the day, not at the quarter's end)."""
    return metric in ("market_cap", "valuation") or "市值" in metric


# A fiscal year a label names as its own (22财年的每股盈利预测): no date the text names is its.
_OWN_FISCAL_YEAR = re.compile(r"\d{2,4}\s*财年")
# A year's end (2021年末, 2024年底): its last day, which a close carried from it through a run
# of clauses is of (2021年末，甲指数收于3639.8点…；乙指数收于14857.4点).
_YEAR_END = re.compile(r"[末底]")
_FULL_STOP = re.compile(r"[。！？!?\n]")
# A peak move within one session (盘前一度大涨超24%, 盘中一度跌超5%): a day's, like a quote,
# though a peak move alone may span a window (年内最大涨幅).
_PEAK_MOVES = frozenset({"max_gain_pct", "max_fall_pct"})
_WITHIN_SESSION = re.compile(r"一度|盘中|盘前|盘后|早盘|午盘|尾盘")


# 今日 and 今天 are the day the text was published (当日 is a day named before it); 如今 is
# now, not the year a story told before it (2022年9月，项目投产。如今，…转换效率超过25%).
# 近期 opening a clause (。近期放量突破25元) says now; a heading's or a topic's 近期 (### 近期的
# 资金表现, 从近期表现看) names no time of the figures after it.
# (The leading look-ahead names the characters every match starts with: it fails fast at any
# other position, where the lookbehind before 近期 would have each branch tried in turn.)
NOW = re.compile(
    r"(?=[当目近截发今如])(?:当前|目前|如今|(?:^|(?<=[。，,；;！？!?\n]))近期(?!的)|截[至止]发稿|发稿时|今日|今天"
    r"|截[至止]\d{1,2}[时:：]\d{2}"
    # 截至公告披露日, 截至本公告日: the day of the filing, which the text names by no date
    r"|截[至止]本?公告(?:披露)?日)"
)
# A time of day written right after a day (临近11时14分, 10:32左右, 午后13点05分), or after
# the session it falls in (早盘09时45分, 下午盘14时10分).
_CLOCK_AFTER = re.compile(
    r"\s*(?:临近|约|午后|早盘|午盘|尾盘|盘中|(?:上午|下午)盘?)?\s*\d{1,2}\s*(?:时|点|:|：)\s*\d{2}"
)
# A news item's dateline: its day, then 消息 or 电 (2月13日消息，, 新华社北京5月9日电).
_NEWS_DAY = re.compile(r"[^\S\n]*(?:消息|电)[，,：:\s]")
_NEWS_DAY_REACH = 16
# A full day the text opens with, then a comma (2023年7月10日，X获外资买入240股): a daily
# item's dateline, the day of the data it reports, when no publication day says when it was
# written.
_OPENING_DAY = re.compile(r"[，,]")


# The year a change is measured from (比1978年, 较2011年末), and the bases other than a year.
_BASE_YEAR = re.compile(
    r"(?:(?<![同环])比|较之?|相比)[^\S\n]*(?P<year>(?:19|20)\d{2})[^\S\n]*年末?(?!同期)"
)
_OTHER_BASE = re.compile(r"同比|环比|上年|去年|上月|上季|同期|上期")
# A new statement as of a day, after a figure (…为0.45%，截止X…): a window does not reach it.
_NEW_AS_OF = re.compile(r"\d[^\d，,。；;]{0,3}[，,；;]\s*(?:截止|截至)")
# A figure a name runs on from with no stop (-738.02万航天信息, 8270万元_新浪财经_新浪网X).
_GLUED_FIGURE = re.compile(r"\d(?:[万亿]?[元股手]?|%)[_A-Za-z\u4e00-\u9fff]{0,10}$")

# A statistic measured only by quarter, and how long after a quarter's end it is out.
_QUARTERLY_ONLY = re.compile(r"GDP|国内生产总值|国民生产总值", re.IGNORECASE)
_QUARTER_RELEASED_AFTER = 20
_SO_FAR_NAMES = {1: "一季度", 2: "上半年", 3: "前三季度"}

# A time some years after writing (4年后, 三年后), which the date reader does not read.
_YEARS_LATER = re.compile(r"(?P<n>\d{1,2}|[一两二三四五六七八九十])年后")

# A report's own period (报告期内, 本报告期末), not 去年同报告期 nor 报告期后.
# (The look-ahead first, as in `NOW`: the characters a match starts with.)
_OWN_REPORT_PERIOD = re.compile(r"(?=[本当报])(?<![同上])(?:本|当)?报告期(?!后)")

# What says a figure is the day's (当日主力资金净流出).
THAT_DAY = re.compile(r"当日|当天|今日")

# Where a statement from a source starts (数据显示, 据Wind统计).
_SOURCE = re.compile(r"数据显示|资料显示|行情显示|据[^，,。；;]{0,12}统计")
_DIGIT = re.compile(r"\d")
# A clause judging a period's results, stating no figure (Q1业绩强劲：, 年报超预期，): the
# period is the results', not that of a price move in the clause after it.
_RESULTS_JUDGED = re.compile(
    r"[^\d，,：:；;。]{0,6}?(?:业绩|财报|季报|年报|中报)[^\d，,：:；;。]{0,8}[，,：:；;]"
)
# A day's share-price move written after the day (5月7日暴跌7.5%, 5月7日股价下跌).
_MOVE_AFTER = re.compile(
    r"[^\d，,。；;]{0,4}?(?:暴跌|大跌|下跌|跌停|收跌|暴涨|大涨|上涨|涨停|收涨|飙升|跳水)"
)
# What only a yearly report or release states: the urbanization rate, the pay of directors
# and executives (前三名高管报酬, 董监高薪酬, 报酬总额).
_YEARLY_ONLY = re.compile(r"城镇化率|(?:董事|监事|高管|董监高|管理层)\S{0,8}(?:报酬|薪酬)|报酬总额")
# The latest report, which the text does not name (在最新的季度报告中, 据最新财报).
_LATEST_REPORT = re.compile(
    r"(?:最新|最近)(?:的|一期|一份)?"
    r"(?:季度报告|季报|财报|财务报告|业绩报告|年报|中报|半年报|一季报|三季报)"
)
_LATEST_REACH = 120  # characters back from a figure
# Totals since the company listed, which no period bounds.
_SINCE_LISTING = frozenset({"dividends_since_listing"})
# A target price however named (目标价, 目标均价, 过去90天内机构目标均价).
_TARGET = re.compile(r"目标\S{0,2}价")
# A session's quote and what the day's price values the company at: a day's figures.
_QUOTE_METRICS = DAILY_METRICS | RATIO_METRICS | {"market_cap", "float_market_cap"}
# A list item's number (10、美湖股份公告, 3. 登康口腔（001328）).
_ITEM_MARKER = re.compile(
    # (?=…): the number's first character, so a position holding none fails before the
    # lookbehind is tried
    r"(?=[\d一二三四五六七八九十])(?:^|(?<=[。；;！？!?\n\s]))(?:\d{1,2}|[一二三四五六七八九十])[、．.]\s*"
)


def upper_end(q: Quantity) -> Decimal | None:
    """A range's upper end (亏损1000万元至1500万元 runs from -1500万 to -1000万)."""
    if q.high is None or q.high <= q.value:
        return None
    return q.high


class DatedReader(TextReader):
    """The date a figure holds for, ruled by what its metric is."""

    def _said_now(self, anchor: DateMention, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A figure the text says is current (当前, 目前, 截至发稿), dated only by an earlier
        sentence."""
        if anchor.span[1] > sentence[0]:
            return False  # 2025年5月14日，当前市值为…: the sentence dates it (a title's does not)
        return any(
            not self._in_aside(now.start(), sentence[0])
            for now in NOW.finditer(self.text, sentence[0], q.span[0])
        )

    def _news_day(self) -> DateMention | None:
        """The day a news item opens with as its own (2月13日消息，…, 5月9日电, a flash's
        2024年3月8日早盘10时05分，…; with no publication day, 2023年7月10日，… too): the day
        it was written, which a listing may post months later; what it says is current is of
        then."""
        first = self.dates[0] if self.dates else None
        if (
            first is None
            or first.granularity != "day"
            or first.span[0] > _NEWS_DAY_REACH
            or not (
                _NEWS_DAY.match(self.text, first.span[1])
                or (
                    _CLOCK_AFTER.match(self.text, first.span[1])
                    and not self.text[: first.span[0]].strip()
                )
                or (
                    self.published_at is None
                    and _OPENING_DAY.match(self.text, first.span[1])
                    and not self.text[: first.span[0]].strip()
                )
            )
        ):
            return None
        return first

    def _flash_day(self, anchor: DateMention, q: Quantity) -> bool:
        """Whether `anchor` is a market flash's day, written with the time of day it was
        sent (2023年05月05日临近11时14分，X出现异动), in the figure's paragraph: what the
        flash says is current (截至发稿) is of that day."""
        return (
            anchor.granularity == "day"
            and anchor.dated
            and _CLOCK_AFTER.match(self.text, anchor.span[1]) is not None
            and "\n" not in self.text[anchor.span[1] : q.span[0]]
        )

    def _in_aside(self, at: int, lo: int) -> bool:
        """Whether `at` is within brackets opened after `lo`: 总收入257亿美元（当前约1867亿元
        人民币）汽车总收入198亿美元 converts at the day's rate, which dates no figure after it."""
        return self.text.rfind("（", lo, at) > self.text.rfind("）", lo, at)

    def _item_between(self, lo: int, hi: int) -> bool:
        """Whether a list item about another company opens between `lo` and `hi` (a digest's
        10、美湖股份公告…, a pick list's 3. 登康口腔（001328）…): dates do not carry into it."""
        if hi <= lo:
            return False
        return any(
            marker.end() in self.mention_start_set and marker.start() <= hi
            for marker in _ITEM_MARKER.finditer(self.text, lo, hi + 6)
        )

    def _anchor(
        self, metric: str, q: Quantity, sentence: tuple[int, int]
    ) -> tuple[DateMention | None, DateMention | None]:
        """The date a figure holds for, and the window it covers (近一周): the date named
        nearest it, unless what the metric is (a day's quote, a period's result, a target)
        rules that date out."""
        anchor, window = date_for(q, sentence, self.dates, self.text, self.published_at)
        if window is not None and anchor is None and self.reviewed and window.text == "本月":
            # 吉利汽车在2025年4月的…(title), published 13 May: 本月市值为1577.2亿元 is April's
            anchor, window = replace(self.reviewed, span=window.span), None
        if (
            anchor is None
            and window is None
            and self.title_day
            and (this := self.text.find("当日", sentence[0], q.span[0])) >= 0
            and not any(d.span[0] < q.span[0] for d in self.dates)
        ):
            # X在5月14日的融资状况 (title): 当日X获融资买入额804.82万元, the title's day
            anchor = replace(self.title_day, span=(this, this + 2), text="当日")
        if (
            self.quarter
            and anchor is None
            and (this := self.text.find("本季", sentence[0], q.span[0])) >= 0
            and not any(sentence[0] <= d.span[0] < q.span[0] for d in self.dates)
        ):
            # X25Q1财报点评 (title): 本季公司整体RevPAR同比-5.3% is the first quarter's
            span = (this, this + (3 if self.text.startswith("本季度", this) else 2))
            anchor = replace(self.quarter, span=span, text=self.text[span[0] : span[1]])
            window = None
        if (
            window is not None
            and so_far(window.text)
            and anchor is not None
            and (anchor.span[1] <= sentence[0] or anchor.granularity != "day")
        ):
            # 授权日为5月13日。今年以来，新获得专利授权99个, 2024年营收增长…，今年以来新获专利
            # 授权同比增加73.68%: the year so far, to the day of writing
            anchor = None
        if window is not None and (
            self._run_on_name(window.span[1], q.span[0])
            or _NEW_AS_OF.search(self.text, window.span[1], q.span[0])
            or self._name_after_window_label(window, q)
        ):
            # …近5日主力净流入-738.02万X跌1.26%，成交额…, 今年以来涨跌幅为0.45%，截止X最大
            # 单日涨幅为4.87%: a new statement's, after the window's own figure
            window = None
        if window is not None and anchor is not None and anchor.text in PREVIOUS_SESSION:
            # 上一个交易日，X已下跌5%，两个交易日最大回撤14.5%: a window after it runs back
            # from the day the text is about, not from the session before
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.granularity == "year"
            and anchor.span[1] <= sentence[0]
            and metric.endswith("_qoq")
        ):
            anchor = self._month_of_year(anchor)  # 2022年12月份…。2022年全年…。PPI环比下降
        if (
            anchor is not None
            and anchor.granularity != "report"
            and sentence[0] <= anchor.span[0] < q.span[0]
            and _OWN_REPORT_PERIOD.search(self.text, anchor.span[1], q.span[0])
        ):
            # 2020年公开发行公司债券，…，报告期内已使用金额为2.5亿元: the report's period, which
            # the text does not name (else 报告期 would be read as it), not the bond's year
            anchor = None
        if anchor is not None and self._item_between(anchor.span[1], sentence[0]):
            anchor = None  # 9、X公告，于3月21日…。10、Y公告，拟投资7亿元: the item's own date
        if (
            anchor is not None
            and anchor.granularity == "day"
            and anchor.span[1] <= sentence[0]
            and (period_result(metric) or self._after_move(anchor, metric))
        ):
            anchor = period_before_day(anchor, self.dates, self.text)  # 5月7日暴跌。营收为…
        if (
            anchor is not None
            and anchor.granularity == "day"
            and period_result(metric)
            and RELEASED_AFTER.match(self.text, anchor.span[1])
            and (titled := titled_period(self.title, self.published_at)) is not None
            and titled.end < anchor.start
        ):
            # X2025年第一季度净利润同比下降38% (title): 4月24日，X发布的报告显示…每股收益为0.36
            # 美元 is the quarter's, told on the 24th
            anchor = replace(titled, span=anchor.span)
        if anchor is not None and (
            own_news(self.text, anchor, q, sentence)
            or reached_now(self.text, anchor, q, sentence, self._clause_start(sentence, q.span[0]))
        ):
            # 2029年营收10亿元。本次IPO拟募资20亿元, 2029年…。\n…覆盖率已达75%: the text's own
            # news, of the day of writing (see `told_dates`)
            anchor = None
        if anchor is not None and metric in _SINCE_LISTING and anchor.span[1] <= sentence[0]:
            # 2025年1-3月，营收185亿元。…A股上市后累计派现63亿元: a running total to the day of
            # writing, not the period an earlier sentence names
            anchor = None
        if (
            anchor is not None
            and anchor.granularity != "day"
            and (anchor.span[1] <= sentence[0] or anchor.span[0] > q.span[0])
            and (
                metric in DAILY_METRICS
                or WINDOW_MOVE.fullmatch(metric)
                or _valued(metric)
                or self._peak_in_session(metric, q, sentence)
            )
            and not self._year_end_run(anchor, sentence)
        ):
            # a day's quote is not dated by a period named before or after it, but by the day
            # named before the period (a market value, and a rank by it, is a day's too)
            daily = (
                metric in DAILY_METRICS
                or _valued(metric)
                or self._peak_in_session(metric, q, sentence)
            )
            named = anchor
            anchor = day_before(anchor.span[0], self.dates, self.published_at) if daily else None
            if anchor is None and daily and self._said_now(named, q, sentence):
                # X出现异动，创2月新高。截至发稿，该股报20.00元 in a flash with no publication
                # day: the flash's own day (`_news_day`), as below
                anchor = self._news_day()
        if (
            anchor is not None
            and anchor.granularity != "day"
            and anchor.span[1] <= sentence[0]
            and "#" in self.text
            and section_closed(self.text, anchor.span[0], q.span[0])
        ):
            # ### 1. 业绩…25Q1业绩超预期。### 2. AI战略…月活已超过15亿: a period named in an
            # earlier section dates that section's figures, not a later one's, which names
            # none (a day's quote is dated by the day named before it, above)
            anchor = None
        if (
            anchor is not None
            and anchor.granularity != "day"
            and sentence[0] <= anchor.span[0] < q.span[0]
            and metric in DAILY_METRICS
            and (
                (
                    (source := _SOURCE.search(self.text, anchor.span[1], q.span[0]))
                    and _DIGIT.search(self.text, anchor.span[1], source.start())
                )
                or THAT_DAY.search(self.text, anchor.span[1], q.span[0])
            )
        ):
            # 2024年公司拟分红168亿元，分红率达65%，再创历史纪录有券商发布研报…数据显示，主力资金
            # 净流出2.74亿元: a new statement from a source, run on without a stop, about the
            # day, not the year the statements before it were of; so is one the text says is
            # of the day (召开2024年年度股东大会…当日主力资金净流出)
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.granularity != "day"
            and sentence[0] <= anchor.span[0] < q.span[0]
            and metric in DAILY_METRICS
            and _RESULTS_JUDGED.match(self.text, anchor.span[1], q.span[0])
        ):
            # X Q1业绩强劲：股价逆势上涨3.14%: the quarter is the results', the move the day's
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.span[1] <= sentence[0]
            and metric in _QUOTE_METRICS
            and stale_session(anchor, self.text, self.published_at)
        ):
            # 美国至10月6日当周石油钻井总数。今开：12.95 written in April: which session the
            # quote is of the text does not say (see `stale_session`)
            anchor = replace(anchor, dated=False)
        if (
            anchor is not None
            and anchor.span[1] <= sentence[0]
            and priced(metric)
            and report_date(anchor)
            and "对应" not in self.text[max(sentence[0], q.span[0] - 12) : q.span[0]]
        ):
            # 截至2025年3月31日，营收3.44亿元。市盈率(静)为-6.48: the price of the day of
            # writing over the report's earnings, not a ratio as of the report's date (but
            # 2024年核心盈利42亿美元，对应市盈率178倍: the ratio on that year's earnings)
            anchor = None
        if (
            anchor is not None
            and not metric.startswith("margin")  # 当前融资余额: margin data is a day's close
            and self._said_now(anchor, q, sentence)
        ):
            # 截至发稿，市值为56亿元: as of the report, not a date named earlier (but a news
            # item's own day, 2月13日消息，…, is the day it went to press, and so is a flash's
            # day and time, 2023年05月05日临近11时14分，X出现异动。截至发稿，…)
            anchor = anchor if self._flash_day(anchor, q) else self._news_day()
        if anchor is not None and anchor.granularity == "report" and metric in DAILY_METRICS:
            # 3月28日，公司发布年报后，股价下跌8.26%: the day's move, not the year's.
            days = [
                d
                for d in self.dates
                if d.granularity == "day" and sentence[0] <= d.span[0] < q.span[0]
            ]
            anchor = days[-1] if days else None
        if (
            anchor is not None
            and "财年" in metric
            and _OWN_FISCAL_YEAR.search(metric)
            and anchor.text not in metric
        ):
            anchor = (
                None  # 将22财年的每股盈利预测提高到6.14美元: the label's own year, not the text's
            )
        if (
            anchor is not None
            and "目标" in metric
            and _TARGET.search(metric)
            and anchor.granularity != "day"
        ):
            anchor = None  # 维持2025~2027年EPS…，维持目标价11.74元: a target set now
        return anchor, window

    def _year_end_run(self, anchor: DateMention, sentence: tuple[int, int]) -> bool:
        """Whether `anchor` is a year's end written before `sentence` in its run of clauses
        (no full stop between): a day, which a quote after it is of."""
        return (
            anchor.granularity == "year"
            and anchor.span[1] <= sentence[0]
            and _YEAR_END.match(self.text, anchor.span[1]) is not None
            and not _FULL_STOP.search(self.text, anchor.span[1], sentence[0])
        )

    def _peak_in_session(self, metric: str, q: Quantity, sentence: tuple[int, int]) -> bool:
        """Whether a peak move is one session's (美股盘前一度大涨超24%): words of a session
        written in its clause, before the figure."""
        if metric not in _PEAK_MOVES:
            return False
        clause = self._clause_start(sentence, q.span[0])
        return _WITHIN_SESSION.search(self.text, clause, q.span[0]) is not None

    def _month_of_year(self, year: DateMention) -> DateMention:
        """The month a month-on-month change carried from an earlier sentence holds for when
        that sentence names a year: "2022年12月份CPI同比上涨2.6%。2022年全年CPI上涨1.4%。PPI
        环比下降0.7%" is December's change (a year has no change on the month before), the
        last single month of that year named before."""
        months = [
            d
            for d in self.dates
            if d.span[1] <= year.span[0]
            and d.granularity == "month"
            and d.start.month == d.end.month
            and year.start <= d.start <= year.end
        ]
        return months[-1] if months else year

    def _after_move(self, day: DateMention, metric: str) -> bool:
        """Whether `day`, carried from an earlier sentence, is the day of a share-price move
        (股价在5月7日暴跌7.5%) and the figure not one a session sets: "2025年一季度…。其股价
        却在5月7日暴跌7.5%。…本季度支付股息24.2亿美元，宣布将股息提高5%" pays and raises
        the dividend with the quarter's report, not on the day of the fall."""
        return (
            metric not in _QUOTE_METRICS
            and not WINDOW_MOVE.fullmatch(metric)
            and not _valued(metric)
            and not priced(metric)
            and not metric.startswith("margin")
            and _MOVE_AFTER.match(self.text, day.span[1]) is not None
        )

    def _base_year(
        self, q: Quantity, sentence: tuple[int, int], as_of: dt.date | None
    ) -> int | None:
        """The year a change is measured from (比1978年, 较2011年末), named before it in its
        sentence with no other comparison (同比, 较上月) between, when it is not the year just
        before the figure's (a year on year change)."""
        bases = list(_BASE_YEAR.finditer(self.text, sentence[0], q.span[0]))
        if not bases or _OTHER_BASE.search(self.text, bases[-1].end(), q.span[0]):
            return None
        if any(bases[-1].end() <= d.span[0] < q.span[0] for d in self.dates):
            return None  # 比2012年增加…，2013—2021年年均增长2.6%: a span of its own
        year = int(bases[-1]["year"])
        if as_of is not None and (year >= as_of.year - 1 or as_of.month != 12):
            return None
        return year

    def _name_after_window_label(self, window: DateMention, q: Quantity) -> bool:
        """近一周涨幅居首。某某ETF成交额超7000万元: a window written with its own label and
        no figure covers that label; a name after it opens a new statement, not in it."""
        if LABELS.match(self.text, window.span[1]) is None:
            return False
        return any(
            window.span[1] < m.start < q.span[0]
            and not _DIGIT.search(self.text, window.span[1], m.start)
            for m in self.mentions
        )

    def _years_spanned(self, anchor: DateMention | None) -> tuple[int, int] | None:
        """The first and last years of a span of years (1949—1978年) whose last year is the
        year `anchor` names."""
        if anchor is None or anchor.granularity != "year":
            return None
        for found in self.year_ranges:
            if found.start() < anchor.span[0] < found.end():
                years = year_range(found, self.published_at)
                if years and years[0] < years[1] == anchor.end.year:
                    return years
        return None

    def _run_on_name(self, lo: int, hi: int) -> bool:
        """Whether a name opens a new statement between `lo` and `hi`, run on after a figure
        with no stop (a headline repeated: …近5日主力净流入-738.02万X跌1.26%，成交额…): a
        window written before it covers its own figures, not the new statement's."""
        if not _DIGIT.search(self.text, lo, hi):
            return False  # the common case, cheaply: no figure between
        for m in self.mentions:
            if m.start >= hi:
                break
            if (
                m.start > lo
                and _GLUED_FIGURE.search(self.text, max(lo, m.start - 12), m.start)
                and _DIGIT.search(self.text, lo, m.start)
            ):
                return True
        return False

    def _latest_report(self, at: int) -> str | None:
        """The latest report the figure at `at` is said to be from (在最新的季度报告中…), in its
        paragraph, when the text names no date before it."""
        line = self.text.rfind("\n", 0, at) + 1
        found = _LATEST_REPORT.search(self.text, max(line, at - _LATEST_REACH), at)
        return found.group() if found else None

    def _latest_filed(self, subject: str, metric: str, lo: int, q: Quantity) -> dt.date | None:
        """The period a figure a report states holds for when the text names no date at all,
        from the day it was published: not that day, which holds no period's result. A figure
        only a yearly report or release states (城镇化率, 前三名高管报酬, 董监高薪酬) is the
        last year's once every such report is out (from May: annual reports by 30 April); a
        mainland company's result on a quote card (营业总收入136.42亿元，净利润8.05亿元,
        published in December) is its latest quarterly report's, when the day leaves one
        (`latest_quarter_end`)."""
        day = self.data_as_of or self.published_at
        if day is None or NOW.search(self.text, lo, q.span[0]):  # 目前城镇化率为…: the day's
            return None
        if upper_end(q) is not None:
            return None  # 城镇化率30%—70%一般被认为是…: a band or an estimate, no report's figure
        if _YEARLY_ONLY.search(metric):
            return dt.date(day.year - 1, 12, 31) if day.month > 4 else None
        if not period_result(metric):
            return None
        record = next((m.entity for m in self.mentions if m.entity.name == subject), None)
        if record is None or record.kind != "company" or record.market != "cn_a":
            return None
        return latest_quarter_end(day)

    def _latest_quarter(self, subject: str, latest: str) -> dt.date | None:
        """The last day of the quarter whose report is the latest (最近季报) on the day a text's
        data are as of, for a fund or a mainland-listed company, when that day leaves one
        (`latest_quarter_end`); a US or Hong Kong company keeps its own calendar."""
        day = self.data_as_of or self.published_at
        if (
            day is None
            or not latest.endswith(("季报", "季度报告"))
            or latest.endswith(("一季报", "三季报"))
        ):
            return None
        record = next((m.entity for m in self.mentions if m.entity.name == subject), None)
        if record is None or not (record.kind == "fund" or record.market == "cn_a"):
            return None
        return latest_quarter_end(day, fund=record.kind == "fund")

    def _annual_result(self, metric: str, q: Quantity) -> tuple[dt.date, str] | None:
        """较上年的41.26元增长12.84%, with no date named before it, in a text published in the
        season of annual reports (January to April): last year's result, not the publication
        day's. Once one result of a text is, the others it states before naming any date
        are too (…较上年增长12.84%；扣非每股收益46.33元，同比增长12.79%): an annual report's."""
        if self.published_at is None or self.published_at.month > 4:
            return None
        if base_metric(metric) not in ANNUAL_METRICS:
            return None
        if not self.annual_text and not _ANNUAL_BASE.search(self.text, q.span[1], q.span[1] + 40):
            clause = self.text[max(0, q.span[0] - 40) : q.span[0]]
            if not _ANNUAL_BASE.search(clause):
                return None
        self.annual_text = True
        year = self.published_at.year - 1
        return dt.date(year, 12, 31), f"{year}年"

    def sessionless(self, fact: ExtractedFact) -> bool:
        """Whether a quote is one no session dates (a quote page's 今开 12.95 under a calendar
        line written months before, `stale_session`): a day's figure of a day the text does
        not name says nothing checkable, so it is dropped rather than kept undated."""
        return (
            fact.as_of is None
            and fact.period is None
            and self.published_at is not None
            and fact.metric in _QUOTE_METRICS
        )

    def _session_of(
        self,
        metric: str,
        anchor: DateMention | None,
        q: Quantity,
        as_of: dt.date | None,
        period: str | None,
    ) -> tuple[dt.date | None, str | None]:
        """A session's quote dated by a weekend day the text does not write before it (the
        publication day, 今天 in a Sunday article, 收盘价：11.14元）3月30日发布公告称 on a
        Sunday): the last session's, the Friday before. A day the text writes before the figure
        (2024年5月12日股价是8元) is kept as written, and so is a window's end (近5日, 上周)."""
        if (
            as_of is None
            or as_of.weekday() < 5
            or metric not in DAILY_METRICS
            or period not in (None, as_of.isoformat())
            or (anchor is not None and anchor.granularity == "day" and anchor.span[1] <= q.span[0])
        ):
            return as_of, period
        day = session_on_or_before(as_of)
        return day, None if period is None else day.isoformat()

    def _quarters_so_far(
        self, metric: str, anchor: DateMention | None, window: DateMention | None
    ) -> tuple[dt.date, str] | None:
        """A quarterly statistic over the year so far (今年以来，GDP同比增长5.4%): as of the
        last quarter released by publication, not the day of writing; GDP is only ever
        measured by quarter, and released some weeks after it."""
        if (
            anchor is not None
            or window is None
            or window.text not in _YTD
            or self.published_at is None
            or not _QUARTERLY_ONLY.fullmatch(base_metric(metric))
        ):
            return None
        day = self.published_at - dt.timedelta(days=_QUARTER_RELEASED_AFTER)
        quarter = (day.month - 1) // 3  # the quarters over by then
        if quarter == 0:
            return None  # only last year's are out: the text's 今年 names none
        end = dt.date(day.year, quarter * 3, calendar.monthrange(day.year, quarter * 3)[1])
        return end, f"{day.year}年{_SO_FAR_NAMES[quarter]}"

    def _years_ahead(
        self, anchor: DateMention | None, q: Quantity, sentence: tuple[int, int]
    ) -> tuple[dt.date, str] | None:
        """A forecast its sentence sets some years after writing (持有4年后，…股息率至少5.5%,
        三年后收入将翻倍), naming no date: as of that many years after publication, not of
        the day it was written."""
        if anchor is not None or self.published_at is None or "年后" not in self.text:
            return None
        found = list(_YEARS_LATER.finditer(self.text, sentence[0], q.span[0]))
        if not found:
            return None
        years = cn_int(found[-1]["n"])
        day = self.published_at
        if (day.month, day.day) == (2, 29):
            day = day.replace(day=28)
        return day.replace(year=day.year + years), found[-1].group()

    def _as_of(self, date: DateMention | None) -> tuple[dt.date | None, str | None]:
        if date is None:
            return self.data_as_of or self.published_at, None
        if not date.dated:
            # 一季度, in a text that does not say of which year; a day is no period to name
            # (a quote under an old calendar line, `stale_session`: the page's, undated)
            return None, None if date.granularity == "day" else date.text
        if date.granularity == "day":
            return date.start, date.start.isoformat()
        if date.granularity == "relative":
            return date.end, date.text
        return date.end, date.text
