"""Ingest throughput, end to end, on the 16,039 real news items of finna_news + finnl_flash.

Run: .venv/bin/python bench/ingest.py [--pg postgresql+psycopg://…] [--split]

The whole pipeline (parse, normalise, chunk, tokenise, hash, deduplicate, find entity
mentions, extract facts, label, write and index) runs first, in a cold process; then its stages
are timed alone, so the end-to-end figure is read against its own floor. Each of these files is
prepared and analysed in two worker processes (`touyan.ingest.workers`) while the main process
writes; the CPU line shows how the work splits between them. `--split` also measures each
side alone in this one process (analysis, the pool's pickling both ways, the writer), which
other jobs on the machine disturb less than the end-to-end rate.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import tempfile
import time
from pathlib import Path

from common import machine, require_shared
from touyan.config import Settings
from touyan.ingest.analysis import Analyser
from touyan.ingest.pipeline import BATCH_SIZE, ingest
from touyan.ingest.prepare import PreparedDocument, prepare
from touyan.ingest.sources import parse_bytes
from touyan.ingest.sources.base import RawDocument
from touyan.ingest.store_writer import StoreWriter
from touyan.ingest.workers import analyse_or_error, fewer_collections
from touyan.store.db import Database

TARGET_DOCS_PER_S = 1500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", help="also measure on this PostgreSQL URL (an empty database)")
    parser.add_argument("--split", action="store_true", help="also time each side alone")
    args = parser.parse_args()
    shared = require_shared()
    files = [shared / "corpus" / "finna_news.jsonl", shared / "corpus" / "finnl_flash.jsonl"]
    items = sum(1 for f in files for line in f.open(encoding="utf-8") if line.strip())
    print(f"ingest benchmark — {items} items from {', '.join(f.name for f in files)} ({machine()})")

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

    # The floor under that figure, stage by stage (measured after it, so caches are warm).
    start = time.perf_counter()
    raws = [d for f in files for d in parse_bytes(f.read_bytes(), name=str(f)).documents]
    t_parse = time.perf_counter() - start
    chunk_chars = Settings().chunk_chars
    start = time.perf_counter()
    for raw in raws:
        prepare(raw, chunk_chars=chunk_chars)
    t_prepare = time.perf_counter() - start
    print(f"  stage: parse only       {len(raws) / t_parse:9.0f} docs/s")
    print(f"  stage: parse + prepare  {len(raws) / (t_parse + t_prepare):9.0f} docs/s")
    if args.split:
        _split(raws)
    if args.pg:
        rate, report = _run(args.pg, files)
        print(f"  full pipeline (PostgreSQL) {rate:6.0f} docs/s   added {report.added}")


def _run(url: str, files: list[Path]) -> tuple[float, object]:
    db = Database(url)
    db.migrate()
    items = sum(1 for f in files for line in f.open(encoding="utf-8") if line.strip())
    start, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest(db, [str(f) for f in files], settings=Settings())
    elapsed = time.perf_counter() - start
    cpu, workers = time.process_time() - cpu, _children_cpu() - workers
    db.close()
    print(
        f"  CPU per document: writer process {cpu / items * 1000:.3f} ms, "
        f"worker processes {workers / items * 1000:.3f} ms"
    )
    return items / elapsed, report


def _split(raws: list[RawDocument]) -> None:
    """CPU per document of each side alone: analysis (the workers' job), pickling results
    as the pool does (dumped in a worker, loaded by the writer) and writing."""
    n = len(raws)
    with tempfile.TemporaryDirectory() as tmp, fewer_collections():
        db = Database(f"sqlite:///{Path(tmp) / 'split.db'}")
        db.migrate()
        writer = StoreWriter(db)
        analyser = Analyser(writer.enricher.dictionary, chunk_chars=Settings().chunk_chars)
        start = time.process_time()
        results = [analyse_or_error(analyser, raw) for raw in raws]
        t_analyse = time.process_time() - start
        start = time.process_time()
        blobs = [pickle.dumps(results[i : i + 32], protocol=5) for i in range(0, n, 32)]
        t_dump = time.process_time() - start
        start = time.process_time()
        loaded = [r for blob in blobs for r in pickle.loads(blob)]
        t_load = time.process_time() - start
        docs = [r for r in loaded if isinstance(r, PreparedDocument)]
        start = time.process_time()
        for i in range(0, len(docs), BATCH_SIZE):
            writer.write(docs[i : i + BATCH_SIZE])
        t_write = time.process_time() - start
        db.close()
    print(
        f"  alone, CPU per document: analysis {t_analyse / n * 1000:.3f} ms, "
        f"pickling {t_dump / n * 1000:.3f} + {t_load / n * 1000:.3f} ms, "
        f"writer {t_write / n * 1000:.3f} ms"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
