"""A headline's company in its common shapes (announcement, question, topic report), and the
guards that keep columns, brokers, people and opinion pieces from being taken for one."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 12)


def _facts(title: str, text: str) -> list[ExtractedFact]:
    entities = EntityDictionary.of(bundled_entities())
    return extract_facts(text, title=title, published_at=DAY, entities=entities)


def _subjects(title: str, text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for fact in _facts(title, text):
        found.setdefault(fact.metric, set()).add(fact.subject)
    return found


def test_announcement_headline_names_the_company_the_body_calls_gongsi() -> None:
    subjects = _subjects(
        "恒远科技：订单饱满，新品放量在即",
        "消费电子需求回暖。公司全年营收12.5亿元，同比增长8.2%；毛利率41.3%。",
    )
    assert subjects["revenue"] == {"恒远科技"}
    assert subjects["gross_margin"] == {"恒远科技"}


def test_broker_before_the_colon_is_not_the_company() -> None:
    facts = _facts(
        "华信证券：给予恒远科技买入评级",
        "公司全年营收12.5亿元，同比增长8.2%。华信证券维持买入评级。",
    )
    assert all(f.subject != "华信证券" for f in facts)
    # the same headline and body with a company in the broker's place credit it
    facts = _facts(
        "华信科技：给予恒远科技买入评级",
        "公司全年营收12.5亿元，同比增长8.2%。华信科技维持买入评级。",
    )
    assert {f.subject for f in facts if f.metric == "revenue"} == {"华信科技"}


def test_question_headline_names_the_company_the_body_writes() -> None:
    subjects = _subjects(
        "2025年5月9日北辰材料的行情和资金面如何？",
        "截至2025年5月9日收盘，北辰材料报收于12.30元，下跌1.20%，换手率2.1%，成交额8650.12万元。",
    )
    assert subjects["turnover_rate"] == {"北辰材料"}
    assert subjects["turnover"] == {"北辰材料"}


def test_question_over_an_opinion_piece_names_nobody() -> None:
    facts = _facts(
        "云帆智能的股价为何忽涨忽跌？",
        "最近 60 天，云帆智能的股价从 15 元涨到 25 元，单日成交额高达 20 亿元，"
        "主力资金净流出近 1 亿元。",
    )
    assert all(f.subject != "云帆智能" for f in facts)
    # the same piece with its figures written unspaced is a news item about the company
    facts = _facts(
        "云帆智能的股价为何忽涨忽跌？",
        "最近60天，云帆智能的股价从15元涨到25元，单日成交额高达20亿元，主力资金净流出近1亿元。",
    )
    assert {f.subject for f in facts if f.metric == "turnover"} == {"云帆智能"}


def test_question_about_people_names_nobody() -> None:
    facts = _facts(
        "爱钓鱼的退休老人如何理财？",
        "爱钓鱼的老人把一半积蓄放进货币基金，七日年化收益率为1.52%。",
    )
    assert all(f.subject != "爱钓鱼" for f in facts)
    # a company-shaped name in the same question is the subject
    facts = _facts(
        "爱钓鱼科技的退休老人如何理财？",
        "爱钓鱼科技的老人把一半积蓄放进货币基金，七日年化收益率为1.52%。",
    )
    assert [(f.subject, f.metric) for f in facts] == [("爱钓鱼科技", "seven_day_yield")]


def test_topic_report_headline_over_a_data_card() -> None:
    subjects = _subjects(
        "瑞丰股份高管报酬",
        "报酬总额(元):3200000.0000|领取报酬的管理层人数:12|前三名董事报酬(元):900000.0000",
    )
    assert subjects["报酬总额"] == {"瑞丰股份"}


def test_topic_report_headline_with_the_name_in_the_body() -> None:
    subjects = _subjects(
        "霜谷股东户数连续下降",
        "截至2025年3月31日，霜谷股东户数为2.31万户，较上期减少4.2%。",
    )
    assert subjects["股东户数"] == {"霜谷"}


def test_fundamentals_survey_headline_is_not_taken() -> None:
    facts = _facts(
        "霜谷基本面分析",
        "### 财务分析 2024财年营业收入为50.2亿美元，同比增长6.1%。### 行业分析 霜谷所在的"
        "云计算行业规模增长18%。",
    )
    assert all(f.subject != "霜谷" for f in facts)
    # the same body under a topic headline is credited to its name
    facts = _facts(
        "霜谷股东户数连续下降",
        "### 财务分析 2024财年营业收入为50.2亿美元，同比增长6.1%。### 行业分析 霜谷所在的"
        "云计算行业规模增长18%。",
    )
    assert {f.subject for f in facts if f.metric == "revenue"} == {"霜谷"}


def test_column_name_before_the_company_and_its_label() -> None:
    subjects = _subjects(
        "风险提示：恒远科技应收账款持续增长",
        "报告期内，公司毛利率为12.5%，同比增长3.2%。",
    )
    assert subjects["gross_margin"] == {"恒远科技"}


def test_question_about_a_crowd_names_nobody() -> None:
    facts = _facts(
        "大家的基金仓位如何调整？",
        "大家普遍加仓，大家换手率3.2%，成交额1.2亿元。",
    )
    assert all(f.subject != "大家" for f in facts)
    # the same question about a company-shaped name credits the body's 公司 figures to it
    body = "大家普遍加仓，公司换手率3.2%，成交额1.2亿元。"
    assert _facts("大家的基金仓位如何调整？", body) == []
    assert _subjects("远丰股份的基金仓位如何调整？", body)["turnover"] == {"远丰股份"}


def test_body_that_copies_the_headline_is_no_support() -> None:
    facts = _facts(
        "盘面速递：成交回升",
        "盘面速递：成交回升。今日成交额1.2万亿元，较上一交易日增加1000亿元。",
    )
    assert all(f.subject != "盘面速递" for f in facts)
    # the copied headline does not credit the body's 公司 figures; writing the name again does
    copied = "盘面速递：成交回升。公司全年营收12.5亿元，同比增长8.2%。"
    assert _facts("盘面速递：成交回升", copied) == []
    written = "盘面速递：成交回升。本期盘面速递关注公司业绩。公司全年营收12.5亿元，同比增长8.2%。"
    assert _subjects("盘面速递：成交回升", written)["revenue"] == {"盘面速递"}
