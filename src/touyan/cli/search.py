"""`touyan search`: ranked passages with their sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.markup import escape

from touyan.cli.common import DbOption, JsonOption, console, fail, open_db, print_json
from touyan.store.search import SearchFilters, SearchResult, search
from touyan.text.dates import parse_date


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        fail(f"{option}: cannot read {value!r} as a date (try 2025-05-15)")
    return parsed


def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for, Chinese or English.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=200)] = 10,
    since: Annotated[
        str | None, typer.Option(help="Only documents published on/after DATE.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only documents published on/before DATE.")
    ] = None,
    kind: Annotated[
        list[str] | None, typer.Option(help="news, filing, report, note, analysis")
    ] = None,
    lang: Annotated[list[str] | None, typer.Option(help="zh or en")] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Full-text search (BM25) over all chunks; results cite their documents."""
    start, end = _day(since, "--since"), _day(until, "--until")
    filters = SearchFilters(
        since=dt.datetime.combine(start, dt.time.min) if start else None,
        until=dt.datetime.combine(end, dt.time.max) if end else None,
        kinds=tuple(kind or ()),
        languages=tuple(lang or ()),
    )
    database = open_db(db)
    try:
        results = search(database, query, limit=limit, filters=filters)
    finally:
        database.close()
    if json_output:
        print_json([result_json(r) for r in results])
        return
    print_results(results, query)


def result_json(r: SearchResult) -> dict[str, object]:
    return {
        "document_id": r.document_id,
        "chunk_id": r.chunk_id,
        "title": r.title,
        "url": r.url,
        "published_at": r.published_at,
        "score": r.score,
        "snippet": r.snippet,
    }


def print_results(results: list[SearchResult], query: str) -> None:
    if not results:
        console.print(f"No documents match [bold]{escape(query)}[/].")
        return
    for n, r in enumerate(results, start=1):
        date = r.published_at.date().isoformat() if r.published_at else "—"
        console.print(
            f"[bold cyan][{n}][/] [bold]{escape(r.title)}[/]  [dim]{date} · score {r.score:.2f}[/]"
        )
        console.print("    " + _markup_snippet(r.snippet), highlight=False)
    console.print()
    console.print("[bold]Sources[/]")
    for n, r in enumerate(results, start=1):
        where = r.url or f"document {r.document_id}"
        publisher = f"{r.publisher} - " if r.publisher else ""
        console.print(f"[{n}] {escape(publisher + r.title)} ({escape(where)})", highlight=False)


def _markup_snippet(snippet: str) -> str:
    parts = escape(snippet).split("**")
    return "".join(f"[bold yellow]{p}[/]" if i % 2 else p for i, p in enumerate(parts))
