"""Server-sent events: one `event:`/`data:` frame per engine event."""

from __future__ import annotations

import json
from typing import Any

SSE_HEADERS = {"cache-control": "no-store", "x-accel-buffering": "no"}


def frame(event: str, data: Any, event_id: int | None = None) -> str:
    lines = []
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines.append(f"event: {event}")
    payload = json.dumps(data, ensure_ascii=False, default=str)
    lines.extend(f"data: {line}" for line in payload.splitlines() or [""])
    return "\n".join(lines) + "\n\n"
