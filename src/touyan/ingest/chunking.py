"""Chunks that end on sentence boundaries and remember where they sit in the document.

Citations point at char offsets inside a chunk, so chunks never rewrite text: each one is a
slice `text[char_start:char_end]` of the stored document. PDF chunks never span two pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from touyan.text.sentences import sentence_spans


@dataclass(frozen=True, slots=True)
class ChunkSpan:
    start: int
    end: int
    page: int | None = None


def chunk_spans(
    text: str, *, max_chars: int = 500, pages: list[tuple[int, int, int]] | None = None
) -> list[ChunkSpan]:
    """Greedy packing of whole sentences up to max_chars; longer sentences are cut hard."""
    regions = pages or [(0, 0, len(text))]
    out: list[ChunkSpan] = []
    for page_no, region_start, region_end in regions:
        page = page_no if pages else None
        sub = text[region_start:region_end]
        for start, end in _pack(sub, max_chars):
            out.append(ChunkSpan(region_start + start, region_start + end, page))
    return out


def _pack(text: str, max_chars: int) -> list[tuple[int, int]]:
    if text and len(text) <= max_chars and not text[0].isspace() and not text[-1].isspace():
        # Most news items fit one chunk: their sentences would pack into exactly this span
        # (no whitespace to trim at either end), so they are not split to be joined again.
        return [(0, len(text))]
    packed: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    for s, e in _bounded(sentence_spans(text), max_chars):
        if cur_start is None:
            cur_start, cur_end = s, e
        elif e - cur_start <= max_chars:
            cur_end = e
        else:
            packed.append((cur_start, cur_end))
            cur_start, cur_end = s, e
    if cur_start is not None:
        packed.append((cur_start, cur_end))
    return packed


def _bounded(spans: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Sentences longer than a chunk (tables, run-on lists) are cut into max_chars pieces."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > max_chars:
            out.append((s, s + max_chars))
            s += max_chars
        out.append((s, e))
    return out
