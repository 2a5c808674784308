"""Documents, chunks, entities, facts, and each backend's full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", Id, primary_key=True),
        sa.Column("url", sa.Text()),
        sa.Column("canonical_url", sa.Text(), index=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text()),
        sa.Column("published_at", sa.DateTime(), index=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("owner_id", Id, index=True),
        sa.Column("content_hash", sa.String(64), nullable=False, index=True),
        sa.Column("near_key", sa.String(48)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text()),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "document_variants",
        sa.Column("id", Id, primary_key=True),
        sa.Column(
            "document_id",
            Id,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("url", sa.Text()),
        sa.Column("canonical_url", sa.Text(), index=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text()),
        sa.Column("published_at", sa.DateTime()),
        sa.Column("content_hash", sa.String(64), nullable=False, index=True),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "chunks",
        sa.Column("id", Id, primary_key=True),
        sa.Column(
            "document_id", Id, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer()),
        sa.Column("tokens", sa.Text(), nullable=False),
        sa.Column("token_count", sa.Integer(), nullable=False),
    )
    op.create_index("ix_chunks_document_ordinal", "chunks", ["document_id", "ordinal"], unique=True)
    op.create_table(
        "entities",
        sa.Column("id", Id, primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("tickers", sa.JSON(), nullable=False),
        sa.Column("market", sa.String(8)),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "entity_mentions",
        sa.Column("id", Id, primary_key=True),
        sa.Column(
            "entity_id",
            Id,
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "document_id",
            Id,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("chunk_id", Id, sa.ForeignKey("chunks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", Id, primary_key=True),
        sa.Column("subject_id", Id, sa.ForeignKey("entities.id", ondelete="SET NULL"), index=True),
        sa.Column("subject_text", sa.Text(), nullable=False),
        sa.Column("metric", sa.String(32), nullable=False, index=True),
        sa.Column("object_id", Id, sa.ForeignKey("entities.id", ondelete="SET NULL")),
        sa.Column("object_text", sa.Text()),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("currency", sa.String(3)),
        sa.Column("period", sa.String(32)),
        sa.Column("as_of", sa.Date()),
        sa.Column(
            "document_id",
            Id,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "chunk_id",
            Id,
            sa.ForeignKey("chunks.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 over chunks.tokens: the tokens are already segmented, so the
        # tokenizer only has to split on spaces; bm25() ranks.
        op.execute(
            "CREATE VIRTUAL TABLE chunk_fts USING fts5(tokens, content='chunks',"
            " content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
        )
        # Per-term document counts, read by the query planner to leave very common terms
        # out of candidate generation.
        op.execute("CREATE VIRTUAL TABLE chunk_fts_vocab USING fts5vocab(chunk_fts, row)")
    else:
        # One tsvector per chunk, built from the same tokens (positions give BM25 its term
        # frequencies), and document frequencies per term for the IDF.
        op.execute(
            "CREATE TABLE chunk_search ("
            " chunk_id BIGINT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,"
            " tsv TSVECTOR NOT NULL,"
            " length INTEGER NOT NULL)"
        )
        op.execute("CREATE INDEX ix_chunk_search_tsv ON chunk_search USING GIN (tsv)")
    # Document frequencies per term (PostgreSQL) and corpus totals '#chunks', '#length' (both).
    op.execute("CREATE TABLE search_terms (term TEXT PRIMARY KEY, df BIGINT NOT NULL)")


def downgrade() -> None:
    op.execute("DROP TABLE search_terms")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE chunk_fts_vocab")
        op.execute("DROP TABLE chunk_fts")
    else:
        op.execute("DROP TABLE chunk_search")
    for table in (
        "facts",
        "entity_mentions",
        "entities",
        "chunks",
        "document_variants",
        "documents",
    ):
        op.drop_table(table)
