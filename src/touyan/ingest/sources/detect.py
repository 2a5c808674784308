"""Pick the parser for an input: by extension, then by Content-Type, then by its first bytes.

Extensions are what a user meant; a server's Content-Type is next best for URLs with none;
sniffing catches the rest (a feed served as text/plain, a PDF at a bare URL). Generic types
(text/plain, application/xml, application/octet-stream) only narrow the sniffing down.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from touyan.ingest.sources.base import ParseResult, SourceError
from touyan.ingest.sources.html import parse_html
from touyan.ingest.sources.jsonl import parse_jsonl
from touyan.ingest.sources.markdown import parse_markdown
from touyan.ingest.sources.pdf import parse_pdf
from touyan.ingest.sources.rss import parse_feed
from touyan.ingest.sources.text import parse_text

# (data, origin, url, content_type) -> result; wrappers give every parser one shape.
Parser = Callable[[bytes, str, str | None, str | None], ParseResult]


def _markdown(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_markdown(data, origin=origin, url=url)


def _text(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_text(data, origin=origin, url=url)


def _jsonl(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_jsonl(data, origin=origin, url=url)


def _feed(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_feed(data, origin=origin, url=url, content_type=ctype)


def _html(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_html(data, origin=origin, url=url, content_type=ctype)


def _pdf(data: bytes, origin: str, url: str | None, ctype: str | None) -> ParseResult:
    return parse_pdf(data, origin=origin, url=url)


_BY_SUFFIX: dict[str, Parser] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _text,
    ".jsonl": _jsonl,
    ".ndjson": _jsonl,
    ".xml": _feed,
    ".rss": _feed,
    ".atom": _feed,
    ".html": _html,
    ".htm": _html,
    ".pdf": _pdf,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_BY_SUFFIX)

_BY_CONTENT_TYPE: dict[str, Parser] = {
    "text/html": _html,
    "application/xhtml+xml": _html,
    "application/rss+xml": _feed,
    "application/atom+xml": _feed,
    "application/rdf+xml": _feed,
    "application/feed+xml": _feed,
    "application/pdf": _pdf,
    "application/x-pdf": _pdf,
    "text/markdown": _markdown,
    "text/x-markdown": _markdown,
    "application/jsonl": _jsonl,
    "application/x-jsonlines": _jsonl,
    "application/jsonlines": _jsonl,
    "application/x-ndjson": _jsonl,
    "application/ndjson": _jsonl,
}
_HEAD = 2048
_JSON_LINE_MAX = 1_000_000
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def parse_bytes(
    data: bytes, *, name: str, content_type: str | None = None, url: str | None = None
) -> ParseResult:
    """Parse one input's bytes; `name` (a path or URL) is the origin shown in messages."""
    if not data:
        raise SourceError("empty file")
    parser = _by_suffix(name, url) or _by_content_type(content_type) or _sniff(data)
    return parser(data, name, url, content_type)


def _by_suffix(name: str, url: str | None) -> Parser | None:
    for candidate in (name, url):
        if not candidate:
            continue
        path = urlsplit(candidate).path if "://" in candidate else candidate
        parser = _BY_SUFFIX.get(PurePosixPath(path.replace("\\", "/")).suffix.lower())
        if parser is not None:
            return parser
    return None


def _by_content_type(content_type: str | None) -> Parser | None:
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return _BY_CONTENT_TYPE.get(mime)


def _sniff(data: bytes) -> Parser:
    """Decide from the first bytes; unknown binary data is refused, unknown text is text."""
    if b"%PDF-" in data[:1024]:
        return _pdf
    head = _text_head(data).lstrip(b" \t\r\n").lower()
    markup = _markup_kind(head)
    if markup is not None:
        return markup
    if head.startswith((b"---\n", b"---\r\n")):
        return _markdown
    if head.startswith(b"{") and _first_line_is_object(data):
        return _jsonl
    if _is_binary(head):
        raise SourceError("unsupported file type")
    return _text


def _text_head(data: bytes) -> bytes:
    """The first bytes as UTF-8-ish text: BOMs removed, UTF-16/32 re-encoded for sniffing."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom) : len(bom) + 2 * _HEAD].decode(codec, "ignore").encode()
    return data[:_HEAD].removeprefix(codecs.BOM_UTF8)


def _markup_kind(head: bytes) -> Parser | None:
    """Feed or page, whichever root element comes first in an XML/HTML-looking head."""
    if not head.startswith(b"<"):
        return None
    feed_at = _first_of(head, (b"<rss", b"<feed", b"<rdf:rdf"))
    html_at = _first_of(head, (b"<html", b"<!doctype html", b"<head", b"<body"))
    if feed_at < 0 and html_at < 0:
        return None
    if html_at < 0 or 0 <= feed_at < html_at:
        return _feed
    return _html


def _first_of(head: bytes, markers: tuple[bytes, ...]) -> int:
    positions = [p for p in (head.find(m) for m in markers) if p >= 0]
    return min(positions, default=-1)


def _first_line_is_object(data: bytes) -> bool:
    """The first line parses as a JSON object (a record can be far longer than the head)."""
    text = data[:_JSON_LINE_MAX].removeprefix(codecs.BOM_UTF8).lstrip()
    end = text.find(b"\n")
    line = (text if end < 0 else text[:end]).strip()
    if not (line.startswith(b"{") and line.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _is_binary(head: bytes) -> bool:
    """NUL bytes or many control bytes: not something any text parser can use."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return control > 0.05 * len(head)
