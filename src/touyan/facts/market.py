"""A market day's breadth: how many stocks rose, fell, stayed flat, hit the limit up or down.

Market wraps count stocks in a few fixed shapes (上涨个股有1595只, 1417只个股上涨, 涨停的有60只,
共有76只涨停股, 78股涨停, 下跌个股3916只). Those counts are the market's, so they are filed under
the A-share market; a count said of a sector, a board or another market (板块内, 创业板, 港股)
names a different whole, and is left alone rather than filed under the wrong one.
"""

from __future__ import annotations

import re

from touyan.facts.entities import EntityRecord

MARKET = EntityRecord("A股", "index", market="cn_a")

_MOVES = {
    "上涨": "advancers",
    "下跌": "decliners",
    "平盘": "unchanged",
    "涨停": "limit_up_count",
    "跌停": "limit_down_count",
}
_MOVE = r"(?P<move>上涨|下跌|平盘|涨停|跌停)(?!板|价|天|日|[个只家]?交易日)"
_UNIT = r"\s*(?:只|家|股)(?![交月季年百点])"
# 上涨个股有1595只, 跌停股有9只, 涨停的有60只, 涨停76只
_MOVE_FIRST = re.compile(
    _MOVE + r"(?:的)?(?:个股|股票|股)?(?:数量?|家数)?(?:有|共|共有|为|达)?\s*"
    r"(?:近|约|超|逾)?(?P<n>\d+)" + _UNIT
)
# 1417只个股上涨, 78股涨停, 76只涨停股: not 连收8个涨停板 (a streak, not a count)
_COUNT_FIRST = re.compile(
    r"(?<![连第\d.])(?:近|约|超|逾)?(?P<n>\d+)" + _UNIT + r"(?:个股|股票)?" + _MOVE
)
# The count is some other whole's: a sector's, a board's, another market's, a portfolio's.
_OTHER_WHOLE = re.compile(
    r"板块|行业|概念|成分|题材|沪市|深市|创业板|科创板|北交所|主板|港股|美股|恒指|分别|新高|新低|"
    r"名单|榜|持仓|重仓|基金|组合"
)
_CLAUSE = re.compile(r"[。！？!?；;\n]")
_REACH = 80


def breadth_counts(text: str) -> dict[int, str]:
    """The start of each market-breadth count in `text`, with its metric."""
    out: dict[int, str] = {}
    for shape in (_MOVE_FIRST, _COUNT_FIRST):
        for found in shape.finditer(text):
            lo = max(0, found.start() - _REACH)
            lead = max((m.end() for m in _CLAUSE.finditer(text, lo, found.start())), default=lo)
            if _OTHER_WHOLE.search(text, lead, found.start()):
                continue
            out[found.start("n")] = _MOVES[found["move"]]
    return out


# 近一周、近一月及近一年分别录得1.84%、3.76%及12.76%的涨幅: one move per trailing window.
_WINDOW = (
    r"(?:近(?:一|两|二|三|六|十二|1|2|3|6|12)个?(?:周|月|季度|年)|今年以来|年初至今|"
    r"近\d{1,3}个?(?:交易日|日|天))"
)
_WINDOW_LIST = re.compile(
    rf"(?P<list>{_WINDOW}(?:\s*(?:、|和|及|与|以及)\s*{_WINDOW})+)"
    r"(?:的?(?:股价|涨跌幅|涨幅|跌幅|收益率?))?\s*$"
)
_WINDOW_SPLIT = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_WINDOW_VERB = re.compile(r"(?:录得|上涨|下跌|涨|跌|为|是|达|分别)*")
_WINDOW_KIND = re.compile(r"\s*的?(?P<kind>涨跌幅|涨幅|跌幅|收益率?|回报率?)")
_FALLS = ("下跌", "跌", "跌幅")


def window_moves(head: str, verb: str, tail: str, count: int) -> list[tuple[str, bool]] | None:
    """(label, falls) per window of `head` (the text before 分别), when there are `count` of
    them and the words around the figures say a move or a return: 分别录得…的涨幅, 分别上涨,
    涨幅分别为. `tail` is the text right after the last figure."""
    found = _WINDOW_LIST.search(head)
    if found is None or _WINDOW_VERB.fullmatch(verb) is None:
        return None
    windows = _WINDOW_SPLIT.split(found["list"])
    if len(windows) != count:
        return None
    after = _WINDOW_KIND.match(tail)
    named = head[found.end("list") :].strip().removeprefix("的").removeprefix("股价")
    kind = after["kind"] if after else named
    if not kind and any(v in verb for v in ("上涨", "下跌", "涨", "跌")):
        kind = "涨跌幅"
    if not kind:
        return None  # 近一周、近一月分别为3%、5%: of what, the text does not say here
    falls = kind in _FALLS or "跌" in verb
    what = "收益率" if kind.startswith(("收益", "回报")) else "涨跌幅"
    return [(w + what, falls) for w in windows]


# A title about a sector (通信板块近期有什么事件和观点？, 半导体板块午后拉升): the text's market-day
# figures that name no one else are the sector's. Not 该板块, 相关板块, a list (煤炭等板块).
_SECTOR_TITLE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10}?板块)")
_NOT_A_SECTOR = re.compile(r"^(?:该|各|相关|其他|多个|部分|整个|所属|热门|两|本)|[等和及与、]")
# What a sector's day is told in: its move and the money that moved in or out of it.
SECTOR_METRICS = frozenset(
    {"change_pct", "main_net_inflow", "main_net_outflow", "main_inflow", "main_outflow", "turnover"}
)


def sector_of_title(title: str) -> EntityRecord | None:
    found = _SECTOR_TITLE.match(title)
    if found is None or _NOT_A_SECTOR.search(found["name"][:-2]):
        return None
    return EntityRecord(found["name"], "index", market="cn_a")


# 龙虎榜: a broker seat's buying or selling of the stock listed that day (A营业部、B营业部分别买入
# 2804.85万元、1288.30万元; 机构专用买入5300万元). The seat is the subject, the stock the object.
_SEAT = r"[\u4e00-\u9fffA-Za-z0-9()（）]{2,40}?(?:营业部|专用|交易单元)"
_SEATS = re.compile(
    rf"(?P<list>{_SEAT}(?:、{_SEAT})*)(?P<each>分别)?(?P<verb>买入|卖出)(?:金额)?(?:为|了)?\s*$"
)
_NOT_A_SEAT = re.compile(r"买入|卖出|显示|其中|合计|前五|累计|榜")
SEAT_METRICS = {"买入": "seat_buy", "卖出": "seat_sell"}


def seat_figures(head: str, count: int) -> tuple[list[str], str] | None:
    """The seats named in `head` (the clause before the figures) and the metric, when they are
    `count` and each is a seat's name: one seat for one figure, or a list before 分别."""
    found = _SEATS.search(head)
    if found is None:
        return None
    seats = found["list"].split("、")
    if len(seats) != count or (count > 1 and not found["each"]):
        return None
    if any(_NOT_A_SEAT.search(s) for s in seats):
        return None
    return seats, SEAT_METRICS[found["verb"]]
