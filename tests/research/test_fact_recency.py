"""A question asking for the latest takes the newest of like facts first, whatever order the
documents were stored in. Invented figures."""

from __future__ import annotations

import json
from pathlib import Path

from touyan.facts.entities import bundled_dictionary
from touyan.ingest.pipeline import ingest
from touyan.research.question import read_question
from touyan.research.retrieve import Scope, _fact_chunks
from touyan.store.db import Database
from touyan.store.models import Chunk, Document


def test_the_latest_question_takes_the_newest_fact_first(db: Database, tmp_path: Path) -> None:
    rows = [  # the older round stored first: it has the lower chunk id
        {"title": "小米旧闻", "text": "2015年3月2日，小米集团完成新一轮融资，融资总额为9亿美元。"},
        {"title": "小米新闻", "text": "2031年3月2日，小米集团完成新一轮融资，融资总额为30亿美元。"},
    ]
    path = tmp_path / "rounds.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert ingest(db, [str(path)]).added == 2
    with db.session() as session:
        newest = (
            session.query(Chunk.id)
            .join(Document, Document.id == Chunk.document_id)
            .filter(Document.title == "小米新闻")
            .scalar()
        )
    dictionary = bundled_dictionary()
    latest = _fact_chunks(db, read_question("小米最新的融资", dictionary), Scope(), 1)
    plain = _fact_chunks(db, read_question("小米的融资", dictionary), Scope(), 2)
    assert latest == [newest]
    assert newest in plain  # (a plain question keeps both; its order is not recency's)
