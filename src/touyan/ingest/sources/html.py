"""Web pages: the article's text via trafilatura, metadata from the page head.

trafilatura separates an article from navigation, ads and footers far better than stripping
tags, so it goes first; when it finds nothing (a bare page, a fragment), a plain tag-strip
that skips scripts and styles still gives the reader something. The page's own canonical
link wins over the address we fetched, so the same article reached by two URLs is one
document and citations link to the publisher's address.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from touyan.ingest.sources.base import ParseResult, RawDocument, SourceError
from touyan.ingest.sources.decode import clean_line, decode_with, parse_datetime
from touyan.ingest.sources.text import TITLE_MAX, first_line

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCK = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", re.I)
_BLANK_RUN = re.compile(r"\n{3,}")
_SPACE_RUN = re.compile(r"[ \t\r\f\v]+")


def parse_html(
    data: bytes, *, origin: str, url: str | None = None, content_type: str | None = None
) -> ParseResult:
    """One document from a web page; a page with no readable text is a `SourceError`."""
    markup = decode_with(data, declared_charset(data, content_type), origin=origin)
    page = _PageScanner.scan(markup)
    extracted = _trafilatura(markup, url)
    text = _paragraphs(_get(extracted, "text")) or page.text()
    if not text:
        raise SourceError("no readable text in page")
    published = parse_datetime(page.date) if page.date else None
    doc = RawDocument(
        text=text,
        title=clean_line(_get(extracted, "title") or page.title, limit=TITLE_MAX),
        url=_page_url(page.canonical, url, _get(extracted, "url")),
        publisher=clean_line(page.site_name or _get(extracted, "sitename")) or None,
        published_at=published or parse_datetime(_get(extracted, "date")),
        summary=clean_line(_get(extracted, "description"), limit=2000) or None,
        origin=origin,
    )
    doc.title = doc.title or first_line(text)
    return ParseResult([doc])


def declared_charset(data: bytes, content_type: str | None) -> str | None:
    """The charset from the Content-Type header, else from a <meta> tag near the top."""
    header = _HEADER_CHARSET.search(content_type) if content_type else None
    if header:
        return header.group(1)
    meta = _META_CHARSET.search(data[:4096])
    return meta.group(1).decode("ascii") if meta else None


def _trafilatura(markup: str, url: str | None) -> Any:
    """trafilatura's Document (2.x: an object, not a dict), or None when it finds nothing."""
    from trafilatura import bare_extraction  # heavy import, paid only for web pages

    try:
        with _quiet_logs("trafilatura", "htmldate", "courlan", "justext"):
            return bare_extraction(
                markup, url=url, with_metadata=True, include_comments=False, include_tables=True
            )
    except Exception:  # trafilatura raises assorted lxml and value errors on odd pages
        return None


@contextlib.contextmanager
def _quiet_logs(*names: str) -> Iterator[None]:
    """trafilatura logs a WARNING for every page it gives up on; the fallback handles those.

    Without a logging setup Python prints such warnings to stderr, which is noise in the CLI.
    """
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _get(extracted: Any, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _paragraphs(text: str | None) -> str:
    """trafilatura puts one paragraph per line; the store separates paragraphs by blank lines."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _page_url(canonical: str | None, given: str | None, extracted: str | None) -> str | None:
    if canonical:
        absolute = urljoin(given or "", canonical.strip())
        if urlsplit(absolute).scheme in ("http", "https"):
            return absolute
    return given or extracted


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment or page: tags stripped, scripts and styles skipped.

    Used for feed entries (whose content is HTML) and as the fallback for whole pages.
    """
    return _PageScanner.scan(markup).text()


class _PageScanner(HTMLParser):
    """One pass over a page: visible text by blocks, plus title, canonical link, site name, date."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.title = ""
        self.canonical: str | None = None
        self.site_name: str | None = None
        self.date: str | None = None

    @classmethod
    def scan(cls, markup: str) -> _PageScanner:
        scanner = cls()
        scanner.feed(markup)
        scanner.close()
        return scanner

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): v or "" for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "link":
            self._link(attributes)
        elif tag == "meta":
            self._meta(attributes)
        if tag == "body":
            self.skip_depth = 0  # a page that never closed its <head>
        elif tag in _SKIP:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "pre":
            self.pre_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.skip_depth:
            return
        self.parts.append(data if self.pre_depth else _SPACE_RUN.sub(" ", data.replace("\n", " ")))

    def _link(self, attributes: dict[str, str]) -> None:
        if "canonical" in attributes.get("rel", "").lower().split() and attributes.get("href"):
            self.canonical = self.canonical or attributes["href"]

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name") or "").lower()
        itemprop = attributes.get("itemprop", "").lower()
        content = attributes.get("content", "").strip()
        if not content:
            return
        if key in ("og:site_name", "application-name") and not self.site_name:
            self.site_name = content
        elif (key in _DATE_META or itemprop == "datepublished") and not self.date:
            self.date = content

    def text(self) -> str:
        joined = "".join(self.parts)
        lines = [line.strip() for line in joined.split("\n")]
        return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()
