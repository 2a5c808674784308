"""The authorisation matrix: every route, as anonymous, as user A and as user B.

A owns a private document, analysis, conversation, research run, API token and feed
subscription, each holding a secret. Anonymous visitors are refused wherever a login is
needed; B is refused (403/404) on every one of A's resources and never sees A's secret; A
gets through. A route missing from the table fails the test, so new routes get a row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from seed_story import SEED_SLUG, add_analysis
from sqlalchemy import select
from web_support import csrf_of, login, make_user

from touyan import accounts
from touyan.ingest import subscriptions
from touyan.ingest.pipeline import ingest
from touyan.research.chat import ask
from touyan.research.runs import create_run
from touyan.store.db import Database
from touyan.store.models import Analysis, Document

SECRET = "绝密代号青鸾"
PUBLIC, LOGIN, OWNED = "public", "login", "owned"

# (method, path, access). {doc}, {slug}, {conversation}, {run}, {token}, {subscription} are
# A's private resources; {public_slug} and {public_doc} are public ones.
MATRIX: list[tuple[str, str, str]] = [
    ("GET", "/", PUBLIC),
    ("GET", "/a/{public_slug}", PUBLIC),
    ("GET", "/a/{slug}", OWNED),
    ("GET", "/a/{slug}/export.md", OWNED),
    ("GET", "/d/{public_doc}", PUBLIC),
    ("GET", "/d/{doc}", OWNED),
    ("GET", "/login", PUBLIC),
    ("POST", "/login", PUBLIC),
    ("GET", "/register", PUBLIC),
    ("POST", "/register", PUBLIC),
    ("GET", "/lang/en", PUBLIC),
    ("GET", "/account", LOGIN),
    ("POST", "/account/tokens", LOGIN),
    ("POST", "/account/tokens/{token}/revoke", OWNED),
    ("GET", "/sources", LOGIN),
    ("POST", "/sources/urls", LOGIN),
    ("POST", "/sources/upload", LOGIN),
    ("POST", "/sources/feeds", LOGIN),
    ("POST", "/sources/feeds/{subscription}/refresh", OWNED),
    ("POST", "/sources/feeds/{subscription}/delete", OWNED),
    ("POST", "/research", LOGIN),
    ("GET", "/research/{run}", OWNED),
    ("POST", "/research/{run}/accept", OWNED),
    ("POST", "/research/{run}/edit", OWNED),
    ("POST", "/research/{run}/cancel", OWNED),
    ("POST", "/api/research", LOGIN),
    ("GET", "/api/research/{run}", OWNED),
    ("POST", "/api/research/{run}/accept", OWNED),
    ("POST", "/api/research/{run}/edit", OWNED),
    ("POST", "/api/research/{run}/cancel", OWNED),
    ("GET", "/api/research/{run}/events", OWNED),
    ("POST", "/api/ask", LOGIN),
    ("GET", "/api/conversations", LOGIN),
    ("GET", "/api/conversations/{conversation}", OWNED),
    ("GET", "/history/{conversation}", OWNED),
    ("GET", "/api/analyses", PUBLIC),
    ("GET", "/api/analyses/{slug}", OWNED),
    ("GET", "/api/analyses/{slug}/export", OWNED),
    ("GET", "/api/search?q=青鸾", PUBLIC),
    ("GET", "/api/documents", PUBLIC),
    ("GET", "/api/documents/{doc}", OWNED),
    ("GET", "/api/facts?document_id={doc}", PUBLIC),
    ("GET", "/docs", PUBLIC),
    ("GET", "/openapi.json", PUBLIC),
    ("POST", "/logout", PUBLIC),  # last: it ends the session the rows above use
]
REFUSED_ANONYMOUS = {401, 403, 404, 303, 302, 307}
REFUSED_OTHER = {403, 404}


def _routes(app: FastAPI) -> set[tuple[str, str]]:
    def walk(routes: list[Any]) -> Any:
        for route in routes:
            if hasattr(route, "original_router"):
                yield from walk(route.original_router.routes)
            else:
                yield route

    out = set()
    for route in walk(app.routes):
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD":
                out.add((method, route.path))
    return out


def _template(path: str) -> str:
    """/a/{slug}/export.md → the route's own path pattern, for the coverage check."""
    path = path.split("?")[0]
    replacements = {
        "/a/{public_slug}": "/a/{slug}",
        "/d/{public_doc}": "/d/{document_id}",
        "/d/{doc}": "/d/{document_id}",
        "/a/{slug}/export.md": "/a/{slug}/export.{fmt}",
        "/lang/en": "/lang/{lang}",
        "{token}": "{token_id}",
        "{subscription}": "{subscription_id}",
        "{run}": "{run_id}",
        "{conversation}": "{conversation_id}",
        "/api/documents/{doc}": "/api/documents/{document_id}",
    }
    for old, new in replacements.items():
        path = path.replace(old, new)
    return path


def test_every_route_is_in_the_matrix(app: FastAPI) -> None:
    covered = {(m, _template(p)) for m, p, _ in MATRIX}
    missing = _routes(app) - covered - {("GET", "/static")}
    assert not missing, f"routes without a row in the authorisation matrix: {sorted(missing)}"


@pytest.fixture
def world(app: FastAPI, db: Database, tmp_path: Path, feed: dict[str, Analysis]) -> dict[str, Any]:
    alice, bob = make_user(db, "alice"), make_user(db, "bob")
    memo = tmp_path / "memo.md"
    memo.write_text(f"# 内部备忘\n\n{SECRET}：宁德时代内部测算营业收入3620.13亿元。", "utf-8")
    doc = ingest(db, [str(memo)], owner_id=alice.id).document_ids[0]
    with db.engine.connect() as conn:
        public_doc = conn.execute(
            select(Document.id).where(Document.owner_id.is_(None)).limit(1)
        ).scalar_one()
    private = add_analysis(
        db, slug="alice-private", title=f"{SECRET}的研究", body=f"{SECRET}。", owner_id=alice.id
    )
    conversation = ask(db, f"{SECRET}是什么？", user_id=alice.id).conversation_id
    run = create_run(db, f"{SECRET}的研究", user_id=alice.id)
    token = accounts.create_api_token(db, alice.id, "a")[0].id
    subscription = subscriptions.subscribe(
        db, "https://feeds.example.com/a.xml", owner_id=alice.id, allow_private=True
    ).id
    clients = {"anonymous": TestClient(app), "alice": TestClient(app), "bob": TestClient(app)}
    login(clients["alice"], "alice")
    login(clients["bob"], "bob")
    ids = {
        "doc": doc, "public_doc": public_doc, "slug": private.slug, "public_slug": SEED_SLUG,
        "conversation": conversation, "run": run, "token": token, "subscription": subscription,
    }  # fmt: skip
    return {"clients": clients, "ids": ids, "users": {"alice": alice.id, "bob": bob.id}}


def _call(client: TestClient, method: str, path: str, csrf: str) -> tuple[int, str]:
    if method == "GET":
        response = client.get(path, follow_redirects=False)
        return response.status_code, response.text if "events" not in path else ""
    fields = {"feedback": "补充", "question": "小米"}
    if path.startswith("/api/"):
        response = client.post(
            path, json=fields, headers={"X-CSRF-Token": csrf}, follow_redirects=False
        )
    else:
        form = {**fields, "csrf_token": csrf, "urls": "", "url": ""}
        response = client.post(path, data=form, follow_redirects=False)
    return response.status_code, response.text


@pytest.mark.parametrize("who", ["anonymous", "bob", "alice"])
def test_authorisation_matrix(world: dict[str, Any], who: str, engine: str) -> None:
    client = world["clients"][who]
    csrf = csrf_of(client, "/account") if who != "anonymous" else ""
    problems: list[str] = []
    for method, template, access in MATRIX:
        if template == "/account/tokens/{token}/revoke" and who == "alice":
            continue  # A may revoke her own token; tests/web/test_security.py checks that
        path = template.format(**world["ids"])
        status, body = _call(client, method, path, csrf)
        where = f"{who} {method} {path} → {status}"
        if status >= 500:
            problems.append(f"{where}: server error")
        if SECRET in body and who != "alice":
            problems.append(f"{where}: shows A's secret")
        if access == OWNED and who == "bob" and status not in REFUSED_OTHER:
            problems.append(f"{where}: B reaches A's resource {body[:300]}")
        if access in (OWNED, LOGIN) and who == "anonymous" and status not in REFUSED_ANONYMOUS:
            problems.append(f"{where}: anonymous gets through")
        if access == OWNED and who == "alice" and status in (401, 403, 404):
            problems.append(f"{where}: the owner is refused")
    assert problems == [], "\n".join(problems)
