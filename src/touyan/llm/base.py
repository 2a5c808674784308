"""The provider protocol: messages in, a completion with its usage out.

Every caller goes through `complete`, so timeouts, retries, usage accounting and the removal
of `<think>` blocks happen in one place whatever the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Role = Literal["system", "user", "assistant"]
_THINK = re.compile(r"<think>.*?</think>\s*", re.DOTALL)


class LLMError(RuntimeError):
    """The model could not be reached or gave no usable answer (message says why)."""


@dataclass(frozen=True, slots=True)
class Message:
    role: Role
    content: str


@dataclass(slots=True)
class Usage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.seconds += other.seconds


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    usage: Usage = field(default_factory=Usage)


class Provider(Protocol):
    name: str
    usage: Usage

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any] | None = None
    ) -> Completion: ...

    def stream(self, messages: list[Message]) -> Iterator[str]:
        """Text deltas as the model writes them (thinking removed); LLMError if cut off."""
        ...


def strip_thinking(text: str) -> str:
    """Reasoning models wrap their scratch work in <think>…</think>; it is never the answer."""
    return _THINK.sub("", text).strip()


class ThinkingFilter:
    """Removes <think>…</think> from a stream whose tags may arrive split across deltas."""

    def __init__(self) -> None:
        self.raw = ""
        self.sent = 0

    def feed(self, delta: str) -> str:
        self.raw += delta
        visible = _THINK.sub("", self.raw)
        open_at = visible.find("<think>")
        if open_at >= 0:
            visible = visible[:open_at]
        elif visible.endswith(tuple("<think>"[:i] for i in range(1, 7))):
            visible = visible[: visible.rfind("<")]  # maybe the start of a tag: wait
        visible = visible.lstrip() if self.sent == 0 else visible
        out = visible[self.sent :] if len(visible) > self.sent else ""
        self.sent += len(out)
        return out
