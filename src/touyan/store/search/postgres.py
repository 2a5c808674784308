"""PostgreSQL: a GIN-indexed tsvector per chunk built from the same tokens, ranked by BM25.

PostgreSQL's own ts_rank is not BM25, so the score is computed in SQL from term
frequencies (tsvector positions) and document frequencies kept in `search_terms`; the
tsvector is built from our tokens directly, so no text-search parser or locale is involved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from touyan.store.search.base import (
    CANDIDATE_BUDGET,
    CHUNKS_KEY,
    K1,
    LENGTH_KEY,
    B,
    Ranked,
    SearchFilters,
    candidate_terms,
    corpus_totals,
    filter_sql,
    idf,
    update_totals,
)

_MAX_POSITION = 16383


def _quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens: Sequence[str]) -> str:
    """'term':1,4 'other':2 … — positions are what let SQL count term frequencies."""
    positions: dict[str, list[int]] = {}
    for pos, token in enumerate(tokens[:_MAX_POSITION], start=1):
        positions.setdefault(token, []).append(pos)
    return " ".join(
        _quote(token) + ":" + ",".join(map(str, p[:256])) for token, p in positions.items()
    )


def tsquery_literal(tokens: Sequence[str]) -> str:
    return " | ".join(_quote(t) for t in tokens)


class PostgresSearch:
    def __init__(self, budget: int = CANDIDATE_BUDGET) -> None:
        self.budget = budget

    def index(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        if not rows:
            return
        values = []
        for chunk_id, tokens in rows:
            split = tokens.split()
            values.append({"id": chunk_id, "tsv": tsvector_literal(split), "len": len(split)})
        conn.execute(
            text(
                "INSERT INTO chunk_search (chunk_id, tsv, length)"
                " VALUES (:id, CAST(:tsv AS tsvector), :len)"
            ),
            values,
        )
        self._totals(conn, rows, +1)

    def unindex(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        if not rows:
            return
        conn.execute(
            text("DELETE FROM chunk_search WHERE chunk_id = :id"), [{"id": r[0]} for r in rows]
        )
        self._totals(conn, rows, -1)

    def _totals(self, conn: Connection, rows: Sequence[tuple[int, str]], sign: int) -> None:
        df: Counter[str] = Counter()
        length = 0
        for _, tokens in rows:
            split = tokens.split()
            df.update(set(split))
            length += len(split)
        df[CHUNKS_KEY] = len(rows)
        df[LENGTH_KEY] = length
        update_totals(conn, [(term, sign * n) for term, n in df.items()])

    def rank(
        self, conn: Connection, tokens: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Ranked]:
        rows = conn.execute(
            text("SELECT term, df FROM search_terms WHERE term = ANY(:terms)"),
            {"terms": list(tokens)},
        )
        dfs = {term: int(df) for term, df in rows if int(df) > 0}
        terms = [t for t in tokens if t in dfs]
        if not terms:
            return []
        n_chunks, avg_len = corpus_totals(conn)
        params: dict[str, Any] = {
            "terms": terms,
            "idfs": [idf(n_chunks, dfs[t]) for t in terms],
            "tsq": tsquery_literal(candidate_terms(terms, dfs, self.budget)),
            "avg": avg_len,
            "limit": limit,
        }
        where = filter_sql(filters, params)
        # The candidates are fetched first through the GIN index (MATERIALIZED keeps the
        # planner from starting at chunks or documents when its statistics are stale), then
        # only the query's lexemes of each candidate are unnested and scored.
        sql = f"""
            WITH q AS (
                SELECT * FROM unnest(CAST(:terms AS text[]), CAST(:idfs AS float8[]))
                    AS q(term, idf)
            ),
            cand AS MATERIALIZED (
                SELECT chunk_id, length,
                       ts_filter(setweight(tsv, 'A', CAST(:terms AS text[])), '{{a}}') AS hits
                FROM chunk_search
                WHERE tsv @@ CAST(:tsq AS tsquery)
            )
            SELECT s.chunk_id, c.document_id,
                   SUM(q.idf * cardinality(u.positions) * {K1 + 1}
                       / (cardinality(u.positions)
                          + {K1} * (1 - {B} + {B} * s.length / CAST(:avg AS float8)))) AS score
            FROM cand s
            JOIN chunks c ON c.id = s.chunk_id
            JOIN documents d ON d.id = c.document_id
            CROSS JOIN LATERAL unnest(s.hits) AS u(lexeme, positions, weights)
            JOIN q ON q.term = u.lexeme
            WHERE {where}
            GROUP BY s.chunk_id, c.document_id
            ORDER BY score DESC, s.chunk_id
            LIMIT :limit
        """
        return [Ranked(r[0], r[1], float(r[2])) for r in conn.execute(text(sql), params)]
