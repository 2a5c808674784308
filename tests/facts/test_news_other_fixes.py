"""Metrics, kinds and units short news items showed wrong: a growth named by a base figure, a
conjunction, a holiday or a bound; 按年 as a growth's base; a span's or an index's move filed as
a growth on the year; a growth against an earlier year; a threshold firms are counted by; a
rate per thousand; a bare head count; a fall from an earlier peak; an income per head filed as
revenue; the month a chance is for; a price index's rise filed as a security's move."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
        EntityRecord("云岭酒业", "company", market="cn_a"),
    ]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_base_figure_or_a_conjunction_names_no_growth() -> None:
    found = _read("青禾股份公告，2023年3月公司售出4120台设备，销量较去年同期的5230台同比下降21%。")
    assert not [f for f in found if "台" in f.metric]
    said = _read(
        "青禾股份预计2023年实现营业收入31.2亿元-33.5亿元，虽然同比增长12.4%-15.6%，但费用增长更快。"
    )
    assert at(said, "12.4").metric == "revenue_yoy_forecast"


def test_a_holiday_alone_names_no_figure() -> None:
    found = _read(
        "海滨市免税店春节期间销售额增长明显，大年初三当天突破1.35亿元，同比增长17%，创单日新高。"
    )
    assert not [f for f in found if "初三" in f.metric]


def test_a_bound_is_no_part_of_a_forecast_growth() -> None:
    found = _read("另外，云岭酒业发盈喜，预料去年的盈利最少增长55%，符合市场预期。")
    assert at(found, "55").metric == "盈利_yoy_forecast"


def test_an_an_nian_growth_is_year_on_year() -> None:
    found = _read("2023年，青禾股份全年的净利润达到12.6亿元，按年大增37.5%，公司提高了派息。")
    assert at(found, "37.5").metric == "net_profit_yoy"


def test_a_week_or_an_index_move_is_no_growth_on_the_year() -> None:
    week = _read("周五，标普500指数收涨1.2%，报4210.5点，本周累计上涨0.64%。")
    assert at(week, "0.64").metric == "本周涨跌幅"
    index = _read("受数据提振，某国主要股指走高。 甲城综合指数上涨0.9%，至5120.4点。")
    moved = at(index, "0.9")
    assert (moved.subject, moved.metric) == ("甲城综合指数", "change_pct")


def test_a_growth_against_an_earlier_year_is_named_by_that_year() -> None:
    found = _read(
        "财政部表示，虽然2023年全国税收收入超过预算，但是与2021年相比，税收收入增长5.2%，"
        "两年平均增长2.6%。"
    )
    assert at(found, "5.2").metric == "税收收入较2021年增幅"
    assert at(found, "2.6").metric == "税收收入两年平均_yoy"
    yearly = _read("到2023年年末，全国肉牛存栏达到了1.12亿头，比2022年增长4.1%。")
    assert at(yearly, "4.1").metric.endswith("_yoy")


def test_a_threshold_firms_are_counted_by_is_no_figure() -> None:
    policy = _read(
        "对2023年在库企业月度营业额增量达500万元及以上的各类企业，单月奖励8万元，"
        "餐费收入增量80万元以上的企业，单月奖励3万元。"
    )
    assert not [f for f in policy if f.value in (5000000, 800000)]


def test_a_rate_per_thousand_keeps_its_unit() -> None:
    found = _read("2023年，贵州省出生人口41万人，人口出生率为6.83‰；人口死亡率为7.95‰。")
    assert at(found, "6.83").unit == "‰"
    assert at(found, "7.95").unit == "‰"


def test_a_bare_head_count_is_named_by_the_clause_before() -> None:
    found = _read(
        "某部长表示，我国户外运动发展迅速。“数据显示，参与户外徒步运动的人数已经达到了1.8亿。"
    )
    assert at(found, "180000000").metric == "参与户外徒步运动的人数"


def test_a_fall_from_an_earlier_peak_is_no_move() -> None:
    found = _read("云岭酒业股价周一下跌。其较3月份的纪录高点跌幅达到25%左右。")
    assert not [f for f in found if f.metric == "change_pct"]


def test_an_income_per_head_is_no_revenue() -> None:
    found = _read(
        "2023年，甲市城镇居民人均可支配收入61200元，农村居民人均可支配收入28400元；"
        "人均经营净收入1210元，同比增长6.2%。"
    )
    assert at(found, "61200").metric == "城镇居民人均可支配收入"
    assert at(found, "28400").metric == "农村居民人均可支配收入"
    assert at(found, "1210").metric == "人均经营净收入"
    assert at(found, "6.2").metric == "人均经营净收入_yoy"


def test_a_chance_keeps_the_month_it_is_for() -> None:
    found = _read(
        "据某观察工具：美联储6月加息25个基点的概率为71.3%，加息50个基点的概率为28.7%；"
        "7月加息25个基点的概率为42.2%。"
    )
    assert at(found, "71.3").period == "6月"
    assert at(found, "28.7").period == "6月"
    assert at(found, "42.2").period == "7月"


def test_a_price_index_rise_is_its_growth_on_the_year() -> None:
    found = _read(
        "2024年，贵州省主要预期目标是地区生产总值增长5.5%左右，居民消费价格涨幅2.5%左右。"
    )
    assert at(found, "2.5").metric == "居民消费价格_yoy_forecast"


def test_a_part_listed_after_another_part_keeps_the_whole() -> None:
    found = _read(
        "2023年全国实际使用外资金额9800亿元，同比增长4.1%。高技术产业引资较快，实际使用外资"
        "同比增长11.3%，其中高技术制造业增长6.4%，高技术服务业增长13.8%。"
    )
    assert (at(found, "6.4").metric, at(found, "6.4").object) == (
        "实际使用外资_yoy",
        "高技术制造业",
    )
    assert (at(found, "13.8").metric, at(found, "13.8").object) == (
        "实际使用外资_yoy",
        "高技术服务业",
    )
