"""`touyan demo`: the bundled demo corpus, loaded and searched with cited results."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

import typer
from rich.rule import Rule

from touyan.cli.admin import collect_stats
from touyan.cli.common import DbOption, console, errors, open_db
from touyan.cli.ingest import print_report, run_ingest
from touyan.cli.search import print_results
from touyan.research.samples import ensure_sample_analyses
from touyan.store.search import search

app = typer.Typer(help="The bundled demo corpus.", no_args_is_help=True)

DEMO_QUERIES = (
    "云锋基金 小米 融资",
    "小米 估值 450亿美元",
    "Xiaomi IPO Hong Kong",
    "贵州茅台 营业收入",
)


def demo_files() -> list[str]:
    """The numbered documents of the demo folder (its SOURCES.md is not a document)."""
    folder = resources.files("touyan.data").joinpath("demo")
    return sorted(
        str(f) for f in folder.iterdir() if f.name[:2].isdigit() and f.name.endswith(".md")
    )


@app.command("load")
def load_command(
    db: DbOption = None,
    analyses: Annotated[
        bool, typer.Option(help="Also publish the sample analyses of the demo feed.")
    ] = True,
) -> None:
    """Load the demo corpus and its sample analyses (idempotent: twice adds nothing)."""
    report = run_ingest(demo_files(), db=db, quiet=False)
    print_report(report)
    if analyses and not report.failed:
        database = open_db(db)
        try:
            with errors.status("研究中 researching…") as status:
                made = ensure_sample_analyses(
                    database, on_progress=lambda q: status.update(f"研究中 {q}…")
                )
        finally:
            database.close()
        console.print(f"[bold]{made}[/] sample analyses published to the feed")
    raise typer.Exit(1 if report.failed else 0)


@app.command("run")
def run_command(
    db: DbOption = None,
    query: Annotated[list[str] | None, typer.Option("--query", "-q")] = None,
) -> None:
    """Search the demo corpus and show cited passages (loads it first if the store is empty)."""
    database = open_db(db)
    if not collect_stats(database)["documents"]:
        print_report(run_ingest(demo_files(), db=db, quiet=False))
    try:
        for q in query or DEMO_QUERIES:
            console.print(Rule(f"[bold]{q}"))
            print_results(search(database, q, limit=3), q)
    finally:
        database.close()
