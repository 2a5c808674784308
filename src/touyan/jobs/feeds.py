"""The periodic feed refresh: a job like any other, so one worker at a time does it."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from touyan.jobs.registry import register
from touyan.store.db import Database

log = logging.getLogger("touyan.jobs")

FEEDS_REFRESH = "feeds.refresh"
SUBSCRIPTIONS_MODULE = "touyan.ingest.subscriptions"


def refresh_feeds(db: Database, payload: dict[str, Any]) -> None:
    """Fetch the feeds that are due; without the subscriptions module there is nothing to do."""
    try:
        module = importlib.import_module(SUBSCRIPTIONS_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name not in (SUBSCRIPTIONS_MODULE, "touyan.ingest"):
            raise
        log.info("feed refresh skipped: %s is not installed", SUBSCRIPTIONS_MODULE)
        return
    result = module.refresh_due_feeds(db)
    log.info("feed refresh done: %s", result)


def cron_for(minutes: int) -> str:
    """A cron line that fires every `minutes` (a whole number of hours when over 59)."""
    if minutes <= 0:
        raise ValueError("the refresh interval must be positive")
    if minutes < 60:
        return f"*/{minutes} * * * *"
    if minutes % 60:
        raise ValueError("an interval of an hour or more must be whole hours")
    hours = minutes // 60
    if hours >= 24:
        return "0 0 * * *"
    return f"0 */{hours} * * *"


register(FEEDS_REFRESH, refresh_feeds)
