"""Logging in and out, registering, and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.status import HTTP_303_SEE_OTHER, HTTP_429_TOO_MANY_REQUESTS

from touyan import accounts
from touyan.web.deps import SESSION_COOKIE, CsrfDep, DbDep, SettingsDep, ViewerDep
from touyan.web.i18n import LANG_COOKIE, LANGS
from touyan.web.templating import render

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only local paths: `next` must never send a user to another site."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def client_key(request: Request) -> str:
    return f"ip:{request.client.host if request.client else 'unknown'}"


def set_session_cookie(response: Response, token: str, days: int, secure: bool) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=days * 86400,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


@router.get("/login")
def login_form(request: Request, viewer: ViewerDep, next: str = "/") -> Response:
    if viewer.user is not None:
        return RedirectResponse(safe_next(next), status_code=HTTP_303_SEE_OTHER)
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login", dependencies=[CsrfDep])
def login(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    limiter: accounts.LoginLimiter = request.app.state.limiter
    keys = (client_key(request), f"name:{name.strip().lower()}")
    wait = limiter.retry_after(*keys)
    if wait:
        raise HTTPException(
            HTTP_429_TOO_MANY_REQUESTS,
            f"登录失败次数过多，请 {wait} 秒后再试 / too many failed logins: try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )
    user = accounts.authenticate(db, name, password)
    if user is None:
        limiter.failed(*keys)
        return render(
            request,
            "login.html",
            {"next": safe_next(next), "error": "bad_credentials", "name": name},
            status_code=400,
        )
    limiter.succeeded(keys[1])
    accounts.purge_expired_sessions(db)
    token, _ = accounts.start_session(db, user.id, days=settings.session_days)
    response = RedirectResponse(safe_next(next), status_code=HTTP_303_SEE_OTHER)
    set_session_cookie(response, token, settings.session_days, settings.cookie_secure)
    return response


@router.post("/logout", dependencies=[CsrfDep])
def logout(request: Request, db: DbDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.end_session(db, token)
    response = RedirectResponse("/", status_code=HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/register")
def register_form(request: Request, settings: SettingsDep, next: str = "/") -> Response:
    if not settings.allow_registration:
        raise HTTPException(403, "注册已关闭 / registration is closed on this server")
    return render(request, "register.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/register", dependencies=[CsrfDep])
def register(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)],
    password2: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    if not settings.allow_registration:
        raise HTTPException(403, "注册已关闭 / registration is closed on this server")
    error = None
    if password != password2:
        error = "两次输入的密码不一致 / the passwords do not match"
    else:
        try:
            user = accounts.create_user(db, name, password)
        except accounts.AccountError as exc:
            error = str(exc)
    if error is not None:
        context = {"next": safe_next(next), "error": error, "name": name}
        return render(request, "register.html", context, status_code=400)
    token, _ = accounts.start_session(db, user.id, days=settings.session_days)
    response = RedirectResponse(safe_next(next), status_code=HTTP_303_SEE_OTHER)
    set_session_cookie(response, token, settings.session_days, settings.cookie_secure)
    return response


@router.get("/lang/{lang}")
def switch_language(lang: str, next: str = "/") -> Response:
    response = RedirectResponse(safe_next(next), status_code=HTTP_303_SEE_OTHER)
    if lang in LANGS:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", path="/")
    return response
