"""A measure's step from one level to another, and the level a range holds.

毛利率从20%提升至25%, 转股价格将由17.40元/股调整为17.12元/股, 股息提高5%至每股0.21美元: the
figure after 至 is the new level of the measure named before the step, its label read as if
the figure stood where the step starts; a date written inside the step (从2023年的15%) is the
old level's, and a day written after it (自2025年7月8日开始生效) is the day the new level
holds from. The figure after 从 is the old level, of the date written with it; a range after
在 (一直在40-50元之间) is the range the level stays in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.extract import ExtractedFact, label_before
from touyan.facts.labels import CLAUSE_LIKE, DATE_IN_LABEL, LABEL_METRIC
from touyan.facts.read_labels import BARE_SHARES, LabelShapes
from touyan.facts.read_results import BARE_LABELS
from touyan.facts.reader import LabelledShapes
from touyan.text.dates import DateMention, parse_dates
from touyan.text.numbers import Quantity

# The label before 从 when no lexicon knows it: after 的, 将 or 把 (宣布将股息提高5%至),
# ending in a measure noun or 价格 (转股价格将由…调整为).
_FROM_TO_LABEL = re.compile(r"[的将把](?P<label>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:将|已|也|仍)?$")
_FROM_TO_RUN = re.compile(
    r"(?:^|[，,；;。：:\s\"”」])(?P<label>[\u4e00-\u9fff]{1,10}?(?:价格|股息|分红))(?:将|已|也|仍)?$"
)
_FROM_TO_NAMED = re.compile(r"(?P<label>[\u4e00-\u9fff]{1,10}?(?:价格|股息|分红))(?:将|已|也|仍)?")

# …调整为17.12元/股，自2025年7月8日开始生效: the day a new level holds from.
_EFFECTIVE = re.compile(
    r"[^，,。；;\n\d]{0,6}[，,]?[^\S\n]*(?:自|从|于)[^\S\n]*(?P<date>[^，,。；;\n]{4,16}?)"
    r"[^\S\n]*(?:起|开始)?(?:正式)?(?:生效|实施|执行|起)"
)
# A part's word (份额, 占比): alone, it does not say of what in what either.
_BARE_PARTS = frozenset({"份额", "占比"})
# 毛利率从20%提升至25%, 转股价格将由17.40元/股调整为17.12元/股, 股息提高5%至每股0.21美元:
# the level a measure reached, its old level or the rate of the step written between. The
# figure after 至 is the new level of what the label before 从 names.
_FROM_TO = re.compile(
    r"(?:(?:从|由)[^\S\n]*(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:末|底)?的?)?[^\S\n]*"
    r"[+-]?\d[\d.,]*[^\S\n]*(?:[%％]|[万亿千百]*(?:元|美元|港元|欧元|日元)?(?:/股)?)[^\S\n]*"
    r"(?:的?(?:上市价|发行价|低点|高点|低位|高位|水平))?[^\S\n]*(?:一路|大幅|小幅|进一步)?"
    r"(?:上调|下调|调整|调升|调降|提高|提升|上升|增长|增加|下降|降低|减少|回落|飙升|攀升|上涨|"
    r"下跌|涨|跌|升|降|增|减)?"
    r"|(?:上调|下调|提高|提升|降低|下降|增长|增加|减少)[^\S\n]*\d[\d.]*[%％][^\S\n]*)"
    r"(?:为|至|到)[^\S\n]*(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:末|底)?的?)?[^\S\n]*(?:每股)?"
    r"[^\S\n]*$"
)
# The base a step is measured against, between the label and the step (较去年同期增长16%至).
_BASE_BEFORE = re.compile(
    r"(?:同比|环比|(?:较|比|与)(?:去年|上年|上月|上季度?)(?:同期)?(?:相比)?)[^\S\n]*$"
)
# The old level of a step, when a date is written with it (从2023年的15%提升至…).
_FROM_DATED = re.compile(
    r"(?:从|由)[^\S\n]*(?:19|20)\d{2}[^\S\n]*年(?:[^\S\n]*\d{1,2}[^\S\n]*月)?(?:末|底)?的?[^\S\n]*$"
)
_TO_AFTER = re.compile(
    r"[^\S\n]*(?:一路|大幅|小幅|进一步)?(?:上调|下调|调整|提高|提升|上升|增长|增加|下降|降低|减少|"
    r"回落|飙升|攀升|上涨|下跌|涨|跌|升|降|增|减)?(?:为|至|到)[^\S\n]*(?:(?:19|20)\d{2}|\d)"
)
# 一直在40-50元之间, 大概在30-40亿左右: where a range a level stays in opens (not a
# forecast's: 将保持在, 预计在).
_RANGE_HELD = re.compile(
    r"(?P<guess>将|预计将?|有望)?(?:一直|大概|大约|基本|始终|仍然|仍)?"
    r"(?:保持|维持|稳定|徘徊|波动|处于)?在"
    r"[^\S\n]*$"
)
# 下调某某的目标价至130美元: the verb before the owner, the level after its label.
_RAISED_TO = re.compile(
    r"(?:上调|下调|调升|调降|提高|降低)[^，,。；;\d]{1,16}?的(?P<label>[\u4e00-\u9fff]{2,6}?)"
    r"(?:至|到)[^\S\n]*$"
)


class FromToShapes(LabelShapes, LabelledShapes):
    """The level a measure steps to or from, read from its label before the step."""

    def _stepped(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        header: tuple[int, str, str | None] | None,
        before: str,
    ) -> tuple[bool, ExtractedFact | None]:
        """Whether a figure is a level a measure steps to or from, and its fact: the new level
        after 至 (毛利率从20%提升至25%), the old level after 从 written with its date, the
        range after 在 a level stays in. (True, None) when it is a step that states nothing,
        (False, None) when it is no step; `before` is the character right before the figure."""
        if before in "至到为股的 " and (
            moved := _FROM_TO.search(self.text, max(sentence[0], q.span[0] - 40), q.span[0])
            or _RAISED_TO.search(self.text, max(sentence[0], q.span[0] - 30), q.span[0])
        ):
            at = moved.end("label") if moved.re is _RAISED_TO else moved.start()
            if base := _BASE_BEFORE.search(self.text, max(sentence[0], at - 12), at):
                at = base.start()  # 支出较去年同期增长16%至650亿美元: the level is 支出's
            return True, self._from_to(q, sentence, quote, header, at, new_level=True)
        if (
            before in "的年月末底"
            and (old := _FROM_DATED.search(self.text, max(sentence[0], q.span[0] - 16), q.span[0]))
            and _TO_AFTER.match(self.text, q.span[1])
        ):
            # 城镇化率从1949年的11%提高到…: the old level, of the year written with it
            return True, self._from_to(q, sentence, quote, header, old.start())
        if (
            q.high is not None
            and before == "在"
            and (held := _RANGE_HELD.search(self.text, max(sentence[0], q.span[0] - 10), q.span[0]))
            and not held["guess"]
            and (ranged := self._from_to(q, sentence, quote, header, held.start()))
            # a range of no date states nothing to check; with no publication date, a span
            # of days written without their year (上周（1月10日至1月14日）) still names when
            and (
                ranged.as_of is not None
                or (self.published_at is None and ranged.period is not None)
            )
        ):
            return True, ranged  # 股价一直在40-50元之间震荡: the range the level stays in
        return False, None

    def _from_to(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        header: tuple[int, str, str | None] | None,
        at: int,
        new_level: bool = False,
    ) -> ExtractedFact | None:
        """The new level of a measure named before 从 (毛利率从20%提升至25%): its label read as
        if the figure stood where the step starts; a date written inside the step (从2023年的
        1.5亿元增长到2.0亿元) is the old level's and does not date the new one."""
        found = label_before(self.text, at)
        if found is not None:
            metric, label_start = found
        elif measured := self._measure(replace(q, span=(at, q.span[1])), sentence):
            metric, label_start = measured
        elif named := (
            _FROM_TO_LABEL.search(self.text, max(sentence[0], at - 16), at)
            or next(  # 远帆科技可转债转股价格将由…: the run right after a name
                (
                    run
                    for m in self.mentions
                    if at - 16 <= m.end < at
                    and (run := _FROM_TO_NAMED.fullmatch(self.text, m.end, at))
                ),
                None,
            )
            or _FROM_TO_RUN.search(self.text, max(sentence[0] - 1, at - 16), at)
        ):
            label = named["label"]
            if CLAUSE_LIKE.search(label) or DATE_IN_LABEL.search(label):
                return None
            metric, label_start = LABEL_METRIC.get(label.lower(), label), named.start("label")
        else:
            return None
        if (
            metric.startswith(("change", "turnover_rate"))
            or metric in BARE_LABELS
            or metric.endswith(("降幅", "跌幅", "涨幅", "增幅", "增速"))
        ):
            return None  # 涨幅从3%扩大至5%, 价格降幅在1.3%-13.8%之间: moves, not levels
        if metric in BARE_SHARES or metric in _BARE_PARTS:
            # 城镇人口占全国人口的比重从10.64%增加到17.92%: the share of what in what; a
            # share whose part and whole the text does not name here (的份额从3%提升至7%) says
            # nothing
            metric, label_start = self._share_of(metric, label_start, sentence)
            if metric in BARE_SHARES or metric in _BARE_PARTS:
                return None
        fact = self._labelled(
            q, sentence, quote, header, metric, label_start, labelled=found is not None
        )
        if fact is not None and (effective := self._effective(q, sentence)):
            # 转股价格将由…调整为17.12元/股，自2025年7月8日开始生效: the day it holds from
            as_of, period = self._as_of(effective)
            fact = replace(fact, as_of=as_of, period=period)
        elif (
            fact is not None
            and new_level
            and (to := max(self.text.rfind(c, at, q.span[0]) for c in "至到为")) > at
            and any(at <= d.span[0] < to and d.granularity != "relative" for d in self.dates)
        ):
            every = self.dates  # (提升至2024年的22%: a date after 至 is the new level's own)
            self.dates = [d for d in every if not at <= d.span[0] < to]
            try:
                anchor, _ = self._anchor(metric, q, sentence)
            finally:
                self.dates = every
            as_of, period = self._as_of(anchor)
            fact = replace(fact, as_of=as_of, period=period)
        return fact

    def _effective(self, q: Quantity, sentence: tuple[int, int]) -> DateMention | None:
        """The day a new level is said to hold from, right after it (，自2025年5月22日开始生效);
        the reader's dates leave such a start out (a span's start dates no figure)."""
        said = _EFFECTIVE.match(self.text, q.span[1], sentence[1])
        if said is None:
            return None
        days = parse_dates(said["date"], today=self.published_at)
        if len(days) != 1 or days[0].granularity != "day" or days[0].text != said["date"]:
            return None
        return days[0]
