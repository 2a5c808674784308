"""What every source parser returns, and the error it raises for input it cannot use.

Parsers turn bytes into `RawDocument`s and know nothing of the store: the pipeline decides
what is new, chunks it and writes it, so a parser can be tested on bytes alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class SourceError(Exception):
    """Input that cannot become a document; the message is shown beside the input's name."""


@dataclass(slots=True)
class RawDocument:
    """One document as read from its source, before normalisation and chunking."""

    text: str
    title: str = ""
    url: str | None = None
    publisher: str | None = None
    published_at: dt.datetime | None = None
    kind: str = "news"
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    # Page spans for PDFs: (page_number starting at 1, char_start, char_end) over `text`.
    pages: list[tuple[int, int, int]] = field(default_factory=list)
    # Where it came from, for messages: "file.jsonl:12", "feed.xml#3", "https://…".
    origin: str = ""


@dataclass(slots=True)
class ParseResult:
    """Documents read from one input, plus the parts of it that could not be read.

    A JSONL file with one broken line still yields its other lines; the broken line is
    reported as an error under its own origin ("file.jsonl:12") instead of failing the file.
    """

    documents: list[RawDocument] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
