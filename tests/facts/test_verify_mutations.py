"""Mutation test of the verifier on real text (issue 3): true cited sentences must pass,
sentences with one figure changed or a citation swapped must be flagged."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from touyan.facts.entities import EntityDictionary
from touyan.facts.verify import Evidence, verify
from touyan.ingest.chunking import chunk_spans
from touyan.text.numbers import Quantity, parse_numbers, same_quantity
from touyan.text.sentences import sentence_spans

_SCALE_SWAP = {"亿": "万", "万": "亿", "billion": "million", "million": "billion"}
_UNIT_SWAP = {"美元": "元", "元": "美元", "%": "个百分点", "港元": "美元"}


def _documents(shared: Path) -> list[str]:
    seed = (shared / "seed" / "ginlix_yunfeng_xiaomi.txt").read_text(encoding="utf-8")
    paths = sorted((shared / "corpus" / "fuyaonews").rglob("*.md"))
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1] for p in paths[::4]]
    return [seed, *bodies]


def _chunks(documents: list[str]) -> list[list[Evidence]]:
    """Chunks per document, numbered across the whole set."""
    out: list[list[Evidence]] = []
    n = 0
    for text in documents:
        doc = []
        for span in chunk_spans(text.strip(), max_chars=600):
            n += 1
            doc.append(Evidence(n, text.strip()[span.start : span.end]))
        out.append(doc)
    return out


def _claims(chunk: Evidence) -> list[str]:
    out = []
    for start, end in sentence_spans(chunk.text):
        sentence = chunk.text[start:end].strip()
        if 10 <= len(sentence) <= 200 and "\n" not in sentence and parse_numbers(sentence):
            out.append(sentence)
    return out


def _cite(sentence: str, n: int) -> str:
    return (
        f"{sentence[:-1]}[{n}]{sentence[-1]}" if sentence[-1] in "。.!？?！" else f"{sentence}[{n}]"
    )


def _mutants(sentence: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, mutated sentence) with one figure changed in one way."""
    q = rng.choice(parse_numbers(sentence))
    a, b = q.span
    written = sentence[a:b]
    out = []
    digits = [i for i, ch in enumerate(written) if ch.isdigit() and ch != "0"]
    if digits:
        i = rng.choice(digits)
        new = str((int(written[i]) + rng.randint(1, 8)) % 10 or 1)
        kind = "percentage" if q.unit == "%" else "digit"
        out.append((kind, sentence[:a] + written[:i] + new + written[i + 1 :] + sentence[b:]))
    for old, new in _SCALE_SWAP.items():
        if old in written:
            out.append(("scale", sentence[:a] + written.replace(old, new, 1) + sentence[b:]))
            break
    for old, new in _UNIT_SWAP.items():
        if written.endswith(old):
            out.append(("unit", sentence[:a] + written[: -len(old)] + new + sentence[b:]))
            break
    return out


def _states(quantity: Quantity, evidence: list[Evidence]) -> bool:
    return any(same_quantity(quantity, other) for e in evidence for other in parse_numbers(e.text))


def test_verifier_flags_mutants_and_passes_true_sentences(
    shared_data: Path, entities: EntityDictionary
) -> None:
    rng = random.Random(2014)
    docs = _chunks(_documents(shared_data))
    originals = flagged_originals = 0
    mutants: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    failures: list[str] = []
    for d, doc in enumerate(docs):
        others = [c for o, other in enumerate(docs) if o != d for c in other[:1]]
        for chunk in doc:
            evidence = [chunk, *rng.sample(others, 3)]
            for sentence in _claims(chunk):
                originals += 1
                status = verify(_cite(sentence, chunk.id), evidence, entities=entities)
                if status.sentences[0].status != "supported":
                    flagged_originals += 1
                    failures.append(f"original flagged: {sentence}")
                for kind, mutant in _mutants(sentence, rng):
                    changed = [q for q in parse_numbers(mutant) if not _states(q, [chunk])]
                    if not changed:
                        continue  # the "mutant" equals another true figure of the chunk
                    mutants[kind] += 1
                    result = verify(_cite(mutant, chunk.id), evidence, entities=entities)
                    if result.sentences[0].status != "supported":
                        caught[kind] += 1
                    else:
                        failures.append(f"{kind} mutant passed: {mutant}")
                wrong = [e for e in evidence if e is not chunk]
                swapped = rng.choice(wrong)
                if not all(_states(q, [swapped]) for q in parse_numbers(sentence)):
                    mutants["citation"] += 1
                    result = verify(_cite(sentence, swapped.id), evidence, entities=entities)
                    if result.sentences[0].status != "supported":
                        caught["citation"] += 1
                    else:
                        failures.append(f"citation swap passed: {sentence}")
    total = sum(mutants.values())
    report = {k: f"{caught[k]}/{mutants[k]}" for k in mutants}
    assert originals >= 300 and total >= 500, (originals, report)
    assert sum(caught.values()) / total >= 0.99, (report, failures[:10])
    assert flagged_originals / originals <= 0.02, (flagged_originals, originals, failures[:10])
