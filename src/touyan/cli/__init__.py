"""The `touyan` command: one module per command group, each a thin layer over a service."""

from __future__ import annotations

import typer

from touyan.cli import admin, demo
from touyan.cli.facts import entity_app, facts_command
from touyan.cli.ingest import ingest_command
from touyan.cli.label import label_command, relabel_command
from touyan.cli.research import ask_command, research_command
from touyan.cli.search import search_command
from touyan.cli.serve import serve_command
from touyan.cli.users import app as user_app
from touyan.cli.worker import worker_command

app = typer.Typer(
    name="touyan",
    help="投研 touyan — verifiable, fact-based investment research.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("init")(admin.init_command)
app.command("ingest")(ingest_command)
app.command("search")(search_command)
app.command("stats")(admin.stats_command)
app.command("migrate")(admin.migrate_command)
app.command("worker")(worker_command)
app.command("facts")(facts_command)
app.command("ask")(ask_command)
app.command("research")(research_command)
app.command("label")(label_command)
app.command("relabel")(relabel_command)
app.add_typer(entity_app, name="entity")
app.add_typer(demo.app, name="demo")
app.command("serve")(serve_command)
app.add_typer(user_app, name="user")


def main() -> None:
    app()
