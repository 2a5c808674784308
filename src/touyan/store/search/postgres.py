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
# Each candidate costs PostgreSQL a heap visit for its tsvector (≈ 5 µs, more when cold):
# half SQLite's budget keeps the slowest queries near 30 ms at 200,000 documents.
CANDIDATE_BUDGET = 4_000


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
            "avg": avg_len,
            "limit": limit,
            "fetch": max(limit * 2, 50),
        }
        where = filter_sql(filters, params)
        tsq, window = self._candidates(conn, terms, dfs, n_chunks)
        newest = conn.execute(text("SELECT max(chunk_id) FROM chunk_search")).scalar() or 0
        while True:
            params["tsq"] = tsq
            params["floor"] = max(int(newest) - window, 0) if window else 0
            found, cut = self._head(conn, params, where)
            if len(found) < limit and cut:
                found = self._exact(conn, params, where)
            # A floor guessed from the term's frequency can leave too few: widen it.
            if len(found) >= limit or not params["floor"]:
                return found
            window *= 4

    def _candidates(
        self, conn: Connection, terms: Sequence[str], dfs: dict[str, int], n_chunks: int
    ) -> tuple[str, int]:
        """The cheapest tsquery whose matches hold the best chunks, and a window of newest
        chunk ids to search (0: all), as SQLite's `_candidate_query` chooses them.

        Each candidate costs a heap visit (its tsvector), so PostgreSQL takes fewer
        candidates than SQLite: the rarest terms when they fit the budget; else chunks with
        every term, when there are some and they fit; else the newest chunks holding the
        rarest term, the window estimated from its frequency.
        """
        rare = candidate_terms(terms, dfs, self.budget)
        if sum(dfs[t] for t in rare) <= self.budget:
            return tsquery_literal(rare), 0
        if len(terms) > 1:
            every = " & ".join(_quote(t) for t in terms)
            n = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT 1 FROM chunk_search"
                    " WHERE tsv @@ CAST(:tsq AS tsquery) LIMIT :cap) m"
                ),
                {"tsq": every, "cap": self.budget + 1},
            ).scalar_one()
            if 0 < n <= self.budget:
                return every, 0
        rarest = rare[0]
        return tsquery_literal([rarest]), max(self.budget * n_chunks // dfs[rarest], 1)

    def _head(
        self, conn: Connection, params: dict[str, Any], where: str
    ) -> tuple[list[Ranked], bool]:
        """The best `fetch` candidates scored on `chunk_search` alone, then filtered, and
        whether the head may have cut candidates off (it was full, or filters left none).

        Joining chunks and documents for every candidate costs more than scoring it (two
        index lookups each), so only the head of the ranking is joined and filtered; when
        filters leave too few, `_exact` filters every candidate instead.
        """
        sql = f"""
            WITH {_TERMS},
            scored AS MATERIALIZED (
                SELECT s.chunk_id, {_SCORE} AS score
                FROM chunk_search s {_HITS}
                WHERE s.tsv @@ CAST(:tsq AS tsquery) AND s.chunk_id > :floor
                GROUP BY s.chunk_id
                ORDER BY score DESC, s.chunk_id
                LIMIT :fetch
            )
            SELECT f.chunk_id, c.document_id, f.score, (SELECT count(*) FROM scored) AS n
            FROM scored f
            JOIN chunks c ON c.id = f.chunk_id
            JOIN documents d ON d.id = c.document_id
            WHERE {where}
            ORDER BY f.score DESC, f.chunk_id
            LIMIT :limit
        """
        rows = conn.execute(text(sql), params).all()
        cut = not rows or int(rows[0][3]) >= int(params["fetch"])
        return [Ranked(r[0], r[1], float(r[2])) for r in rows], cut

    def _exact(self, conn: Connection, params: dict[str, Any], where: str) -> list[Ranked]:
        sql = f"""
            WITH {_TERMS}
            SELECT s.chunk_id, c.document_id, {_SCORE} AS score
            FROM chunk_search s
            JOIN chunks c ON c.id = s.chunk_id
            JOIN documents d ON d.id = c.document_id
            {_HITS}
            WHERE s.tsv @@ CAST(:tsq AS tsquery) AND s.chunk_id > :floor AND {where}
            GROUP BY s.chunk_id, c.document_id
            ORDER BY score DESC, s.chunk_id
            LIMIT :limit
        """
        return [Ranked(r[0], r[1], float(r[2])) for r in conn.execute(text(sql), params)]


_TERMS = """q AS (
                SELECT * FROM unnest(CAST(:terms AS text[]), CAST(:idfs AS float8[]))
                    AS q(term, idf)
            )"""
# Only the query's lexemes of a candidate are unnested (ts_filter over the weight setweight
# gave them), so a long chunk costs no more than a short one.
_HITS = """CROSS JOIN LATERAL unnest(
                ts_filter(setweight(s.tsv, 'A', CAST(:terms AS text[])), '{a}')
            ) AS u(lexeme, positions, weights)
            JOIN q ON q.term = u.lexeme"""
_SCORE = f"""SUM(q.idf * cardinality(u.positions) * {K1 + 1}
                / (cardinality(u.positions)
                   + {K1} * (1 - {B} + {B} * s.length / CAST(:avg AS float8))))"""
