"""Which fund a count of shares bought or sold is of, when the stock is what the fund traded.

A fund's quarterly report is told as the fund's trades (某某成长基金…，加仓了甲、乙等个股，其中，
甲…增持了343.69万股): the stock opens the clause of the count, but it is the object of the
fund's 加仓, not a company trading or a holder of its own. The count is the fund's trade in
the stock: filed under the stock with the fund as its holder, as `read_owner` files a holder's
sale; dropped when no fund opens a clause of the sentence before the trade.

So is a figure of a fund a sentence opens with, or points back to (该基金), when the record it
would fall to is a company (`fund_meant`): the fund's, not the company's the text is about (a
fund's manager, a broker).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The fund's trade verb, right before the stock it names (加仓了甲, 减持了乙).
_TRADED = re.compile(r"(?:加仓|减仓|增持|减持|买入|卖出|建仓)了?")
# A fund opening a clause (，某某成长基金主要在…): who traded. (Not 基金经理, 基金公司.)
_FUND_OPENS = re.compile(
    r"(?:^|(?<=[，,；;。\n]))\s*(?P<fund>[\u4e00-\u9fffA-Za-z0-9]{2,16}?基金)(?!经理|公司|的)"
)


def fund_trade(
    text: str, sentence: tuple[int, int], label_start: int, stock_starts: Iterable[int]
) -> str | None:
    """The fund whose trade a count is, when the sentence names the stock (at one of
    `stock_starts`) right after a fund's trade verb before the count: the fund's name, or ""
    when no fund opens a clause before that verb (a trade of someone unnamed). None when the
    stock is named as no one's trade."""
    starts = set(stock_starts)
    verbs = [v for v in _TRADED.finditer(text, sentence[0], label_start) if v.end() in starts]
    if not verbs:
        return None
    funds = list(_FUND_OPENS.finditer(text, sentence[0], verbs[0].start()))
    return funds[-1]["fund"] if funds else ""


# A sentence opening on a fund no dictionary knows (某市城市更新引导私募基金近日完成备案，规模为
# …), or pointing back to one (该基金采用…模式，其中…): the fund's figures.
_FUND_LEAD = re.compile(
    r"\s*(?P<fund>[\u4e00-\u9fffA-Za-z0-9]{4,16}?基金)(?!经理|公司|管理人|会|业|行业|的)"
)
_FUND_POINTED = re.compile(r"(?:该|此|这只|这支)基金")
# A kind of fund, not one fund (私募基金, 公募基金): no fund's name.
_FUND_KIND = re.compile(r"^(?:公募|私募|货币|债券|股票|混合|指数|偏股|偏债|权益|对冲|养老|社保)")


def fund_meant(text: str, sentence_start: int, label_start: int) -> tuple[int, int] | None:
    """Where the figure's sentence opens on a fund (某某引导私募基金近日完成备案，规模为…) or
    points back to one (该基金…，其中引导基金规模…) before the label: the fund's figure, never
    a company's the text is about, unless the words name that company (the caller asks)."""
    if "基金" not in text[sentence_start:label_start]:
        return None  # the common case, cheaply
    pointed = _FUND_POINTED.search(text, sentence_start, label_start)
    if pointed is not None and "基金" in text[:sentence_start]:
        return pointed.span()  # (该基金 after a fund named before: that one)
    lead = _FUND_LEAD.match(text, sentence_start, label_start)
    return lead.span("fund") if lead is not None and not _FUND_KIND.match(lead["fund"]) else None
