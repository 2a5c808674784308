"""Where the before-labels (`labels.LABELS`) stand in a text, found once for all its figures.

The reader asks, for every figure, which labels lie in the few characters before it. Running
the 335-way `LABELS` alternation over each such window was the costliest step of reading a
figure-dense text (a quote page holds dozens of figures); one native Aho-Corasick scan of the
whole text finds every label at every position instead, and each window's question is then
answered from that list.

The answer must be the very matches `LABELS.finditer(text[lo:hi])` gives, because which label
names a figure depends on them: leftmost first, the first alternative (the longest label) that
fits inside the window, the next match searched from the end of the previous one (营业总收入
hides the 收入 inside it), and no label that starts before `lo` or ends after `hi`.
"""

from __future__ import annotations

import functools
from bisect import bisect_left

import ahocorasick_rs

from touyan.facts.labels import LABEL_METRIC, LABELS

# The lower-cased labels; `_SCAN` reports matches by their index in this tuple.
_KEYS: tuple[str, ...] = tuple(LABEL_METRIC)
_SCAN = ahocorasick_rs.AhoCorasick(list(_KEYS))
# Characters the regex's IGNORECASE matches to a label's letter although `str.lower` does not
# map them to it (ſ matches s, ı and İ match i): a text holding one is read by the regex itself.
# The test derives this set anew from every code point.
FOLD_TRAPS = frozenset("İıſ")


class LabelIndex:
    """Every label occurrence in one text, overlapping ones included, by start position."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, lowered: str) -> None:
        by_start: dict[int, list[tuple[int, str]]] = {}
        for index, start, end in _SCAN.find_matches_as_indexes(lowered, overlapping=True):
            by_start.setdefault(start, []).append((end, _KEYS[index]))
        self._starts = sorted(by_start)
        # Longest first: the alternation's order (营业总收入 before 收入 at one position).
        self._ends = [sorted(by_start[s], reverse=True) for s in self._starts]

    def spans(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """(start, end, lower-cased label) of what `LABELS.finditer(text[lo:hi])` matches."""
        found: list[tuple[int, int, str]] = []
        after = lo  # where the next match may start: matches do not overlap
        starts = self._starts
        for i in range(bisect_left(starts, lo), len(starts)):
            start = starts[i]
            if start >= hi:
                break
            if start < after:
                continue  # inside the previous match (收入 in 营业总收入)
            for end, key in self._ends[i]:
                if end <= hi:  # a longer label running past the figure is not in the window
                    found.append((start, end, key))
                    after = end
                    break
        return found


@functools.lru_cache(maxsize=2)
def label_index(text: str) -> LabelIndex | None:
    """The index of `text`, or None where only the regex reads it exactly (see FOLD_TRAPS)."""
    lowered = text.lower()
    # (each trap looked for by `in`, a native substring search: a character class scanned
    # over the whole text cost more than the rest of building the index)
    if len(lowered) != len(text) or any(trap in text for trap in FOLD_TRAPS):
        return None  # a character whose lower case is longer would shift every position
    return LabelIndex(lowered)


def label_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased label) of each label `LABELS.finditer` finds in text[lo:hi]."""
    index = label_index(text)
    if index is not None:
        return index.spans(lo, hi)
    return [(lo + m.start(), lo + m.end(), m.group().lower()) for m in LABELS.finditer(text[lo:hi])]
