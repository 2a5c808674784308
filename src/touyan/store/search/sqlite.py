"""SQLite FTS5 over pre-segmented tokens, ranked by FTS5's bm25() (or BM25 after pruning)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text

from touyan.store.search.base import (
    CANDIDATE_BUDGET,
    CHUNKS_KEY,
    LENGTH_KEY,
    Ranked,
    SearchFilters,
    bm25,
    candidate_terms,
    corpus_totals,
    filter_sql,
    idf,
    update_totals,
)


def match_expression(tokens: Sequence[str], operator: str = "OR") -> str:
    """An FTS5 query joining the tokens, each quoted as a string, so no token is syntax."""
    return f" {operator} ".join('"' + token.replace('"', '""') + '"' for token in tokens)


class SqliteSearch:
    def __init__(self, budget: int = CANDIDATE_BUDGET, candidates_per_result: int = 3) -> None:
        self.budget = budget
        self.candidates_per_result = candidates_per_result

    def index(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        if rows:
            conn.exec_driver_sql(
                "INSERT INTO chunk_fts(rowid, tokens) VALUES (?, ?)", [tuple(r) for r in rows]
            )
            self._totals(conn, rows, +1)

    def unindex(self, conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
        if rows:
            conn.exec_driver_sql(
                "INSERT INTO chunk_fts(chunk_fts, rowid, tokens) VALUES ('delete', ?, ?)",
                [tuple(r) for r in rows],
            )
            self._totals(conn, rows, -1)

    def _totals(self, conn: Connection, rows: Sequence[tuple[int, str]], sign: int) -> None:
        # Index tokens never hold a space: counting the separators is `len(tokens.split())`
        # without building the lists.
        length = sum(tokens.count(" ") + 1 for _, tokens in rows if tokens)
        update_totals(conn, [(CHUNKS_KEY, sign * len(rows)), (LENGTH_KEY, sign * length)])

    def rank(
        self, conn: Connection, tokens: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Ranked]:
        dfs = self._document_frequencies(conn, tokens)
        terms = [t for t in tokens if dfs.get(t)]
        if not terms:
            return []
        if sum(dfs[t] for t in terms) <= self.budget:
            return self._match(conn, match_expression(terms), filters, limit)
        expression, floor = self._candidate_query(conn, terms, dfs)
        candidates = self._match(
            conn, expression, filters, max(limit * self.candidates_per_result, 100), floor
        )
        return self._rescore(conn, candidates, terms, dfs, limit)

    def _candidate_query(
        self, conn: Connection, terms: Sequence[str], dfs: dict[str, int]
    ) -> tuple[str, int]:
        """The cheapest query whose matches hold the best chunks, and a rowid floor.

        In order: the rarest terms, when they fit the budget; else chunks with every term,
        when there are some and they fit; else the newest budget-full of chunks with the
        rarest term (a query made only of very common words gets recent results, not a
        full-corpus scan).
        """
        rare = candidate_terms(terms, dfs, self.budget)
        if sum(dfs[t] for t in rare) <= self.budget:
            return match_expression(rare), 0
        if len(terms) > 1:
            every = match_expression(terms, "AND")
            if 0 < self._count_upto(conn, every, self.budget + 1) <= self.budget:
                return every, 0
        newest = match_expression(rare[:1])
        floor = conn.execute(
            text(
                "SELECT rowid FROM chunk_fts WHERE chunk_fts MATCH :match"
                " ORDER BY rowid DESC LIMIT 1 OFFSET :budget"
            ),
            {"match": newest, "budget": self.budget},
        ).scalar()
        return newest, int(floor or 0)

    def _count_upto(self, conn: Connection, expression: str, cap: int) -> int:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT rowid FROM chunk_fts"
                    " WHERE chunk_fts MATCH :match LIMIT :cap)"
                ),
                {"match": expression, "cap": cap},
            ).scalar_one()
        )

    def _document_frequencies(self, conn: Connection, tokens: Sequence[str]) -> dict[str, int]:
        query = text("SELECT term, doc FROM chunk_fts_vocab WHERE term IN :terms").bindparams(
            bindparam("terms", expanding=True)
        )
        return {term: int(doc) for term, doc in conn.execute(query, {"terms": list(tokens)})}

    def _match(
        self,
        conn: Connection,
        expression: str,
        filters: SearchFilters,
        limit: int,
        floor: int = 0,
    ) -> list[Ranked]:
        """Top chunks by bm25(); filters are applied to an over-fetched ranking first.

        Joining documents for every match costs more than ranking itself, so the ranking
        runs on the FTS table alone and only its head is joined and filtered; when filters
        leave too few rows, the exact (joined) query runs instead.
        """
        params: dict[str, Any] = {"match": expression, "limit": limit, "floor": floor}
        where = filter_sql(filters, params)
        params["fetch"] = limit * 2
        head = (
            "SELECT c.id, c.document_id, f.score FROM ("
            " SELECT rowid, -bm25(chunk_fts) AS score FROM chunk_fts"
            " WHERE chunk_fts MATCH :match AND rowid > :floor"
            " ORDER BY bm25(chunk_fts) LIMIT :fetch) f"
            " JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id"
            f" WHERE {where} ORDER BY f.score DESC LIMIT :limit"
        )
        rows = conn.execute(text(head), params).all()
        if len(rows) < limit and self._more_matches(conn, params):
            exact = (
                "SELECT c.id, c.document_id, -bm25(chunk_fts) AS score"
                " FROM chunk_fts JOIN chunks c ON c.id = chunk_fts.rowid"
                " JOIN documents d ON d.id = c.document_id"
                f" WHERE chunk_fts MATCH :match AND chunk_fts.rowid > :floor AND {where}"
                " ORDER BY bm25(chunk_fts) LIMIT :limit"
            )
            rows = conn.execute(text(exact), params).all()
        return [Ranked(r[0], r[1], float(r[2])) for r in rows]

    def _more_matches(self, conn: Connection, params: dict[str, Any]) -> bool:
        """Whether the over-fetched head may have cut matches off (it was full)."""
        fetch = int(params["fetch"])
        if params["floor"]:
            return True  # a floored query has more matches below the floor by construction
        return self._count_upto(conn, params["match"], fetch + 1) > fetch

    def _rescore(
        self,
        conn: Connection,
        candidates: list[Ranked],
        terms: Sequence[str],
        dfs: dict[str, int],
        limit: int,
    ) -> list[Ranked]:
        """Full BM25 over every query term for candidates found through the rare ones."""
        if not candidates:
            return []
        n_chunks, avg_len = corpus_totals(conn)
        idfs = {t: idf(n_chunks, dfs[t]) for t in terms}
        query = text("SELECT id, tokens, token_count FROM chunks WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        stored = {
            row[0]: (row[1], row[2])
            for row in conn.execute(query, {"ids": [c.chunk_id for c in candidates]})
        }
        scored = [
            Ranked(c.chunk_id, c.document_id, bm25(*stored[c.chunk_id], terms, idfs, avg_len))
            for c in candidates
        ]
        scored.sort(key=lambda r: (-r.score, r.chunk_id))
        return scored[:limit]
