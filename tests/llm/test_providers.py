from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from touyan.config import Settings
from touyan.llm import LLMError, Message, ScriptedProvider, provider_from_settings
from touyan.llm.openai_compat import OpenAIProvider


class FakeOpenAI:
    """A local server speaking the chat-completions protocol, replying from a script."""

    def __init__(self, script: list[tuple[int, dict[str, Any], dict[str, str]]]) -> None:
        self.script = script
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                length = int(self.headers["Content-Length"])
                outer.requests.append(json.loads(self.rfile.read(length)))
                status, body, headers = outer.script.pop(0) if outer.script else (500, {}, {})
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def completion(text: str) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}
        ],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
    }


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI([])
    yield fake
    fake.close()


def test_real_client_retries_429_and_strips_thinking(server: FakeOpenAI) -> None:
    server.script += [
        (429, {"error": {"message": "slow down"}}, {"Retry-After": "0"}),
        (200, completion("<think>先想一想</think>\n小米估值450亿美元。"), {}),
    ]
    provider = OpenAIProvider(model="qwen-test", base_url=server.url, api_key="k", timeout=5)
    answer = provider.complete([Message("user", "小米估值多少？")])
    assert answer.text == "小米估值450亿美元。"
    assert len(server.requests) == 2
    assert server.requests[-1]["model"] == "qwen-test"
    assert server.requests[-1]["messages"] == [{"role": "user", "content": "小米估值多少？"}]
    assert (provider.usage.calls, provider.usage.prompt_tokens) == (1, 12)


def test_real_client_gives_a_clear_error_after_retries(server: FakeOpenAI) -> None:
    server.script += [(503, {"error": {"message": "down"}}, {"Retry-After": "0"})] * 2
    provider = OpenAIProvider(model="m", base_url=server.url, timeout=5, max_retries=1)
    with pytest.raises(LLMError, match="HTTP 503"):
        provider.complete([Message("user", "hi")])
    assert len(server.requests) == 2


def test_scripted_provider_replays_and_records() -> None:
    provider = ScriptedProvider(["<think>x</think>一", lambda messages: messages[-1].content])
    assert provider.complete([Message("user", "a")]).text == "一"
    assert provider.complete([Message("user", "回声")]).text == "回声"
    assert [p[-1].content for p in provider.prompts] == ["a", "回声"]
    with pytest.raises(LLMError):
        provider.complete([Message("user", "no more")])


def test_offline_unless_a_model_is_configured() -> None:
    assert provider_from_settings(Settings(llm_model=None)) is None
    assert provider_from_settings(Settings(llm_model="m", llm_provider="offline")) is None
    configured = provider_from_settings(Settings(llm_model="m", llm_base_url="http://127.0.0.1:1"))
    assert isinstance(configured, OpenAIProvider) and configured.model == "m"
