"""Entities, mentions and facts in the store: syncing the dictionary, writing, querying.

Facts are written in the same transaction as their document, so a document never exists
without the facts read from it, and a fact never outlives its source span.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from touyan.facts.confidence import CHECK_BELOW
from touyan.facts.entities import EntityDictionary, EntityRecord, Mention, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.llm_extract import llm_extract
from touyan.facts.names import same_name
from touyan.llm.base import Provider
from touyan.store.db import Database
from touyan.store.models import Chunk, Document, Entity, EntityMention, Fact, utcnow
from touyan.text.segment import add_words


def sync_entities(conn: Connection) -> dict[str, int]:
    """Make sure every bundled entity has a row; return name → id for all entities."""
    ids = {name: i for name, i in conn.execute(select(Entity.name, Entity.id))}
    missing = [r for r in bundled_entities() if r.name not in ids]
    if missing:
        conn.execute(insert(Entity), [_entity_row(r, "bundled") for r in missing])
        ids = {name: i for name, i in conn.execute(select(Entity.name, Entity.id))}
    return ids


def _entity_row(record: EntityRecord, source: str) -> dict[str, Any]:
    return {
        "name": record.name,
        "kind": record.kind,
        "aliases": list(record.aliases),
        "tickers": list(record.tickers),
        "market": record.market,
        "source": source,
        "created_at": utcnow(),
    }


def load_dictionary(conn: Connection) -> EntityDictionary:
    """The bundled dictionary plus entities users added (theirs may extend, never replace)."""
    return dictionary_with(user_entities(conn))


def user_entities(conn: Connection) -> list[EntityRecord]:
    rows = conn.execute(
        select(Entity.name, Entity.kind, Entity.aliases, Entity.tickers, Entity.market).where(
            Entity.source != "bundled"
        )
    )
    return [
        EntityRecord(name, kind, tuple(aliases or ()), tuple(tickers or ()), market)
        for name, kind, aliases, tickers, market in rows
    ]


def dictionary_with(user: Sequence[EntityRecord]) -> EntityDictionary:
    """The bundled dictionary extended by `user`'s entities, which the segmenter learns too
    (ingest's worker processes build theirs from the same records)."""
    add_words([name for r in user for name in r.names()])
    return EntityDictionary.of([*bundled_entities(), *user])


def add_entity(db: Database, record: EntityRecord) -> bool:
    """Store a user's entity; returns False when it updated one that existed."""
    with db.engine.begin() as conn:
        existing = conn.execute(select(Entity.id).where(Entity.name == record.name)).scalar()
        row = _entity_row(record, "user")
        if existing is None:
            conn.execute(insert(Entity), row)
            return True
        row.pop("created_at")
        conn.execute(update(Entity).where(Entity.id == existing).values(**row))
        return False


@dataclass(frozen=True, slots=True)
class StoredChunk:
    id: int
    document_id: int
    char_start: int
    char_end: int


@dataclass(slots=True)
class EnrichmentRows:
    """Mention and fact rows waiting to be inserted, in document order."""

    mentions: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)

    def insert(self, conn: Connection) -> None:
        if self.mentions:
            conn.execute(insert(EntityMention), self.mentions)
        if self.facts:
            conn.execute(insert(Fact), self.facts)


class Enricher:
    """Finds mentions and extracts facts for newly written documents, inside their transaction."""

    def __init__(self, conn: Connection, provider: Provider | None = None) -> None:
        self.entity_ids = sync_entities(conn)
        self.user_entities = user_entities(conn)
        self.dictionary = dictionary_with(self.user_entities)
        self.provider = provider

    def enrich(
        self,
        conn: Connection,
        document_id: int,
        text: str,
        title: str,
        published_at: dt.datetime | None,
        chunks: Sequence[StoredChunk],
        *,
        mentions: Sequence[Mention] | None = None,
        facts: Sequence[ExtractedFact] | None = None,
    ) -> None:
        """`mentions` and rule `facts` are the dictionary scan and `extract_facts` of `text`,
        when already computed (ingest computes them before any database work)."""
        rows = EnrichmentRows()
        self.collect(
            rows, document_id, text, title, published_at, chunks, mentions=mentions, facts=facts
        )
        rows.insert(conn)

    def collect(
        self,
        rows: EnrichmentRows,
        document_id: int,
        text: str,
        title: str,
        published_at: dt.datetime | None,
        chunks: Sequence[StoredChunk],
        *,
        mentions: Sequence[Mention] | None = None,
        facts: Sequence[ExtractedFact] | None = None,
    ) -> None:
        """Add one document's mention and fact rows to `rows`, so a batch of documents is
        written with one statement per table."""
        if mentions is None:
            mentions = self.dictionary.find(text)
        for m in mentions:
            chunk = _chunk_at(chunks, m.start)
            entity_id = self.entity_ids.get(m.entity.name)
            if chunk is not None and entity_id is not None:
                rows.mentions.append(
                    {
                        "entity_id": entity_id,
                        "document_id": document_id,
                        "chunk_id": chunk.id,
                        "char_start": m.start,
                        "char_end": m.end,
                    }
                )
        if facts is None:
            facts = extract_facts(
                text,
                title=title,
                published_at=published_at.date() if published_at else None,
                entities=self.dictionary,
                mentions=mentions,
            )
        day = published_at.date() if published_at else None
        found = [(f, "rule") for f in facts]
        if self.provider is not None:
            known = {(f.subject, f.metric, f.value) for f in facts}
            for fact in self._llm_facts(text, day, chunks):
                if (fact.subject, fact.metric, fact.value) not in known:
                    found.append((fact, "llm"))
        rows.facts.extend(
            row
            for f, method in found
            if (row := self._fact_row(f, document_id, chunks, method)) is not None
        )

    def _llm_facts(
        self, text: str, day: dt.date | None, chunks: Sequence[StoredChunk]
    ) -> list[ExtractedFact]:
        """The model's facts chunk by chunk, spans moved to document offsets."""
        assert self.provider is not None
        out: list[ExtractedFact] = []
        for chunk in chunks:
            result = llm_extract(
                text[chunk.char_start : chunk.char_end],
                self.provider,
                published_at=day,
                entities=self.dictionary,
            )
            for fact in result.facts:
                span = (fact.span[0] + chunk.char_start, fact.span[1] + chunk.char_start)
                out.append(replace(fact, span=span))
        return out

    def _fact_row(
        self,
        fact: ExtractedFact,
        document_id: int,
        chunks: Sequence[StoredChunk],
        method: str = "rule",
    ) -> dict[str, Any] | None:
        chunk = _chunk_at(chunks, fact.span[0])
        if chunk is None:
            return None  # no source chunk, no fact
        return {
            "subject_id": self.entity_ids.get(fact.subject),
            "subject_text": fact.subject,
            "metric": fact.metric,
            "object_id": self.entity_ids.get(fact.object) if fact.object else None,
            "object_text": fact.object,
            "value": fact.value,
            "value_high": fact.high,
            "bound": fact.bound,
            "unit": fact.unit,
            "currency": fact.currency,
            "period": fact.period,
            "as_of": fact.as_of,
            "document_id": document_id,
            "chunk_id": chunk.id,
            "span_start": fact.span[0],
            "span_end": fact.span[1],
            "quote": fact.quote,
            "method": method,
            "confidence": fact.confidence,
        }


def _chunk_at(chunks: Sequence[StoredChunk], offset: int) -> StoredChunk | None:
    for chunk in chunks:
        if chunk.char_start <= offset < chunk.char_end:
            return chunk
    return None


@dataclass(frozen=True, slots=True)
class FactView:
    """A fact with its provenance, as `touyan facts --json` prints it."""

    subject: str
    metric: str
    object: str | None
    value: Decimal
    unit: str
    currency: str | None
    as_of: dt.date | None
    period: str | None
    document_id: int
    document_url: str | None
    document_title: str
    chunk_id: int
    span: tuple[int, int]
    quote: str
    value_high: Decimal | None = None  # a range's upper end; value is its lower
    bound: str | None = None  # "floor" (超过9%) or "ceiling" (不超过2%): value is not exact
    confidence: float = 1.0  # the chance it is right (touyan.facts.confidence); 0.8 a model's

    @property
    def unsure(self) -> bool:
        """To be checked against its quote before it is relied on."""
        return self.confidence < CHECK_BELOW

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "metric": self.metric,
            "object": self.object,
            "value": format(self.value, "f"),
            "value_high": None if self.value_high is None else format(self.value_high, "f"),
            "bound": self.bound,
            "unit": self.unit,
            "currency": self.currency,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "period": self.period,
            "document_id": self.document_id,
            "document_url": self.document_url,
            "chunk_id": self.chunk_id,
            "span": list(self.span),
            "quote": self.quote,
            "confidence": self.confidence,
        }


def query_facts(
    db: Database,
    *,
    entity: str | None = None,
    metric: str | None = None,
    document_id: int | None = None,
    owner_id: int | None = None,
    min_confidence: float | None = None,
    limit: int = 200,
) -> list[FactView]:
    """Facts by subject (name, alias or ticker), metric, document and least confidence,
    newest as-of first."""
    query = (
        select(Fact, Document.url, Document.title)
        .join(Document, Document.id == Fact.document_id)
        .order_by(Fact.as_of.desc(), Fact.id)
        .limit(limit)
    )
    query = query.where(
        Document.owner_id.is_(None)
        if owner_id is None
        else (Document.owner_id.is_(None)) | (Document.owner_id == owner_id)
    )
    if metric:
        query = query.where(Fact.metric == metric)
    if document_id is not None:
        query = query.where(Fact.document_id == document_id)
    if min_confidence is not None:
        query = query.where(Fact.confidence >= min_confidence)
    with db.sessions() as session:
        if entity:
            record = load_dictionary(session.connection()).get(entity)
            names = {entity, *(record.names() if record else ())}
            names |= _written_variants(session.connection(), names)
            query = query.where(Fact.subject_text.in_(names))
        rows = session.execute(query).all()
    return [
        FactView(
            subject=f.subject_text,
            metric=f.metric,
            object=f.object_text,
            value=f.value,
            unit=f.unit,
            currency=f.currency,
            as_of=f.as_of,
            period=f.period,
            document_id=f.document_id,
            document_url=url,
            document_title=title,
            chunk_id=f.chunk_id,
            span=(f.span_start, f.span_end),
            quote=f.quote,
            value_high=f.value_high,
            bound=f.bound,
            confidence=f.confidence,
        )
        for f, url, title in rows
    ]


def _written_variants(conn: Connection, names: set[str]) -> set[str]:
    """Stored subjects that are one of `names` written another way (a fund's short and
    registered names, 理想汽车-W and 理想汽车): `same_name` decides, on the few stored
    subjects that start as one of the names does, so a short name finds facts filed under
    the registered one without a scan of every subject in Python."""
    stems = {_stem(n) for n in names if _stem(n)}
    if not stems:
        return set()
    prefix = or_(*(Fact.subject_text.like(f"{_like_escape(s)}%", escape="\\") for s in stems))
    stored = conn.execute(select(Fact.subject_text).where(prefix).distinct()).scalars()
    return {s for s in stored if s not in names and any(same_name(s, n) for n in names)}


def _stem(name: str) -> str:
    """The first characters every written form of the name shares: the fund house of a fund
    (平安短债债券I, 平安短债债券型证券投资基金I类), the start of a company's name."""
    return name[:2]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def chunks_of(conn: Connection, document_ids: Sequence[int]) -> dict[int, list[StoredChunk]]:
    out: dict[int, list[StoredChunk]] = {}
    rows = conn.execute(
        select(Chunk.id, Chunk.document_id, Chunk.char_start, Chunk.char_end)
        .where(Chunk.document_id.in_(document_ids))
        .order_by(Chunk.document_id, Chunk.ordinal)
    )
    for chunk_id, doc_id, start, end in rows:
        out.setdefault(doc_id, []).append(StoredChunk(chunk_id, doc_id, start, end))
    return out
