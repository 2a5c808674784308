"""Labels the lexicons do not hold: a measure noun ending a run (持有总人数：3349), the
share a figure is of a whole (占总成交额), and what was said just before a figure."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from touyan.facts.bulletin import SHARE_OF, TENOR
from touyan.facts.economy import REGION
from touyan.facts.entities import Mention, product_word
from touyan.facts.extract import INDEX_BASE, MEASURE_HEAD
from touyan.facts.label_index import label_spans
from touyan.facts.labels import (
    CLAUSE_LIKE,
    LABEL_BREAK,
    LABEL_LEAD,
    LABEL_METRIC,
    NOT_A_LABEL,
    YEAR_AGO,
    base_metric,
    unit_fits,
)
from touyan.facts.qualifiers import list_start
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

# What links a measure to its figure; a bound (超过15亿, 突破33%, ≥30%) states the figure too.
_MEASURE_VERB = (
    r"(?:还|也|仍|将)?(?:已经|已|仅)?(?:平均)?"
    r"(?:为|是|达到了?|达|约为|约|高达|突破|超过|超|逾|仅|保持在|维持在|稳定在|≥|≤)"
)
_MEASURE = re.compile(
    rf"(?P<label>[\u4e00-\u9fffA-Za-z0-9、]{{0,16}}{MEASURE_HEAD})(?:[(（][^()（）]{{1,10}}[)）]|\[\d{{1,3}}\]|{INDEX_BASE})?"
    rf"\s*(?:{_MEASURE_VERB}\s*[:：]?|[:：]|"
    r"(?<=排名)(?:超越|超过)了?|(?<=占比)(?:超过|高于|低于|不足)|(?:大幅|小幅)?"
    r"(?:下降至|降至|回落至|上升至|升至|提高至|提升至|增至))?\s*[+]?$"
)
# The last characters of measure nouns (率, 额, 量 …) and of an aside after one: a label's
# possible last character, checked before the label's backtracking match.
_HEAD_LAST = frozenset(word[-1] for word in MEASURE_HEAD[3:-1].split("|")) | frozenset(")）]")
# The tail is searched for in the characters before every figure, and all of it is optional:
# the look-ahead (the first character of a footnote's mark, a space, a verb above, a colon or
# a +, or the end) turns away the positions no tail starts at before each alternative is tried.
_MEASURE_TAIL = re.compile(
    r"(?=[\[\s还也仍将已仅平为是达约高突超逾保维稳≥≤:：低不大小下降回上升提增+]|$)"
    rf"(?:\[\d{{1,3}}\])?\s*(?:{_MEASURE_VERB}\s*[:：]?|"
    r"[:：]|(?<=排名)(?:超越|超过)了?|(?<=占比)(?:超过|高于|低于|不足)|(?:大幅|小幅)?"
    r"(?:下降至|降至|回落至|上升至|升至|提高至|提升至|增至))?\s*[+]?$"
)
_BOUND = re.compile(r"超过|高于|低于|不足")
# Words between a measure's label and its connector or figure (余额总计为, 为人民币).
_TOTAL_AFTER = ("总计", "合计")
_RMB_BEFORE = re.compile(r"人民币\s*$")
# 城镇化率40多年提高了…: a span of years, not a figure.
_YEARS_AFTER = re.compile(r"[多余](?:年|个月)")
# 相对基准超额回撤32.47%: a fund's excess over its benchmark is a figure's name, not a comparison.
_EXCESS_LABEL = re.compile(r"相对(?:业绩)?(?:比较)?基准(?:年化)?超额")
_WHOLE = re.compile(r"\s*占(?P<whole>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)的")
_DAYS_LABEL = re.compile(r"\d{1,3}个?(?:交易)?日[\u4e00-\u9fff]*(?:流入|流出)$")
_CODE_AFTER = re.compile(r"\s*[(（](?:[A-Za-z]{2}\.?)?\d{4,6}(?:\.[A-Z]{2})?[)）]")
# A risk's name opening a list item (1. 原材料价格波动风险…), its text run on after it.
_RISK_TITLE = re.compile(r"[\u4e00-\u9fff]{2,8}风险(?=[\u4e00-\u9fffA-Za-z]{4})")
_ITEM_OPENS = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十])[、．.]\s*$|[（(]\d{1,2}[）)]\s*$")
_ITEM = re.compile(r"(?![一二三四五六七八九十]+$)[\u4e00-\u9fffA-Za-z]{2,6}")
_ISSUED = re.compile(r"(?:累计|合计|共)?发行$")
# 增速, 增幅: a growth that names nothing of its own; PPOP24Q1、24H1、2024增速为…: the name
# written right before the periods it is listed for is what grew.
_BARE_GROWTH = frozenset({"增速", "增幅", "增长率"})
_PERIOD = r"(?:20)?\d{2}(?:[QH][1-4](?:\s*-\s*[1-4])?|年)?"  # 24Q1, 24H1, 24Q1-3, 2024
_GROWN_NAME = re.compile(
    r"(?:^|[，,。；;：:\s])(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)\s*"
    rf"{_PERIOD}(?:\s*[、，,和及与]\s*{_PERIOD})*\s*$"
)
# Inside a measure's run, a verb of finding or causing ends a clause, and the measure is what
# follows it (我们发现单车平均毛利, 推动其本周累计涨幅); a verb of achieving sits between a
# part and its measure, which keeps the part (规模以上工业企业实现利润总额, 公司实现盈利).
_LABEL_CLAUSE_VERB = re.compile(r"发现|意味着|源于|推动其?|带动|支付")
_LABEL_VERB = re.compile(r"实现|拥有|录得|获得|斩获")
# 中高端客房间数占总数的41.7%, 出口额仅占农产品总出口额[6]的11.5%: a share written with its part
# and its whole, the figure right after the whole's 的 (a footnote's mark may stand between).
_SHARED_TAIL = re.compile(
    r"占(?P<whole>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)\s*(?:\[\d{1,3}\]\s*)?的\s*$"
)
# 酒店数量为7084家，其中中高端酒店2057家: the count of a part of the total just stated.
_PART_COUNT = re.compile(
    r"(?:其中[，,]?)?\s*(?P<part>[\u4e00-\u9fffA-Za-z]{2,12}?)\s*(?:有|共有|共|约|达)?\s*$"
)
_COUNT_NOUN = re.compile(r"(?:数量|数|家数|个数)$")
# 47%的资产负债率，说明…, 已实现7.10%的涨幅, 75%的高分红率搭配3.5%的股息率: a rate written
# before its name, a 的 between; not a target, a threshold or an assumption named after it
# (5%的股息率目标, 30%的毛利率门槛).
_OF_BEFORE_NAME = re.compile(r"\s*的(?:较高|较低|高|低)?")
# 某某业务贡献了75%的营收: a part's share of a whole it brings in.
_CONTRIBUTES = re.compile(r"贡献了?(?:约|超过?|近|逾)?$")
_SHARED_WHOLES = frozenset({"revenue", "net_profit", "operating_profit", "gross_profit"})
_NOT_THE_FIGURE = re.compile(r"目标|预期|要求|假设|门槛|上限|下限|标准|阈值|以上|以下|左右的")
# 750亿美元的资本支出目标, 新增700亿美元股票回购计划: a sum a plan names (its own name kept).
_PLAN_AFTER = re.compile(
    r"\s*的?(?P<name>(?:股票|股份)?(?:资本支出|回购|增持|减持|投资|融资|分红|派息|募资|定增)"
    r"(?:计划|目标|预算|规模))"
)
# 今年以来已经3次登上龙虎榜, 近3月有8家机构给出了买入的评级, 有8家建议买入，4家建议增持: a
# count the words after it name (how often a stock was listed, how many brokers rated it).
_COUNTED_AFTER = re.compile(
    r"\s*(?:(?<=次)(?P<listed>登上?龙虎榜|上榜龙虎榜)"
    r"|(?<=家)(?:机构|券商|投行)?(?:给出了?|给予了?)(?P<rating>买入|增持|中性|持有|减持|卖出)的?评级"
    r"|(?<=家)(?:机构|券商|投行)?建议(?P<advice>买入|增持|中性|持有|减持|卖出)"
    r"|(?<=[个份篇])(?P<notes>研究报告|研报)发布)"
)
# The window a count of notes is over, written before it (最近60天内有16个).
_COUNT_WINDOW = re.compile(
    r"(?:最近|近)(?:\d{1,3}|[一二两三四五六七八九十]{1,2})个?[天日周月年]内?"
    r"(?:共有|有|共|累计)?\s*$"
)
_PLAN_BEFORE = re.compile(r"(?:给予|按|按照|假设|若|如果)[^，,。；;]{0,12}$")
# 跌幅超过同期深成指1.62%的跌幅, 相较于恒生指数-0.79%的跌幅: the figure compared with, another's.
_COMPARING = re.compile(r"超过|超出|高于|低于|相较|相比|较|跑赢|跑输|不及|优于|弱于|大于|小于|同期")
_SHARE_PART = re.compile(
    r"(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:仅|约|已|只|已经)?"
    # 芯片产能从目前占全球的10%，提高到…: the level a step starts from, now
    r"(?:(?:从|由)(?:目前|现在|当前)?)?"
)


# A share's word (比重, 比例): alone, it does not say of what in what (see `_share_of`).
BARE_SHARES = frozenset({"比重", "比例"})


class LabelShapes(Reader):
    def _said_before(self, at: int) -> str | None:
        """The metric of the fact stated last before `at` in its full sentence (； between
        allowed: 大豆播种面积…；单产…), if any."""
        if self.last is None or not 0 <= at - self.last_end <= 80:
            return None
        between = self.text[self.last_end : at]
        return None if "。" in between or "\n" in between else self.last.metric

    def _measure(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """A label ending in a measure noun right before the value, from the clause's start,
        the last name or 的 before it."""
        if not q.unit and _YEARS_AFTER.match(self.text, q.span[1]):
            return None  # 城镇化率40多年提高了…: a span of years, not the rate
        reach = 40 if "=100" in self.text[max(0, q.span[0] - 12) : q.span[0]] else 24
        lo = max(sentence[0], q.span[0] - reach)  # 工业产出指数(2015-2017=100)为: further
        stop = q.span[0]
        if rmb := _RMB_BEFORE.search(self.text, max(lo, stop - 6), stop):
            stop = rmb.start()  # 募集资金余额为人民币53,419.14万元
        tail = _MEASURE_TAIL.search(self.text, max(lo, stop - 14), stop)  # short
        if tail and "将" in tail.group() and not self._is_statistics():
            return None  # 粮食产量将达到7.09亿吨 is a release's outlook; elsewhere, a guess
        if tail and _BOUND.search(tail.group()) and self.text.startswith("的", q.span[1]):
            return None  # 用电量占比超过70%的工业用电: the bound describes what follows it
        ends = self.region_ends
        end = tail.start() if tail else stop
        if self.text.endswith(_TOTAL_AFTER, lo, end):
            end -= 2  # 期初余额总计为83,516,207.44元
        if self.text[end - 1 : end] not in _HEAD_LAST:
            return None  # the common case, cheaply: no measure noun ends the label
        start = max(
            [lo]
            + [m.end() for m in LABEL_BREAK.finditer(self.text, lo, end)]
            + [
                self._label_start_after(m)
                for m in self.mentions
                if sentence[0] <= m.start and m.end <= end
            ]
            # 我国城镇化率: the economy is the subject, not part of the label (国内生产总值 is)
            + self.region_ends[bisect_left(ends, lo) : bisect_right(ends, end)]
            + [  # 2025年新增政府债务规模: the date is not part of the label (近3年 is)
                d.span[1]
                for d in self.dates
                if lo <= d.span[1] <= end and d.granularity != "relative"
            ]
        )
        if self.text[start - 1 : start] == "、":
            # 包括工资、奖金、津贴和补贴期初余额: the balance of all the items a verb opens
            listed = list_start(self.text, max(lo, start - 24), start)
            if listed == start:
                # ，司法、税务领域市占率超10%: the share of both fields, not of the last alone
                listed = self._items_start(lo, start) or start
            if listed == start or _MEASURE.fullmatch(self.text, listed, end):
                start = listed
        found = _MEASURE.fullmatch(self.text, start, end)
        if found is None:
            return None
        label = found.group("label")
        label_start = found.start("label")
        if verbs := list(_LABEL_CLAUSE_VERB.finditer(label)):
            label, label_start = label[verbs[-1].end() :], label_start + verbs[-1].end()
        if achieved := _LABEL_VERB.search(label):
            label = label[: achieved.start()] + label[achieved.end() :]
            label_start += achieved.end() if achieved.start() == 0 else 0
        if lead := LABEL_LEAD.match(label):
            label, label_start = label[lead.end() :], label_start + lead.end()
        if any(ago in label for ago in YEAR_AGO):
            return None  # 去年同期净利3.95亿元: last year's figure, which dates differently
        if label[:1] in ("末", "底") and self.text[label_start - 1 : label_start] == "年":
            label, label_start = label[1:], label_start + 1  # 2023年底…: the date's 底
        if len(label) < 2:
            return None
        if label[0].isdigit() and not _DAYS_LABEL.match(label) and not TENOR.match(label):
            return (
                None  # 2025年新增…: a date; but 5日主力资金累计净流入, 10年期国债收益率 are names
            )
        if NOT_A_LABEL.match(label) and not _EXCESS_LABEL.match(label):
            return None
        if CLAUSE_LIKE.search(label):
            return None
        if (risk := _RISK_TITLE.match(label)) and _ITEM_OPENS.search(
            self.text, max(0, label_start - 6), label_start
        ):
            # 1. 单品依赖风险新活素收入占比仍超85%: a risk list's item title run into its text
            label, label_start = label[risk.end() :], label_start + risk.end()
        if label in _BARE_GROWTH and (named := self._growth_of_listed(sentence, label_start)):
            label = named + label  # (a bare one else grows what was just said: 股东户数增幅)
        label, label_start = self._share_of(label, label_start, sentence)
        last = self.last
        if label == "净融资" and last is not None and self.last_end >= sentence[0]:
            # 地方债累计发行2.6万亿元，净融资1.1万亿元: the net financing of the bonds just issued
            if issued := _ISSUED.search(last.metric):
                label = last.metric[: issued.start()] + label
        return LABEL_METRIC.get(label.lower(), label), label_start

    def _growth_of_listed(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """PPOP24Q1、24H1、2024 增速: the name right before the periods a bare growth label
        is listed for; None when no periods stand right before the label or no name before
        them (a growth of nothing named)."""
        found = _GROWN_NAME.search(self.text[sentence[0] : label_start])  # ^: the sentence's
        if found is None:
            return None
        name = found["name"]
        if LABEL_LEAD.fullmatch(name) or NOT_A_LABEL.match(name) or CLAUSE_LIKE.search(name):
            return None
        return name

    def _items_start(self, lo: int, start: int) -> int | None:
        """Where a list of short items (司法、税务) that a label's run ends with opens, right
        after a clause's break; None when the run before the 、 is no such list (a figure, a
        list's number: 三、监测港口…)."""
        breaks = [
            b.end() for b in LABEL_BREAK.finditer(self.text, lo, start - 1) if b.group() != "、"
        ]
        opens = max([lo, *breaks])
        if opens == lo and lo > 0 and not LABEL_BREAK.match(self.text, lo - 1):
            return None  # the run goes on before the reach: no whole list in view
        items = self.text[opens : start - 1].split("、")
        if any(not _ITEM.fullmatch(item) or item.lower() in LABEL_METRIC for item in items):
            return None  # 营收、净利润…: figures of their own, not items of one
        return opens

    def _share_of(self, label: str, start: int, sentence: tuple[int, int]) -> tuple[str, int]:
        """比重 after "X占Y的" is the share of X in Y (高技术制造业增加值占规上工业增加值的比重)."""
        if label not in ("比重", "比例") or not self.text.startswith("的", start - 1):
            return label, start
        lo = max(sentence[0], start - 36)
        head = max(
            [lo]
            + [b.end() for b in LABEL_BREAK.finditer(self.text, lo, start - 1)]
            + [
                r.end()
                for r in REGION.finditer(self.text, lo, start)
                if r.group() != "国内" and self.text[r.start() - 1 : r.start()] != "占"
            ]  # but 城镇人口占全国人口的比重: 全国 is in the whole
            + [d.span[1] for d in self.dates if lo <= d.span[1] <= start]
        )
        if share := SHARE_OF.fullmatch(self.text, head, start):
            return f"{share['part']}占{share['whole']}比重", share.start()
        last = self.last
        if (
            (whole := _WHOLE.fullmatch(self.text, head, start))
            and last
            # 广告收入…占营收的比例: a segment's, which the name cannot say (an economy's part
            # is a holder or a kind of it: 境外机构在某市场的托管余额…，占该市场托管余额的比重)
            and (not last.object or REGION.fullmatch(last.subject))
            and self.last_end > lo
        ):
            # 加工贸易进出口增长2.3%，占进出口总额的比重为18.7%: the share of what was just stated.
            return f"{base_metric(last.metric)}占{whole['whole']}比重", start
        return label, start

    def _share_stated(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """X占Y的N%: the share of the part X in the whole Y, named as 比重 after 占Y的 is
        (`_share_of`). The part runs back to the clause's break, the economy's or a name's
        end, or a date; a part that reads as a clause (其中, 了, 将) names no figure."""
        if q.unit != "%":
            return None
        lo = max(sentence[0], q.span[0] - 40)
        tail = _SHARED_TAIL.search(self.text, lo, q.span[0])
        if tail is None:
            return None
        at = tail.start()
        head = max(
            [lo]
            + [b.end() for b in LABEL_BREAK.finditer(self.text, lo, at)]
            + [r.end() for r in REGION.finditer(self.text, lo, at) if r.group() != "国内"]
            + [
                self._label_start_after(m)
                for m in self.mentions
                if lo <= m.end <= at and m.start >= sentence[0]
            ]
            + [d.span[1] for d in self.dates if lo <= d.span[1] <= at]
        )
        part = _SHARE_PART.fullmatch(self.text, head, at)
        if part is None:
            return None
        label, start = part["part"], part.start("part")
        if lead := LABEL_LEAD.match(label):
            label, start = label[lead.end() :], start + lead.end()
        if len(label) < 2 or NOT_A_LABEL.match(label) or CLAUSE_LIKE.search(label):
            return None
        return f"{label}占{tail['whole']}比重", start

    def _part_count(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """酒店数量为7084家，其中中高端酒店2057家: a count written right after the part's name,
        in a clause opened by 其中 after a count of the whole in the same sentence, is the
        part's count (中高端酒店数量); a share after it (，占比29.0%) is then the part's."""
        last = self.last
        if q.unit != "count" or last is None or last.unit != "count":
            return None
        clause = self._clause_start(sentence, q.span[0])
        if not sentence[0] <= self.last_end <= clause:
            return None
        opened = self.text.startswith("其中", clause) or self.text.endswith("其中", 0, clause - 1)
        found = _PART_COUNT.fullmatch(self.text, clause, q.span[0])
        if not opened or found is None:
            return None
        label, start = found["part"], found.start("part")
        if lead := LABEL_LEAD.match(label):
            label, start = label[lead.end() :], start + lead.end()
        if len(label) < 2 or NOT_A_LABEL.match(label) or CLAUSE_LIKE.search(label):
            return None
        if self.names_between(clause, q.span[0]):
            return None  # 其中茅台2家: a name's count, which says of what only the text around does
        return (label if _COUNT_NOUN.search(label) else f"{label}数量"), start

    def _named_after(self, q: Quantity, sentence: tuple[int, int]) -> str | None:
        """A figure written before its name: a rate the lexicon knows after 的 (47%的资产负债率),
        or a plan's sum (750亿美元的资本支出目标: 资本支出目标)."""
        if q.unit == "count":
            counted = _COUNTED_AFTER.match(self.text, q.span[1], sentence[1])
            if counted is None:
                return None
            if counted["listed"]:
                return "龙虎榜上榜次数"
            if counted["notes"]:
                # 最近60天内有16个研究报告发布: the notes of a window (dated and spanned by it)
                window = _COUNT_WINDOW.search(
                    self.text, max(sentence[0], q.span[0] - 12), q.span[0]
                )
                return "研报数量" if window else None
            return f"{counted['rating'] or counted['advice']}评级机构数"
        if q.unit == "money":
            plan = _PLAN_AFTER.match(self.text, q.span[1], sentence[1])
            if plan is None or _PLAN_BEFORE.search(self.text, sentence[0], q.span[0]):
                return None
            return plan["name"] if q.value >= 1_000_000 else None
        if q.unit != "%" or q.high is not None:
            return None  # 7-8%的股息率: a band one may reach, not a figure stated
        if _COMPARING.search(self.text, self._clause_start(sentence, q.span[0]), q.span[0]):
            return None
        lead = _OF_BEFORE_NAME.match(self.text, q.span[1], sentence[1])
        if lead is None:
            return None
        at = lead.end()
        spans = label_spans(self.text, at, min(sentence[1], at + 12))
        if not spans or spans[0][0] != at:
            return None
        metric = LABEL_METRIC[spans[0][2]]
        if _NOT_THE_FIGURE.match(self.text, spans[0][1]):
            return None
        if metric in _SHARED_WHOLES and _CONTRIBUTES.search(
            self.text, max(sentence[0], q.span[0] - 8), q.span[0]
        ):
            # 广告业务贡献了75%的营收: the part's share of the whole the label names
            return self.text[spans[0][0] : spans[0][1]] + "占比"
        return metric if unit_fits(metric, q) else None

    def _falls_after(self, q: Quantity) -> bool:
        """4.29%的跌幅: the name after the figure says it is a fall."""
        lead = _OF_BEFORE_NAME.match(self.text, q.span[1])
        return lead is not None and self.text.startswith("跌幅", lead.end())

    def _label_start_after(self, m: Mention) -> int:
        """Where a label may start after a name: after its code, or at the name itself when a
        short name is the start of a product's word (茅台酒生产量: 茅台酒's output)."""
        written = self.text[m.start : m.end]
        if written != m.entity.name and product_word(self.text, m.start, m.end):
            return m.start
        return self._after_code(m.end)

    def _after_code(self, end: int) -> int:
        """Where a name's bracketed code ends: 华光电子(600123)股东户数 labels 股东户数."""
        code = _CODE_AFTER.match(self.text, end)
        return code.end() if code else end
