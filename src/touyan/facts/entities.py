"""The entity dictionary and the matcher that finds its names in text.

Names are matched longest first at each position (小米集团 before 小米), Latin names only on
word boundaries (Apple, not Pineapple), case-insensitively; tickers are recognised by shape
and normalised, so 1810.HK in a text finds 小米集团 even where no name is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from touyan.facts.tickers import normalize_ticker

KINDS = frozenset({"company", "fund", "person", "index", "product", "org"})
MARKETS = frozenset({"cn_a", "hk", "us", "other"})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_TICKER_SHAPES = re.compile(
    r"(?<![A-Za-z0-9.])"
    r"(?:\d{6}\.(?:SH|SZ|BJ|SS)|\d{4,5}\.HK|(?:NASDAQ|NYSE)\s*[:：]\s*[A-Z]{1,5})"
    r"(?![A-Za-z0-9])"
)


@dataclass(frozen=True, slots=True)
class EntityRecord:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    market: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Mention:
    entity: EntityRecord
    start: int
    end: int
    text: str


@dataclass
class EntityDictionary:
    """Entities by name, alias and ticker, with a first-character index for fast matching."""

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    _by_alias: dict[str, EntityRecord] = field(default_factory=dict)
    _by_ticker: dict[str, EntityRecord] = field(default_factory=dict)
    _by_first: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[EntityRecord]) -> EntityDictionary:
        dictionary = cls()
        for record in records:
            dictionary.add(record)
        return dictionary

    def add(self, record: EntityRecord) -> None:
        """Add or replace an entity; a name or alias already owned by another entity stays there."""
        self.entities[record.name] = record
        for alias in record.names():
            key = alias.translate(_ASCII_LOWER)
            owner = self._by_alias.get(key)
            if len(key) < 2 or (owner is not None and owner.name != record.name):
                continue
            self._by_alias[key] = record
            bucket = self._by_first.setdefault(key[0], [])
            if key not in bucket:
                bucket.append(key)
                bucket.sort(key=len, reverse=True)
        for ticker in record.tickers:
            self._by_ticker[ticker] = record

    def get(self, name_or_alias: str) -> EntityRecord | None:
        key = name_or_alias.strip()
        ticker = normalize_ticker(key)
        if ticker and ticker in self._by_ticker:
            return self._by_ticker[ticker]
        return self._by_alias.get(key.translate(_ASCII_LOWER))

    def by_ticker(self, ticker: str) -> EntityRecord | None:
        normal = normalize_ticker(ticker)
        return self._by_ticker.get(normal) if normal else None

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest name first at each position, in text order."""
        lowered = text.translate(_ASCII_LOWER)
        mentions: list[Mention] = []
        taken_until = 0
        for match in _TICKER_SHAPES.finditer(text):
            record = self.by_ticker(match.group())
            if record:
                mentions.append(Mention(record, match.start(), match.end(), match.group()))
        ticker_spans = [(m.start, m.end) for m in mentions]
        i, n = 0, len(text)
        while i < n:
            found = self._match_at(lowered, i) if i >= taken_until else None
            if found and not any(s <= i < e for s, e in ticker_spans):
                end = i + len(found)
                mentions.append(Mention(self._by_alias[found], i, end, text[i:end]))
                taken_until = end
                i = end
            else:
                i += 1
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _match_at(self, lowered: str, i: int) -> str | None:
        for key in self._by_first.get(lowered[i], ()):
            if lowered.startswith(key, i) and _bounded(lowered, i, i + len(key), key):
                return key
        return None


def _bounded(text: str, start: int, end: int, key: str) -> bool:
    """Latin names must stand as words; Chinese names need no boundary."""
    if key[0].isascii() and key[0].isalnum() and start > 0 and _wordish(text[start - 1]):
        return False
    return not (key[-1].isascii() and key[-1].isalnum() and end < len(text) and _wordish(text[end]))


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def record_from_json(item: dict[str, object]) -> EntityRecord:
    """A validated record from the dictionary file or user input; raises ValueError."""
    name = str(item.get("name") or "").strip()
    kind = str(item.get("kind") or "")
    market = item.get("market")
    if not name:
        raise ValueError("entity without a name")
    if kind not in KINDS:
        raise ValueError(f"{name}: kind must be one of {', '.join(sorted(KINDS))}")
    if market is not None and market not in MARKETS:
        raise ValueError(f"{name}: market must be one of {', '.join(sorted(MARKETS))}")
    aliases = tuple(str(a).strip() for a in _list(item.get("aliases")) if str(a).strip())
    tickers: list[str] = []
    for raw in _list(item.get("tickers")):
        ticker = normalize_ticker(str(raw))
        if ticker is None:
            raise ValueError(f"{name}: {raw!r} is not a ticker (600519.SH, 0700.HK, AAPL)")
        tickers.append(ticker)
    return EntityRecord(
        name, kind, aliases, tuple(tickers), market if isinstance(market, str) else None
    )


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


@lru_cache(maxsize=1)
def bundled_entities() -> tuple[EntityRecord, ...]:
    """The team's dictionary shipped in touyan/data/entities.json."""
    raw = resources.files("touyan.data").joinpath("entities.json").read_text(encoding="utf-8")
    return tuple(record_from_json(item) for item in json.loads(raw))


def bundled_dictionary() -> EntityDictionary:
    return EntityDictionary.of(bundled_entities())
