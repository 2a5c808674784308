"""A bounded load test on loopback: 2 web processes + 2 workers on PostgreSQL, 50 users.

Run: .venv/bin/python bench/load.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test
     [--users 50] [--seconds 60] [--web 2] [--workers 2]

A throw-away schema gets the demo corpus and its sample analyses, and one account (with an
API token) per user. `touyan serve --workers 2` and two `touyan worker` processes run on it;
every user then loops for `--seconds` over reading the feed, opening an article, searching,
asking a question (the SSE stream read to its end) and, now and then, starting a deep
research run with auto-accept. Afterwards every run started must finish (no run lost).
Printed: per endpoint, requests, errors, p50 and p95; the issue's bar is zero errors and no
run lost. Per-user rate limits are turned off for the test users' server (they would be
429s by design). Nothing leaves 127.0.0.1, and the loop stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

from common import machine, percentile
from touyan.accounts import create_api_token, create_user
from touyan.research.samples import ensure_sample_analyses
from touyan.store.db import Database
from web import free_port, pg_schema, up

QUESTIONS = (
    "小米2014年估值多少？",
    "宁德时代2024年净利润",
    "贵州茅台2024年营业收入",
    "美联储2024年12月降息多少",
    "What was Apple's fiscal 2024 net income?",
)
SEARCHES = ("云锋基金 小米", "宁德时代 营收", "Xiaomi IPO", "美联储 降息", "比亚迪 销量")
RESEARCH = ("腾讯控股2024年全年业绩", "比亚迪2024年新能源汽车销量", "阿里巴巴与小米的合作")


def prepare(db_url: str, users: int) -> tuple[list[str], list[str]]:
    from touyan.cli.demo import demo_files
    from touyan.ingest.pipeline import ingest

    db = Database(db_url)
    db.migrate()
    ingest(db, demo_files())
    ensure_sample_analyses(db)
    tokens = []
    for i in range(users):
        user = create_user(db, f"load{i:03d}", "load-test-password")
        tokens.append(create_api_token(db, user.id, "load")[1])
    with db.engine.connect() as conn:
        from sqlalchemy import select

        from touyan.store.models import Analysis

        slugs = list(conn.execute(select(Analysis.slug)).scalars())
    db.close()
    return tokens, slugs


def start(
    db_url: str, data: Path, web: int, workers: int
) -> tuple[list[subprocess.Popen[bytes]], str]:
    env = {
        **os.environ,
        "TOUYAN_DB_URL": db_url,
        "TOUYAN_DATA_DIR": str(data),
        "TOUYAN_FEED_REFRESH_MINUTES": "0",
        "TOUYAN_ASK_PER_MINUTE": "0",
        "TOUYAN_RESEARCH_PER_HOUR": "0",
    }
    touyan = [sys.executable, "-c", "from touyan.cli import main; main()"]
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [
        subprocess.Popen(
            [*touyan, "serve", "--port", str(port), "--workers", str(web)], env=env, **quiet
        )
    ]
    procs += [subprocess.Popen([*touyan, "worker"], env=env, **quiet) for _ in range(workers)]
    url = f"http://127.0.0.1:{port}"
    if up(url, 60):
        return procs, url
    for proc in procs:
        proc.terminate()
    raise SystemExit("the web server did not start within 60 s")


class Stats:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.runs: list[tuple[str, str]] = []  # (run id, the token of the user who made it)

    def add(self, name: str, seconds: float, error: str | None) -> None:
        if error:
            self.errors[name].append(error)
        else:
            self.latency[name].append(seconds)


async def user(
    base: str, token: str, slugs: list[str], stop: float, stats: Stats, seed: int
) -> None:
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as client:
        while time.monotonic() < stop:
            roll = rng.random()
            start = time.perf_counter()
            name, error = "", None
            try:
                if roll < 0.30:
                    name = "GET /"
                    r = await client.get("/")
                elif roll < 0.55:
                    name = "GET /a/{slug}"
                    r = await client.get(f"/a/{rng.choice(slugs)}")
                elif roll < 0.80:
                    name = "GET /api/search"
                    r = await client.get(f"/api/search?q={quote(rng.choice(SEARCHES))}")
                elif roll < 0.96:
                    name = "POST /api/ask (SSE)"
                    body = {"question": rng.choice(QUESTIONS)}
                    async with client.stream("POST", "/api/ask", json=body) as r:
                        text = "".join([chunk async for chunk in r.aiter_text()])
                    if r.status_code == 200 and "event: final" not in text:
                        error = "stream ended without a final answer"
                else:
                    name = "POST /api/research"
                    body = {"question": rng.choice(RESEARCH), "auto_accept": True}
                    r = await client.post("/api/research", json=body)
                    if r.status_code == 201:
                        stats.runs.append((r.json()["id"], token))
                if r.status_code >= 400 and error is None:
                    error = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            stats.add(name, time.perf_counter() - start, error)


async def finish_runs(base: str, runs: list[tuple[str, str]], timeout: float) -> dict[str, str]:
    """Each run's final status, polled with its owner's token until it ends or time runs out."""
    status: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        pending = list(runs)
        while pending and time.monotonic() < deadline:
            for run_id, token in list(pending):
                r = await client.get(
                    f"/api/research/{run_id}", headers={"Authorization": f"Bearer {token}"}
                )
                status[run_id] = r.json().get("status", f"HTTP {r.status_code}")
                if status[run_id] in ("done", "failed", "cancelled"):
                    pending.remove((run_id, token))
            await asyncio.sleep(1)
    return status


async def run_load(base: str, tokens: list[str], slugs: list[str], seconds: float) -> Stats:
    stats = Stats()
    stop = time.monotonic() + seconds
    await asyncio.gather(*(user(base, t, slugs, stop, stats, i) for i, t in enumerate(tokens)))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", required=True, help="a PostgreSQL database (a schema is made)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--web", type=int, default=2, help="web processes")
    parser.add_argument("--workers", type=int, default=2, help="touyan worker processes")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 5.0), 300.0)  # bounded, whatever is asked
    users = min(max(args.users, 1), 200)
    with tempfile.TemporaryDirectory(prefix="touyan-load-") as tmp, pg_schema(args.pg) as url:
        assert url is not None
        started = time.perf_counter()
        from touyan.jobs.pgqueue import migrate_queue

        migrate_queue(url)
        tokens, slugs = prepare(url, users)
        print(
            f"load test — PostgreSQL, {args.web} web processes + {args.workers} workers, "
            f"{users} users for {seconds:.0f} s ({machine()}); store ready in "
            f"{time.perf_counter() - started:.1f} s"
        )
        procs, base = start(url, Path(tmp), args.web, args.workers)
        try:
            stats = asyncio.run(run_load(base, tokens, slugs, seconds))
            status = asyncio.run(finish_runs(base, stats.runs, 180.0))
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(30)
    total = sum(len(v) for v in stats.latency.values())
    errors = sum(len(v) for v in stats.errors.values())
    print(f"{'endpoint':<22} {'requests':>8} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for name in sorted(set(stats.latency) | set(stats.errors)):
        ms = [x * 1000 for x in stats.latency[name]]
        print(
            f"{name:<22} {len(ms) + len(stats.errors[name]):>8} {len(stats.errors[name]):>7} "
            f"{percentile(ms, 50):>8.1f} {percentile(ms, 95):>8.1f}"
        )
        for sample in stats.errors[name][:3]:
            print(f"    e.g. {sample}")
    done = sum(1 for s in status.values() if s == "done")
    lost = [r for r, s in status.items() if s != "done"]
    print(f"total {total + errors} requests ({(total + errors) / seconds:.1f}/s), {errors} errors")
    print(f"research runs started {len(stats.runs)}, finished {done}, lost {len(lost)}")
    verdict = "meets" if errors == 0 and not lost else "MISSES"
    print(f"bar (zero errors, no run lost): {verdict}")
    if lost:
        print("  unfinished:", json.dumps({r: status[r] for r in lost[:5]}))


if __name__ == "__main__":
    main()
