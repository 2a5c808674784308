"""A label's name narrowed, or dropped, by the words around it.

A lexicon reads 最低价, 跌幅, 股价, 换手率 or 净利润 right before a figure; the words before the
label may narrow what it names (上周最低价: the week's low; 盘中最大跌幅: the session's deepest
move; 开盘时的股价: the open; 连续涨停期间…累计换手率: the span's sum; 流动负债净值: a balance's
net amount; 城镇人口占全国人口的比重: a share of what in what), or say the figure is no one's to
file (非经常性损益影响净利润: what one-off items add; 卖出成交额: one side's trade; 管理费用、销售
费用总计: a list's sum). An attribute the text names itself (…的X为) is narrowed so too: a
doer's trade, a relative clause, a gain named by what produced it (处置…产生的投资收益).
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.economy import REGION
from touyan.facts.extract import MEASURE_HEAD, METRIC_MAX
from touyan.facts.labels import (
    CLAUSE_LIKE,
    KNOWN_METRICS,
    LABEL_LEAD,
    LABEL_METRIC,
    LABELS,
    PRICE_METRICS,
)
from touyan.facts.read_labels import BARE_SHARES, LabelShapes
from touyan.facts.read_owner import SEATS_WORDS
from touyan.text.numbers import Quantity

# A holding named with its holder (某类机构持有国债), then its share (占比), and what stands
# between it and the next item of the list.
_HOLDS = re.compile(r"持有|持仓|持股")
_HELD = re.compile(
    r"(?P<holder>[\u4e00-\u9fff]{2,10}?(?:持有|持仓))[\u4e00-\u9fff]{2,10}?(?:占比|比重|比例)?"
)
_NEXT_ITEM = re.compile(r"[^\S\n]*[、，,；;][^\S\n]*")
# Before the event a chance is of: the month or meeting it is for.
_EVENT_LEAD = re.compile(
    r"(?:而|但|且|同时)?(?:(?:19|20)\d{2}年)?(?:\d{1,2}月份?|下次|本次|下一次)?(?:议息会议|会议)?(?:上|时)?"
)
# The words for a chance a market prices (加息的概率, 加息的可能性, 机率, 几率): one figure, named
# by its event.
_CHANCE = frozenset({"概率", "可能性", "机率", "几率"})
# Who expects the event and the central bank that acts in it (预期欧央行), before the event.
_ACTOR = re.compile(r"(?:预期|预计|押注|认为|显示)[\u4e00-\u9fff]{0,4}?(?:央行|联储)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A text about hotels, where ADR is the average room rate.
_HOTEL = re.compile(r"酒店|客房|房价|RevPAR|入住率|出租率", re.IGNORECASE)
# Before 最高 or 最低, a measure other than a price makes it that measure's extreme. (The
# look-ahead holds the first character of each measure word, split from MEASURE_HEAD as
# `read_labels` splits it for the last, a group it opens with skipped: a position holding
# none is turned away at once rather than tried against every word.)
_MEASURE_FIRST = frozenset(word.lstrip("(?:")[0] for word in MEASURE_HEAD[3:-1].split("|")) | {"年"}
_OTHER_MEASURE = re.compile(
    rf"(?=[{''.join(map(re.escape, sorted(_MEASURE_FIRST)))}])(?:年龄|{MEASURE_HEAD})(?<!价)\s*$"
)
_MEASURE_REACH = 40  # a measure word and the spaces after it, before a label (for speed)
_EXTREMES = frozenset({"high", "low"})
# A span before a price's label (上周最低价, 历史最高价): the span's extreme, not the day's.
_SPAN_BEFORE = re.compile(r"(?:上周|本周|当周|上月|本月|当月|年内|历史)$")
# Figures of one session that a span sums (累计换手率, 累计成交额), and the span a sentence
# opens with (连续涨停期间，, 停牌前5个交易日内，).
_SUMMED_DAILY = frozenset({"turnover_rate", "turnover", "volume"})
_SPAN_OPENS = re.compile(r"\s*(?P<span>[\u4e00-\u9fff\d]{2,10}?(?:期间|以来))[，,]")
# A price said at the session's open or close (开盘时的股价, 收盘时股价): that quote, not the
# latest one.
_SESSION_POINT = re.compile(r"(?P<at>[开收])盘时?的?$")
# 目标均价涨幅24.17%: the upside to a target price, not a move.
_TARGET_BEFORE = re.compile(r"(?:平均|最高|最低)?目标(?:均|平均)?价(?:格)?(?:的)?$")
# 非经常性损益影响净利润: what one-off items add to the profit, not the profit.
_NON_RECURRING = re.compile(r"非经常性损益(?:对|影响|将|预计)*(?:归母)?$")
# A sum said of the items a label ends a list of (销售费用、管理费用、财务费用总计).
_SUM_SAID = re.compile(r"[^\S\n]*(?:的)?(?:总计|合计|共计|总和|之和|加总)")
# 盘中最大跌幅: the session's deepest move, not its close-to-close change.
_PEAK_MOVE = re.compile(r"(?:盘中|日内|期间|区间)?最大$|盘中$")
# A measure said to have moved, in words, in the clause before a bare move's label (股东户数
# 有所下降，区间跌幅为…, 融资余额持续增加，累计增幅…); not a price's (股价有所回落，跌幅为).
_MEASURE_MOVED = re.compile(
    r"(?:^|[，,。；;\s]|公司|该公司|其)(?P<measure>(?!公司|该公司|其)[\u4e00-\u9fff]{0,6}?"
    r"(?:户数|人数|数量|规模|余额|份额|销量|产量|用户数|订单|库存))"
    r"(?:有所|略有|明显|大幅|小幅|持续|进一步)?(?:下降|上升|增加|减少|下滑|回落|增长|提升)了?"
    r"[，,]\s*(?P<span>区间|期间|累计)?$"
)
# A move measured from a peak or trough before the day (从年初的高点一路下跌, 较11月份的纪录
# 高点跌幅): the span's.
_FROM_EARLIER_PEAK = re.compile(
    r"[从自较](?:今年|去年)?(?:年初|前期|历史|年内|阶段|此前|上市|去年|(?:(?:19|20)\d{2}年)?\d{1,2}月份?)"
    r"[^，,。；;]{0,6}?"
    r"(?:高点|低点|高位|低位|峰值|最高点?|最低点?)"
)
# 居民人均经营净收入, 农村居民人均可支配收入: a household's income per head, a statistic of the
# people, not a company's revenue with a segment.
_PER_HEAD = re.compile(r"(?:(?:城镇|农村|城市|乡村|城乡)?居民)?(?:人均|户均)[\u4e00-\u9fff]{0,6}$")
_PER_HEAD_METRICS = frozenset({"revenue", "net_profit", "income"})
# 合约销售额, 累计协议销售额: a developer's contracted sales of flats, not revenue (booked only
# when the flats are handed over), nor a segment named 协议.
_CONTRACTED = re.compile(r"(?:累计|权益)?(?:合约|协议|合同|签约|认购)$")
# 销售额为约18亿元。相应已售建筑面积为约12万平方米: flats sold, reported with their floor area,
# are a developer's property sales of the month, not its revenue.
_FLOOR_AREA_SOLD = re.compile(r"(?:已售|销售)(?:建筑|楼面)?面积")
_PROPERTY_REACH = 60
# 居民消费价格涨幅3%左右: a price index's rise on the year, not a security's move.
_PRICE_INDEX_BEFORE = re.compile(
    r"(?:居民消费|消费者|工业生产者出厂|生产者|商品零售)价格(?:指数)?(?:总水平)?$|物价$|[CP]PI$"
)
# 流动负债净值, 资产净值: a balance's net amount, not a fund's net asset value per share.
_NET_OF_BALANCE = re.compile(r"(?:流动负债|流动资产|负债|资产|资本|敞口|头寸)$")
# 买入成交额, 卖出成交额: one side's amount (龙虎榜 seats'), not the stock's turnover; nor is
# a total in a sentence about the listed seats (上榜的前五大买卖营业部合计成交1.31亿元).
_SIDE_BEFORE = re.compile(r"(?:买入|卖出|买方|卖方|净买入|净卖出)$")
# The highest and lowest prices a buyback paid, when its sentence is a buyback's.
_BUYBACK_EXTREMES = {"high": "回购最高价", "low": "回购最低价"}
# 控股股东质押股份占其持股比例, 相关股东质押股数占其持股比例: the share of a holder's stake it
# has pledged, not a stake in the company; the holder's role names whose (a holder the
# dictionary does not know stands for it).
_PLEDGED_OF_STAKE = re.compile(r"质押(?:的)?(?:股份|股数|股票)?(?:数量?)?占其?所?$")
_HOLDER_ROLE = re.compile(r"控股股东|第一大股东|大股东|主要股东|实际控制人|股东")
# 从乡村流向城镇的人口: a relative clause narrowing a bare count to a part of the people (and
# 流向城镇的流动人口 a named head count, `_relative_part`).
BARE_PEOPLE = frozenset({"人口", "人数"})  # 参与某运动的人数: those who take part

# A doer and its trade before the attribute's 的 (银行信托账户净买入的外国证券总额): the
# figure is that doer's, whom no name the reader knows stands for.
_DOER = re.compile(
    r"(?P<doer>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:净买入|净卖出|买入|卖出|持有|增持|减持|购买)$"
)
_SELF_DOER = re.compile(r"(?:本|该|其)?(?:公司|基金|集团|本行|该行)|其|我们")
# A relative clause before 的 (已背书或贴现且尚未到期的, 未解除限售的): it narrows the
# attribute after it to a part of the whole the attribute's name alone says.
_RELATIVE = re.compile(
    r"尚未|且|未(?:到期|解除|偿还|支付|确认|使用|行权|兑付)|已(?:背书|贴现|质押|冻结|逾期|到期)"
)
# 处置子公司股权产生的利润或损失为…: a gain or a loss, named by what produced it.
_GAIN_OR_LOSS = re.compile(r"(?:利润|收益|利得)?或?损失|净?损益")
# A verb of a deal in a stake (受让某集团): a run holding one is a clause, not a figure's name
# (but 收购价格, 转让价款 name the deal's price).
_DEALT = re.compile(
    r"(?:受让|转让|收购|出售|购买|认购)(?!价|款|金额|对价|总|数量|比例|股|份额|资金|事项|方案)"
)
# A modal verb between an attribute and its verb (营收能达到144亿美元): not the label's; but
# the 能 of a noun (产能, 储能, 动能) and the 会 of a body (协会, 大会) are the name's own.
_MODAL_TAIL = re.compile(
    r"(?:能够|(?<![产性动功储效智核电热光风体技职潜节赋势])能|可以|可能|(?<![许认])可"
    r"|(?<![协大机社学工商委年])会|将|有望)$"
)
# The label a figure is stated with and its verb (投资收益为).
_ITEM_LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,16}?)(?:为|是|达到|高达|达|约)*\s*")


_IMPACT = frozenset({"影响金额", "影响额", "影响数"})
_IMPACT_OF = re.compile(
    r"\s*(?P<cause>[\u4e00-\u9fffA-Za-z]{2,14}?)对(?:公司)?"
    r"(?P<on>[\u4e00-\u9fffA-Za-z]{2,12}?)的$"
)


_IMPACT_LEAD = re.compile(r"(?:预计|预估|其中|公司|本次)+")


class NarrowedLabels(LabelShapes):
    """The name a label before a figure gives it, once the words around it are read."""

    def _narrowed_label(
        self, found: tuple[str, int], q: Quantity, sentence: tuple[int, int]
    ) -> tuple[str, int, Quantity] | None:
        """The metric a lexicon's label before a figure names once the words around it are
        read, where that label starts, and the figure (a fall is negative); none when the
        words say the figure is no one's (非经常性损益影响净利润, 卖出成交额, a list's sum)."""
        metric, label_start = found
        if metric == "adr" and not _HOTEL.search(self.text):
            return None  # 每股ADR 12美元: a depositary receipt, not a room rate
        if metric == "cagr" and (
            over := LABELS.search(self.text, max(0, label_start - 12), label_start)
        ):
            if not self.text[over.end() : label_start].strip():
                metric = LABEL_METRIC[over.group().lower()] + "_cagr"  # EPS CAGR为4.6%
        if metric in _EXTREMES and _OTHER_MEASURE.search(
            self.text, max(0, label_start - _MEASURE_REACH), label_start
        ):
            return None  # 薪酬最高为78.51万元, 年龄最高为62岁: a pay's or an age's top
        if metric in PRICE_METRICS and (
            span := _SPAN_BEFORE.search(self.text, max(0, label_start - 2), label_start)
        ):
            # 上周最低价为145.72美元: the week's low, not the day's.
            said = LABELS.match(self.text, label_start)
            metric = self.text[span.start() : said.end()] if said else metric
        if metric in _BUYBACK_EXTREMES and "回购" in self.text[sentence[0] : label_start]:
            # 回购成交的最高价为61.20元/股，最低价为38.75元/股: the buyback's, no day's quote
            metric = _BUYBACK_EXTREMES[metric]
        if metric in _SUMMED_DAILY and self.text.endswith("累计", 0, label_start):
            # 连续涨停期间，…累计换手率为10.36%: the span's sum, not the day's figure
            said = LABELS.match(self.text, label_start)
            span = _SPAN_OPENS.match(self.text, sentence[0], label_start)
            metric = (span["span"] if span else "") + "累计" + (said.group() if said else "")
        if metric == "price" and (session := _SESSION_POINT.search(self.text, 0, label_start)):
            metric = "open" if session["at"] == "开" else "close"  # 开盘时的股价为8.70元
        if metric == "change_pct" and (
            index := _PRICE_INDEX_BEFORE.search(self.text, max(0, label_start - 14), label_start)
        ):
            return index.group() + "_yoy", index.start(), q
        if metric == "change_pct" and (
            target := _TARGET_BEFORE.search(self.text, max(0, label_start - 8), label_start)
        ):
            metric = target.group() + "涨幅"  # 目标均价涨幅24.17%: the upside to a target
        if metric.startswith("net_profit") and _NON_RECURRING.search(
            self.text, max(0, label_start - 12), label_start
        ):
            # 非经常性损益影响净利润金额约为4200万元: what one-off items add, not the profit
            # (nor dated as a period's result would be): nothing is said
            return None
        if self._listed_total(label_start, q):
            return None  # 管理费用、销售费用、财务费用总计…: the list's sum, not the last item's
        if (
            metric in _PER_HEAD_METRICS
            and (
                head := _PER_HEAD.search(self.text, max(sentence[0], label_start - 10), label_start)
            )
            and (said := LABELS.match(self.text, label_start))
        ):
            # 人均经营净收入940元: the income per head, named as the text names it
            metric, label_start = self.text[head.start() : said.end()], head.start()
        if metric == "buyback_amount" and "回购" not in self.text[sentence[0] : sentence[1]]:
            return None  # 耗资20亿打造实验中心: money spent on something else than a buyback
        if metric == "change_pct" and (peak := _PEAK_MOVE.search(self.text, 0, label_start)):
            # 盘中最大跌幅超过9%: the day's deepest move, not its close-to-close change
            said = LABELS.match(self.text, label_start)
            metric = self.text[peak.start() : said.end()] if said else metric
        if metric == "change_pct" and self.text.endswith("平均", 0, label_start):
            # 连续4日净流入后，次日上涨概率为61.90%，平均涨幅为2.40%: an average of the moves
            # after some event, which its label alone does not say: no price's change
            return None
        if metric == "change_pct" and (
            moved := _MEASURE_MOVED.search(
                self.text, max(sentence[0], label_start - 24), label_start
            )
        ):
            # 公司股东户数有所下降，区间跌幅为5.43%: the count's change, not the price's
            said = LABELS.match(self.text, label_start)
            metric = moved["measure"] + (moved["span"] or "") + (said.group() if said else "")
        if metric == "change_pct" and _FROM_EARLIER_PEAK.search(
            self.text, sentence[0], label_start
        ):
            return None  # 股价从年初的高点一路下跌…，跌幅超过20%: a span's fall, no day's
        if self.text.startswith("跌幅", label_start) and q.value > 0:
            q = replace(q, value=-q.value, negative=True)  # 跌幅0.17%: a fall
        if metric == "nav" and (
            net := _NET_OF_BALANCE.search(self.text, max(0, label_start - 4), label_start)
        ):
            metric = net.group() + "净值"  # 流动负债净值达112.51亿元
        if metric == "turnover" and (
            _SIDE_BEFORE.search(self.text, max(0, label_start - 3), label_start)
            or SEATS_WORDS.search(self.text, sentence[0], label_start)
        ):
            return None  # 卖出成交额为8547.41万元: the seats' selling, not the turnover
        if metric == "stake_pct" and _PLEDGED_OF_STAKE.search(
            self.text, max(sentence[0], label_start - 12), label_start
        ):
            # 控股股东某某控股质押股份占其持股比例68%: the holder's pledged part of its stake
            role = _HOLDER_ROLE.search(self.text, self._clause_start(sentence, label_start))
            holder = role.group() if role and role.start() < label_start else "股东"
            metric = f"{holder}质押股份占其持股比例"
        if metric in BARE_PEOPLE and self.text[label_start - 1 : label_start] == "的":
            metric = self._narrowed_people(metric, sentence, label_start)
            if not metric:
                return None
        if metric in BARE_SHARES:
            # 城镇人口占全国人口的比重达到66.16%: the share of what in what; a share whose
            # part the text does not name here says nothing
            metric, label_start = self._share_of(metric, label_start, sentence)
            if metric in BARE_SHARES:
                return None
        return metric, label_start, q

    def _not_an_attribute(self, sentence: tuple[int, int], attribute: re.Match[str]) -> bool:
        """Whether the run a `的…为` attribute reads is no figure of the subject's: a clause,
        an unnamed doer's trade, or a part a relative clause narrows it to, which the label
        drops."""
        if CLAUSE_LIKE.search(attribute.group("label")):
            return True
        if _DEALT.search(attribute.group("label")):
            return True  # 以…的对价受让某集团约为66%的股权: a deal's clause, no attribute
        opened = self._clause_start(sentence, attribute.start())
        if (
            doer := _DOER.search(self.text, opened, attribute.start())
        ) and not _SELF_DOER.fullmatch(doer["doer"]):
            if not self.names_between(opened, attribute.start()):
                return True  # 某国养老金净买入的海外股票总额达: an unnamed doer's
        if _RELATIVE.search(
            self.text, self._clause_start(sentence, attribute.start()), attribute.start()
        ):
            return True  # 已背书且尚未到期的应收款项融资总额: a part, which the label drops
        return False

    def _attribute_label(
        self, sentence: tuple[int, int], attribute: re.Match[str]
    ) -> tuple[str, int] | None:
        """The metric a `的…为` attribute names and where its label starts: a gain or loss by
        what produced it, without a modal verb, a share of what in what, the people a
        relative clause names; none when those people are not named."""
        label, label_start = attribute.group("label"), attribute.start("label")
        if _GAIN_OR_LOSS.fullmatch(label) and (
            produced := self._gain_or_loss(sentence, attribute.start(), label)
        ):
            label, label_start = produced
        metric, label_start = self._share_of(_MODAL_TAIL.sub("", label), label_start, sentence)
        if metric in _IMPACT:
            # 非经常性损益对净利润的影响金额为9000万元: the impact of what on what; 影响金额
            # alone names no figure
            lo = self._clause_start(sentence, label_start)
            if (lead := _IMPACT_LEAD.match(self.text, lo, label_start)) is not None:
                lo = lead.end()
            if (cause := _IMPACT_OF.fullmatch(self.text, lo, label_start)) is None:
                return None
            return f"{cause['cause']}对{cause['on']}{metric}", lo
        if metric in _CHANCE:
            # 5月加息25个基点的概率为31.4%: the chance of the event the words before name (可能性
            # is the same word); a chance whose event is not named names nothing
            event = self._chance_of(sentence, label_start)
            if event is None:
                return None
            metric = event + "概率"
        if metric in BARE_PEOPLE:
            metric = self._narrowed_people(metric, sentence, label_start)
            if not metric:
                return None
        elif metric.endswith("人口") and (narrowed := self._relative_part(sentence, label_start)):
            metric = narrowed + metric  # 流向城镇的流动人口为3.31亿人: those who moved to towns
        return metric, label_start

    def _relative_part(self, sentence: tuple[int, int], label_start: int) -> str:
        """流向城镇的 before 流动人口: a relative clause that opens its clause and narrows a
        head count to a part of it; not a name, place or date (上海的常住人口 is the city's)."""
        start = self._clause_start(sentence, label_start)
        run = self.text[start:label_start].strip()
        if (
            not run.endswith("的")
            or not 3 <= len(run) <= 12
            or re.search(r"[，,、\d]", run)
            or REGION.search(run)
            or LABEL_LEAD.match(run)
            or self.names_between(start, label_start)
        ):
            return ""
        return run

    def _listed_total(self, label_start: int, q: Quantity) -> bool:
        """Whether a label is the last of a list (A、B、C总计754.54万元) whose figure is said as
        the items' sum: the figure is the whole list's, which no one label names."""
        if self.text[label_start - 1 : label_start] != "、":
            return False
        said = LABELS.match(self.text, label_start)
        return said is not None and _SUM_SAID.match(self.text, said.end(), q.span[0]) is not None

    def _produced_item(self, sentence: tuple[int, int], label_start: int, end: int) -> str | None:
        """The one-off item a dealing in assets produced, named whole from its run's start
        (处置长期股权投资产生的投资收益), after any name or date written before it; none when the
        words hold a figure or run longer than a metric's name may (持有…产生的公允价值变动
        损益，以及处置…取得的投资收益, two items of 非经常性损益 in one)."""
        start = self._run_start(sentence, label_start)
        ends = [m.end for m in self.mentions if start <= m.start and m.end <= label_start]
        ends += [d.span[1] for d in self.dates if start <= d.span[0] and d.span[1] <= label_start]
        start = max([start, *ends])
        run = self.text[start:label_start]
        if lead := LABEL_LEAD.match(run):
            run = run[lead.end() :]
        said = _ITEM_LABEL.fullmatch(self.text, label_start, end)
        if said is None or any(c.isdigit() for c in run):
            return None
        named = run + said["label"]
        return named if len(named) <= METRIC_MAX else None

    def _gain_or_loss(
        self, sentence: tuple[int, int], of: int, label: str
    ) -> tuple[str, int] | None:
        """The name of a gain or loss (利润或损失) and where it starts: the words before its 的,
        from the clause's start or the name before them (处置非流动资产产生的利润或损失), which
        the bare words do not name; none when only a name stands there (公司的净损益)."""
        start = self._clause_start(sentence, of)
        start = max([start] + [m.end for m in self.mentions if start <= m.start and m.end <= of])
        run = self.text[start:of]
        if lead := LABEL_LEAD.match(run):
            run, start = run[lead.end() :], start + lead.end()
        if len(run) < 2:
            return None
        return f"{run}的{label}", start

    def _narrowed_people(self, metric: str, sentence: tuple[int, int], label_start: int) -> str:
        """其中从乡村流向城镇的人口为2.49亿人: the people a relative clause names (its words
        and the label), or nothing when the clause is too long to be a name."""
        start = self._clause_start(sentence, label_start)
        run = self.text[start:label_start]
        run = re.sub(r"^(?:其中|此外|同时|而)+", "", run.strip())
        if not run or len(run) > 12 or re.search(r"[，,、\d]", run):
            return ""
        return run + metric

    def _chance_of(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The event a chance is of, written before its 的 in the label's clause, after the
        name of who acts and the month it is for (某央行6月降息25个基点的概率)."""
        if self.text[label_start - 1 : label_start] != "的":
            return None
        lo = self._clause_start(sentence, label_start)
        lo = max([lo, *(m.end for m in self.mentions if lo <= m.end < label_start)])
        if actor := _ACTOR.search(self.text, lo, label_start):
            # 市场预期欧央行6月加息…的机率: who expects it and the bank (one the dictionary
            # does not know) that acts are no part of the event
            lo = actor.end()
        if lead := _EVENT_LEAD.match(self.text, lo, label_start):
            lo = lead.end()
        event = self.text[lo : label_start - 1].strip()
        if not 2 <= len(event) <= 16 or CLAUSE_LIKE.search(event) or not _HAN.search(event):
            return None
        return event

    def _held_of_last(self, metric: str, sentence: tuple[int, int], label_start: int) -> str:
        """分券种看，某类机构持有国债2.5万亿元、占比61%，地方债1.1万亿元: the next item of a
        list of holdings, named bare, is held by the holder the list opened with."""
        last = self.last
        if (
            last is None
            or metric in KNOWN_METRICS
            or not sentence[0] <= self.last_end <= label_start
            or not _NEXT_ITEM.fullmatch(self.text, self.last_end, label_start)
            or CLAUSE_LIKE.search(metric)
            or _HOLDS.search(metric)
        ):
            return metric
        held = _HELD.fullmatch(last.metric)
        return held["holder"] + metric if held and len(metric) <= 10 else metric


def sold_property(text: str, metric: str, label_start: int, end: int) -> tuple[str, int]:
    """The metric and label start of a developer's sales of flats a revenue label reads
    (合约销售额, 累计协议销售额, 销售额…已售建筑面积): contracted sales, not the revenue it books
    only on handing the flats over; other labels as they are."""
    if metric != "revenue":
        return metric, label_start
    said = LABELS.match(text, label_start)
    if said and (contract := _CONTRACTED.search(text, max(0, label_start - 4), label_start)):
        return text[contract.start() : said.end()], contract.start()
    if text.startswith("销售", label_start) and _FLOOR_AREA_SOLD.search(
        text, end, end + _PROPERTY_REACH
    ):
        return "物业销售额", label_start
    return metric, label_start


def goods_price_move(text: str, before: list[Quantity], label_start: int, metric: str) -> bool:
    """某酒的市场价格已经涨至1350元/瓶，涨幅近30%: a move right after a price per bottle, ton or
    piece is that good's price move, not the listed company's share price."""
    if metric != "change_pct":
        return False
    prior = [v for v in before if v.span[1] <= label_start]
    if not prior or label_start - prior[-1].span[1] > 8:
        return False
    last = prior[-1]
    return last.unit.startswith("/") or (
        last.unit == "money" and text.startswith("/", last.span[1])
    )
