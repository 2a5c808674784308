"""Labels that name no figure well enough to keep, and one its sentence names better.

A label may name a trader's plan (止损价), a level where the figure is a move (10年期国债收益率
22.8个基点), or be too bare to say what it measures: an index named only as 指数 (the clause
before named it), a company's measure filed for an economy (美国…收入上升0.3%: people's income,
not revenue), a share of a market filed for an economy with no product (我国…市场占有率达到
13.4%: the share of what the clause before names). A figure is better dropped than filed under
a name that misstates it. A paid total in a sentence about a buyback (已支付的资金总额) is the
buyback's amount, a kind of growth alone (两年复合增长率) the level's its sentence stated, an
amount of change (减少金额) and a share in a whole (在整体消费额占比) the figure's just stated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from touyan.facts.economy import CN_REGION, REGION
from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import base_metric
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

# The level a trade is set to be closed at (止损价, 止盈位): a plan of the trader's.
_TRADE_EXIT = re.compile(r"止[损盈](?:价|位|线|点)")
# A yield or interest rate named as a level (10年期国债收益率, 贷款利率, 提高利率).
_RATE_LEVEL = re.compile(r"(?:收益率|利率)$")
# 已支付的资金总额, 支付的总金额: what a buyback has cost so far, when its sentence is one's.
_PAID_TOTAL = re.compile(r"(?:资金)?总(?:金)?额|总金额")
_PAID_BEFORE = re.compile(r"支付(?:的)?$")
# Names that are a kind of figure only: which index, the words before named; what a target
# is set for (新工厂的目标是100%依赖可再生能源), the words after.
# 平均值, 前值, 预估: a kind of figure or a word of estimating (去年的预估为24.6%), which says
# neither what is averaged nor what is estimated.
_BARE_NAMES = frozenset(
    {"指数", "目标", "平均值", "均值", "前值", "初值", "终值", "预估", "预期", "预测", "预估值"}
)
# 分析师预估上升4.8%, 市场预期: whose estimate, of what the words before named.
_ESTIMATE_ONLY = re.compile(
    r"(?:分析师|市场|经济学家|机构)(?:此前|普遍)?(?:预估|预期|预测|预计)值?"
)
# 隔夜、7天、1个月…利率分别为: a tenor alone names no rate.
_TENOR_ONLY = re.compile(r"隔夜|(?:\d{1,2}|[一二三六])(?:天|个月|年)期?")
# A label pointing back to the figure before it (该指数, 这一比例): which one, the words before
# named; filed under the pointer it names none.
_POINTER = re.compile(r"(?:这一|这个|该|此)(?:指数|比率|比例|比重|数字|指标|数据|水平|数值|数字)")
_POINTER_FIRST = frozenset("这该此")
# A period alone (最后一个季度, 第四季度, 上半年): the figure's time, not what it measures.
_PERIOD_ONLY = re.compile(
    r"(?:最后|第[一二三四1-4])(?:一个)?季度|[一二三四1-4]季度|[上下]半年|全年|当月|当季|本月|本季度?"
    r"|本年|今年|去年|上年"  # 12月销量…；本年累计603783辆: the year's, of what unsaid
)
_PERIOD_LAST = frozenset("度年月季")
# A streak (连续3年增速超过20%): how long a floor held, of a measure the words before named.
_STREAK = re.compile(
    r"连续(?:[一二两三四五六七八九十]|\d{1,2})个?(?:年|季度|月|周)(?:的)?(?:增速|增幅|增长率|增长)"
)
# A total named by itself (总量突破4万亿元): of the measure whose growth the clause before told.
_BARE_TOTALS = frozenset({"总量", "总额", "总规模"})
_GREW_BEFORE = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:同比|比上年)?(?:增长|增加|下降|减少)"
    r"[\d.]+%(?:左右|以上)?[，,]\s*$"
)
_ECONOMY_LEAD = re.compile(r"^(?:年度?|月份?)?(?:全国|全省|全市|全区|我国|全球)?")
# A company's results: an economy has none of these (its people's income, its firms' sales
# are other figures, which the text names with their part).
_COMPANY_RESULTS = frozenset({"revenue", "net_profit", "gross_margin", "net_margin", "eps"})
# A developer's sales of flats (12月合约销售额80亿元): a firm's, never an economy's as named.
_CONTRACTED_SALES = re.compile(
    r"(?:累计)?(?:合约|协议|合同|签约|认购)销售(?:金?额|总额)|物业销售额"
)
# A share of a market: of a product or a firm, which an economy alone is not.
_MARKET_SHARE = frozenset({"市场占有率", "市场份额", "市占率", "份额"})
_WORLD = frozenset({"全球", "世界"})
# 在整体消费额占比, 在全国销量中的比重: the share of a whole, whose part the words before say.
_SHARE_IN = re.compile(r"在(?P<whole>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:中的?)?(?:占比|比重|的占比)")
# 减少金额, 增加额: a change in its figure's unit, of the figure just stated.
_CHANGE_AMOUNT = re.compile(r"(?P<way>增加|减少|下降|增长|降低|上升)的?(?:金额|额)")
_FALLS = frozenset({"减少", "下降", "降低"})
_ON_THE_YEAR = re.compile(r"(?:上年|去年)同期(?:相比|比较)?|同比")
# 两年复合增长率, 两年平均增速: a kind of growth only, of the level its sentence stated last.
_KIND_OF_GROWTH = re.compile(
    r"(?:两|三|[二三四五])年(?:平均|复合)?(?:名义|实际)?(?:增长率|增速|增幅)"
)


@lru_cache(maxsize=1024)
def _economy(name: str) -> bool:
    """Whether a subject is an economy (a country, 全球, a Chinese region), not a firm.
    (Cached, bounded: every fact asks, of the few subjects a text names.)"""
    return name in _WORLD or bool(REGION.fullmatch(name)) or bool(CN_REGION.fullmatch(name))


class VagueLabels(Reader):
    """Whether a label names its figure well enough to keep."""

    if TYPE_CHECKING:

        def _level_grown(
            self, sentence: tuple[int, int], verb_start: int
        ) -> tuple[str, str | None] | None: ...

    def _named_well(
        self, metric: str, q: Quantity, sentence: tuple[int, int], label_start: int
    ) -> tuple[str, Quantity] | None:
        """The metric a label read before a figure names (and the figure, signed as the label
        says), None when it names none to keep."""
        if (way := _CHANGE_AMOUNT.fullmatch(metric)) is not None:
            return self._change_amount(way["way"], q, sentence, label_start)
        if metric.startswith("在") and (share := _SHARE_IN.fullmatch(metric)):
            # 夜间消费额3790亿元，同比增长27%，在整体消费额占比33.71%: the share the figure
            # just stated has in the whole, named as a share of it is; nobody's without one
            last = self.last
            if last is None or not sentence[0] <= self.last_end <= label_start:
                return None
            return f"{base_metric(last.metric)}占{share['whole']}比例", q
        if metric[:1] in _POINTER_FIRST and _POINTER.fullmatch(metric):
            # 三季度就业率为74.1%，二季度这一比率为74.6%: the measure just stated in the
            # sentence, in its unit; with none before it, the pointer names nothing (`_misnamed`)
            last = self.last
            if (
                last is not None
                and last.unit == q.unit
                and sentence[0] <= self.last_end <= label_start
            ):
                return base_metric(last.metric), q
        if metric in _BARE_TOTALS and self.text[label_start - 1 : label_start] != "的":
            # (即某某的总额: what the words before 的 name, read by `LabelledSteps`)
            # 全省生产总值增长8%，总量突破4万亿元: the total of what grew; of nothing named, none
            grew = _GREW_BEFORE.search(self.text, max(sentence[0], label_start - 24), label_start)
            name = _ECONOMY_LEAD.sub("", grew["name"]) if grew else ""
            return (name, q) if len(name) >= 2 else None
        if _TRADE_EXIT.search(metric):
            return None  # 看跌头寸…，止损价92美元: where a trade would be closed, no price seen
        if q.unit in ("bp", "pp") and _RATE_LEVEL.search(metric):
            # 10年期国债收益率22.8个基点，报1.658%: a yield's level is a percentage; points
            # after its bare name are a move (or a hike) whose direction the label lost
            return None
        if (
            q.unit == "money"
            and _PAID_TOTAL.fullmatch(metric)
            and _PAID_BEFORE.search(self.text, max(sentence[0], label_start - 4), label_start)
            and "回购" in self.text[sentence[0] : label_start]
        ):
            return "buyback_amount", q  # 已累计回购…股，已支付的资金总额为…: the buyback's cost
        if _KIND_OF_GROWTH.fullmatch(metric):
            # 软件业务收入94994亿元，同比增长17.7%，两年复合增长率为15.5%: the level's; with
            # no level stated before it (收入增速企稳，两年平均增速为6.2%), nobody's
            last = self.last
            if (
                last is not None
                and self.last_end >= sentence[0]
                and last.metric.endswith("_yoy")
                and last.object is None
            ):
                return base_metric(last.metric) + metric, q  # named as its growth on the year is
            grown = self._level_grown(sentence, label_start)
            return None if grown is None else (grown[0] + metric, q)
        return metric, q

    def _change_amount(
        self, way: str, q: Quantity, sentence: tuple[int, int], label_start: int
    ) -> tuple[str, Quantity] | None:
        """净利润为-860万元到-1030万元，与上年同期相比，减少金额约为5457万元到5627万元: the
        change on the year of the figure just stated, in its unit (a fall signed so); none
        when no figure was just stated or no base is named."""
        last = self.last
        if (
            last is None
            or q.unit != last.unit
            or not sentence[0] <= self.last_end <= label_start
            or not _ON_THE_YEAR.search(self.text, self.last_end, label_start)
        ):
            return None
        if way in _FALLS and q.value > 0:
            low = -(q.high if q.high is not None else q.value)
            q = replace(q, value=low, high=-q.value if q.high is not None else None, negative=True)
        return base_metric(last.metric) + "_yoy_change", q

    def _misnamed(self, fact: ExtractedFact) -> bool:
        """Whether a fact's metric misstates what its figure is of: a bare kind of figure, or
        a company's result or a market share filed for an economy with no part named."""
        metric = base_metric(fact.metric.removesuffix("_forecast"))
        if (
            metric in _BARE_NAMES
            or (metric[:1] in _POINTER_FIRST and _POINTER.fullmatch(metric) is not None)
            or (metric[-1:] in _PERIOD_LAST and _PERIOD_ONLY.fullmatch(metric) is not None)
            or _ESTIMATE_ONLY.fullmatch(metric) is not None
            or _TENOR_ONLY.fullmatch(metric) is not None
        ):
            # 从全球制造业PMI变化看，指数仍保持在54%以上: which index is lost; 而在12月，该指数
            # 仅为0.8: whose, the pointer does not say; 最后一个季度环比增长1.1%: of what
            return True
        if metric.startswith("连续") and _STREAK.fullmatch(metric):
            return True  # 数据流量持续较快增长，连续3年增速超过20%: a streak's floor, no figure
        if metric.startswith(("对", "向")) and metric.startswith(fact.subject, 1):
            # 而据乙披露，其对甲的关联销售金额为…, carried to 甲: the subject is the party the
            # figure is dealt with, not whose figure it is (which 其 points to)
            return True
        if fact.object is not None or not _economy(fact.subject):
            return False
        return (
            metric in _COMPANY_RESULTS
            or metric in _MARKET_SHARE
            or _CONTRACTED_SALES.fullmatch(metric) is not None
        )
