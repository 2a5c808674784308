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


def test_an_intraday_move_alert_is_neutral_unless_a_strong_event() -> None:
    alert = "以下是某科技盘口异动快照：某科技盘中快速拉升，5分钟内涨幅超过3%，报12.50元。"
    assert score_sentiment(alert).label == "neutral"
    assert "intraday" in score_sentiment(alert).reason
    # The same words outside an alert are news.
    assert score_sentiment("某科技股价快速拉升，涨幅超过3%").label == "bullish"
    # A strong event is news in any genre.
    struck = alert + "公司公告因涉嫌财务造假被证监会立案调查。"
    assert score_sentiment(struck).label == "bearish"


def test_investor_qa_answers_weigh_less_than_an_announcement() -> None:
    qa = "某公司在投资者互动平台答复投资者：公司将持续提升产品竞争力，业务稳步增长。"
    stated = "某公司公告：公司将持续提升产品竞争力，业务稳步增长。"
    assert 0 < score_sentiment(qa).score < score_sentiment(stated).score


def test_meeting_resolution_is_neutral() -> None:
    text = "某公司2023年第一次临时股东大会决议公告：议案获得通过，反对票占比0.1%，无否决议案。"
    assert score_sentiment(text).label == "neutral"


def test_a_bigger_move_says_more() -> None:
    small = score_sentiment("某股份今日上涨0.3%").score
    medium = score_sentiment("某股份今日上涨2.5%").score
    big = score_sentiment("某股份今日上涨9.8%").score
    assert 0 < small < medium < big


def test_a_tally_of_past_ratings_is_not_news() -> None:
    tally = score_sentiment("近90天内共有12家机构给出评级，其中买入评级9家。").score
    news = score_sentiment("某券商首次覆盖，给予公司买入评级。").score
    assert tally < news


def test_retail_and_hot_money_flows_carry_no_sign() -> None:
    assert score_sentiment("散户资金净流入352万元，游资资金净流入80万元").evidence == []
    flows = "当日主力资金净流出1200万元，游资资金净流入300万元，散户资金净流入900万元。"
    assert score_sentiment(flows).label == "bearish"


def test_words_naming_both_directions_are_not_a_rise() -> None:
    result = score_sentiment("当日涨跌幅为0.5%，过去一年该股涨跌停合计3次")
    assert not any("涨" in e or "跌" in e for e in result.evidence)


def test_a_holders_paper_loss_is_not_the_companys_loss() -> None:
    assert score_sentiment("陆股通累计持股成本23元，持股亏损12%").evidence == []


def test_a_running_total_weighs_less_than_the_days_figure() -> None:
    day = score_sentiment("北向资金今日净增持50万股").score
    total = score_sentiment("北向资金近20日累计净增持50万股").score
    assert 0 < total < day


def test_lead_decides_over_late_details() -> None:
    filler = "公司主营业务为工业自动化设备的研发与销售，产品覆盖多个行业。" * 6
    lead = score_sentiment("某公司控股股东减持2%股份。" + filler + "公司业绩预增。")
    assert lead.label == "bearish"


def test_english_guidance_cut_with_its() -> None:
    assert score_sentiment("The retailer cut its forecast for the year.").label == "bearish"
    assert score_sentiment("The chipmaker raised its outlook.").label == "bullish"


def test_an_investors_question_in_a_qa_item_states_nothing() -> None:
    asked = "投资者：请问公司去年亏损的原因是什么。董秘：感谢您的关注，详见年报。"
    assert score_sentiment(asked).label == "neutral"
    stated = score_sentiment("公司去年亏损严重，涉嫌违规。")
    qa = score_sentiment("有投资者向某公司提问：公司去年亏损严重，涉嫌违规。某公司回复：经营正常。")
    assert stated.label == "bearish"
    assert abs(qa.score) < abs(stated.score) / 2


def test_central_bank_reverse_repo_is_not_a_buyback() -> None:
    assert score_sentiment("央行今日开展100亿元逆回购操作").label == "neutral"
    assert score_sentiment("公司拟以自有资金回购股份").label == "bullish"
