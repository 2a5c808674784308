"""`touyan label` and `touyan relabel`: a news item's sentiment, market, tags and summary."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from touyan.analysis.corpus import StoreIdf
from touyan.analysis.labels import Labeller, Labels
from touyan.analysis.market import MARKET_NAMES_ZH
from touyan.analysis.relabel import relabel
from touyan.analysis.sentiment import LABEL_NAMES_ZH
from touyan.analysis.tags import Idf, tag_names
from touyan.cli.common import DbOption, JsonOption, console, errors, fail, open_db, print_json
from touyan.config import get_settings
from touyan.facts.entities import bundled_entities
from touyan.facts.repository import load_dictionary
from touyan.llm import Provider, provider_from_settings
from touyan.text.segment import tokenize

LlmOption = Annotated[
    bool, typer.Option("--llm", help="Label with the configured model (TOUYAN_LLM_MODEL).")
]


def label_command(
    text: Annotated[
        str | None, typer.Argument(help="The news text; '-' or nothing reads standard input.")
    ] = None,
    title: Annotated[str, typer.Option("--title", "-t", help="The item's headline.")] = "",
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            "-f",
            help="JSONL file: label each line's `text` (and `title`), one result per line.",
        ),
    ] = None,
    llm: LlmOption = False,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Use this store's entities and corpus statistics (default: the bundled "
            "dictionary, and the file itself as corpus with --file).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Label news: sentiment (bullish/neutral/bearish), market (cn_a/hk/us/other), tags, summary."""
    provider = _provider(llm)
    if file is not None:
        if text is not None:
            fail("give either TEXT or --file, not both")
        raise typer.Exit(_label_file(file, provider, db))
    if text is None or text == "-":
        text = sys.stdin.read()
    labeller = _labeller(provider, db)
    labels = labeller.label(text, title)
    if json_output:
        print_json(labels.to_json())
    else:
        _print_labels(labels)


def relabel_command(
    db: DbOption = None, llm: LlmOption = False, json_output: JsonOption = False
) -> None:
    """Recompute the stored labels of every document (sources' own tags and summary kept)."""
    provider = _provider(llm)
    database = open_db(db)
    progress = Progress(
        TextColumn("[bold]relabel[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        disable=json_output or not errors.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("relabel", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = relabel(database, provider=provider, on_progress=advance)
    finally:
        database.close()
    if json_output:
        print_json(report.to_json())
        return
    methods = ", ".join(f"{n} {m}" for m, n in sorted(report.by_method.items())) or "none"
    console.print(f"Relabelled [bold]{report.documents}[/] documents ({methods})")


def _provider(llm: bool) -> Provider | None:
    if not llm:
        return None
    provider = provider_from_settings(get_settings())
    if provider is None:
        fail("--llm needs a model: set TOUYAN_LLM_MODEL (and TOUYAN_LLM_BASE_URL, _API_KEY)")
    return provider


def _labeller(provider: Provider | None, db: str | None, idf: Idf | None = None) -> Labeller:
    if db is None:
        return Labeller(idf=idf, provider=provider)
    database = open_db(db)
    try:
        with database.engine.connect() as conn:
            store_idf = StoreIdf(database.dialect)
            store_idf.refresh(conn)
            return Labeller(load_dictionary(conn), store_idf, provider)
    finally:
        database.close()


def _label_file(path: Path, provider: Provider | None, db: str | None) -> int:
    """One JSON result per input line, in order; a bad line gets {"error": …} and exit 1.

    Without --db the file is its own corpus: its documents give the IDF that weighs tags
    and keywords, the same statistic ingest reads from the store.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
        return 2
    items: list[tuple[str, str] | str] = [_item(n, line) for n, line in enumerate(lines, 1)]
    items = [i for i, line in zip(items, lines, strict=True) if line.strip()]
    tokens = [tokenize(f"{i[1]}\n{i[0]}") if isinstance(i, tuple) else [] for i in items]
    idf = None if db else Idf.from_documents(t for t in tokens if t)
    labeller = _labeller(provider, db, idf)
    out = sys.stdout
    failed = 0
    for item, toks in zip(items, tokens, strict=True):
        if isinstance(item, str):
            failed += 1
            out.write(json.dumps({"error": item}, ensure_ascii=False) + "\n")
            continue
        labels = labeller.label(item[0], item[1], tokens=toks)
        out.write(json.dumps(labels.to_json(), ensure_ascii=False) + "\n")
    return 1 if failed else 0


def _item(number: int, line: str) -> tuple[str, str] | str:
    """(text, title) of one JSONL line, or the reason it cannot be labelled."""
    if not line.strip():
        return "empty line"
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line {number}: not JSON ({exc.msg})"
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return f"line {number}: no string field 'text'"
    title = record.get("title")
    return record["text"], title if isinstance(title, str) else ""


def _print_labels(labels: Labels) -> None:
    sentiment = f"{LABEL_NAMES_ZH[labels.sentiment]} {labels.sentiment}"
    console.print(f"[bold]sentiment[/] {sentiment} ({labels.sentiment_score:+.2f})")
    if labels.evidence_phrases:
        console.print(f"[bold]evidence[/]  {escape('、'.join(labels.evidence_phrases))}")
    console.print(f"[bold]market[/]    {MARKET_NAMES_ZH[labels.market]} {labels.market}")
    tags = " ".join(f"#{t}" for t in labels.tags) or "—"
    names = ", ".join(tag_names(t, bundled_entities())[0] for t in labels.tags)
    console.print(f"[bold]tags[/]      {escape(tags)}" + (f"  ({escape(names)})" if names else ""))
    console.print(f"[bold]summary[/]   {escape(labels.summary) or '—'}")
    console.print(f"[dim]method: {labels.method}[/]")
