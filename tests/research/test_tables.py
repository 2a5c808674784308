"""A report's fact table states its figures as settled: a fact rated to be checked stays out
of it (its chunk is still cited as evidence). Invented text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.confidence import CHECK_BELOW
from touyan.research.evidence import EvidenceItem, FactNote
from touyan.research.tables import fact_table

TEXT = "2031年，青梧芯片营业收入为12.5亿元；蓝汀电子营业收入为8.2亿元。"


def _note(subject: str, value: str, confidence: float) -> FactNote:
    quote = TEXT.split("；")[0] if subject == "青梧芯片" else TEXT.split("；")[1]
    return FactNote(
        subject, "revenue", None, Decimal(value), "money", "CNY", dt.date(2031, 12, 31), quote,
        confidence,
    )  # fmt: skip


def _item(*facts: FactNote) -> EvidenceItem:
    return EvidenceItem(1, 10, 100, "年报摘要", None, None, None, TEXT, facts=list(facts))


def test_a_fact_rated_unsure_is_left_out_of_the_table() -> None:
    sure = _note("青梧芯片", "1250000000", 0.92)
    unsure = _note("蓝汀电子", "820000000", CHECK_BELOW - 0.1)
    table = fact_table([_item(sure, unsure)], "zh")
    assert "青梧芯片" in table and "12.5亿" in table
    assert "蓝汀电子" not in table
    both = fact_table([_item(sure, _note("蓝汀电子", "820000000", 0.9))], "zh")
    assert "蓝汀电子" in both  # the same fact rated sure makes a row


def test_a_stored_run_keeps_its_facts_ratings() -> None:
    note = _note("青梧芯片", "1250000000", 0.66)
    assert FactNote.from_json(note.to_json()) == note
    old = {k: v for k, v in note.to_json().items() if k != "confidence"}
    assert FactNote.from_json(old).confidence == 1.0  # a run stored before ratings
