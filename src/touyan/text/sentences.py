"""Sentence boundaries for Chinese and English, as char spans over the original text.

Spans, not strings: chunks and citations refer back to exact offsets in the stored text.
"""

from __future__ import annotations

import re

# A sentence ends at Chinese terminal punctuation (with closing quotes/brackets after it), at
# English . ! ? followed by whitespace (so 1.1 and 1810.HK never split), or at a line break.
_BOUNDARY = re.compile(r"[。！？!?；;]+[”’」』）)\]]*|\.[”’\"')\]]*(?=\s)|\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_ABBREVIATIONS = frozenset(
    "mr ms mrs dr no co vs st inc ltd corp jan feb mar apr jun jul aug sep sept oct nov dec "
    "etc e.g i.e u.s fig approx est".split()
)


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """'Mr.', 'Inc.', 'U.S.' or a lone initial before the dot: not the end of a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if not match:
        return False
    word = match.group(1)
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text, match.start() + 1):
            continue
        _append(text, start, match.end(), spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
