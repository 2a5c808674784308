"""A user's past questions: each conversation re-read with its cited, verified answers, and
open for follow-ups (the chat box continues the same conversation)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from touyan.research import chat as chat_service
from touyan.research.feed import get_analysis_by_id
from touyan.research.render import render_answer
from touyan.web.deps import DbDep, UserDep
from touyan.web.templating import render

router = APIRouter(include_in_schema=False)


def _message_view(message: dict[str, Any]) -> dict[str, Any]:
    """A stored message as the page shows it; answers rendered and sanitised on the server."""
    if message["role"] != "assistant":
        return message
    html = render_answer(str(message["content"]), message["citations"] or [], int(message["id"]))
    return {**message, "html": html}


@router.get("/history/{conversation_id}")
def conversation_page(
    conversation_id: int, request: Request, db: DbDep, viewer: UserDep
) -> Response:
    assert viewer.user is not None
    found = chat_service.get_conversation(db, conversation_id, viewer.user.id)
    if found is None:
        raise HTTPException(404, "conversation not found")
    context: tuple[str, int] | None = None
    context_url = None
    if found["analysis_id"] is not None:
        analysis = get_analysis_by_id(db, found["analysis_id"], viewer_id=viewer.user.id)
        if analysis is not None:
            context, context_url = ("analysis", analysis.id), f"/a/{analysis.slug}"
    elif found["document_id"] is not None:
        context = ("document", found["document_id"])
        context_url = f"/d/{found['document_id']}"
    return render(
        request,
        "conversation.html",
        {
            "conversation": found,
            "messages": [_message_view(m) for m in found["messages"]],
            "context": context,
            "context_url": context_url,
        },
    )
