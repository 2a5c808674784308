"""A worker killed with SIGKILL mid-run: another worker finishes it, with the same report.

The run uses a model (a local OpenAI-compatible server whose answers are a pure function of
the prompt), so the uninterrupted run and the resumed one can be compared word for word.
The server holds the third model request until the first worker has been killed.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.fake_openai import FakeOpenAI, Reply, completion

from touyan.cli.demo import demo_files
from touyan.ingest.pipeline import ingest
from touyan.jobs.pgqueue import PgRunner, migrate_queue
from touyan.llm.openai_compat import OpenAIProvider
from touyan.research.runs import advance_run, create_run, get_run
from touyan.store.db import Database

pytestmark = pytest.mark.pg
QUESTION = "云锋基金2014年投资小米"
PLAN = {
    "title": "云锋基金投资小米",
    "thought": "先事件，再数据，再综合",
    "steps": [
        {"id": "s1", "title": "事件", "kind": "search", "queries": ["云锋基金 小米 融资"]},
        {
            "id": "s2",
            "title": "数据",
            "kind": "data",
            "queries": ["小米 估值 亿美元"],
            "depends_on": ["s1"],
        },
        {"id": "s3", "title": "综合", "kind": "analysis", "depends_on": ["s1", "s2"]},
    ],
}


def answer(request: dict[str, Any]) -> str:
    """What the model says: a fixed plan, else bullets citing the first evidence ids given."""
    system = request["messages"][0]["content"]
    if "planner" in system:
        return json.dumps(PLAN, ensure_ascii=False)
    ids = re.findall(r'<evidence id="(\d+)"', request["messages"][-1]["content"])
    return "".join(f"小米完成新一轮融资[{i}]。" for i in ids[:2]) or "资料不足。"


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def worker(url: str, model_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TOUYAN_DB_URL": url,
        "TOUYAN_DATA_DIR": str(tmp_path / "worker-data"),
        "TOUYAN_LLM_MODEL": "m",
        "TOUYAN_LLM_BASE_URL": model_url,
        "TOUYAN_LLM_API_KEY": "k",
        "TOUYAN_LLM_MAX_RETRIES": "0",
        "TOUYAN_RUN_LEASE_SECONDS": "2",
        "TOUYAN_WORKER_HEARTBEAT_SECONDS": "0.5",
        "TOUYAN_WORKER_STALLED_SECONDS": "1.5",
        "TOUYAN_FEED_REFRESH_MINUTES": "0",
    }
    command = [sys.executable, "-c", "from touyan.cli import main; main()", "worker"]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_killed_worker_run_is_finished_by_another_with_the_same_report(
    pg_schema_url: str, tmp_path: Path
) -> None:
    migrate_queue(pg_schema_url)
    db = Database(pg_schema_url)
    db.migrate()
    ingest(db, demo_files())
    release = threading.Event()
    held = threading.Event()

    def respond(request: dict[str, Any]) -> Reply:
        if len(server.requests) == 3 and not release.is_set():
            held.set()
            release.wait(30)  # the first worker dies while waiting for this answer
        return 200, completion(answer(request)), {}

    server = FakeOpenAI([], responder=respond)
    first = second = None
    try:
        run_id = create_run(db, QUESTION, user_id=None, auto_accept=True)
        runner = PgRunner(pg_schema_url)
        runner.submit_run(run_id)
        runner.close()
        first = worker(pg_schema_url, server.url, tmp_path)
        wait_for(held.is_set, 60, "the first worker to reach its third model call")
        mid = get_run(db, run_id, None)
        assert mid is not None and mid.status == "running"
        finished_before = {k for k, v in mid.data["steps"].items() if v["status"] == "done"}
        assert finished_before  # it died mid-run, with some steps done
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
        release.set()
        second = worker(pg_schema_url, server.url, tmp_path)
        wait_for(
            lambda: (v := get_run(db, run_id, None)) is not None and v.status == "done",
            60,
            "the second worker to finish the run",
        )
        resumed = get_run(db, run_id, None)
        assert resumed is not None

        fresh = create_run(db, QUESTION, user_id=None, auto_accept=True)
        provider = OpenAIProvider(model="m", base_url=server.url, api_key="k", max_retries=0)
        assert advance_run(db, fresh, provider=provider) == "done"
        uninterrupted = get_run(db, fresh, None)
        assert uninterrupted is not None
        assert resumed.data["report_markdown"] == uninterrupted.data["report_markdown"]
        assert resumed.data["references"] == uninterrupted.data["references"]
        assert "小米完成新一轮融资" in resumed.data["report_markdown"]
    finally:
        release.set()
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.communicate(timeout=15)
        server.close()
        db.close()
