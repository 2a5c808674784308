"""News labels, offline: sentiment and market quality, tag agreement, speed, related latency.

Run: .venv/bin/python bench/labels.py [--related-docs 100000] [--db-file PATH] [--pg URL]

Per dataset: sentiment macro-F1 and accuracy on cfbench_news_sentiment (company news) and
finfe_social_sentiment_dev (investor posts); domestic/foreign market accuracy on the
finnl_flash region labels (中国 → cn_a or hk, 外国 → us or other; 国际 items are left out);
agreement of tags with finnl's topic labels; documents labelled per second; related-articles
and previous/next latency on a corpus replicated to 100,000 documents. The eval sets are
measured, never tuned on: the lexicons are general finance knowledge.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from common import machine, percentile, read_jsonl, require_shared
from touyan.analysis import Labeller
from touyan.analysis.market import DOMESTIC
from touyan.analysis.related import adjacent_documents, related_documents
from touyan.analysis.tags import Idf, vocabulary
from touyan.config import Settings
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, Entity, EntityMention
from touyan.text.segment import tokenize

TARGET_F1_NEWS = 0.75
TARGET_MARKET = 0.95
TARGET_DOCS_PER_S = 2000
TARGET_RELATED_MS = 20.0
SENTIMENT_MAP = {
    "积极": "bullish",
    "中性": "neutral",
    "消极": "bearish",
    "positive": "bullish",
    "neutral": "neutral",
    "negative": "bearish",
}
# finnl topic → the tags that agree with it (a topic is matched when any of them is given).
_INDUSTRY = {t.id for t in vocabulary().values() if t.kind == "industry"}
TOPIC_TAGS: dict[str, set[str]] = {
    "大盘": {"stock_market", "capital_flow"},
    "行业": _INDUSTRY,
    "经济": {"macro_economy", "trade", "fiscal_policy", "monetary_policy"},
    "政策": {"policy", "regulation", "monetary_policy", "fiscal_policy"},
    "新冠": {"covid"},
    "期货": {"futures"},
    "能源": {"energy"},
    "债券": {"bonds"},
    "房地产": {"real_estate"},
    "虚拟货币": {"crypto"},
    "外汇": {"forex"},
    "政治": {"geopolitics", "trade"},
}


def macro_f1(gold: list[str], predicted: list[str]) -> tuple[float, dict[str, float]]:
    per: dict[str, float] = {}
    for label in ("bullish", "neutral", "bearish"):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(per.values()) / len(per), per


def bench_sentiment(labeller: Labeller, shared: Path) -> None:
    sets = [
        ("cfbench_news_sentiment (news)", "cfbench_news_sentiment.jsonl", "input", "response"),
        ("finfe_social_sentiment_dev (posts)", "finfe_social_sentiment_dev.jsonl", "text", "label"),
    ]
    for name, file, text_key, label_key in sets:
        rows = read_jsonl(shared / "eval" / file)
        gold = [SENTIMENT_MAP[str(r[label_key]).strip()] for r in rows]
        predicted = [labeller.offline(str(r[text_key]).strip()).sentiment for r in rows]
        f1, per = macro_f1(gold, predicted)
        accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(rows)
        per_label = " ".join(f"{k} {v:.3f}" for k, v in per.items())
        print(
            f"  sentiment {name:36s} n={len(rows):5d}  macro-F1 {f1:.3f}  acc {accuracy:.3f}"
            f"  (F1 {per_label})"
        )
        # Rules are developed on the odd-numbered rows (1st, 3rd, …) and checked on the even
        # ones: a gap between the two says a change fits the set rather than the news.
        for split, rows_of in (
            ("odd rows (dev)", slice(0, None, 2)),
            ("even rows (check)", slice(1, None, 2)),
        ):
            f1_split, _ = macro_f1(gold[rows_of], predicted[rows_of])
            right = sum(g == p for g, p in zip(gold[rows_of], predicted[rows_of], strict=True))
            print(
                f"    {split:18s} n={len(gold[rows_of]):5d}  macro-F1 {f1_split:.3f}  "
                f"acc {right / len(gold[rows_of]):.3f}"
            )
        print(f"    confusion (gold → predicted): {_confusion(gold, predicted)}")
        if "news" in name:
            verdict = "meets" if f1 >= TARGET_F1_NEWS else "MISSES"
            print(f"    target macro-F1 ≥ {TARGET_F1_NEWS} on the news set: {verdict}")


def _confusion(gold: list[str], predicted: list[str]) -> str:
    counts = Counter(zip(gold, predicted, strict=True))
    short = {"bullish": "bull", "neutral": "neut", "bearish": "bear"}
    return (
        "  ".join(f"{short[g]}→" + "/".join(f"{counts[(g, p)]}" for p in short) for g in short)
        + "  (columns bull/neut/bear)"
    )


def bench_market_and_tags(labeller: Labeller, shared: Path) -> None:
    rows = read_jsonl(shared / "corpus" / "finnl_flash.jsonl")
    right = total = 0
    split_right = [0, 0]
    split_total = [0, 0]
    confusion: Counter[tuple[str, str]] = Counter()
    topic_hits: Counter[str] = Counter()
    topic_total: Counter[str] = Counter()
    for index, row in enumerate(rows):
        labels = row.get("labels") or []
        region = labels[0] if labels else ""
        result = labeller.offline(row["text"])
        if region in ("中国", "外国"):
            total += 1
            domestic = result.market in DOMESTIC
            ok = domestic == (region == "中国")
            right += ok
            split_right[index % 2] += ok
            split_total[index % 2] += 1
            confusion[(region, result.market)] += 1
        for topic in labels[1:]:
            wanted = TOPIC_TAGS.get(topic)
            if topic == "公司":
                wanted = None
                ok = any(t not in vocabulary() for t in result.tags) or any(
                    vocabulary()[t].kind == "deal" or t == "earnings"
                    for t in result.tags
                    if t in vocabulary()
                )
            elif wanted is None:
                continue
            else:
                ok = bool(wanted & set(result.tags))
            topic_total[topic] += 1
            topic_hits[topic] += ok
    accuracy = right / total
    print(
        f"  market domestic/foreign on finnl_flash  n={total}  accuracy {accuracy:.3f}  "
        f"(中国→{_dist(confusion, '中国')}; 外国→{_dist(confusion, '外国')})"
    )
    print(
        f"    odd rows (dev) {split_right[0] / split_total[0]:.3f}  "
        f"even rows (check) {split_right[1] / split_total[1]:.3f}"
    )
    verdict = "meets" if accuracy >= TARGET_MARKET else "MISSES"
    print(f"    target accuracy ≥ {TARGET_MARKET}: {verdict}")
    agreed = sum(topic_hits.values())
    n = sum(topic_total.values())
    per_topic = ", ".join(
        f"{t} {topic_hits[t] / topic_total[t]:.2f} ({topic_total[t]})"
        for t, _ in topic_total.most_common()
    )
    print(f"  tags agreeing with finnl topics  {agreed}/{n} = {agreed / n:.3f}  [{per_topic}]")


def _dist(confusion: Counter[tuple[str, str]], region: str) -> str:
    items = [(m, c) for (r, m), c in confusion.items() if r == region]
    return " ".join(f"{m} {c}" for m, c in sorted(items, key=lambda x: -x[1]))


def bench_speed(labeller: Labeller, shared: Path) -> None:
    texts = [r["text"] for r in read_jsonl(shared / "corpus" / "finnl_flash.jsonl")]
    texts += [r["text"] for r in read_jsonl(shared / "corpus" / "finna_news.jsonl")]
    titles = [""] * len(texts)
    start = time.perf_counter()
    for text, title in zip(texts, titles, strict=True):
        labeller.offline(text, title)
    rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    tokens = [tokenize(t) for t in texts]
    file_labeller = Labeller(idf=Idf.from_documents(tokens))
    for text, toks in zip(texts, tokens, strict=True):
        file_labeller.offline(text, tokens=toks)
    with_corpus = len(texts) / (time.perf_counter() - start)
    print(
        f"  speed ({len(texts)} finnl + finna texts): {rate:,.0f} docs/s labelling raw text; "
        f"{with_corpus:,.0f} docs/s when first segmenting them for corpus IDF and keywords "
        "(what `touyan label --file` does)"
    )
    verdict = "meets" if rate >= TARGET_DOCS_PER_S else "MISSES"
    print(f"    target ≥ {TARGET_DOCS_PER_S:,} docs/s: {verdict}")


def build_corpus(shared: Path, n_docs: int, folder: Path) -> list[Path]:
    """finna + finnl items, replicated to `n_docs` distinct documents over two years.

    A replica joins two different items, so its text (and hash) is new while its entities
    and words are real; dates spread evenly, a few per minute, as in a news feed.
    """
    items = read_jsonl(shared / "corpus" / "finna_news.jsonl")
    items += read_jsonl(shared / "corpus" / "finnl_flash.jsonl")
    rng = random.Random(7)
    start = dt.datetime(2024, 1, 1)
    step = dt.timedelta(days=730) / n_docs
    paths: list[Path] = []
    for part in range(0, n_docs, 10_000):  # files stay under the ingest size limit
        paths.append(folder / f"corpus-{part // 10_000:03d}.jsonl")
        _write_part(paths[-1], items, range(part, min(n_docs, part + 10_000)), start, step, rng)
    return paths


def _write_part(
    path: Path,
    items: list[dict[str, Any]],
    numbers: range,
    start: dt.datetime,
    step: dt.timedelta,
    rng: random.Random,
) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in numbers:
            a = items[i % len(items)]
            text = a["text"]
            title = a.get("title") or ""
            if i >= len(items):
                b = items[rng.randrange(len(items))]
                text = f"{text}\n{b['text']}（{i}）"
            record = {
                "title": title,
                "text": text,
                "published_at": (start + step * i).isoformat(),
                "url": f"https://bench.example/{i}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def bench_related(url: str, shared: Path, n_docs: int, fresh: bool, label: str) -> None:
    db = Database(url)
    db.migrate()
    if fresh:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = build_corpus(shared, n_docs, Path(tmp))
            start = time.perf_counter()
            report = ingest(db, [str(p) for p in corpus], settings=Settings())
            took = time.perf_counter() - start
        print(
            f"  [{label}] corpus: {report.added} documents ingested in {took:.0f} s "
            f"({report.added / took:,.0f} docs/s, labels included)"
        )
    with db.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM documents ORDER BY id")]
    rng = random.Random(11)
    sample = [ids[rng.randrange(len(ids))] for _ in range(200)]
    for doc_id in sample[:20]:  # warm-up: caches and prepared statements
        related_documents(db, doc_id)
        adjacent_documents(db, doc_id)
    related_ms: list[float] = []
    adjacent_ms: list[float] = []
    found = 0
    for doc_id in sample:
        t0 = time.perf_counter()
        related = related_documents(db, doc_id, limit=5)
        t1 = time.perf_counter()
        adjacent_documents(db, doc_id)
        t2 = time.perf_counter()
        related_ms.append((t1 - t0) * 1000)
        adjacent_ms.append((t2 - t1) * 1000)
        found += len(related)
    db.close()
    page = [a + b for a, b in zip(related_ms, adjacent_ms, strict=True)]
    print(
        f"  [{label}] related (top 5) over {len(ids):,} docs: p50 {percentile(related_ms, 50):.2f}"
        f" ms  p95 {percentile(related_ms, 95):.2f} ms  (avg {found / len(sample):.1f} found)"
    )
    print(
        f"  [{label}] previous/next: p50 {percentile(adjacent_ms, 50):.2f} ms  "
        f"p95 {percentile(adjacent_ms, 95):.2f} ms"
    )
    verdict = "meets" if percentile(page, 95) < TARGET_RELATED_MS else "MISSES"
    print(
        f"    target: related + previous/next p95 {percentile(page, 95):.2f} ms "
        f"< {TARGET_RELATED_MS:.0f} ms per page view: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--related-docs", type=int, default=100_000)
    parser.add_argument("--db-file", help="keep the replicated SQLite corpus here for reruns")
    parser.add_argument("--pg", help="also measure related latency on this (empty) PostgreSQL")
    parser.add_argument("--skip-related", action="store_true")
    args = parser.parse_args()
    shared = require_shared()
    print(f"labels benchmark, offline ({machine()})")
    labeller = Labeller()
    bench_sentiment(labeller, shared)
    bench_market_and_tags(labeller, shared)
    bench_speed(labeller, shared)
    if args.skip_related:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db_file) if args.db_file else Path(tmp) / "related.db"
        sqlite_url = f"sqlite:///{path}"
        bench_related(sqlite_url, shared, args.related_docs, not path.exists(), "SQLite")
        if args.pg:
            took = copy_corpus(sqlite_url, args.pg)
            print(f"  [PostgreSQL] the same corpus copied in {took:.0f} s")
            bench_related(args.pg, shared, args.related_docs, False, "PostgreSQL")


def copy_corpus(source_url: str, target_url: str) -> float:
    """Copy what related-article queries read (documents, chunks, entities, mentions).

    Ingesting 100,000 documents into PostgreSQL takes long on a small machine; the rows the
    queries touch are copied instead (chunk text and tokens left empty: not read here).
    """
    start = time.perf_counter()
    source, target = Database(source_url), Database(target_url)
    target.migrate()
    tables = [Entity.__table__, Document.__table__, Chunk.__table__, EntityMention.__table__]
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in tables:
            rows = src.execute(select(table)).mappings()
            batch: list[dict[str, Any]] = []
            for row in rows:
                item = dict(row)
                if table is Chunk.__table__:
                    item.update(text="", tokens="")
                batch.append(item)
                if len(batch) == 5000:
                    dst.execute(insert(table), batch)
                    batch.clear()
            if batch:
                dst.execute(insert(table), batch)
        dst.exec_driver_sql("ANALYZE documents, chunks, entities, entity_mentions")
    source.close()
    target.close()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
