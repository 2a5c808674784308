"""A short passage around the query terms, with the terms marked in Markdown bold."""

from __future__ import annotations

import re
from collections.abc import Sequence

WIDTH = 160


def make_snippet(text: str, terms: Sequence[str], width: int = WIDTH) -> str:
    hits = _hits(text, terms)
    if not hits:
        return _clip(text, 0, width)
    start = _best_window(hits, width)
    window_start = max(0, start - width // 6)
    window_end = min(len(text), window_start + width)
    parts: list[str] = []
    cursor = window_start
    for s, e in hits:
        if s < cursor or e > window_end:
            continue
        parts.append(text[cursor:s])
        parts.append(f"**{text[s:e]}**")
        cursor = e
    parts.append(text[cursor:window_end])
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(text) else ""
    return prefix + "".join(parts).replace("\n", " ") + suffix


def _hits(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Matches of the terms (longest first where they overlap), adjacent ones merged."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    if not ordered:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)
    merged: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _best_window(hits: list[tuple[int, int]], width: int) -> int:
    """Start of the window of `width` chars holding the most distinct matches."""
    best_start, best_count = hits[0][0], 0
    j = 0
    for i, (start, _) in enumerate(hits):
        while j < len(hits) and hits[j][1] <= start + width:
            j += 1
        if j - i > best_count:
            best_start, best_count = start, j - i
    return best_start


def _clip(text: str, start: int, width: int) -> str:
    clipped = text[start : start + width].replace("\n", " ")
    return clipped + ("…" if start + width < len(text) else "")
