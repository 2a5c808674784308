"""Authorisation, CSRF, XSS and the login rate limit, through the HTTP interface."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from inert import assert_inert
from seed_story import add_analysis
from web_support import PASSWORD, csrf_of, login, make_user

from touyan.config import Settings
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Analysis
from touyan.web.app import create_app

XSS = (
    '<script>alert("x")</script> <a href="javascript:alert(1)">点</a> <img src=x onerror=alert(2)>'
)


def page_csrf(client: TestClient, path: str = "/") -> str:
    return csrf_of(client, path) if path != "/" else client.cookies.get("touyan_csrf") or ""


def session_csrf(client: TestClient) -> str:
    return csrf_of(client, "/account")


def private_doc(db: Database, tmp_path: Path, owner_id: int, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = ingest(db, [str(path)], owner_id=owner_id)
    assert report.added == 1, report
    return report.document_ids[0]


def two_clients(app: FastAPI, db: Database) -> tuple[TestClient, TestClient, int, int]:
    alice, bob = make_user(db, "alice"), make_user(db, "bob")
    a, b = TestClient(app), TestClient(app)
    login(a, "alice")
    login(b, "bob")
    return a, b, alice.id, bob.id


def test_private_documents_and_analyses_stay_private(
    app: FastAPI, db: Database, tmp_path: Path, feed: dict[str, Analysis]
) -> None:
    a, b, alice_id, _ = two_clients(app, db)
    doc_id = private_doc(
        db,
        tmp_path,
        alice_id,
        "memo.md",
        "# 内部备忘\n\n宁德时代内部备忘录：绝密数字 987654 元。宁德时代2024年营业收入3620.13亿元。",
    )
    add_analysis(
        db, slug="alice-only", title="Alice 的私有报告", body="绝密", owner_id=alice_id,
        published_at=dt.datetime(2026, 3, 1),
    )  # fmt: skip
    anon = TestClient(app)
    for client, sees in ((a, True), (b, False), (anon, False)):
        assert (client.get(f"/d/{doc_id}").status_code == 200) is sees
        assert (client.get(f"/api/documents/{doc_id}").status_code == 200) is sees
        assert (client.get("/a/alice-only").status_code == 200) is sees
        assert (client.get("/api/analyses/alice-only").status_code == 200) is sees
        assert (client.get("/a/alice-only/export.md").status_code == 200) is sees
        feed_slugs = [i["slug"] for i in client.get("/api/analyses").json()["items"]]
        assert ("alice-only" in feed_slugs) is sees
        hits = client.get("/api/search", params={"q": "绝密数字 987654"}).json()
        assert any(h["document_id"] == doc_id for h in hits) is sees
        facts = client.get("/api/facts", params={"document_id": doc_id}).json()
        assert bool(facts) is sees  # the memo states revenue: a fact only its owner sees
        mine = client.get("/api/documents", params={"mine": "true"}).json()["items"]
        assert any(d["id"] == doc_id for d in mine) is sees
    # bob cannot ask about alice's document or article either
    token = session_csrf(b)
    body = {"question": "备忘录说了什么", "document_id": doc_id}
    asked = b.post("/api/ask", json=body, headers={"X-CSRF-Token": token})
    assert asked.status_code == 404
    research = b.post(
        "/api/research",
        json={"question": "备忘录", "context_document_id": doc_id},
        headers={"X-CSRF-Token": token},
    )
    assert research.status_code == 404


def test_runs_and_conversations_are_per_user(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    a, b, _, _ = two_clients(app, db)
    created = a.post(
        "/api/research",
        json={"question": "云锋基金投资小米的金额", "auto_accept": True},
        headers={"X-CSRF-Token": session_csrf(a)},
    )
    assert created.status_code == 201, created.text
    run_id = created.json()["id"]
    assert a.get(f"/api/research/{run_id}").status_code == 200
    assert a.get(f"/research/{run_id}").status_code == 200
    b_token = session_csrf(b)
    assert b.get(f"/api/research/{run_id}").status_code == 404
    assert b.get(f"/research/{run_id}").status_code == 404
    assert b.get(f"/api/research/{run_id}/events").status_code == 404
    for action in ("accept", "cancel"):
        r = b.post(f"/api/research/{run_id}/{action}", headers={"X-CSRF-Token": b_token})
        assert r.status_code == 404
    r = b.post(
        f"/api/research/{run_id}/edit", json={"feedback": "x"}, headers={"X-CSRF-Token": b_token}
    )
    assert r.status_code == 404

    with a.stream(
        "POST", "/api/ask", json={"question": "小米估值"}, headers={"X-CSRF-Token": session_csrf(a)}
    ) as response:
        events = [
            json.loads(line[5:]) for line in response.iter_lines() if line.startswith("data:")
        ]
    conversation_id = events[0]["conversation_id"]
    assert a.get(f"/api/conversations/{conversation_id}").status_code == 200
    assert b.get(f"/api/conversations/{conversation_id}").status_code == 404
    assert all(c["id"] != conversation_id for c in b.get("/api/conversations").json())
    with b.stream(
        "POST",
        "/api/ask",
        json={"question": "继续", "conversation_id": conversation_id},
        headers={"X-CSRF-Token": b_token},
    ) as response:
        frames = [
            json.loads(line[5:]) for line in response.iter_lines() if line.startswith("data:")
        ]
    assert frames[-1]["type"] == "error" and not any(f["type"] == "final" for f in frames)


def test_anonymous_is_refused_asking_researching_and_uploading(
    app: FastAPI, engine: str, feed: dict[str, Analysis]
) -> None:
    anon = TestClient(app)
    token = anon.cookies.get("touyan_csrf") or csrf_of(anon, "/login")
    headers = {"X-CSRF-Token": token}
    assert anon.post("/api/ask", json={"question": "x"}, headers=headers).status_code == 401
    assert anon.post("/api/research", json={"question": "x"}, headers=headers).status_code == 401
    assert anon.get("/api/conversations").status_code == 401
    for path in ("/sources", "/account", "/research/" + "a" * 32):
        r = anon.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    upload = anon.post(
        "/sources/upload",
        data={"csrf_token": token},
        files={"files": ("a.txt", b"hello", "text/plain")},
        follow_redirects=False,
    )
    assert upload.status_code == 303 and upload.headers["location"].startswith("/login")
    form = anon.post(
        "/research", data={"question": "x", "csrf_token": token}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/login")
    bad_bearer = anon.get("/api/analyses", headers={"Authorization": "Bearer ty_forged"})
    assert bad_bearer.status_code == 401


def test_csrf_is_required_on_forms_and_json_posts(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    make_user(db, "alice")
    client = TestClient(app)
    # the login form itself: no token, a wrong token, then the right one
    data = {"name": "alice", "password": PASSWORD}
    assert client.post("/login", data=data).status_code == 403
    assert client.post("/login", data={**data, "csrf_token": "x" * 43}).status_code == 403
    login(client, "alice")
    token = session_csrf(client)
    assert token != client.cookies.get("touyan_csrf")  # a session has its own token
    assert client.post("/account/tokens", data={"name": "t"}).status_code == 403
    wrong = client.post("/account/tokens", data={"name": "t", "csrf_token": "y" * 43})
    assert wrong.status_code == 403 and "CSRF" in wrong.text
    anon_token = client.post(
        "/account/tokens", data={"name": "t", "csrf_token": client.cookies.get("touyan_csrf")}
    )
    assert anon_token.status_code == 403  # the pre-login token is not the session's
    assert (
        client.post("/account/tokens", data={"name": "t", "csrf_token": token}).status_code == 200
    )
    assert client.post("/api/research", json={"question": "x"}).status_code == 403
    assert (
        client.post(
            "/api/ask", json={"question": "x"}, headers={"X-CSRF-Token": "z" * 43}
        ).status_code
        == 403
    )
    assert client.post("/logout").status_code == 403
    assert client.get("/account").status_code == 200  # still logged in


def test_bearer_tokens_need_no_csrf_and_can_be_revoked(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    make_user(db, "alice")
    client = TestClient(app)
    login(client, "alice")
    page = client.post("/account/tokens", data={"name": "脚本", "csrf_token": session_csrf(client)})
    raw = page.context["new_token"]  # type: ignore[attr-defined]
    assert raw.startswith("ty_") and raw in page.text
    assert raw not in client.get("/account").text  # shown once only
    api = TestClient(app)
    headers = {"Authorization": f"Bearer {raw}"}
    created = api.post("/api/research", json={"question": "小米估值"}, headers=headers)
    assert created.status_code == 201
    token_id = client.get("/account").context["tokens"][0].id  # type: ignore[attr-defined]
    revoked = client.post(
        f"/account/tokens/{token_id}/revoke",
        data={"csrf_token": session_csrf(client)},
        follow_redirects=False,
    )
    assert revoked.status_code == 303
    assert api.get(f"/api/research/{created.json()['id']}", headers=headers).status_code == 401


def test_untrusted_document_and_question_render_inert(
    app: FastAPI, db: Database, tmp_path: Path, engine: str, feed: dict[str, Analysis]
) -> None:
    alice = make_user(db, "alice")
    client = TestClient(app)
    login(client, "alice")
    doc_id = private_doc(
        db,
        tmp_path,
        alice.id,
        "evil.md",
        f"---\ntitle: '{XSS}'\nsource_url: 'javascript:alert(9)'\n---\n\n小米公告 {XSS} 正文内容。",
    )
    html = client.get(f"/d/{doc_id}").text
    assert_inert(html)
    assert "&lt;script&gt;" in html
    add_analysis(
        db,
        slug="evil-analysis",
        title=XSS,
        body=f"## 一、{XSS}\n\n正文[1] [x](javascript:alert(3))",
        tags=[XSS],
        summary=XSS,
        references=[{"n": 1, "title": XSS, "publisher": XSS, "url": "javascript:alert(4)"}],
        published_at=dt.datetime(2026, 5, 1),
    )
    for path in ("/", "/a/evil-analysis", "/?q=" + XSS, "/?tag=" + XSS):
        page = client.get(path)
        assert page.status_code == 200
        assert_inert(page.text)
    created = client.post(
        "/api/research",
        json={"question": f"小米 {XSS}", "auto_accept": False},
        headers={"X-CSRF-Token": session_csrf(client)},
    )
    run_page = client.get(f"/research/{created.json()['id']}").text
    assert_inert(run_page)
    with client.stream(
        "POST",
        "/api/ask",
        json={"question": f"小米 {XSS}"},
        headers={"X-CSRF-Token": session_csrf(client)},
    ) as response:
        events = [
            json.loads(line[5:]) for line in response.iter_lines() if line.startswith("data:")
        ]
    final = next(e for e in events if e["type"] == "final")
    assert_inert(final["answer_html"])


def test_login_rate_limit(db: Database) -> None:
    make_user(db, "alice")
    settings = Settings(login_max_failures=3, login_window_seconds=600)
    with TestClient(create_app(db.url, settings=settings, schedule_feeds=False)) as client:
        token = csrf_of(client)
        wrong = {"name": "alice", "password": "wrong-password", "csrf_token": token}
        for _ in range(3):
            assert client.post("/login", data=wrong).status_code == 400
        limited = client.post("/login", data={**wrong, "password": PASSWORD})
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
        assert "尝试次数过多" in limited.text
        assert client.cookies.get("touyan_session") is None
        # other accounts from the same address are limited too (guessing across names)
        other = client.post("/login", data={**wrong, "name": "bob"})
        assert other.status_code == 429


def test_oversized_request_bodies_are_refused_before_they_are_stored(db: Database) -> None:
    settings = Settings(max_request_bytes=1000)
    app = create_app(db.url, settings=settings, schedule_feeds=False)
    with TestClient(app) as client:
        declared = client.post("/login", content=b"x" * 5000)
        assert declared.status_code == 413 and "request over" in declared.text

        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(10):
                yield b"y" * 500

        form = {"content-type": "application/x-www-form-urlencoded"}
        streamed = client.post("/login", content=chunks(), headers=form, follow_redirects=False)
        assert streamed.status_code == 413
        assert client.get("/").status_code == 200
