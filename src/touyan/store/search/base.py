"""The search backend protocol, the filters every backend honours, and the shared BM25 maths.

A backend only indexes token strings and returns ranked chunk ids; turning a user's query
into tokens, snippets and result records is shared code, so both backends behave alike.

Both backends prune the same way: when the query's terms together match more chunks than
`CANDIDATE_BUDGET`, candidates come from the rarest terms only, and every candidate is then
scored with BM25 over all terms. Very common terms (公司, 市场) weigh little in BM25 but cost
the most to score, so this keeps p95 latency flat as the corpus grows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import Connection, text

K1 = 1.2
B = 0.75
CANDIDATE_BUDGET = 8_000
CHUNKS_KEY = "#chunks"
LENGTH_KEY = "#length"


@dataclass(frozen=True, slots=True)
class SearchFilters:
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    kinds: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # None: public documents only; an id: public documents plus that owner's private ones.
    owner_id: int | None = None
    document_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Ranked:
    chunk_id: int
    document_id: int
    score: float  # higher is better


@runtime_checkable
class SearchBackend(Protocol):
    def index(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        """Add (chunk_id, space-joined tokens) rows to the index."""

    def unindex(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        """Remove rows added by `index` (same tokens), before their chunks are deleted."""

    def rank(
        self, conn: Connection, tokens: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Ranked]:
        """Chunks matching any token, best BM25 first."""


def filter_sql(filters: SearchFilters, params: dict[str, Any]) -> str:
    """WHERE fragments over `documents d`, with values bound as parameters (never inlined)."""
    parts: list[str] = []
    if filters.owner_id is None:
        parts.append("d.owner_id IS NULL")
    else:
        parts.append("(d.owner_id IS NULL OR d.owner_id = :owner_id)")
        params["owner_id"] = filters.owner_id
    if filters.since is not None:
        parts.append("d.published_at >= :since")
        params["since"] = filters.since
    if filters.until is not None:
        parts.append("d.published_at <= :until")
        params["until"] = filters.until
    for name, values in (("kind", filters.kinds), ("language", filters.languages)):
        if values:
            keys = [f"{name}_{i}" for i in range(len(values))]
            params.update(zip(keys, values, strict=True))
            parts.append(f"d.{name} IN ({', '.join(':' + k for k in keys)})")
    if filters.document_ids:
        keys = [f"doc_{i}" for i in range(len(filters.document_ids))]
        params.update(zip(keys, filters.document_ids, strict=True))
        parts.append(f"d.id IN ({', '.join(':' + k for k in keys)})")
    return " AND ".join(parts)


def idf(n_chunks: int, df: int) -> float:
    """BM25 IDF as SQLite FTS5 computes it (floored just above zero), used by both backends."""
    value = math.log((max(n_chunks, df) - df + 0.5) / (df + 0.5))
    return value if value > 0 else 1e-6


def candidate_terms(terms: Sequence[str], dfs: Mapping[str, int], budget: int) -> list[str]:
    """The rarest terms whose matches fit the budget (always at least the rarest one)."""
    chosen: list[str] = []
    total = 0
    for term in sorted(terms, key=lambda t: dfs[t]):
        if chosen and total + dfs[term] > budget:
            break
        chosen.append(term)
        total += dfs[term]
    return chosen


def bm25(
    tokens: str, length: int, query: Sequence[str], idfs: Mapping[str, float], avg_len: float
) -> float:
    """BM25 of one chunk, given its space-joined tokens and token count.

    Term frequencies are counted on the stored string (a C-level substring count per query
    term) rather than by splitting it, so rescoring hundreds of candidates stays cheap.
    """
    padded = f" {tokens} "
    norm = K1 * (1 - B + B * length / avg_len)
    score = 0.0
    for term in query:
        tf = padded.count(f" {term} ")
        if tf:
            score += idfs[term] * tf * (K1 + 1) / (tf + norm)
    return score


def corpus_totals(conn: Connection) -> tuple[int, float]:
    """(number of chunks, average tokens per chunk) from the running totals."""
    rows = conn.execute(
        text("SELECT term, df FROM search_terms WHERE term IN (:n, :len)"),
        {"n": CHUNKS_KEY, "len": LENGTH_KEY},
    )
    totals = {term: int(df) for term, df in rows}
    n_chunks = max(1, totals.get(CHUNKS_KEY, 0))
    return n_chunks, max(1.0, totals.get(LENGTH_KEY, 0) / n_chunks)


def update_totals(conn: Connection, counts: Iterable[tuple[str, int]]) -> None:
    """Add to per-term counts; sorted, so concurrent writers lock rows in one order."""
    conn.execute(
        text(
            "INSERT INTO search_terms (term, df) VALUES (:term, :df)"
            " ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df"
        ),
        [{"term": t, "df": n} for t, n in sorted(counts)],
    )
