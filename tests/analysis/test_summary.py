from __future__ import annotations

from touyan.analysis import label_text
from touyan.analysis.summary import summarize
from touyan.text.sentences import split_sentences

ZH = (
    "宁德时代发布2024年年度报告。公司全年实现营业收入3620亿元，同比下降9.7%。"
    "归母净利润507亿元，同比增长15%。公司拟每10股派发现金红利45.53元。"
    "董事会审议通过了多项议案。会议由董事长主持。全体董事出席了会议。"
    "公司表示将继续加大研发投入，推进海外工厂建设。"
) * 3
EN = (
    "Apple reported record revenue of $94.9 billion for the fiscal fourth quarter. "
    "Earnings per share rose 12 percent from a year earlier. "
    "The board declared a cash dividend of $0.25 per share. "
    "Services revenue reached an all-time high. "
    "The company will hold a conference call with analysts on Thursday. "
) * 3


def test_chinese_summary_is_one_to_three_sentences_of_the_text() -> None:
    summary = summarize(ZH, "宁德时代2024年报：净利润增长15%", language="zh")
    sentences = split_sentences(summary)
    assert 1 <= len(sentences) <= 3
    assert all(s in ZH for s in sentences)
    assert "507亿元" in summary  # the sentence the title points to


def test_english_summary_stays_english() -> None:
    summary = label_text(EN, "Apple posts record revenue").summary
    assert summary.isascii() and 1 <= len(split_sentences(summary)) <= 3
    assert "record revenue" in summary


def test_summary_is_in_the_documents_language() -> None:
    text = "This report is provided for information only. " + ZH
    summary = summarize(text, language="zh")
    assert "This report" not in summary and summary


def test_short_text_summary_is_the_text() -> None:
    assert (
        summarize("央行宣布下调存款准备金率0.5个百分点。")
        == "央行宣布下调存款准备金率0.5个百分点。"
    )


def test_a_question_is_not_the_summary() -> None:
    text = "网友提问：排查情况如何？官方回应：已累计排查相关人员5000余人，结果均为阴性。"
    assert "？" not in summarize(text)


def test_empty_text_has_empty_summary() -> None:
    assert summarize("") == ""
    assert label_text("").summary == ""
