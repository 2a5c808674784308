"""`touyan ingest`: files, folders and URLs into the store, with a progress bar."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from touyan.cli.common import DbOption, JsonOption, console, errors, open_db, print_json
from touyan.ingest.pipeline import IngestReport, expand_inputs, ingest


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Read documents (RSS/Atom, HTML, PDF, Markdown, text, JSONL) into the store."""
    report = run_ingest(paths, db=db, quiet=json_output)
    if json_output:
        print_json(report.to_json())
    else:
        print_report(report)
    raise typer.Exit(1 if report.failed else 0)


def run_ingest(paths: list[str], *, db: str | None, quiet: bool) -> IngestReport:
    database = open_db(db)
    inputs, _ = expand_inputs(paths)
    total = sum(i.weight for i in inputs) or 1.0
    progress = Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=errors,
        disable=quiet or not errors.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=total, status="")

        def advance(step: float, report: IngestReport) -> None:
            status = f"{report.added} added · {report.duplicates + report.near_duplicates} dup"
            progress.update(task, advance=step, status=status)

        try:
            return ingest(database, paths, on_progress=advance)
        finally:
            database.close()


def print_report(report: IngestReport) -> None:
    for name, reason in report.failed:
        errors.print(f"[red]failed[/] {name}: {reason}", highlight=False, soft_wrap=True)
    near = f" ({report.near_duplicates} near-duplicates linked)" if report.near_duplicates else ""
    console.print(
        f"[bold]{report.added}[/] added, {report.updated} updated, "
        f"{report.duplicates + report.near_duplicates} duplicates{near}, "
        f"[{'red' if report.failed else 'green'}]{len(report.failed)} failed[/]"
    )
