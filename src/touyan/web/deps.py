"""FastAPI dependencies: the database, who is asking, and the CSRF check.

A request is made by a viewer: anonymous, a browser session (cookie), or an API client
(`Authorization: Bearer ty_…`). Cookie-authenticated writes must prove they come from our own
pages (CSRF token in the form or the X-CSRF-Token header); bearer requests need no such proof,
since a browser never attaches the token on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.status import HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN

from touyan import accounts
from touyan.config import Settings
from touyan.store.db import Database
from touyan.store.models import User
from touyan.web.security import CSRF_FIELD, CSRF_HEADER, tokens_match

SESSION_COOKIE = "touyan_session"


@dataclass(frozen=True, slots=True)
class Viewer:
    user: User | None
    csrf_token: str
    via_api_token: bool = False

    @property
    def id(self) -> int | None:
        return self.user.id if self.user else None

    @property
    def is_admin(self) -> bool:
        return bool(self.user and self.user.is_admin)


class LoginRequired(HTTPException):
    """401 for the API; pages turn it into a redirect to /login (see app.py)."""

    def __init__(self) -> None:
        super().__init__(
            HTTP_401_UNAUTHORIZED,
            "请先登录 / login required",
            headers={"WWW-Authenticate": "Bearer"},
        )


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_viewer(request: Request) -> Viewer:
    cached: Viewer | None = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    db = get_db(request)
    anon = str(getattr(request.state, "anon_csrf", ""))
    viewer = Viewer(user=None, csrf_token=anon)
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        user = accounts.user_for_api_token(db, auth[7:].strip())
        if user is None:
            raise HTTPException(
                HTTP_401_UNAUTHORIZED,
                "API token 无效或已撤销 / invalid or revoked API token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        viewer = Viewer(user=user, csrf_token="", via_api_token=True)
    else:
        token = request.cookies.get(SESSION_COOKIE)
        info = accounts.session_for(db, token) if token else None
        if info is not None:
            viewer = Viewer(user=info.user, csrf_token=info.csrf_token)
    request.state.viewer = viewer
    return viewer


def require_user(viewer: Annotated[Viewer, Depends(get_viewer)]) -> Viewer:
    if viewer.user is None:
        raise LoginRequired()
    return viewer


async def check_csrf(request: Request, viewer: Annotated[Viewer, Depends(get_viewer)]) -> None:
    """Refuse a cookie-authenticated or anonymous write whose CSRF token does not match."""
    if viewer.via_api_token:
        return
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not tokens_match(viewer.csrf_token, given):
        raise HTTPException(
            HTTP_403_FORBIDDEN,
            "CSRF 校验失败，请刷新页面后重试 / CSRF check failed: reload the page and try again",
        )


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ViewerDep = Annotated[Viewer, Depends(get_viewer)]
UserDep = Annotated[Viewer, Depends(require_user)]
CsrfDep = Depends(check_csrf)
# For writes that need a login: the login is checked first (401), then the CSRF token (403).
LOGIN_AND_CSRF = [Depends(require_user), CsrfDep]
