"""Any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, Kimi, GLM, Ollama, vLLM, llama.cpp).

The SDK retries connection errors, 408/409/429 and 5xx with exponential backoff and honours
Retry-After; a request that still fails becomes an `LLMError` naming the endpoint and status.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai

from touyan.llm.base import Completion, LLMError, Message, ThinkingFilter, Usage, strip_thinking


class OpenAIProvider:
    name = "openai"

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
    ) -> None:
        self.model = model
        self.usage = Usage()
        self._client = openai.OpenAI(
            base_url=base_url,
            api_key=api_key or "not-needed",  # local servers (Ollama, vLLM) take any key
            timeout=timeout,
            max_retries=max_retries,
        )

    def complete(
        self, messages: list[Message], *, schema: dict[str, Any] | None = None
    ) -> Completion:
        start = time.perf_counter()
        extra: dict[str, Any] = {}
        if schema is not None:
            extra["response_format"] = {"type": "json_object"}
        try:
            response = self._client.chat.completions.create(
                model=self.model,
                messages=[{"role": m.role, "content": m.content} for m in messages],  # type: ignore[misc]
                **extra,
            )
        except openai.APIStatusError as exc:
            raise LLMError(
                f"{self._client.base_url}: HTTP {exc.status_code}: {exc.message}"
            ) from exc
        except openai.APIError as exc:
            raise LLMError(f"{self._client.base_url}: {exc.message}") from exc
        choice = response.choices[0] if response.choices else None
        if choice is None or not choice.message.content:
            raise LLMError(f"{self._client.base_url}: empty answer from {self.model}")
        usage = Usage(calls=1, seconds=time.perf_counter() - start)
        if response.usage is not None:
            usage.prompt_tokens = response.usage.prompt_tokens
            usage.completion_tokens = response.usage.completion_tokens
        self.usage.add(usage)
        return Completion(strip_thinking(choice.message.content), usage)

    def stream(self, messages: list[Message]) -> Iterator[str]:
        """Deltas as they arrive; a stream that ends without a finish reason is an error."""
        start = time.perf_counter()
        usage = Usage(calls=1)
        thinking = ThinkingFilter()
        finished = False
        try:
            chunks = self._client.chat.completions.create(  # type: ignore[call-overload]
                model=self.model,
                messages=[{"role": m.role, "content": m.content} for m in messages],
                stream=True,
                stream_options={"include_usage": True},
            )
            for chunk in chunks:
                if chunk.usage is not None:
                    usage.prompt_tokens = chunk.usage.prompt_tokens
                    usage.completion_tokens = chunk.usage.completion_tokens
                for choice in chunk.choices:
                    if choice.delta.content:
                        text = thinking.feed(choice.delta.content)
                        if text:
                            yield text
                    if choice.finish_reason:
                        finished = True
        except openai.APIStatusError as exc:
            raise LLMError(
                f"{self._client.base_url}: HTTP {exc.status_code}: {exc.message}"
            ) from exc
        except (openai.APIError, httpx.HTTPError) as exc:
            raise LLMError(f"{self._client.base_url}: stream interrupted ({exc})") from exc
        finally:
            usage.seconds = time.perf_counter() - start
            self.usage.add(usage)
        if not finished:
            raise LLMError(f"{self._client.base_url}: the stream ended before the answer did")
