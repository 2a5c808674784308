"""Duplicate detection: exact by content hash, near by MinHash bands confirmed by shingle overlap.

A near-duplicate must be the same story re-published with small edits, never two similar
stories: besides a shared band it needs ≥ 85% shingle overlap and the very same numbers, so
two templated flashes ("X公司减持3%" vs "Y公司减持5%") are both kept.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_WS = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
NEAR_MIN_CHARS = 120
NEAR_MIN_JACCARD = 0.85
_TRACKING = ("utm_", "spm", "from", "share", "fbclid", "gclid", "scene", "wxshare")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace removed, so re-wrapped copies hash alike."""
    return hashlib.sha256(_WS.sub("", text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """Lower-case host, no fragment, no tracking parameters, sorted query, no trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def _shingles(text: str, n: int = 4) -> set[str]:
    compact = _WS.sub("", text)
    return {compact[i : i + n] for i in range(max(1, len(compact) - n + 1))}


_BINS = 15
_ROWS = 3
_MIN_SHINGLES = 20
_NEAR_MAX_CHARS = 3000  # the opening of a story is enough to bucket it
_INF = 1 << 64


def near_key(text: str) -> str | None:
    """A MinHash sketch as 5 band keys: texts with Jaccard ≥ 0.85 share a band ~99% of the time.

    One-permutation MinHash (one hash per shingle, minimum per bin) keeps this cheap enough
    for every ingested document; bands of 3 bins each become 32-bit hex keys. Hashing and
    sorting run in C; walking the sorted hashes fills every bin after a few dozen steps.
    """
    shingles = _shingles(text[:_NEAR_MAX_CHARS])
    if len(shingles) < _MIN_SHINGLES:
        return None
    mins = [_INF] * _BINS
    empty = _BINS
    for h in sorted(map(zlib.crc32, map(str.encode, shingles))):
        b = h % _BINS
        if mins[b] == _INF:
            mins[b] = h
            empty -= 1
            if not empty:
                break
    bands = []
    for i in range(0, _BINS, _ROWS):
        raw = b"".join(m.to_bytes(9, "big") for m in mins[i : i + _ROWS])
        bands.append(hashlib.blake2b(raw, digest_size=4).hexdigest())
    return " ".join(bands)


def same_story(a: str, b: str) -> float | None:
    """The shingle Jaccard similarity when a and b are the same story, else None."""
    if sorted(_NUMBER.findall(a)) != sorted(_NUMBER.findall(b)):
        return None
    jaccard = similarity(a, b)
    return jaccard if jaccard >= NEAR_MIN_JACCARD else None


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character shingles."""
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / max(1, len(sa | sb))


class NearIndex:
    """Band buckets of near keys: candidates are documents sharing at least one band."""

    def __init__(self) -> None:
        self._buckets: dict[str, list[int]] = {}

    def add(self, doc_id: int, key: str) -> None:
        for band, value in enumerate(key.split()):
            self._buckets.setdefault(f"{band}:{value}", []).append(doc_id)

    def add_all(self, items: Iterable[tuple[int, str]]) -> None:
        for doc_id, key in items:
            self.add(doc_id, key)

    def candidates(self, key: str) -> list[int]:
        found: dict[int, None] = {}
        for band, value in enumerate(key.split()):
            for doc_id in self._buckets.get(f"{band}:{value}", ()):
                found.setdefault(doc_id, None)
        return list(found)
