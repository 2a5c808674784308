"""RSS 2.0 / Atom feeds and web pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from touyan.ingest.sources import SourceError, parse_bytes
from touyan.ingest.sources.html import html_to_text, parse_html
from touyan.ingest.sources.rss import parse_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>财新网 - 最新</title><link>https://www.caixin.com/</link><language>zh-cn</language>
<item>
  <title>小米完成11亿美元融资</title>
  <link>https://www.caixin.com/2014-12-29/100768414.html</link>
  <description><![CDATA[<p>2014年12月29日，雷军宣布小米完成新一轮融资。</p>
    <p>估值达到<b>450亿美元</b>。</p><script>alert("noise")</script>]]></description>
  <pubDate>Mon, 29 Dec 2014 10:30:00 +0800</pubDate>
  <category>小米</category><category>融资</category>
  <author>rj@example.com (记者 王某)</author>
</item>
<item><title>只有标题的快讯</title><link>/flash/2</link></item>
<item><description>   </description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Reuters Markets</title><link href="https://www.reuters.com/"/>
<updated>2024-09-18T18:00:00Z</updated><id>urn:feed</id>
<entry>
  <title type="html">Fed cuts rates by &lt;b&gt;50&lt;/b&gt; bps</title>
  <link rel="alternate" href="https://www.reuters.com/markets/fed-2024-09-18/"/>
  <id>urn:1</id><updated>2024-09-18T18:30:00Z</updated>
  <published>2024-09-18T14:00:00-04:00</published>
  <author><name>Howard Schneider</name></author>
  <category term="fed"/><category term="rates" label="Interest rates"/>
  <summary>Short summary.</summary>
  <content type="html">&lt;p&gt;The Federal Reserve cut its policy rate by half a percentage
    point on Wednesday.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content>
</entry>
<entry>
  <title>Only updated</title><link href="https://www.reuters.com/2"/><id>urn:2</id>
  <updated>2024-09-19T01:00:00Z</updated><content type="text">Plain body &amp; more.</content>
</entry>
</feed>"""

ARTICLE = (
    "2014年12月29日，小米创始人雷军宣布，小米完成新一轮融资，融资总额为11亿美元。"
    "本轮融资完成后，小米的整体估值达到450亿美元。"
)
ARTICLE_2 = (
    "本轮投资方包括全明星基金、俄罗斯DST、新加坡政府投资公司（GIC）、厚朴投资和云锋基金。"
    "云锋基金在本轮出资2.5亿美元，是仅次于全明星基金的第二大投资方。"
)
PAGE = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>小米完成融资 - 财新网</title>
<link rel="canonical" href="/2014-12-29/100768414.html">
<meta property="og:site_name" content="财新网">
<meta property="article:published_time" content="2014-12-29T10:30:00+08:00">
<meta name="description" content="雷军宣布小米完成11亿美元融资">
<script>var noise = "SCRIPTNOISE";</script><style>.nav {{ color: red }}</style></head>
<body><header><nav><a href="/">首页</a> | <a href="/finance">财经</a> NAVNOISE</nav></header>
<div class="sidebar"><ul><li><a href="/1">热门文章一</a></li>
<li><a href="/2">热门文章二</a></li></ul></div>
<article><h1>小米完成11亿美元融资</h1>
<p>{ARTICLE}</p><p>{ARTICLE_2}</p><p>{ARTICLE_2}{ARTICLE}</p></article>
<footer>版权所有 财新网 FOOTERNOISE</footer><script>trackPageview("SCRIPTNOISE");</script>
</body></html>"""


# --- feeds --------------------------------------------------------------------------


def test_rss2_entries() -> None:
    result = parse_feed(RSS.encode(), origin="feed.xml", url="https://www.caixin.com/rss.xml")
    first, second = result.documents
    assert first.title == "小米完成11亿美元融资"
    assert first.text == "2014年12月29日，雷军宣布小米完成新一轮融资。\n\n估值达到450亿美元。"
    assert first.url == "https://www.caixin.com/2014-12-29/100768414.html"
    assert first.published_at == dt.datetime(2014, 12, 29, 2, 30)  # naive UTC
    assert first.tags == ["小米", "融资"] and first.language == "zh"
    assert first.publisher == "记者 王某" and first.origin == "feed.xml#1"
    # A headline-only item is still news; its relative link is resolved against the feed.
    assert second.text == "只有标题的快讯" and second.url == "https://www.caixin.com/flash/2"
    assert second.publisher == "财新网 - 最新"
    assert result.errors == [("feed.xml#3", "entry has neither title nor text")]


def test_atom_entries() -> None:
    first, second = parse_bytes(ATOM.encode(), name="markets.atom").documents
    assert first.title == "Fed cuts rates by 50 bps"
    assert first.text.startswith(
        "The Federal Reserve cut its policy rate by half a percentage point"
    )
    assert first.text.endswith("\n\nSecond paragraph.")
    assert first.url == "https://www.reuters.com/markets/fed-2024-09-18/"
    assert first.published_at == dt.datetime(2024, 9, 18, 18, 0)
    assert first.publisher == "Howard Schneider" and first.tags == ["fed", "rates"]
    assert first.summary == "Short summary."
    assert second.published_at == dt.datetime(2024, 9, 19, 1, 0)  # updated, no published
    assert second.text == "Plain body & more." and second.publisher == "Reuters Markets"


def test_rss1_rdf_feed() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>RDF News</title><link>https://x.example/</link></channel>
<item rdf:about="https://x.example/1"><title>RDF item</title><link>https://x.example/1</link>
<description>Body text.</description><dc:date>2024-01-02T03:04:05Z</dc:date></item>
</rdf:RDF>"""
    doc = parse_bytes(rdf, name="news.rdf.xml").documents[0]
    assert (doc.title, doc.text, doc.url) == ("RDF item", "Body text.", "https://x.example/1")
    assert doc.published_at == dt.datetime(2024, 1, 2, 3, 4, 5)


def test_gb2312_declared_feed() -> None:
    feed = (
        '<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>新浪财经</title>'
        "<item><title>茅台年报：营收1708亿元</title>"
        "<description>贵州茅台2024年营业收入1708亿元。</description></item></channel></rss>"
    )
    doc = parse_bytes(feed.encode("gb18030"), name="sina.xml").documents[0]
    assert doc.title == "茅台年报：营收1708亿元" and doc.text == "贵州茅台2024年营业收入1708亿元。"
    assert doc.publisher == "新浪财经"


def test_malformed_feed_with_entries_still_parses() -> None:
    broken = (
        b"<rss version='2.0'><channel><item><title>A & B</title><description>text</description>"
    )
    doc = parse_bytes(broken, name="broken.rss").documents[0]
    assert doc.title == "A & B" and doc.text == "text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss version='2.0'><channel><title>x</title></channel></rss>", "feed has no entries"),
        (b"hello world, not a feed at all", "not an RSS or Atom feed"),
        (b"\x00\x01\x02garbage\xff\xfe" * 20, "not an RSS or Atom feed"),
        (b"", "empty file"),
    ],
)
def test_unusable_feeds(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        parse_bytes(data, name="feed.xml")


def test_feed_bytes_are_never_opened_as_a_path(tmp_path: Path) -> None:
    # feedparser opens a bytes argument as a file name when such a file exists.
    path = tmp_path / "real.xml"
    path.write_text(RSS, encoding="utf-8")
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(str(path).encode(), origin="x.xml")


# --- web pages ------------------------------------------------------------------------


def test_article_text_wins_over_navigation_and_scripts() -> None:
    url = "https://www.caixin.com/x?utm_source=feed"
    doc = parse_bytes(PAGE.encode(), name=url, url=url).documents[0]
    assert ARTICLE in doc.text and ARTICLE_2 in doc.text
    for noise in ("NAVNOISE", "SCRIPTNOISE", "FOOTERNOISE", "热门文章一", "color: red"):
        assert noise not in doc.text, noise
    assert doc.title == "小米完成11亿美元融资"
    assert doc.url == "https://www.caixin.com/2014-12-29/100768414.html"  # canonical wins
    assert doc.publisher == "财新网"
    assert doc.published_at == dt.datetime(2014, 12, 29, 2, 30)
    assert doc.summary == "雷军宣布小米完成11亿美元融资"
    assert "\n\n" in doc.text  # paragraphs stay apart


def test_gbk_page_with_meta_charset() -> None:
    data = PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gbk")
    doc = parse_html(data, origin="page.html").documents[0]
    assert ARTICLE in doc.text
    assert doc.url is None  # a relative canonical link with no page URL to resolve it against


def test_charset_from_content_type_header() -> None:
    doc = parse_bytes(
        PAGE.replace('<meta charset="utf-8">', "").encode("gb18030"),
        name="https://x.example/a",
        url="https://x.example/a",
        content_type="text/html; charset=GBK",
    ).documents[0]
    assert ARTICLE in doc.text and doc.url == "https://x.example/2014-12-29/100768414.html"


def test_tiny_page_falls_back_to_tag_stripping() -> None:
    data = "<html><body><p>一句话</p><script>x()</script><style>p{}</style></body></html>"
    doc = parse_bytes(data.encode(), name="t.html", url="https://x.example/t").documents[0]
    assert doc.text == "一句话" and doc.title == "一句话" and doc.url == "https://x.example/t"


def test_page_without_text() -> None:
    data = b"<html><head><title>t</title><script>x()</script></head><body> <br> </body></html>"
    with pytest.raises(SourceError, match="no readable text in page"):
        parse_bytes(data, name="e.html")


def test_html_to_text() -> None:
    markup = (
        "<div>第一段<br>同段第二行</div><p>第二段 &amp; 实体</p><ul><li>一</li><li>二</li></ul>"
        "<script>bad()</script><table><tr><td>营收</td><td>12.5亿</td></tr></table>"
        "<pre>  keep\n  layout</pre>"
    )
    assert html_to_text(markup) == (
        "第一段\n同段第二行\n\n第二段 & 实体\n\n一\n\n二\n\n营收 12.5亿\n\nkeep\nlayout"
    )
    assert html_to_text("plain text, no tags") == "plain text, no tags"
    assert html_to_text("<head><title>t</title></head><body>unclosed <b>bold") == "unclosed bold"
