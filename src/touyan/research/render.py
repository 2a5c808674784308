"""Report Markdown to safe HTML: numbered sections, tables, citation links, bold key figures.

Raw HTML in the Markdown is never passed through (markdown-it runs with html off, so it is
shown as text), and the output is sanitised again by nh3 with a short allow-list: whatever a
document or a model wrote, the page gets no script, no event attribute and no `javascript:`
link. Citation markers [n] become links to `#ref-n` whose title previews the reference.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

CITATION = r"\[(\d{1,3})\]"
FIGURE = (
    r"(?:US\$|HK\$|RMB|¥|￥|\$)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:trillion|billion|million|bn|m)\b)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:万亿|亿|万|千)?(?:美元|港元|港币|人民币|日元|欧元|元)"
    r"|\d+(?:\.\d+)?\s?%"
)
_INLINE = re.compile(f"(?P<cite>{CITATION})|(?P<fig>{FIGURE})")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百]+、|\d+(?:\.\d+)+\s|\d+[.、]\s?)")
_REFERENCE_HEADING = re.compile(r"^#{1,6}\s*(参考文献|参考资料|References|Sources)\s*$", re.M)

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "strong", "em", "s", "del", "a", "sup", "span",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class", "data-ref"},
    "sup": {"class"},
    "span": {"class"},
    "strong": {"class"},
    "th": {"class"},
    "td": {"class"},
    "ol": {"start"},
    **{f"h{i}": {"id", "class"} for i in range(1, 7)},
}


def reference_label(ref: Mapping[str, Any]) -> str:
    """One line naming a reference: publisher - 《title》 (date)."""
    title = str(ref.get("title") or "").strip()
    publisher = str(ref.get("publisher") or "").strip()
    date = str(ref.get("published_at") or "")[:10]
    parts = [p for p in (publisher, f"《{title}》" if title else "") if p]
    label = " - ".join(parts) or str(ref.get("url") or "")
    return f"{label} ({date})" if date else label


def _citation_html(
    n: int, references: Mapping[int, Mapping[str, Any]] | None, anchor: str = "ref-"
) -> str:
    if references is not None and n not in references:
        return f'<sup class="cite cite-missing">[{n}]</sup>'
    title = reference_label(references[n]) if references else ""
    return (
        f'<sup class="cite"><a class="cite-link" href="#{anchor}{n}" data-ref="{n}" '
        f'title="{html.escape(title, quote=True)}">[{n}]</a></sup>'
    )


def _html_token(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token


def _text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _split_text(
    content: str,
    references: Mapping[int, Mapping[str, Any]] | None,
    bold: bool,
    anchor: str = "ref-",
) -> list[Token]:
    out: list[Token] = []
    last = 0
    for match in _INLINE.finditer(content):
        if match.group("fig") and not bold:
            continue
        if match.start() > last:
            out.append(_text_token(content[last : match.start()]))
        if match.group("cite"):
            out.append(_html_token(_citation_html(int(match.group(2)), references, anchor)))
        else:
            figure = html.escape(match.group("fig"))
            out.append(_html_token(f'<strong class="fig">{figure}</strong>'))
        last = match.end()
    if last < len(content):
        out.append(_text_token(content[last:]))
    return out


def _inline_rule(state: StateCore) -> None:
    references: Mapping[int, Mapping[str, Any]] | None = state.env.get("references")
    anchor: str = state.env.get("anchor", "ref-")
    heading_no = 0
    heading: Token | None = None
    for block in state.tokens:
        if block.type in ("th_open", "td_open"):
            align = str(block.attrGet("style") or "").removeprefix("text-align:")
            if align in ("left", "center", "right"):
                block.attrs.pop("style", None)
                block.attrSet("class", f"align-{align}")
            continue
        if block.type == "heading_open":
            heading_no += 1
            block.attrSet("id", f"sec-{heading_no}")
            heading = block
            continue
        if block.type == "heading_close":
            heading = None
            continue
        if block.type != "inline" or not block.children:
            continue
        if heading is not None and _NUMBERED.match(block.content):
            heading.attrJoin("class", "numbered")
        children: list[Token] = []
        strong = link = 0
        for child in block.children:
            strong += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
            link += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type == "text" and not link:
                bold = not strong and heading is None
                children.extend(_split_text(child.content, references, bold, anchor))
            else:
                children.append(child)
        block.children = children


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )
    parser.core.ruler.push("touyan_inline", _inline_rule)
    return parser


def strip_reference_section(markdown: str) -> str:
    """Drop a trailing 参考文献/References section: the page builds that list from the store."""
    starts = [m.start() for m in _REFERENCE_HEADING.finditer(markdown)]
    if not starts:
        return markdown
    return markdown[: starts[-1]].rstrip() + "\n"


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(
    markdown: str,
    references: Sequence[Mapping[str, Any]] | None = None,
    *,
    strip_references: bool = True,
    anchor: str = "ref-",
) -> str:
    """Sanitised HTML for a report body or an answer.

    With `references`, a marker whose number has no reference is shown unlinked (the verifier
    removes such markers, so this only guards against stale bodies).
    """
    refs = None
    if references is not None:
        refs = {int(r["n"]): r for r in references if str(r.get("n", "")).isdigit()}
    source = strip_reference_section(markdown) if strip_references else markdown
    if not re.fullmatch(r"[a-z0-9-]{1,40}", anchor):
        raise ValueError(f"bad anchor prefix {anchor!r}")
    return sanitize(_parser().render(source, {"references": refs, "anchor": anchor}))


def render_answer(
    markdown: str, citations: Sequence[Mapping[str, Any]], message_id: int | None
) -> str:
    """A chat answer's sanitised HTML; its anchors (#msg12-ref-1) name the message, since the
    page may also hold an article's own #ref-n list or other answers."""
    anchor = f"msg{message_id}-ref-" if message_id is not None else "msg-ref-"
    return render_markdown(markdown, citations, strip_references=False, anchor=anchor)


def plain_text(markdown: str, limit: int = 200) -> str:
    """A short plain-text excerpt (feed summaries when none is stored)."""
    text = re.sub(r"[#>*_`|\-]+", " ", strip_reference_section(markdown))
    text = re.sub(r"\[(\d{1,3})\]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
