"""Decoding bytes to text (UTF-8, BOMs, GBK/GB18030/Big5, binary refusal) and loose values."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from touyan.ingest.sources import SourceError
from touyan.ingest.sources.decode import (
    decode_text,
    decode_with,
    language_code,
    parse_datetime,
    parse_tags,
)

ZH = "2014年12月29日，小米完成新一轮融资，融资总额为11亿美元，估值达到450亿美元。"
# Fixed "random" bytes with NULs and control bytes: what a zip, image or executable looks like.
GARBAGE = bytes((i * 97 + 13) % 256 for i in range(512)) + b"\x00\x01\x02\xff\xfe"


def test_utf8_and_utf8_bom() -> None:
    assert decode_text(ZH.encode(), origin="a.txt") == ZH
    assert decode_text(codecs.BOM_UTF8 + ZH.encode(), origin="a.txt") == ZH


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_unicode_with_bom(codec: str) -> None:
    assert decode_text(ZH.encode(codec), origin="a.txt") == ZH


@pytest.mark.parametrize(
    "text",
    [ZH, "小米融资", "小米完成11亿美元融资\n", "Revenue 收入 2024: 12.5亿元 (up 3%)", ZH * 40],
)
def test_gbk_is_decoded_not_rejected(text: str) -> None:
    # Short GBK strings are exactly where statistical detectors guess Korean or Big5-HKSCS.
    assert decode_text(text.encode("gbk"), origin="a.txt") == text


def test_gb18030_with_characters_outside_gbk() -> None:
    text = "€ 生僻字㐀与𠀀：" + ZH
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    assert decode_text(data, origin="a.txt") == text


@pytest.mark.parametrize(
    "text", ["台積電營收創新高", "台積電公布二零二四年營收創新高，董事會決議配發現金股利。" * 2]
)
def test_big5_traditional_chinese(text: str) -> None:
    assert decode_text(text.encode("big5"), origin="a.txt") == text


def test_latin1_falls_back_to_a_detector_guess() -> None:
    text = "Société Générale annonce un résultat net en hausse de 12 % à 1,2 milliard d'euros."
    # charset-normalizer picks a sibling of cp1252 (à may differ); the words survive.
    assert decode_text(text.encode("cp1252"), origin="a.txt").startswith("Société Générale")


def test_utf8_with_one_damaged_byte_stays_utf8() -> None:
    data = (ZH * 20).encode() + b"\xff" + "结尾".encode()
    text = decode_text(data, origin="a.txt")
    assert text.startswith(ZH) and text.endswith("\ufffd结尾")


def test_empty_file() -> None:
    with pytest.raises(SourceError, match="empty file"):
        decode_text(b"", origin="a.txt")


@pytest.mark.parametrize("data", [b" \n\t\r\n  ", "\u3000\n".encode()])
def test_whitespace_only(data: bytes) -> None:
    with pytest.raises(SourceError, match="only whitespace"):
        decode_text(data, origin="a.txt")


def test_binary_garbage_with_nuls() -> None:
    with pytest.raises(SourceError, match="binary data, not text"):
        decode_text(GARBAGE, origin="a.bin")


def test_binary_without_nuls_but_full_of_control_bytes() -> None:
    data = bytes(range(1, 32)) * 20 + b"some text"
    with pytest.raises(SourceError, match="binary data, not text"):
        decode_text(data, origin="a.bin")


def test_declared_charset_wins_and_gb2312_reads_as_gb18030() -> None:
    text = "€ 欧元计价：" + ZH
    assert decode_with(text.encode("gb18030"), "gb2312", origin="p.html") == text
    # A wrong declaration that cannot decode the bytes falls back to detection.
    assert decode_with(ZH.encode(), "ascii", origin="p.html") == ZH
    assert decode_with(ZH.encode(), "no-such-codec", origin="p.html") == ZH


def test_short_gbk_titles_from_the_real_corpus(shared_data: Path) -> None:
    """Every GBK-encodable title of finna_news decodes back (titles are short: the hard case).

    Two kinds of input are ambiguous by nature and skipped: titles whose GBK bytes are also
    valid UTF-8 (UTF-8 is tried first, as it must be), which is a handful of very short ones.
    """
    path = shared_data / "corpus" / "finna_news.jsonl"
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:2000]:
        title = json.loads(line).get("title") or ""
        try:
            data = title.encode("gbk")
        except UnicodeEncodeError:
            continue
        if not title.strip() or _valid_utf8(data):
            continue
        assert decode_text(data, origin="t.txt") == title
        checked += 1
    assert checked > 1500


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-04", dt.datetime(2026, 3, 4)),
        (dt.date(2026, 3, 4), dt.datetime(2026, 3, 4)),
        ("2024-09-18T14:30:00+08:00", dt.datetime(2024, 9, 18, 6, 30)),
        ("2024-09-18T06:30:00Z", dt.datetime(2024, 9, 18, 6, 30)),
        ("2024/9/18", dt.datetime(2024, 9, 18)),
        ("2024年9月18日", dt.datetime(2024, 9, 18)),
        ("2024年9月18日 14:30", dt.datetime(2024, 9, 18, 14, 30)),
        ("20240918", dt.datetime(2024, 9, 18)),
        ("Wed, 18 Sep 2024 18:00:00 GMT", dt.datetime(2024, 9, 18, 18, 0)),
        (1726682400, dt.datetime(2024, 9, 18, 18, 0)),
        (1726682400000, dt.datetime(2024, 9, 18, 18, 0)),
        ("1726682400", dt.datetime(2024, 9, 18, 18, 0)),
    ],
)
def test_parse_datetime_forms(value: object, expected: dt.datetime) -> None:
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", ["", "soon", "2024", "2024-13-45", None, True, [2024], 10**20])
def test_parse_datetime_unreadable_is_none(value: object) -> None:
    assert parse_datetime(value) is None


def test_parse_tags() -> None:
    assert parse_tags(["小米", " 融资 ", "", "小米", 2024]) == ["小米", "融资", "2024"]
    assert parse_tags("小米, 融资，云锋基金、雷军") == ["小米", "融资", "云锋基金", "雷军"]
    assert parse_tags("#xiaomi #venture_capital") == ["xiaomi", "venture_capital"]
    assert parse_tags(None) == [] and parse_tags({"a": 1}) == []


def test_language_code() -> None:
    assert language_code("zh-CN") == "zh"
    assert language_code("en_US") == "en"
    assert language_code("ZH") == "zh"
    assert language_code("") is None and language_code(5) is None
