from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from touyan.config import Settings
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, DocumentVariant
from touyan.store.search import search

STORY = (
    "2014年12月29日，小米科技创始人雷军宣布，小米完成新一轮11亿美元融资，公司估值达到450亿美元。"
    "本轮投资方包括全明星基金、DST、GIC、厚朴投资和云锋基金。"
    "雷军表示，这次融资是对小米创业4年多成绩的肯定，也揭开了小米新的发展阶段的序幕。"
    "云锋基金由马云与虞锋共同创立，此次出资约2.5亿美元，是本轮第二大投资方。"
)


def count(db: Database, model: type) -> int:
    with db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_fuyaonews_folder_ingests_with_front_matter(db: Database, shared_data: Path) -> None:
    folder = shared_data / "corpus" / "fuyaonews"
    report = ingest(db, [str(folder)])
    assert report.failed == []
    # 153 files; three stories were re-published three days later with an edited image
    # caption under the same URL: each pair is one story, not stored twice.
    assert report.added == 150
    assert report.duplicates + report.near_duplicates + report.updated == 3
    with db.sessions() as s:
        urls = s.scalars(select(Document.canonical_url)).all()
        assert len(urls) == len(set(urls)) == 150
        docs = s.scalars(select(Document)).all()
        assert all(d.published_at is not None for d in docs)
        assert all(d.tags for d in docs)
        token = next(d for d in docs if "Token" in d.title)
        assert (
            token.published_at is not None and token.published_at.date().isoformat() == "2026-03-04"
        )
        assert token.url == "https://openaxo.com/innovation/china-ai-token-surpasses-us-2026"
        assert "AI行业趋势" in token.tags
    again = ingest(db, [str(folder)])
    assert (again.added, again.updated, again.duplicates + again.near_duplicates) == (0, 0, 153)
    assert count(db, Document) == 150


def test_seed_page_is_found_first(db: Database, shared_data: Path) -> None:
    ingest(db, [str(shared_data / "corpus" / "fuyaonews")])
    seed = shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt"
    report = ingest(db, [str(seed)])
    assert report.added == 1
    results = search(db, "云锋基金 小米", limit=5)
    assert results[0].title.startswith("云锋基金2014年投资小米")
    assert "**" in results[0].snippet


def test_finna_news_jsonl_ingests(db: Database, shared_data: Path) -> None:
    path = shared_data / "corpus" / "finna_news.jsonl"
    lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    report = ingest(db, [str(path)])
    assert report.failed == []
    assert report.added + report.duplicates + report.near_duplicates == lines
    assert report.added > 7000
    assert count(db, Chunk) >= report.added
    assert search(db, "减持 股份", limit=3)


def test_chunks_are_slices_of_their_document(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "小米融资\n\n" + STORY * 6)
    ingest(db, [str(path)], settings=Settings(chunk_chars=200))
    with db.sessions() as s:
        doc = s.scalars(select(Document)).one()
        assert len(doc.chunks) > 3
        for chunk in doc.chunks:
            assert doc.text[chunk.char_start : chunk.char_end] == chunk.text
            assert chunk.tokens


def test_near_duplicate_is_linked_not_stored_twice(db: Database, tmp_path: Path) -> None:
    original = write(
        tmp_path / "a.md", "---\ntitle: 小米融资\nsource_url: https://a.example/1\n---\n" + STORY
    )
    edited = STORY.replace("宣布", "正式宣布").replace("共同创立", "联合创立")
    copy = write(
        tmp_path / "b.md",
        "---\ntitle: 小米完成融资\nsource_url: https://b.example/2\n---\n" + edited,
    )
    report = ingest(db, [str(original), str(copy)])
    assert (report.added, report.near_duplicates) == (1, 1)
    with db.sessions() as s:
        variant = s.scalars(select(DocumentVariant)).one()
        assert variant.url == "https://b.example/2"
        assert 0.85 <= variant.similarity < 1
    assert count(db, Document) == 1
    assert ingest(db, [str(copy)]).added == 0


def test_same_text_at_a_new_url_becomes_a_variant(db: Database, tmp_path: Path) -> None:
    a = write(
        tmp_path / "a.jsonl",
        json.dumps({"title": "t", "text": STORY, "url": "https://x.example/a"}),
    )
    b = write(
        tmp_path / "b.jsonl",
        json.dumps({"title": "t", "text": STORY, "url": "https://y.example/b?utm_source=z"}),
    )
    report = ingest(db, [str(a), str(b)])
    assert (report.added, report.duplicates) == (1, 1)
    with db.sessions() as s:
        assert s.scalars(select(DocumentVariant.canonical_url)).all() == ["https://y.example/b"]


def test_known_url_with_new_text_is_updated(db: Database, tmp_path: Path) -> None:
    first = write(
        tmp_path / "v1.jsonl",
        json.dumps({"title": "t", "text": STORY, "url": "https://x.example/a"}),
    )
    ingest(db, [str(first)])
    second = write(
        tmp_path / "v2.jsonl",
        json.dumps(
            {
                "title": "t2",
                "text": "更正：" + STORY.replace("2.5亿", "2.6亿"),
                "url": "https://x.example/a",
            }
        ),
    )
    report = ingest(db, [str(second)])
    assert (report.added, report.updated) == (0, 1)
    assert count(db, Document) == 1
    assert search(db, "更正", limit=1)[0].title == "t2"
    # The old version stays known: ingesting it again neither adds nor flips the document.
    again = ingest(db, [str(first), str(second)])
    assert (again.added, again.updated, again.duplicates) == (0, 0, 2)
    assert search(db, "更正", limit=1)[0].title == "t2"


def test_bad_inputs_are_reported_and_the_rest_goes_in(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path / "good.txt", "贵州茅台发布年报\n" + STORY)
    gbk = write(tmp_path / "gbk.txt", "宁德时代公告\n宁德时代2024年营业收入3620.13亿元。", "gbk")
    empty = write(tmp_path / "empty.txt", "")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 8)
    broken = write(
        tmp_path / "broken.jsonl",
        '{"title": "ok", "text": "招商银行2024年净利润1483.91亿元。"}\n{not json\n',
    )
    big = write(tmp_path / "big.txt", "大" * 5000)
    unreadable = write(tmp_path / "locked.txt", "secret")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    items = [good, gbk, empty, garbage, broken, big, unreadable, tmp_path / "missing.txt"]
    report = ingest(db, [str(p) for p in items], settings=Settings(max_file_bytes=10_000))
    reasons = {Path(name).name: reason for name, reason in report.failed}
    assert set(reasons) == {
        "empty.txt",
        "garbage.txt",
        "broken.jsonl:2",
        "big.txt",
        "locked.txt",
        "missing.txt",
    }
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["garbage.txt"]
    assert "limit" in reasons["big.txt"]
    assert "Permission denied" in reasons["locked.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert report.added == 3
    assert search(db, "宁德时代 营业收入", limit=1)[0].title == "宁德时代公告"


def test_a_failed_write_leaves_nothing_half_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from touyan.store import search as search_module

    backend_type = type(search_module.backend_for(db.dialect))

    def explode(self: object, conn: object, rows: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(backend_type, "index", explode)
    path = write(tmp_path / "a.txt", "标题\n" + STORY)
    report = ingest(db, [str(path)])
    assert report.added == 0
    assert report.failed and "disk full" in report.failed[0][1]
    assert count(db, Document) == 0 and count(db, Chunk) == 0


def test_url_ingest_through_the_http_client(db: Database) -> None:
    page = (
        "<html><head><title>小米融资</title></head><body><nav>首页 登录</nav>"
        f"<article><h1>小米完成融资</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/missing":
            return httpx.Response(404)
        return httpx.Response(200, text=page, headers={"content-type": "text/html; charset=utf-8"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    report = ingest(db, ["https://news.example/a", "https://news.example/missing"], client=client)
    assert report.added == 1
    assert report.failed == [("https://news.example/missing", "HTTP 404")]
    with db.sessions() as s:
        doc = s.scalars(select(Document)).one()
        assert doc.url == "https://news.example/a"
        assert "11亿美元" in doc.text and "登录" not in doc.text
