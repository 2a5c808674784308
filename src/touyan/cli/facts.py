"""`touyan facts` and `touyan entity`: the typed facts read at ingest, and the entity dictionary."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from touyan.cli.common import DbOption, JsonOption, console, fail, open_db, print_json
from touyan.facts.entities import KINDS, MARKETS, record_from_json
from touyan.facts.repository import FactView, add_entity, query_facts
from touyan.text.numbers import quantity_in

entity_app = typer.Typer(help="The entity dictionary (companies, funds, people, indices).")


def facts_command(
    entity: Annotated[str | None, typer.Argument(help="Name, alias or ticker.")] = None,
    metric: Annotated[str | None, typer.Option(help="raised, valuation, revenue, …")] = None,
    document: Annotated[int | None, typer.Option("--document", help="Document id.")] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Leave out facts rated lower (0.8: those marked to be checked).",
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10_000)] = 200,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List facts with their source: document, chunk, span and the quoted sentence."""
    database = open_db(db)
    try:
        facts = query_facts(
            database,
            entity=entity,
            metric=metric,
            document_id=document,
            min_confidence=min_confidence,
            limit=limit,
        )
    finally:
        database.close()
    if json_output:
        print_json([f.to_json() for f in facts])
        return
    print_facts(facts)


def print_facts(facts: list[FactView]) -> None:
    if not facts:
        console.print("No facts found.")
        return
    table = Table("subject", "metric", "value", "as of", "source", show_lines=False)
    for f in facts:
        value = _as_written(f)
        base = escape(_base_units(f))
        if f.unit in ("money", "shares", "count") and base not in value:
            value += "\n[dim]" + base + "[/dim]"  # what the JSON gives: base units
        subject = f.subject + (f" → {f.object}" if f.object else "")
        source = f"doc {f.document_id} [{f.span[0]}:{f.span[1]}] {f.document_title[:30]}"
        table.add_row(
            escape(subject),
            escape(f.metric) + (f"\n[yellow]check ({f.confidence:.2f})[/]" if f.unsure else ""),
            value,
            f.as_of.isoformat() if f.as_of else "—",
            escape(source),
        )
    console.print(table)


def _base_units(f: FactView) -> str:
    return (
        format(f.value, "f")
        + (f" {f.currency}" if f.currency else "")
        + (f" {f.unit}" if f.unit not in ("", "money") else "")
    )


def _as_written(f: FactView) -> str:
    """The value as its source writes it (2.5亿美元), which a reader checks at a glance, with
    ≥ or ≤ where the source gives only a bound (超过9% → ≥ 9%)."""
    written = quantity_in(f.quote, f.value, f.unit)
    shown = written.text if written else _base_units(f)
    if f.bound is None:
        return escape(shown)
    # a fall's bound is stored on the signed value (跌超9%: ≤ -9), but shown on the size the
    # source writes unless it writes the sign
    signed = f.value >= 0 or shown.lstrip().startswith(("-", "−"))
    floor = (f.bound == "floor") == signed
    return escape(("≥ " if floor else "≤ ") + shown)


@entity_app.command("add")
def entity_add_command(
    name: Annotated[str, typer.Argument(help="Canonical name, e.g. 小米集团.")],
    kind: Annotated[str, typer.Option(help=", ".join(sorted(KINDS)))] = "company",
    alias: Annotated[list[str] | None, typer.Option("--alias", "-a")] = None,
    ticker: Annotated[list[str] | None, typer.Option("--ticker", "-t")] = None,
    market: Annotated[str | None, typer.Option(help=", ".join(sorted(MARKETS)))] = None,
    db: DbOption = None,
) -> None:
    """Add (or update) an entity; it is recognised in documents ingested from now on."""
    try:
        record = record_from_json(
            {
                "name": name,
                "kind": kind,
                "aliases": alias or [],
                "tickers": ticker or [],
                "market": market,
            }
        )
    except ValueError as exc:
        fail(str(exc))
        return
    database = open_db(db)
    try:
        created = add_entity(database, record)
    finally:
        database.close()
    console.print(f"{'Added' if created else 'Updated'} entity [bold]{escape(record.name)}[/]")
