"""Preparing and analysing documents in worker processes, while the writer stores batches.

Per document, normalising, chunking, tokenising, the dictionary scan, rule facts and offline
labels are pure CPU work and most of ingest's cost; two workers do it while the one writer
keeps its batches and transactions. Small inputs stay in-process: a pool costs more to start
than it saves on a few hundred documents.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import TracebackType

from touyan.facts.entities import EntityRecord
from touyan.facts.repository import dictionary_with
from touyan.ingest.analysis import Analyser
from touyan.ingest.prepare import PreparedDocument
from touyan.ingest.sources.base import RawDocument, SourceError

MIN_PARALLEL_DOCS = 200
WORKERS = 2
_CHUNKSIZE = 32

_analyser: list[Analyser] = []  # the worker process's own, set by `_start_worker`

# Ingest allocates millions of short-lived containers (tokens, hits, rows, unpickled
# results) and makes next to no reference cycles; at CPython's default (a collection every
# 700 allocations) the collector's scans of the long-lived heap cost the writer a fifth of
# its time. Collections stay on, just rarer, while documents flow.
BULK_GC_THRESHOLD = (50_000, 20, 100)
_bulk_lock = threading.Lock()
_bulk_depth = [0, *gc.get_threshold()]  # nesting depth, then the thresholds to restore


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Rarer garbage collections inside the block (nested and threaded uses are counted,
    the thresholds that were set before the outermost one come back after it)."""
    with _bulk_lock:
        if _bulk_depth[0] == 0:
            _bulk_depth[1:] = gc.get_threshold()
            gc.set_threshold(
                *(max(a, b) for a, b in zip(_bulk_depth[1:], BULK_GC_THRESHOLD, strict=True))
            )
        _bulk_depth[0] += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_depth[0] -= 1
            if _bulk_depth[0] == 0:
                gc.set_threshold(*_bulk_depth[1:])


def analyse_or_error(analyser: Analyser, raw: RawDocument) -> PreparedDocument | str:
    """The prepared and analysed document, or why it cannot be ingested."""
    try:
        return analyser.prepare(raw)
    except SourceError as exc:
        return str(exc)
    except Exception as exc:  # one odd document fails alone, never its batch
        return f"cannot analyse: {type(exc).__name__}: {str(exc)[:200]}"


def _start_worker(user_entities: tuple[EntityRecord, ...], chunk_chars: int) -> None:
    _analyser[:] = [Analyser(dictionary_with(user_entities), chunk_chars=chunk_chars)]
    # A worker lives for one ingest: what it has loaded (dictionary, segmenter, lexicons)
    # lives as long, so the collector need not scan it again and again.
    gc.freeze()
    gc.set_threshold(*BULK_GC_THRESHOLD)


def _in_worker(raw: RawDocument) -> PreparedDocument | str:
    return analyse_or_error(_analyser[0], raw)


class AnalysisPool:
    """A lazily started pool of analysing processes, closed with the `with` block."""

    def __init__(
        self,
        analyser: Analyser,
        user_entities: Sequence[EntityRecord],
        *,
        workers: int = WORKERS,
        min_docs: int = MIN_PARALLEL_DOCS,
    ) -> None:
        self.analyser = analyser
        self.user_entities = tuple(user_entities)
        self.workers = workers
        self.min_docs = min_docs
        self._pool: ProcessPoolExecutor | None = None

    def analyse(self, raws: Sequence[RawDocument]) -> Iterator[PreparedDocument | str]:
        """Each raw document's analysis or error, in order; in parallel for large inputs."""
        if len(raws) < self.min_docs or self.workers < 2:
            return (analyse_or_error(self.analyser, raw) for raw in raws)
        return self._executor().map(_in_worker, raws, chunksize=_CHUNKSIZE)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(_start_method()),
                initializer=_start_worker,
                initargs=(self.user_entities, self.analyser.chunk_chars),
            )
        return self._pool

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_method() -> str:
    """Fork from a single-threaded process (workers inherit the loaded segmenter and
    dictionary for free); from a threaded one (web app, job worker) fork is unsafe."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and os.name == "posix":
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"
