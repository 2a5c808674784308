"""Research engine speed and cost: quick answers, deep research wall time, LLM calls and tokens.

Run: .venv/bin/python bench/research.py [--skip-large]

1. Offline, on the bundled demo corpus plus the seed page: quick-answer latency (p50/p95 over
   the questions below, 3 passes) against plain search (its floor), and deep-research wall
   time per question.
2. The same on the 16,039-item news corpus (finna_news + finnl_flash) plus the demo corpus.
3. The model path with a scripted provider that returns a 6-step plan: model calls and
   tokens per deep report, against the target (≤ 1 planner + 1 per step + 1 per section
   calls, < 60,000 tokens). Tokens are estimated as 1 per CJK character plus 1 per 4 other
   characters (what BPE tokenizers of Chinese-capable models give within ~20 %).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from common import machine, percentile, require_shared
from touyan.cli.demo import demo_files
from touyan.ingest.pipeline import ingest
from touyan.llm import Message, ScriptedProvider
from touyan.research.chat import ask
from touyan.research.runs import advance_run, create_run, get_run
from touyan.research.samples import DEMO_QUESTIONS
from touyan.store.db import Database
from touyan.store.search import search

QUICK = (
    "小米2014年估值多少？",
    "云锋基金投资了小米多少钱？",
    "宁德时代2024年净利润",
    "贵州茅台2024年营业收入是多少",
    "比亚迪2024年新能源汽车销量",
    "美联储2024年12月降息多少",
    "腾讯2024年收入",
    "What was Apple's fiscal 2024 net income?",
    "NVIDIA data center revenue fiscal 2025",
    "Tesla deliveries 2024",
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def tokens(text: str) -> int:
    cjk = len(_CJK.findall(text))
    return cjk + (len(text) - cjk) // 4


def quick_latency(db: Database, passes: int = 3) -> tuple[list[float], list[float]]:
    answers: list[float] = []
    floor: list[float] = []
    for _ in range(passes):
        for q in QUICK:
            start = time.perf_counter()
            search(db, q, limit=8)
            floor.append(time.perf_counter() - start)
            start = time.perf_counter()
            ask(db, q, user_id=None, use_settings_provider=False)
            answers.append(time.perf_counter() - start)
    return answers, floor


def deep_times(db: Database) -> tuple[list[float], int, int]:
    seconds: list[float] = []
    claims = unsupported = 0
    for q in DEMO_QUESTIONS:
        start = time.perf_counter()
        run_id = create_run(db, q, user_id=None, auto_accept=True)
        advance_run(db, run_id, use_settings_provider=False)
        seconds.append(time.perf_counter() - start)
        view = get_run(db, run_id, None)
        assert view is not None and view.status == "done", q
        claims += view.data["verification"]["claims"]
        unsupported += view.data["verification"]["unsupported"]
    return seconds, claims, unsupported


def report(label: str, db: Database) -> None:
    answers, floor = quick_latency(db)
    ms = [a * 1000 for a in answers]
    fl = [f * 1000 for f in floor]
    print(
        f"  {label}: quick answer p50 {percentile(ms, 50):7.1f} ms  p95 {percentile(ms, 95):7.1f}"
        f" ms   (search alone p50 {percentile(fl, 50):5.1f} ms, p95 {percentile(fl, 95):5.1f} ms)"
    )
    seconds, claims, unsupported = deep_times(db)
    print(
        f"  {label}: deep research wall time mean {statistics.fmean(seconds):5.2f} s  "
        f"max {max(seconds):5.2f} s over {len(seconds)} questions; "
        f"{claims} claims, {unsupported} unsupported"
    )


def scripted_plan(steps: int) -> str:
    return json.dumps(
        {
            "title": "小米融资研究",
            "thought": "先事件后数据",
            "steps": [
                {
                    "id": f"s{i}",
                    "title": f"第{i}步",
                    "description": "检索并整理",
                    "kind": "analysis" if i == steps else ("data" if i == 2 else "search"),
                    "queries": ["小米 融资 估值", "云锋基金 小米"],
                    "depends_on": [f"s{j}" for j in range(1, i)] if i == steps else [],
                }
                for i in range(1, steps + 1)
            ],
        },
        ensure_ascii=False,
    )


def model_cost(db: Database) -> None:
    def note(messages: list[Message]) -> str:
        ids = re.findall(r'<evidence id="(\d+)"', messages[-1].content)[:3]
        return "\n".join(f"- 要点[{i}]" for i in ids) or "无相关资料"

    replies = [scripted_plan(6), *[note] * 20]
    provider = ScriptedProvider(replies)
    run_id = create_run(db, "云锋基金2014年投资小米的来龙去脉", user_id=None, auto_accept=True)
    advance_run(db, run_id, provider=provider)
    view = get_run(db, run_id, None)
    assert view is not None and view.status == "done", view and view.data["error"]
    calls = len(provider.prompts)
    prompt_tokens = sum(tokens(m.content) for p in provider.prompts for m in p)
    steps = len(view.data["plan"]["steps"])
    search_steps = sum(1 for s in view.data["plan"]["steps"] if s["kind"] != "analysis")
    budget = 1 + steps + steps
    print(
        f"  model path ({steps}-step plan, {search_steps} retrieval steps): {calls} calls "
        f"(target ≤ {budget}: {'meets' if calls <= budget else 'MISSES'}), "
        f"~{prompt_tokens:,} prompt tokens (target < 60,000: "
        f"{'meets' if prompt_tokens < 60_000 else 'MISSES'})"
    )
    per_call = [sum(tokens(m.content) for m in p) for p in provider.prompts]
    print(f"    per call: max ~{max(per_call):,} tokens, mean ~{statistics.fmean(per_call):,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-large", action="store_true", help="demo corpus only")
    args = parser.parse_args()
    shared = require_shared()
    print(f"research benchmark ({machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        db.migrate()
        ingest(db, [*demo_files(), str(shared / "seed" / "ginlix_yunfeng_xiaomi.txt")])
        report("demo corpus (36 docs)", db)
        model_cost(db)
        db.close()
        if not args.skip_large:
            big = Database(f"sqlite:///{Path(tmp) / 'big.db'}")
            big.migrate()
            corpus = [
                shared / "corpus" / "finna_news.jsonl",
                shared / "corpus" / "finnl_flash.jsonl",
            ]
            start = time.perf_counter()
            added = ingest(big, [*map(str, corpus), *demo_files()]).added
            print(
                f"  16k corpus: {added} documents ingested in {time.perf_counter() - start:.1f} s"
            )
            report(f"16k corpus ({added} docs)", big)
            big.close()


if __name__ == "__main__":
    main()
