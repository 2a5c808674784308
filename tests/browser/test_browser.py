"""The browser flows of issue 6: register, log in, feed, filter, article, export, log out;
ask a question and see a cited answer; deep research with plan review, progress and report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import LiveServer, shot
from playwright.sync_api import expect

from touyan.store.db import Database

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"


def register(page: Any, live: LiveServer, name: str) -> None:
    page.goto(live.url + "/")
    page.click("text=注册")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    shot(page, "register")
    page.click("#register-form button[type=submit]")
    expect(page.locator(".who")).to_have_text(name)


def log_in(page: Any, live: LiveServer, name: str) -> None:
    page.goto(live.url + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    shot(page, "login")
    page.click("#login-form button[type=submit]")
    expect(page.locator(".who")).to_have_text(name)


def log_out(page: Any) -> None:
    page.click("#logout")
    expect(page.locator(".who")).to_have_count(0)


def test_register_login_feed_filter_article_export_logout(page: Any, live: LiveServer) -> None:
    register(page, live, "测试用户")
    log_out(page)
    log_in(page, live, "测试用户")

    page.goto(live.url + "/")
    expect(page.locator("#feed-list > li")).to_have_count(5)
    shot(page, "feed")
    page.select_option("#filter-market", "hk")
    page.click("#feed-filters button[type=submit]")
    expect(page.locator("#feed-list > li")).to_have_count(2)
    assert "market=hk" in page.url
    page.fill("#filter-q", "小米")
    page.click("#feed-filters button[type=submit]")
    expect(page.locator("#feed-list > li")).to_have_count(1)
    shot(page, "feed-filtered")
    page.goto(live.url + "/")
    page.click(".tag-cloud >> text=#xiaomi")
    expect(page.locator("#feed-list > li")).to_have_count(2)

    page.click("text=云锋基金2014年投资小米：从资本联姻到生态共建")
    expect(page.locator("h1.article-title")).to_contain_text("云锋基金2014年投资小米")
    for text in ("一、云锋基金2014年投资小米始末", "参考文献", "事实核查", "相关阅读推荐",
                 "数据基于历史，不代表未来趋势；仅供投资者参考，不构成投资建议"):  # fmt: skip
        expect(page.locator("article")).to_contain_text(text)
    expect(page.locator("#chat-form textarea")).to_have_attribute(
        "placeholder", "基于这条新闻提问，进行深度分析..."
    )
    cite = page.locator("#report-body a.cite-link[data-ref='2']").first
    cite.hover()
    expect(page.locator(".cite-pop")).to_be_visible()
    expect(page.locator(".cite-pop")).to_contain_text("澎湃新闻")
    shot(page, "article")
    cite.click()
    assert page.url.endswith("#ref-2")

    with page.expect_download() as md:
        page.click("#export-md")
    assert md.value.suggested_filename.endswith(".md")
    with page.expect_download() as pdf:
        page.click("#export-pdf")
    pdf_path = pdf.value.path()
    assert pdf_path is not None and Path(pdf_path).read_bytes()[:4] == b"%PDF"

    page.goto(live.url + "/account")
    page.fill("#token-form input[name=name]", "脚本")
    page.click("#token-form button")
    expect(page.locator("#new-token")).to_contain_text("ty_")
    shot(page, "account")
    page.goto(live.url + "/sources")
    shot(page, "sources")
    page.goto(live.url + "/d/1")
    expect(page.locator(".doc-chunks")).to_be_visible()
    shot(page, "document")
    page.goto(live.url + "/docs")
    shot(page, "api-docs")
    page.goto(live.url + "/a/does-not-exist")
    expect(page.locator(".error-code")).to_have_text("404")
    shot(page, "error-404")

    page.goto(live.url + "/")
    log_out(page)
    page.goto(live.url + "/account")
    assert "/login?next=" in page.url  # refused: back to the login page
    page.goto(live.url + "/a/yunfeng-xiaomi-2014")
    expect(page.locator("#chat-login")).to_be_visible()
    expect(page.locator(".chat")).to_contain_text("登录后即可使用AI智能分析、深度投研报告")
    shot(page, "article-anonymous", full_page=False)


def test_english_and_small_screen(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/a/yunfeng-xiaomi-2014")
    page.click(".lang-switch >> text=EN")
    expect(page.locator(".nav")).to_contain_text("Feed")
    expect(page.locator(".references h2")).to_have_text("References")
    shot(page, "article-en")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live.url + "/")
    shot(page, "feed-mobile")
    page.goto(live.url + "/a/yunfeng-xiaomi-2014")
    shot(page, "article-mobile")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the page scrolls sideways on a phone ({width}px)"


def test_ask_and_deep_research_in_the_browser(
    page: Any, db: Database, monkeypatch: pytest.MonkeyPatch, live: LiveServer
) -> None:
    register(page, live, "researcher")
    page.goto(live.url + "/a/yunfeng-xiaomi-2014")
    page.fill("#chat-question", "云锋基金投资小米多少钱？")
    page.click("#chat-send")
    answer = page.locator(".msg-answer").last
    expect(answer.locator(".msg-verification")).to_be_visible(timeout=60_000)
    expect(answer.locator("a.cite-link").first).to_be_visible()
    expect(answer.locator(".msg-refs li").first).to_be_visible()
    answer.locator("a.cite-link").first.click()  # to the answer's own reference, not the article's
    assert re.search(r"#msg\d+-ref-1$", page.url), page.url
    shot(page, "chat-answer")

    # The question is kept: the account page lists it, its page shows the cited answer and
    # its chat box continues the same conversation.
    page.goto(live.url + "/account")
    page.click("#conversation-list a")
    expect(page.locator("#history-log .msg-answer .msg-verification")).to_be_visible()
    page.fill("#chat-question", "估值是多少？")
    page.click("#chat-send")
    expect(page.locator("#chat-log .msg-answer .msg-verification")).to_be_visible(timeout=60_000)
    page.reload()
    expect(page.locator("#history-log .msg-user")).to_have_count(2)
    shot(page, "history")
    page.click("#history-context")  # back to the article the question began on

    page.fill("#chat-question", "云锋基金2014年投资小米的来龙去脉")
    page.check("#chat-deep")
    page.click("#chat-send")
    page.wait_for_url(re.compile(r"/research/[0-9a-f]{32}$"))
    expect(page.locator("#accept-plan")).to_be_visible(timeout=60_000)
    expect(page.locator("#plan-steps > li").first).to_be_visible()
    shot(page, "research-plan")
    run_url = page.url
    page.click("#accept-plan")
    # The run page follows the steps live and opens the report when it is done; a run that
    # finished before the page loaded shows a link to it instead.
    done = page.locator("#open-report").or_(page.locator("h1.article-title"))
    expect(done.first).to_be_visible(timeout=120_000)
    if "/research/" in page.url:
        page.click("#open-report")
    expect(page.locator(".references")).to_be_visible()
    shot(page, "research-report")
    with page.expect_download() as pdf:
        page.click("#export-pdf")
    assert pdf.value.suggested_filename.endswith(".pdf")
    # Coming back to a finished run shows it, with its history, and stays put (replayed
    # events are history: they must not reload the page).
    page.goto(run_url)
    expect(page.locator("#open-report")).to_be_visible()
    expect(page.locator("#event-log li.ev-done")).to_have_count(1)
    page.evaluate("window.__stay = 1")
    page.wait_for_timeout(1500)
    assert page.evaluate("window.__stay") == 1 and page.url == run_url
    shot(page, "research-done")
