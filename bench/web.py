"""Web throughput: requests/s and latency for the feed, an article page and search.

Run: .venv/bin/python bench/web.py [--duration 10] [--concurrency 8] [--analyses 500]
                                   [--pg postgresql+psycopg://…]

A temporary store gets the bundled demo corpus and `--analyses` feed items (copies of the
seed story with varied dates, markets and tags). Two uvicorn worker processes serve it on
127.0.0.1 only; a bounded load (fixed duration, fixed number of client threads, keep-alive
connections) is run against each page in turn. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import httpx
from sqlalchemy import create_engine, text

from common import ROOT, machine, percentile
from touyan.store.db import Database

MARKETS = ("cn_a", "hk", "us", "other")
SENTIMENTS = ("bullish", "neutral", "bearish")
TARGETS = (
    ("feed /", "/"),
    ("feed filtered", "/?market=hk&tag=xiaomi"),
    ("article /a/…", "/a/yunfeng-xiaomi-2014"),
    ("search /api/search", "/api/search?q=" + quote("云锋基金 小米")),
)


def seed_story() -> ModuleType:
    """tests/web/seed_story.py: the same realistic data the web tests use."""
    path = ROOT / "tests" / "web" / "seed_story.py"
    spec = importlib.util.spec_from_file_location("seed_story", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(db: Database, analyses: int) -> None:
    story = seed_story()
    made = story.load_feed(db)
    seed = made[story.SEED_SLUG]
    base = dt.datetime(2025, 1, 1)
    for i in range(max(0, analyses - len(made))):
        story.add_analysis(
            db,
            slug=f"bench-{i:05d}",
            title=f"{seed.title}（第{i}篇）",
            question=seed.question,
            body=seed.body,
            summary=seed.summary,
            tags=[*seed.tags[:3], f"topic_{i % 40}"],
            sentiment=SENTIMENTS[i % 3],
            market=MARKETS[i % 4],
            published_at=base + dt.timedelta(hours=i),
            references=seed.references,
            verification=seed.verification,
        )


@contextlib.contextmanager
def pg_schema(base: str | None) -> Iterator[str | None]:
    """A throw-away schema on the given PostgreSQL database (dropped afterwards)."""
    if not base:
        yield None
        return
    schema = f"bench_web_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db_url: str, data_dir: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "TOUYAN_DB_URL": db_url,
        "TOUYAN_DATA_DIR": str(data_dir),
        "TOUYAN_FEED_REFRESH_MINUTES": "0",
    }
    command = [
        sys.executable, "-m", "uvicorn", "touyan.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    if up(url, 30):
        return process, url
    process.terminate()
    raise SystemExit("the web server did not start within 30 s")


def up(url: str, timeout: float) -> bool:
    """Whether the server at `url` answers its front page within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


def load(url: str, duration: float, concurrency: int) -> tuple[list[float], int]:
    """Latencies of successful requests, and the number of failed ones, over `duration`."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker() -> None:
        mine: list[float] = []
        bad = 0
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < stop:
                start = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    mine.append(time.perf_counter() - start)
                else:
                    bad += 1
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--analyses", type=int, default=500, help="feed items in the store")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--pg", help="benchmark on this PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    duration = min(max(args.duration, 1.0), 60.0)  # bounded, whatever is asked
    concurrency = min(max(args.concurrency, 1), 64)

    with tempfile.TemporaryDirectory(prefix="touyan-bench-web-") as tmp, pg_schema(args.pg) as pg:
        db_url = pg or f"sqlite:///{Path(tmp) / 'web.db'}"
        db = Database(db_url)
        db.migrate()
        started = time.perf_counter()
        build_store(db, args.analyses)
        db.close()
        backend = "PostgreSQL" if args.pg else "SQLite"
        print(
            f"web benchmark — {backend}, {args.analyses} analyses, {args.workers} workers, "
            f"{concurrency} client threads, {duration:.0f} s per page ({machine()})"
        )
        print(f"store built in {time.perf_counter() - started:.1f} s")
        process, base = start_server(db_url, Path(tmp) / "data", args.workers)
        try:
            for label, path in TARGETS:
                load(base + path, 1.0, concurrency)  # warm caches and connections
                latencies, failures = load(base + path, duration, concurrency)
                ms = [x * 1000 for x in latencies]
                print(
                    f"{label:<20} {len(ms) / duration:8.1f} req/s  "
                    f"p50 {percentile(ms, 50):7.2f} ms  p95 {percentile(ms, 95):7.2f} ms  "
                    f"errors {failures}"
                )
        finally:
            process.terminate()
            process.wait(timeout=15)


if __name__ == "__main__":
    main()
