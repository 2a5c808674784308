from __future__ import annotations

import json
from typing import Any

from touyan.analysis.labels import Labeller
from touyan.llm import LLMError, Message, ScriptedProvider

TEXT = "小米集团(1810.HK)公告，2024年净利润同比大幅增长，并宣布回购股份。"


def answer(**changes: Any) -> str:
    data: dict[str, Any] = {
        "sentiment": "bullish",
        "sentiment_score": 0.8,
        "sentiment_reason": "净利润大幅增长并回购",
        "evidence_phrases": ["净利润同比大幅增长", "回购股份"],
        "market": "hk",
        "market_reason": "1810.HK 在港交所上市",
        "tags": ["xiaomi", "earnings", "share_buyback"],
        "tags_reason": "公司、业绩、回购",
        "summary": "小米2024年净利润大幅增长并回购股份。",
        "summary_reason": "要点",
    }
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def test_one_checked_call_gives_every_label_with_reasons() -> None:
    provider = ScriptedProvider([answer()])
    labels = Labeller(provider=provider).label(TEXT, "小米业绩")
    assert labels.method == "llm"
    assert labels.to_json() == {
        "sentiment": "bullish",
        "sentiment_score": 0.8,
        "evidence_phrases": ["净利润同比大幅增长", "回购股份"],
        "market": "hk",
        "tags": ["xiaomi", "earnings", "share_buyback"],
        "summary": "小米2024年净利润大幅增长并回购股份。",
    }
    assert labels.reasons["market"] == "1810.HK 在港交所上市"
    assert set(labels.reasons) >= {"sentiment", "market", "tags", "summary"}
    assert len(provider.prompts) == 1
    system, user = provider.prompts[0]
    assert "<document>" in user.content and TEXT in user.content
    assert "venture_capital" in system.content and "xiaomi" in system.content


def test_claims_the_text_does_not_support_are_dropped() -> None:
    provider = ScriptedProvider(
        [answer(evidence_phrases=["回购股份", "营收翻倍"], tags=["xiaomi", "made_up_tag"])]
    )
    labels = Labeller(provider=provider).label(TEXT)
    assert labels.evidence_phrases == ["回购股份"]
    assert labels.tags == ["xiaomi"]
    assert "not in the text" in labels.reasons["evidence_phrases"]


def test_summary_in_the_wrong_language_is_replaced_by_the_extractive_one() -> None:
    provider = ScriptedProvider([answer(summary="Xiaomi's profit grew sharply.")])
    labels = Labeller(provider=provider).label(TEXT)
    assert labels.method == "llm" and labels.summary == TEXT
    assert "language" in labels.reasons["summary"]


def test_malformed_output_falls_back_to_offline() -> None:
    offline = Labeller().label(TEXT)
    for reply in (
        "这不是JSON",
        '```json\n{"sentiment": "bullish"\n```',
        answer(sentiment="positive"),
        answer(market="china"),
        answer(sentiment="bearish", sentiment_score=0.9),  # contradicts itself
        answer(sentiment_score=3),
    ):
        labels = Labeller(provider=ScriptedProvider([reply])).label(TEXT)
        assert labels.method == "offline"
        assert labels.to_json() == offline.to_json()
        assert labels.reasons["llm"].startswith("fallback to offline")


def test_provider_failure_falls_back_to_offline() -> None:
    def broken(_: list[Message]) -> str:
        raise LLMError("model unreachable")

    labels = Labeller(provider=ScriptedProvider([broken])).label(TEXT)
    assert labels.method == "offline" and "model unreachable" in labels.reasons["llm"]


def test_fenced_json_is_accepted() -> None:
    labels = Labeller(provider=ScriptedProvider(["```json\n" + answer() + "\n```"])).label(TEXT)
    assert labels.method == "llm"
