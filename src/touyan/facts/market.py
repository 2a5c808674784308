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
