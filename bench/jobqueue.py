"""The PostgreSQL job queue: enqueue rate, drain rate with worker processes, pickup latency.

Run: .venv/bin/python bench/jobqueue.py [--pg postgresql+psycopg://…] [--jobs 2000]

Everything happens in a fresh schema of the given database (dropped afterwards). The jobs are
no-ops that record when they started, so the figures are the queue's own cost: a research run
spends seconds to minutes in the model, which dwarfs them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from common import machine, summary_ms
from touyan.jobs import register
from touyan.jobs.pgqueue import PgRunner, migrate_queue
from touyan.store.db import Database

HERE = Path(__file__).resolve().parent


def noop(db: Database, payload: dict[str, Any]) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO bench_started (n, enqueued, started) VALUES (:n, :e, :s)"),
            {"n": payload["n"], "e": payload["enqueued"], "s": time.time()},
        )


register("bench.noop", noop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.pg)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in args.pg else "?"
    url = f"{args.pg}{sep}options=-csearch_path%3D{schema}"
    print(f"job queue benchmark — PostgreSQL, {args.jobs} no-op jobs ({machine()})")
    try:
        migrate_queue(url)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE bench_started (n INT, enqueued FLOAT, started FLOAT)"))
        runner = PgRunner(url)
        started = time.perf_counter()
        for n in range(args.jobs):
            runner.submit("bench.noop", {"n": n, "enqueued": time.time()})
        rate = args.jobs / (time.perf_counter() - started)
        print(f"  enqueue (one web thread)          {rate:8.0f} jobs/s")

        started = time.perf_counter()
        workers = [_worker(url, args.concurrency, burst=True) for _ in range(args.workers)]
        for worker in workers:
            worker.communicate(timeout=600)
        seconds = time.perf_counter() - started
        done = _count(engine)
        print(
            f"  drain ({args.workers} workers × {args.concurrency}, incl. start) "
            f"{done / seconds:8.0f} jobs/s  ({done} jobs in {seconds:.1f} s)"
        )

        with engine.begin() as conn:
            conn.execute(text("DELETE FROM bench_started"))
        waiting = _worker(url, 1, burst=False)
        time.sleep(3)  # the worker is up and listening
        for n in range(100):
            runner.submit("bench.noop", {"n": n, "enqueued": time.time()})
            time.sleep(0.02)
        deadline = time.monotonic() + 60
        while _count(engine) < 100 and time.monotonic() < deadline:
            time.sleep(0.1)
        waiting.terminate()
        waiting.communicate(timeout=60)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT started - enqueued FROM bench_started")).all()
        print(f"  pickup latency (idle worker, LISTEN/NOTIFY)  {summary_ms([r[0] for r in rows])}")
        runner.close()
        engine.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _count(engine: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM bench_started")).scalar_one())


def _worker(url: str, concurrency: int, *, burst: bool) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(HERE),
        "TOUYAN_DB_URL": url,
        "TOUYAN_FEED_REFRESH_MINUTES": "0",
    }
    command = [sys.executable, "-c", "from touyan.cli import main; main()", "worker"]
    command += ["--import", "jobqueue", "--concurrency", str(concurrency)]
    return subprocess.Popen(
        [*command, *(["--burst"] if burst else [])], env=env, stdout=subprocess.DEVNULL
    )


if __name__ == "__main__":
    main()
