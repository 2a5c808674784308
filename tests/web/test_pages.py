from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from seed_story import SEED_SLUG
from sqlalchemy import select
from web_support import PASSWORD, csrf_of, login, make_user

from touyan.config import Settings
from touyan.facts.confidence import CHECK_BELOW
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Analysis, Document
from touyan.web.app import create_app


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """Page rendering is backend-neutral (test_feed and test_security cover both backends)."""
    return f"sqlite:///{tmp_path / 'touyan.db'}"


def test_feed_page_lists_filters_and_pages(client: TestClient, feed: dict[str, Analysis]) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.template.name == "feed.html"  # type: ignore[attr-defined]
    page = response.context["feed"]  # type: ignore[attr-defined]
    assert [a.slug for a in page.items][0] == SEED_SLUG and page.total == 5
    html = response.text
    for label in ("中性", "利好", "利空", "A股", "港股", "美股", "2026年1月21日", "#xiaomi"):
        assert label in html, label
    assert "投研" in html and "资讯" in html and "来源" in html and "账户" in html

    filtered = client.get("/", params={"market": "hk", "sentiment": "bullish", "q": "小米"})
    assert [a.slug for a in filtered.context["feed"].items] == ["xiaomi-2024-results"]  # type: ignore[attr-defined]
    assert 'value="小米"' in filtered.text and '<option value="hk" selected>' in filtered.text
    tagged = client.get("/", params={"tag": "earnings", "since": "2025-03-19"})
    assert {a.slug for a in tagged.context["feed"].items} == {  # type: ignore[attr-defined]
        "xiaomi-2024-results",
        "tencent-2024-results",
    }
    # bad filter values are ignored, not errors
    assert (
        client.get("/", params={"market": "mars", "since": "yesterday", "page": "x"}).status_code
        == 200
    )


def test_feed_pagination_links(client: TestClient, db: Database) -> None:
    import datetime as dt

    from seed_story import add_analysis

    for i in range(15):
        add_analysis(
            db, slug=f"s{i}", title=f"第{i}篇", body="x", published_at=dt.datetime(2025, 1, i + 1)
        )
    first = client.get("/")
    assert len(first.context["feed"].items) == 12 and 'rel="next"' in first.text  # type: ignore[attr-defined]
    second = client.get("/?page=2")
    assert [a.slug for a in second.context["feed"].items] == ["s2", "s1", "s0"]  # type: ignore[attr-defined]
    assert 'rel="prev"' in second.text


def test_article_page_has_the_seed_anatomy(client: TestClient, feed: dict[str, Analysis]) -> None:
    response = client.get(f"/a/{SEED_SLUG}")
    assert response.status_code == 200
    html = response.text
    ctx = response.context  # type: ignore[attr-defined]
    assert ctx["a"].slug == SEED_SLUG
    # tags, sentiment, market, date
    assert "#private_equity" in html and "中性" in html and "A股市场" in html
    assert "2026年1月21日" in html
    # body: numbered sections, tables, bold figures, citation links with a preview
    assert 'class="numbered">一、云锋基金2014年投资小米始末</h2>' in html
    assert 'class="numbered">1.1 投资背景与规模</h3>' in html
    assert "<table>" in html and "<th>层面</th>" in html
    assert "<strong>11亿美元</strong>" in html and "<strong>2.5亿美元</strong>" in html
    assert re.search(r'href="#ref-2" data-ref="2" title="澎湃新闻 - 《雷军宣布', html)
    # reference list: title, publisher, date, URL
    refs = html[html.index('id="references"') :]
    assert 'id="ref-1"' in refs and 'id="ref-3"' in refs
    assert "财新周刊" in refs and "《450亿美元的小米贵不贵》" in refs and "2014年12月26日" in refs
    assert 'href="https://weekly.caixin.com/m/2014-12-26/100768414_all.html"' in refs
    # verification, previous / next, related reading, disclaimer, exports, chat box
    assert "事实核查" in html and "已核实" in html
    assert ctx["previous"].slug == "xiaomi-2024-results" and ctx["next"] is None
    assert "上一篇" in html and "没有下一篇" in html
    assert "相关阅读推荐" in html and [r.slug for r in ctx["related"]] == ["xiaomi-2024-results"]
    assert "数据基于历史，不代表未来趋势；仅供投资者参考，不构成投资建议" in html
    assert (
        f'href="/a/{SEED_SLUG}/export.md"' in html and f'href="/a/{SEED_SLUG}/export.pdf"' in html
    )
    assert "基于这条新闻提问，进行深度分析..." in html
    assert "深度投研" in html and "自动接受计划" in html
    # anonymous: the chat box asks to log in
    assert "登录后即可使用AI智能分析、深度投研报告" in html and 'id="chat-login"' in html
    assert 'id="chat-form"' not in html


def test_article_chat_box_for_a_logged_in_user(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    make_user(db, "alice")
    login(client, "alice")
    html = client.get(f"/a/{SEED_SLUG}").text
    assert 'id="chat-form"' in html and 'id="chat-deep"' in html and 'id="chat-auto"' in html
    assert f'name="context_analysis_id" value="{feed[SEED_SLUG].id}"' in html
    assert "登录后即可使用AI智能分析" not in html


def test_exports_download(client: TestClient, feed: dict[str, Analysis]) -> None:
    md = client.get(f"/a/{SEED_SLUG}/export.md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "attachment" in md.headers["content-disposition"] and "参考文献" in md.text
    pdf = client.get(f"/a/{SEED_SLUG}/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"/a/{SEED_SLUG}/export.exe").status_code == 404
    assert client.get("/a/nope/export.md").status_code == 404


def test_document_page_shows_text_chunks_facts_and_labels(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    with db.session() as session:
        doc = session.scalars(
            select(Document).where(Document.title.like("雷军宣布小米估值%"))
        ).one()
        doc.sentiment, doc.market, doc.tags = "bullish", "hk", ["小米", "融资"]
        doc.labels = {"method": "lexicon", "reasons": {"sentiment": "融资与估值创新高"}}
        doc_id = doc.id
    response = client.get(f"/d/{doc_id}")
    assert response.status_code == 200
    html = response.text
    ctx = response.context  # type: ignore[attr-defined]
    assert ctx["d"].id == doc_id and len(ctx["d"].chunks) >= 1
    assert "澎湃新闻" in html and "利好" in html and "港股" in html and "#小米" in html
    assert "融资与估值创新高" in html
    assert ctx["facts"], "the demo document has facts about the round"
    assert any(f.metric in ("raised", "valuation", "invested") for f in ctx["facts"])
    assert 'id="chunk-' in html and "11亿美元" in html


def test_document_page_shows_a_bound_and_a_range(
    client: TestClient, db: Database, tmp_path: Path
) -> None:
    """超过5800万元 is a floor and 2600万元至3900万元 a range: the table says so, not one figure."""
    text = (
        "2025年5月10日，远帆汽车公告：4月远帆汽车成交额超过5800万元。"
        "远帆汽车预计2024年归属于上市公司股东的净利润2600万元至3900万元。"
    )
    doc = tmp_path / "bounds.jsonl"
    doc.write_text(json.dumps({"title": "远帆汽车公告", "text": text}, ensure_ascii=False))
    assert ingest(db, [str(doc)]).added == 1
    with db.session() as session:
        doc_id = session.scalars(select(Document.id).where(Document.title == "远帆汽车公告")).one()
    html = client.get(f"/d/{doc_id}").text
    assert "≥ 5800万元" in html or "≥ 5,800万元" in html
    assert re.search(r"2,?600万元–3,?900万元", html)


def test_document_page_marks_a_fact_rated_unsure(
    client: TestClient, db: Database, tmp_path: Path
) -> None:
    """A forecast read off the text's own words a sentence after its company (基酒优品率有望…)
    is rated below CHECK_BELOW, a dictionary metric in its company's clause above: the table
    marks the first for checking against the quote, and only it. (Invented figures.)"""
    text = "2031年，贵州茅台营业收入为1250亿元，同比增长8%。另据介绍，其基酒优品率有望达到93.5%。"
    doc = tmp_path / "unsure.jsonl"
    doc.write_text(json.dumps({"title": "茅台2031年报摘要", "text": text}, ensure_ascii=False))
    assert ingest(db, [str(doc)]).added == 1
    with db.session() as session:
        doc_id = session.scalars(
            select(Document.id).where(Document.title == "茅台2031年报摘要")
        ).one()
    response = client.get(f"/d/{doc_id}")
    rated = {f.metric: f.confidence for f in response.context["facts"]}  # type: ignore[attr-defined]
    assert rated["revenue"] >= CHECK_BELOW > min(rated.values())
    assert response.text.count('class="chip unsure"') == 1
    assert f"{min(rated.values()):.2f}" in response.text  # the rating, in the chip's title


def test_login_logout_register_and_language(client: TestClient, db: Database) -> None:
    make_user(db, "alice")
    bad = client.post(
        "/login",
        data={"name": "alice", "password": "nope-nope", "csrf_token": csrf_of(client)},
    )
    assert bad.status_code == 400 and "用户名或密码错误" in bad.text
    login(client, "alice")
    session_cookie = client.cookies.get("touyan_session")
    assert session_cookie
    home = client.get("/")
    assert "alice" in home.text and 'id="logout"' in home.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/account", follow_redirects=False).status_code == 303

    created = client.post(
        "/register",
        data={
            "name": "新用户",
            "password": PASSWORD,
            "password2": PASSWORD,
            "csrf_token": csrf_of(client, "/register"),
            "next": "/account",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303 and created.headers["location"] == "/account"
    assert "新用户" in client.get("/account").text
    set_cookie = created.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=lax" in set_cookie

    english = client.get("/lang/en?next=/account", follow_redirects=True)
    assert "Account" in english.text and "API tokens" in english.text
    assert (
        client.get("/lang/zh?next=https://evil.example", follow_redirects=False).headers["location"]
        == "/"
    )


def test_register_validation_and_switch(db: Database) -> None:
    closed = create_app(db.url, settings=Settings(allow_registration=False), schedule_feeds=False)
    with TestClient(closed) as c:
        assert c.get("/register").status_code == 403
        assert "注册" not in c.get("/login").text.split("<main")[1]
    with TestClient(create_app(db.url, schedule_feeds=False)) as c:
        mismatch = c.post(
            "/register",
            data={"name": "eve", "password": PASSWORD, "password2": "x" + PASSWORD,
                  "csrf_token": csrf_of(c, "/register")},
        )  # fmt: skip
        assert mismatch.status_code == 400 and "不一致" in mismatch.text


@pytest.mark.parametrize(
    "path", ["/a/no-such-article", "/d/999999", "/d/not-a-number", "/research/" + "0" * 32, "/nope"]
)
def test_error_pages_share_the_look(
    client: TestClient, db: Database, engine: str, path: str
) -> None:
    make_user(db, "alice")
    login(client, "alice")
    response = client.get(path)
    assert response.status_code == 404
    assert "页面不存在" in response.text and 'class="site-header"' in response.text


def test_api_errors_are_json(client: TestClient) -> None:
    response = client.get("/api/analyses/nope")
    assert response.status_code == 404 and response.json() == {"detail": "analysis not found"}


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_api_docs_page_lists_operations(client: TestClient, app: FastAPI) -> None:
    html = client.get("/docs").text
    for path in ("/api/analyses", "/api/search", "/api/ask", "/api/research/{run_id}/events"):
        assert f"<code>{path}</code>" in html, path
    assert "cdn" not in html.lower()
    assert client.get("/openapi.json").json()["info"]["title"] == "投研 touyan"


def test_document_page_links_related_and_adjacent_documents(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    with db.engine.connect() as conn:
        doc_id = conn.execute(
            select(Document.id).where(Document.title.contains("雷军宣布小米估值"))
        ).scalar_one()
    response = client.get(f"/d/{doc_id}")
    assert response.status_code == 200
    related = response.context["related"]  # type: ignore[attr-defined]
    assert related and all(r.document.id != doc_id for r in related)
    assert any("小米" in r.document.title or "Xiaomi" in r.document.title for r in related)
    adjacent = response.context["adjacent"]  # type: ignore[attr-defined]
    assert adjacent.previous is not None or adjacent.next is not None
    assert f'href="/d/{related[0].document.id}"' in response.text
