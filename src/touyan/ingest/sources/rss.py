"""RSS 0.9x / 1.0 / 2.0 and Atom feeds: one document per entry, via feedparser.

feedparser copes with the malformed feeds real sites publish (it sets `bozo` and carries on),
so a feed is refused only when nothing usable comes out of it. Entry bodies are HTML and are
reduced to plain text here, because the store holds text that citations can quote.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from typing import Any

import feedparser

from touyan.ingest.sources.base import ParseResult, RawDocument, SourceError
from touyan.ingest.sources.decode import clean_line, language_code, parse_tags
from touyan.ingest.sources.html import html_to_text
from touyan.ingest.sources.text import TITLE_MAX

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def parse_feed(
    data: bytes, *, origin: str, url: str | None = None, content_type: str | None = None
) -> ParseResult:
    """Documents from a feed's entries; `SourceError` when no entry is usable."""
    if not data.strip():
        raise SourceError("empty file")
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    # BytesIO, never raw bytes: feedparser treats a bytes argument as a possible file path.
    feed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries: list[Any] = list(feed.get("entries") or [])
    if not entries:
        if feed.get("bozo") and not feed.get("version"):
            raise SourceError(f"not an RSS or Atom feed: {_bozo_reason(feed)}")
        raise SourceError("feed has no entries")
    meta: dict[str, Any] = feed.get("feed") or {}
    publisher = clean_line(meta.get("title")) or None
    language = language_code(meta.get("language"))
    result = ParseResult()
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        doc = _entry_document(entry, origin=where, publisher=publisher, language=language)
        if doc is None:
            result.errors.append((where, "entry has neither title nor text"))
        else:
            result.documents.append(doc)
    if not result.documents:
        raise SourceError("feed has no entries with a title or text")
    return result


def _entry_document(
    entry: Any, *, origin: str, publisher: str | None, language: str | None
) -> RawDocument | None:
    title = clean_line(html_to_text(entry.get("title") or ""), limit=TITLE_MAX)
    text = _entry_text(entry) or title
    if not text:
        return None
    author = _author(entry)
    return RawDocument(
        text=text,
        title=title,
        url=clean_line(entry.get("link")) or None,
        publisher=author or publisher,
        published_at=_entry_time(entry),
        language=language,
        tags=parse_tags([t.get("term") or t.get("label") for t in entry.get("tags") or []]),
        summary=_summary(entry, text),
        origin=origin,
    )


def _author(entry: Any) -> str | None:
    """The author's name; RSS 2.0 <author> is often "mail@host (Name)" or a bare address."""
    detail = entry.get("author_detail") or {}
    name = clean_line(detail.get("name") or entry.get("author"))
    return None if not name or ("@" in name and " " not in name) else name


def _entry_text(entry: Any) -> str:
    """The fullest body the entry has: Atom/RSS content first, then the summary."""
    best = ""
    for content in entry.get("content") or []:
        text = _as_text(content.get("value") or "", content.get("type"))
        if len(text) > len(best):
            best = text
    if not best:
        detail = entry.get("summary_detail") or {}
        best = _as_text(entry.get("summary") or "", detail.get("type"))
    return best


def _summary(entry: Any, text: str) -> str | None:
    summary = _as_text(entry.get("summary") or "", (entry.get("summary_detail") or {}).get("type"))
    return summary if summary and summary != text else None


def _as_text(value: str, mime: str | None) -> str:
    if not value.strip():
        return ""
    if mime is None or mime in _HTML_TYPES or "<" in value:
        return html_to_text(value)
    return value.strip()


def _entry_time(entry: Any) -> dt.datetime | None:
    """Published time, else updated time; feedparser gives both as UTC struct_time.

    `dict.get` reads the raw keys: feedparser's own lookup of `updated_parsed` falls back to
    `published_parsed` with a DeprecationWarning.
    """
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)
        if isinstance(value, time.struct_time):
            try:
                return dt.datetime(*value[:6])
            except ValueError:
                continue
    return None


def _bozo_reason(feed: Any) -> str:
    exc = feed.get("bozo_exception")
    reason = str(getattr(exc, "getMessage", lambda: exc)()) if exc is not None else "unreadable"
    return reason.splitlines()[0][:200] if reason else "unreadable"
