"""Fact precision on news: hand-judged facts from two corpora of news text, FinEval being a third.

`bench/facts.py` measures on FinEval's snippets, whose dev rows have been read for rules many
times over; the news users ingest (feeds, announcements, flashes) is written differently. Here
the extractor runs over a corpus with no gold and no publication dates, and a fixed sample of
its facts is judged by hand, as in `bench/judged.py`, by the hash of where a fact's value sits.
Items at even positions are the dev half (errors found there are fixed); items at odd positions
are the check half, only judged, so its figure is the honest one.

- `finna` (default): `corpus/finna_news.jsonl`, 7,200 short FinNA items; one fact in eight.
  It joined on 2026-12-05, judged before any rule looked at it; a second dev eighth joined when
  the first had been mined, a third and a fourth in that day's fifth session.
- `cfbench`: `eval/cfbench_news_sentiment.jsonl`, 593 company news items (fund flows, margin
  trading, price moves, results: the kind of article FinEval's web-search snippets hold, where
  most of its check sample's errors are). Dev: one fact in four (one in two since the end of
  the first round of fixes); check: one in eight. It joined in 2026-12-05's sixth session, both
  halves judged before any rule looked at them.
- `finnl`: `corpus/finnl_flash.jsonl`, 8,839 FinNL news flashes (markets, economies, sectors,
  companies at home and abroad: the macro news where FinEval's check sample is weakest). Dev:
  one fact in four (one in two since the end of its first round of fixes); check: one in
  eight. It joined in 2026-12-05's sixth session after two rounds of fixes on `cfbench`, both
  halves judged before any rule looked at them.
- `cfbench-dated`: the same items and sample, each read as published on the latest day it
  names with its year (its data's day, as FinEval's snippets of such articles are): the date
  rules that lean on a publication date, which undated news never reaches, are judged too.
  It joined after the first round of fixes on `cfbench`, judged before any rule looked at it;
  an item that names no day with its year reads as in `cfbench`, whose verdicts it borrows.
- `fuyao`: `corpus/fuyaonews/`, 153 long-form analysis articles in Markdown, read as ingest
  reads them (front matter off, Markdown to text) and dated by their front matter: the dated
  articles users ingest, where every rule leaning on a publication date is reached. Every
  fact is in the sample. It joined in 2026-12-05's seventh session, judged before any rule
  looked at it.
- `financebench`: `eval/financebench/evidence_pages_corpus.jsonl`, 168 pages of US filings
  (10-K, 10-Q, 8-K) as PDF text: English statements and their tables, undated. Every fact
  is in the sample. It joined with `fuyao`, judged before any rule looked at it.

Run: `.venv/bin/python bench/facts_news.py [--corpus cfbench] [--judge] [--wrong]`; verdicts
live in `facts_<corpus>_judged.tsv` (`facts_news_judged.tsv` for finna): places, claim hashes,
verdicts and notes, no news text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from common import machine, read_jsonl, require_shared
from judged import Sampled, load, report
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import extract_facts
from touyan.ingest.sources.markdown import parse_markdown
from touyan.text.dates import parse_dates

_WITH_YEAR = re.compile(r"\d{4}\s*[年\-/.]")


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    title: str
    published: dt.date | None  # as its source dates it (a front matter's date), if it does


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    path: str  # under ../shared/data
    text: str  # the items' text field
    title: str | None  # their title field, if they have one
    judged: Path
    every: int
    dev_buckets: frozenset[int]  # of the even items'
    check_buckets: frozenset[int]  # of the odd items'
    dated: bool = False  # read each item as published on the latest day it names
    undated_twin: str | None = None  # the corpus reading the same items with no date

    def items(self) -> list[Item]:
        where = require_shared() / self.path
        if where.is_dir():  # Markdown articles, read as ingest reads them
            return [_article(path) for path in sorted(where.rglob("*.md")) if path.parent != where]
        return [
            Item(r[self.text], r[self.title] if self.title else "", self.published(r[self.text]))
            for r in read_jsonl(where)
        ]

    def published(self, text: str) -> dt.date | None:
        if not self.dated:
            return None
        days = [
            d.start
            for d in parse_dates(text)
            if d.granularity == "day" and _WITH_YEAR.match(d.text)
        ]
        return max(days, default=None)

    def sample_of(self, item: int, span: tuple[int, int]) -> str | None:
        """ "dev" or "check" (by the item's position) for a fact in the sample, None for the
        rest."""
        # (finna's key predates the rest; the dated reading samples the same facts)
        prefix = {"finna": "news", "cfbench-dated": "cfbench"}.get(self.name, self.name)
        key = f"{prefix}:{item}:{span[0]}:{span[1]}".encode()
        bucket = int.from_bytes(hashlib.blake2b(key, digest_size=4).digest()) % self.every
        buckets = self.dev_buckets if item % 2 == 0 else self.check_buckets
        return ("dev" if item % 2 == 0 else "check") if bucket in buckets else None


def _article(path: Path) -> Item:
    doc = parse_markdown(path.read_bytes(), origin=str(path)).documents[0]
    day = doc.published_at.date() if doc.published_at else None
    return Item(doc.text, doc.title or "", day)


_HERE = Path(__file__).parent
CORPORA = {
    "finna": Corpus(
        "finna",
        "corpus/finna_news.jsonl",
        "text",
        "title",
        _HERE / "facts_news_judged.tsv",
        8,
        frozenset({0, 1, 2, 3}),
        frozenset({0}),
    ),
    "cfbench": Corpus(
        "cfbench",
        "eval/cfbench_news_sentiment.jsonl",
        "input",
        None,
        _HERE / "facts_cfbench_judged.tsv",
        8,
        frozenset({0, 1, 2, 3}),  # 2 and 3 joined after the first round, judged before the second
        frozenset({0}),
    ),
    "finnl": Corpus(
        "finnl",
        "corpus/finnl_flash.jsonl",
        "text",
        None,
        _HERE / "facts_finnl_judged.tsv",
        8,
        frozenset({0, 1, 2, 3}),  # 2 and 3 joined after the first round, judged before the second
        frozenset({0}),
    ),
    "cfbench-dated": Corpus(
        "cfbench-dated",
        "eval/cfbench_news_sentiment.jsonl",
        "input",
        None,
        _HERE / "facts_cfbench_dated_judged.tsv",
        8,
        frozenset({0, 1}),
        frozenset({0}),
        dated=True,
        undated_twin="cfbench",
    ),
    "fuyao": Corpus(
        "fuyao",
        "corpus/fuyaonews",
        "",
        None,
        _HERE / "facts_fuyao_judged.tsv",
        1,
        frozenset({0}),
        frozenset({0}),
    ),
    "financebench": Corpus(
        "financebench",
        "eval/financebench/evidence_pages_corpus.jsonl",
        "text",
        None,
        _HERE / "facts_financebench_judged.tsv",
        1,
        frozenset({0}),
        frozenset({0}),
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="finna")
    parser.add_argument("--judge", action="store_true", help="list sampled facts not judged yet")
    parser.add_argument("--wrong", action="store_true", help="list dev-sample facts judged wrong")
    args = parser.parse_args()
    corpus = CORPORA[args.corpus]
    items = corpus.items()
    entities = EntityDictionary.of(bundled_entities())
    sample: list[Sampled] = []
    for item in items[:20]:  # the readers' patterns compile on first use: not an item's time
        extract_facts(item.text, title="", published_at=None, entities=entities)
    found, start, slowest = 0, time.perf_counter(), 0.0
    undated: set[str] = set()  # items the reading finds no publication date for
    for index, item in enumerate(items):
        if item.published is None:
            undated.add(str(index))
        began = time.perf_counter()
        facts = extract_facts(
            item.text, title=item.title, published_at=item.published, entities=entities
        )
        slowest = max(slowest, time.perf_counter() - began)
        found += len(facts)
        for fact in facts:
            if half := corpus.sample_of(index, fact.span):
                sample.append(Sampled(half, half, str(index), 0, fact, item.text, item.published))
    elapsed = time.perf_counter() - start
    print(f"fact precision on news — {len(items)} {corpus.name} items ({machine()})")
    rate = (
        f"{found / len(items):.2f} an item, {len(items) / elapsed:,.0f} items/s, "
        f"slowest item {slowest * 1000:.0f} ms"
    )
    print(f"  {found} facts extracted ({rate})")
    shares = (
        f"dev: even items, {len(corpus.dev_buckets)} in {corpus.every}; "
        f"check: odd items, {len(corpus.check_buckets)} in {corpus.every}"
    )
    print(f"  {len(sample)} in the sample ({shares})")
    borrowed = None
    if corpus.undated_twin:
        # An item naming no day with its year reads as in the undated corpus, fact for fact:
        # that corpus's verdicts on it stand.
        twin = load(CORPORA[corpus.undated_twin].judged)
        borrowed = {key: v for key, v in twin.items() if key[0][0] in undated}
    report(sample, args.judge, args.wrong, corpus.judged, borrowed)


if __name__ == "__main__":
    main()
