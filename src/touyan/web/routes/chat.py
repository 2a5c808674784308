"""Quick answers: `POST /api/ask` streams the engine's ask_stream events as SSE.

The `final` event is passed on with one extra field, `answer_html`: the answer rendered and
sanitised on the server, so the page never turns model or document text into HTML itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from touyan.research import chat as chat_service
from touyan.research.feed import get_analysis_by_id
from touyan.research.render import render_answer
from touyan.research.runs import NotFound
from touyan.store.db import Database
from touyan.store.documents import get_document
from touyan.web.deps import LOGIN_AND_CSRF, DbDep, UserDep
from touyan.web.sse import SSE_HEADERS, frame

router = APIRouter(prefix="/api", tags=["ask"])
log = logging.getLogger("touyan.web")


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    conversation_id: int | None = None
    document_id: int | None = None
    analysis_id: int | None = None


def check_context(
    db: Database, viewer_id: int, document_id: int | None, analysis_id: int | None
) -> None:
    """The article in view must be one the user may read."""
    if document_id is not None and get_document(db, document_id, viewer_id=viewer_id) is None:
        raise HTTPException(404, "document not found")
    if analysis_id is not None and get_analysis_by_id(db, analysis_id, viewer_id=viewer_id) is None:
        raise HTTPException(404, "analysis not found")


def with_html(event: dict[str, Any]) -> dict[str, Any]:
    if event.get("type") != "final":
        return event
    message = event.get("message_id")
    html = render_answer(
        str(event.get("answer", "")),
        event.get("citations") or [],
        message if isinstance(message, int) else None,
    )
    return {**event, "answer_html": html}


@router.post(
    "/ask",
    dependencies=LOGIN_AND_CSRF,
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
def ask(body: AskRequest, db: DbDep, viewer: UserDep) -> StreamingResponse:
    """Ask a question; events: conversation, delta*, then final (or error)."""
    assert viewer.user is not None
    check_context(db, viewer.user.id, body.document_id, body.analysis_id)
    chat = chat_service
    user_id = viewer.user.id

    def events() -> Iterator[str]:
        try:
            for event in chat.ask_stream(
                db,
                body.question,
                user_id=user_id,
                conversation_id=body.conversation_id,
                document_id=body.document_id,
                analysis_id=body.analysis_id,
            ):
                yield frame(str(event.get("type", "message")), with_html(event))
        except Exception as exc:
            if isinstance(exc, NotFound):
                message = "会话不存在 / conversation not found"
            else:
                log.exception("ask failed")
                message = "回答失败，请稍后再试 / the answer failed, please try again"
            yield frame("error", {"type": "error", "message": message})

    return StreamingResponse(events(), media_type="text/event-stream", headers=SSE_HEADERS)


def _json(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    return to_json() if callable(to_json) else value


@router.get("/conversations")
def conversations(db: DbDep, viewer: UserDep) -> Any:
    """The user's conversations, newest first."""
    assert viewer.user is not None
    chat = chat_service
    return [_json(c) for c in chat.list_conversations(db, viewer.user.id)]


@router.get("/conversations/{conversation_id}")
def conversation(conversation_id: int, db: DbDep, viewer: UserDep) -> Any:
    """One conversation with its messages (404 when it is not the user's)."""
    assert viewer.user is not None
    chat = chat_service
    try:
        found = chat.get_conversation(db, conversation_id, viewer.user.id)
    except Exception as exc:
        if isinstance(exc, NotFound):
            raise HTTPException(404, "conversation not found") from exc
        raise
    if found is None:
        raise HTTPException(404, "conversation not found")
    return _json(found)
