"""Tags of a news item: its entities plus topics from a controlled, bilingual vocabulary.

Users filter and follow the feed by tag, so tags are never free text: every tag is either
an entity of the dictionary (`xiaomi`, `ma_yun`) or an entry of `data/analysis/tags.tsv`
(industries, themes, deal types: `venture_capital`, `semiconductors`), each with a Chinese
and an English name. A tag's weight is TF-IDF: how often its trigger words or entity names
occur (sublinear, title counted twice) times how rare they are in the corpus, measured on
the same tokens as search. At most 8 tags, heaviest first.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse

from touyan.analysis.lexicon import PhraseMatcher, data_rows, lower_ascii
from touyan.facts.entities import EntityRecord, Mention
from touyan.text.segment import query_tokens

MAX_TAGS = 8
KEYWORD_SCAN_TOKENS = 160  # keywords come from the lead: a news item's first words
MIN_SHARE = 0.2  # a tag lighter than this share of the heaviest one is noise
TITLE_TF = 2  # a trigger in the title counts as this many occurrences
KINDS = ("industry", "theme", "deal")
_ENTITY_KIND_WEIGHT = {"company": 1.3, "fund": 1.3, "person": 1.0, "product": 1.0}
_ENTITY_DEFAULT_WEIGHT = 0.8  # indices, regulators: context more than topic
_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?$")  # a bare number is no keyword


@dataclass(frozen=True, slots=True)
class TagDef:
    id: str
    kind: str  # industry | theme | deal | entity
    zh: str
    en: str
    triggers: tuple[str, ...] = ()


@dataclass(slots=True)
class TagResult:
    tags: list[str]
    weights: dict[str, float] = field(default_factory=dict)
    reason: str = ""


class Idf:
    """Inverse document frequency over search tokens, scaled to (0, 1]; rare terms near 1.

    Without corpus statistics (`Idf()`), every term weighs 1 and tags rank by frequency.
    """

    def __init__(self, df: Mapping[str, int] | None = None, n_docs: int = 0) -> None:
        self.df = dict(df or {})
        self.n_docs = n_docs
        self._log_n = math.log(n_docs + 1) if n_docs > 0 else 0.0
        self._phrases: dict[str, float] = {}
        self._tokens: dict[str, float] = {}
        # A phrase's search tokens do not move with the corpus: kept when weights are reset.
        self._phrase_tokens: dict[str, list[str]] = {}

    @classmethod
    def from_documents(cls, token_lists: Iterable[Sequence[str]]) -> Idf:
        df: Counter[str] = Counter()
        n = 0
        for tokens in token_lists:
            df.update(set(tokens))
            n += 1
        return cls(df, n)

    def token(self, token: str) -> float:
        if self._log_n == 0.0:
            return 1.0
        return max(0.05, math.log((self.n_docs + 1) / (self.df.get(token, 0) + 1)) / self._log_n)

    def cached_weights(self, tokens: Iterable[str]) -> dict[str, float] | None:
        """The IDF cache, holding every one of `tokens`; None without corpus statistics.

        Only tokens not yet cached are looked at in Python (found by `filterfalse` in C),
        and their weights are `token`'s formula inlined: the same floats, bit for bit.
        """
        if self._log_n == 0.0:
            return None
        cache = self._tokens
        missing = list(filterfalse(cache.__contains__, tokens))
        if missing:
            n1, log_n, df = self.n_docs + 1, self._log_n, self.df
            cache.update(
                zip(
                    missing,
                    [max(0.05, math.log(n1 / (df.get(t, 0) + 1)) / log_n) for t in missing],
                    strict=True,
                )
            )
        return cache

    def phrase(self, phrase: str) -> float:
        """A phrase is as specific as its rarest search token."""
        value = self._phrases.get(phrase)
        if value is None:
            tokens = self._phrase_tokens.get(phrase)
            if tokens is None:
                tokens = self._phrase_tokens[phrase] = query_tokens(phrase) or [phrase.lower()]
            value = max(self.token(t) for t in tokens)
            self._phrases[phrase] = value
        return value


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, TagDef]:
    """The controlled topic tags by id, in file order."""
    tags: dict[str, TagDef] = {}
    for row in data_rows("tags.tsv", 5):
        tag_id, kind, zh, en, triggers = row[:5]
        if kind not in KINDS or not re.fullmatch(r"[a-z0-9_\-]+", tag_id):
            raise ValueError(f"tags.tsv: bad tag {tag_id!r} ({kind})")
        tags[tag_id] = TagDef(tag_id, kind, zh, en, tuple(t for t in triggers.split("|") if t))
    return tags


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[tuple[str, ...]]:
    by_trigger: dict[str, list[str]] = {}
    for tag in vocabulary().values():
        for trigger in tag.triggers:
            owners = by_trigger.setdefault(lower_ascii(trigger), [])
            if tag.id not in owners:
                owners.append(tag.id)
    return PhraseMatcher([(t, tuple(ids)) for t, ids in by_trigger.items()])


@lru_cache(maxsize=1)
def _entity_slug_overrides() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("entity_tags.tsv", 2)}


@lru_cache(maxsize=8192)
def entity_tag(record: EntityRecord) -> str:
    """The tag id of an entity: a curated slug, else its shortest Latin name, else its name."""
    override = _entity_slug_overrides().get(record.name)
    if override:
        return override
    latin = [a for a in record.names() if a.isascii() and any(c.isalpha() for c in a)]
    if latin:
        slug = _SLUG.sub("_", min(latin, key=len).lower()).strip("_")
        if slug:
            return slug
    return record.name


def tag_names(tag_id: str, entities: Iterable[EntityRecord] = ()) -> tuple[str, str]:
    """(中文名, English name) of a tag id, for display; unknown ids show as themselves."""
    tag = vocabulary().get(tag_id)
    if tag is not None:
        return tag.zh, tag.en
    for record in entities:
        if entity_tag(record) == tag_id:
            latin = [a for a in record.aliases if a.isascii()]
            return record.name, (latin[0] if latin else record.name)
    return tag_id, tag_id


# Sublinear term frequency, 1 + ln(n), by count (a lead holds at most KEYWORD_SCAN_TOKENS).
_TF = [1.0] + [1.0 + math.log(n) for n in range(1, KEYWORD_SCAN_TOKENS + 1)]


@dataclass(frozen=True, slots=True)
class LeadCounts:
    """A document's lead tokens counted for `keywords`, before corpus weights: the distinct
    tokens in first-seen order, how often each occurs, and which may be keywords at all
    (one byte each). Counting needs only the tokens, so ingest's workers do it and the
    writer only weighs; ints and bytes keep the object cheap to send between processes."""

    tokens: list[str]
    counts: list[int]
    eligible: bytes


_ELIGIBLE: dict[str, int] = {}  # token -> 1 if it may be a keyword (tokens repeat a lot)
_ELIGIBLE_MAX = 200_000


def lead_counts(tokens: Sequence[str]) -> LeadCounts:
    counts = Counter(tokens[:KEYWORD_SCAN_TOKENS])
    unique = list(counts)
    known = _ELIGIBLE
    new = set(unique).difference(known)
    if new:
        if len(known) + len(new) > _ELIGIBLE_MAX:
            known.clear()
            new = set(unique)
        for t in new:
            known[t] = int(len(t) > 1 and not _NUMBER.match(t))
    return LeadCounts(unique, list(counts.values()), bytes(map(known.__getitem__, unique)))


def keywords(tokens: Sequence[str], idf: Idf, k: int = 12) -> list[str]:
    """The document's k most characteristic search tokens: TF-IDF over its lead.

    Every ingested document goes through here, so the per-token work stays in C (Counter,
    map over dict and list lookups, sorting by a list index); Python sees only the result.
    """
    return weigh_keywords(lead_counts(tokens), idf, k)


def weigh_keywords(lead: LeadCounts, idf: Idf, k: int = 12) -> list[str]:
    """`keywords` from counts already taken: the 2k heaviest tokens, the eligible ones first
    k of them (a bare number or a single character still takes one of the 2k places)."""
    unique = lead.tokens
    scores = list(map(_TF.__getitem__, lead.counts))
    weights = idf.cached_weights(unique)
    if weights is not None:
        scores = list(map(operator.mul, scores, map(weights.__getitem__, unique)))
    order = sorted(range(len(unique)), key=scores.__getitem__, reverse=True)
    eligible = lead.eligible
    return [unique[i] for i in order[: k * 2] if eligible[i]][:k]


@dataclass(slots=True)
class TagTerms:
    """Where a document's tags come from, before corpus weights: occurrences per (tag, trigger
    or entity name) and each entity tag's kind weight. Counting needs only the text, so it
    runs in ingest's worker processes; `weigh_tags` adds the store's IDF in the writer."""

    tf: dict[tuple[str, str], float] = field(default_factory=dict)
    entity_weight: dict[str, float] = field(default_factory=dict)


def count_tag_terms(text: str, title: str = "", *, mentions: Sequence[Mention] = ()) -> TagTerms:
    """Trigger and entity occurrences of a document (a title occurrence counts TITLE_TF)."""
    terms = TagTerms()
    tf = terms.tf
    for part, count in ((title, TITLE_TF), (text, 1)):
        if not part or (count == TITLE_TF and text.startswith(part)):
            continue
        lowered = lower_ascii(part)
        for hit in trigger_matcher().find(lowered):
            phrase = lowered[hit.start : hit.end]
            for tag_id in hit.value:
                tf[(tag_id, phrase)] = tf.get((tag_id, phrase), 0) + count
    for mention in mentions:
        tag_id = entity_tag(mention.entity)
        key = (tag_id, mention.entity.name)
        tf[key] = tf.get(key, 0) + (TITLE_TF if title and mention.text in title else 1)
        terms.entity_weight[tag_id] = _ENTITY_KIND_WEIGHT.get(
            mention.entity.kind, _ENTITY_DEFAULT_WEIGHT
        )
    return terms


def weigh_tags(terms: TagTerms, idf: Idf | None = None, *, limit: int = MAX_TAGS) -> TagResult:
    """The tags heaviest first: sublinear occurrences times corpus rarity times kind weight."""
    idf = idf or Idf()
    weights: dict[str, float] = {}
    evidence: dict[str, str] = {}
    for (tag_id, phrase), n in terms.tf.items():
        w = (1.0 + math.log(n)) * idf.phrase(phrase) * terms.entity_weight.get(tag_id, 1.0)
        weights[tag_id] = weights.get(tag_id, 0.0) + w
        if w >= weights[tag_id] - w:
            evidence[tag_id] = phrase
    if not weights:
        return TagResult([], {}, "no entity or vocabulary term found")
    top = max(weights.values())
    ranked = sorted(
        (t for t, w in weights.items() if w >= MIN_SHARE * top), key=lambda t: (-weights[t], t)
    )[:limit]
    reason = ", ".join(f"{t} ({evidence[t]})" for t in ranked)
    return TagResult(ranked, {t: round(weights[t], 3) for t in ranked}, reason)


def assign_tags(
    text: str,
    title: str = "",
    *,
    mentions: Sequence[Mention] = (),
    idf: Idf | None = None,
    limit: int = MAX_TAGS,
) -> TagResult:
    """Entity and vocabulary tags of a document, heaviest first."""
    return weigh_tags(count_tag_terms(text, title, mentions=mentions), idf, limit=limit)
