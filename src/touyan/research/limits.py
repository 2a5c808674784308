"""Per-user rate limits on asking and researching, counted in the database.

Counting rows the user already created (questions asked, runs started) needs no extra
state and holds across any number of web processes on one database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from touyan.config import get_settings
from touyan.store.db import Database
from touyan.store.models import Conversation, Message, ResearchRun, utcnow


class RateLimited(RuntimeError):
    """Too many requests; `retry_after` says in how many seconds one more is allowed."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def check_ask(db: Database, user_id: int | None) -> None:
    limit = get_settings().ask_per_minute
    if user_id is None or limit <= 0:
        return
    since = utcnow() - dt.timedelta(minutes=1)
    with db.engine.connect() as conn:
        count = conn.execute(
            select(func.count())
            .select_from(Message)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(
                Conversation.user_id == user_id,
                Message.role == "user",
                Message.created_at >= since,
            )
        ).scalar_one()
    if count >= limit:
        raise RateLimited(
            f"提问过于频繁（每分钟最多{limit}次）/ at most {limit} questions a minute", 60
        )


def check_research(db: Database, user_id: int | None) -> None:
    limit = get_settings().research_per_hour
    if user_id is None or limit <= 0:
        return
    since = utcnow() - dt.timedelta(hours=1)
    with db.engine.connect() as conn:
        count = conn.execute(
            select(func.count())
            .select_from(ResearchRun)
            .where(ResearchRun.user_id == user_id, ResearchRun.created_at >= since)
        ).scalar_one()
    if count >= limit:
        raise RateLimited(
            f"深度投研过于频繁（每小时最多{limit}次）/ at most {limit} research runs an hour", 3600
        )
