"""`touyan ask` and `touyan research`: cited answers and verified reports on the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.status import Status

from touyan.cli.common import DbOption, JsonOption, console, errors, fail, open_db, print_json
from touyan.research import export
from touyan.research.chat import ask
from touyan.research.feed import get_analysis
from touyan.research.plan import Plan
from touyan.research.runs import (
    NotFound,
    RunStateError,
    RunView,
    accept_plan,
    advance_run,
    cancel_run,
    create_run,
    edit_plan,
    get_run,
)
from touyan.store.db import Database
from touyan.store.models import Analysis
from touyan.text.dates import parse_date


def ask_command(
    question: Annotated[str, typer.Argument(help="A financial question, Chinese or English.")],
    article: Annotated[
        int | None, typer.Option("--article", help="Ask about this document id first.")
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """A quick, cited answer; every number is checked against its source."""
    database = open_db(db)
    try:
        answer = ask(database, question, user_id=None, document_id=article)
    except (RunStateError, NotFound) as exc:
        fail(str(exc))
        return
    finally:
        database.close()
    if json_output:
        data = answer.to_json()
        data["citations"] = [_citation(c) for c in answer.citations]
        print_json(data)
        return
    console.print(Markdown(answer.answer))
    _print_sources(answer.citations)
    _print_check(answer.verification)


def research_command(
    question: Annotated[str, typer.Argument(help="What to research.")],
    auto_accept: Annotated[
        bool, typer.Option("--auto-accept", help="Run the plan without asking (自动接受计划).")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Use only documents published by DATE.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the report to FILE (.md, .html or .pdf).")
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Deep research (深度投研): plan → review → steps → report with verified citations."""
    day: dt.date | None = None
    if as_of is not None:
        day = parse_date(as_of)
        if day is None:
            fail(f"--as-of: cannot read {as_of!r} as a date (try 2025-05-15)")
    if not auto_accept and json_output:
        auto_accept = True  # nobody can review a plan on a JSON pipe
    database = open_db(db)
    try:
        run_id = create_run(database, question, user_id=None, auto_accept=auto_accept, as_of=day)
        view = _advance(database, run_id, quiet=json_output)
        while view.status == "awaiting_review":
            view = _review(database, run_id, view)
        _finish(database, view, out, json_output)
    except RunStateError as exc:
        fail(str(exc))
    finally:
        database.close()


def _advance(database: Database, run_id: str, *, quiet: bool) -> RunView:
    status = Status("规划中 planning…", console=errors, spinner="dots")

    def on_event(kind: str, data: dict[str, Any]) -> None:
        if quiet:
            return
        if kind == "step_started":
            status.update(f"执行 {data['title']}…")
        elif kind == "step_done":
            errors.print(f"[green]✓[/] {data['title']} ({data['evidence']} 条证据)")
        elif kind == "writing":
            status.update(f"撰写 {data['section']}…")
        elif kind == "error":
            errors.print(f"[red]✗[/] {data['message']}")

    if quiet or not errors.is_terminal:
        advance_run(database, run_id, on_event=on_event)
    else:
        with status:
            advance_run(database, run_id, on_event=on_event)
    view = get_run(database, run_id, None)
    assert view is not None
    return view


def _review(database: Database, run_id: str, view: RunView) -> RunView:
    plan = Plan.model_validate(view.data["plan"])
    lines = [f"[bold]{plan.title}[/]", f"[dim]{plan.thought}[/]", ""]
    for step in plan.steps:
        lines.append(f"{step.id}. [bold]{step.title}[/] [dim]({step.kind})[/] {step.description}")
    console.print(Panel("\n".join(lines), title="研究计划 / plan", expand=False))
    choice = typer.prompt("接受 accept [a] / 修改 edit [e] / 取消 cancel [c]", default="a")
    if choice.lower().startswith("c"):
        cancel_run(database, run_id, None)
        raise typer.Exit(1)
    if choice.lower().startswith("e"):
        feedback = typer.prompt("修改意见 / what should change")
        edit_plan(database, run_id, None, feedback)
    else:
        accept_plan(database, run_id, None)
    return _advance(database, run_id, quiet=False)


def _finish(database: Database, view: RunView, out: Path | None, json_output: bool) -> None:
    data = view.data
    if data["status"] != "done":
        fail(f"research {data['status']}: {data.get('error') or 'no report'}")
    analysis = get_analysis(database, data["analysis_slug"])
    if analysis is None:
        fail("the report was not stored")
        return
    document = export.to_markdown(analysis)
    if out is not None:
        _write(analysis, document, out)
    if json_output:
        print_json(
            {
                "run_id": data["id"],
                "plan": data["plan"],
                "report_markdown": document,
                "references": data["references"],
                "verification": _summary(data["verification"]),
                "usage": data["usage"],
                "analysis_slug": data["analysis_slug"],
            }
        )
        return
    console.print(Markdown(document))
    if out is not None:
        errors.print(f"[green]saved[/] {out}")


def _write(analysis: Analysis, document: str, out: Path) -> None:
    suffix = out.suffix.lower()
    try:
        if suffix in (".md", ".markdown", ""):
            out.write_text(document, encoding="utf-8")
        elif suffix in (".html", ".htm"):
            out.write_text(export.to_html(analysis), encoding="utf-8")
        elif suffix == ".pdf":
            out.write_bytes(export.to_pdf(analysis))
        else:
            fail(f"--out: unknown format {suffix!r} (use .md, .html or .pdf)")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")


def _summary(verification: dict[str, Any]) -> dict[str, Any]:
    keys = ("claims", "cited", "supported", "unsupported", "removed_markers")
    return {k: verification.get(k, 0) for k in keys} | {
        "unsupported_sentences": verification.get("unsupported_sentences", [])
    }


def _citation(ref: dict[str, Any]) -> dict[str, Any]:
    return {
        k: ref.get(k) for k in ("n", "document_id", "title", "publisher", "url", "published_at")
    }


def _print_sources(citations: list[dict[str, Any]]) -> None:
    if not citations:
        return
    console.print("[bold]来源 Sources[/]")
    for c in citations:
        where = c.get("url") or f"document {c['document_id']}"
        console.print(f"[{c['n']}] {c['title']} ({where})", highlight=False, markup=False)


def _print_check(v: dict[str, Any]) -> None:
    console.print(
        f"[dim]核验 verification: {v.get('supported', 0)}/{v.get('claims', 0)} supported, "
        f"{v.get('removed_markers', 0)} invalid markers removed[/]"
    )
