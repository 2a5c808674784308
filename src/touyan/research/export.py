"""An analysis as a file: Markdown, a standalone HTML page, or a PDF (WeasyPrint).

All three are built from the stored record (body, references, verification), so an export
says exactly what the page says, with the same references and the same disclaimer.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Protocol

from touyan.research.feed import label
from touyan.research.render import reference_label, render_markdown, strip_reference_section

DISCLAIMER = {
    "zh": "数据基于历史，不代表未来趋势；仅供投资者参考，不构成投资建议",
    "en": "Based on historical data, which does not predict future trends; for reference only, "
    "not investment advice.",
}
HEADINGS = {
    "zh": {"references": "参考文献", "verification": "核查", "question": "研究问题"},
    "en": {"references": "References", "verification": "Verification", "question": "Question"},
}


class AnalysisLike(Protocol):
    """What an export reads: the stored Analysis record has all of it."""

    slug: str
    title: str
    question: str
    body: str
    language: str
    tags: list[str]
    sentiment: str | None
    market: str | None
    published_at: dt.datetime
    references: list[Any]
    verification: dict[str, Any]


def _lang(analysis: AnalysisLike) -> str:
    return "en" if analysis.language == "en" else "zh"


def format_date(when: dt.datetime | dt.date | str | None, lang: str) -> str:
    if when is None or when == "":
        return ""
    if isinstance(when, str):
        try:
            when = dt.datetime.fromisoformat(when)
        except ValueError:
            return str(when)
    if lang == "en":
        return when.strftime("%b %d, %Y").replace(" 0", " ")
    return f"{when.year}年{when.month}月{when.day}日"


def verification_line(verification: dict[str, Any], lang: str) -> str:
    if not verification:
        return ""
    keys = ("claims", "cited", "supported", "unsupported", "removed_markers")
    names = (
        ("论断", "有引用", "已核实", "未核实", "已移除标注")
        if lang == "zh"
        else ("claims", "cited", "supported", "unsupported", "removed markers")
    )
    parts = [f"{name} {verification.get(key, 0)}" for key, name in zip(keys, names, strict=True)]
    return " · ".join(parts)


def _meta_line(analysis: AnalysisLike, lang: str) -> str:
    parts = [
        label("sentiment", analysis.sentiment, lang),
        label("market", analysis.market, lang),
        format_date(analysis.published_at, lang),
    ]
    return " · ".join(p for p in parts if p)


def _references(analysis: AnalysisLike) -> list[dict[str, Any]]:
    return [r for r in analysis.references or [] if isinstance(r, dict)]


def to_markdown(analysis: AnalysisLike) -> str:
    lang = _lang(analysis)
    words = HEADINGS[lang]
    lines = [f"# {analysis.title}", ""]
    if analysis.tags:
        lines += [" ".join(f"#{t}" for t in analysis.tags), ""]
    lines += [_meta_line(analysis, lang), ""]
    if analysis.question:
        lines += [f"> {words['question']}: {analysis.question}", ""]
    lines += [strip_reference_section(analysis.body).strip(), ""]
    refs = _references(analysis)
    if refs:
        lines += [f"## {words['references']}", ""]
        for ref in refs:
            url = f" ({ref['url']})" if ref.get("url") else ""
            lines.append(f"[{ref.get('n')}] {reference_label(ref)}{url}")
            lines.append("")
    summary = verification_line(analysis.verification, lang)
    if summary:
        lines += [f"*{words['verification']}: {summary}*", ""]
    lines += [f"*{DISCLAIMER[lang]}*", ""]
    return "\n".join(lines)


STYLESHEET = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #888; } }
body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
  "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2328;
  line-height: 1.75; font-size: 11pt; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
h1.title { font-size: 20pt; line-height: 1.35; margin: 0 0 .4em; }
.tags { color: #3b6fd4; font-size: 9.5pt; margin: 0; }
.tag { margin-right: .4em; }
.meta, .question { color: #57606a; font-size: 10pt; margin: .2em 0; }
.body h1 { font-size: 16pt; } .body h2 { font-size: 14pt; border-bottom: 1px solid #d0d7de;
  padding-bottom: .2em; margin-top: 1.6em; } .body h3 { font-size: 12pt; margin-top: 1.2em; }
.body strong { color: #0b3d91; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 10pt; }
th, td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.align-right { text-align: right; } .align-center { text-align: center; }
sup.cite a { color: #3b6fd4; text-decoration: none; font-size: 8pt; }
.references ol { list-style: none; padding: 0; font-size: 9.5pt; }
.references li { margin: .3em 0; } .references .n { color: #3b6fd4; margin-right: .3em; }
.references .url { color: #57606a; word-break: break-all; }
.verification { font-size: 9.5pt; color: #57606a; }
.disclaimer { margin-top: 2em; padding-top: .6em; border-top: 1px solid #d0d7de; color: #8c959f;
  font-size: 9pt; }
"""


def to_html(analysis: AnalysisLike) -> str:
    """A standalone page (inline stylesheet, no scripts, no external resources)."""
    lang = _lang(analysis)
    words = HEADINGS[lang]
    esc = html.escape
    refs = _references(analysis)
    tags = "".join(f'<span class="tag">#{esc(t)}</span> ' for t in analysis.tags or [])
    ref_items = "".join(
        f'<li id="ref-{esc(str(r.get("n")))}"><span class="n">[{esc(str(r.get("n")))}]</span> '
        f"{esc(reference_label(r))}"
        + (f' <span class="url">{esc(str(r["url"]))}</span>' if r.get("url") else "")
        + "</li>"
        for r in refs
    )
    question = (
        f'<p class="question">{esc(words["question"])}: {esc(analysis.question)}</p>'
        if analysis.question
        else ""
    )
    summary = verification_line(analysis.verification, lang)
    verification = (
        f'<p class="verification">{esc(words["verification"])}: {esc(summary)}</p>'
        if summary
        else ""
    )
    references = (
        f'<section class="references"><h2>{esc(words["references"])}</h2><ol>{ref_items}</ol>'
        "</section>"
        if refs
        else ""
    )
    return (
        f'<!doctype html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(analysis.title)}</title><style>{STYLESHEET}</style></head><body>"
        f'<article><header><h1 class="title">{esc(analysis.title)}</h1>'
        f'<p class="tags">{tags}</p><p class="meta">{esc(_meta_line(analysis, lang))}</p>'
        f"{question}</header>"
        f'<div class="body">{render_markdown(analysis.body, refs)}</div>'
        f"{references}{verification}"
        f'<p class="disclaimer">{esc(DISCLAIMER[lang])}</p></article></body></html>\n'
    )


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint may load nothing: an exported report must not reach the network."""
    raise ValueError(f"external resources are not loaded in exports: {url[:80]}")


def to_pdf(analysis: AnalysisLike) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # Pango loads on first use

    pdf: bytes = HTML(string=to_html(analysis), url_fetcher=_no_fetch).write_pdf()
    return pdf


def export(analysis: AnalysisLike, fmt: str) -> tuple[bytes, str, str]:
    """(content, media type, file suffix) for fmt in md | html | pdf."""
    fmt = fmt.lower().lstrip(".")
    if fmt in ("md", "markdown"):
        return to_markdown(analysis).encode("utf-8"), "text/markdown; charset=utf-8", "md"
    if fmt in ("html", "htm"):
        return to_html(analysis).encode("utf-8"), "text/html; charset=utf-8", "html"
    if fmt == "pdf":
        return to_pdf(analysis), "application/pdf", "pdf"
    raise ValueError(f"unknown export format {fmt!r} (md, html, pdf)")
