"""Statistical bulletins' prose: levels, their bare changes and yearly averages, subjects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_dates

TODAY = dt.date(2025, 5, 15)


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text, title=title, published_at=published or dt.date(2025, 5, 15), entities=entities
    )


def by_value(found: list[ExtractedFact]) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in found}


def test_bare_change_after_a_level_is_the_levels(entities: EntityDictionary) -> None:
    text = (
        "2024年全国棉花种植面积3000万公顷，比上年增加50万公顷。其中，早稻种植面积500万公顷，"
        "减少12万公顷；晚稻种植面积800万公顷，增加9万公顷。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("-120000")].metric == "早稻种植面积_yoy_change"
    assert got[Decimal("-120000")].subject == "中国"
    assert got[Decimal("90000")].metric == "晚稻种植面积_yoy_change"
    assert got[Decimal("90000")].as_of == dt.date(2024, 12, 31)


def test_change_against_a_named_year_is_no_yoy(entities: EntityDictionary) -> None:
    text = "2024年底，全国常住人口城镇化率为67.00%，比2012年末提高了14.1个百分点。"
    got = by_value(facts(text, entities))
    assert got[Decimal("14.1")].metric.endswith("常住人口城镇化率_change")
    assert got[Decimal("14.1")].unit == "pp"


def test_yearly_average_after_a_level(entities: EntityDictionary) -> None:
    text = (
        "2024年，全国蔬菜产量达80000万吨，比2014年增加16000万吨，2015—2024年年均增长2.4%；"
        "水果产量31000万吨 [8] ，增加8000万吨，年均增长3.1%。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("2.4")].metric.endswith("蔬菜产量_cagr")
    assert got[Decimal("3.1")].metric == "水果产量_cagr"
    assert got[Decimal("80000000")].metric == "水果产量_change"  # after a footnote mark
    assert got[Decimal("160000000")].metric.endswith("蔬菜产量_change")  # base 2014, not yoy


def test_yearly_average_of_people_and_of_a_named_rate(entities: EntityDictionary) -> None:
    text = (
        "改革开放后，我国城镇人口达到9.4亿人，比1980年增加7.5亿人，平均每年增加1700万人。"
        "2001—2010年是快速发展期，城镇化率年均提高1.3个百分点；这期间平均每年提高0.5个百分点。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("17000000")].metric.endswith("城镇人口_avg_annual_change")
    assert got[Decimal("17000000")].unit == "count"
    assert got[Decimal("1.3")].metric == "城镇化率_avg_annual_change"
    assert got[Decimal("1.3")].subject == "中国"
    assert Decimal("0.5") not in got  # 这期间 names a span, not a figure


def test_national_statistics_phrases_are_no_companies(entities: EntityDictionary) -> None:
    title = "城镇化水平稳步提高：2024年城镇人口增至9.4亿"
    text = (
        "改革开放前，城镇化进程较慢。改革开放后，我国城镇化稳步推进。"
        "2024年城镇人口达到9.4亿人，比1980年增加7.5亿人。"
    )
    got = by_value(facts(text, entities, title=title))
    assert got[Decimal("940000000")].subject == "中国"
    assert got[Decimal("750000000")].subject == "中国"


def test_first_months_of_a_year_are_one_period() -> None:
    found = parse_dates("2024年前五个月，全国铁路货运量同比增长1.1%；2023年前三季度…", today=TODAY)
    assert [(d.start, d.end, d.granularity) for d in found] == [
        (dt.date(2024, 1, 1), dt.date(2024, 5, 31), "month"),
        (dt.date(2023, 1, 1), dt.date(2023, 9, 30), "month"),
    ]


def test_a_bulletin_titled_by_the_republic_and_a_year(entities: EntityDictionary) -> None:
    title = "中华人民共和国2023年农业生产情况"
    text = (
        "全年油菜种植面积700万公顷，比上年增加20万公顷。全年大豆产量2100万吨，比上年增产2.8%。"
        "全年甘蔗产量10000万吨，比上年减产1.5%。"
    )
    got = by_value(facts(text, entities, title=title, published=dt.date(2024, 2, 28)))
    level = got[Decimal("7000000")]
    assert (level.subject, level.metric) == ("中国", "油菜种植面积")
    assert got[Decimal("2.8")].metric == "大豆产量_yoy"
    assert got[Decimal("-1.5")].metric == "甘蔗产量_yoy"


def test_index_levels_and_coefficients_under_their_own_names(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，2021年的CPI同比为100.90；2022年中国交通工具居民消费价格指数"
        "(上年=100)为103.50。2024年一季度，我国能源消费弹性系数仅为0.52。"
    )
    got = by_value(facts(text, entities))
    assert (got[Decimal("100.90")].metric, got[Decimal("100.90")].as_of) == (
        "CPI同比",
        dt.date(2021, 12, 31),
    )
    assert got[Decimal("103.50")].metric == "交通工具居民消费价格指数"  # 中国 is the subject
    assert got[Decimal("103.50")].subject == "中国"
    assert got[Decimal("0.52")].metric == "能源消费弹性系数"


def test_a_level_reached_with_a_footnote_mark(entities: EntityDictionary) -> None:
    text = (
        "2022年，我国粮食播种面积[3]达到17.8亿亩。2022年末，全国常住人口城镇化率已经达到了"
        "65.22%，比2012年末提高了11.1个百分点。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("1780000000")].metric == "粮食播种面积"
    assert got[Decimal("65.22")].metric == "常住人口城镇化率"
    assert got[Decimal("11.1")].metric == "常住人口城镇化率_change"


def test_a_result_beating_expectations_is_no_forecast(entities: EntityDictionary) -> None:
    text = "业绩超出预期，比亚迪第一季度营收为1704亿元。"
    got = by_value(facts(text, entities))
    assert got[Decimal("170400000000")].metric == "revenue"


def test_rates_by_tenor(entities: EntityDictionary) -> None:
    text = "据财政部数据，截至5月3日，5年期国债收益率为1.48%，10年期为1.71%、30年期为1.93%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("1.48")].metric == "5年期国债收益率"
    assert got[Decimal("1.71")].metric == "10年期国债收益率"
    assert got[Decimal("1.93")].metric == "30年期国债收益率"
    assert got[Decimal("1.71")].as_of == dt.date(2025, 5, 3)


def test_a_rates_change_in_points_without_its_level(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，2023年，我国这个城镇化率提高了0.94个百分点；"
        "6月份，非制造业PMI较上月回落0.3个百分点。食品价格下降1.2%，影响CPI下降约0.22个百分点。"
    )
    got = by_value(facts(text, entities))
    assert (got[Decimal("0.94")].subject, got[Decimal("0.94")].metric) == (
        "中国",
        "城镇化率_change",
    )
    assert got[Decimal("-0.3")].metric == "非制造业PMI_change"
    # a contribution to CPI, not CPI's change
    assert not any(f.metric.startswith("CPI") for f in got.values())
    assert got[Decimal("-0.22")].metric == "食品价格对CPI影响"


def test_a_share_names_its_part_and_whole(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，2024年，全国数字经济核心产业增加值占国内生产总值的比重为10.2%，"
        "服务业增加值仅占全部增加值的比例为55.1%。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("10.2")].metric == "数字经济核心产业增加值占国内生产总值比重"
    assert got[Decimal("55.1")].metric == "服务业增加值占全部增加值比重"


def test_a_growth_said_to_be_only_so_much(entities: EntityDictionary) -> None:
    text = "一季度，全国城乡居民生活用电量同比仅增长1.8%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("1.8")].metric == "城乡居民生活用电量_yoy"


def test_a_multiple_of_a_base_years_level(entities: EntityDictionary) -> None:
    text = (
        "2023年，我国蔬菜播种面积[4]达到3.4亿亩，比1978年增长了9.6倍。"
        "2023年全国糖料产量11376万吨，比1949年的283万吨增长39.2倍。"
    )
    got = by_value(facts(text, entities))
    assert (got[Decimal("9.6")].metric, got[Decimal("9.6")].unit) == (
        "蔬菜播种面积_change",
        "times",
    )
    assert got[Decimal("39.2")].metric == "糖料产量_change"


def test_government_bond_issuance_and_net_financing(entities: EntityDictionary) -> None:
    text = (
        "财政部数据显示，前4个月，国债累计发行4.5万亿元，净融资2.1万亿元；地方债累计发行3.6万亿元。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("4500000000000")].metric == "国债累计发行"
    assert got[Decimal("2100000000000")].metric == "国债净融资"
    assert got[Decimal("2100000000000")].subject == "中国"
    assert got[Decimal("3600000000000")].metric == "地方债累计发行"


def test_a_paragraphs_view_says_which_comparison_bare_changes_are(
    entities: EntityDictionary,
) -> None:
    text = (
        "国家统计局数据显示，4月份，从环比看，PPI由上月下降0.2%转为上涨0.3%。其中，"
        "生产资料价格上涨0.4%。从同比看，PPI下降1.6%，生活资料价格下降0.9%。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("0.3")].metric == "PPI_qoq"
    assert got[Decimal("0.4")].metric == "生产资料价格_qoq"
    assert got[Decimal("-1.6")].metric == "PPI_yoy"
    assert got[Decimal("-0.9")].metric == "生活资料价格_yoy"


def test_a_name_read_across_a_word_ends_no_label(entities: EntityDictionary) -> None:
    text = "国家统计局数据显示，5月份，能源价格下行，其中石油和天然气开采业价格下降4.2%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("-4.2")].metric == "石油和天然气开采业价格_yoy"
    assert got[Decimal("-4.2")].subject == "中国"


def test_a_price_index_part_is_no_listed_name(entities: EntityDictionary) -> None:
    text = "2025年2月份，全国居民消费价格同比下降0.4%。其中，城市下降0.3%，农村下降0.6%。"
    found = facts(text, entities)
    assert {f.subject for f in found} == {"中国"}


def test_a_share_of_a_whole_not_named(entities: EntityDictionary) -> None:
    text = "2020年，全国流向城镇的流动人口中，东部地区吸纳跨省流动人口9000万人，占比达到72.10%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("72.10")].metric == "东部地区吸纳跨省流动人口占比"


def test_each_quarters_figure_in_turn(entities: EntityDictionary) -> None:
    text = "2023年，我国全社会用电量逐季回升，各季度用电量同比分别增长3.6%、6.4%、6.6%和10.0%。"
    got = by_value(facts(text, entities))
    assert [got[Decimal(v)].as_of for v in ("3.6", "6.4", "6.6", "10.0")] == [
        dt.date(2023, 3, 31),
        dt.date(2023, 6, 30),
        dt.date(2023, 9, 30),
        dt.date(2023, 12, 31),
    ]
    assert {got[Decimal(v)].metric for v in ("3.6", "10.0")} == {"用电量_yoy"}


def test_a_list_turned_from_last_months_changes(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，8月份，食品中，牛肉和羊肉价格分别由上月下降5.1%和2.2%转为上涨1.4%和0.6%，"
        "鲜果和食用油价格分别由上月上涨1.0%和0.3%转为下降2.5%和0.4%。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("1.4")].metric == "牛肉价格_yoy"
    assert got[Decimal("0.6")].metric == "羊肉价格_yoy"
    assert got[Decimal("-2.5")].metric == "鲜果价格_yoy"
    assert got[Decimal("-0.4")].metric == "食用油价格_yoy"
    assert Decimal("5.1") not in got and Decimal("-5.1") not in got  # last month's


def test_a_span_of_years_and_a_comparison_are_no_figures(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，从1980年到2023年，城镇化率40多年提高了45.5个百分点。"
        "2025年一季度用电量日均同比增长3.9%，略高于上年四季度增速3.8%。"
    )
    got = by_value(facts(text, entities))
    assert Decimal("40") not in got
    assert Decimal("3.8") not in got
    assert got[Decimal("45.5")].metric == "城镇化率_change"


def test_a_level_reached_by_a_change(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，今年一季度，全国电力弹性系数（季度）大幅下降至0.51；"
        "当前我国户籍人口城镇化率还仅达到49%左右。\n2023年，其高压电缆收入占比提升至18%。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("0.51")].metric == "电力弹性系数"
    assert got[Decimal("49")].metric == "户籍人口城镇化率"
    assert Decimal("18") not in got  # 其: someone the text names, not China


def test_a_share_after_a_growth_is_the_grown_figures(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，2025年一季度，全国铁路货物发送量同比增长2.9%，其中集装箱运输增长18.6%，"
        "占铁路货运总量的40.3%，较去年同期提升2.7个百分点。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("40.3")].metric == "集装箱运输占铁路货运总量比例"
    assert got[Decimal("2.7")].metric == "集装箱运输占铁路货运总量比例_change"


def test_figures_owned_in_turn(entities: EntityDictionary) -> None:
    text = "国家统计局数据显示，2024年，四川和浙江的电力弹性系数分别为1.9和1.3。"
    got = by_value(facts(text, entities))
    assert (got[Decimal("1.9")].subject, got[Decimal("1.9")].metric) == ("四川", "电力弹性系数")
    assert got[Decimal("1.3")].subject == "浙江"


def test_a_year_ago_figure_is_not_this_periods(entities: EntityDictionary) -> None:
    text = "比亚迪第一季度的营收为1704亿元，超出预期，去年同期的营收为1250亿元。"
    got = by_value(facts(text, entities))
    assert got[Decimal("170400000000")].metric == "revenue"
    assert Decimal("125000000000") not in got
