"""Which Stock Connect channel a count of shares traded, or the price it traded at, is of.

Data news tells the cross-border money's trades in a stock as the channel's (某日北向资金减持
31.20万股某某; 近几日获北向资金增持的有3天，累计净增持2.3万股; 陆股通累计净卖出7.42万股，…，
区间平均卖出价18.60元): the count and the price are filed under the stock, but the trader is
the channel, as a holder is the object of its own sale — never the company buying or selling
its own shares. The channel is the trader when it is the
last one its run of clauses (up to a semicolon or the sentence's end) names before the figure:
no holder, officer, fund or other money flow stands between.
"""

from __future__ import annotations

import re

# The Stock Connect channels and the money they carry, which trade and hold as one holder.
CONNECT = r"(?:沪深股通|沪股通|深股通|陆股通|港股通|北向资金|南向资金|北上资金|南下资金)"
# The channel trading (北向资金减持, 陆股通累计净卖出, 获南向资金增持的有3天).
_CHANNEL_TRADES = re.compile(
    rf"(?P<channel>{CONNECT})(?:累计|合计|共|今日|当日|昨日|连续)?净?"
    r"(?:增持|减持|买入|卖出|加仓|减仓)"
)
# Anyone else who may trade, or another flow of money, between the channel and the figure.
_OTHER_TRADER = re.compile(
    r"股东|董事|监事|高管|经理|总裁|实际控制人|实控人|机构|基金|营业部|席位|融资|融券|主力|游资|"
    r"散户|公司|集团|[(（]|先生|女士"
)
TRADED_COUNTS = ("shares_bought", "shares_sold")
# The average price a channel's trades over a window were made at (区间平均卖出价).
_TRADE_PRICE = re.compile(r"平均(?:买入|卖出)价$")


def connect_trader(text: str, metric: str, sentence: tuple[int, int], at: int) -> str | None:
    """The channel whose trade the count or price at `at` (of `metric`) is, when its run of
    clauses names the channel trading and no one else after it; None otherwise."""
    if metric not in TRADED_COUNTS and not _TRADE_PRICE.search(metric):
        return None
    last = _last_in_clauses(_CHANNEL_TRADES, text, sentence, at)
    if last is None or _OTHER_TRADER.search(text, last.end(), at):
        return None
    return last["channel"]


def _last_in_clauses(
    pattern: re.Pattern[str], text: str, sentence: tuple[int, int], at: int
) -> re.Match[str] | None:
    """The last match of `pattern` in the run of clauses before `at` (back to a semicolon or
    the sentence's start)."""
    lo = max(sentence[0], *(text.rfind(c, sentence[0], at) + 1 for c in "；;"))
    found = list(pattern.finditer(text, lo, at))
    return found[-1] if found else None


# A stock's flows a channel's trading list tells (深沪股通成交活跃股中，某股成交9亿元，成交
# 净买入1亿元; 北向资金净买入6亿元，某股获净买入2亿元): the channel's trades in it, not the
# stock's.
_CHANNEL = re.compile(r"深沪股通|" + CONNECT)  # (深沪股通 is no 沪股通)
_FLOW_NAMES = {
    "turnover": "成交额",
    "获净买入": "净买入",
    "净买入": "净买入",
    "成交净买入": "成交净买入",
    "累计成交": "累计成交额",
    "累计净买入": "累计净买入",
}
# A whole market's figures between the channel and the label: not the channel's trades.
_MARKET_WORDS = re.compile(r"两市|沪指|大盘|市场|板块|行业|指数|全天成交额|合计")
_ACTIVE_LIST = "成交活跃股"


def connect_flow(text: str, metric: str, sentence: tuple[int, int], label_start: int) -> str:
    """The metric of a stock's turnover or net buying its run of clauses tells as a channel's
    (深沪股通成交额, 北向资金净买入); the metric as it is otherwise. A turnover is the channel's
    only on its list of active stocks."""
    name = _FLOW_NAMES.get(metric)
    if name is None:
        return metric
    last = _last_in_clauses(_CHANNEL, text, sentence, label_start)
    if last is None:
        return metric
    between = text[last.end() : label_start]
    if _OTHER_TRADER.search(between) or _MARKET_WORDS.search(between):
        return metric
    if metric == "turnover" and not between.startswith(_ACTIVE_LIST):
        return metric  # (港股通的成交额: the channel's own, its part named as the object)
    return last.group() + name
