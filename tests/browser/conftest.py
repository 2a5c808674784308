"""Browser tests: Debian's chromium driven by Playwright against a live local server.

The server runs in a thread of the test process (uvicorn, loopback only) over a fresh SQLite
store with the seed-story feed. Screenshots go to artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, ROOT, LiveServer

sys.path.insert(0, str(ROOT / "tests" / "web"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'browser.db'}"


@pytest.fixture
def live(db: Any) -> Iterator[LiveServer]:
    from seed_story import load_feed

    load_feed(db)
    with LiveServer(db.url) as server:
        yield server


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (make test installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()
