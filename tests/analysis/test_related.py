from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from touyan.analysis.related import adjacent_documents, page_links, related_documents
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Document

DOCS = [
    (
        "a",
        "2024-01-10T08:00:00",
        "小米集团发布新款智能手机",
        "小米集团发布新款智能手机，雷军称小米将加大手机研发投入。",
    ),
    (
        "b",
        "2024-01-12T08:00:00",
        "小米手机出货量大增",
        "小米集团智能手机出货量大增，小米手机业务增长强劲。",
    ),
    (
        "c",
        "2024-01-11T08:00:00",
        "贵州茅台发布年报",
        "贵州茅台发布年报，白酒业务稳健，高端白酒需求平稳。",
    ),
    (
        "d",
        "2023-01-01T08:00:00",
        "小米与阿里巴巴合作",
        "小米集团与阿里巴巴达成战略合作，共建智能家居生态。",
    ),
    ("e", "2024-01-11T08:00:00", "央行降准", "中国人民银行宣布下调存款准备金率0.25个百分点。"),
]


def load(
    db: Database, tmp_path: Path, docs: list[tuple[str, str, str, str]], **kw: int
) -> dict[str, int]:
    path = tmp_path / f"docs-{len(docs)}-{kw.get('owner_id')}.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {"url": f"https://example.com/{key}", "published_at": day, "title": t, "text": x},
                ensure_ascii=False,
            )
            for key, day, t, x in docs
        ),
        encoding="utf-8",
    )
    report = ingest(db, [str(path)], owner_id=kw.get("owner_id"))
    assert report.added == len(docs), report.to_json()
    with db.engine.connect() as conn:
        rows = conn.execute(select(Document.url, Document.id)).all()
    return {str(url).rsplit("/", 1)[1]: doc_id for url, doc_id in rows}


def test_labels_are_stored_at_ingest(db: Database, tmp_path: Path) -> None:
    ids = load(db, tmp_path, DOCS)
    with db.engine.connect() as conn:
        row = conn.execute(
            select(Document.sentiment, Document.market, Document.tags, Document.labels).where(
                Document.id == ids["b"]
            )
        ).one()
    sentiment, market, tags, labels = row
    assert sentiment == "bullish" and market == "hk" and "xiaomi" in tags
    assert labels["method"] == "offline" and labels["keywords"] and labels["reasons"]["market"]


def test_related_by_shared_entities_and_words(db: Database, tmp_path: Path) -> None:
    ids = load(db, tmp_path, DOCS)
    related = related_documents(db, ids["a"], limit=5)
    found = [r.document.id for r in related]
    assert found[0] == ids["b"]  # same company, same words, two days apart
    assert ids["d"] in found  # same company, a year earlier: related, ranked lower
    assert ids["c"] not in found and ids["e"] not in found and ids["a"] not in found
    top = related[0]
    assert "小米集团" in top.shared_entities and top.document.title == "小米手机出货量大增"
    assert top.score > related[-1].score


def test_private_documents_are_related_only_for_their_owner(db: Database, tmp_path: Path) -> None:
    ids = load(db, tmp_path, DOCS)
    private = [
        ("p", "2024-01-11T09:00:00", "小米内部", "小米集团智能手机新品计划，小米手机研发投入增加。")
    ]
    ids |= load(db, tmp_path, private, owner_id=7)
    assert ids["p"] not in [r.document.id for r in related_documents(db, ids["a"])]
    assert ids["p"] in [r.document.id for r in related_documents(db, ids["a"], viewer_id=7)]
    assert related_documents(db, ids["p"]) == []  # not visible to an anonymous reader


def test_previous_and_next_by_date(db: Database, tmp_path: Path) -> None:
    ids = load(db, tmp_path, DOCS)
    # By date: d (2023) < a (01-10) < c, e (01-11, same time: by id) < b (01-12).
    first, second = sorted([ids["c"], ids["e"]])
    middle = adjacent_documents(db, first)
    assert middle.previous is not None and middle.previous.id == ids["a"]
    assert middle.next is not None and middle.next.id == second
    assert adjacent_documents(db, second).previous.id == first  # type: ignore[union-attr]
    assert adjacent_documents(db, ids["d"]).previous is None
    assert adjacent_documents(db, ids["b"]).next is None
    link = adjacent_documents(db, ids["a"]).next
    assert link is not None and link.sentiment is not None and link.published_at is not None


def test_unknown_document(db: Database) -> None:
    assert related_documents(db, 12345) == []
    adjacent = adjacent_documents(db, 12345)
    assert adjacent.previous is None and adjacent.next is None


def test_page_links_gives_both_on_one_connection(db: Database, tmp_path: Path) -> None:
    ids = load(db, tmp_path, DOCS)
    related, adjacent = page_links(db, ids["a"], limit=1)
    assert [r.document.id for r in related] == [ids["b"]]
    assert adjacent.previous is not None and adjacent.previous.id == ids["d"]
