from __future__ import annotations

from touyan.analysis import label_columns, label_text


def test_label_json_shape() -> None:
    labels = label_text("贵州茅台(600519.SH)2024年净利润同比增长15%，超出市场预期。")
    data = labels.to_json()
    assert list(data) == [
        "sentiment",
        "sentiment_score",
        "evidence_phrases",
        "market",
        "tags",
        "summary",
    ]
    assert data["sentiment"] == "bullish" and -1 <= data["sentiment_score"] <= 1
    assert data["market"] == "cn_a" and "moutai" in data["tags"]
    assert labels.reasons["sentiment"] and labels.reasons["market"]


def test_empty_text() -> None:
    assert label_text("").to_json() == {
        "sentiment": "neutral",
        "sentiment_score": 0.0,
        "evidence_phrases": [],
        "market": "other",  # no text, no market
        "tags": [],
        "summary": "",
    }


def test_columns_keep_the_sources_tags_and_summary() -> None:
    labels = label_text("云锋基金领投小米新一轮融资，小米估值达450亿美元。")
    columns = label_columns(labels, source_tags=["小米", "xiaomi"], source_summary="作者摘要")
    assert columns["tags"][:2] == ["小米", "xiaomi"]
    assert columns["tags"].count("xiaomi") == 1
    assert "venture_capital" in columns["tags"]
    assert columns["summary"] == "作者摘要"
    stored = columns["labels"]
    assert stored["method"] == "offline" and stored["source_tags"] == ["小米", "xiaomi"]
    assert stored["summary_source"] == "source"
    assert set(stored) >= {"method", "evidence_phrases", "reasons", "keywords"}
    computed = label_columns(labels)
    assert (
        computed["summary"] == labels.summary and computed["labels"]["summary_source"] == "offline"
    )
