from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from inert import assert_inert
from seed_story import SEED_SLUG

from touyan.research import export
from touyan.research.render import render_markdown, strip_reference_section
from touyan.store.db import Database
from touyan.store.models import Analysis

REFS = [
    {"n": 1, "title": "雷军宣布小米估值450亿美元", "publisher": "澎湃新闻",
     "published_at": "2014-12-29T00:00:00", "url": "https://m.thepaper.cn/x", "document_id": 1},
    {"n": 2, "title": "450亿美元的小米贵不贵", "publisher": "财新周刊",
     "published_at": "2014-12-26T00:00:00", "url": "https://weekly.caixin.com/y", "document_id": 2},
]  # fmt: skip

EVIL = """## 一、标题<img src=x onerror=alert(1)>

<script>alert("x")</script>

正文[1]，[点我](javascript:alert(1)) 和 <a href="javascript:alert(2)">链接</a>
<iframe src="https://evil.example"></iframe>
<div onmouseover="alert(3)">hover</div>

| a | b |
|---|---|
| <b onclick=alert(4)>x</b> | [y](JaVaScRiPt:alert(5)) |
"""


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """Page rendering is backend-neutral (test_feed and test_security cover both backends)."""
    return f"sqlite:///{tmp_path / 'touyan.db'}"


def test_report_markdown_renders_sections_tables_citations_and_figures() -> None:
    html = render_markdown(
        "# 题目\n\n## 一、投资始末\n\n### 1.1 规模\n\n小米融资11亿美元，估值450亿美元，"
        "云锋基金出资**2.5亿美元**[1][2]。占比12.5%[9]。\n\n| 层面 | 金额 |\n|---|--:|\n"
        "| 财务 | 1.5亿美元[2] |\n\n## 参考文献\n\n[1] 不应重复出现\n",
        REFS,
    )
    assert '<h2 id="sec-2" class="numbered">一、投资始末</h2>' in html
    assert '<h3 id="sec-3" class="numbered">1.1 规模</h3>' in html
    assert '<strong class="fig">11亿美元</strong>' in html
    assert '<strong class="fig">450亿美元</strong>' in html
    assert "<strong>2.5亿美元</strong>" in html  # already bold: not wrapped twice
    link = re.search(r'<a class="cite-link" href="#ref-1" data-ref="1" title="([^"]+)"', html)
    assert link and "澎湃新闻" in link.group(1) and "2014-12-29" in link.group(1)
    assert 'href="#ref-2"' in html
    assert '<sup class="cite cite-missing">[9]</sup>' in html  # unknown reference: unlinked
    assert '<td class="align-right">' in html and "<table>" in html
    assert "不应重复出现" not in html  # the page builds the reference list itself


def test_untrusted_markdown_renders_inert() -> None:
    html = render_markdown(EVIL, REFS)
    assert_inert(html)
    assert "&lt;script&gt;" in html  # shown as text, not dropped silently
    assert 'href="#ref-1"' in html


def test_strip_reference_section_keeps_body() -> None:
    body = "## 一、正文\n\n内容[1]\n\n## References\n\n[1] x\n"
    assert strip_reference_section(body) == "## 一、正文\n\n内容[1]\n"
    assert strip_reference_section("无参考") == "无参考"


def test_exports_carry_references_verification_and_disclaimer(
    db: Database, feed: dict[str, Analysis]
) -> None:
    seed = feed[SEED_SLUG]
    markdown = export.to_markdown(seed)
    assert markdown.startswith("# 云锋基金2014年投资小米")
    assert "#xiaomi" in markdown and "中性 · A股 · 2026年1月21日" in markdown
    assert "[2] 澎湃新闻 - 《雷军宣布小米估值450亿美元，马云旗下云锋基金入股》" in markdown
    assert "https://m.thepaper.cn/newsDetail_forward_1289829" in markdown
    assert "已核实 12" in markdown and export.DISCLAIMER["zh"] in markdown

    page = export.to_html(seed)
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert 'id="ref-3"' in page and "财新周刊" in page and export.DISCLAIMER["zh"] in page

    pdf = export.to_pdf(seed)
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() for p in reader.pages)
    # CJK glyphs are embedded and extractable (no tofu boxes): the title and figures read back
    for phrase in ("云锋基金", "450亿美元", "参考文献", "不构成投资建议"):
        assert phrase in text.replace("\n", "").replace(" ", ""), phrase
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page_ in reader.pages
        for font in (page_["/Resources"].get("/Font") or {}).values()
    }
    assert any("CJK" in f or "Hei" in f or "Song" in f or "Han" in f for f in fonts), fonts


def test_export_of_untrusted_analysis_is_inert(db: Database) -> None:
    analysis = Analysis(
        slug="evil",
        title="<script>alert(1)</script>",
        question="<img src=x onerror=alert(1)>",
        body=EVIL,
        language="zh",
        tags=["<b>x</b>"],
        references=[{"n": 1, "title": "<script>", "url": "javascript:alert(1)"}],
        verification={},
    )
    import datetime as dt

    analysis.published_at = dt.datetime(2026, 1, 1)
    page = export.to_html(analysis)
    assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert export.to_pdf(analysis).startswith(b"%PDF")


def test_the_inert_check_catches_live_markup() -> None:
    import pytest

    for live in (
        "<script>alert(1)</script>",
        '<a href=" javascript:alert(1)">x</a>',
        "<p onclick=alert(1)>x</p>",
        "<img src=x>",
    ):
        with pytest.raises(AssertionError):
            assert_inert(live)
    assert_inert('<p title="&lt;script&gt; onerror=1">&lt;img src=x onerror=alert(1)&gt;</p>')
