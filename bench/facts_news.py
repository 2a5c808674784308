"""Fact precision on news: hand-judged facts from FinNA news items, a second source of text.

`bench/facts.py` measures on FinEval's snippets, whose dev rows have been read for rules many
times over; the news users ingest (feeds, announcements, flashes) is written differently. Here
the extractor runs over `corpus/finna_news.jsonl` (7,200 short items, no gold, no publication
dates) and a fixed sample of its facts is judged by hand, as in `bench/judged.py`: one fact in
eight by the hash of where its value sits. Items at even positions are the dev half (errors
found there are fixed; a second eighth joined when the first had been mined, a third and a
fourth in 2026-12-05's fifth session, the fourth judged after that session's first round);
items at odd positions are the check half, only judged, so its figure is the honest one. The
news sample joined on 2026-12-05, judged before any rule looked at it.

Run: `.venv/bin/python bench/facts_news.py [--judge] [--wrong]`; verdicts live in
`facts_news_judged.tsv` (places, claim hashes, verdicts and notes: no news text).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from common import machine, read_jsonl, require_shared
from judged import Sampled, report
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import extract_facts

JUDGED_NEWS = Path(__file__).with_name("facts_news_judged.tsv")
_EVERY = 8


def in_news_sample(item: int, span: tuple[int, int]) -> str | None:
    """ "dev" or "check" (by the item's position) for a fact in the sample, None for the rest."""
    key = f"news:{item}:{span[0]}:{span[1]}".encode()
    bucket = int.from_bytes(hashlib.blake2b(key, digest_size=4).digest()) % _EVERY
    if item % 2 == 0:
        return "dev" if bucket in (0, 1, 2, 3) else None
    return "check" if bucket == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--judge", action="store_true", help="list sampled facts not judged yet")
    parser.add_argument("--wrong", action="store_true", help="list dev-sample facts judged wrong")
    args = parser.parse_args()
    items = read_jsonl(require_shared() / "corpus" / "finna_news.jsonl")
    entities = EntityDictionary.of(bundled_entities())
    sample: list[Sampled] = []
    found, start = 0, time.perf_counter()
    for index, item in enumerate(items):
        text, title = item["text"], item["title"]
        facts = extract_facts(text, title=title, published_at=None, entities=entities)
        found += len(facts)
        for fact in facts:
            if half := in_news_sample(index, fact.span):
                sample.append(Sampled(half, half, str(index), 0, fact, text, None))
    elapsed = time.perf_counter() - start
    print(f"fact precision on news — {len(items)} FinNA items ({machine()})")
    rate = f"{found / len(items):.2f} an item, {len(items) / elapsed:,.0f} items/s"
    print(f"  {found} facts extracted ({rate})")
    shares = f"dev: even items, 4 in {_EVERY}; check: odd items, 1 in {_EVERY}"
    print(f"  {len(sample)} in the sample ({shares})")
    report(sample, args.judge, args.wrong, JUDGED_NEWS)


if __name__ == "__main__":
    main()
