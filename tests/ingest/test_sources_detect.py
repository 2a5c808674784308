"""parse_bytes: choosing the parser by extension, Content-Type and sniffing; real corpora."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from touyan.ingest.sources import SUPPORTED_SUFFIXES, ParseResult, SourceError, parse_bytes

PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
RSS = (
    b'<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0"><channel><title>F</title>'
    b"<item><title>Feed item</title><description>Feed body.</description></item></channel></rss>"
)
ATOM = (
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
    b"<entry><title>Atom item</title><content>Atom body.</content></entry></feed>"
)
PAGE = b"<!doctype html><html><body><p>Page body text.</p></body></html>"
MARKDOWN = "---\ntitle: 前言标题\n---\n\n# 标题\n\n**正文**。\n".encode()
JSONL = b'{"title": "J", "text": "JSON body."}\n{"title": "K", "text": "More."}\n'


def kind_of(result: ParseResult) -> str:
    """Which parser ran, judged from what it produced."""
    doc = result.documents[0]
    if doc.origin.endswith(":1"):
        return "jsonl"
    if "#" in doc.origin:
        return "rss"
    if doc.kind == "filing":
        return "pdf"
    if doc.title == "前言标题":
        return "markdown"
    if doc.text == "Page body text.":
        return "html"
    return "text"


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset(
        {
            ".md",
            ".markdown",
            ".txt",
            ".jsonl",
            ".ndjson",
            ".xml",
            ".rss",
            ".atom",
            ".html",
            ".htm",
            ".pdf",
        }
    )


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.md", MARKDOWN, "markdown"),
        ("A.MARKDOWN", MARKDOWN, "markdown"),
        ("a.jsonl", JSONL, "jsonl"),
        ("a.ndjson", JSONL, "jsonl"),
        ("a.xml", RSS, "rss"),
        ("a.atom", ATOM, "rss"),
        ("a.htm", PAGE, "html"),
        ("a.txt", MARKDOWN, "text"),  # the extension is what the user meant
        ("https://x.example/feed.rss?x=1", RSS, "rss"),
        ("C:\\data\\notes.md", MARKDOWN, "markdown"),
    ],
)
def test_by_extension(name: str, data: bytes, kind: str) -> None:
    assert kind_of(parse_bytes(data, name=name)) == kind


@pytest.mark.parametrize(
    ("content_type", "data", "kind"),
    [
        ("text/html; charset=utf-8", PAGE, "html"),
        ("application/rss+xml", RSS, "rss"),
        ("application/atom+xml", ATOM, "rss"),
        ("text/markdown", MARKDOWN, "markdown"),
        ("application/x-ndjson", JSONL, "jsonl"),
        # Generic types defer to sniffing.
        ("text/xml", RSS, "rss"),
        ("application/xml", PAGE, "html"),
        ("text/plain", RSS, "rss"),
        ("application/octet-stream", JSONL, "jsonl"),
    ],
)
def test_by_content_type(content_type: str, data: bytes, kind: str) -> None:
    url = "https://x.example/item/123"
    result = parse_bytes(data, name=url, content_type=content_type, url=url)
    assert kind_of(result) == kind


def test_pdf_by_content_type_and_by_sniffing() -> None:
    # This PDF is not readable: reaching the PDF parser shows as its PDF-specific refusal.
    for kwargs in ({"content_type": "application/pdf"}, {}):
        with pytest.raises(SourceError, match="PDF"):
            parse_bytes(PDF, name="https://x.example/download?id=1", **kwargs)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (RSS, "rss"),
        (ATOM, "rss"),
        (b"  \n" + PAGE, "html"),
        (b"<HTML><BODY><P>Page body text.</P></BODY></HTML>", "html"),
        (
            b'<rdf:RDF xmlns:rdf="x" xmlns="http://purl.org/rss/1.0/"><item><title>R</title>'
            b"<description>d</description></item></rdf:RDF>",
            "rss",
        ),
        (codecs.BOM_UTF8 + MARKDOWN, "markdown"),
        (MARKDOWN.replace(b"\n", b"\r\n"), "markdown"),
        (JSONL, "jsonl"),
        (b'{"title": "J", "text": "' + b"long " * 2000 + b'"}\n', "jsonl"),
        ("第一行\n正文".encode(), "text"),
        ("第一行\n正文".encode("utf-16"), "text"),
        ("第一行\n正文".encode("gbk"), "text"),
        (b"{not json at all\nsecond", "text"),
    ],
)
def test_by_sniffing(data: bytes, kind: str) -> None:
    assert kind_of(parse_bytes(data, name="upload")) == kind


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)),  # a .docx / .xlsx
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        bytes((i * 131 + 7) % 256 for i in range(1024)),
    ],
)
def test_unknown_binary_is_unsupported(data: bytes) -> None:
    with pytest.raises(SourceError, match="unsupported file type"):
        parse_bytes(data, name="upload.bin")


def test_empty_input() -> None:
    with pytest.raises(SourceError, match="empty file"):
        parse_bytes(b"", name="nothing")


def test_url_is_kept_for_single_documents() -> None:
    doc = parse_bytes(b"note body", name="n.txt", url="https://x.example/n.txt").documents[0]
    assert doc.url == "https://x.example/n.txt" and doc.origin == "n.txt"


# --- real data (../shared/data beside the repository) -----------------------------------


def test_every_fuyaonews_article_parses(shared_data: Path) -> None:
    folder = shared_data / "corpus" / "fuyaonews"
    articles = sorted(p for p in folder.rglob("*.md") if p.name != "PROVENANCE.md")
    assert len(articles) == 153
    junk = ("**", "{#", "](", "*** ** *", "![", "<br")
    for path in articles:
        result = parse_bytes(path.read_bytes(), name=str(path))
        assert result.errors == [], path.name
        (doc,) = result.documents
        assert doc.title and doc.published_at and doc.tags, path.name
        assert doc.url and doc.url.startswith("https://") and doc.publisher, path.name
        assert doc.text and not any(j in doc.text for j in junk), path.name
        assert not re.search(r"^[-=|: ]{3,}$", doc.text, re.M), path.name  # underlines, rules
        date_line = re.search(r"^date: *\"?([0-9-]+)", path.read_text(encoding="utf-8"), re.M)
        assert date_line and doc.published_at.date().isoformat() == date_line.group(1)


def test_fuyaonews_token_article(shared_data: Path) -> None:
    path = (
        shared_data
        / "corpus"
        / "fuyaonews"
        / "2026"
        / "03"
        / "20260304-china-ai-token-surpasses-us-2026.md"
    )
    doc = parse_bytes(path.read_bytes(), name=str(path)).documents[0]
    assert doc.url == "https://openaxo.com/innovation/china-ai-token-surpasses-us-2026"
    assert "AI行业趋势" in doc.tags and "创新纪" in doc.tags
    assert (
        "中国大模型的调用量激增至4.12万亿Token，首次超越同期美国模型的2.94万亿Token。" in doc.text
    )
    assert "周峰值调用量 (万亿Token) | 5.16 (2月16-22日当周) | 2.94 (2月9-15日当周)" in doc.text


def test_seed_page_parses_as_text(shared_data: Path) -> None:
    path = shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt"
    doc = parse_bytes(path.read_bytes(), name=str(path)).documents[0]
    assert doc.title.startswith("云锋基金2014年投资小米")
    assert doc.text.lstrip().startswith(doc.title)


def test_finnl_flash_first_lines(shared_data: Path) -> None:
    path = shared_data / "corpus" / "finnl_flash.jsonl"
    head = b"\n".join(path.read_bytes().split(b"\n")[:200])
    result = parse_bytes(head, name=str(path))
    assert result.errors == [] and len(result.documents) == 200
    first = json.loads(head.split(b"\n")[0])
    assert result.documents[0].text == first["text"]
