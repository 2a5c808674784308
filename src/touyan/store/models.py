"""The stored records: documents and their chunks, entities and facts.

Search indexes are not mapped here: each backend keeps its own (an FTS5 table on SQLite,
a tsvector table on PostgreSQL), created by the migrations and written by `store.search`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64-bit ids.
IdType = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> dt.datetime:
    """Naive UTC, the one timezone convention of the store (both backends agree on it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class DecimalText(TypeDecorator[Decimal]):
    """Decimals stored as text: exact on SQLite (which has no decimal type) and PostgreSQL."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else format(value, "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[Any]: JSON}


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    language: Mapped[str] = mapped_column(String(8), default="und")
    kind: Mapped[str] = mapped_column(String(16), default="news")
    owner_id: Mapped[int | None] = mapped_column(IdType, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    near_key: Mapped[str | None] = mapped_column(String(48))
    text: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(default=list)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Labels (touyan.analysis): bullish | neutral | bearish; cn_a | hk | us | other.
    sentiment: Mapped[str | None] = mapped_column(String(8), index=True)
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    market: Mapped[str | None] = mapped_column(String(8), index=True)
    # Why each label was given: {"method", "evidence_phrases", "reasons": {label: text}}.
    labels: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    chunks: Mapped[list[Chunk]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Chunk.ordinal"
    )
    variants: Mapped[list[DocumentVariant]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )


class DocumentVariant(Base):
    """Another publication of a stored document (same or nearly the same text).

    Re-published stories are linked here rather than stored twice, so search shows the story
    once while every place it appeared stays known.
    """

    __tablename__ = "document_variants"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    similarity: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="variants")


class Chunk(Base):
    __tablename__ = "chunks"
    __table_args__ = (Index("ix_chunks_document_ordinal", "document_id", "ordinal", unique=True),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    # Pre-segmented, space-joined search tokens: both backends index exactly these.
    tokens: Mapped[str] = mapped_column(Text, default="")
    token_count: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="chunks")


class Entity(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    tickers: Mapped[list[str]] = mapped_column(default=list)
    market: Mapped[str | None] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(16), default="bundled")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EntityMention(Base):
    """Where an entity is named: the link from text to the entity dictionary."""

    __tablename__ = "entity_mentions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    chunk_id: Mapped[int] = mapped_column(ForeignKey("chunks.id", ondelete="CASCADE"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class Fact(Base):
    """A typed statement read from a chunk. Without a source span it does not exist."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    subject_text: Mapped[str] = mapped_column(Text)
    metric: Mapped[str] = mapped_column(String(32), index=True)
    object_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    object_text: Mapped[str | None] = mapped_column(Text)
    value: Mapped[Decimal] = mapped_column(DecimalText())
    # the upper end when the text gives a range (预计净利润3200万元至4800万元); value is the lower
    value_high: Mapped[Decimal | None] = mapped_column(DecimalText(), nullable=True)
    # "floor" or "ceiling" when the text bounds the value (超过9%, 不超过2%) instead of stating it
    bound: Mapped[str | None] = mapped_column(String(8), nullable=True)
    unit: Mapped[str] = mapped_column(String(16), default="")
    currency: Mapped[str | None] = mapped_column(String(3))
    period: Mapped[str | None] = mapped_column(String(32))
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    chunk_id: Mapped[int] = mapped_column(ForeignKey("chunks.id", ondelete="CASCADE"), index=True)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(8), default="rule")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


# -- accounts ---------------------------------------------------------------------------------


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    locale: Mapped[str] = mapped_column(String(8), default="zh")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuthSession(Base):
    """A browser login. Only the token's hash is stored, so a leaked table opens no session."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class FeedSubscription(Base):
    """An RSS/Atom feed a user asked to have refreshed on a schedule."""

    __tablename__ = "feed_subscriptions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    interval_minutes: Mapped[int] = mapped_column(Integer, default=60)
    last_fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_status: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# -- chat and research ------------------------------------------------------------------------


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text, default="")
    # The article in view when the conversation started ("基于这条新闻提问").
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    analysis_id: Mapped[int | None] = mapped_column(ForeignKey("analyses.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    # [{n, document_id, chunk_id, title, publisher, url, published_at}]
    citations: Mapped[list[Any]] = mapped_column(default=list)
    verification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ResearchRun(Base):
    """One deep-research (or quick) run, persisted after every step so it can resume."""

    __tablename__ = "research_runs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(8), default="deep")
    auto_accept: Mapped[bool] = mapped_column(Boolean, default=False)
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    locale: Mapped[str] = mapped_column(String(8), default="zh")
    context_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )
    context_analysis_id: Mapped[int | None] = mapped_column(
        ForeignKey("analyses.id", ondelete="SET NULL")
    )
    # planning → awaiting_review → running → writing → verifying → done | failed | cancelled
    status: Mapped[str] = mapped_column(String(16), default="planning", index=True)
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict)
    plan_versions: Mapped[list[Any]] = mapped_column(default=list)
    feedback: Mapped[list[Any]] = mapped_column(default=list)
    # {step_id: {status, evidence: [ids], notes, facts}}
    steps: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # [{id, chunk_id, document_id, title, publisher, url, published_at, text}]
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    report_markdown: Mapped[str | None] = mapped_column(Text)
    references: Mapped[list[Any]] = mapped_column(default=list)
    verification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    usage: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    analysis_id: Mapped[int | None] = mapped_column(ForeignKey("analyses.id", ondelete="SET NULL"))
    # A worker holds a lease while it executes the run; an expired lease means it died.
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RunEvent(Base):
    """The progress log of a run, read by the terminal and by SSE clients (after `seq`)."""

    __tablename__ = "run_events"
    __table_args__ = (Index("ix_run_events_run_seq", "run_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("research_runs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Analysis(Base):
    """A feed item: a verified report rendered from data (Markdown body, references)."""

    __tablename__ = "analyses"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    slug: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="zh")
    tags: Mapped[list[str]] = mapped_column(default=list)
    sentiment: Mapped[str | None] = mapped_column(String(8), index=True)
    market: Mapped[str | None] = mapped_column(String(8), index=True)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # [{n, document_id, chunk_id, title, publisher, url, published_at}], built from the store.
    references: Mapped[list[Any]] = mapped_column(default=list)
    verification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    usage: Mapped[dict[str, Any]] = mapped_column(default=dict)
    run_id: Mapped[str | None] = mapped_column(String(32))
    # None: public; else only its owner sees it.
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
