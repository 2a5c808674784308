"""A provider for tests: replays given replies in order and records every prompt it was sent."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from touyan.llm.base import Completion, LLMError, Message, ThinkingFilter, Usage, strip_thinking

Reply = str | Callable[[list[Message]], str] | Exception


class ScriptedProvider:
    name = "scripted"

    def __init__(self, replies: Iterable[Reply]) -> None:
        self.replies = list(replies)
        self.prompts: list[list[Message]] = []
        self.usage = Usage()

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any] | None = None
    ) -> Completion:
        text = self._next_prompted(messages)
        usage = Usage(calls=1, prompt_tokens=sum(len(m.content) for m in messages))
        usage.completion_tokens = len(text)
        self.usage.add(usage)
        return Completion(strip_thinking(text), usage)

    def stream(self, messages: list[Message]) -> Iterator[str]:
        """The next reply in small pieces; a reply ending in "\x00" is a cut-off stream."""
        text = self._next_prompted(messages)
        thinking = ThinkingFilter()
        cut = text.endswith("\x00")
        text = text.rstrip("\x00")
        self.usage.add(
            Usage(
                calls=1,
                prompt_tokens=sum(len(m.content) for m in messages),
                completion_tokens=len(text),
            )
        )
        for i in range(0, len(text), 8):
            piece = thinking.feed(text[i : i + 8])
            if piece:
                yield piece
        if cut:
            raise LLMError("scripted stream cut off")

    def _next_prompted(self, messages: list[Message]) -> str:
        self.prompts.append(list(messages))
        return self._next(messages)

    def _next(self, messages: list[Message]) -> str:
        if not self.replies:
            raise LLMError("scripted provider has no reply left")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply(messages) if callable(reply) else reply
