"""A bond yield's level and its move in basis points, as market wraps write them.

"10年期美债收益率上涨5个基点至4.52%" states two figures of one yield: its move (5 basis points
up) and the level it reached (4.52%). Neither is a growth rate nor a price, and no label stands
before either, so the label readers take neither; the yield's own name (an instrument of the
dictionary ending in 收益率) right before them says what they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.entities import Mention
from touyan.facts.extract import ExtractedFact
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

# A move in basis points right after the yield's name (上涨5个基点, 下行1.5bp, 跌3.2个基点).
_MOVE = re.compile(
    r"\s*(?:今日|当日|当天|周[一二三四五]|尾盘)?\s*"
    r"(?P<verb>上涨|上升|上行|攀升|升|涨|下跌|下降|下行|回落|跌|降)了?\s*(?:约|逾|超)?\s*$"
)
# The level after the name, or after its move (至4.52%, 报4.38%, 收于4.2%): the move
# written between is one figure in basis points.
_LEVEL = re.compile(
    r"(?:[^\d，,。；;]{0,8}?\d+(?:\.\d+)?\s*(?:个基点|bp|BP|bps)[，,]?)?\s*"
    r"(?:至|报|收于|收报|报收|为|在)\s*$"
)
_FALLS = frozenset({"下跌", "下降", "下行", "回落", "跌", "降"})


class YieldShapes(Reader):
    def _yield_figure(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A yield's move in basis points or the level it is at, right after its name."""
        named = self._yield_named(q, sentence)
        if named is None:
            return None
        between = self.text[named.end : q.span[0]]
        if "一度" in between or "盘中" in between or "日内" in between:
            return None  # 一度攀升9个基点至1.06%: how far it went in the session, not where it is
        if q.unit == "bp" and (moved := _MOVE.match(between)):
            falls = moved["verb"] in _FALLS
            q = replace(q, value=-abs(q.value) if falls else abs(q.value), negative=falls)
            return self._fact_for(named.entity.name, "yield_change_bp", q, sentence, quote, None)
        if q.unit == "%" and _LEVEL.fullmatch(between):
            return self._fact_for(named.entity.name, "yield", q, sentence, quote, None)
        return None

    def _yield_named(self, q: Quantity, sentence: tuple[int, int]) -> Mention | None:
        """The last name in the figure's sentence before it, when it is a yield's."""
        before = [m for m in self.mentions if sentence[0] <= m.start and m.end <= q.span[0]]
        if not before:
            return None
        last = before[-1]
        if last.entity.kind != "instrument" or not last.entity.name.endswith("收益率"):
            return None
        return last
