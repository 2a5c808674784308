from __future__ import annotations

from touyan.text.lang import detect_language
from touyan.text.normalize import normalize_text
from touyan.text.sentences import sentence_spans, split_sentences


def test_full_width_digits_and_letters_fold_but_chinese_punctuation_stays() -> None:
    assert (
        normalize_text("营收１２３．４５亿元，同比增长４５％。ＡＢＣ")
        == "营收123.45亿元，同比增长45%。ABC"
    )


def test_control_chars_and_blank_runs_are_cleaned() -> None:
    assert normalize_text("a\x00b\u200b c\r\n\r\n\r\n\r\nd\u3000\u3000e") == "ab c\n\nd e"


def test_language_detection() -> None:
    assert detect_language("小米集团（1810.HK）宣布完成融资，估值450亿美元。") == "zh"
    assert detect_language("Xiaomi raised US$1.1 billion at a US$45 billion valuation.") == "en"
    assert detect_language("12345 ... !!!") == "und"


def test_sentences_split_on_chinese_and_english_ends_not_on_decimals() -> None:
    text = (
        "小米完成11亿美元融资。估值450亿美元！Xiaomi rose 3.5% in 1810.HK trading. Mr. Lei spoke."
    )
    assert split_sentences(text) == [
        "小米完成11亿美元融资。",
        "估值450亿美元！",
        "Xiaomi rose 3.5% in 1810.HK trading.",
        "Mr. Lei spoke.",
    ]


def test_sentence_spans_index_the_original_text() -> None:
    text = "  第一句。\n\n第二句？ third one. "
    for start, end in sentence_spans(text):
        assert text[start:end].strip() == text[start:end] != ""
    assert [text[s:e] for s, e in sentence_spans(text)] == ["第一句。", "第二句？", "third one."]
