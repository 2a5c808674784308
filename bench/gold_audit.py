"""Missed gold facts of the dev rows, audited by hand: how much of the recall gap is the gold's.

FinEval's gold sentences were written by people answering the row's question, and some do not
say what the snippets say: a 全年 figure from an article of February 2022 is filed under 2022, a
quarter's figure is dated by the question's day, the last number of a sentence is not its
figure. Recall counts those as misses no extractor could avoid without copying the gold's
mistakes. Each miss is judged against the row's text: `miss` (the text states it as the gold
does; the extractor should have found it) or `gold` (it does not). The headline recall is
unchanged; the audit adds the recall of the gold facts the text supports (a miss not audited
yet counts as supported), and says how many of today's misses nobody has audited (a rule change
can miss a fact recalled before). Dev-row misses carry the auditor's reason and are mined for
fixes; check-row misses carry only a kind word, are audited by people who write no rules, and
are never mined, so the check figure stays a measure of text no rule writer read.

`facts_gold_audit.tsv` keeps no eval text: row, a hash of the gold sentence, verdict, note.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from pathlib import Path

AUDITED = Path(__file__).with_name("facts_gold_audit.tsv")


def gold_key(row: str, sentence: str) -> tuple[str, str]:
    return row, hashlib.blake2b(sentence.encode(), digest_size=6).hexdigest()


def load(path: Path = AUDITED) -> dict[tuple[str, str], str]:
    """(row, gold hash) -> verdict."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["row"], r["gold"]): r["verdict"] for r in rows}


def report(half: str, recalled: int, gold: int, misses: list[tuple[str, str]]) -> None:
    """Print a half's recall of the gold facts the text supports."""
    verdicts = load()
    seen = Counter(verdicts.get(key, "unaudited") for key in misses)
    supported = gold - seen["gold"]
    share = f"{recalled / supported:.3f} ({recalled}/{supported})" if supported else "—"
    print(
        f"  {half} rows' misses audited by hand: {seen['miss']} the text supports,"
        f" {seen['gold']} it does not (gold errors), {seen['unaudited']} not audited yet"
    )
    print(f"  recall of the gold facts the text supports, {half} rows: {share}")
