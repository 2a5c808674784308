"""Windows a sentence does not name but takes from the sentence or clause before it: a
sentence opening with 期间 is the span named before it, a clause opening with 期间 after a
run of days (连续第3日) is over the run, and the second flow of a pair joined by a semicolon
is over the first's window. (`dating.date_for` asks, when a sentence names no
date before its figure.)"""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# How a trailing window is written (近7日, 过去90天, 最近一个月; not 上月, 今年).
TRAILING = ("近", "过去", "最近")
_STOPS = ("。", "！", "？", "!", "?", "\n")


def window_before(
    start: int, q: Quantity, dates: Sequence[DateMention], text: str
) -> DateMention | None:
    """The trailing window the figure at `q`, in a sentence opening at `start` that names no
    date before it, takes from the words before that sentence, if any."""
    if text.startswith(_BACK_TO_SPAN, start):
        return _span_before(start, dates, text)
    if start and text[start - 1] in "；;":
        return _paired_flow_window(start, q, dates, text)
    return None


# A sentence that opens by pointing back at a span (回顾近5个交易日，…。期间整体上涨1.7%，最高价
# 为8.36元): its figures are the span's.
_BACK_TO_SPAN = ("期间", "这期间", "此期间", "该期间", "其间")


def _span_before(start: int, dates: Sequence[DateMention], text: str) -> DateMention | None:
    """The trailing window the sentence before `start` names last, which a sentence opening
    with 期间 refers back to (its high and low are the window's, not a day's)."""
    opened = max(text.rfind(stop, 0, start - 1) for stop in _STOPS) + 1
    named = [d for d in dates if opened <= d.span[0] < start]
    if named and named[-1].granularity == "relative" and named[-1].text.startswith(TRAILING):
        return named[-1]
    return None


# A flow's label (融资净流入, 融券净流出, 主力净买入): the second of a pair joined by a
# semicolon shares the first's window.
_FLOW_LABEL = re.compile(r"[^\d，,。；;！？!?\n]{0,12}?净(?:流入|流出|买入|卖出|偿还)\s*")


def _paired_flow_window(
    start: int, q: Quantity, dates: Sequence[DateMention], text: str
) -> DateMention | None:
    """The trailing window of the flow a clause before a semicolon states, for the flow that
    opens the clause after it: "近3个月融资净流入3210.5万，融资余额增加；融券净流出86.2万，融券
    余额减少" is the short side's flow over the same three months, not a day's."""
    if not _FLOW_LABEL.fullmatch(text, start, q.span[0]):
        return None
    opened = max(text.rfind(stop, 0, start) for stop in _STOPS) + 1
    named = [d for d in dates if opened <= d.span[0] < start]
    if (
        not named
        or named[-1].granularity != "relative"
        or not named[-1].text.startswith(TRAILING)
        or not (flow := _FLOW_LABEL.match(text, named[-1].span[1]))
        or not text[flow.end() : flow.end() + 1].isdigit()
    ):
        return None
    return named[-1]


# A run of days a sentence names (为连续第3日净买入, 连续5个交易日上涨) and a clause after it
# opening on 期间 (，期间该股累计成交…，合计净买入…): the figures from that clause on are over
# the run, not the day's.
_RUN = re.compile(
    r"连续第?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?P<unit>个交易日|个?工作日|日|天|周|个月)"
)
_RUN_BACK = re.compile(r"[，,；;]\s*(?:这期间|此期间|该期间|期间|其间)")


def run_window(text: str, sentence_start: int, at: int) -> str | None:
    """The run of days (连续3日) a figure at `at` is over: one its sentence names before a
    clause opening on 期间 that comes before the figure."""
    if text.find("间", sentence_start, at) < 0:
        return None  # the common case, cheaply: every `_RUN_BACK` ends in 间
    backs = list(_RUN_BACK.finditer(text, sentence_start, at))
    if not backs:
        return None
    runs = list(_RUN.finditer(text, sentence_start, backs[-1].start()))
    if not runs:
        return None
    return f"连续{runs[-1]['n']}{runs[-1]['unit']}"
