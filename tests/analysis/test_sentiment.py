from __future__ import annotations

import pytest

from touyan.analysis.sentiment import score_sentiment


def test_negated_sale_is_not_bearish() -> None:
    sold = score_sentiment("控股股东减持公司股份")
    not_sold = score_sentiment("控股股东并未减持公司股份")
    assert sold.label == "bearish"
    assert not_sold.label != "bearish" and not_sold.score > 0
    assert "并未减持" in not_sold.evidence


def test_below_expectations_is_one_bearish_phrase_not_a_negation() -> None:
    result = score_sentiment("公司三季度业绩不及预期")
    assert result.label == "bearish"
    assert result.evidence == ["不及预期"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("公司净利润同比大幅增长52%，扭亏为盈", "bullish"),
        ("公司因涉嫌信息披露违规被证监会立案调查", "bearish"),
        ("公司发布2023年年度股东大会通知", "neutral"),
        ("公司营业成本同比下降10%", "bullish"),
        ("公司净亏损同比收窄", "bullish"),
        ("公司亏损扩大，股价跌停", "bearish"),
    ],
)
def test_chinese_news(text: str, label: str) -> None:
    assert score_sentiment(text).label == label


def test_a_rising_cost_is_bad_news_and_a_falling_one_good() -> None:
    assert score_sentiment("原材料成本上升").score < 0 < score_sentiment("原材料成本下降").score


def test_degree_words_scale_the_phrase() -> None:
    big = score_sentiment("营收大幅下滑").score
    small = score_sentiment("营收小幅下滑").score
    assert big < small < 0


def test_future_is_not_a_negation() -> None:
    assert score_sentiment("公司未来增长可期").label == "bullish"


def test_mixed_news_weighs_both_sides_and_names_them() -> None:
    result = score_sentiment("公司中标重大项目，但控股股东宣布减持")
    assert result.label == "neutral"
    assert {"中标", "减持"} <= set(result.evidence)
    one_sided = score_sentiment("公司中标重大项目")
    assert result.score < one_sided.score


def test_the_clause_after_but_weighs_more() -> None:
    sale_last = score_sentiment("公司中标重大项目，但控股股东宣布减持")
    win_last = score_sentiment("控股股东宣布减持，但公司中标重大项目")
    assert sale_last.score < 0 < win_last.score
    assert score_sentiment("Sales rose, but the company cut its guidance.").score < 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Apple beats estimates and raises guidance for the holiday quarter.", "bullish"),
        ("Shares plunged after the company missed estimates and cut guidance.", "bearish"),
        ("The company will hold its annual meeting on Tuesday.", "neutral"),
        ("Moody's downgraded the bank, citing a probe into its lending.", "bearish"),
    ],
)
def test_english_news(text: str, label: str) -> None:
    assert score_sentiment(text).label == label


def test_english_negation() -> None:
    assert score_sentiment("The lender did not default on its bonds.").score > 0


def test_title_counts_more_than_body() -> None:
    body = "公司发布公告。控股股东减持部分股份。公司业绩预增。"
    with_title = score_sentiment(body, "公司业绩预增")
    assert with_title.score > score_sentiment(body).score


def test_sentence_about_another_company_weighs_less() -> None:
    text = "宁德时代发布公告。比亚迪股价大跌。"
    subjects = [(0, 4, "宁德时代"), (9, 12, "比亚迪")]
    own = score_sentiment(text, subjects=subjects, focus="比亚迪")
    other = score_sentiment(text, subjects=subjects, focus="宁德时代")
    assert own.score < other.score < 0


def test_an_investors_question_counts_less_than_a_statement() -> None:
    asked = score_sentiment("投资者提问：公司是否存在债务违约？董秘回答：公司经营正常。")
    stated = score_sentiment("公司存在债务违约。")
    assert stated.score < asked.score


def test_empty_text() -> None:
    result = score_sentiment("")
    assert (result.label, result.score, result.evidence) == ("neutral", 0.0, [])


def test_very_long_text_is_labelled() -> None:
    text = "公司业绩预增，" + "公司召开董事会审议议案。" * 20_000 + "公司被立案调查。"
    result = score_sentiment(text)
    assert result.label == "bullish"  # the lead decides; text far down is not read
    assert "立案调查" not in result.evidence
