"""Deep research through the real OpenAI-compatible client, against a local server.

The server answers a malformed plan first (the client re-asks once), then a valid one, then
plays a hostile model: invented [n] markers, links and numbers. None of them may reach the
report as fact; a 429 with Retry-After on the way is retried.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.fake_openai import FakeOpenAI, Reply, completion

from touyan.llm.openai_compat import OpenAIProvider
from touyan.research.runs import advance_run, create_run, get_run
from touyan.store.db import Database

PLAN = {
    "title": "小米估值",
    "thought": "先查估值",
    "steps": [
        {"id": "s1", "title": "估值与融资", "kind": "search", "queries": ["小米 估值 融资"]},
        {"id": "s2", "title": "综合", "kind": "analysis", "depends_on": ["s1"]},
    ],
}


def test_malformed_plan_hostile_model_and_429_over_http(demo_db: Database) -> None:
    answers = iter(["这不是计划", json.dumps(PLAN, ensure_ascii=False)])
    throttled = {"done": False}

    def respond(request: dict[str, Any]) -> Reply:
        system = request["messages"][0]["content"]
        if "planner" in system:
            return 200, completion(next(answers)), {}
        if not throttled["done"]:
            throttled["done"] = True
            return 429, {"error": {"message": "slow down"}}, {"Retry-After": "0"}
        ids = re.findall(r'<evidence id="(\d+)"', request["messages"][-1]["content"])
        first = ids[0] if ids else "1"
        return (
            200,
            completion(
                f"小米估值为**450亿美元**[{first}]。小米估值实为7777亿美元[{first}]。"
                "更多见[官网](https://evil.example/x)与 http://evil.example/y [88]。"
            ),
            {},
        )

    server = FakeOpenAI([], responder=respond)
    try:
        provider = OpenAIProvider(model="m", base_url=server.url, api_key="k", max_retries=2)
        run_id = create_run(demo_db, "小米2014年估值", user_id=None, auto_accept=True)
        assert advance_run(demo_db, run_id, provider=provider) == "done"
    finally:
        server.close()
    view = get_run(demo_db, run_id, None)
    assert view is not None
    body = view.data["report_markdown"]
    assert "450亿美元" in body and "7777亿美元" not in body and "数据缺失" in body
    assert "evil.example" not in body and "[88]" not in body
    assert view.data["verification"]["removed_markers"] >= 1
    planner_requests = [r for r in server.requests if "planner" in r["messages"][0]["content"]]
    assert (
        len(planner_requests) == 2 and "invalid" in planner_requests[1]["messages"][-1]["content"]
    )
    assert all(u["url"] is None or "evil" not in u["url"] for u in view.data["references"])
