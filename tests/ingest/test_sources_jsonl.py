"""JSON Lines parser: fields, aliases, per-line errors with line numbers, speed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from touyan.ingest.sources import SourceError, parse_bytes
from touyan.ingest.sources.jsonl import parse_jsonl


def lines(*records: object) -> bytes:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records
    ).encode()


def test_fields_and_aliases() -> None:
    data = lines(
        {
            "title": "康跃科技：盛世丰华完成减持3%股份",
            "text": "康跃科技公告，控股股东减持公司股份共计1050.3万股，占总股本的3.00%。",
            "url": "https://x.example/1",
            "published_at": "2022-01-14T08:00:00+08:00",
            "publisher": "财联社",
            "kind": "Filing",
            "language": "zh-CN",
            "tags": ["减持", "A股"],
            "summary": "减持完成",
        },
        {
            "title": "别名",
            "content": "用 content 和 date 的记录。",
            "date": "2022/1/15",
            "source": "新浪",
        },
    )
    result = parse_jsonl(data, origin="news.jsonl")
    assert result.errors == []
    first, second = result.documents
    assert first.title == "康跃科技：盛世丰华完成减持3%股份"
    assert first.url == "https://x.example/1" and first.publisher == "财联社"
    assert first.published_at == dt.datetime(2022, 1, 14, 0, 0)
    assert (first.kind, first.language, first.tags) == ("filing", "zh", ["减持", "A股"])
    assert first.summary == "减持完成" and first.origin == "news.jsonl:1"
    assert second.text == "用 content 和 date 的记录。"
    assert second.published_at == dt.datetime(2022, 1, 15) and second.publisher == "新浪"
    assert second.origin == "news.jsonl:2"


def test_record_without_title_leaves_it_to_the_pipeline() -> None:
    data = lines(
        {"split": "train", "text": "市场消息：苹果公司提交了合规计划。", "labels": ["公司"]}
    )
    doc = parse_jsonl(data, origin="flash.jsonl").documents[0]
    assert doc.title == "" and doc.text.startswith("市场消息")


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_parse() -> None:
    data = lines(
        {"title": "一", "text": "第一条。"},
        "",
        "{not json",
        "[1, 2]",
        '"a string"',
        {"title": "没有正文"},
        {"title": "空白正文", "text": "   "},
        {"title": "正文不是字符串", "text": 42},
        "   ",
        {"title": "二", "text": "第二条。"},
    )
    result = parse_jsonl(data, origin="f.jsonl")
    assert [d.title for d in result.documents] == ["一", "二"]
    assert [d.origin for d in result.documents] == ["f.jsonl:1", "f.jsonl:10"]
    where = [origin for origin, _ in result.errors]
    assert where == ["f.jsonl:3", "f.jsonl:4", "f.jsonl:5", "f.jsonl:6", "f.jsonl:7", "f.jsonl:8"]
    reasons = dict(result.errors)
    assert reasons["f.jsonl:3"].startswith("not valid JSON")
    assert reasons["f.jsonl:4"] == "expected a JSON object, got an array"
    assert reasons["f.jsonl:5"] == "expected a JSON object, got a string"
    assert "no text" in reasons["f.jsonl:6"]


def test_crlf_bom_and_line_separator_inside_strings() -> None:
    record = {"title": "t", "text": "第一段\u2028仍是同一行"}
    data = b"\xef\xbb\xbf" + lines(record, record).replace(b"\n", b"\r\n")
    result = parse_jsonl(data, origin="f.jsonl")
    assert result.errors == [] and len(result.documents) == 2
    assert result.documents[0].text == "第一段\u2028仍是同一行"


def test_gbk_jsonl() -> None:
    data = lines({"title": "小米融资", "text": "小米完成新一轮融资，估值达到450亿美元。"})
    doc = parse_bytes(data.decode().encode("gbk"), name="gbk.jsonl").documents[0]
    assert doc.title == "小米融资"


def test_empty_and_binary_files() -> None:
    with pytest.raises(SourceError, match="empty file"):
        parse_bytes(b"", name="e.jsonl")
    with pytest.raises(SourceError, match="binary data"):
        parse_bytes(b'{"a": 1}\x00\x00\x01\x02' * 50, name="b.jsonl")


def test_unreadable_fields_do_not_fail_the_record() -> None:
    data = lines({"text": "正文。", "date": "不是日期", "tags": 5, "url": 7, "title": None})
    doc = parse_jsonl(data, origin="f.jsonl").documents[0]
    assert doc.published_at is None and doc.tags == [] and doc.url is None and doc.title == ""


def test_sixteen_thousand_lines_become_sixteen_thousand_documents() -> None:
    """Scale without timing (bench/ingest.py prints parse speed: speed lives in bench/)."""
    record = {
        "title": "康跃科技：盛世丰华完成减持3%股份",
        "text": "康跃科技公告，控股股东减持。" * 10,
    }
    result = parse_jsonl(lines(*([record] * 16_000)), origin="f.jsonl")
    assert len(result.documents) == 16_000 and result.errors == []
    assert result.documents[-1].origin == "f.jsonl:16000"


def test_first_200_lines_of_finna_news(shared_data: Path) -> None:
    path = shared_data / "corpus" / "finna_news.jsonl"
    head = b"\n".join(path.read_bytes().split(b"\n")[:200])
    result = parse_bytes(head, name=str(path))
    assert result.errors == []
    assert len(result.documents) == 200
    assert all(d.title and d.text.strip() for d in result.documents)
    assert result.documents[0].title == "康跃科技：盛世丰华完成减持3%股份"
    assert result.documents[199].origin == f"{path}:200"
