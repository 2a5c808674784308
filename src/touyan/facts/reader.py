"""The reader every shape extends, and the fact a figure states once it is read.

`Reader` puts together what a text holds (`read_text.TextReader`) and the steps every shape
of text uses: when a figure holds (`read_dates`), whether it is foreseen or assumed
(`read_forecasts`), whom it is about (`read_subjects`), which part of its subject
(`read_parts`), and what grew and against what (`read_indicators`). Its own step is the one
every shape ends with: the fact a figure states once its subject and metric are known
(`_fact_for`), dated, marked a forecast when it is one, and kept as the last fact, which the
figures after it may be read against. The shapes (read_market, read_results, read_series,
read_bulletin, read_growth, read_labels, read_named, read_cards) extend it, and
`read_facts.FactReader` puts them together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from touyan.facts.bilateral import BILATERAL, partner
from touyan.facts.carried_windows import run_window
from touyan.facts.dating import day_range, own_as_of, priced
from touyan.facts.economy import CN_REGION, ECONOMY_OF, cn_region_name
from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import (
    DAILY_METRICS,
    LABEL_METRIC,
    PERIOD_RESULTS,
    WINDOW_MOVE,
    base_metric,
)
from touyan.facts.market import FLOW_METRICS, flow_window
from touyan.facts.named_parts import counted_goods
from touyan.facts.read_dates import NOW, DatedReader, upper_end
from touyan.facts.read_forecasts import FISCAL, ForecastReader
from touyan.facts.read_indicators import IndicatorReader
from touyan.facts.read_parts import PartReader
from touyan.facts.read_subjects import SubjectReader
from touyan.facts.report_days import report_told_on
from touyan.facts.told_dates import source_dated
from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# A total over the span of years a figure is dated by (2021-2023年…累计投入9亿元).
_SUMMED = re.compile(r"累计|合计|共计|总计")
# A change against a base, or its yearly average: over the years since a base year it names.
_SINCE_BASE = re.compile(r"(?<!_yoy)(?<!_qoq)_(?:change|avg_annual_change|cagr)$")
# A quote of one moment of a session (收盘价): a span's is its last day's.
_POINT_QUOTES = frozenset({"price", "open", "close", "prev_close", "limit_up", "limit_down"})
# Moves whose metric names their window: a window said before them must be theirs.
_OWN_WINDOW = {"change_ytd_pct": "今年", "change_1w_pct": "周", "change_1m_pct": "月"}
# A trailing window a move is measured over (近三月, 最近360天, 近5个交易日), not one session
# (近1日, 近一天).
_TRAILING = re.compile(
    r"最?近(?P<span>(?![1一]个?(?:交易日|日|天)$)(?:\d+|[一二两三四五六七八九十百]+|半)个?"
    r"(?:交易日|日|天|周|月|季度|年))"
)
# The later day of a span a move is measured over (…，到2025年5月12日涨到了…), and the
# trailing windows a span from a day to the same day some months later is.
_SPAN_TO = re.compile(r"(?:到|至|直到)\s*$")
_SPAN_MONTHS = {1: "近一月", 3: "近三月", 6: "近六月", 12: "近一年"}
# 股价从2024年5月的60多元一路跌到现在，跌幅超过20%: a move from a day or month named after 从
# or 自 up to now, written after the date (到现在, 至今).
_FROM_BEFORE = re.compile(r"[从自]\s*$")
_TO_NOW = re.compile(r"(?:到|至)(?:现在|今天?|目前|当前)")
# A balance a period opened with (期初余额, 年初余额, 年初数), as against its closing one.
_OPENING = re.compile(r"期初|年初(?:余额|数)")
_REPORTING_SPANS = frozenset({"month", "quarter", "half", "year", "report"})
_QUARTER_ENDS = frozenset({(3, 31), (6, 30), (9, 30), (12, 31)})
# 4月8日因三天内涨幅超过40%登上龙虎榜, 5个交易日内累计跌幅达12%: a move over the few days up
# to the day named (not one day's, 1天内 is), named as a trailing window's move is; so is a
# flash's move over minutes (盘中快速反弹，5分钟内涨幅超过2%).
# A move within the session, named so (日内涨幅达1%, 盘中跌幅扩大至超2%) or told as it widens or
# narrows (跌幅扩大至1.5%): as `_SESSION_MOVE` reads 日内上涨1%, not the day's close.
_IN_SESSION = re.compile(
    r"(?:(?<![\d个易天])(?:日内|盘中)(?:涨幅|跌幅|涨跌幅)(?:扩大至|收窄至|达到?|为)?"
    r"|(?:涨幅|跌幅)(?:扩大至|收窄至))\s*(?:超过|超|逾|近|约)?\s*$"
)
_DAYS_MOVE = re.compile(
    r"(?<![\d月.．近])(?P<span>(?:(?!1(?!\d))\d{1,3}|[两三四五六七八九十]{1,3})\s*个?"
    r"(?:交易日|日|天|分钟))\s*(?P<within>之?内(?:累计|合计)?|累计|合计)的?(?:股价)?"
    r"(?:涨跌幅|涨幅|跌幅)\s*(?:为|达到?|超过|超|逾|接近|近|约|高达)?\s*$"
)


def _opened_on(anchor: DateMention, as_of: dt.date) -> dt.date:
    """The day a balance dated by `anchor` opened with is as of: the day before a reporting
    period began (2024年半年度报告…期初余额 is the end of 2023's), and the last year-end for
    a report's closing day (截至2024年6月30日…相较于期初的X元: Chinese interim statements
    compare with the start of the year). Any other day is kept as it is written."""
    if anchor.granularity in _REPORTING_SPANS:
        return anchor.start - dt.timedelta(days=1)
    if anchor.granularity == "day" and (as_of.month, as_of.day) in _QUARTER_ENDS:
        return dt.date(as_of.year - 1, 12, 31)
    return as_of


class Reader(DatedReader, ForecastReader, SubjectReader, PartReader, IndicatorReader):
    """What a text holds and the steps that turn a figure into a fact."""

    def _fact_for(
        self,
        subject: str,
        metric: str,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        obj: str | None,
    ) -> ExtractedFact:
        """The fact a figure states about `subject`, dated; kept as the last fact, which the
        figures after it may be read against (同比增长18.3%, 占总营收的13.88%)."""
        if (
            "的" in metric  # (a cheap test first: most metrics name no region)
            and (lead := CN_REGION.match(metric))
            and metric.startswith("的", lead.end())
            and cn_region_name(lead) == subject
        ):
            metric = metric[lead.end() + 1 :]  # 某市的常住人口: the region is the subject
        if obj is None and metric.startswith(BILATERAL):
            obj = partner(self.text, subject, q.span[0])  # 两国贸易总额: the pair's, with whom
        if obj is None and q.unit == "count":
            obj = counted_goods(self.text, q.span[1])  # 卖出了5780万台iPad: those goods
        anchor, window = self._anchor(metric, q, sentence)
        as_of, period = self._as_of(anchor)
        if anchor is not None and source_dated(self.text, anchor, q, sentence):
            as_of, period = None, None  # a report's day, or one outside a work's title
        if (
            anchor is not None
            and metric not in DAILY_METRICS
            and not priced(metric)
            and (reported := report_told_on(self.text, anchor))
        ):
            as_of, period = reported  # 最新的第一季报显示，该股于4月29日实现每股收益: the quarter's
        if (
            anchor is not None
            and (metric not in _POINT_QUOTES or q.high is not None)
            and (joined := day_range(anchor, self.dates, self.text))
        ):
            # 5月5日-5月11日，…累计货车通行5175.1万辆: the week's, as of its end (a price is
            # a day's, but a band it kept to is the span's: 从11月到4月，股价在40-50元之间)
            period = joined
        if metric == "change_pct" and (spanned := self._moved_between(anchor, sentence, q)):
            metric, period = spanned
        elif metric == "change_pct" and (since := self._moved_since(anchor, sentence, q)):
            metric, as_of, period = since
        elif (
            metric == "change_pct"
            and window is None
            and (anchor is None or anchor.granularity == "day")
            and _IN_SESSION.search(self.text, max(sentence[0], q.span[0] - 12), q.span[0])
        ):
            # 日内跌幅扩大至1%: where the price stands in the session (今年跌幅收窄至1%: the year's)
            metric = "盘中涨跌幅"
        elif (
            metric == "change_pct"
            and (days := _DAYS_MOVE.search(self.text, max(sentence[0], q.span[0] - 20), q.span[0]))
            # (日经225日内涨幅: the days are the name's figure, its move the day's)
            and not any(m.start < days.start() < m.end for m in self.mentions)
        ):
            counted = re.sub(r"\s+", "", days["span"])
            period = counted + ("内" if "内" in days["within"] else "")
            metric = LABEL_METRIC.get(f"近{counted}涨跌幅", f"近{counted}涨跌幅")
        if (
            anchor is None
            and window is None
            and self.title_year is not None
            and metric not in DAILY_METRICS
            and not WINDOW_MOVE.fullmatch(metric)
            and not NOW.search(self.text, sentence[0], q.span[0])  # 截至发稿，市值为…
        ):
            # 中华人民共和国2021年…, published 2022: 全年粮食种植面积 is 2021's, not the day's.
            as_of, period = self.title_year.end, self.title_year.text
        elif anchor is None and window is None and (last_year := self._annual_result(metric, q)):
            as_of, period = last_year
        elif (
            anchor is None
            and window is None
            and (report := self._latest_filed(subject, metric, sentence[0], q))
        ):
            as_of, period = report, None
        elif (
            anchor is None
            and window is None
            and metric not in DAILY_METRICS
            and not priced(metric)
            and (latest := self._latest_report(q.span[0]))
        ):
            # 在最新的季度报告中…毛利率突破33%: which quarter the text does not say, unless
            # the day leaves one (最近季报固定收益类资产占比 on a fund's card of 14 May is the
            # first quarter's); not the day a card's data are as of, a report's figure is
            # the period's
            as_of, period = self._latest_quarter(subject, latest), latest
        elif so_far := self._quarters_so_far(metric, anchor, window):
            as_of, period = so_far  # 今年以来，GDP同比增长5.4%: the quarters released
        if (
            window is None
            and metric not in DAILY_METRICS
            and (anchor is None or anchor.span[1] <= sentence[0])
            and (told := self.told.get((subject, metric, q.value))) is not None
        ):
            # 截止2025年05月09日，质押比例为12.63%。…综上所述，2025年05月14日…。公司质押比例
            # 为12.63%: a summary restates the figure, as of the day it was first told
            as_of, period = told
        if (
            window is not None
            and not NOW.search(self.text, window.span[1], q.span[0])
            and _OWN_WINDOW.get(metric, "") in window.text
            and (metric not in _POINT_QUOTES or q.high is not None)
        ):
            # but 近5个交易日股价上涨…，当前市值为: the day's; 本周累计涨超16%，今年以来涨超0.7%:
            # a move named with its own window; 最近60天，股价一直在7-8.7元之间: the window's
            # range (but 最近360天，股价从15元跌到8元: 8 is the day's quote)
            period = window.text
            if metric == "change_pct" and (trailing := _TRAILING.fullmatch(window.text)):
                # 近三月涨跌幅为-2.79%, 最近90天，…跌幅接近30%: the window's move, named as a
                # card names it (近一周涨跌幅 is change_1w_pct), not the day's change
                label = f"近{trailing['span']}涨跌幅"
                metric = LABEL_METRIC.get(label, label)
        if window is None and (run := run_window(self.text, sentence[0], q.span[0])):
            period = run  # 为连续第3日净买入，期间…合计净买入4.91亿元: the run's, not the day's
        if metric in FLOW_METRICS and (
            span := flow_window(self.text[max(sentence[0], q.span[0] - 24) : q.span[0]])
        ):
            metric = f"{metric}_{span}d"  # 5日主力流入3.95亿元: the window's, not the day's
        if "_forecast" in metric or (
            (
                self._forecast_before(sentence[0], q.span[0])
                or self._ahead(anchor, as_of, q)
                or self._by_year(anchor, q)
                or self._forecast_run(sentence, q)
                or self._forecast_part(sentence, q)
                or self._framed(q)
                or self._preannounced(metric, q)
                or self._planned(metric, q, sentence)
                or self._goal_or_due(metric, q, sentence)
                or self._projected_return(metric, q, sentence)
                or self._forecast_period(anchor, sentence, q)
            )
            and "目标" not in metric
            and not metric.endswith(("计划", "预算"))  # 750亿美元的资本支出计划: the plan's sum
            and not self._stated_day(anchor, as_of, q)
            and not metric.endswith("概率")  # 预计…加息的概率为80%: the chance priced now
        ):
            # 预计2021年净利润70亿元…，同比增长289%, 2027年预测市盈率: a forecast, not a
            # reported figure (net_profit_yoy_forecast, whichever rule named it); so is a
            # figure of a year after the text's (an outlook written in 2025: 预计2034年…。禽肉
            # 产量年均增长1.6%).
            metric = metric.replace("_forecast", "") + "_forecast"
            if ahead := self._years_ahead(anchor, q, sentence):
                as_of, period = ahead  # 持有4年后，…股息率至少5.5%: four years on
        elif (
            anchor is not None
            and anchor.granularity == "year"
            and metric in DAILY_METRICS
            and self.published_at is not None
            and as_of is not None
            and as_of > self.published_at
        ):
            # 2025年股价上涨8.33%, written in April: the move so far. (A year's output may be
            # final before its end: 2022年粮食总产量 is reported in December.)
            as_of = self.published_at
        elif (
            anchor is not None
            and self.published_at is not None
            and as_of is not None
            and as_of > self.published_at
            and FISCAL.search(self.text, max(0, anchor.span[0] - 8), anchor.span[1])
        ):
            # 2025财年第三季度营业收入141.3亿美元, reported in May: a fiscal quarter that ended
            # before publication, on a day the text does not say.
            as_of = None
        if anchor is not None and as_of == anchor.end and _OPENING.search(metric):
            as_of = _opened_on(anchor, as_of)
            if anchor.granularity == "day":
                period = as_of.isoformat()  # a day is its own period
        if _SINCE_BASE.search(metric) and (base := self._base_year(q, sentence, as_of)):
            # 比1990年提高31.56个百分点，平均每年提高0.94个百分点: the change over the years
            # since the base, not within the year it is dated by
            period = f"{base}年—{as_of.year}年" if as_of else f"{base}年以来"
        elif _SINCE_BASE.search(metric) and (years := self._years_spanned(anchor)):
            # 1949—1978年，…比重从10.64%增加到17.92%，平均每年提高0.25个百分点: the change over
            # the span of years the figure is dated by, not within its last year
            period = f"{years[0]}年—{years[1]}年"
        elif (
            anchor is not None
            and sentence[0] <= anchor.span[0] < q.span[0]
            and _SUMMED.search(
                self.text, max(anchor.span[1], self._clause_start(sentence, q.span[0])), q.span[0]
            )
            and (years := self._years_spanned(anchor))
        ):
            # 2021-2023年，公司累计投入9亿元: the span's total, not its last year's
            period = f"{years[0]}年—{years[1]}年"
        if (
            anchor is not None
            and metric not in DAILY_METRICS
            and anchor.dated
            and anchor.span[0] >= sentence[0]
        ):
            self.told.setdefault((subject, metric, q.value), (as_of, period))
        if anchor is not None and anchor.dated and metric not in DAILY_METRICS and self.undated:
            self.dated_as.setdefault((subject, metric, q.value), (as_of, period))
        as_of, period = self._session_of(metric, anchor, q, as_of, period)
        told_as = (subject, metric, q.value)
        if obj and self.entities is not None:
            subject, obj = self._listed_part(subject, obj)
        fact = ExtractedFact(
            subject=ECONOMY_OF.get(subject, subject),
            metric=metric,
            value=q.value,
            unit=q.unit,
            currency=q.currency,
            span=(self.index[q.span[0]], self.index[q.span[1] - 1] + 1),
            quote=quote,
            as_of=as_of,
            period=period,
            object=obj,
            high=upper_end(q),
        )
        if (
            anchor is None
            and window is None
            and period is None
            and as_of == (self.data_as_of or self.published_at)
            and metric not in DAILY_METRICS
            and not priced(metric)  # 市盈率87.46 in a lead: the ratio at writing
            and told_as not in self.dated_as
        ):
            self.undated[fact] = told_as
        self.last, self.last_end = fact, q.span[1]
        return fact

    def restated(self, facts: list[ExtractedFact]) -> list[ExtractedFact]:
        """`facts` with each figure stated without a date dated as the text dates it when it
        states it again: a news lead repeats the release's figures before the sentence that
        dates them ("一、全国港口累计完成货物吞吐量2.6亿吨…。…显示：6月2日-6月8日，…一、全国
        港口累计完成货物吞吐量2.6亿吨"), and they are the week's, not the publication day's.
        A period's result (revenue, profit, a margin, their growth) the text dates nowhere is
        left undated rather than dated by the day of writing."""
        if not self.undated:
            return facts
        out = []
        for fact in facts:
            told = self.dated_as.get(self.undated.get(fact, ("", "", Decimal(0))))
            if told is not None:
                fact = replace(fact, as_of=told[0], period=told[1])
            elif fact in self.undated and base_metric(fact.metric) in PERIOD_RESULTS:
                # 净利润3.42亿元 with no period named anywhere: a period's result, of a period
                # the text does not say; the day of writing is none (a quote's is)
                fact = replace(fact, as_of=None)
            out.append(fact)
        return out

    def _moved_between(
        self, anchor: DateMention | None, sentence: tuple[int, int], q: Quantity
    ) -> tuple[str, str] | None:
        """2024年5月12日股价是8.00元，到2025年5月12日涨到了11.87元，涨幅约48.38%: a move
        between two days its sentence names, the later one after 到 or 至, is the span's, not
        the later day's: named as a card names a trailing window's move when the span is one
        (近一年涨跌幅), else the day's change over the span."""
        if (
            anchor is None
            or anchor.granularity != "day"
            or not sentence[0] <= anchor.span[0] < q.span[0]
            or not _SPAN_TO.search(self.text, max(sentence[0], anchor.span[0] - 3), anchor.span[0])
        ):
            return None
        first = next(
            (
                d
                for d in self.dates
                if d.granularity == "day"
                and sentence[0] <= d.span[0] < anchor.span[0]
                and d.start < anchor.start
            ),
            None,
        )
        if first is None:
            return None
        a, b = first.start, anchor.start
        months = (b.year - a.year) * 12 + b.month - a.month if a.day == b.day else 0
        label = "近一周" if (b - a).days == 7 else _SPAN_MONTHS.get(months)
        metric = LABEL_METRIC.get(f"{label}涨跌幅", "change_pct") if label else "change_pct"
        return metric, f"{first.text}至{anchor.text}"

    def _moved_since(
        self, anchor: DateMention | None, sentence: tuple[int, int], q: Quantity
    ) -> tuple[str, dt.date, str] | None:
        """股价从2024年5月的60多元一路跌到现在，跌幅超过20%: a move from the day or month after
        从 up to now is as of now, not of its start: named as a card names a trailing window's
        move when the span is one (近一年涨跌幅), else the change since the date."""
        now = self.data_as_of or self.published_at
        if (
            now is None
            or anchor is None
            or anchor.granularity not in ("day", "month")
            or not sentence[0] <= anchor.span[0] < q.span[0]
            or not _FROM_BEFORE.search(
                self.text, max(sentence[0], anchor.span[0] - 3), anchor.span[0]
            )
            or not _TO_NOW.search(self.text, anchor.span[1], q.span[0])
            or any(anchor.span[1] <= d.span[0] < q.span[0] for d in self.dates)
        ):
            return None
        months = (now.year - anchor.start.year) * 12 + now.month - anchor.start.month
        same_day = anchor.granularity == "month" or anchor.start.day == now.day
        label = _SPAN_MONTHS.get(months) if same_day else None
        metric = LABEL_METRIC.get(f"{label}涨跌幅", "change_pct") if label else "change_pct"
        return metric, now, f"{anchor.text}至今"

    def _listed_part(self, subject: str, obj: str) -> tuple[str, str | None]:
        """网易 with 云音乐会员订阅: a part whose name, written after its parent's, makes a
        company the dictionary knows (网易云音乐, listed on its own) is that company's, with
        what is left of the part (会员订阅) as its object."""
        assert self.entities is not None
        for cut in range(len(obj), 1, -1):
            record = self.entities.get(subject + obj[:cut])
            if record is not None and record.name != subject and record.kind == "company":
                return record.name, obj[cut:] or None
        return subject, obj

    def _stated_day(self, anchor: DateMention | None, as_of: dt.date | None, q: Quantity) -> bool:
        """Whether the figure's own bracket dates it to a day already past (计划…，叠加0.5%的
        股息率（截至2025年5月13日）): a figure as it stood, which no plan or outlook before it
        makes a forecast."""
        return (
            anchor is not None
            and as_of is not None
            and self.published_at is not None
            and as_of <= self.published_at
            and own_as_of(q, [anchor], self.text) is anchor
        )


class LabelledShapes(Reader):
    """A shape that files a labelled figure through the fact reader's `_labelled`
    (`read_labelled`), which finds whose it is with the steps of `read_owner` and `read_parts`."""

    if TYPE_CHECKING:

        def _labelled(
            self,
            q: Quantity,
            sentence: tuple[int, int],
            quote: str,
            header: tuple[int, str, str | None] | None,
            metric: str,
            label_start: int,
            labelled: bool,
        ) -> ExtractedFact | None: ...
