"""Source parsers: bytes from files and URLs into `RawDocument`s, knowing nothing of the store.

`parse_bytes` picks the parser (Markdown, text, JSONL, RSS/Atom, HTML, PDF); `fetch_url`
downloads a URL within a size cap; both raise `SourceError` with a reason a user can act on.
"""

from touyan.ingest.sources.base import ParseResult, RawDocument, SourceError
from touyan.ingest.sources.detect import SUPPORTED_SUFFIXES, parse_bytes
from touyan.ingest.sources.fetch import Fetched, fetch_url

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Fetched",
    "ParseResult",
    "RawDocument",
    "SourceError",
    "fetch_url",
    "parse_bytes",
]
