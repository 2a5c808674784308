"""Corpus statistics for TF-IDF from the store's own search index (the same tokens as search).

The search backends already count, per token, how many chunks hold it (SQLite's FTS5
vocabulary table, PostgreSQL's `search_terms`), so IDF costs one indexed lookup per new
token, cached; a document's labels use the statistics of the store as it was before it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Connection, bindparam, text

from touyan.analysis.tags import Idf, vocabulary
from touyan.store.search.base import corpus_totals
from touyan.text.segment import query_tokens

_LOOKUP_BATCH = 2000
_CACHE_MAX = 400_000


class StoreIdf(Idf):
    """An `Idf` filled from a store's search index, token by token as documents need them."""

    def __init__(self, dialect: str) -> None:
        super().__init__({}, 0)
        self.dialect = dialect

    def refresh(self, conn: Connection, tokens: Iterable[str] = ()) -> None:
        """Read the corpus size and the frequencies of tokens not yet known."""
        n_chunks = _chunk_count(conn)
        # IDF moves slowly: cached weights are kept until the corpus has grown by a tenth.
        if n_chunks == 0 or abs(n_chunks - self.n_docs) > self.n_docs / 10:
            self.n_docs = n_chunks
            self._log_n = math.log(n_chunks + 1) if n_chunks > 0 else 0.0
            self._phrases.clear()
            self._tokens.clear()
        if n_chunks == 0:
            return
        if len(self.df) > _CACHE_MAX:
            self.df.clear()
            self._tokens.clear()
        wanted = set(tokens).union(_vocabulary_tokens()).difference(self.df)
        ordered = sorted(wanted)
        for i in range(0, len(ordered), _LOOKUP_BATCH):
            batch = ordered[i : i + _LOOKUP_BATCH]
            found = _frequencies(conn, self.dialect, batch)
            for token in batch:
                self.df[token] = found.get(token, 0)


def _chunk_count(conn: Connection) -> int:
    has_rows = conn.execute(text("SELECT 1 FROM search_terms LIMIT 1")).first()
    return corpus_totals(conn)[0] if has_rows else 0


def _frequencies(conn: Connection, dialect: str, tokens: list[str]) -> dict[str, int]:
    if dialect == "sqlite":
        query = text("SELECT term, doc FROM chunk_fts_vocab WHERE term IN :terms")
    else:
        query = text("SELECT term, df FROM search_terms WHERE term IN :terms")
    query = query.bindparams(bindparam("terms", expanding=True))
    return {str(t): int(n) for t, n in conn.execute(query, {"terms": tokens})}


@lru_cache(maxsize=1)
def _vocabulary_tokens() -> frozenset[str]:
    """Search tokens of every tag trigger: tags are weighted by these."""
    return frozenset(
        token
        for tag in vocabulary().values()
        for trigger in tag.triggers
        for token in query_tokens(trigger)
    )
