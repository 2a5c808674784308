"""Figures of routine cards and notices written in fixed words no lexicon label names: an
abnormal-move notice's cumulative deviation (收盘价格涨幅偏离值累计达到43.00%), a limit-up
alert's gain over the run (连续涨停期间，该股累计上涨15.93%), and a board card's head count and
average age (共有12位董事和高级管理人员, 董事和高级管理人员平均年龄为49岁)."""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.extract import ExtractedFact
from touyan.facts.reader import LabelledShapes
from touyan.text.numbers import Quantity

# 收盘价格涨幅偏离值累计达到37.20%, 收盘价格涨幅累计偏离值累计为22.45%, 收盘价跌幅偏离值累计
# 24.60%: the stock's close-to-close move off its index over the notice's days. A bound (超过
# 20%) is the exchange's threshold, not the stock's figure.
_DEVIATION = re.compile(
    r"收盘价格?(?P<dir>涨|跌)幅(?:偏离值累计|累计偏离值)(?:累计)?\s*(?:为|达到|达)?\s*$"
)
# 2025年6月9日至11日期间: a span whose end writes its day alone, which the dates do not read.
_DAY_AFTER_SPAN = re.compile(r"\s*(?:至|到|－|-|—|~|～)\s*(?P<day>\d{1,2})日")
# 连续涨停期间，该股累计上涨21.07%: the gain over the run of limit-up days, not the day's move.
_RUN_GAIN = re.compile(
    r"(?P<span>连续(?:涨停|跌停|上涨|下跌)期间)[，,]\s*(?:该股|公司股价|股价)?\s*"
    r"累计(?P<dir>上涨|下跌|涨|跌)\s*$"
)
# 共有9位董事和高级管理人员: the board card's head count.
_BOARD = r"董事、监事和高级管理人员|董事和高级管理人员|董监高"
_HEAD_COUNT_BEFORE = re.compile(r"(?:共有|共计|合计)\s*$")
_HEAD_COUNT_AFTER = re.compile(rf"\s*(?:名|位)?(?P<board>{_BOARD})")
# 董事长及非独立董事周启明薪酬最高为64.20万元, 非独立董事韩晓岚年龄最高为58岁: one officer's pay
# or age, the board's top or bottom; a price's 最高 it is not (nor 董事中张明: among them).
_TITLE = (
    r"(?:副?董事长|非独立董事|独立董事|职工代表董事|董事|副?总经理|副?总裁|财务总监|财务负责人|"
    r"董事会秘书|董秘|监事会主席|监事|总工程师|总会计师)"
)
_PERSON_TOP = re.compile(
    rf"(?P<who>(?:{_TITLE}(?:及|兼|、|,)?)*{_TITLE}(?![中里内们])[\u4e00-\u9fff·]{{2,4}}?)"
    r"(?P<measure>薪酬|年薪|报酬|年龄)最(?:高|低|大|小)的?\s*(?:为|是)?\s*$"
)
# 董事和高级管理人员平均年龄为53岁: the board's average age.
_AVERAGE_AGE = re.compile(rf"(?P<board>{_BOARD})(?:的)?平均年龄\s*(?:为|是|约为|约)?\s*$")


class CardShapes(LabelledShapes):
    def _card(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """A figure a card or notice names in its fixed words (see the module's patterns)."""
        near = max(sentence[0], q.span[0] - 40)
        words = self.text[near : q.span[0]]
        if q.unit == "%" and q.high is None and "偏离值" in words:
            if found := _DEVIATION.search(self.text, near, q.span[0]):
                metric = f"收盘价格累计{found['dir']}幅偏离值"
                fact = self._labelled(q, sentence, quote, None, metric, found.start(), False)
                return self._to_span_end(fact, sentence, found.start())
        if q.unit == "%" and q.high is None and "期间" in words:
            if found := _RUN_GAIN.search(self.text, near, q.span[0]):
                metric = found["span"] + "累计" + ("跌幅" if "跌" in found["dir"] else "涨幅")
                return self._labelled(q, sentence, quote, None, metric, found.start(), False)
        if q.unit == "count" and ("共" in words or "合计" in words):
            if _HEAD_COUNT_BEFORE.search(words) and (
                found := _HEAD_COUNT_AFTER.match(self.text, q.span[1])
            ):
                metric = found["board"] + "人数"
                return self._labelled(q, sentence, quote, None, metric, q.span[0], False)
        if q.unit in ("", "money") and "最" in words:
            if found := _PERSON_TOP.search(self.text, near, q.span[0]):
                measure = found["measure"]
                if (measure == "年龄") == (q.unit == "money"):
                    return None
                fact = self._labelled(q, sentence, quote, None, measure, found.start(), False)
                return replace(fact, object=found["who"]) if fact else None
        if not q.unit and "平均年龄" in words:
            if found := _AVERAGE_AGE.search(self.text, near, q.span[0]):
                metric = found["board"] + "平均年龄"
                return self._labelled(q, sentence, quote, None, metric, found.start(), False)
        return None

    def _to_span_end(
        self, fact: ExtractedFact | None, sentence: tuple[int, int], label_start: int
    ) -> ExtractedFact | None:
        """公司股票在2025年6月9日至11日期间…偏离值累计为22.45%: a notice's figure is as of the
        last day of its span, whose end may be written as a day alone."""
        if fact is None or fact.as_of is None:
            return fact
        dates = [d for d in self.dates if sentence[0] <= d.span[0] and d.span[1] <= label_start]
        if not dates or dates[-1].granularity != "day":
            return fact
        last, period = dates[-1].end, fact.period
        if end := _DAY_AFTER_SPAN.match(self.text, dates[-1].span[1]):
            try:
                last = last.replace(day=int(end["day"]))
            except ValueError:
                return fact
            period = self.text[dates[-1].span[0] : end.end()]
        return replace(fact, as_of=last, period=period) if last > fact.as_of else fact
