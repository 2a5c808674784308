"""Plain text files: the first non-empty line is the title, the whole file is the text.

The title line stays in the text. A note or a pasted article reads as one piece, citations
point into exactly what the user gave us, and the pipeline sees that the text starts with
the title, so the title is not indexed twice.
"""

from __future__ import annotations

from touyan.ingest.sources.base import ParseResult, RawDocument
from touyan.ingest.sources.decode import decode_text

TITLE_MAX = 200


def parse_text(data: bytes, *, origin: str, url: str | None = None) -> ParseResult:
    """One document from a text file; raises SourceError for empty or binary input."""
    text = decode_text(data, origin=origin)
    return ParseResult([RawDocument(text=text, title=first_line(text), url=url, origin=origin)])


def first_line(text: str, limit: int = TITLE_MAX) -> str:
    """The first non-empty line, trimmed and cut to `limit` characters."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit].rstrip()
    return ""
