"""Plain text and Markdown (with YAML front matter) parsers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from touyan.ingest.sources import SourceError, parse_bytes
from touyan.ingest.sources.markdown import markdown_to_text, parse_markdown
from touyan.ingest.sources.text import parse_text

FUYAO = """---
title: "2026年中国AI Token调用量首超美国深度分析"
date: 2026-03-04
category: "创新纪"
tags: ["AI行业趋势", "Token经济学"]
source_url: "https://openaxo.com/innovation/china-ai-token-surpasses-us-2026"
author: "OpenAxo"
summary: "深度解析2026年2月中国AI模型Token调用量超越美国的里程碑事件。"
---

在2026年。 **据OpenRouter数据显示，中国Token调用量首次超越美国。**这一数据是分水岭。

*** ** * ** ***

一、核心突破：Token消耗量实现历史性反超 {#breakthrough-title}
---------------------------------------------------

**客观数据显示**，中国大模型的调用量激增至*4.12万亿*Token，涨幅127%。
> 业内专家分析认为，这一逆转证明了中国模型的优势。
> {#quote-expert-1}

|       评估指标       |     中国AI大模型阵营     |    美国AI大模型阵营     |
| 周峰值调用量 (万亿Token) | 5.16 | 2.94 |
|------------------|-------------------|------------------|
[2026年2月核心指标对比]

![趋势图](https://openaxo.com/profile/upload/a (1).png)图：周调用量对比

### 1. 国产AI算力芯片进入高景气兑现期 {#sub-gpu}

* 每经. [《2月井喷！中国AI调用量首超美国》](https://finance.sina.com.cn/x). \\[2026-02-26\\].
* 华创证券.
  [《计算机：AI应用正当时》](https://stock.finance.sina.com.cn/y). 2026-03-03.
"""

DEMO = """---
title: "雷军宣布小米估值450亿美元，马云旗下云锋基金入股"
date: 2014-12-29
publisher: "澎湃新闻"
source_url: "https://m.thepaper.cn/newsDetail_forward_1289829"
language: zh
kind: news
tags: ["小米", "融资", "云锋基金"]
summary: "雷军宣布小米完成11亿美元融资。"
---

2014年12月29日，小米创始人雷军宣布，小米完成新一轮融资，融资总额为11亿美元。

本轮融资完成后，小米的整体估值达到450亿美元。
"""


def parse_md(source: str) -> tuple[str, str]:
    text, heading = markdown_to_text(source)
    return text, heading


# --- plain text -----------------------------------------------------------------------


def test_text_title_is_first_non_empty_line_and_stays_in_text() -> None:
    data = "\n\n  小米完成11亿美元融资  \n\n2014年12月29日，雷军宣布小米完成新一轮融资。\n".encode()
    doc = parse_text(data, origin="note.txt").documents[0]
    assert doc.title == "小米完成11亿美元融资"
    assert "小米完成11亿美元融资" in doc.text and "雷军宣布" in doc.text
    assert doc.origin == "note.txt" and doc.kind == "news"


def test_text_title_is_capped() -> None:
    doc = parse_text(("长" * 500 + "\n正文").encode(), origin="a.txt").documents[0]
    assert len(doc.title) == 200


def test_text_gbk_file() -> None:
    text = "小米融资\n\n2014年12月29日，小米创始人雷军宣布，小米完成新一轮融资，估值450亿美元。"
    doc = parse_bytes(text.encode("gbk"), name="gbk.txt").documents[0]
    assert doc.title == "小米融资" and doc.text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"\x00\x01\x02\x03binary\x00" * 10, "binary data"), (b"\n \n", "only")],
)
def test_text_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        parse_bytes(data, name="x.txt")


# --- markdown front matter -----------------------------------------------------------


def test_fuyaonews_front_matter_maps_to_fields() -> None:
    doc = parse_markdown(FUYAO.encode(), origin="a.md").documents[0]
    assert doc.title == "2026年中国AI Token调用量首超美国深度分析"
    assert doc.published_at == dt.datetime(2026, 3, 4)
    assert doc.url == "https://openaxo.com/innovation/china-ai-token-surpasses-us-2026"
    assert doc.publisher == "OpenAxo"
    assert doc.tags == ["AI行业趋势", "Token经济学", "创新纪"]
    assert doc.summary and doc.summary.startswith("深度解析")
    assert doc.kind == "news" and doc.language is None


def test_demo_front_matter_maps_to_fields() -> None:
    doc = parse_markdown(DEMO.encode(), origin="01.md").documents[0]
    assert doc.publisher == "澎湃新闻"
    assert doc.language == "zh" and doc.kind == "news"
    assert doc.tags == ["小米", "融资", "云锋基金"]
    assert doc.url == "https://m.thepaper.cn/newsDetail_forward_1289829"
    assert doc.text.startswith("2014年12月29日") and "---" not in doc.text


def test_front_matter_variants() -> None:
    source = (
        "---\ntitle: 标题\ndate: '2024-09-18 14:30:00+08:00'\nurl: https://x.example/a\n"
        "source: 财新网\ntags: 小米, 融资，港股\nkind: Filing\nlanguage: zh-CN\n---\n正文。\n"
    )
    doc = parse_markdown(source.encode(), origin="a.md").documents[0]
    assert doc.published_at == dt.datetime(2024, 9, 18, 6, 30)
    assert doc.url == "https://x.example/a" and doc.publisher == "财新网"
    assert doc.tags == ["小米", "融资", "港股"]
    assert doc.kind == "filing" and doc.language == "zh"


def test_unreadable_date_is_dropped_not_fatal() -> None:
    doc = parse_markdown(b"---\ntitle: t\ndate: someday\n---\nbody\n", origin="a.md").documents[0]
    assert doc.published_at is None and doc.text == "body"


@pytest.mark.parametrize(
    "front",
    [
        'title: "unclosed\ndate: 2024-01-01\n',
        "title: [a, b\n",
        "title: a\n  bad: indent\n",
        "- just\n- a list\n",
    ],
)
def test_malformed_front_matter(front: str) -> None:
    with pytest.raises(SourceError, match=r"^front matter: "):
        parse_markdown(f"---\n{front}---\n\nbody\n".encode(), origin="bad.md")


def test_malformed_front_matter_names_the_line() -> None:
    with pytest.raises(SourceError, match=r"flow sequence at line 3"):
        parse_markdown(b"---\ntitle: ok\ntags: [a, b\n---\nbody\n", origin="bad.md")
    with pytest.raises(SourceError, match=r"not allowed here at line 3"):
        parse_markdown(b"---\ntitle: ok\n  bad: indent\n---\nbody\n", origin="bad.md")


def test_no_front_matter_title_falls_back_to_heading_then_first_line() -> None:
    doc = parse_markdown("前言一句。\n\n# 真正的标题\n\n正文。".encode(), origin="a.md").documents[
        0
    ]
    assert doc.title == "真正的标题" and doc.published_at is None and doc.tags == []
    doc = parse_markdown("只有一行正文。\n".encode(), origin="a.md").documents[0]
    assert doc.title == "只有一行正文。"


def test_front_matter_only_is_an_error() -> None:
    with pytest.raises(SourceError, match="no text"):
        parse_markdown(b"---\ntitle: t\n---\n\n", origin="a.md")


def test_thematic_break_at_top_is_not_front_matter() -> None:
    doc = parse_markdown("---\n\n正文第一段。\n".encode(), origin="a.md").documents[0]
    assert doc.text == "正文第一段。"
    doc = parse_markdown("---\n正文第一段。\n\n---\n第二段。".encode(), origin="a.md").documents[0]
    assert doc.text == "正文第一段。\n\n第二段。"


# --- markdown body ------------------------------------------------------------------


def test_body_is_clean_readable_text() -> None:
    text = parse_markdown(FUYAO.encode(), origin="a.md").documents[0].text
    for junk in ("**", "{#", "](", "***", "---", "> ", "![", "|---", "\\["):
        assert junk not in text, junk
    assert "据OpenRouter数据显示，中国Token调用量首次超越美国。这一数据" in text
    assert "激增至4.12万亿Token" in text
    assert "评估指标 | 中国AI大模型阵营 | 美国AI大模型阵营" in text
    assert "周峰值调用量 (万亿Token) | 5.16 | 2.94" in text
    assert "图：周调用量对比" in text and "趋势图" not in text
    assert "• 每经. 《2月井喷！中国AI调用量首超美国》. [2026-02-26]." in text
    assert "《计算机：AI应用正当时》. 2026-03-03." in text


def test_headings_are_own_paragraphs() -> None:
    text = parse_markdown(FUYAO.encode(), origin="a.md").documents[0].text
    paragraphs = text.split("\n\n")
    assert "一、核心突破：Token消耗量实现历史性反超" in paragraphs
    assert "1. 国产AI算力芯片进入高景气兑现期" in paragraphs
    # A quote that follows a paragraph without a blank line is still its own paragraph.
    assert "业内专家分析认为，这一逆转证明了中国模型的优势。" in paragraphs


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**粗体**和*斜体*和_下划线_和__双下划线__", "粗体和斜体和下划线和双下划线"),
        ("a ***both*** b ~~gone~~", "a both b gone"),
        ("snake_case_name and 2*3*4", "snake_case_name and 234"),
        ("*ST中基和*ST易见公告", "*ST中基和*ST易见公告"),
        ("见 [报告](https://x.example/a_(b)) 与 [参考][1]", "见 报告 与 [参考][1]"),
        ("图 ![alt](x.png) 完", "图 完"),
        ("代码 `x = 1` 结束", "代码 x = 1 结束"),
        ("<https://x.example/a> 和 <b>加粗</b>", "https://x.example/a 和 加粗"),
        ("转义 \\*不是强调\\* 和 \\_ 与 \\[1\\]", "转义 *不是强调* 和 _ 与 [1]"),
        ("引用 [1][2] 保留", "引用 [1][2] 保留"),
        ("收益<5% 而 A < B", "收益<5% 而 A < B"),
    ],
)
def test_inline_markup(source: str, expected: str) -> None:
    assert parse_md(source)[0] == expected


def test_block_markup() -> None:
    source = (
        "标题一\n=====\n\n段落一第一行\n段落一第二行\n\n## 标题二 ##\n正文\n\n"
        "---\n\n> 引用一\n>\n> 引用二\n\n- 列表一\n+ 列表二\n1. 有序\n\n"
        "```python\n**not bold** in code\n```\n\n"
        "a | b\n--|--\n1 | 2\n\n第一行<br />第二行\n\n[ref]: https://x.example\n\n<!-- 注释 -->尾"
    )
    text, heading = parse_md(source)
    assert heading == "标题一"
    assert text == (
        "标题一\n\n段落一第一行\n段落一第二行\n\n标题二\n\n正文\n\n引用一\n\n引用二\n\n"
        "• 列表一\n• 列表二\n1. 有序\n\n**not bold** in code\n\na | b\n1 | 2\n\n"
        "第一行\n\n第二行\n\n尾"
    )


def test_setext_heading_inside_a_quote() -> None:
    text, heading = parse_md("> 1. 核心摘要 {#abstract}\n> ---------\n>\n> 正文。")
    assert text == "1. 核心摘要\n\n正文。" and heading == "1. 核心摘要"


def test_escaped_strong_and_stray_markup_lines_are_dropped() -> None:
    text, _ = parse_md(
        "提供\\*\\*旧装改制\\*\\*服务\n\n\\`\\`\\`\n\n*\n  > 专家观点：黄金是中性资产。"
    )
    assert text == "提供旧装改制服务\n\n专家观点：黄金是中性资产。"


def test_gbk_markdown_with_front_matter() -> None:
    doc = parse_bytes(DEMO.encode("gbk"), name="gbk.md").documents[0]
    assert doc.title.startswith("雷军宣布小米估值450亿美元") and doc.publisher == "澎湃新闻"


def test_crlf_and_bom() -> None:
    data = b"\xef\xbb\xbf" + DEMO.replace("\n", "\r\n").encode()
    doc = parse_bytes(data, name="crlf.md").documents[0]
    assert doc.published_at == dt.datetime(2014, 12, 29) and "\r" not in doc.text


def test_demo_corpus_parses() -> None:
    folder = Path(__file__).resolve().parents[2] / "src" / "touyan" / "data" / "demo"
    files = sorted(folder.glob("[0-9]*.md"))
    assert files
    for path in files:
        doc = parse_bytes(path.read_bytes(), name=str(path)).documents[0]
        assert doc.title and doc.url and doc.publisher and doc.published_at, path.name
        assert doc.language in ("zh", "en") and doc.tags, path.name
