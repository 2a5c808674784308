"""A risk-warned stock's name (*ST某某, ST某某) and the plain short name it abbreviates are
one company: the bench's matching and `touyan facts` treat them as one subject."""

from __future__ import annotations

import json
from pathlib import Path

from touyan.facts.names import same_name
from touyan.facts.repository import query_facts
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database


def test_a_warned_name_is_the_plain_name_it_abbreviates() -> None:
    assert same_name("*ST星河", "星河远航")
    assert same_name("星河远航", "ST星河")
    assert same_name("*ST星河", "ST星河")
    assert same_name("＊ST星河", "星河远航")


def test_a_warned_name_is_not_another_company() -> None:
    assert not same_name("*ST星河", "银河远航")  # another start
    assert not same_name("*ST星河", "ST银河")
    assert not same_name("星河远航", "星河科技")  # two plain names sharing a start
    assert not same_name("ST星河", "星河远航控股集团有限公司")  # no short name


def _ingest(db: Database, tmp_path: Path, text: str) -> None:
    doc = tmp_path / "warned.jsonl"
    doc.write_text(json.dumps({"title": "年报点评", "text": text}, ensure_ascii=False))
    assert ingest(db, [str(doc)]).added == 1


def test_either_form_finds_facts_filed_under_the_other(db: Database, tmp_path: Path) -> None:
    _ingest(db, tmp_path, "星河远航(600999)2024年实现营业收入3.52亿元，同比增长12.5%。")
    by_plain = query_facts(db, entity="星河远航", metric="revenue")
    assert [(f.subject, str(f.value)) for f in by_plain] == [("星河远航", "352000000")]
    by_warned = query_facts(db, entity="*ST星河", metric="revenue")
    assert [(f.subject, str(f.value)) for f in by_warned] == [("星河远航", "352000000")]
    assert query_facts(db, entity="*ST银河", metric="revenue") == []
