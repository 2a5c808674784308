"""Verifier speed: a 5,000-character cited report checked against 50 evidence chunks.

Run: .venv/bin/python bench/verify.py

The evidence is 50 real chunks of the fuyaonews corpus; the report is built from their own
sentences, each cited to its chunk, with every fifth sentence's figure altered, so the run
exercises both the supported and the unsupported path. The target (issue 3) is < 50 ms.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from common import machine, percentile, require_shared
from touyan.facts.entities import bundled_dictionary
from touyan.facts.verify import Evidence, verify
from touyan.ingest.chunking import chunk_spans
from touyan.text.numbers import parse_numbers
from touyan.text.sentences import sentence_spans

TARGET_MS = 50.0
REPORT_CHARS = 5_000


def evidence_chunks(shared: Path, count: int = 50) -> list[Evidence]:
    chunks: list[Evidence] = []
    for path in sorted((shared / "corpus" / "fuyaonews").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1].strip()
        for span in chunk_spans(body, max_chars=500):
            text = body[span.start : span.end]
            if parse_numbers(text):
                chunks.append(Evidence(len(chunks) + 1, text))
                break
        if len(chunks) == count:
            break
    return chunks


def build_report(chunks: list[Evidence]) -> str:
    claims = [
        (chunk.id, sentence)
        for chunk in chunks
        for start, end in sentence_spans(chunk.text)
        if parse_numbers(sentence := chunk.text[start:end].strip()) and len(sentence) <= 200
    ]
    lines: list[str] = ["# 报告", ""]
    size = 0
    for n, (chunk_id, sentence) in enumerate(claims * 3, start=1):
        if size >= REPORT_CHARS:
            break
        if n % 5 == 0:  # every fifth claim gets a wrong digit
            sentence = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), sentence, count=1)
        lines.append(f"{sentence.rstrip('。')}[{chunk_id}]。")
        size += len(lines[-1])
    return "\n".join(lines)


def main() -> None:
    shared = require_shared()
    chunks = evidence_chunks(shared)
    report = build_report(chunks)
    entities = bundled_dictionary()
    verify(report, chunks, entities=entities)  # warm up: regexes, the dictionary automaton
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        result = verify(report, chunks, entities=entities)
        samples.append(time.perf_counter() - start)
    p50, p95 = percentile(samples, 50) * 1000, percentile(samples, 95) * 1000
    print(f"verifier benchmark ({machine()})")
    print(f"  report {len(report)} chars, {len(chunks)} evidence chunks, summary {result.summary}")
    print(f"  verify()  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  (30 runs)")
    verdict = "meets" if p95 < TARGET_MS else "MISSES"
    print(f"  target < {TARGET_MS:.0f} ms per report: {verdict}")


if __name__ == "__main__":
    main()
