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

import ahocorasick_rs

from touyan.facts.names import base_name
from touyan.facts.tickers import normalize_ticker
from touyan.text.segment import segmenter

KINDS = frozenset({"company", "fund", "person", "index", "instrument", "product", "org"})
MARKETS = frozenset({"cn_a", "hk", "us", "other"})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# (The first letter written apart: a pattern that opens with a class is scanned for it natively,
# one that opens with a repeat is tried at every position.)
_ASCII_UPPER = re.compile("[A-Z][A-Z]*")


def ascii_lower(text: str) -> str:
    """`text` with A-Z lower-cased and every other character kept, as `_ASCII_LOWER` maps it:
    a scan for the upper-case runs costs a fifth of `str.translate` over a Chinese text, whose
    every character translate looks up."""
    return _ASCII_UPPER.sub(lambda m: m.group().lower(), text)


# \d{6}\.(?:SH|SZ|BJ|SS), \d{4,5}\.HK or NASDAQ:/NYSE: and a symbol, not inside a word: the
# first character read as a class, then checked (with the one before it) by lookbehinds, so
# the scan for the class runs in native code instead of trying each position.
_TICKER_SHAPES = re.compile(
    r"[\dN](?:(?<![A-Za-z0-9.]\d)(?<=\d)(?:\d{5}\.(?:SH|SZ|BJ|SS)|\d{3,4}\.HK)"
    r"|(?<![A-Za-z0-9.]N)(?<=N)(?:ASDAQ|YSE)\s*[:：]\s*[A-Z]{1,5})"
    r"(?![A-Za-z0-9])"
)
_TICKER_MARKS = (".S", ".BJ", ".HK", "NASDAQ", "NYSE")  # (.SH, .SZ and .SS start with .S)


@dataclass(frozen=True, slots=True)
class EntityRecord:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    market: str | None = None
    # The month a company's fiscal year ends in, for one that ends on a fixed month's last day
    # other than December's (甲骨文 5: its 2025财年 is June 2024 to May 2025); None when the
    # year is the calendar's or ends on a weekday (52/53-week years), which no month fixes.
    fiscal_year_end: int | None = None

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
    """Entities by name, alias and ticker, with an Aho-Corasick automaton over all names.

    Every ingested document is scanned, so matching is one pass in native code rather than
    a Python loop over character positions; the automaton is rebuilt lazily after `add`.
    """

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    _by_alias: dict[str, EntityRecord] = field(default_factory=dict)
    _by_ticker: dict[str, EntityRecord] = field(default_factory=dict)
    _keys: list[str] = field(default_factory=list)
    _automaton: ahocorasick_rs.AhoCorasick | None = None

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
            if key not in self._by_alias:
                self._keys.append(key)
                self._automaton = None
            self._by_alias[key] = record
        for ticker in record.tickers:
            self._by_ticker[ticker] = record

    def get(self, name_or_alias: str) -> EntityRecord | None:
        key = name_or_alias.strip()
        ticker = normalize_ticker(key)
        if ticker and ticker in self._by_ticker:
            return self._by_ticker[ticker]
        found = self._by_alias.get(key.translate(_ASCII_LOWER))
        if found is None and (base := base_name(key)) != key:
            found = self._by_alias.get(base.translate(_ASCII_LOWER))
        return found

    def by_ticker(self, ticker: str) -> EntityRecord | None:
        normal = normalize_ticker(ticker)
        return self._by_ticker.get(normal) if normal else None

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest name first at each position, in text order."""
        lowered = ascii_lower(text)
        mentions: list[Mention] = []
        # Every ticker writes one of these; most texts hold none, and the scan tries each digit.
        tickers = any(mark in text for mark in _TICKER_MARKS)
        for match in _TICKER_SHAPES.finditer(text) if tickers else ():
            record = self.by_ticker(match.group())
            if record:
                mentions.append(Mention(record, match.start(), match.end(), match.group()))
        ticker_spans = [(m.start, m.end) for m in mentions]
        if not self._keys:
            return mentions
        for index, start, end in self._matcher().find_matches_as_indexes(lowered):
            key = self._keys[index]
            if not _bounded(lowered, start, end, key):
                continue
            if end - start <= _SHORT and _is_cjk(key[0]) and _across_words(text, start, end):
                continue
            if any(s < end and start < e for s, e in ticker_spans):
                continue
            mentions.append(Mention(self._by_alias[key], start, end, text[start:end]))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _matcher(self) -> ahocorasick_rs.AhoCorasick:
        if self._automaton is None:
            self._automaton = ahocorasick_rs.AhoCorasick(
                self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
        return self._automaton


def _bounded(text: str, start: int, end: int, key: str) -> bool:
    """Latin names must stand as words; Chinese names need no boundary, except one ending in
    the particle 的 (美的), which inside a phrase is a word and a particle (贝因美的, 完美的)."""
    if key.endswith("的") and start > 0 and _is_cjk(text[start - 1]):
        return False
    if key[0].isascii() and key[0].isalnum() and start > 0 and _wordish(text[start - 1]):
        return False
    return not (key[-1].isascii() and key[-1].isalnum() and end < len(text) and _wordish(text[end]))


_SHORT = 3  # characters: a name this short is often a piece of two other words
_AROUND = 4  # characters either side that decide how the words fall


def _across_words(text: str, start: int, end: int) -> bool:
    """A short name read across two words names nothing: 氟化工行业 writes 化工 and 行业, not
    工行 (中国工商银行); nor does one inside a longer word (化工行业). A word that starts or
    ends with the whole name (茅台酒, 青岛海信) keeps it."""
    lo = max(0, start - _AROUND)
    at = lo
    for word in segmenter().cut(text[lo : min(len(text), end + _AROUND)], False):
        word_end = at + len(word)
        if at < start < word_end != end or start < at < end < word_end:
            return True
        at = word_end
    return False


# A listed company's name run on into a business and a company's form (中石油昆仑制造有限公司,
# 比亚迪汽车工业有限公司, 京东科技集团): a subsidiary, whose figures are its own. The business
# word ends the run; the company's own registered forms (吉利汽车控股有限公司, 贵州茅台酒股份
# 有限公司: a listed company is a 股份有限公司) and words of a clause (小米等公司) are no
# subsidiary's.
_UNIT = re.compile(
    r"(?P<unit>[\u4e00-\u9fff]{0,6}?"
    r"(?:科技|技术|汽车|工业|制造|物流|健康|医疗|金融|支付|音乐|影业|影视|文化|传媒|娱乐|互娱|"
    r"游戏|地产|置业|置地|电子|半导体|能源|电力|智能|数科|网络|信息|软件|教育|生物|保险|银行|"
    r"证券|信托|资本|投资|商业|贸易|零售|物业|电器|电池|材料|化工|装备|机械|通信|航空|旅游|"
    r"酒店|食品|电商|租赁))"
    r"(?P<form>有限责任公司|有限公司|公司|集团|控股)"
)
_NOT_UNIT = re.compile(r"[的等和与及或在是为了这那其各每该本此旗下属子分]|股份|控股|集团")


def units(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each listed company's name that runs on into a subsidiary's replaced by
    that subsidiary (a company of its own, one record per name)."""
    records: dict[str, EntityRecord] = {}
    out = []
    for m in mentions:
        end = unit_end(text, m)
        if end is not None:
            name = text[m.start : end]
            m = Mention(records.setdefault(name, EntityRecord(name, "company")), m.start, end, name)
        out.append(m)
    return out


def unit_end(text: str, mention: Mention) -> int | None:
    """Where a subsidiary's name ends, when a listed company's name in `text` runs on into
    one (`_UNIT`), else None."""
    if not mention.entity.tickers:
        return None  # an unlisted group's operating company (华为技术) is the group itself
    found = _UNIT.match(text, mention.end)
    if found is None or _NOT_UNIT.search(found["unit"]):
        return None
    if text.startswith("股份有限公司", found.end("form")):
        return None
    return found.end("form") if found["form"] in ("集团", "控股") else found.end("unit")


def product_word(text: str, start: int, end: int) -> bool:
    """Whether the name at start..end begins a longer word (茅台酒, not 茅台|股价): the word is
    a product or a part that bears the name."""
    word = next(iter(segmenter().cut(text[start : min(len(text), end + _AROUND)], False)), "")
    return len(word) > end - start


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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
    fiscal = item.get("fiscal_year_end")
    if fiscal is not None and (not isinstance(fiscal, int) or not 1 <= fiscal <= 11):
        raise ValueError(f"{name}: fiscal_year_end must be a month, 1 to 11")
    return EntityRecord(
        name,
        kind,
        aliases,
        tuple(tickers),
        market if isinstance(market, str) else None,
        fiscal if isinstance(fiscal, int) else None,
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
