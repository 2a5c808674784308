"""Ingest files, folders and URLs: parse, prepare, deduplicate and store, reporting per input.

One bad input never stops the batch: it gets one line naming it and the reason, and the
summary counts what was added, what was already there and what failed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from touyan.config import Settings, get_settings
from touyan.ingest.analysis import Analyser
from touyan.ingest.prepare import PreparedDocument
from touyan.ingest.sources import (
    SUPPORTED_SUFFIXES,
    ParseResult,
    SourceError,
    fetch_url,
    parse_bytes,
)
from touyan.ingest.store_writer import StoreWriter, WriteOutcome
from touyan.ingest.workers import MIN_PARALLEL_DOCS, AnalysisPool, fewer_collections
from touyan.llm import Provider, provider_from_settings
from touyan.store.db import Database

BATCH_SIZE = 500
ANALYZE_AFTER_DOCS = 1000
ProgressFn = Callable[[float, "IngestReport"], None]


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)

    def merge(self, outcome: WriteOutcome) -> None:
        self.added += len(outcome.added)
        self.updated += len(outcome.updated)
        self.duplicates += outcome.duplicates
        self.near_duplicates += outcome.near_duplicates
        self.failed.extend(outcome.failed)
        self.document_ids.extend(outcome.added + outcome.updated)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "duplicates": self.duplicates + self.near_duplicates,
            "near_duplicates": self.near_duplicates,
            "failed": [{"input": name, "reason": reason} for name, reason in self.failed],
        }


@dataclass(frozen=True, slots=True)
class Input:
    """One file or URL to read; `weight` is its share of the progress bar."""

    name: str
    path: Path | None = None
    url: str | None = None
    weight: float = 1.0


def expand_inputs(items: Sequence[str]) -> tuple[list[Input], list[tuple[str, str]]]:
    """Files, URLs and the supported files inside folders; missing paths are failures."""
    inputs: list[Input] = []
    failed: list[tuple[str, str]] = []
    for item in items:
        if item.startswith(("http://", "https://")):
            inputs.append(Input(item, url=item))
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            for file in sorted(_walk(path)):
                inputs.append(Input(str(file), path=file, weight=_size(file)))
        elif path.is_file():
            inputs.append(Input(item, path=path, weight=_size(path)))
        elif path.exists():
            failed.append((item, "not a regular file"))
        else:
            failed.append((item, "no such file or directory"))
    return inputs, failed


# A folder's own paperwork (README.md, LICENSE, PROVENANCE.md …) is not one of its documents;
# named on the command line, such a file is still ingested.
_FOLDER_META = frozenset(
    {"readme", "license", "licence", "provenance", "sources", "changelog", "contributing"}
)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath) / name
            if (
                not name.startswith(".")
                and path.suffix.lower() in SUPPORTED_SUFFIXES
                and path.stem.lower() not in _FOLDER_META
            ):
                yield path


def _size(path: Path) -> float:
    try:
        return float(max(1, path.stat().st_size))
    except OSError:
        return 1.0


def ingest(
    db: Database,
    items: Sequence[str],
    *,
    owner_id: int | None = None,
    settings: Settings | None = None,
    client: httpx.Client | None = None,
    on_progress: ProgressFn | None = None,
    provider: Provider | None = None,
    parallel_min_docs: int = MIN_PARALLEL_DOCS,
) -> IngestReport:
    """Ingest every item; `on_progress(advance, report)` moves a bar by input weight.

    An input of at least `parallel_min_docs` documents is prepared and analysed in worker
    processes while batches are written; smaller ones in this process.

    With a provider (or TOUYAN_LLM_FACTS=1 and a configured model) the model also reads
    facts from every chunk; those whose value the chunk does not state are dropped.
    """
    settings = settings or get_settings()
    if provider is None and settings.llm_facts:
        provider = provider_from_settings(settings)
    inputs, missing = expand_inputs(items)
    report = IngestReport(failed=list(missing))
    writer = StoreWriter(db, owner_id=owner_id, provider=provider)
    analyser = Analyser(writer.enricher.dictionary, chunk_chars=settings.chunk_chars)
    batch: list[PreparedDocument] = []

    def flush() -> None:
        if batch:
            report.merge(writer.write(batch))
            batch.clear()

    with (
        fewer_collections(),
        AnalysisPool(analyser, writer.enricher.user_entities, min_docs=parallel_min_docs) as pool,
    ):
        for item in inputs:
            parsed = _read(item, settings, client)
            report.failed.extend(parsed.errors)
            total = len(parsed.documents)
            reported = 0
            results = pool.analyse(parsed.documents)
            for n, (raw, result) in enumerate(zip(parsed.documents, results, strict=True), start=1):
                if isinstance(result, str):
                    report.failed.append((raw.origin or item.name, result))
                else:
                    batch.append(result)
                if len(batch) >= BATCH_SIZE:
                    flush()
                    if on_progress:
                        on_progress(item.weight * (n - reported) / total, report)
                        reported = n
            flush()
            if on_progress:
                on_progress(item.weight * (1 - reported / total) if total else item.weight, report)
    if db.dialect == "postgresql" and report.added >= ANALYZE_AFTER_DOCS:
        _refresh_statistics(db)
    return report


def _refresh_statistics(db: Database) -> None:
    """After a bulk load, PostgreSQL's planner still believes the tables are small until
    autovacuum catches up, and picks sequential scans for search; ANALYZE corrects that."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE documents, chunks, chunk_search, search_terms")


def _read(item: Input, settings: Settings, client: httpx.Client | None) -> ParseResult:
    """Bytes from the file or URL, parsed; any failure becomes one error for this input."""
    try:
        if item.url is not None:
            fetched = fetch_url(
                item.url,
                client=client,
                max_bytes=settings.max_file_bytes,
                timeout=settings.fetch_timeout,
            )
            return parse_bytes(
                fetched.data, name=item.name, content_type=fetched.content_type, url=fetched.url
            )
        assert item.path is not None
        size = item.path.stat().st_size
        if size > settings.max_file_bytes:
            raise SourceError(
                f"file is {size / 1e6:.1f} MB, over the {settings.max_file_bytes / 1e6:.0f} MB "
                "limit (TOUYAN_MAX_FILE_BYTES)"
            )
        return parse_bytes(item.path.read_bytes(), name=item.name)
    except SourceError as exc:
        return ParseResult(errors=[(item.name, str(exc))])
    except OSError as exc:
        return ParseResult(errors=[(item.name, f"cannot read: {exc.strerror or exc}")])
