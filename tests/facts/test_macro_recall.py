"""Macro prose the bulletin readers missed: outlooks by crop year, yields, restated levels."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text, title=title, published_at=published or dt.date(2025, 6, 10), entities=entities
    )


def by_value(found: list[ExtractedFact]) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in found}


def test_growth_against_last_crop_year(entities: EntityDictionary) -> None:
    text = "本月预测，2025/26年度，中国小麦播种面积23100千公顷，较上年度增长2%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("2")].metric == "小麦播种面积_yoy_forecast"
    assert got[Decimal("2")].subject == "中国"


def test_change_after_a_level_restated_in_other_units(entities: EntityDictionary) -> None:
    text = (
        "本月预测，2025/26年度，中国稻谷种植面积29000千公顷（4.35亿亩），"
        "较上年度减少150千公顷（225万亩），主要是效益偏低。"
    )
    got = by_value(facts(text, entities))  # 150千公顷: 150,000 hectares
    assert got[Decimal("-150000")].metric == "稻谷种植面积_yoy_change_forecast"
    assert got[Decimal("-150000")].as_of == dt.date(2025, 12, 31)


def test_rate_of_a_change_just_stated(entities: EntityDictionary) -> None:
    text = (
        "农业农村部本月预测，2025/26年度，中国稻谷种植面积29000千公顷（4.35亿亩），"
        "较上年度增加150千公顷（225万亩），增幅0.5%，主要是效益提高。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("0.5")].metric == "稻谷种植面积_yoy_forecast"


def test_growth_after_a_level_restated_in_other_units(entities: EntityDictionary) -> None:
    text = "本月预测，2025/26年度，中国油菜籽播种面积为7000千公顷（10500.0万亩），较上年度增2.2%。"
    got = by_value(facts(text, entities))
    assert got[Decimal("2.2")].metric == "油菜籽播种面积_yoy_forecast"


def test_outlook_said_with_jiang_in_a_release(entities: EntityDictionary) -> None:
    text = "农业农村部预计，2026年全国棉花产量将达到600万吨，与上年基本持平。"
    got = by_value(facts(text, entities))
    assert got[Decimal("6000000")].metric == "棉花产量_forecast"
    assert got[Decimal("6000000")].subject == "中国"
    assert got[Decimal("6000000")].as_of == dt.date(2026, 12, 31)


def test_jiang_in_a_company_text_is_no_figure(entities: EntityDictionary) -> None:
    text = "如果公司营收目标实现，那么每股收益将达到12.30元，市盈率随之下降。"
    assert not [f for f in facts(text, entities) if f.value == Decimal("12.30")]
    # stated of a named company without the condition, it is the company's
    found = facts("远山科技每股收益达到12.30元，市盈率随之下降。", entities)
    assert [(f.subject, f.metric) for f in found if f.value == Decimal("12.30")] == [
        ("远山科技", "eps")
    ]


def test_crop_yield_per_unit_of_land(entities: EntityDictionary) -> None:
    text = (
        "报告预计，2026年粮食单产继续提高，为400千克/亩。预计2025/26年度中国花生播种面积"
        "4800千公顷，较上年度增长3%；单产每公顷3900公斤，较上年度提高0.5%；产量保持在1800万吨以上。"
        "预计玉米单产每公顷6700公斤（每亩447公斤），较上年度稳中有增。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("400")].metric == "粮食单产_forecast"
    assert got[Decimal("400")].as_of == dt.date(2026, 12, 31)
    # the crop of the sentence; forecast, as the 预计 that opens the sentence says
    assert got[Decimal("3900")].metric == "花生单产每公顷_forecast"
    assert got[Decimal("18000000")].metric == "花生产量_forecast"
    assert got[Decimal("0.5")].metric == "花生单产每公顷_yoy_forecast"
    assert got[Decimal("6700")].metric == "玉米单产每公顷_forecast"
    assert Decimal("447") not in got


def test_bare_month_takes_the_year_its_title_names(entities: EntityDictionary) -> None:
    text = "3月份，全国PPI同比下降1.8%，其中家具制造业价格同比上涨0.9%。"
    title = "2022年3月PPI同比变化如何？"
    got = by_value(facts(text, entities, title=title, published=dt.date(2024, 6, 1)))
    assert got[Decimal("0.9")].as_of == dt.date(2022, 3, 31)
    # another month than the title's keeps the publication's year
    other = by_value(facts("5月份，全国PPI同比下降1.8%。", entities, title=title))
    assert other[Decimal("-1.8")].as_of == dt.date(2025, 5, 31)


def test_level_said_with_jiang_zhi_and_dang_nian(entities: EntityDictionary) -> None:
    text = "2016年，重工业用电首次下降，导致当年全国电力弹性系数降至0.22。"
    got = by_value(facts(text, entities))
    assert got[Decimal("0.22")].metric == "全国电力弹性系数" or (
        got[Decimal("0.22")].metric == "电力弹性系数"
    )
    assert got[Decimal("0.22")].as_of == dt.date(2016, 12, 31)


def test_a_bound_that_describes_what_follows_is_no_figure(entities: EntityDictionary) -> None:
    text = "2016年，全国用电量占比超过60%的制造业用电首次下降，电力弹性系数为0.22。"
    assert Decimal("60") not in by_value(facts(text, entities))


def test_five_year_plans_date_their_figures(entities: EntityDictionary) -> None:
    text = (
        "我国能源消费弹性系数总体下降，“九五”期间能源消费弹性系数平均约0.9，“十五”升至1.5，"
        "“十一五”降至0.6。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("0.9")].metric == "能源消费弹性系数"
    assert got[Decimal("0.9")].as_of == dt.date(2000, 12, 31)
    assert got[Decimal("1.5")].metric == "能源消费弹性系数"
    assert got[Decimal("1.5")].as_of == dt.date(2005, 12, 31)
    assert got[Decimal("0.6")].as_of == dt.date(2010, 12, 31)
    assert got[Decimal("0.6")].subject == "中国"


def test_a_plan_naming_a_project_dates_nothing(entities: EntityDictionary) -> None:
    text = "2024年，全国煤炭产量为47亿吨。“十四五”技改项目拟投资约150亿元。"
    from touyan.facts.bulletin import plan_mentions

    assert plan_mentions(text) == []
    assert [d.text for d in plan_mentions("“十四五”期间增长")] == ["“十四五”期间"]


def test_series_label_written_with_zai(entities: EntityDictionary) -> None:
    text = "据世界银行数据，全球城镇化率在1990年为43.0%，2020年提高到56.2%。"
    got = by_value(facts(text, entities))
    assert (got[Decimal("43.0")].subject, got[Decimal("43.0")].metric) == ("全球", "城镇化率")
    assert got[Decimal("56.2")].metric == "城镇化率"
    assert got[Decimal("56.2")].as_of == dt.date(2020, 12, 31)


def test_points_change_over_a_span_of_years(entities: EntityDictionary) -> None:
    text = "从结构看，我国服务业增加值占比从2012年到2024年提高了11个百分点。"
    got = by_value(facts(text, entities))
    assert got[Decimal("11")].metric.endswith("_change")
    assert got[Decimal("11")].unit == "pp"
    assert got[Decimal("11")].as_of == dt.date(2024, 12, 31)


def test_the_base_years_level_of_the_figure_just_stated(entities: EntityDictionary) -> None:
    text = (
        "2024年全国茶叶产量350万吨，比1978年的27万吨增长11.9倍。"
        "目前我国常住人口城镇化率达到67%。较之2000年的36.2%，提升明显。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("270000")].metric == "茶叶产量"
    assert got[Decimal("270000")].as_of == dt.date(1978, 12, 31)
    assert got[Decimal("11.9")].metric == "茶叶产量_change"  # still the change of 2024's level
    assert got[Decimal("36.2")].metric == "常住人口城镇化率"
    assert got[Decimal("36.2")].as_of == dt.date(2000, 12, 31)


def test_a_components_contribution_to_the_index(entities: EntityDictionary) -> None:
    text = (
        "从环比看，5月份CPI下降0.1%。其中，食品价格是由上月上涨0.3%转为下降0.8%，"
        "影响CPI环比下降约0.15个百分点。"
    )
    got = by_value(facts(text, entities, title="全国居民消费价格变动情况"))
    assert got[Decimal("-0.8")].metric == "食品价格_qoq"  # 是由…转为
    assert got[Decimal("-0.15")].metric == "食品价格对CPI环比影响"
    assert got[Decimal("-0.15")].unit == "pp"
    assert got[Decimal("-0.15")].as_of == dt.date(2025, 5, 31)


def test_temperature_and_its_departure_from_normal(entities: EntityDictionary) -> None:
    text = (
        "2025年1月，全国平均气温为-3.1℃，较常年同期偏高1.2℃；"
        "全国降水量为9.5毫米，较常年同期偏少30%。"
    )
    got = by_value(facts(text, entities, title="国家气候中心：全国气候概况"))
    assert got[Decimal("-3.1")].metric == "平均气温"
    assert got[Decimal("-3.1")].as_of == dt.date(2025, 1, 31)
    assert got[Decimal("1.2")].metric == "平均气温_anomaly"
    assert got[Decimal("-30")].metric == "降水量_anomaly"


def test_levels_listed_with_fenbie_and_their_changes(entities: EntityDictionary) -> None:
    text = "2024年，全国冬小麦和油菜籽产量分别为2700亿斤和310亿斤，比上年减少12亿斤和3亿斤。"
    got = by_value(facts(text, entities, title="2024年全国夏粮产量情况"))
    assert got[Decimal("270000000000")].metric == "冬小麦产量"
    assert got[Decimal("31000000000")].metric == "油菜籽产量"
    assert got[Decimal("-1200000000")].metric == "冬小麦产量_yoy_change"
    assert got[Decimal("-300000000")].metric == "油菜籽产量_yoy_change"
    assert got[Decimal("-300000000")].as_of == dt.date(2024, 12, 31)


def test_names_listed_with_fenbie_give_no_levels(entities: EntityDictionary) -> None:
    text = "2024年，全国甲地和乙地分别为270亿元和31亿元。"
    assert not facts(text, entities, title="2024年全国统计情况")


def test_an_index_written_with_its_base_period(entities: EntityDictionary) -> None:
    text = "截止2022年中国畜牧业农业生产指数(2004-2006=100)为128.40。"
    got = by_value(facts(text, entities, title="2022年中国畜牧业农业生产指数"))
    assert got[Decimal("128.40")].metric == "畜牧业农业生产指数"
    assert got[Decimal("128.40")].as_of == dt.date(2022, 12, 31)


def test_industries_introduced_with_de_you(entities: EntityDictionary) -> None:
    text = (
        "从同比看，PPI下降1.5%。主要行业中，价格降幅收窄的有纺织业下降2.1%，收窄0.6个百分点；"
        "价格涨幅扩大的有色金属矿采选业上涨8.0%，扩大1.1个百分点。"
    )
    got = by_value(facts(text, entities, title="国家统计局解读全国PPI数据"))
    assert got[Decimal("-2.1")].metric == "纺织业_yoy"
    assert got[Decimal("8.0")].metric == "有色金属矿采选业_yoy"  # 有 belongs to 有色


def test_list_items_share_the_last_items_measure(entities: EntityDictionary) -> None:
    text = (
        "2024年，能源价格比上年下降0.3%，其中汽油和柴油价格分别下降1.1%和1.4%。"
        "展望期内，鸡肉、鸭肉和鹅肉产量年均分别增长1.2%、0.8%和0.5%。"
        "同期，全国全社会用电量仅同比增长2.1%，明显低于经济增速。"
    )
    got = by_value(facts(text, entities, title="国家统计局：全国能源价格"))
    assert got[Decimal("-1.1")].metric == "汽油价格_yoy"
    assert got[Decimal("1.2")].metric == "鸡肉产量_cagr"
    assert got[Decimal("0.5")].metric == "鹅肉产量_cagr"
    assert got[Decimal("2.1")].metric == "全社会用电量_yoy"  # 仅 is no part of the name


def test_a_rate_said_above_a_bound_then_at_a_year(entities: EntityDictionary) -> None:
    text = (
        "2023年全国GDP增速为5.2%。国家能源局数据显示，2018年以来，"
        "我国能源消费弹性系数一直低于1，2023年仅为0.6。"
    )
    got = by_value(facts(text, entities))
    assert got[Decimal("0.6")].metric == "能源消费弹性系数"
    assert got[Decimal("0.6")].subject == "中国"
    assert got[Decimal("0.6")].as_of == dt.date(2023, 12, 31)
    assert Decimal("1") not in got  # the bound is no figure


def test_a_quarters_base_year_level_is_not_the_years(entities: EntityDictionary) -> None:
    text = "2025年一季度，全国规模以上工业利润为1.5万亿元，较2024年的1.4万亿元增长7%。"
    got = by_value(facts(text, entities, title="国家统计局：全国工业利润"))
    assert Decimal("1400000000000") not in got
