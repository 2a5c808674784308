"""`touyan serve`: the web application (feed, articles, chat, deep research, JSON API)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from touyan.cli.common import DbOption, console, open_db, resolve_db_url


def serve_command(
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for all).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes (more than 1 needs PostgreSQL or SQLite WAL).")
    ] = 1,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Serve the web app; open the printed URL in a browser."""
    import uvicorn

    url = resolve_db_url(db)
    open_db(db).close()  # creates or migrates the store once, before any worker starts
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    console.print(
        f"[bold]投研 touyan[/] serving {url.split('://', 1)[0]} store at "
        f"[link]http://{shown}:{port}/[/link]  (Ctrl+C to stop)"
    )
    if workers > 1 or reload:
        os.environ["TOUYAN_DB_URL"] = url
        uvicorn.run(
            "touyan.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            log_level="info",
        )
        return
    from touyan.web.app import create_app

    uvicorn.run(create_app(url), host=host, port=port, log_level="info")
