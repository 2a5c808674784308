"""PDF announcements and filings: text per page, with page spans so citations can name pages.

Pages are joined with a blank line and `RawDocument.pages` records where each one sits in
the joined text; the chunker never lets a chunk cross a page, so "p. 12" in a citation is
exact. pypdf reports odd-but-readable files through logging and warnings; those are kept
quiet here, because a file is either read (fine) or refused with one clear reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import warnings
from collections.abc import Iterator
from typing import Any

from touyan.ingest.sources.base import ParseResult, RawDocument, SourceError
from touyan.ingest.sources.decode import clean_line, parse_datetime
from touyan.ingest.sources.text import TITLE_MAX, first_line

PAGE_SEPARATOR = "\n\n"
_USELESS_TITLES = frozenset({"untitled", "untitled document", "no title", "microsoft word"})


def parse_pdf(data: bytes, *, origin: str, url: str | None = None) -> ParseResult:
    """One document (kind "filing") from a PDF; refuses encrypted, corrupt and scanned files."""
    if not data:
        raise SourceError("empty file")
    with _quiet_pypdf():
        reader = _open(data)
        page_texts = _page_texts(reader)
        info = _metadata(reader)
    text, pages = join_pages(page_texts)
    if not text.strip():
        raise SourceError("no extractable text in PDF (a scanned document? run OCR on it first)")
    title = _useful_title(info.get("title")) or first_line(text)
    return ParseResult(
        [
            RawDocument(
                text=text,
                title=title,
                url=url,
                published_at=info.get("created"),
                kind="filing",
                pages=pages,
                origin=origin,
            )
        ]
    )


def join_pages(page_texts: list[str]) -> tuple[str, list[tuple[int, int, int]]]:
    """Join non-empty pages with a blank line; spans are (page number from 1, start, end)."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    cursor = 0
    for page_no, page_text in enumerate(page_texts, start=1):
        page_text = page_text.strip()
        if not page_text:
            continue
        if parts:
            parts.append(PAGE_SEPARATOR)
            cursor += len(PAGE_SEPARATOR)
        parts.append(page_text)
        spans.append((page_no, cursor, cursor + len(page_text)))
        cursor += len(page_text)
    return "".join(parts), spans


def _open(data: bytes) -> Any:
    from pypdf import PdfReader  # imported on first PDF: most ingests never see one
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise SourceError(f"corrupt or unreadable PDF: {_reason(exc)}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise SourceError("encrypted PDF: its cipher needs the 'cryptography' package") from exc
        except Exception as exc:
            raise SourceError(f"encrypted PDF that cannot be opened: {_reason(exc)}") from exc
        if not opened:
            raise SourceError("encrypted PDF: it needs a password")
    return reader


def _page_texts(reader: Any) -> list[str]:
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise SourceError(f"corrupt or unreadable PDF: {_reason(exc)}") from exc
    texts: list[str] = []
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one broken page must not lose the others
            texts.append("")
    return texts


def _metadata(reader: Any) -> dict[str, Any]:
    """Title and creation date from the document info, when present and sane."""
    out: dict[str, Any] = {}
    try:
        meta = reader.metadata
        if meta is None:
            return out
        out["title"] = meta.title
        created = meta.creation_date
    except Exception:  # malformed info dictionaries and dates are common; they are optional
        return out
    if isinstance(created, dt.datetime):
        out["created"] = parse_datetime(created)
    return out


def _useful_title(value: object) -> str:
    title = clean_line(value, limit=TITLE_MAX)
    if title.lower().startswith("microsoft word - "):
        title = title[len("microsoft word - ") :].removesuffix(".docx").removesuffix(".doc")
    return "" if title.lower() in _USELESS_TITLES else title


def _reason(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:200]


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings (logged and warned) while one file is read."""
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(previous)
