"""Shapes of statistics releases: a bulletin's change against a level, the next period's
figure, a base period's level, a contribution, an anomaly against the usual (较常年同期偏高)
and a change in points or rate."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from touyan.facts.bulletin import (
    ANOMALY,
    AVERAGE,
    AVERAGE_AFTER,
    CHANGE_AFTER_LEVEL,
    CONTRIBUTION,
    FALLS,
    MEASURED,
    POINTS_CHANGE,
    POINTS_FALL,
    SPAN_TAIL,
    TENOR,
    TENOR_ITEM,
    base_level,
    bounded_label,
    change_suffix,
    contribution_metric,
    next_period,
)
from touyan.facts.economy import FALL_SIZES, RATE_CHANGE, RATE_FALLS, SIZE_VERBS
from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import CLAUSE_LIKE, amount_unit, base_metric
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

_PART_OF_YEAR = re.compile(r"季|月|半年|[QH]\d|\d[QH]|\d{4}-\d{2}-\d{2}")
_NOT_A_RATE = re.compile(r"影响|拉动|带动|推动|贡献|导致|使")
_THIS = re.compile(r"(?:这个|这一|该)")


class BulletinShapes(Reader):
    def _bulletin_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A change stated as bulletins do (`facts.bulletin`): bare, right after the level it
        changes (2992万公顷，减少15万公顷), or as a yearly average of the level just stated or
        of the rate named before it (平均每年增加1689万人, 城镇化率年均提高0.7个百分点)."""
        near = self.last_end >= sentence[0] and q.span[0] - self.last_end <= 40
        lo = max(sentence[0], q.span[0] - 12)
        averaged = self.averages and self.text.find("均", lo, q.span[0]) >= 0
        if not near and not averaged and q.unit != "pp":
            return None  # the common case, cheaply
        last = self.last if self.last is not None and self.last_end >= sentence[0] else None
        average = AVERAGE.search(self.text, lo, q.span[0]) if averaged else None
        if average is None:
            if q.unit == "pp" and (points := self._points_change(q, sentence, quote, last)):
                return points
            if (
                last is None
                or not near
                or not (amount_unit(q.unit) or q.unit in ("pp", "%", "times"))
            ):
                return None
            if q.unit == "%" and (tenor := TENOR.match(last.metric)):
                item = TENOR_ITEM.fullmatch(self.text, self.last_end, q.span[0])
                if item is None or last.unit != "%":
                    return None
                metric = item["tenor"] + last.metric[tenor.end() :]
                return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
            found = CHANGE_AFTER_LEVEL.fullmatch(self.text, self.last_end, q.span[0])
            level = last.metric.removesuffix("_forecast")  # a forecast level's change: forecast
            if found is None or q.unit == "%" or base_metric(last.metric) != level:
                return None
            if (last.unit, last.currency) != (q.unit, q.currency) and not (
                (q.unit, last.unit) == ("pp", "%") or (q.unit == "times" and last.unit != "%")
            ):
                return None
            paragraph = self.text.rfind("\n", 0, q.span[0]) + 1
            metric = level + change_suffix(self.text, paragraph, q.span[0], found["base"])
            subject, obj, verb = last.subject, last.object, found["verb"]
        else:
            suffix = "_cagr" if q.unit == "%" else "_avg_annual_change"
            if last is not None and AVERAGE_AFTER.fullmatch(
                self.text, self.last_end, average.start()
            ):
                subject, obj = last.subject, last.object
                metric = base_metric(last.metric) + suffix
            elif named := self._indicator(sentence, average.start()):
                record = self._subject_or_region(named[1], sentence)
                if record is None or not MEASURED.search(named[0]):
                    return None
                subject, obj, metric = record.name, None, named[0] + suffix
            else:
                return None
            verb = average["verb"] or ""
        if verb in FALLS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(subject, metric, q, sentence, quote, obj)

    def _next_period(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """能源强度系数平均约0.87，“十二五”降至0.74: the level just stated, in the period the
        next clause opens with (`facts.bulletin.next_period`)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or q.span[0] - self.last_end > 24:
            return self._bounded_period(q, sentence, quote)
        level = last.metric.removesuffix("_forecast")
        if (
            (last.unit, last.currency) != (q.unit, q.currency)
            or base_metric(level) != level
            or next_period(self.text, self.last_end, q.span[0], self.dates) is None
        ):
            return self._bounded_period(q, sentence, quote)
        return self._fact_for(last.subject, level, q, sentence, quote, last.object)

    def _bounded_period(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """该省用能弹性系数一直大于1，2023年高达1.6: in a release, the rate said to stay above
        a bound, at the period the next clause names (`facts.bulletin.bounded_label`)."""
        if not self._is_statistics():
            return None
        named = bounded_label(self.text, sentence[0], q.span[0], self.dates)
        if named is None or CLAUSE_LIKE.search(named[0]):
            return None
        record = self._subject_or_region(named[1], sentence)
        if record is None:
            return None
        return self._fact_for(record.name, named[0], q, sentence, quote, None)

    def _base_level(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """糖料产量4125万吨，比1952年的318万吨增长12.0倍: the level just stated (in this
        sentence or the one before), as it was in the base year (`facts.bulletin.base_level`)."""
        last = self.last
        if last is None or not 0 <= q.span[0] - self.last_end <= 24:
            return None
        if (last.unit, last.currency) != (q.unit, q.currency) or last.metric != base_metric(
            last.metric
        ):
            return None
        if last.period and _PART_OF_YEAR.search(last.period):
            return None  # 一季度净利润…，较2023年的…: the base is that quarter, not the year
        year = base_level(self.text, self.last_end, q.span[0])
        if year is None or "\n" in self.text[self.last_end : q.span[0]]:
            return None
        last_end = self.last_end
        fact = self._fact_for(last.subject, last.metric, q, sentence, quote, last.object)
        self.last, self.last_end = last, last_end  # what changed (增长14.1倍) is still the level
        return replace(fact, as_of=dt.date(year, 12, 31), period=f"{year}年")

    def _contribution(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """服装价格上涨0.9%，影响CPI上涨0.06个百分点: the points the change just stated moved
        the index by (`facts.bulletin.CONTRIBUTION`)."""
        last = self.last
        if last is None or last.unit != "%" or self.last_end < sentence[0]:
            return None
        found = CONTRIBUTION.fullmatch(self.text, self.last_end, q.span[0])
        if found is None:
            return None
        if found["verb"] in FALLS | {"下跌"} and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = contribution_metric(base_metric(last.metric), found)
        return self._fact_for(last.subject, metric, q, sentence, quote, last.object)

    def _anomaly(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """平均气温为0.2，较常年同期偏高0.6: how far the level just stated is from its climate
        normal (`facts.bulletin.ANOMALY`)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.metric != base_metric(last.metric):
            return None
        found = ANOMALY.fullmatch(self.text, self.last_end, q.span[0])
        if found is None or q.unit not in (last.unit, "%"):
            return None
        if found["dir"] in ("低", "少") and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(last.subject, last.metric + "_anomaly", q, sentence, quote, None)

    def _points_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, last: ExtractedFact | None
    ) -> ExtractedFact | None:
        """城镇化率提高了0.94个百分点: the change, in points, of a rate named right before the
        verb (the rate just stated is `_rate_change`'s)."""
        verb = POINTS_CHANGE.search(self.text, max(sentence[0], q.span[0] - 16), q.span[0])
        if verb is None or (last is not None and self.last_end >= verb.start() - 1):
            return None
        span = SPAN_TAIL.search(self.text, max(sentence[0], verb.start() - 14), verb.start())
        named = self._indicator(sentence, span.start() if span else verb.start())
        if named is None or not MEASURED.search(named[0]) or _NOT_A_RATE.match(named[0]):
            return None  # 影响CPI下降0.11个百分点: a contribution to CPI, not its change
        if CLAUSE_LIKE.search(named[0]):
            return None  # 直接推动了系列产品毛利率提升: a clause, not a rate's name
        if lead := _THIS.match(named[0]):
            named = (named[0][lead.end() :], named[1] + lead.end())
        record = self._subject_or_region(named[1], sentence)
        if record is None:
            return None
        if verb["verb"] in POINTS_FALL and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(record.name, named[0] + "_change", q, sentence, quote, None)

    def _rate_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """牛肉价格上涨6.8%，涨幅较上月回落0.9个百分点: the change, in percentage points, of
        the rate just stated."""
        last = self.last
        if last is None or last.unit != "%" or self.last_end < sentence[0]:
            return None
        found = RATE_CHANGE.fullmatch(self.text, self.last_end, q.span[0])
        if found is None:
            return None
        of_a_fall = found["rate"] in FALL_SIZES or (
            found["rate"] is None and last.value < 0 and found["verb"] in SIZE_VERBS
        )
        falls = (found["verb"] in RATE_FALLS) != of_a_fall
        if falls != (q.value < 0):
            q = replace(q, value=-q.value, negative=falls)
        return self._fact_for(
            last.subject, last.metric + "_change", q, sentence, quote, last.object
        )

    def _rate_of_change(self, metric: str, q: Quantity) -> str:
        """较上年度增加87千公顷（131万亩），增幅0.4%: in a release, the rate of the change just
        stated is the growth of what changed, not a figure named 增幅."""
        last = self.last
        if metric not in ("增幅", "增速", "降幅") or last is None or q.unit != "%":
            return metric
        level = last.metric.removesuffix("_forecast")
        if not level.endswith("_yoy_change") or not 0 <= q.span[0] - self.last_end <= 30:
            return metric
        if "。" in self.text[self.last_end : q.span[0]] or not self._is_statistics():
            return metric
        return level.removesuffix("_change")
