"""`touyan user`: accounts from the command line (the first admin, scripted setups)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from touyan import accounts
from touyan.cli.common import DbOption, console, fail, open_db

app = typer.Typer(help="User accounts.", no_args_is_help=True)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("Password", hide_input=True)
    second = typer.prompt("Repeat password", hide_input=True)
    if first != second:
        fail("the passwords do not match")
    return str(first)


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="User name (2–32 letters, digits, 汉字, _ . -).")],
    admin: Annotated[bool, typer.Option("--admin", help="May add public documents.")] = False,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a user; the password is asked for (or read from stdin), never an argument."""
    password = read_password(password_stdin)
    database = open_db(db)
    try:
        user = accounts.create_user(database, name, password, is_admin=admin)
    except accounts.AccountError as exc:
        fail(str(exc))
    finally:
        database.close()
    role = "admin" if user.is_admin else "user"
    console.print(f"Created {role} [bold]{user.name}[/] (id {user.id}).")
