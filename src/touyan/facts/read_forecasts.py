"""What a figure is when it is not told: forecast, projected, assumed.

A figure after a forecast word (预计, 计划), in a clause run on from a sentence that opens with
one, in a paragraph a release frames as the month's projections (本月预测), of a year after
the text's, or a range a preannouncement gives, is a forecast: its metric is marked so
(`_forecast`) rather than filed as reported. A figure a hypothesis sets (假设…) or works out from
it (…则, 那么, a sentence opening with 此时 after it) is no one's; a sentence opening with 此时
or 届时 carries a forecast's scenario before it on.
"""

from __future__ import annotations

import datetime as dt
import re

from touyan.facts.labels import ANNUAL_METRICS, base_metric
from touyan.facts.plans import (
    after_planned_deal,
    bid_project_total,
    planned_sum,
    project_budget,
    projected_return,
)
from touyan.facts.read_dates import THAT_DAY
from touyan.facts.read_text import FORECAST, SENTENCE_END, TextReader
from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# Where a markdown text opens another section inside one run of text: a rule, a heading, a
# bold numbered heading (**四、风险提示**).
_SECTION_BREAK = re.compile(
    r"-{3,}|#{2,6}\s|\*\*[一二三四五六七八九十]{1,3}[、.．]"
    # a card's next field (…预测的最低目标价21.2元，个股诊断：…总体排名538/5412)
    r"|[，,。；;](?!其中|具体|分|包括)[\u4e00-\u9fff]{2,6}[:：]"
)

# A fiscal year's period (2025财年第三季度, 第三财季, FY2025 Q3): its calendar end is the
# issuer's, which the text rarely says.
FISCAL = re.compile(r"财年|财季|财政年度|FY", re.IGNORECASE)

# A hypothesis a sentence sets (假设26年利润增长7%，每股收益达到80元): the sentence's
# figures after it, what it supposes and what it works out (则每股分红64元), are no one's.
_HYPOTHESIS = re.compile(r"(?:我们)?(?:假设|假如|倘若|假定)(?![:：条前])")
# The sentence that carries a scenario on (此时, 届时, 到那时), and the words that set one.
_THEN = re.compile(r"\s*(?:此时|届时|到时候?|到那时|那时)")
_SCENARIO = re.compile(r"假设|假如|如果|倘若|若(?![干羽])|预计|预期|预测|测算")
# A sentence that opens with a forecast and lists its figures in clauses joined by ；
# (预计2026年某作物播种面积…；单产…；产量保持在…以上。): every clause is forecast.
_FULL_STOP = re.compile(r"[。！？!?\n]")
# A sentence breaking down the one before (当中，广告收入…; 其中，…).
_PART_OPENS = re.compile(r"\s*(?:当中|其中)[，,：:]")
# (某某公告，公司预计2021年…；归母净利润…: a preannouncement opens so, after the filer's name;
# 会议召开，预计…；…, 全国某行业预计…；…: a clause of the sentence opens on the forecast, after
# a few words naming who foresees.)
_FORECAST_OPENS = re.compile(
    r"(?:^|(?<=[，,：:】。！？!?\n]))\s*(?:[\u4e00-\u9fffA-Za-z0-9]{2,12}?公告[，,：:]\s*)?"
    r"(?:(?!的)[\u4e00-\u9fffA-Za-z0-9]){0,10}?(?:预计|预测)(?!信息|数据|[:：])"
)  # (but 以下是详细的盈利预测信息：…: a heading, no forecast)
# 明年工作的主要目标是：…；…: the goals a colon lists, clause after clause.
_GOALS_LISTED = re.compile(r"目标(?:是|为)?[：:]")
# A point of a numbered list (④ 当地时间…, （2）…): a new item, which no forecast of the item
# before governs.
_ITEM_MARK = re.compile(r"[\u2460-\u2473\u2776-\u277f]|[；;。]\s*[（(]?\d{1,2}[)）、]")
# A bracketed headline's close (【某某预计全年产量将达…】正文…): the headline's words end there.
_HEADLINE_CLOSE = "】"
# 本月预测，2026/27年度…, 本月估计，2025/26年度…: a monthly supply-and-demand release's frame;
# the paragraph's figures after it are the month's projections (an estimate of a season not
# over is one too), until the release turns to a season it leaves as it was (本月对…不作调整).
_MONTH_FRAME = re.compile(r"本月(?:预测|估计|对)")
# A date field after a forecast word: what is expected is the date, not the figures after it.
_EXPECTED_DATE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:完工|竣工|投产|上市|到期)(?:日期|时间)")
_CLAUSE_SEP = re.compile(r"[，,；;]")  # but 预计今日…: today's, foreseen
# What a clause says is reached already (已超过, 已经达到), and a plan's launch (启动…计划).
_DONE = re.compile(r"已经?(?:超过|超|达到|达|突破|升至|增至|实现|完成|累计)")
_LAUNCHED = re.compile(r"(?:启动|推出|发起|开启|上线)[^，,。；;！？]{0,20}$")
# A clause about the present after the forecast (相比之下，现在这一比例为5%).
_PRESENT = re.compile(r"[，,；;]\s*(?:相比之下[，,]?\s*)?(?:现在|目前|当前)")
# 希望将产能从目前占全球的10%提高到2030年的20%: the level a planned step starts from, today's
# (up to the 到 or 至 the step goes on with).
_FROM_NOW = re.compile(r"(?:从|由)(?:现在|目前|当前)[^，,；;到至]*$")
# 原计划募资60亿元，而实际募资净额达到97亿元: a clause opening with 实际 sets what happened
# against the plan before it (not 实际增长, a real growth a forecast may give).
_ACTUAL = re.compile(r"[，,；;]\s*(?:而|但|但是|不过)?\s*实际(?!增长|增速|下降|增幅|降幅|[GgPp])")
# A plan the text says has run its course (减持计划期限届满, 增持计划实施完毕, 时间过半): the
# figures after it are what was done under it, not what is planned.
_PLAN_DONE = re.compile(
    r"[^，,。；;]{0,8}?(?:届满|实施完毕|已?实施完成|已完成|已结束|时间过半|数量过半|已过半)"
)
# 200万辆仍是一个"延伸目标": the clause after a figure names it a goal.
_GOAL_AFTER = re.compile(
    r"[^，,；;。！？]{0,6}?(?:是|为|成为|作为)一?个?\s*[\"“”「]?\s*"
    r"(?:延伸|长期|远期|中期|短期|新的?|奋斗|主要|挑战性?|雄心勃勃的)?目标"
)
# 本月将向某客户交付15辆: a delivery ahead (交付 after 将 in the figure's clause).
_WILL_DELIVER = re.compile(r"将[^，,；;。！？]{0,16}?交付")
# A period a forecast names right after its word (预计2021年度, 预测2022年).
_FORECAST_DATE = re.compile(r"(?:预计|预测|预估)\s*$")
# What tells a figure as reported: the day it is as of (截至), a verb of achieving.
_AS_OF_WORD = re.compile(r"截[至止]到?\s*$")
_ACHIEVED = re.compile(r"[^，,；;。]{0,12}?(?:实现|录得)")
_LAST_PERIOD = re.compile(r"上年|去年|上期|前期")
# 到2025年 as a goal's horizon: opening a clause, or after a word that sets one (not 截至到,
# 从2020年到2025年).
_BY_YEAR = re.compile(r"(?:^|[，,。；;：:\s]|争取|力争|提出|要求|目标是?|计划)到\s*$")


class ForecastReader(TextReader):
    """Whether a figure is foreseen or assumed rather than told."""

    def _forecast_before(self, lo: int, hi: int) -> bool:
        """A forecast word governs the figures after it, but not when what it expects is a
        date (预计投产时间为2026年3月，产能利用率为75%: the rate is today's)."""
        found = list(FORECAST.finditer(self.text, lo, hi)) if self.forecast_words else []
        if (
            found
            and (day := THAT_DAY.search(self.text, found[-1].end(), hi))
            and _CLAUSE_SEP.search(self.text, found[-1].end(), day.start())
        ):
            return False  # 计划向银行申请授信…资金方面，当日主力资金净流出: the day's, done
        if found and _SECTION_BREAK.search(self.text, found[-1].end(), hi):
            # **三、2025年预测**…---**四、风险提示**1. 收入占比仍超85%: another section
            return False
        if found and _PRESENT.search(self.text, found[-1].end(), hi):
            return False  # 估计到4月份将有一半国家加息，相比之下，现在这一比例为5%: today's
        if found and self._told_done_after(found[-1], hi):
            return False
        if found and any(w in self.text[found[-1].end() : hi] for w in "从由"):
            if _FROM_NOW.search(self.text, found[-1].end(), hi):
                return False  # 计划将份额从目前的10%提高到…: the step's start, today's
        if found and "实际" in self.text[found[-1].end() : hi]:
            if _ACTUAL.search(self.text, found[-1].end(), hi):
                return False  # 原计划拟募资60亿元，而实际募资净额…: done, not planned
        if found and _PLAN_DONE.match(self.text, found[-1].end(), hi):
            return False  # 减持计划减持期间已届满，其…减持公司股份…: what the plan did
        if found and self.text.find(_HEADLINE_CLOSE, found[-1].end(), hi) >= 0:
            return False  # 【…预计全年产量…】前11个月产量…: the body's figures are told
        if found:
            return not _EXPECTED_DATE.match(self.text, found[-1].end())
        return self._in_scenario(lo)

    def _told_done_after(self, word: re.Match[str], hi: int) -> bool:
        """Whether the figure ending its clause at `hi` is told as done, not foreseen by the
        forecast word of an earlier clause: a clause of its own saying it is reached already
        (规模预计突破900亿元，渗透率已超过40%: the rate is today's), or a plan the sentence
        says was launched, its figures the launch's (推出"某某"计划，上线3天，订单突破50万单)."""
        breaks = [m.end() for m in _CLAUSE_SEP.finditer(self.text, word.end(), hi)]
        if not breaks:
            return False  # the word's own clause: 预计已超过 is an estimate
        if _DONE.search(self.text, breaks[-1], hi):
            return True
        return (
            word.group() == "计划"
            and breaks[0] == word.end() + 1
            and _LAUNCHED.search(self.text, max(0, word.start() - 24), word.start()) is not None
        )

    def _forecast_run(self, sentence: tuple[int, int], q: Quantity) -> bool:
        """A figure in a ；-clause of a sentence that opens with 预计 or 预测, its own clause
        naming no date of its own: the forecast goes on (…增长1%；单产每公顷2023公斤)."""
        if not self.forecast_words or sentence[0] == 0 or self.text[sentence[0] - 1] not in "；;":
            return False
        ends = list(_FULL_STOP.finditer(self.text, max(0, sentence[0] - 300), sentence[0]))
        start = ends[-1].end() if ends else max(0, sentence[0] - 300)
        opens = [
            m
            for m in (
                *_FORECAST_OPENS.finditer(self.text, start, sentence[0]),
                *_GOALS_LISTED.finditer(self.text, start, sentence[0]),
            )
            if self.text.find(_HEADLINE_CLOSE, m.end(), sentence[0]) < 0
        ]
        opens.sort(key=lambda m: m.end())
        if not opens or _ITEM_MARK.search(self.text, opens[-1].end(), q.span[0]):
            return False  # …；④ 当地时间…上涨0.6%: another point of a list
        if _EXPECTED_DATE.match(self.text, opens[-1].end()):
            return False  # 预计完工时间为…，产能利用率为…；…: what is expected is a date
        return not any(sentence[0] <= d.span[0] < q.span[0] for d in self.dates)

    def _forecast_part(self, sentence: tuple[int, int], q: Quantity) -> bool:
        """A figure of a sentence that opens by breaking down the one before (当中，其中，)
        when that one is a forecast (报告估计，总收入增长约28%。当中，广告收入增长50%): the
        parts are foreseen with the whole. A date of the figure's own ends the carry."""
        if not self.forecast_words:
            return False
        # (其中，甲…；乙…: every ；-clause of the sentence breaking the forecast down)
        opened = list(_FULL_STOP.finditer(self.text, max(0, sentence[0] - 300), sentence[0]))
        lead = opened[-1].end() if opened else sentence[0]
        if not _PART_OPENS.match(self.text, lead):
            return False
        ends = list(_FULL_STOP.finditer(self.text, max(0, lead - 300), max(0, lead - 1)))
        start = ends[-1].end() if ends else max(0, lead - 300)
        if FORECAST.search(self.text, start, lead) is None:
            return False
        return not any(sentence[0] <= d.span[0] < q.span[0] for d in self.dates)

    def _planned(self, metric: str, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A sum a plan commits (拟出资, 拟定增募资), a state a planned deal leaves (转让完成后…
        持有) or a project's budget (项目总投资): planned, not paid (see `plans`)."""
        return (
            planned_sum(self.text, metric, sentence, q.span[0], self.dates)
            or after_planned_deal(self.text, sentence, q.span[0], self.dates)
            or project_budget(self.text, metric, sentence, q.span[0])
        )

    def _projected_return(self, metric: str, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A project's return or payback worked out for it: a projection (see `plans`)."""
        return projected_return(self.text, metric, sentence[0], q.span[0])

    def _owners_budget(self, metric: str, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A project's total investment in a text about the bid a company won for it (收到某某
        PPP项目的《中标通知书》。项目估算总投资约…): its owner's budget, no sum of the company's."""
        return project_budget(self.text, metric, sentence, q.span[0]) and bid_project_total(
            self.text, sentence, q.span[0]
        )

    def _forecast_period(
        self, anchor: DateMention | None, sentence: tuple[int, int], q: Quantity
    ) -> bool:
        """A sum dated only by a period a forecast named in a sentence before (预计2021年度归母
        净利润…。…因某事项导致的收益约3.8亿元): the forecast's estimate of that period too,
        unless its sentence tells of an earlier period's (上年同期出售…)."""
        return (
            anchor is not None
            and q.unit == "money"
            and self.forecast_words
            and anchor.span[1] <= sentence[0]
            and _FORECAST_DATE.search(self.text, max(0, anchor.span[0] - 4), anchor.span[0])
            is not None
            and not any(anchor.span[1] <= d.span[0] < q.span[0] for d in self.dates)
            # (业绩预减主要是上年同期出售某股权，…实现投资收益4.29亿元: last year's, told)
            and _LAST_PERIOD.search(self.text, sentence[0], q.span[0]) is None
        )

    def _preannounced(self, metric: str, q: Quantity) -> bool:
        """A result told as a range (基本每股收益0.12元至0.18元) in a text about an earnings
        preannouncement (业绩预告): the range is the company's estimate of a period it has not
        reported yet, as a preannouncement gives it; a reported result is one figure."""
        return (
            q.high is not None and base_metric(metric) in ANNUAL_METRICS and "业绩预告" in self.text
        )

    def _goal_or_due(self, metric: str, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A figure its clause calls a goal after it (交付量达200万辆仍是一个"延伸目标"), or a
        delivery still to come (本月将向某客户交付15辆): aimed at, not done."""
        if _GOAL_AFTER.match(self.text, q.span[1]):
            return True
        if not metric.startswith("deliveries"):
            return False
        clause = max(
            [sentence[0]]
            + [m.end() for m in _CLAUSE_SEP.finditer(self.text, sentence[0], q.span[0])]
        )
        return _WILL_DELIVER.search(self.text, clause, q.span[0]) is not None

    def _framed(self, q: Quantity) -> bool:
        """A figure of a paragraph a release opens with 本月预测 or 本月估计: projected."""
        if not self.month_frames:
            return False
        paragraph = self.text.rfind("\n", 0, q.span[0]) + 1
        frames = list(_MONTH_FRAME.finditer(self.text, max(paragraph, q.span[0] - 600), q.span[0]))
        return bool(frames) and frames[-1].group() != "本月对"

    def _by_year(self, anchor: DateMention | None, q: Quantity) -> bool:
        """A year a goal is set for (到2025年，…比重达到20%左右; 争取到2025年…覆盖率达到80%以上)
        in a text with no publication date: whether the year is ahead the text cannot say, but
        the words set a target, which no one has reported."""
        return (
            self.published_at is None
            and anchor is not None
            and anchor.granularity == "year"
            and anchor.span[1] <= q.span[0]
            and _BY_YEAR.search(self.text, max(0, anchor.span[0] - 6), anchor.span[0]) is not None
            and "了" not in self.text[anchor.span[1] : q.span[0]]  # 到2021年年末…达到了: done
            and not self._told_since(anchor)
        )

    def _told_since(self, anchor: DateMention) -> bool:
        """2019年，公司开启…，到2020年，某业务收入达到…: a story's step from a year its
        sentence names before, in a text that tells of a later year too (…到2021年一季度，
        公司仍旧亏损): the year is past to the writer, no horizon."""
        year = anchor.start.year
        ends = list(SENTENCE_END.finditer(self.text, max(0, anchor.span[0] - 200), anchor.span[0]))
        start = ends[-1].end() if ends else max(0, anchor.span[0] - 200)
        before = any(
            start <= d.span[0] < anchor.span[0]
            and d.granularity != "relative"
            and d.end.year < year
            for d in self.dates
        )
        return before and any(
            d.start.year > year
            and d.granularity != "relative"
            and _BY_YEAR.search(self.text, max(0, d.span[0] - 6), d.span[0]) is None
            for d in self.dates
        )

    def _ahead(self, anchor: DateMention | None, as_of: dt.date | None, q: Quantity) -> bool:
        """A figure dated in a year after the one the text is published in: no one can have
        reported it yet, so it is projected. Not a fiscal year named ahead of the calendar
        (2026财年第一季度, reported in May 2025), nor a year a heading of another section
        names (**三、2026年预测**---**四、风险提示**…)."""
        return (
            anchor is not None
            and as_of is not None
            and self.published_at is not None
            and as_of.year > self.published_at.year
            and not FISCAL.search(self.text, max(0, anchor.span[0] - 8), anchor.span[1] + 4)
            and not _SECTION_BREAK.search(self.text, anchor.span[1], q.span[0])
            and not self._told_as_done(anchor, q)
        )

    def _told_as_done(self, anchor: DateMention, q: Quantity) -> bool:
        """A figure the text tells as reported, whatever day it is said to be published: as of
        a day it names with 截至 (截至2024年3月末，该行总资产…), or achieved in a quarter, half or
        month (2024年二季度实现营收…). The publication day is then the one that is wrong (a
        text's latest dated day may be an earlier event's)."""
        if _AS_OF_WORD.search(self.text, max(0, anchor.span[0] - 3), anchor.span[0]):
            return True
        return anchor.granularity in ("quarter", "half", "month") and bool(
            _ACHIEVED.match(self.text, anchor.span[1], q.span[0])
        )

    def in_hypothesis(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """假设今年利润增长9%，那么每股收益将达到75元: what follows from a hypothesis a clause of
        the sentence opens with (after 则, 那么) is the writer's arithmetic on it, no more told
        than the premise; so is a sentence opening with 此时 or 届时 after such a sentence
        (…。此时市盈率约为14.88). A forecast's own scenario (预计…。届时) stays a forecast."""
        if not self.hypotheses:
            return False
        if any(
            m.start() == sentence[0] or self.text[m.start() - 1] in "，,；;：: \n"
            for m in _HYPOTHESIS.finditer(self.text, sentence[0], q.span[0])
        ):
            return True
        if not _THEN.match(self.text, sentence[0]):
            return False
        ends = list(SENTENCE_END.finditer(self.text, max(0, sentence[0] - 200), sentence[0] - 1))
        start = ends[-1].end() if ends else max(0, sentence[0] - 200)
        return _HYPOTHESIS.search(self.text, start, sentence[0]) is not None

    def _in_scenario(self, lo: int) -> bool:
        """假设28年业绩增长5%，…。此时公司的市盈率约为14.88: a sentence that opens with 此时 or
        届时 goes on with the scenario the sentence before it set, so its figures are that
        scenario's, not the company's reported ones."""
        if not _THEN.match(self.text, lo):
            return False
        ends = list(SENTENCE_END.finditer(self.text, max(0, lo - 200), max(0, lo - 1)))
        start = ends[-1].end() if ends else max(0, lo - 200)
        return _SCENARIO.search(self.text, start, lo) is not None
