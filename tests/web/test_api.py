"""The JSON API, including the SSE endpoints driven through the research-contract engine."""

from __future__ import annotations

import json
import time
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from seed_story import SEED_SLUG
from web_support import csrf_of, login, make_user

from touyan.store.db import Database
from touyan.store.models import Analysis


def sse(client: TestClient, method: str, url: str, **kwargs: Any) -> list[tuple[str, Any]]:
    """(event, data) pairs of a text/event-stream response."""
    frames: list[tuple[str, Any]] = []
    with client.stream(method, url, **kwargs) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        event = "message"
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                frames.append((event, json.loads(line[5:])))
    return frames


def logged_in(app: FastAPI, db: Database, name: str = "alice") -> tuple[TestClient, dict[str, str]]:
    make_user(db, name)
    client = TestClient(app)
    login(client, name)
    return client, {"X-CSRF-Token": csrf_of(client, "/account")}


def wait_status(
    client: TestClient, run_id: str, wanted: set[str], timeout: float = 30
) -> dict[str, Any]:
    """The run once its status is in `wanted` (the real engine runs in a job thread)."""
    deadline = time.monotonic() + timeout
    while True:
        run: dict[str, Any] = client.get(f"/api/research/{run_id}").json()
        if run["status"] in wanted or time.monotonic() > deadline:
            return run
        time.sleep(0.1)


def test_analyses_list_get_and_export(client: TestClient, feed: dict[str, Analysis]) -> None:
    page = client.get("/api/analyses", params={"market": "hk", "per_page": 1}).json()
    assert page["total"] == 2 and page["pages"] == 2 and len(page["items"]) == 1
    item = page["items"][0]
    assert item["slug"] == "xiaomi-2024-results" and "body" not in item
    assert client.get("/api/analyses", params={"market": "mars"}).status_code == 422
    tagged = client.get("/api/analyses", params={"tag": "xiaomi", "q": "云锋"}).json()
    assert [i["slug"] for i in tagged["items"]] == [SEED_SLUG]
    seed = client.get(f"/api/analyses/{SEED_SLUG}").json()
    assert seed["sentiment"] == "neutral" and seed["market"] == "cn_a"
    assert "[1][2]" in seed["body"] and len(seed["references"]) == 3
    assert seed["verification"]["supported"] == 12
    exported = client.get(f"/api/analyses/{SEED_SLUG}/export", params={"format": "html"})
    assert exported.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in exported.text


def test_search_documents_and_facts(client: TestClient, feed: dict[str, Analysis]) -> None:
    hits = client.get("/api/search", params={"q": "云锋基金 小米", "limit": 3}).json()
    assert 1 <= len(hits) <= 3 and all(h["url"].startswith("http") for h in hits)
    assert any("云锋" in h["snippet"] for h in hits)
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    docs = client.get("/api/documents", params={"limit": 5}).json()
    assert docs["total"] == 11 and len(docs["items"]) == 5
    doc = client.get(f"/api/documents/{hits[0]['document_id']}").json()
    assert doc["text"] and doc["chunks"] and doc["public"] is True
    facts = client.get("/api/facts", params={"entity": "小米", "metric": "valuation"}).json()
    assert facts and all(f["metric"] == "valuation" for f in facts)
    assert all(set(f) >= {"value", "quote", "document_id", "span"} for f in facts)
    rated = sorted(
        f["confidence"] for f in client.get("/api/facts", params={"entity": "小米"}).json()
    )
    floor = rated[-1]  # the best rating: the facts rated lower are left out
    sure = client.get("/api/facts", params={"entity": "小米", "min_confidence": floor}).json()
    assert sure and all(f["confidence"] >= floor for f in sure) and len(sure) < len(rated)
    assert client.get("/api/facts", params={"min_confidence": 1.5}).status_code == 422


def test_ask_streams_contract_events_with_rendered_answer(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    client, headers = logged_in(app, db)
    frames = sse(
        client,
        "POST",
        "/api/ask",
        json={"question": "云锋基金投资小米多少钱？", "analysis_id": feed[SEED_SLUG].id},
        headers=headers,
    )
    kinds = [kind for kind, _ in frames]
    assert kinds[0] == "conversation" and kinds[-1] == "final"
    assert set(kinds[1:-1]) <= {"delta"}
    final = frames[-1][1]
    assert set(final) >= {"answer", "citations", "verification", "message_id", "answer_html"}
    assert set(final["verification"]) >= {
        "claims",
        "cited",
        "supported",
        "unsupported",
        "removed_markers",
    }
    for citation in final["citations"]:
        assert set(citation) >= {"n", "document_id", "chunk_ids", "title", "publisher", "url"}
        anchor = f'href="#msg{final["message_id"]}-ref-{citation["n"]}"'
        assert anchor in final["answer_html"]
    conversation_id = frames[0][1]["conversation_id"]
    follow_up = sse(
        client,
        "POST",
        "/api/ask",
        json={"question": "估值呢？", "conversation_id": conversation_id},
        headers=headers,
    )
    assert follow_up[0][1]["conversation_id"] == conversation_id
    listed = client.get("/api/conversations").json()
    assert [c.get("id", c.get("conversation_id")) for c in listed].count(conversation_id) == 1
    hidden = client.post("/api/ask", json={"question": "x", "analysis_id": 999999}, headers=headers)
    assert hidden.status_code == 404


def test_research_run_review_flow_and_events(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    client, headers = logged_in(app, db)
    created = client.post(
        "/api/research",
        json={"question": "云锋基金2014年投资小米", "context_analysis_id": feed[SEED_SLUG].id},
        headers=headers,
    )
    assert created.status_code == 201
    run_id = created.json()["id"]
    assert len(run_id) == 32 and created.json()["url"] == f"/research/{run_id}"
    run = wait_status(client, run_id, {"awaiting_review"})
    assert run["status"] == "awaiting_review" and run["plan"]["steps"]
    page = client.get(f"/research/{run_id}")
    assert 'id="accept-plan"' in page.text and 'id="edit-form"' in page.text
    for step in run["plan"]["steps"]:
        assert step["title"] in page.text

    edited = client.post(
        f"/api/research/{run_id}/edit", json={"feedback": "增加估值对比"}, headers=headers
    )
    assert edited.status_code == 200
    run = wait_status(client, run_id, {"awaiting_review"})
    assert len(run["plan_versions"]) == 2
    # accepting twice: the second time the run is no longer awaiting review
    assert client.post(f"/api/research/{run_id}/accept", headers=headers).status_code == 200
    run = wait_status(client, run_id, {"done", "failed"})
    assert run["status"] == "done" and run["analysis_slug"]
    again = client.post(f"/api/research/{run_id}/accept", headers=headers)
    assert again.status_code == 409 and again.json()["detail"]
    assert client.post(f"/api/research/{run_id}/cancel", headers=headers).status_code == 409

    frames = sse(client, "GET", f"/api/research/{run_id}/events")
    kinds = [kind for kind, _ in frames]
    assert kinds[-1] == "end" and "plan" in kinds and "step_done" in kinds and "done" in kinds
    seqs = [data["seq"] for kind, data in frames if kind != "end"]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    done = next(data for kind, data in frames if kind == "done")
    assert done["data"]["analysis_slug"] == run["analysis_slug"]
    tail = sse(
        client, "GET", f"/api/research/{run_id}/events", headers={"Last-Event-ID": str(seqs[-2])}
    )
    assert [kind for kind, _ in tail] == [kinds[-2], "end"]

    page = client.get(f"/research/{run_id}").text
    assert f'href="/a/{run["analysis_slug"]}"' in page and "已完成" in page
    report = client.get(f"/a/{run['analysis_slug']}")
    assert report.status_code == 200


def test_form_actions_on_the_run_page(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    client, _ = logged_in(app, db)
    token = csrf_of(client, f"/a/{SEED_SLUG}")
    created = client.post(
        "/research",
        data={
            "question": "小米估值",
            "csrf_token": token,
            "context_analysis_id": feed[SEED_SLUG].id,
        },
        follow_redirects=False,
    )
    assert created.status_code == 303 and created.headers["location"].startswith("/research/")
    run_id = created.headers["location"].rsplit("/", 1)[1]
    wait_status(client, run_id, {"awaiting_review"})
    cancel = client.post(
        f"/research/{run_id}/cancel", data={"csrf_token": token}, follow_redirects=False
    )
    assert cancel.status_code == 303
    assert client.get(f"/api/research/{run_id}").json()["status"] == "cancelled"
    refused = client.post(f"/research/{run_id}/accept", data={"csrf_token": token})
    assert refused.status_code == 409 and "当前状态不允许此操作" in refused.text


def test_auto_accept_runs_straight_through(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis]
) -> None:
    client, headers = logged_in(app, db)
    run_id = client.post(
        "/api/research", json={"question": "小米估值", "auto_accept": True}, headers=headers
    ).json()["id"]
    run = wait_status(client, run_id, {"done", "failed"})
    assert run["status"] == "done"
    statuses = [
        data["data"]["status"]
        for kind, data in sse(client, "GET", f"/api/research/{run_id}/events")
        if kind == "status"
    ]
    assert "awaiting_review" not in statuses and statuses[-1] == "done"


def test_a_run_page_reads_its_events_before_its_status(
    app: FastAPI, db: Database, engine: str, feed: dict[str, Analysis], monkeypatch: Any
) -> None:
    """A status the worker writes while the page renders must reach its script as news: the
    page's last_seq is read before the run, so a change between the two reads has a later
    sequence number and the script reloads on it (read the other way round, the page kept
    the old status and counted the new status's event as history: no reload, a stale page)."""
    from touyan.web.routes import research as routes

    client, headers = logged_in(app, db)
    created = client.post(
        "/api/research", json={"question": "云锋基金2014年投资小米"}, headers=headers
    )
    run_id = created.json()["id"]
    wait_status(client, run_id, {"awaiting_review"})
    reads: list[str] = []
    events_after, run_json = routes.runs_service.events_after, routes.run_json

    def events(*args: Any) -> Any:
        reads.append("events")
        return events_after(*args)

    def run(*args: Any) -> Any:
        reads.append("run")
        return run_json(*args)

    monkeypatch.setattr(routes.runs_service, "events_after", events)
    monkeypatch.setattr(routes, "run_json", run)
    page = client.get(f"/research/{run_id}")
    assert page.status_code == 200 and 'data-status="awaiting_review"' in page.text
    assert reads[-2:] == ["events", "run"]  # the status shown is read after the events
