"""A provider for tests: replays given replies in order and records every prompt it was sent."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from touyan.llm.base import Completion, LLMError, Message, Usage, strip_thinking

Reply = str | Callable[[list[Message]], str]


class ScriptedProvider:
    name = "scripted"

    def __init__(self, replies: Iterable[Reply]) -> None:
        self.replies = list(replies)
        self.prompts: list[list[Message]] = []
        self.usage = Usage()

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any] | None = None
    ) -> Completion:
        self.prompts.append(list(messages))
        if not self.replies:
            raise LLMError("scripted provider has no reply left")
        reply = self.replies.pop(0)
        text = reply(messages) if callable(reply) else reply
        usage = Usage(calls=1, prompt_tokens=sum(len(m.content) for m in messages))
        usage.completion_tokens = len(text)
        self.usage.add(usage)
        return Completion(strip_thinking(text), usage)
