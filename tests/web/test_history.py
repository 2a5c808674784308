"""The history of a user's questions: listed on the account page, re-read with their cited
answers at /history/{id}, continued by the chat box, private to their owner."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from seed_story import SEED_SLUG
from web_support import csrf_of, login, make_user

from touyan.research.chat import ask
from touyan.store.db import Database
from touyan.store.models import Analysis


def test_account_lists_questions_and_the_page_shows_cited_answers(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    alice = make_user(db, "alice")
    article = feed[SEED_SLUG]
    answer = ask(db, "云锋基金投资小米多少钱？", user_id=alice.id, analysis_id=article.id)
    assert answer.citations, "the seed story must give a cited answer"
    login(client, "alice")

    account = client.get("/account").text
    assert f'href="/history/{answer.conversation_id}"' in account
    assert "云锋基金投资小米多少钱？" in account

    page = client.get(f"/history/{answer.conversation_id}")
    assert page.status_code == 200
    html = page.text
    assert '<div class="msg msg-user">云锋基金投资小米多少钱？</div>' in html
    # Citations link to the answer's own reference list, not the article's #ref-n.
    anchors = re.findall(r'href="#(msg\d+-ref-\d+)"', html)
    assert anchors and all(f'id="{a}"' in html for a in anchors)
    assert "2.5亿美元" in html
    assert "已核实" in html  # the verification line
    assert f'href="/a/{SEED_SLUG}"' in html  # back to the article it began on
    # the chat box continues this conversation, about the same article
    assert f'data-conversation-id="{answer.conversation_id}"' in html
    assert f'data-context-id="{article.id}"' in html


def test_follow_ups_join_the_same_conversation(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    alice = make_user(db, "alice")
    first = ask(db, "云锋基金投资小米多少钱？", user_id=alice.id)
    login(client, "alice")
    csrf = csrf_of(client, "/account")
    response = client.post(
        "/api/ask",
        json={"question": "估值是多少？", "conversation_id": first.conversation_id},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200 and "event: final" in response.text
    html = client.get(f"/history/{first.conversation_id}").text
    assert html.count('class="msg msg-user"') == 2 and html.count('class="msg msg-answer"') == 2
    assert client.get("/account").text.count('href="/history/') == 1


def test_history_is_private_and_escaped(
    client: TestClient, db: Database, feed: dict[str, Analysis]
) -> None:
    alice, _ = make_user(db, "alice"), make_user(db, "bob")
    hostile = '<img src=x onerror="alert(1)">小米估值？'
    conversation = ask(db, hostile, user_id=alice.id).conversation_id

    assert client.get(f"/history/{conversation}", follow_redirects=False).status_code in (303, 401)
    login(client, "bob")
    assert client.get(f"/history/{conversation}").status_code == 404
    assert f"/history/{conversation}" not in client.get("/account").text
    client.cookies.clear()
    login(client, "alice")
    html = client.get(f"/history/{conversation}").text
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert client.get("/history/999999").status_code == 404
