"""What kind of figure a news flash states (told, foreseen, a goal) and what it measures: read
here in our own sentences with invented names and figures."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of([*bundled_entities(), EntityRecord("澜石科技", "company")])


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=NAMES)


def test_a_headlines_forecast_word_does_not_govern_the_body() -> None:
    text = (
        "【行业协会：今年全国铜箔产量预计将达12.5万吨】协会副会长在年会上指出，"
        "前10个月全国铜箔产量10.34万吨，同比增长6.7%。"
    )
    found = facts(text)
    assert at(found, "103400").metric.endswith("产量")
    assert at(found, "6.7").metric.endswith("产量_yoy")


def test_a_result_measured_against_the_plan_is_no_plan() -> None:
    text = "2021年，澜石科技以少于计划的投入，实现营业收入32.1亿元。"
    assert at(facts(text), "3210000000").metric == "revenue"


def test_a_clause_opening_on_goals_lists_targets() -> None:
    text = "中国发布规划。目标，“十四五”末，县域快递网点覆盖率达到95%，乡镇通达率达到90%。"
    found = facts(text)
    assert at(found, "95").metric.endswith("_forecast")
    assert at(found, "90").metric.endswith("_forecast")


def test_a_forecast_opening_a_later_clause_runs_on_after_a_semicolon() -> None:
    text = (
        "全国会议在某地召开，预计2023年全行业收入完成2.3万亿元，同比增长9%左右；"
        "行业业务总量完成2.7万亿元，同比增长11%左右。"
    )
    assert at(facts(text), "11").metric.endswith("_yoy_forecast")


def test_a_forecast_a_sector_opens_with_runs_on_after_a_semicolon() -> None:
    text = (
        "上周数据如此。全国某行业预计揽收包裹8100万件，同比增长12.3%；"
        "投递包裹8400万件，同比增长14.2%。"
    )
    assert at(facts(text), "14.2").metric.endswith("_yoy_forecast")
    # but not what a date is expected for, nor what a heading naming forecasts lists
    text = (
        "澜石科技年报显示，在建产能如下：甲项目预计完工时间为2025年3月，产能利用率为41.2%；"
        "乙项目预计完工时间为2025年6月，产能利用率为52.3%。"
    )
    assert not at(facts(text), "52.3").metric.endswith("_forecast")
    text = (
        "澜石科技下面是其盈利预测信息：两融数据表明该股近3个月融资净流入3.21亿，融资余额"
        "增加；融券净流出1.23亿，融券余额减少。"
    )
    assert not any(f.metric.endswith("_forecast") for f in facts(text))


def test_every_clause_of_a_breakdown_of_a_forecast_is_foreseen() -> None:
    text = (
        "假期三天，全国预计发送旅客总量7321.5万人次，同比下降12.2%。"
        "其中，铁路发送旅客1234.5万人次，同比下降11.1%；公路发送旅客5432万人次，同比下降13.3%。"
    )
    assert at(facts(text), "-13.3").metric.endswith("_yoy_forecast")


def test_a_numbered_point_ends_the_forecast_before_it() -> None:
    text = (
        "美国银行表示，看好今年的锌价。预计锌现货价格今年平均为每吨3125美元，比2021年的平均"
        "水平上涨12％；④ 当地时间下午4:10，伦敦金属交易所锌价上涨0.8％，结算价报每吨3412.5美元。"
    )
    found = facts(text)
    assert not any(f.value == Decimal("0.8") and "_forecast" in f.metric for f in found)


def test_the_state_a_planned_reorganisation_leaves_is_planned() -> None:
    text = (
        "记者获悉，澜石科技计划把48个区域公司合并调整为30个左右。"
        "调整后，区域公司的适度规模为60亿-80亿左右。"
    )
    assert at(facts(text), "6000000000").metric.endswith("_forecast")


def test_a_change_on_the_week_before_is_no_growth_on_the_year() -> None:
    text = (
        "澜石科技周报显示，上周该市新增确诊病例比前一周上升40.2%，住院病例增长12.4%，"
        "重症病例增长8.3%。"
    )
    found = facts(text)
    assert at(found, "12.4").metric.endswith("_qoq")


def test_the_parts_of_a_whole_grown_since_the_quarter_before_are_so_too() -> None:
    text = (
        "2023年9月末，中国对外资产81234亿美元，较6月末增长0.4%。其中，直接投资资产21345亿美元，"
        "增长0.2%；储备资产31234亿美元，增长0.7%。"
    )
    assert at(facts(text), "0.7").metric == "储备资产_qoq"


def test_a_quotes_move_within_a_session_is_no_growth_on_the_year() -> None:
    found = facts("美股期货跌幅收窄，纳斯达克100合约上涨0.2％。")
    assert not any(f.metric.endswith("_yoy") for f in found)
    text = (
        "美国银行称看好锌价。当地时间下午4:12，伦敦金属交易所锌价上涨0.7％，"
        "结算价报每吨3412.5美元。"
    )
    found = facts(text)
    assert not any(f.metric.endswith("_yoy") for f in found)


def test_a_figure_asked_or_rumoured_is_no_fact() -> None:
    assert not any(f.value == 70 for f in facts("【澜石科技保费暴涨70%？多家公司回应】"))
    assert not any(f.value == 40 for f in facts("【网传澜石科技保费上涨超40% 多家公司回应不实】"))


def test_a_word_naming_no_measure_is_no_metric() -> None:
    found = facts("澜石科技：12月新能源汽车销量81234辆；本年累计512345辆，同比增长123.4%。")
    assert not any(f.value == 512345 for f in found)


def test_an_analysts_estimate_alone_is_no_metric() -> None:
    found = facts("欧元区11月份CPI初值同比上升4.9%; 分析师预估上升4.7%。")
    assert not any(f.value == Decimal("4.7") for f in found)
