"""Bytes to text, and loose source values (dates, tags, language codes) to clean Python values.

Chinese sources still arrive in GBK, GB18030 and Big5, and a GBK file must be read, never
rejected; binary data handed to a text parser must fail with a reason instead of becoming
mojibake in the store. The value helpers live here because every parser (front matter,
JSONL, feeds, pages, PDFs) meets the same loose dates and tag lists.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import re
import unicodedata
from collections.abc import Iterable

import charset_normalizer

from touyan.ingest.sources.base import SourceError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (tab, newlines and form feed are fine), plus
# U+FFFD, which a decoder leaves where bytes made no sense.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_JUNK_SAMPLE = 65_536
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Punctuation, symbols and full-width forms of Chinese text (，。、《》“”—…·×℃①％ and the like).
_CHINESE_PUNCTUATION = re.compile(
    r"[\u00a0-\u00bf\u00d7\u00f7\u2010-\u205e\u2100-\u22ff\u2460-\u24ff\u25a0-\u26ff"
    r"\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]"
)
_MAX_JUNK_RATIO = 0.02
# Share of non-ASCII characters that must be everyday characters of a legacy Chinese encoding
# before we trust it over charset-normalizer (which misreads short GBK text as Korean).
_MIN_COMMON_SHARE = 0.5
_LEGACY_SAMPLE = 20_000


def decode_text(data: bytes, *, origin: str) -> str:
    """Decode a text file: BOM, then UTF-8, then Chinese legacy encodings, then a best guess.

    Raises `SourceError` for empty input, binary data and text that is only whitespace.
    """
    if not data:
        raise SourceError("empty file")
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            raise SourceError("binary data, not text")
        text = _decode_utf8(data)
    if text is None:
        text = _decode_legacy(data)
    if _looks_binary(text):
        raise SourceError("binary data, not text")
    if not text.strip():
        raise SourceError("no text: the file holds only whitespace")
    return text


def decode_with(data: bytes, charset: str | None, *, origin: str) -> str:
    """Decode with a charset the source declared (HTTP header, <meta>), else detect.

    GB2312 and GBK declarations are read as GB18030, their superset, because pages that
    declare the older names routinely use characters only the newer one has.
    """
    codec = _codec_name(charset)
    if codec is not None and data:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if text.strip() and not _looks_binary(text):
                return text.lstrip("\ufeff")
    return decode_text(data, origin=origin)


def _codec_name(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in ("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn"):
        name = "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"invalid {codec.upper()} text after its byte order mark"
                ) from exc
    return None


def _decode_utf8(data: bytes) -> str | None:
    """Strict UTF-8, or UTF-8 with a few damaged bytes replaced.

    A big UTF-8 export with one corrupted byte is still UTF-8: it is kept (the damage shows
    as U+FFFD) when valid multi-byte characters outnumber the damaged ones many times over,
    which GBK or Latin-1 data read as UTF-8 never does.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - damaged
    return text if wide >= 20 * damaged else None


def _decode_legacy(data: bytes) -> str:
    """GB18030 or Big5 when one decodes cleanly into everyday characters, else a detector guess.

    Short GBK text fools statistical detectors (charset-normalizer calls "小米融资" Korean),
    so the two Chinese encodings are tried first and judged by how ordinary the decoded
    characters are: GBK data read as Big5 (or the reverse) decodes into rare characters.
    Ties go to GB18030, the more common of the two. Other legacy text (Latin-1, Shift-JIS)
    rarely decodes cleanly as either and is left to charset-normalizer.
    """
    best: tuple[float, str] | None = None
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _common_share(text, codec)
        if best is None or score > best[0]:
            best = (score, text)
    if best is not None and best[0] >= _MIN_COMMON_SHARE:
        return best[1]
    guess = charset_normalizer.from_bytes(data).best()
    # Without a BOM, a UTF-16/32 guess for data this far from text is noise.
    if guess is not None and not guess.encoding.startswith(("utf_16", "utf_32")):
        return str(guess)
    if best is not None:
        return best[1]
    raise SourceError("binary data, not text")


def _common_share(text: str, codec: str) -> float:
    """Share of non-ASCII characters that belong to the everyday range of `codec`."""
    common = total = 0
    for ch in text[:_LEGACY_SAMPLE]:
        if ch < "\x80":
            continue
        total += 1
        common += _is_common(ch, codec)
    return common / total if total else 1.0


def _is_common(ch: str, codec: str) -> bool:
    """Everyday Han characters of `codec`, or the punctuation Chinese text actually uses.

    Kana, Cyrillic, Greek and box drawing are valid in both encodings but rare in Chinese
    news, and they are what the wrong encoding tends to produce ("1月26日" in Big5 read as
    GBK is "1る26ら"), so they count against a candidate.
    """
    if not _HAN.match(ch):
        return bool(_CHINESE_PUNCTUATION.match(ch))
    if codec == "gb18030":
        try:
            ch.encode("gb2312")  # the 6,763 everyday simplified characters
        except UnicodeEncodeError:
            return False
        return True
    try:
        raw = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(raw, "big") <= 0xC67E  # the 5,401 frequent characters


def _looks_binary(text: str) -> bool:
    sample = text[:_JUNK_SAMPLE]
    if not sample:
        return False
    return len(_JUNK.findall(sample)) > _MAX_JUNK_RATIO * len(sample)


# --- loose values -------------------------------------------------------------------------

_CN_DATE = re.compile(
    r"^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TAG_SPLIT = re.compile(r"[,，、;；\n]+")
_HASHTAGS = re.compile(r"^\s*#\S+(?:\s+#\S+)*\s*$")  # "#xiaomi #venture_capital"
_MIN_YEAR, _MAX_YEAR = 1900, 2200


def parse_datetime(value: object) -> dt.datetime | None:
    """A publication time from whatever a source gives, as naive UTC; None when unreadable.

    Accepts datetimes, dates (midnight), ISO 8601, RFC 2822 (feeds, HTTP), "2024/9/18",
    "2024年9月18日 14:30", "20240918" and Unix timestamps in seconds or milliseconds. A date
    that cannot be read is dropped rather than failing the document: the text still counts.
    """
    result: dt.datetime | None
    if isinstance(value, dt.datetime):
        result = value
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        result = _from_timestamp(float(value))
    elif isinstance(value, str):
        result = _from_string(value.strip())
    else:
        result = None
    if result is None:
        return None
    if result.tzinfo is not None:
        result = result.astimezone(dt.UTC).replace(tzinfo=None)
    return result if _MIN_YEAR <= result.year <= _MAX_YEAR else None


def _from_timestamp(seconds: float) -> dt.datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _from_string(text: str) -> dt.datetime | None:
    if not text:
        return None
    if text.isdigit() and len(text) != 8:  # 8 digits is 20240918; a year alone is no date
        return _from_timestamp(float(text)) if 9 <= len(text) <= 13 else None
    for parse in (_iso, _chinese, _rfc2822):
        result = parse(text)
        if result is not None:
            return result
    return None


def _iso(text: str) -> dt.datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _chinese(text: str) -> dt.datetime | None:
    match = _CN_DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        return None
    parts = [int(p) if p else 0 for p in match.groups()] + [0, 0, 0]
    year, month, day, hour, minute, second = parts[:6]
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_tags(value: object) -> list[str]:
    """Tags from a list, a "，、;"-separated string or "#a #b"; trimmed, '#' dropped, unique."""
    items: Iterable[object]
    if isinstance(value, str) and _HASHTAGS.match(value):
        items = value.split()
    elif isinstance(value, str):
        items = _TAG_SPLIT.split(value)
    elif isinstance(value, list | tuple):
        items = value
    else:
        return []
    tags: dict[str, None] = {}
    for item in items:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            tag = str(item).strip().lstrip("#").strip()
            if tag:
                tags[tag] = None
    return list(tags)


def language_code(value: object) -> str | None:
    """'zh-CN' → 'zh', 'en_US' → 'en': the store keeps primary language subtags only."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def clean_line(value: object, *, limit: int = 500) -> str:
    """A one-line string (title, publisher) from a loose value: whitespace folded, cut to size."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split())[:limit]
