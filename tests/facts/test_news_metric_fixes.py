"""Metrics, values and signs short news items showed wrong: a forecast range whose ends write
different scales (or both a minus), a growth named only by its kind (两年平均, 实际), a stake
given up filed as a rise, a span of months read as a count, what a lock-up frees filed as a
market value, a name closed by a long aside, a good's price move filed as the stock's, and an
impact named without what it is of."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import parse_numbers

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
        EntityRecord("云岭酒业", "company", market="cn_a"),
    ]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_range_whose_ends_write_different_scales_is_one_figure() -> None:
    (q,) = parse_numbers("预计净利润7000万元至1.25亿元")
    assert (q.value, q.high, q.unit) == (Decimal(70000000), Decimal(125000000), "money")
    (dash,) = parse_numbers("净利润6400万元-1.3亿元")
    assert (dash.value, dash.high) == (Decimal(64000000), Decimal(130000000))
    # falling the other way, the two figures stay apart
    assert len(parse_numbers("1.6亿元-2.5万元")) == 2


def test_a_loss_range_with_a_minus_on_both_ends_runs_from_the_larger_loss() -> None:
    (q,) = parse_numbers("净利润为-36亿元到-41亿元")
    assert (q.value, q.high) == (Decimal(-4100000000), Decimal(-3600000000))
    (up,) = parse_numbers("影响金额约-12.5亿元至-8.3亿元")
    assert (up.value, up.high) == (Decimal(-1250000000), Decimal(-830000000))
    (worded,) = parse_numbers("净亏损16.2亿元至11.4亿元")
    assert (worded.value, worded.high) == (Decimal(-1620000000), Decimal(-1140000000))


def test_a_forecast_range_across_scales_keeps_its_label() -> None:
    facts = _read(
        "青禾股份公告，预计2021年归属于母公司所有者的净利润7000万元至1.25亿元，同比增长61.2%至98.4%。"
    )
    profit = at(facts, "70000000")
    assert (profit.metric, profit.high) == ("net_profit_forecast", Decimal(125000000))
    assert at(facts, "61.2").metric == "net_profit_yoy_forecast"


def test_a_growth_named_only_by_its_kind_is_the_growth_of_the_level_before() -> None:
    facts = _read(
        "根据统一核算结果，2021年江西实现地区生产总值5100.4亿元，同比增长8.1%，两年平均增长5.7%。"
        "其中，第一产业实现增加值410.3亿元，同比增长6.6%，两年平均增长4.9%；"
        "第二产业增加值2030.8亿元，增长7.2%，两年平均增长5.5%。"
    )
    assert at(facts, "5.7").metric == "地区生产总值两年平均_yoy"
    assert at(facts, "4.9").metric == "第一产业增加值两年平均_yoy"
    assert at(facts, "5.5").metric == "第二产业增加值两年平均_yoy"


def test_a_real_or_nominal_growth_names_what_grew() -> None:
    facts = _read(
        "初步测算，2021年全国专利转化经费投入为3120亿元，比上年增长11.6%，扣除价格因素，实际增长7.3%。"
    )
    assert at(facts, "7.3").metric == "专利转化经费投入实际_yoy"
    income = _read(
        "全年全国居民人均消费支出21000元，比上年名义增长12.1%，两年平均名义增长5.2%；"
        "扣除价格因素实际增长11.4%，两年平均增长3.9%。"
    )
    assert at(income, "5.2").metric == "居民人均消费支出两年平均名义_yoy"
    assert at(income, "11.4").metric == "居民人均消费支出实际_yoy"
    assert at(income, "3.9").metric == "居民人均消费支出两年平均_yoy"


def test_a_growth_of_nothing_named_is_dropped() -> None:
    # the level before (达到…) names nothing: 两年平均 alone is no figure's name
    facts = _read(
        "据发布会消息，江西全年地区生产总值突破3万亿元，达到30391.3亿元，比上年增长6.2%，"
        "增速比上年加快2.1个百分点，两年平均增长4.4%。"
    )
    assert all(f.value != Decimal("4.4") for f in facts)


def test_a_stake_sold_is_a_fall_and_a_stake_held_is_the_stake() -> None:
    sold = _read(
        "青禾股份公告，股东甲泉投资通过集中竞价及大宗交易方式累计减持股份150.2万股，占公司总股本的1.87%。"
    )
    assert at(sold, "-1.87").metric == "stake_change_pct"
    bought = _read(
        "青禾股份公告，股东甲泉投资通过集中竞价累计增持股份150.2万股，占公司总股本的1.87%。"
    )
    assert at(bought, "1.87").metric == "stake_change_pct"
    held = _read("青禾股份公告，股东王某持有公司股票830.5万股，占公司总股本的6.42%。")
    assert at(held, "6.42").metric == "stake_pct"


def test_a_stake_given_away_after_its_share_is_a_fall() -> None:
    given = _read(
        "青禾股份公告，控股股东甲泉投资拟将其持有的公司无限售流通股1200万股(占公司总股本的4%)"
        "以每股7.1元价格通过协议转让给乙川资本。"
    )
    assert at(given, "-4").metric == "stake_change_pct"
    taken = _read("青禾股份公告，股东乙川资本拟以协议方式受让公司1200万股(占公司总股本的4%)。")
    assert at(taken, "4").metric == "stake_change_pct"


def test_a_span_of_months_is_no_count() -> None:
    facts = _read("美国1月非农就业人数大增，劳动参与率回升，时薪同比增幅17个月最大。")
    assert all(f.value != Decimal(17) for f in facts)
    assert parse_numbers("3个交易日") == []
    assert parse_numbers("2.6万亿个小时")[0].value == Decimal(2600000000000)


def test_what_a_lock_up_frees_is_not_a_market_value() -> None:
    facts = _read("青禾股份下周将迎来限售股解禁，解禁数量为0.8亿股，解禁市值为9.6亿元。")
    assert at(facts, "960000000").metric == "unlocked_value"


def test_a_name_closed_by_a_long_aside_is_named_before_it() -> None:
    facts = _read(
        "统计部门发布2021年数据。全国异地就医人口（即参保地和就医地不在同一个地级市且累计就医三次以上的人口）"
        "3120万人，比上年增加210万人。"
    )
    assert at(facts, "31200000").metric == "异地就医人口"
    assert at(facts, "2100000").metric == "异地就医人口_yoy_change"


def test_a_goods_price_move_is_not_the_stocks() -> None:
    facts = _read(
        "据经销商介绍，云岭酒业新推的陈酿的市场价格已经涨至880元/瓶，涨幅近35%，部分渠道已炒至990元/瓶。"
    )
    assert all(f.metric != "change_pct" for f in facts)
    stock = _read("云岭酒业股价涨至56.2元，涨幅近4%。")
    assert at(stock, "4").metric == "change_pct"


def test_an_impact_names_what_it_is_of() -> None:
    facts = _read(
        "云岭酒业公告，预计2021年净利润为4200万元左右；预计非经常性损益对净利润的影响金额为1300万元左右。"
    )
    assert at(facts, "13000000").metric == "非经常性损益对净利润影响金额_forecast"


def test_a_model_code_glued_to_the_makers_name_is_the_models() -> None:
    facts = _read("2022年3月蔚来交付9,120台。分车型看，蔚来ET5交付3,406台；蔚来ES8交付2,011台。")
    assert at(facts, "3406").object == "蔚来ET5"
    assert at(facts, "2011").object == "蔚来ES8"
    assert at(facts, "9120").object is None


def test_an_investee_the_text_says_a_stake_is_held_in() -> None:
    # a name no rule reads as one alone (it opens with 同), which a stake held in names
    facts = _read(
        "青禾股份公告，公司拟以增资方式向同川汇远投资0.85亿元，本次投资完成后，公司持有同川汇远35%股权。"
    )
    assert at(facts, "85000000").object == "同川汇远"


def test_a_share_of_the_capital_at_the_filing_is_the_stake_moved() -> None:
    facts = _read(
        "青禾股份公告，王某于2022年3月8日通过集中竞价减持30万股，占公司目前总股本比例0.0211%。"
    )
    assert at(facts, "-0.0211").metric == "stake_change_pct"
    held = _read("青禾股份公告，公司前十大股东持股数量为3.12亿股，占总股本比例为48.30%。")
    assert at(held, "48.30").metric == "stake_pct"
