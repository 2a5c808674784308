"""From a parsed RawDocument to the rows the store needs: clean text, hashes, chunks, tokens.

All of this is pure computation, done before any database work, so a document that cannot
be prepared is reported and skipped without touching the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from touyan.ingest.chunking import chunk_spans
from touyan.ingest.dedup import NEAR_MIN_CHARS, canonical_url, content_hash, near_key
from touyan.ingest.sources.base import RawDocument, SourceError
from touyan.text.lang import detect_language
from touyan.text.normalize import normalize_text
from touyan.text.segment import tokenize

if TYPE_CHECKING:
    from touyan.ingest.analysis import Analysis

KINDS = frozenset({"news", "filing", "report", "note", "analysis"})


@dataclass(slots=True)
class PreparedChunk:
    ordinal: int
    text: str
    char_start: int
    char_end: int
    page: int | None
    tokens: list[str]


@dataclass(slots=True)
class PreparedDocument:
    origin: str
    title: str
    text: str
    url: str | None
    canonical_url: str | None
    publisher: str | None
    published_at: dt.datetime | None
    language: str
    kind: str
    tags: list[str]
    summary: str | None
    content_hash: str
    near_key: str | None
    chunks: list[PreparedChunk] = field(default_factory=list)
    # Mentions, rule facts and labels, when computed before writing (`analysis.Analyser`).
    analysis: Analysis | None = None


def prepare(raw: RawDocument, *, chunk_chars: int) -> PreparedDocument:
    text = normalize_text(raw.text)
    if not text:
        raise SourceError("no text")
    title = normalize_text(raw.title).replace("\n", " ")[:500] or text.split("\n", 1)[0][:120]
    pages = _remap_pages(raw, text)
    spans = chunk_spans(text, max_chars=chunk_chars, pages=pages)
    chunks = [
        PreparedChunk(
            i, text[s.start : s.end], s.start, s.end, s.page, tokenize(text[s.start : s.end])
        )
        for i, s in enumerate(spans)
    ]
    if chunks and not text.startswith(title):
        # The title is searchable through the first chunk, unless the text starts with it.
        chunks[0].tokens = tokenize(title) + chunks[0].tokens
    return PreparedDocument(
        origin=raw.origin,
        title=title,
        text=text,
        url=raw.url,
        canonical_url=canonical_url(raw.url),
        publisher=raw.publisher,
        published_at=_naive_utc(raw.published_at),
        language=raw.language or detect_language(text),
        kind=raw.kind if raw.kind in KINDS else "news",
        tags=[t for t in dict.fromkeys(tag.strip() for tag in raw.tags) if t][:20],
        summary=normalize_text(raw.summary) if raw.summary else None,
        content_hash=content_hash(text),
        near_key=near_key(text) if len(text) >= NEAR_MIN_CHARS else None,
        chunks=chunks,
    )


def _naive_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _remap_pages(raw: RawDocument, text: str) -> list[tuple[int, int, int]] | None:
    """Page spans of the raw text mapped onto the normalised text.

    Normalisation only trims whitespace and control characters inside a page, so each
    page is found again by normalising it alone and locating it in order.
    """
    if not raw.pages:
        return None
    out: list[tuple[int, int, int]] = []
    cursor = 0
    for page_no, start, end in raw.pages:
        page_text = normalize_text(raw.text[start:end])
        if not page_text:
            continue
        found = text.find(page_text, cursor)
        if found < 0:
            return None
        out.append((page_no, found, found + len(page_text)))
        cursor = found + len(page_text)
    return out or None
