"""Figures named in the text's own words: a label no lexicon holds, written right before the
figure with or without a connector (投资强度提升至57%, 使用进度为91.57%, 成交额显著放大至), and
the parts a figure just stated is split into (交付X辆，其中A车型Y辆，其他车型Z辆)."""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.extract import MEASURE_HEAD, ExtractedFact
from touyan.facts.labels import KNOWN_METRICS
from touyan.facts.reader import LabelledShapes
from touyan.text.numbers import Quantity

# What may stand between a label and its figure: adverbs (持续, 显著, 连续六年), a verb that
# links or moves a level to the figure (为, 达到, 提升至, 放大至), and a bound (约, 超).
_VERB_TAIL = re.compile(
    r"(?:持续|连续[一二三四五六七八九十两多]{1,2}年|显著|明显|大幅|小幅|进一步|稳步|逐步|逐年|"
    r"已经|已|累计|合计|共计|总计|共|也|还|仍|再次|首次|一举)*"
    r"(?:提升至|提高至|上升至|升至|增至|增长至|增加至|放大至|扩大至|攀升至|下降至|降至|回落至|"
    r"减少至|缩小至|收窄至|萎缩至|缩水至|达到|达|为|计|突破|超过|超|有|是|录得|实现)?了?"
    r"[^\S\n]*(?:约为|约|近|逾|超)?[^\S\n]*(?:人民币)?[^\S\n]*$"
)
# A label that names a quantity ends with a measure noun (率, 额, 量, 进度, 人数).
_HEADS = MEASURE_HEAD[3:-1]
_QUANTITY_HEAD = re.compile(
    rf"(?:{_HEADS}|(?:{_HEADS}|人数|户数)变化|进度|幅度|强度|总数|员工数|家数|数|零售|批发|(?:新|净)开店|关店)$"
)
# Words no name of a quantity holds: a date or period, a currency or unit, a plan, a condition
# or a guess, a pointer to a figure named elsewhere (本次, 数值), a comparison, two names.
_NOT_A_NAME = re.compile(
    r"[\dA-Za-z]|年|月|日|季度|周|天|期|美元|欧元|港元|人民币|亿|万|块|"
    r"拟|计划|预计|预期|将|可能|若|如果|假如|有望|目标|需|应|则|或|不得|要求|上限|下限|"
    r"本次|数值|这|此|该|占|较|相比|偏离|以|前|涨|跌|与|和|及|、"
)
# Labels that name no figure alone: whose amount, whose share, whose growth.
_BARE = frozenset(
    {
        "金额",
        "增幅",
        "增速",
        "增长率",
        "降幅",
        "占比",
        "比例",
        "比重",
        "份额",
        "数量",
        "总数",
        "规模",
    }
)
# Money spent on a buyback (公司累计斥资30.39亿元实施股份回购): the buyback's amount.
_SPENT = re.compile(r"(?P<sum>累计)?(?:斥资|耗资|出资)$")
_ON_BUYBACK = re.compile(r"[^\S\n]*(?:用于|实施|进行)?(?:股份|股票)?回购")
_LEADS = re.compile(r"^(?:其|公司|该公司|本公司|当年|当期|本期|报告期内?)+")
# A stock's move in one session (股价单日下跌4.29%): the day's change.
_DAY_MOVE = re.compile(
    r"(?:股价|该股)?(?:单日|当日|一日|一天)(?P<dir>上涨|下跌|大涨|大跌|暴涨|暴跌|涨|跌)$"
)
# The parts of the figure just stated: 交付495570辆汽车，其中Model 3/Y车型471930辆, and the
# parts listed after the first (，其他车型23640辆).
_FIRST_PART = re.compile(
    r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,][^\S\n]*其中[^\S\n]*"
    r"(?P<part>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 /\-]{0,15}?)[^\S\n]*(?:为|有)?[^\S\n]*"
)
_NEXT_PART = re.compile(
    r"[^\S\n]*[，,、][^\S\n]*"
    r"(?P<part>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 /\-]{0,15}?)[^\S\n]*(?:为|有)?[^\S\n]*"
)
_PART_WORDS = re.compile(r"[了将被把在从由对是较比占]|同比|环比|预计|分别|合计|累计|共|增长|下降")
_SPACE = re.compile(r"[^\S\n]*/[^\S\n]*|(?<=[^\sA-Za-z0-9])[^\S\n]+|[^\S\n]+(?=[^\sA-Za-z0-9])")
_OPEN, _CLOSE = "（(", "）)"


class NamedShapes(LabelledShapes):
    # The end of the last part read (其中A…，B…): a list of parts goes on from there.
    _part_end: int = -1

    def _named(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
    ) -> ExtractedFact | None:
        """A figure whose label the lexicons do not hold, named by the words right before it
        (土地投资强度提升至57%): taken only when the words name a quantity."""
        if q.unit not in ("count", "money", "%", "shares") or q.high is not None:
            return None
        if part := self._part(q, sentence, quote):
            return part
        tail = _VERB_TAIL.search(self.text, max(sentence[0], q.span[0] - 12), q.span[0])
        end = tail.start() if tail else q.span[0]
        named = self._indicator(sentence, end)
        if named is None:
            return None
        metric, label_start = named
        if metric not in KNOWN_METRICS:
            if lead := _LEADS.match(metric):
                metric, label_start = metric[lead.end() :], label_start + lead.end()
            if (spent := _SPENT.fullmatch(metric)) and q.unit == "money":
                if not _ON_BUYBACK.match(self.text, q.span[1]):
                    return None
                metric = "累计回购金额" if spent["sum"] else "回购金额"
            elif (move := _DAY_MOVE.fullmatch(metric)) and q.unit == "%":
                metric = "change_pct"
                if "跌" in move["dir"] and q.value > 0:
                    q = replace(q, value=-q.value, negative=True)
            elif (
                len(metric) < 2
                or metric in _BARE
                or len(metric) > 10
                or not _QUANTITY_HEAD.search(metric)
                or _NOT_A_NAME.search(metric)
            ):
                return None
        last = self.last
        if last is not None and last.object and q.unit == "%" and self.last_end >= sentence[0]:
            return None  # 云业务收入…，营业利润率提升至17.8%: the line's rate, not the company's
        if self._dated_in_aside(label_start):
            return None
        fact = self._labelled(q, sentence, quote, None, metric, label_start, labelled=False)
        if (
            fact is not None
            and fact.as_of is not None
            and self.published_at is not None
            and fact.as_of > self.published_at
            and not fact.metric.endswith("_forecast")
        ):
            return None  # 2025年…投资强度提升至57%, written in April: so far, on a day not said
        return fact

    def _part(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """交付495570辆汽车，其中Model 3/Y车型471930辆: the whole's measure, of the part."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.unit != q.unit or q.unit == "%":
            return None
        if last.object is None:
            found = _FIRST_PART.fullmatch(self.text, self.last_end, q.span[0])
        elif self._part_end == self.last_end:
            found = _NEXT_PART.fullmatch(self.text, self.last_end, q.span[0])
        else:
            return None
        if found is None or _PART_WORDS.search(found["part"]):
            return None
        part = _SPACE.sub(lambda m: "/" if "/" in m.group() else "", found["part"].strip())
        fact = self._fact_for(last.subject, last.metric, q, sentence, quote, part)
        self._part_end = q.span[1]
        return replace(fact, as_of=last.as_of, period=last.period)

    def _dated_in_aside(self, label_start: int) -> bool:
        """25Q1新开店300家（24Q1新开店205家），…标准管理酒店新开店192家: the date nearest the
        label was an aside's, closed since; the label's own date is not known here."""
        dates = [d for d in self.dates if d.span[1] <= label_start]
        if not dates:
            return False
        at = dates[-1].span[1]
        opened = max(self.text.rfind(c, 0, at) for c in _OPEN)
        closed = max(self.text.rfind(c, 0, at) for c in _CLOSE)
        return opened > closed and any(c in self.text[at:label_start] for c in _CLOSE)
