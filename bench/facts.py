"""Fact extraction against FinEval's gold facts: recall, precision, speed (offline rules only).

Run: .venv/bin/python bench/facts.py [--show N]

Each row of eval/fineval_fact_extraction_dev.jsonl holds retrieved snippets (title, publication
date, content) and gold facts written as "2025年05月15日，一鸣食品的涨跌幅为+1.68%。". A gold
fact counts as recalled when a fact extracted from that row's snippets has the same value
(within the gold's written rounding, same unit kind), the same subject when both name one,
and the same as-of date when both have one. Precision is the share of extracted facts whose
value is among the row's gold values. Most companies in these rows are not in the bundled
dictionary, so a second pass adds each row's subject as a known entity, the way a user
would with `touyan entity add`. Nothing here is tuned on these rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from collections import Counter
from dataclasses import dataclass

from common import machine, read_jsonl, require_shared
from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_date, parse_dates
from touyan.text.numbers import Quantity, parse_numbers

TARGET_RECALL = 0.85
TARGET_PRECISION = 0.95
_SNIPPET = re.compile(r"[\u4e00-\u9fff]{2,12}检索\d+[:：]")
_GOLD = re.compile(r"^(?P<lead>.*?)[，,](?P<subject>[^，,]+?)的(?P<metric>.+?)为")


@dataclass(frozen=True, slots=True)
class Gold:
    text: str
    subject: str
    metric: str
    quantity: Quantity
    as_of: dt.date | None


def snippets(prompt: str) -> list[tuple[str, dt.date | None, str]]:
    """(title, publication date, content) of each retrieved snippet."""
    now = re.search(r"当前时间是[:：]\s*(\S+)", prompt)
    today = parse_date(now.group(1)) if now else None
    body = prompt.split("检索内容是：", 1)[-1].split("当前时间是", 1)[0]
    out = []
    for piece in _SNIPPET.split(body)[1:]:
        title = re.search(r"文章标题[:：](.*?)\s*发布时间", piece)
        published = re.search(r"发布时间[:：]\s*(\S+)", piece)
        content = re.split(r"(?:文章内容|内容)[:：]", piece, maxsplit=1)[-1]
        date = parse_date(published.group(1)) if published else today
        out.append((title.group(1) if title else "", date, content.strip()))
    return out


def gold_facts(row: dict[str, object]) -> list[Gold]:
    out = []
    for text in row["gold_facts"]:  # type: ignore[attr-defined]
        match = _GOLD.match(text)
        quantities = parse_numbers(text)
        if not match or not quantities:
            continue
        dates = parse_dates(match.group("lead"))
        as_of = dates[0].end if dates else None
        out.append(Gold(text, match["subject"], match["metric"], quantities[-1], as_of))
    return out


def value_matches(gold: Quantity, fact: ExtractedFact) -> bool:
    if (gold.unit == "%") != (fact.unit == "%"):
        return False
    return abs(gold.value - fact.value) <= gold.precision


def recalled(gold: Gold, facts: list[ExtractedFact]) -> bool:
    for fact in facts:
        if not value_matches(gold.quantity, fact):
            continue
        if fact.subject and not (gold.subject in fact.subject or fact.subject in gold.subject):
            continue
        if gold.as_of and fact.as_of and gold.as_of != fact.as_of:
            continue
        return True
    return False


def extract_row(row: dict[str, object], entities: EntityDictionary) -> list[ExtractedFact]:
    facts: list[ExtractedFact] = []
    for title, date, content in snippets(str(row["prompt_with_context"])):
        facts += extract_facts(content, title=title, published_at=date, entities=entities)
    return facts


def evaluate(rows: list[dict[str, object]], with_subject: bool, show: int) -> None:
    base = list(bundled_entities())
    hits = total = correct = extracted = 0
    by_type: Counter[str] = Counter()
    by_type_hits: Counter[str] = Counter()
    metrics: Counter[str] = Counter()
    metric_hits: Counter[str] = Counter()
    missed: list[str] = []
    wrong: list[str] = []
    start = time.perf_counter()
    for row in rows:
        golds = gold_facts(row)
        records = base
        if with_subject and golds:
            records = [
                *base,
                EntityRecord(Counter(g.subject for g in golds).most_common(1)[0][0], "company"),
            ]
        facts = extract_row(row, EntityDictionary.of(records))
        for gold in golds:
            ok = recalled(gold, facts)
            hits += ok
            total += 1
            by_type[str(row["type"])] += 1
            by_type_hits[str(row["type"])] += ok
            metrics[gold.metric] += 1
            metric_hits[gold.metric] += ok
            if not ok:
                missed.append(gold.text)
        for fact in facts:
            extracted += 1
            if any(value_matches(g.quantity, fact) for g in golds):
                correct += 1
            else:
                wrong.append(f"{fact.subject} {fact.metric} {fact.value} ← {fact.quote[:60]}")
    elapsed = time.perf_counter() - start
    recall = hits / max(1, total)
    precision = correct / max(1, extracted)
    label = "with each row's subject known" if with_subject else "bundled dictionary only"
    print(f"\n[{label}]  {len(rows) / elapsed:.0f} rows/s")
    print(
        f"  recall    {recall:.3f} ({hits}/{total} gold facts)    target ≥ {TARGET_RECALL}: "
        f"{'meets' if recall >= TARGET_RECALL else 'MISSES'}"
    )
    print(
        f"  precision {precision:.3f} ({correct}/{extracted} extracted)  target ≥ "
        f"{TARGET_PRECISION}: {'meets' if precision >= TARGET_PRECISION else 'MISSES'}"
    )
    for kind, n in by_type.most_common():
        print(f"    {kind}: recall {by_type_hits[kind] / n:.3f} ({by_type_hits[kind]}/{n})")
    print("  most common gold metrics (recall):")
    for metric, n in metrics.most_common(12):
        print(f"    {metric:<16} {metric_hits[metric]:>3}/{n:<3}")
    for text in missed[:show]:
        print(f"    missed: {text}")
    for text in wrong[:show]:
        print(f"    not in gold: {text}")


def numbers_per_second(rows: list[dict[str, object]]) -> None:
    texts = [c for row in rows for _, _, c in snippets(str(row["prompt_with_context"]))]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < 1.0:
        count += sum(len(parse_numbers(t)) for t in texts)
    print(f"\nparse_numbers: {count / (time.perf_counter() - start):,.0f} numbers/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=0, help="print N misses and N extras")
    args = parser.parse_args()
    rows = read_jsonl(require_shared() / "eval" / "fineval_fact_extraction_dev.jsonl")
    print(f"fact extraction benchmark — {len(rows)} FinEval rows ({machine()})")
    evaluate(rows, with_subject=False, show=args.show)
    evaluate(rows, with_subject=True, show=args.show)
    numbers_per_second(rows)


if __name__ == "__main__":
    main()
