"""Fact confidence: how well `touyan.facts.confidence` tells right facts from wrong ones.

Every hand-judged fact of the check halves (FinEval's check sample and the odd items of the
news sources, `bench/facts.py` and `bench/facts_news.py`: judged, never mined) is rated by
the extractor as it is now; the bench prints, per source, the precision of the facts in each
band of confidence and the AUC (the chance a right fact is rated above a wrong one), beside
the rule it replaced as a baseline: a free-text label 0.7, a dictionary metric 1.0.

`--fit` refits the weights. Its examples are the dev halves' verdicts, and the dev halves have
been mined: today's extractor gets nearly all of them right, and would teach little about what
goes with an error. So the examples are the facts of earlier versions of the extractor too
(every `--every`th commit that changed `src/touyan/facts` since judging began, counted back
from `--until`, the commit the module's weights were fitted at unless told; each runs in a
child process on its own `git archive`, cached in `--cache`), judged at the time, which hold
the errors since fixed. Their traces are read by today's `touyan.facts.confidence.signals`, and
a logistic model (L2, gradient descent) is printed as the `WEIGHTS` to paste into the module.
No check-half verdict is used to fit.

Run: `.venv/bin/python bench/facts_confidence.py` (15 s) or `… --fit` (about 10 minutes on 2
cores the first time; needs numpy, which the bench extras bring).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from common import ROOT, machine, read_jsonl, require_shared
from judged import Sampled, Verdicts, in_sample, load
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

BANDS = ((0.0, 0.8), (0.8, 0.9), (0.9, 1.01))
_FIRST_JUDGED = "52cd920"  # the commit that started the hand-judged sample
_FITTED_AT = "48eb564"  # the trees of the module's weights count back from here


@dataclass(frozen=True, slots=True)
class Text:
    """One text as a bench feeds it to the extractor, and how its facts are sampled."""

    source: str
    row: str
    snippet: int
    half: str
    text: str
    title: str
    published: dt.date | None
    key: str  # the news sample's hash prefix; "" for FinEval (judged.in_sample)
    every: int
    buckets: tuple[int, ...]

    def sample_of(self, span: tuple[int, int]) -> str | None:
        # (facts_news.Corpus.sample_of's rule, carried as data: the child that runs an earlier
        # tree reads no corpus, so the corpora's settings travel with each text)
        if not self.key:
            return in_sample(self.row, self.snippet, span, self.half)
        place = f"{self.key}:{self.row}:{span[0]}:{span[1]}".encode()
        bucket = int.from_bytes(hashlib.blake2b(place, digest_size=4).digest()) % self.every
        return self.half if bucket in self.buckets else None


def texts() -> list[Text]:
    """Every text of FinEval's rows and of the news sources, read as their benches read them."""
    import facts
    import facts_news

    out: list[Text] = []
    rows = read_jsonl(require_shared() / "eval/fineval_fact_extraction_dev.jsonl")
    for position, row in enumerate(rows):
        prompt = row["prompt_with_context"]
        today = facts.parse_date(re.findall(r"当前时间是[:：]\s*(\S+)", prompt)[-1])
        for index, s in enumerate(facts.snippets(prompt, today)):
            half = facts.HALVES[position % 2]
            out.append(
                Text("fineval", row["id"], index, half, s.content, s.title, s.published, "", 0, ())
            )
    for name, corpus in facts_news.CORPORA.items():
        key = {"finna": "news", "cfbench-dated": "cfbench"}.get(name, name)
        for index, item in enumerate(corpus.items()):
            half = "dev" if index % 2 == 0 else "check"
            buckets = corpus.dev_buckets if half == "dev" else corpus.check_buckets
            out.append(
                Text(
                    name, str(index), 0, half, item.text, item.title, item.published,
                    key, corpus.every, tuple(sorted(buckets)),
                )
            )  # fmt: skip
    return out


def verdicts() -> dict[str, Verdicts]:
    """Each source's verdicts; the dated reading of cfbench borrows the undated one's."""
    import facts_news

    out = {"fineval": load()}
    for name, corpus in facts_news.CORPORA.items():
        out[name] = load(corpus.judged)
    out["cfbench-dated"] = {**out["cfbench"], **out["cfbench-dated"]}
    return out


def sampled(items: list[Text]) -> Iterator[tuple[Text, Sampled]]:
    """Each text's facts in its source's sample, by the extractor on the import path."""
    entities = EntityDictionary.of(bundled_entities())
    for t in items:
        found = extract_facts(t.text, title=t.title, published_at=t.published, entities=entities)
        for fact in found:
            if half := t.sample_of(fact.span):
                yield t, Sampled(half, t.half, t.row, t.snippet, fact, t.text, t.published)


def auc(scored: list[tuple[float, bool]]) -> float:
    """The chance a right fact is rated above a wrong one (ties count half)."""
    right = sorted(score for score, ok in scored if ok)
    wrong = [score for score, ok in scored if not ok]
    if not right or not wrong:
        return float("nan")
    above = 0.0
    for score in wrong:
        lo, hi = bisect.bisect_left(right, score), bisect.bisect_right(right, score)
        above += len(right) - hi + 0.5 * (hi - lo)
    return above / (len(right) * len(wrong))


def evaluate() -> None:
    items, judged = texts(), verdicts()
    by_source: dict[str, list[tuple[float, float, bool]]] = {}
    for t, s in sampled(items):
        if s.sample != "check" or (verdict := judged[t.source].get((s.place, s.claim))) is None:
            continue
        baseline = 1.0 if s.fact.metric.isascii() else 0.7
        scores = by_source.setdefault(t.source, [])
        scores.append((s.fact.confidence, baseline, verdict[0] == "right"))
    print(f"fact confidence on the check halves — {machine()}")
    print("  source          facts  precision   AUC now  (baseline: free-text label 0.7)")
    every: list[tuple[float, float, bool]] = []
    for source, scores in [*by_source.items(), ("all", every)]:
        if source == "cfbench-dated":
            continue  # the same items as cfbench
        if source != "all":
            every.extend(scores)
        right = sum(ok for _, _, ok in scores)
        now = auc([(c, ok) for c, _, ok in scores])
        base = auc([(b, ok) for _, b, ok in scores])
        bands = []
        for lo, hi in BANDS:
            band = [ok for c, _, ok in scores if lo <= c < hi]
            share = f"{sum(band) / len(band):.3f} ({sum(band)}/{len(band)})" if band else "—"
            bands.append(f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'} {share}")
        print(
            f"  {source:14} {len(scores):6}  {right / len(scores):.3f}     {now:.3f}"
            f"    ({base:.3f})   {'   '.join(bands)}"
        )


def dump(cache: Path, out: Path) -> None:
    """In a child process on an earlier tree: its sampled facts, one JSON line each."""
    items = [_text(json.loads(line)) for line in (cache / "texts.jsonl").open(encoding="utf-8")]
    with out.open("w", encoding="utf-8") as f:
        for t, s in sampled(items):
            fact = s.fact
            record = {
                "source": t.source, "row": t.row, "snippet": t.snippet, "sample": s.sample,
                "span": list(fact.span), "claim": s.claim, "subject": fact.subject,
                "metric": fact.metric, "object": fact.object, "value": str(fact.value),
                "unit": fact.unit, "currency": fact.currency,
                "as_of": fact.as_of.isoformat() if fact.as_of else None,
                "period": getattr(fact, "period", None),
            }  # fmt: skip
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def _text(record: dict[str, Any]) -> Text:
    published = record["published"]
    record = {**record, "buckets": tuple(record["buckets"])}
    record["published"] = dt.date.fromisoformat(published) if published else None
    return Text(**record)


def fit(cache: Path, every: int, until: str) -> None:
    import numpy as np

    from touyan.facts.extract import fact_signals

    cache.mkdir(parents=True, exist_ok=True)
    items = texts()
    with (cache / "texts.jsonl").open("w", encoding="utf-8") as f:
        for t in items:
            record = {field: getattr(t, field) for field in Text.__dataclass_fields__}
            record["published"] = t.published.isoformat() if t.published else None
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    text_of = {(t.source, t.row, t.snippet): t for t in items}
    commits = _commits(every, until)
    for n, commit in enumerate(commits, 1):
        print(f"  tree {n}/{len(commits)}: {commit}", flush=True)
        _dump_tree(cache, commit)
    judged, seen = verdicts(), set()
    examples: list[tuple[tuple[str, ...], bool]] = []
    entities = EntityDictionary.of(bundled_entities())
    for commit in commits:
        for line in (cache / f"{commit}.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            place = (r["row"], r["snippet"], r["span"][0], r["span"][1])
            verdict = judged[r["source"]].get((place, r["claim"]))
            key = (r["source"], place, r["claim"])
            if r["sample"] != "dev" or verdict is None or key in seen:
                continue
            seen.add(key)
            t = text_of[(r["source"], r["row"], r["snippet"])]
            traces = fact_signals(t.text, t.title, _fact(r), entities)
            examples.append((traces, verdict[0] == "right"))
    names = sorted({trace for traces, _ in examples for trace in traces})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(examples), len(names) + 1))
    x[:, -1] = 1.0
    for i, (traces, _) in enumerate(examples):
        x[i, [column[trace] for trace in traces]] = 1.0
    y = np.array([ok for _, ok in examples], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.5 * (x.T @ (p - y) / len(y) + 0.01 * w)
    wrong = sum(not ok for _, ok in examples)
    print(f"\n  {len(examples)} judged dev facts of {len(commits)} trees, {wrong} wrong")
    print("WEIGHTS: dict[str, float] = {")
    for name in names:
        print(f'    "{name}": {w[column[name]]:.2f},')
    print("}")
    print(f"BIAS = {w[-1]:.2f}")


def _commits(every: int, until: str) -> list[str]:
    since = subprocess.run(
        ["git", "log", "--format=%h", f"{_FIRST_JUDGED}^..{until}", "--", "src/touyan/facts"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return since[::every]


def _dump_tree(cache: Path, commit: str) -> None:
    out = cache / f"{commit}.jsonl"
    if out.exists():
        return
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(
            ["git", "archive", commit, "src"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        part = out.with_suffix(".part")
        subprocess.run(
            [sys.executable, __file__, "--dump", str(part), "--cache", str(cache)],
            env={"PYTHONPATH": f"{tree}/src", "PATH": "/usr/bin:/bin"},
            check=True,
        )
        part.rename(out)


def _fact(r: dict[str, Any]) -> ExtractedFact:
    return ExtractedFact(
        subject=r["subject"],
        metric=r["metric"],
        value=Decimal(r["value"]),
        unit=r["unit"],
        currency=r["currency"],
        span=(r["span"][0], r["span"][1]),
        quote="",
        as_of=dt.date.fromisoformat(r["as_of"]) if r["as_of"] else None,
        period=r["period"],
        object=r["object"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fit", action="store_true", help="refit the weights (see above)")
    parser.add_argument("--every", type=int, default=20, help="with --fit: every Nth commit")
    parser.add_argument(
        "--until", default=_FITTED_AT, help="with --fit: the newest commit to count back from"
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "touyan-conf")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the child's output
    args = parser.parse_args()
    if args.dump:
        dump(args.cache, args.dump)
    elif args.fit:
        fit(args.cache, args.every, args.until)
    else:
        evaluate()


if __name__ == "__main__":
    main()
