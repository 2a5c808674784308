"""Shapes of series and lists: a label's figures year by year (2023-2025年分别为…),
lists read with 分别, quarter items, windows of moves (近1月、近3月…) and turned lists."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from touyan.facts.bulletin import (
    EACH_QUARTER,
    FALLS,
    LIST_CHANGES,
    OWNERS,
    TURNED_LIST,
    measured_items,
    shared_head,
    shared_tail,
)
from touyan.facts.dating import date_for
from touyan.facts.economy import CHINA, REGION, REGION_NAMES
from touyan.facts.entities import EntityRecord
from touyan.facts.extract import QUOTED_KINDS, TOPIC_KINDS, ExtractedFact
from touyan.facts.labels import CLAUSE_LIKE, LABEL_METRIC, base_metric
from touyan.facts.market import window_moves
from touyan.facts.periods import year_range
from touyan.facts.read_indicators import INDICATOR, INDICATOR_LEAD
from touyan.facts.reader import Reader
from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# "…为3.30%、" between one dated item of a series and the next.
_SERIES_ITEM = re.compile(
    r"\s*(?:为|是|[:：])\s*[+-]?[\d.,]+\s*(?:%|[\u4e00-\u9fff]{0,3})\s*[、，,；;]\s*"
)
_SERIES_TAIL = re.compile(r"(?:为|是|:|：)\s*[+]?$")
_SERIES_LABEL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）%\-]{2,30}$")
_RESPECTIVE_VERB = re.compile(
    r"(?:同比|环比)?(?P<verb>增长|上涨|下降|下跌|增加|减少|提高|回落|为|达到|达|是|)\s*"
)
_ITEM_SEP = re.compile(r"[、和及与]")
_HEAD_YOY = re.compile(r"(?:同比|环比)$")
_SERIES_CONNECTOR = re.compile(r"[\s:：]|(?:分别|预计|预测|将)|各?(?:为|是|达|约)$")
_SERIES_GROWTH = re.compile(r"(?:同比)?(?:增长率?|增速|增幅)$")
# A row's growth, which a broker may write as 同比 alone (分别同比+24%/+10%).
_ROW_GROWTH = re.compile(r"同比(?:增长率?|增速|增幅)?$|(?:增长率?|增速|增幅)$")
# Words a row's label opens with that name nothing (实现收入, 对应PE, 当前股价对应PE).
_RATIOS = {"pe": "市盈率", "pb": "市净率"}  # a row's ratio, as brokers write it (对应PE)
_ROW_LEAD = re.compile(r"^(?:(?:当前|现价|当前股价)?对应|实现)")
_SERIES_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")
# The end of a row of a year range's figures (…/417亿元，) and the start of the next row's label.
_NEXT_ROW = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,；;][^\S\n]*")
_VAGUE = frozenset({"数据", "情况", "水平", "数值", "表现", "结果"})
_FALL_VERBS = frozenset({"下降", "下跌", "减少", "回落"})
_INDUSTRY_WITH_AND = re.compile(r"[和及与][\u4e00-\u9fff]{1,10}业")


def _list_items(head: str, count: int) -> list[str] | None:
    """The `count` items of a list written before 分别, or None when they cannot be told apart.

    Items are split on every list word (服装、通信工具和燃油小汽车). An industry's name in the
    national classification may hold 和 or 及 (电气机械和器材制造业, 黑色金属冶炼和压延加工业):
    when splitting on 和 gives the wrong count, 、 alone is tried, and kept only if every item
    holding 和 names an industry (…业), so 食品、能源和服务价格 stays a list of three.
    """
    items = [i for i in _ITEM_SEP.split(head) if i]
    if len(items) != count:
        items = [i for i in head.split("、") if i]
        if any(_ITEM_SEP.search(i) and not _INDUSTRY_WITH_AND.search(i) for i in items):
            return None
    if len(items) == count and all(len(i) <= 20 for i in items):
        return items
    return None


# Between two dates of a list (2022年末、2023年末及2024年三季度末, 2024年度及2025年第一季度):
# a list word, after a period's end word; never 至 or -, which write a range.
_DATE_LIST_SEP = re.compile(r"\s*(?:年?末|底|度)?\s*[、和及与]\s*")
# What may stand between a list's last date and its label: an end word, a comma, 的.
_DATE_LIST_TAIL = re.compile(r"\s*(?:年?末|底|度)?\s*(?:[，,]\s*|的)?")


# A list item that names a measure of a company (资本充足率, 归母净利润, 销售数量): the word it
# ends with says what is measured; a name (中央汇金、中国证金分别持有…) ends with none of these.
_MEASURE_END = re.compile(
    r"(?:率|量|额|收入|营收|利润|数量|价格|均价|规模|成本|费用|支出|资产|负债|EPS|ROE)$", re.I
)
# Two measures written as one word (产销量分别为…): the items it lists.
_JOINED_MEASURES = {"产销量": ["产量", "销量"], "产销": ["产量", "销量"], "量价": ["销量", "价格"]}
_NAMED_LIST_SEP = re.compile(r"[、和及与/]")
# 同比变动分别为…, 同比分别增长…: growths of the figures just stated, with no item of their own.
_BARE_GROWTH = re.compile(r"(?:同比|环比|同环比)(?:变动|变化|增长|增速|增幅)?(?:率)?")


def _in_unit_of(q: Quantity, last: Quantity) -> Quantity:
    """A list's figure written without the unit its last figure carries (归母净利润分别为6.37、
    7.12、8.05亿元): in that unit."""
    if q.unit or not last.unit or q is last:
        return q
    value = q.value * last.scale
    return replace(
        q,
        value=value.quantize(Decimal(1)) if value == value.to_integral() else value,
        unit=last.unit,
        currency=last.currency,
        precision=q.precision * last.scale,
    )


_SHARE_TAIL = re.compile(r"占[\u4e00-\u9fff]{1,12}?的?(?:比重|比例)$|占比$")


class SeriesShapes(Reader):
    def _year_series(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """预计2025-2027年归母净利润分别为10.2亿元、12.5亿元、15.1亿元: the n-th figure is the
        n-th year's, under the label between the years and the figures."""
        ranges = [r for r in self.year_ranges if sentence[0] <= r.start() and r.end() <= q.span[0]]
        if not ranges:
            return None
        years = ranges[-1]
        span = year_range(years, self.published_at)
        if span is None:
            return None
        first, last = span
        values = [v for v in self.sentence_qs if v.span[0] > years.end()]
        chain = self._list_run(values)
        head_start = years.end()
        row_before = ""  # the label of the row before, which a bare growth's row is of
        while q not in chain and len(chain) == last - first + 1 and len(values) > len(chain):
            # 2021-23年营收为a/b/c亿元，净利润为d/e/f亿元: the next label's row, same years
            row_before = self.text[head_start : chain[0].span[0]]
            values = values[len(chain) :]
            gap = _NEXT_ROW.match(self.text, chain[-1].span[1], values[0].span[0])
            if gap is None:
                return None
            head_start, chain = gap.end(), self._list_run(values)
        if q not in chain or len(chain) != last - first + 1 or not 2 <= len(chain) <= 6:
            return None
        head = _SERIES_CONNECTOR.sub("", self.text[head_start : chain[0].span[0]]).lstrip("的")
        growth = _ROW_GROWTH.search(head)
        label = _ROW_LEAD.sub("", head[: growth.start()] if growth else head)
        if head_start != years.end():
            # a later row: a label the lexicon knows (对应PE: the years' P/E), or the growth
            # of the row before (，对应增速+6%/+136%, ，分别同比+24%/+10%)
            if growth and not label:
                label = _ROW_LEAD.sub("", _SERIES_CONNECTOR.sub("", row_before).lstrip("的"))
            elif (label := _RATIOS.get(label.lower(), label)).lower() not in LABEL_METRIC:
                return None
        if not _SERIES_NAME.fullmatch(label) or CLAUSE_LIKE.search(label) or label in _VAGUE:
            return None
        metric = LABEL_METRIC.get(label.lower(), label) + ("_yoy" if growth else "")
        about = self._subject_or_region(years.start(), sentence) or self.topic or self.sole
        if about is None or about.kind not in TOPIC_KINDS:
            return None
        year = first + chain.index(q)
        if self.published_at is not None and year >= self.published_at.year:
            metric += "_forecast"  # 维持2025~2027年EPS…, written in 2025: a forecast
        q = _in_unit_of(q, chain[-1])
        fact = self._fact_for(about.name, metric, q, sentence, quote, None)
        return replace(fact, as_of=dt.date(year, 12, 31), period=f"{year}年")

    def _series(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """经常账户差额：2025年2月为-5230亿元，2024年11月为-7415亿元…: a series of dated
        values under the label before the colon."""
        head = self.text[max(sentence[0], q.span[0] - 4) : q.span[0]]
        tail = _SERIES_TAIL.search(head)
        if tail is None:
            return None
        tail_start = q.span[0] - len(tail.group())
        date = next((d for d in self.dates if d.span[1] == tail_start), None)
        if date is None or date.granularity == "relative":
            return None
        first = date  # the series' first item: its label stands right before it
        while (
            previous := next(
                (
                    d
                    for d in self.dates
                    if d.span[1] <= first.span[0]
                    and _SERIES_ITEM.fullmatch(self.text, d.span[1], first.span[0])
                ),
                None,
            )
        ) is not None:
            first = previous
        colon = max(
            self.text.rfind("：", sentence[0], first.span[0]),
            self.text.rfind(":", sentence[0], first.span[0]),
        )
        head_end = colon if colon >= 0 else first.span[0]
        label = _SERIES_LABEL.search(self.text, max(sentence[0], head_end - 40), head_end)
        if label is None:
            return None
        name = label.group()
        if lead := INDICATOR_LEAD.match(name):
            name = name[lead.end() :]
        # 全球城镇化率在1982年为40.1%: 在 is no part of the name, nor is the economy it opens with.
        region = REGION.match(name) if name.endswith("在") else None
        name = name.removesuffix("在")
        if region is not None:
            name = name[region.end() :]
        if len(name) < 2:
            return None
        about = (
            EntityRecord(REGION_NAMES.get(region.group(), region.group()), "org")
            if region is not None
            else self._subject_or_region(label.start(), sentence)
        )
        owner, _, measure = name.rpartition("的")
        if about in (None, CHINA) and len(owner) >= 2 and len(measure) >= 2:
            # 社会消费品零售总额的累计同比2024年11月为3.50%: an indicator's own series.
            about, name = EntityRecord(owner, "index"), measure
        if about is None:
            return None
        as_of, period = self._as_of(date)
        fact = self._fact_for(about.name, name, q, sentence, quote, None)
        return replace(fact, as_of=as_of, period=period)

    def _dated_list(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """2024年第四季度和2025年第一季度，营业收入分别同比增长2.9%和12.9%: the n-th figure
        after 分别 is the n-th date's, under the label before 分别, when the counts agree. A
        list of dates may open the sentence before (截至2023年末、2024年末，资本充足率分别
        为…；一级资本充足率分别为…): the clauses after it list the same dates."""
        verb = _RESPECTIVE_VERB.match(self.text, at + 2)
        if verb is None:
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= verb.end()]
        chain = self._with_list_unit(self._list_run(values, units=True))
        if (
            len(chain) < 2
            or all(v.span != q.span for v in chain)
            or self.text[verb.end() : chain[0].span[0]].strip()
        ):
            return None
        dates = self._date_list(sentence, at)
        if dates is None or len(dates) != len(chain):
            return None
        clause_start = self._clause_start(sentence, at)
        head_start = max(clause_start, dates[-1].span[1])
        if dates[-1].span[1] >= clause_start:
            tail = _DATE_LIST_TAIL.match(self.text, dates[-1].span[1], at)
            head_start = tail.end() if tail else head_start
        named = self.subject_before(at, head_start)
        if named is not None:
            head_start = named.end + self.text.startswith("的", named.end)
        head = self.text[head_start:at].strip()
        if lead := INDICATOR_LEAD.match(head):
            head = head[lead.end() :]
        yoy = _HEAD_YOY.search(head)
        label = head[: yoy.start()] if yoy else head
        growth = _SERIES_GROWTH.search(label)
        label = label[: growth.start()] if growth else label
        if (
            not _SERIES_NAME.fullmatch(label)
            or CLAUSE_LIKE.search(label)
            or label in _VAGUE
            or self.names_between(head_start, at)
        ):
            return None
        about = named.entity if named is not None else self._subject_or_region(at, sentence)
        if about is None or about.kind not in TOPIC_KINDS:
            return None
        if named is not None:
            # 某某的营业收入分别为…；归母净利润分别为…: the lists after it are the name's too
            self.last_record = named.entity
        said = verb.group("verb")
        plain = said in ("为", "达", "达到", "是", "") and yoy is None and growth is None
        index = next(i for i, v in enumerate(chain) if v.span == q.span)
        figure = chain[index]  # with the list's unit (9.48、10.84亿元)
        if said in _FALL_VERBS and figure.value > 0:
            figure = replace(figure, value=-figure.value, negative=True)  # 分别下降…: both fall
        on_month = yoy is not None and yoy.group() == "环比"
        metric = LABEL_METRIC.get(label.lower(), label)
        metric += "" if plain else "_qoq" if on_month else "_yoy"
        as_of, period = self._as_of(dates[index])
        if self.published_at is not None and as_of is not None and as_of > self.published_at:
            metric += "_forecast"  # 预计2025年和2026年收入分别为…, written in 2025
        fact = self._fact_for(about.name, metric, figure, sentence, quote, None)
        return replace(fact, as_of=as_of, period=period)

    def _named_measures(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """华光银行的资本充足率、一级资本充足率、核心一级资本充足率分别为12.96%、10.24%、
        8.87%: a company named right before a list of its measures, the n-th figure after 分别
        the n-th measure's (产销量 lists 产量 and 销量). Only when every item names a measure
        and nothing else is named in the list, so 阿里、小米分别持股… gives nothing."""
        verb = _RESPECTIVE_VERB.match(self.text, at + 2)
        if verb is None:
            return None
        clause_start = self._clause_start(sentence, at)
        named = self.subject_before(at, clause_start)
        if named is None or named.entity.kind not in TOPIC_KINDS:
            return None
        if self.names_between(named.end, at):
            return None
        if self.text[clause_start : named.start].strip(" 　") and not INDICATOR_LEAD.fullmatch(
            self.text, clause_start, named.start
        ):
            return None  # 浦银国际预计网易…: the name must open the clause
        head = self.text[named.end : at].strip()
        head = head.removeprefix("的")
        yoy = _HEAD_YOY.search(head)
        head = head[: yoy.start()] if yoy else head
        items = [i for i in _NAMED_LIST_SEP.split(head) if i]
        if len(items) == 1 and items[0] in _JOINED_MEASURES:
            items = _JOINED_MEASURES[items[0]]
        if len(items) < 2 or not all(
            len(i) <= 12
            and INDICATOR.fullmatch(i)
            and not CLAUSE_LIKE.search(i)
            and (i.lower() in LABEL_METRIC or _MEASURE_END.search(i))
            for i in items
        ):
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= verb.end()]
        chain = self._with_list_unit(self._list_run(values, units=True))
        if len(chain) != len(items) or self.text[verb.end() : chain[0].span[0]].strip(" 了"):
            return None
        index = next((i for i, v in enumerate(chain) if v.span == q.span), None)
        if index is None:
            return None
        said = verb.group("verb")
        plain = said in ("为", "达", "达到", "是", "") and yoy is None
        figure = chain[index]
        if said in _FALL_VERBS and figure.value > 0:
            figure = replace(figure, value=-figure.value, negative=True)
        item = items[index]
        metric = LABEL_METRIC.get(item.lower(), item)
        metric += "" if plain else "_qoq" if yoy is not None and yoy.group() == "环比" else "_yoy"
        return self._fact_for(named.entity.name, metric, figure, sentence, quote, None)

    def _stated_growths(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """销售数量412.36万只，销售收入538.09万元，同比变动分别为-7.15%、-21.63%: the n-th
        growth after 分别 is that of the n-th of the figures just stated, when the counts
        agree and those figures were read one after the other."""
        verb = _RESPECTIVE_VERB.match(self.text, at + 2)
        if verb is None or q.unit != "%":
            return None
        clause_start = self._clause_start(sentence, at)
        head = self.text[clause_start:at].strip()
        after = self.text[at + 2 : verb.end()]
        if not (_BARE_GROWTH.fullmatch(head) or (not head and after.startswith(("同比", "环比")))):
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= verb.end()]
        chain = self._list_run(values)
        if len(chain) < 2 or self.text[verb.end() : chain[0].span[0]].strip(" 了"):
            return None
        index = next((i for i, v in enumerate(chain) if v.span == q.span), None)
        if index is None:
            return None
        # the figures stated before, in this sentence, not themselves growths
        levels = [
            (v, f)
            for v, f in self.stated
            if v.span[1] <= clause_start and base_metric(f.metric) == f.metric
        ]
        if len(levels) < len(chain):
            return None
        levels = levels[-len(chain) :]
        positions = [self.sentence_qs.index(v) for v, _ in levels if v in self.sentence_qs]
        if len(positions) != len(levels) or positions != list(
            range(positions[0], positions[0] + len(levels))
        ):
            return None  # not read one after the other
        # between them and this list only other growth lists (同比变动分别为…，环比变动分别为…)
        last_end = levels[-1][0].span[1]
        if any(
            last_end <= v.span[0] < at and "分别" not in self.text[last_end : v.span[0]]
            for v in self.sentence_qs
        ):
            return None
        if len({f.subject for _, f in levels}) != 1:
            return None
        level = levels[index][1]
        growth_word = head + after
        on_month = "环比" in growth_word and "同比" not in growth_word
        said = verb.group("verb")
        if said in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = level.metric + ("_qoq" if on_month else "_yoy")
        fact = self._fact_for(level.subject, metric, q, sentence, quote, level.object)
        return replace(fact, as_of=level.as_of, period=level.period)

    def _said_suffix(self, said: re.Match[str] | None, at: int) -> str:
        """The comparison a list's growths are against: 环比 or 同比 as said before 分别, else
        as the paragraph says (`_bare_suffix`)."""
        if said is None:
            return self._bare_suffix(at)
        return "_qoq" if said.group() == "环比" else "_yoy"

    def _date_list(self, sentence: tuple[int, int], at: int) -> list[DateMention] | None:
        """The dates a list before `at` names in turn (2022年末、2023年末及2024年三季度末),
        in this sentence, or else in the one before when it ended with ；."""
        lo = sentence[0]
        if not any(lo <= d.span[0] < at for d in self.dates) and self.dated_list is not None:
            dates, end = self.dated_list
            # …；一级资本充足率分别为…: the same dates, when only lists came between
            between = self.text[end:lo]
            if self.text[lo - 1 : lo] in "；;" and "分别" in between and "。" not in between:
                return dates
            return None
        before = [d for d in self.dates if lo <= d.span[0] and d.span[1] <= at]
        if len(before) < 2 or before[-1].granularity == "relative":
            return None
        run = [before[-1]]
        for d in reversed(before[:-1]):
            if d.granularity == "relative" or not d.dated:
                break
            if not _DATE_LIST_SEP.fullmatch(self.text, d.span[1], run[0].span[0]):
                break
            run.insert(0, d)
        if len(run) < 2 or not all(d.dated for d in run):
            return None
        # what comes between the dates and 分别 may not be a figure of its own
        # (营收分别为…，净利润分别为…: the lists after a first one name the same dates)
        end = run[-1].span[1]
        if any(
            end <= v.span[0] < at and "分别" not in self.text[end : v.span[0]]
            for v in self.sentence_qs
        ):
            return None
        self.dated_list = (run, at)
        return run

    def _with_list_unit(self, chain: list[Quantity]) -> list[Quantity]:
        """归母净利润分别为6.37、7.12、8.05亿元: the last figure's unit is every figure's."""
        return [_in_unit_of(q, chain[-1]) for q in chain] if chain else chain

    def _respectively(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        at: int,
        owned: bool = False,
        levels: bool = False,
    ) -> ExtractedFact | None:
        """航空运输业、公共设施管理业投资分别增长14.3%和6.2%: the n-th figure of the list after 分别
        is the n-th item's, when the counts agree; a list of names (阿里、小米分别持股…) gives
        nothing, since which figure is whose is too easily wrong. With `levels`, a release's
        levels of any unit (夏粮和早稻产量分别为…), when every item names a measure."""
        if windowed := self._window_moves(q, sentence, quote, at):
            return windowed
        verb = _RESPECTIVE_VERB.match(self.text, at + 2)
        if verb is None:
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= verb.end()]
        chain = self._list_run(values, units=levels)
        if q not in chain or self.text[verb.end() : chain[0].span[0]].strip():
            return None
        clause_start = self._clause_start(sentence, at)
        head_start = max(
            [clause_start] + [r.end() for r in REGION.finditer(self.text, clause_start, at)]
        )
        lead = INDICATOR_LEAD.match(self.text, head_start, at)
        head = self.text[lead.end() if lead else head_start : at]
        last = self.last
        if head.endswith("同环比") and len(chain) == 2 and last is not None:
            # 营收218.37亿元，同环比分别-4.6%/-21.3%: the figure just stated, both ways.
            base = base_metric(last.metric)
            metric = base + ("_yoy" if q is chain[0] else "_qoq")
            return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
        yoy = _HEAD_YOY.search(head)  # 制造业投资同比分别增长: the comparison, not the item
        head = head[: yoy.start()] if yoy else head
        if (each := EACH_QUARTER.match(head)) and len(chain) == 4:
            return self._quarter_item(q, sentence, quote, head[each.end() :], chain, verb)
        owners, _, measure = head.rpartition("的")
        if OWNERS.fullmatch(owners) and INDICATOR.fullmatch(measure) and len(chain) > 1:
            # 云南和广东的弹性系数分别为3.3和2.1: whose each figure is, in turn.
            named = _list_items(owners, len(chain))
            if named is None or self.names_between(clause_start, at):
                return None
            plain = verb.group("verb") in ("为", "达", "达到", "是", "") and yoy is None
            bare = self._said_suffix(yoy, at)
            metric = measure + ("" if plain else bare)
            return self._fact_for(named[chain.index(q)], metric, q, sentence, quote, None)
        if owned:
            return None  # only the owners' figures, for a value of any unit
        averaged = head.endswith("年均")  # 禽肉、牛肉和羊肉产量年均分别增长: yearly averages
        head = head.removesuffix("年均")
        # 存款、债券和同业负债占计息负债比重分别为…: each item's share of the same whole
        share = _SHARE_TAIL.search(head)
        whole = share.group().replace("的", "") if share else ""
        head = head[: share.start()] if share else head
        items = _list_items(head, len(chain))
        if items is None:
            return None
        items = shared_head(items)  # 一线城市新建住宅和二手住宅价格: 一线城市二手住宅价格
        if levels:
            items = measured_items(items) if verb.group("verb") == "为" and yoy is None else None
            if items is None:
                return None
        if self.names_between(clause_start, at):
            return None
        item = shared_tail(items, chain.index(q)) + whole  # 汽油和柴油价格: 汽油价格
        about = self._subject_or_region(clause_start, sentence)
        if about is None:
            return None
        if verb.group("verb") in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)  # 分别下降4.6%和3.4%: both fall
        plain = verb.group("verb") in ("为", "达", "达到", "是", "") and yoy is None
        # 从环比看，…，石油和天然气开采业、…价格分别上涨2.8%、2.5%: a bare change is on the
        # comparison its paragraph last named
        bare = self._said_suffix(yoy, at)
        suffix = "_cagr" if averaged else "" if plain else bare
        fact = self._fact_for(about.name, item + suffix, q, sentence, quote, None)
        if levels:
            self.listed = (items, chain[-1].span[1])
        return fact

    def _list_changes(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """…分别为1720.4万吨和936.8万吨，比上年增加41.2万吨和8.7万吨: the changes of the
        levels just listed, in the same order (`facts.bulletin.LIST_CHANGES`)."""
        if self.listed is None or self.last is None:
            return None
        items, end = self.listed
        if not sentence[0] <= end <= q.span[0]:
            return None
        first = next((v for v in self.sentence_qs if v.span[0] > end), None)
        found = first and LIST_CHANGES.fullmatch(self.text, end, first.span[0])
        if first is None or not found:
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= first.span[0]]
        chain = self._list_run(values, units=True)
        if q not in chain or len(chain) != len(items):
            return None
        item = items[chain.index(q)]
        if found["verb"] in FALLS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        suffix = "_yoy" if q.unit == "%" else "_yoy_change"
        return self._fact_for(self.last.subject, item + suffix, q, sentence, quote, None)

    def _window_moves(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """近一周、近一月及近一年分别录得0.92%、4.15%及9.38%的涨幅: the n-th figure is the n-th
        window's move, of the name the clause or the text is about."""
        lead = self.text[max(sentence[0], at - 40) : at]
        if "近" not in lead and "以来" not in lead and "年初" not in lead:
            return None  # the common case, cheaply: no window before 分别
        values = [v for v in self.sentence_qs if v.span[0] > at]
        chain = self._list_run(values)
        if q not in chain:
            return None
        clause_start = self._clause_start(sentence, at)
        head = self.text[clause_start:at]
        verb = self.text[at + 2 : chain[0].span[0]].strip()
        tail = self.text[chain[-1].span[1] : chain[-1].span[1] + 6]
        windows = window_moves(head, verb, tail, len(chain))
        if windows is None:
            return None
        about = self._subject_or_region(clause_start, sentence)
        if about is None or about.kind not in (*TOPIC_KINDS, *QUOTED_KINDS):
            return None
        label, falls = windows[chain.index(q)]
        if falls and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = LABEL_METRIC.get(label, label)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _turned_list(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """水果和禽肉价格分别由上月下降2.6%和1.9%转为上涨1.4%和0.5%: the n-th figure after
        转为 is the n-th item's current change; the figures before it were last month's."""
        turned = TURNED_LIST.match(self.text, at + 2)
        if turned is None or q.span[0] < turned.end():
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= turned.end()]
        chain = self._list_run(values)
        if q not in chain or self.text[turned.end() : chain[0].span[0]].strip():
            return None
        clause_start = self._clause_start(sentence, at)
        lead = INDICATOR_LEAD.match(self.text, clause_start, at)
        items = _list_items(self.text[lead.end() if lead else clause_start : at], len(chain))
        about = self._subject_or_region(clause_start, sentence)
        if items is None or about is None:
            return None
        item = shared_tail(items, chain.index(q))
        if turned["verb"] in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = item + self._bare_suffix(at)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _quarter_item(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        name: str,
        chain: list[Quantity],
        verb: re.Match[str],
    ) -> ExtractedFact | None:
        """2024年…各季度销量同比分别增长5.2%、6.7%、4.9%和3.3%: the n-th figure is the
        n-th quarter's of the year the sentence names."""
        anchor, _ = date_for(q, sentence, self.dates, self.text)
        if anchor is None or anchor.granularity != "year" or not INDICATOR.fullmatch(name):
            return None
        about = self._subject_or_region(sentence[0], sentence)
        if about is None:
            return None
        if verb.group("verb") in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        plain = verb.group("verb") in ("为", "达", "达到", "是", "")
        metric = name + ("" if plain else "_yoy")
        fact = self._fact_for(about.name, metric, q, sentence, quote, None)
        year, month = anchor.end.year, (chain.index(q) + 1) * 3
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return replace(fact, as_of=end, period=f"{year}Q{month // 3}")
