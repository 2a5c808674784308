"""`touyan worker`: run queued jobs (research runs, feed refreshes) from PostgreSQL."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from touyan.cli.common import DbOption, console, fail, resolve_db_url


def worker_command(
    db: DbOption = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            "-c",
            min=1,
            help="Jobs run at once by this worker. Default: TOUYAN_WORKER_CONCURRENCY (4).",
            show_default=False,
        ),
    ] = None,
    burst: Annotated[
        bool, typer.Option("--burst", help="Exit once the queue is empty instead of waiting.")
    ] = False,
    modules: Annotated[
        list[str] | None,
        typer.Option(
            "--import",
            help="Also import this module, which registers job handlers (repeatable).",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every job.")] = False,
) -> None:
    """Run background jobs from the PostgreSQL queue; start one or more on any machine."""
    url = resolve_db_url(db)
    if make_url(url).get_backend_name() != "postgresql":
        fail(
            "touyan worker needs a PostgreSQL database (--db or TOUYAN_DB_URL); "
            "with SQLite, jobs run inside the web process"
        )
    try:
        from touyan.jobs.pgqueue import WorkerConfig, run_worker
    except ModuleNotFoundError as exc:
        fail(f"the job queue needs procrastinate ({exc.name}): pip install 'touyan[postgres]'")
        return
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    config = WorkerConfig.from_settings(
        url, concurrency=concurrency, burst=burst, modules=modules or ()
    )
    shown = make_url(url).render_as_string(hide_password=True)
    console.print(f"touyan worker: {shown}, concurrency {config.concurrency}", highlight=False)
    try:
        run_worker(config)
    except (RuntimeError, ValueError) as exc:
        fail(str(exc))
