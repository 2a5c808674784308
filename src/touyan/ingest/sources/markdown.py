"""Markdown with optional YAML front matter, turned into clean text for search and citation.

Citations quote the stored text, so it must read like prose: no `**`, no `{#anchor}`, no
`[text](url)` and no `-----` under headings. Paragraphs stay separated by blank lines and
headings sit on lines of their own, so chunks still follow the document's structure.
Front matter becomes metadata: real corpora (fuyaonews, the demo set) carry the title, date,
source URL and tags there, and the reference list needs all of them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from touyan.ingest.sources.base import ParseResult, RawDocument, SourceError
from touyan.ingest.sources.decode import (
    clean_line,
    decode_text,
    language_code,
    parse_datetime,
    parse_tags,
)
from touyan.ingest.sources.text import TITLE_MAX, first_line

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

# Block-level patterns, matched against one line at a time.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE_SEPARATOR = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]*[*+-](?:[ \t]+|$)")
_ONLY_MARKUP = re.compile(r"^[\s*`_~#>|=+-]*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)

# Inline patterns.
_ATTRIBUTES = re.compile(r"[ \t]*\{[#.][^{}\n]*\}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
# Inline links only: "[1][2]" is how reports cite, so reference-style links stay as written.
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG_STAR = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
# Underscores inside ASCII words (snake_case) are literal; next to Chinese they still emphasise.
_STRONG_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9_\\])(_{1,3})(?=\S)(.+?)(?<=\S)\1(?![A-Za-z0-9_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STRAY_STRONG = re.compile(r"\*\*+|__+(?=\s|$)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLANK_RUN = re.compile(r"\n{3,}")
# "*ST康美": the A-share delisting-risk prefix is a literal star, never emphasis.
_RISK_WARNING = re.compile(r"(?<!\*)\*(?=ST[\u3400-\u9fff])")
# Escaped characters hide in the Private Use Area while emphasis is removed.
_PUA = 0xE000
_HIDDEN = re.compile("[\ue021-\ue07e]")


def parse_markdown(data: bytes, *, origin: str, url: str | None = None) -> ParseResult:
    """One document from a Markdown file; malformed front matter is a `SourceError`."""
    raw = decode_text(data, origin=origin).replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(raw)
    text, first_heading = markdown_to_text(body)
    if not text:
        raise SourceError("no text after the front matter")
    doc = RawDocument(text=text, url=url, origin=origin)
    _apply_meta(doc, meta)
    doc.title = doc.title or first_heading[:TITLE_MAX] or first_line(text)
    return ParseResult([doc])


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body); a file without front matter gives ({}, text).

    A block that fails to parse, or parses to a list, was meant as front matter and is an
    error; one that parses to a plain scalar is prose between two `---` rules.
    """
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as exc:
        raise SourceError(f"front matter: {_yaml_problem(exc)}") from exc
    if meta is None:
        meta = {}
    if isinstance(meta, str | int | float):
        return {}, text  # prose between two "---" rules, not front matter
    if not isinstance(meta, dict):
        raise SourceError(f"front matter: expected key: value pairs, got {type(meta).__name__}")
    return {str(k).lower(): v for k, v in meta.items()}, text[match.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """The YAML error in one line, with line numbers counted from the file's first line."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return str(problem)
    # +1 because marks count from 0, +1 for the opening "---" line.
    message = f"{problem} at line {mark.line + 2}"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark is not None and context_mark.line != mark.line:
        message += f" ({context} at line {context_mark.line + 2})"
    return message


def _apply_meta(doc: RawDocument, meta: dict[str, Any]) -> None:
    """Map front matter keys onto the document: the fuyaonews and demo corpus vocabularies."""
    doc.title = clean_line(meta.get("title"), limit=TITLE_MAX)
    doc.url = clean_line(_first(meta, "source_url", "url", "link")) or doc.url
    doc.published_at = parse_datetime(_first(meta, "date", "published_at", "published"))
    doc.publisher = clean_line(_first(meta, "publisher", "source", "author")) or None
    tags = parse_tags(meta.get("tags"))
    tags += [c for c in parse_tags(meta.get("category") or meta.get("categories")) if c not in tags]
    doc.tags = tags
    kind = clean_line(meta.get("kind")).lower()
    if kind:
        doc.kind = kind
    doc.language = language_code(_first(meta, "language", "lang"))
    summary = _first(meta, "summary", "description")
    if summary is not None:
        doc.summary = str(summary).strip() or None


def _first(meta: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, ""):
            return value
    return None


def markdown_to_text(body: str) -> tuple[str, str]:
    """(clean text, first heading) from a Markdown body."""
    writer = _Writer()
    fence: str | None = None
    for raw_line in _COMMENT.sub("", body).split("\n"):
        if fence is not None:
            if raw_line.strip().startswith(fence):
                fence = None
            else:
                writer.text(raw_line.rstrip())
            continue
        opening = _FENCE.match(raw_line)
        if opening:
            fence = opening.group(1)
            writer.blank()
            continue
        _block(raw_line, writer)
    return writer.result()


def _block(raw_line: str, writer: _Writer) -> None:
    """Route one line outside code fences to the right kind of output.

    Quote markers are taken off first, so a heading, rule or table inside a quote (or
    a list item's quote) is cleaned like one outside it.
    """
    line = _ATTRIBUTES.sub("", raw_line).rstrip()
    quote = _QUOTE.match(line)
    kind = "quote" if quote else "text"
    if quote:
        line = line[quote.end() :]
    if not line.strip():
        writer.blank()  # a bare ">" separates paragraphs inside a quote, too
    elif _SETEXT.match(line) and writer.last_kind() == kind:
        writer.promote_last_to_heading()
    elif _RULE.match(line) or _SETEXT.match(line) or _LINK_DEFINITION.match(line):
        writer.blank()
    elif "|" in line and _TABLE_SEPARATOR.match(line):
        return
    elif line.lstrip().startswith("|"):
        writer.table_row(_table_row(line))
    elif heading := _ATX.match(line):
        writer.heading(inline_text(heading.group(1) or ""))
    else:
        if kind == "quote" and writer.last_kind() == "text":
            writer.blank()  # a quote is its own paragraph, even without a blank line before
        _paragraph_line(line, writer, kind)


def _paragraph_line(line: str, writer: _Writer, kind: str) -> None:
    bullet = _BULLET.match(line)
    prefix = "• " if bullet else ""
    if bullet:
        line = line[bullet.end() :]
        if quote := _QUOTE.match(line):  # "* > quoted" in a list item
            line = line[quote.end() :]
    for i, piece in enumerate(_BREAK_TAG.split(line)):
        if i:
            writer.blank()
        cleaned = inline_text(piece)
        if cleaned and not _ONLY_MARKUP.match(cleaned):
            writer.text(prefix + cleaned if i == 0 else cleaned, kind)


def _table_row(line: str) -> str:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return " | ".join(c for c in (inline_text(cell) for cell in cells) if c)


def inline_text(text: str) -> str:
    """Inline Markdown to plain text: emphasis, links, images, code and HTML tags removed."""
    text = _ESCAPE.sub(lambda m: chr(_PUA + ord(m.group(1))), text)
    text = _RISK_WARNING.sub(chr(_PUA + ord("*")), text)
    text = _IMAGE.sub("", text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):  # a link inside a link's text
        text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _STRIKE.sub(r"\1", text)
    text = _STRONG_STAR.sub(r"\2", text)
    text = _STRONG_STAR.sub(r"\2", text)  # *nested **strong** inside emphasis*
    text = _STRONG_UNDERSCORE.sub(r"\2", text)
    text = _HIDDEN.sub(lambda m: chr(ord(m.group()) - _PUA), text)
    # Unpaired "**" is noise; so is an escaped pair ("\*\*bold\*\*"), meant as emphasis.
    text = _STRAY_STRONG.sub("", text)
    return " ".join(text.split())


class _Writer:
    """Collects output lines, keeping track of paragraphs and headings."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.kinds: list[str] = []  # "text" | "quote" | "heading" | "table" | "blank"
        self.first_heading = ""

    def blank(self) -> None:
        if self.kinds and self.kinds[-1] != "blank":
            self.lines.append("")
            self.kinds.append("blank")

    def text(self, line: str, kind: str = "text") -> None:
        self.lines.append(line)
        self.kinds.append(kind)

    def table_row(self, row: str) -> None:
        if row:
            if self.kinds and self.kinds[-1] == "text":
                self.blank()
            self.lines.append(row)
            self.kinds.append("table")

    def heading(self, title: str) -> None:
        if not title:
            return
        self.blank()
        self.lines.append(title)
        self.kinds.append("heading")
        self.blank()
        self.first_heading = self.first_heading or title

    def last_kind(self) -> str:
        return self.kinds[-1] if self.kinds else "blank"

    def promote_last_to_heading(self) -> None:
        """A setext underline: the line above it was a heading, not paragraph text."""
        title = self.lines.pop()
        self.kinds.pop()
        self.heading(title.removeprefix("• "))

    def result(self) -> tuple[str, str]:
        text = "\n".join(self.lines)
        return _BLANK_RUN.sub("\n\n", text).strip(), self.first_heading
