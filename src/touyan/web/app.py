"""The application factory: `create_app(db_url)` gives a ready FastAPI app over one store."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from touyan.accounts import LoginLimiter
from touyan.config import Settings, get_settings
from touyan.jobs import get_runner
from touyan.research.runs import resume_unfinished
from touyan.store.db import Database, needs_migration
from touyan.web.routes import account, api, auth, chat, docs, history, pages, research, sources
from touyan.web.security import BodyLimit, WebMiddleware
from touyan.web.templating import HERE, render

log = logging.getLogger("touyan.web")

ERROR_TITLES = {
    400: ("请求有误", "Bad request"),
    401: ("请先登录", "Login required"),
    403: ("无权访问", "Forbidden"),
    404: ("页面不存在", "Not found"),
    405: ("不支持的操作", "Method not allowed"),
    409: ("当前状态不允许此操作", "Not allowed in the current state"),
    413: ("内容过大", "Too large"),
    422: ("请求有误", "Bad request"),
    429: ("尝试次数过多", "Too many attempts"),
    503: ("服务暂不可用", "Service unavailable"),
}


def create_app(
    db_url: str | None = None,
    *,
    settings: Settings | None = None,
    schedule_feeds: bool | None = None,
) -> FastAPI:
    """The app over `db_url` (default: the configured store), migrated if needed.

    `schedule_feeds` runs subscribed RSS feeds' refresh in the background every
    TOUYAN_FEED_REFRESH_MINUTES (default: on when that setting is positive).
    """
    settings = settings or get_settings()
    db = Database(db_url or settings.database_url())
    if needs_migration(db.engine):
        db.migrate()
    if schedule_feeds is None:
        schedule_feeds = settings.feed_refresh_minutes > 0

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner = get_runner(db.url)
        if schedule_feeds:
            runner.start_periodic()
        resume_unfinished(db, runner)
        try:
            yield
        finally:
            runner.close(wait=False)
            db.close()

    app = FastAPI(
        title="投研 touyan",
        version="0.1.0",
        description="Verifiable, fact-based investment research: analyses, search, documents, "
        "facts, quick answers and deep research runs.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.settings = settings
    app.state.limiter = LoginLimiter(settings.login_max_failures, settings.login_window_seconds)
    app.add_middleware(WebMiddleware, secure_cookies=settings.cookie_secure)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (pages, auth, account, history, sources, research, chat, api, docs):
        app.include_router(module.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    # An id or number no column can hold (9223372036854775808) is a bad request, not a crash.
    app.add_exception_handler(OverflowError, _out_of_range)
    app.add_exception_handler(DataError, _out_of_range)
    # The database away for a moment, or a full disk while exporting: say so and ask the
    # client to retry, rather than answer 500.
    app.add_exception_handler(OperationalError, _unavailable)
    app.add_exception_handler(OSError, _unavailable)
    return app


async def _unavailable(request: Request, exc: Any) -> Response:
    log.warning("service unavailable: %s: %s", type(exc).__name__, str(exc).splitlines()[0])
    detail = "服务暂不可用，请稍后重试 / temporarily unavailable, please retry"
    return await _http_error(
        request, StarletteHTTPException(503, detail, headers={"Retry-After": "5"})
    )


async def _out_of_range(request: Request, exc: Any) -> Response:
    return await _http_error(request, StarletteHTTPException(400, "value out of range"))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_page(request: Request, status: int, detail: str = "") -> Response:
    zh, en = ERROR_TITLES.get(status, ("出错了", "Something went wrong"))
    return render(
        request,
        "error.html",
        {"status": status, "title_zh": zh, "title_en": en, "detail": detail},
        status_code=status,
    )


async def _http_error(request: Request, exc: Any) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = getattr(exc, "headers", None)
    if _is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    if exc.status_code == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
    response = error_page(request, exc.status_code, detail)
    if headers:
        response.headers.update(headers)
    return response


async def _validation_error(request: Request, exc: Any) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _is_api(request):
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    bad_path = any(err.get("loc", ("",))[0] == "path" for err in exc.errors())
    return error_page(request, 404 if bad_path else 400)
