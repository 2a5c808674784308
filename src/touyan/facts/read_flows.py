"""Whose money a flow is, when its label does not say.

A money-flow card names the owner once (主力资金流入5513万元) and then writes bare flows
(流出4121万元，实现净流入1392万元), window flows (过去20日总流入), or a list of windows after
a lead-in (主力资金流向如下：- 过去3日：总流入为…); each is the owner's named before,
over its own window. `_flow_of_last` names such a flow as the one before it was named, and
`_both_flows` the two of a figure said of both (总流入和总流出均为…).
"""

from __future__ import annotations

import re

from touyan.facts.labels import LABEL_METRIC
from touyan.facts.market import FLOW_METRICS
from touyan.facts.reader import Reader

# Flows named without whose money they are, and the money a flow named before is.
_BARE_FLOWS = {"流入": "inflow", "流出": "outflow", "净流入": "net_inflow", "净流出": "net_outflow"}
_FLOW_OWNER = re.compile(
    r"(?P<who>main|hot_money|retail)_(?:net_)?(?:inflow|outflow)(?P<days>_\d{1,3}d)?$"
)
# A day named between a window's flow and a bare one (5日主力流入2亿元，今日净流入…): the bare
# one is not the window's.
_DAY_WORD = re.compile(r"今日|当日|今天|当天|日")
# A list of flows over windows after a lead-in that names whose money they are (X的主力资金流向
# 如下：- 过去3日：总流入为1.46亿 - 过去10日：…): each item's window, the lead-in's owner.
_FLOW_LEAD = re.compile(r"(?P<lead>[^，,。；;#\n]{0,40})如下\s*[:：]")
_ITEM_WINDOW = re.compile(r"(?:过去|近|最近)\s*(?P<n>\d{1,3})\s*(?:日|天|个交易日)\s*[:：]")
_ITEM_FLOWS = {**_BARE_FLOWS, "总流入": "inflow", "总流出": "outflow"}
_PERIOD_DAYS = re.compile(r"(?:过去|近|最近)(?P<n>\d{1,3})(?:日|天|个交易日)")
_OWNER_KEY = (("主力", "main"), ("游资", "hot_money"), ("散户", "retail"))
# A window's flow named without whose money it is (过去20日总流入), and the owner a flow named
# before it in the same line was written with (主力资金过去5日总流入, 主力资金在过去10日…).
_WINDOW_FLOW = re.compile(
    r"(?:过去|近|最近)\s*\d{1,3}\s*(?:日|天|个交易日)内?(?:总|合计|累计)?净?(?:流入|流出)"
)
_OWNER_WORDS = re.compile(
    r"主力资金|主力|超大单|大单|中单|小单|散户资金|散户|游资资金|游资|北向资金"
)
_OWNER_OF = {"main": "主力资金", "hot_money": "游资资金", "retail": "散户资金"}


class FlowSteps(Reader):
    """The metric of a flow named without its owner or its window."""

    def _flow_of_last(self, metric: str, sentence: tuple[int, int], label_start: int) -> str:
        """A bare flow (流出, 净流入) after a named flow in its sentence is the same money's:
        主力资金流入5513万元，流出4121万元，实现净流入1392万元 are all the main force's; so is
        a window's (主力资金过去3日总流入为0.87亿元，过去10日总流入为4.62亿元) after one in its
        line."""
        last = self.last
        if (
            _WINDOW_FLOW.fullmatch(metric)
            and last is not None
            and "\n" not in self.text[self.last_end : label_start]
        ):
            if named := _OWNER_WORDS.match(last.metric):
                return named.group() + metric
            if owner := _FLOW_OWNER.match(last.metric):
                return _OWNER_OF[owner["who"]] + metric
        if metric in _ITEM_FLOWS and (listed := self._listed_flow(label_start)):
            return f"{listed[0]}_{_ITEM_FLOWS[metric]}_{listed[1]}d"
        if metric not in _BARE_FLOWS or last is None or self.last_end < sentence[0]:
            return metric
        owner = _FLOW_OWNER.match(last.metric)
        if owner is None:
            return metric
        days = owner["days"] or ""
        if days and _DAY_WORD.search(self.text, self.last_end, label_start):
            days = ""
        # 5日主力资金流入1.73亿元，净流入286.40万元: the window's net inflow too
        return f"{owner['who']}_{_BARE_FLOWS[metric]}{days}"

    @staticmethod
    def _both_flows(names: tuple[str, ...], period: str | None) -> list[str]:
        """The metrics of two figures said to be one (A和B均为): each name's, and for flows
        (主力资金总流入和总流出均为21.46亿) the second is the first one's money's, and both are
        the window's (过去10日的…) when the figure has one."""
        metrics = [LABEL_METRIC.get(name, name) for name in names]
        owner = _FLOW_OWNER.match(metrics[0])
        if owner is None or owner["days"]:
            return metrics
        if metrics[1] in _ITEM_FLOWS:
            metrics[1] = f"{owner['who']}_{_ITEM_FLOWS[metrics[1]]}"
        days = _PERIOD_DAYS.fullmatch(period or "")
        if days:
            metrics = [f"{m}_{days['n']}d" if m in FLOW_METRICS else m for m in metrics]
        return metrics

    def _listed_flow(self, label_start: int) -> tuple[str, int] | None:
        """(owner, days) of a bare flow (总流入) in a list item that opens with its window
        (- 过去10日：总流入为2.48亿，总流出为2.51亿) after a lead-in naming whose money the list
        is (主力资金流入流出情况如下：)."""
        lo = max(self.text.rfind("\n", 0, label_start) + 1, label_start - 200)
        leads = list(_FLOW_LEAD.finditer(self.text, lo, label_start))
        if not leads:
            return None
        lead = leads[-1]
        if any(c in self.text[lead.end() : label_start] for c in "。#；;"):
            return None
        who = next((k for w, k in _OWNER_KEY if w in lead["lead"]), None)
        items = list(_ITEM_WINDOW.finditer(self.text, lead.end(), label_start))
        if who is None or not items:
            return None
        return who, int(items[-1]["n"])
