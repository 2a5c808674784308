"""Recall of US filings' line items: FinanceBench's extraction questions, answered by one figure.

FinanceBench (`eval/financebench/financebench_qa_flat.jsonl`) asks questions about US filings
(10-K, 10-Q, 8-K) and gives the pages of the filing its answer is on. The rows kept here are
those whose reasoning is "Information extraction" and whose answer is one number ("$1577.00",
"$4.60", "0"): a statement's line item read off its page (capital expenditure, total assets,
net income, cost of goods sold …). The question says the answer's unit ("in USD millions",
"in USD billions"; else the answer is as written), so the gold is that value in base units
("$1577.00" in USD millions is 1,577,000,000 USD), for the row's company in its fiscal year
(`doc_period`).

`extract_facts` reads each evidence page as a filing's page (no publication date), with the
bundled dictionary and a record for the row's company, as `touyan entity add` would add it
(the second run of `bench/facts.py`). A row is recalled when a fact on its pages has the
gold's quantity (`same_quantity`, within the looser written rounding), is about the row's
company (or names no subject) and is dated in that fiscal year (or undated). A fiscal year is
named by the calendar year it ends in, or by the one it mostly covers when it ends in January
or February of the next (a retailer's year ending 2024-02-03 may be its fiscal 2023).

Rows at even positions of the file are the dev half (their questions and pages may be read to
write rules); rows at odd positions are the check half, of which only the count recalled is
printed, never a question, page or fact.

Run: `.venv/bin/python bench/facts_financebench_qa.py [--show]` (`--show` lists the dev rows
missed: question, answer and the facts their pages gave).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from typing import Any

from common import machine, read_jsonl, require_shared
from facts import fact_quantity
from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.names import same_name
from touyan.text.numbers import Quantity, parse_numbers, same_quantity

HALVES = ("dev", "check")
# $1577.00, -$12.5, 0, 4.60: one number and nothing else.
_ONE_NUMBER = re.compile(r"\s*-?\$?\s*-?\d[\d,]*(?:\.\d+)?\s*")
# (in USD millions), Answer in USD billions, USD thousands: the answer's scale.
_SCALE = re.compile(r"\bUSD\s+(?P<scale>thousands|millions|billions)\b", re.IGNORECASE)
_SCALE_WORDS = {"thousands": "thousand", "millions": "million", "billions": "billion"}


@dataclass(frozen=True, slots=True)
class Row:
    half: str
    company: str
    year: int
    question: str
    answer: str
    gold: Quantity
    pages: tuple[str, ...]


def kept(raw: dict[str, Any]) -> bool:
    """An extraction question answered by one number."""
    reasoning = raw.get("question_reasoning") or ""
    return "Information extraction" in reasoning and bool(_ONE_NUMBER.fullmatch(raw["answer"]))


def gold_quantity(answer: str, question: str) -> Quantity | None:
    """The answer in base units: "$1577.00" asked "in USD millions" is 1,577,000,000 USD."""
    written = answer.strip()
    scale = _SCALE.search(question)
    if scale is not None:  # -$12.5 in USD millions: written as the money it is, scaled
        sign = "-" if "-" in written else ""
        digits = written.replace("-", "").replace("$", "").strip()
        # FinanceBench writes every amount with two decimals ("$382.00" for 381,603 thousand
        # rounded to millions): zeros after the point are its format, not its precision
        digits = re.sub(r"\.0+$", "", digits)
        written = f"{sign}${digits} {_SCALE_WORDS[scale['scale'].lower()]}"
    numbers = parse_numbers(written)
    if not numbers:
        return None
    return numbers[0]


def rows() -> list[Row]:
    path = require_shared() / "eval" / "financebench" / "financebench_qa_flat.jsonl"
    out = []
    for position, raw in enumerate(read_jsonl(path)):
        if not kept(raw):
            continue
        gold = gold_quantity(raw["answer"], raw["question"])
        if gold is None:
            continue
        pages = tuple(e["text"] for e in raw["evidence"])
        half = HALVES[position % 2]
        out.append(
            Row(half, raw["company"], int(raw["doc_period"]), raw["question"], raw["answer"],
                gold, pages)
        )  # fmt: skip
    return out


def in_year(fact: ExtractedFact, year: int) -> bool:
    """Undated, or dated in the fiscal year: its calendar year, or January or February of the
    next (a fiscal year ending then is often named by the year it mostly covers)."""
    day = fact.as_of
    if day is None:
        return True
    return day.year == year or (day.year == year + 1 and day.month <= 2)


def same_company(fact: ExtractedFact, company: str, entities: EntityDictionary) -> bool:
    if not fact.subject:
        return True

    def canonical(name: str) -> str:
        record = entities.get(name)
        return record.name if record else name

    return same_name(canonical(fact.subject), canonical(company))


def page_facts(row: Row, entities: EntityDictionary) -> list[tuple[ExtractedFact, Quantity]]:
    return [
        (f, fact_quantity(f, page))
        for page in row.pages
        for f in extract_facts(page, title="", published_at=None, entities=entities)
    ]


def recalled(row: Row, found: list[tuple[ExtractedFact, Quantity]], e: EntityDictionary) -> bool:
    return any(
        same_quantity(row.gold, q) and in_year(f, row.year) and same_company(f, row.company, e)
        for f, q in found
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="list the dev rows missed")
    args = parser.parse_args()
    base = list(bundled_entities())
    every = rows()
    print(f"FinanceBench line-item recall — {len(every)} rows kept ({machine()})")
    counts = {half: [0, 0] for half in HALVES}
    misses: list[str] = []
    for row in every:
        entities = EntityDictionary.of([*base, EntityRecord(row.company, "company")])
        found = page_facts(row, entities)
        ok = recalled(row, found, entities)
        counts[row.half][0] += ok
        counts[row.half][1] += 1
        if not ok and row.half == "dev" and args.show:
            said = "\n".join(
                f"        {f.subject} {f.metric}={f.value} {f.currency or f.unit} "
                f"as of {f.as_of} ← {f.quote[:70]!r}"
                for f, _ in found
            )
            misses.append(f"  {row.question}\n    answer {row.answer} ({row.gold.value})\n{said}")
    for half in HALVES:
        hit, total = counts[half]
        share = f"{hit / total:.3f}" if total else "—"
        print(f"  {half:5} recall {share} ({hit}/{total})")
    if misses:
        print("\ndev misses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
