"""The account page: API tokens (created, listed, revoked), the user's research runs and
questions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from starlette.status import HTTP_303_SEE_OTHER

from touyan import accounts
from touyan.research.chat import list_conversations
from touyan.store.db import Database
from touyan.store.models import ResearchRun
from touyan.web.deps import LOGIN_AND_CSRF, DbDep, UserDep
from touyan.web.templating import render

router = APIRouter(include_in_schema=False)


def recent_runs(db: Database, user_id: int, limit: int = 20) -> list[dict[str, Any]]:
    """The user's newest research runs, so a run left running is easy to find again."""
    with db.sessions() as session:
        rows = session.execute(
            select(ResearchRun.id, ResearchRun.question, ResearchRun.status, ResearchRun.created_at)
            .where(ResearchRun.user_id == user_id)
            .order_by(ResearchRun.created_at.desc())
            .limit(limit)
        ).all()
    return [{"id": r[0], "question": r[1], "status": r[2], "created_at": r[3]} for r in rows]


def account_view(
    request: Request, db: DbDep, viewer: UserDep, new_token: str | None = None
) -> Response:
    assert viewer.user is not None
    return render(
        request,
        "account.html",
        {
            "tokens": accounts.list_api_tokens(db, viewer.user.id),
            "new_token": new_token,
            "runs": recent_runs(db, viewer.user.id),
            "conversations": list_conversations(db, viewer.user.id, limit=20),
        },
    )


@router.get("/account")
def account_page(request: Request, db: DbDep, viewer: UserDep) -> Response:
    return account_view(request, db, viewer)


@router.post("/account/tokens", dependencies=LOGIN_AND_CSRF)
def create_token(
    request: Request, db: DbDep, viewer: UserDep, name: Annotated[str, Form(max_length=64)] = ""
) -> Response:
    assert viewer.user is not None
    _, raw = accounts.create_api_token(db, viewer.user.id, name)
    return account_view(request, db, viewer, new_token=raw)


@router.post("/account/tokens/{token_id}/revoke", dependencies=LOGIN_AND_CSRF)
def revoke_token(token_id: int, db: DbDep, viewer: UserDep) -> Response:
    assert viewer.user is not None
    if not accounts.revoke_api_token(db, viewer.user.id, token_id):
        raise HTTPException(404, "token not found")
    return RedirectResponse("/account", status_code=HTTP_303_SEE_OTHER)
