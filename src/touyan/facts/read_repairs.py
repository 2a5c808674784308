"""A figure whose name came out as a clause, renamed as the clause means it or dropped.

A label may be read across words that are no figure's name (该股累计上涨, 苹果、英伟达纷纷上涨,
滚动股息率和静态股息率均为, 一是首发特别国债, 高于市场94%的公司): such a fact is repaired before
it is kept, as the window's move, both figures', the item without its list's marker, or a
card's rank among the market's companies, and else dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from touyan.facts.bulletin import shared_tail
from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import LABEL_METRIC
from touyan.facts.read_flows import FlowSteps

# A diagnosis card's rank of a figure among the market's companies (ROE为22.39%，高于市场94%的
# 公司): where the figure stands, as the share of companies it is above or below (a rank of
# a forecast, 未来三年…增长率, marked so when the window made the clause a forecast's).
_RANK_TAIL = r"(?P<side>[高低])于市场上?(?:_forecast)?$"
_MARKET_RANK = re.compile(rf"(?P<base>.+?){_RANK_TAIL}")
# Words no figure's name holds: a clause read as a label (该股累计上涨, 苹果、英伟达纷纷上涨,
# 总资产与上年度末相比微增, 滚动股息率和静态股息率均为: one figure for two; a card's rank; a
# name cut at the bracket its figure opens, 某某边疆区（5746台: a list's item, no label).
GARBLED = re.compile(
    r"^[一二三四五六七八九十]是|该股|纷纷|相比|期间整体|(?<![日年月人户平])均(?:$|_)|都(?:$|_)"
    r"|[（(](?:$|_)"
    rf"|{_RANK_TAIL}"
)


@lru_cache(maxsize=1024)
def garbled(metric: str) -> bool:
    """Whether a metric holds words no figure's name holds (`GARBLED`). (Cached, bounded: every
    fact asks, and texts share most of their metrics.)"""
    return GARBLED.search(metric) is not None


# What `_repaired` reads a garbled label by: a list's marker (一是), a window's move named by
# a clause (近5日该股累计上涨), two figures said as one (A和B均为), a derived metric's suffixes.
_LIST_MARKER = re.compile(r"[一二三四五六七八九十]是")
_WINDOWED_MOVE = re.compile(r"(?:近\S{1,6})?(?:该股累计|期间整体)_yoy")
_BOTH = re.compile(r"(?P<a>[\u4e00-\u9fffA-Za-z]{2,12})和(?P<b>[\u4e00-\u9fffA-Za-z]{2,12})均")
_SUFFIXES = re.compile(r"(?:_(?:yoy|qoq|ytd|change|forecast|cagr))+")


class RepairedLabels(FlowSteps):
    """The facts a garbled label's figure states, as its clause means them."""

    def _repaired(self, fact: ExtractedFact) -> list[ExtractedFact]:
        """A figure under a clause read as a label, named as the clause means it when it can
        be: (近5日)该股累计上涨3.96% and 在近7个交易日中…期间整体上涨2.75% are the window's
        move, as of a recent day (not a year named before); 滚动股息率和静态股息率均为0.61% is
        both figures'; 一是首发特别国债1650亿元 is the bond's, without the list's marker. Else
        nothing is said."""
        if _WINDOWED_MOVE.fullmatch(fact.metric) and fact.period and fact.period.startswith("近"):
            label = f"{fact.period}涨跌幅"
            as_of = fact.as_of
            if self.published_at and (as_of is None or (self.published_at - as_of).days > 31):
                as_of = self.published_at
            return [replace(fact, metric=LABEL_METRIC.get(label, label), as_of=as_of)]
        if (marker := _LIST_MARKER.match(fact.metric)) and len(fact.metric) - marker.end() >= 2:
            return [replace(fact, metric=fact.metric[marker.end() :])]  # 一是首发…国债1650亿元
        if both := _BOTH.fullmatch(fact.metric):
            return [replace(fact, metric=m) for m in self._both_flows(both.groups(), fact.period)]
        if (both := _BOTH.match(fact.metric)) and _SUFFIXES.fullmatch(fact.metric, both.end()):
            # 出厂价格和购进价格均下降2.2%: each one's growth (鲜菜和鸡蛋价格: 鲜菜价格)
            items, suffix = [both["a"], both["b"]], fact.metric[both.end() :]
            named = [shared_tail(items, n) for n in range(2)]
            return [replace(fact, metric=LABEL_METRIC.get(n, n) + suffix) for n in named]
        if rank := _MARKET_RANK.fullmatch(fact.metric):
            side = "above" if rank["side"] == "高" else "below"
            base = LABEL_METRIC.get(rank["base"].lower(), rank["base"])
            return [replace(fact, metric=f"{base}_{side}_market_pct")]
        return []
