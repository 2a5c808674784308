from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.fake_openai import FakeOpenAI, completion

from touyan.config import Settings
from touyan.llm import LLMError, Message, ScriptedProvider, provider_from_settings
from touyan.llm.openai_compat import OpenAIProvider


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


def test_stream_yields_deltas_without_thinking_and_records_usage(server: FakeOpenAI) -> None:
    pieces = ["<thi", "nk>草稿</think>", "小米", "估值", "450亿美元。"]
    server.script.append((200, {"stream": pieces}, {}))
    provider = OpenAIProvider(model="m", base_url=server.url, timeout=5)
    deltas = list(provider.stream([Message("user", "小米估值？")]))
    assert "".join(deltas) == "小米估值450亿美元。"
    assert len(deltas) >= 2  # it streamed, not one block at the end
    assert server.requests[-1]["stream"] is True
    assert (provider.usage.calls, provider.usage.prompt_tokens) == (1, 20)


def test_a_stream_cut_off_midway_is_an_error(server: FakeOpenAI) -> None:
    server.script.append((200, {"stream": ["小米", "估值"], "truncate": True}, {}))
    provider = OpenAIProvider(model="m", base_url=server.url, timeout=5, max_retries=0)
    received: list[str] = []
    with pytest.raises(LLMError, match="stream"):
        for delta in provider.stream([Message("user", "q")]):
            received.append(delta)
    assert "".join(received) == "小米估值"


def test_a_slow_endpoint_times_out_with_a_clear_error() -> None:
    import socket as socket_module

    listener = socket_module.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    port = listener.getsockname()[1]
    provider = OpenAIProvider(
        model="m", base_url=f"http://127.0.0.1:{port}/v1", timeout=0.3, max_retries=0
    )
    try:
        with pytest.raises(LLMError, match="127.0.0.1"):
            provider.complete([Message("user", "q")])
    finally:
        listener.close()


def test_thinking_filter_handles_tags_split_across_deltas() -> None:
    from touyan.llm.base import ThinkingFilter

    f = ThinkingFilter()
    out = "".join(f.feed(p) for p in ["答", "<", "think>秘密</thi", "nk>案", "<t"])
    assert out + f.feed("ail") == "答案<tail"
