"""Ingest throughput, end to end, on the 16,039 real news items of finna_news + finnl_flash.

Run: .venv/bin/python bench/ingest.py [--pg postgresql+psycopg://…]

Stages are timed separately in the same run, so the figure for the whole pipeline is read
against its own floor: JSON parsing alone, then parsing + preparing (normalise, chunk,
tokenise, hash), then everything including deduplication and writes to the store.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import machine, require_shared
from touyan.config import Settings
from touyan.ingest.pipeline import ingest
from touyan.ingest.prepare import prepare
from touyan.ingest.sources import parse_bytes
from touyan.store.db import Database

TARGET_DOCS_PER_S = 1500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", help="also measure on this PostgreSQL URL (an empty database)")
    args = parser.parse_args()
    shared = require_shared()
    files = [shared / "corpus" / "finna_news.jsonl", shared / "corpus" / "finnl_flash.jsonl"]
    items = sum(1 for f in files for line in f.open(encoding="utf-8") if line.strip())
    print(f"ingest benchmark — {items} items from {', '.join(f.name for f in files)} ({machine()})")

    start = time.perf_counter()
    raws = [d for f in files for d in parse_bytes(f.read_bytes(), name=str(f)).documents]
    t_parse = time.perf_counter() - start
    start = time.perf_counter()
    for raw in raws:
        prepare(raw, chunk_chars=Settings().chunk_chars)
    t_prepare = time.perf_counter() - start
    print(f"  parse only              {len(raws) / t_parse:9.0f} docs/s")
    print(f"  parse + prepare         {len(raws) / (t_parse + t_prepare):9.0f} docs/s")

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        rate, report = _run(url, files)
        print(
            f"  full pipeline (SQLite)  {rate:9.0f} docs/s   "
            f"added {report.added}, duplicates {report.duplicates}, "
            f"near-duplicates {report.near_duplicates}, failed {len(report.failed)}"
        )
        verdict = "meets" if rate >= TARGET_DOCS_PER_S else "MISSES"
        print(f"  target ≥ {TARGET_DOCS_PER_S} docs/s end to end on SQLite: {verdict}")
    if args.pg:
        rate, report = _run(args.pg, files)
        print(f"  full pipeline (PostgreSQL) {rate:6.0f} docs/s   added {report.added}")


def _run(url: str, files: list[Path]) -> tuple[float, object]:
    db = Database(url)
    db.migrate()
    items = sum(1 for f in files for line in f.open(encoding="utf-8") if line.strip())
    start = time.perf_counter()
    report = ingest(db, [str(f) for f in files], settings=Settings())
    elapsed = time.perf_counter() - start
    db.close()
    return items / elapsed, report


if __name__ == "__main__":
    main()
