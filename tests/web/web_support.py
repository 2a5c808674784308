"""Helpers shared by the web tests (imported by name; fixtures live in conftest.py)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from touyan import accounts
from touyan.store.db import Database
from touyan.store.models import User

PASSWORD = "correct horse battery"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_user(db: Database, name: str, *, admin: bool = False) -> User:
    return accounts.create_user(db, name, PASSWORD, is_admin=admin)


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token a page's forms carry for this client."""
    match = CSRF_INPUT.search(client.get(path).text)
    assert match, f"no csrf_token input on {path}"
    return match.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> None:
    token = csrf_of(client, "/login")
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
