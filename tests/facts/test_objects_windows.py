"""Parts and windows: a segment's, brand's, model's or industry's figure is not the whole
company's, and a figure over a window (最近四个季度, 近半年, 两个交易日) says so."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_dates


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text, title=title, published_at=published or dt.date(2025, 5, 15), entities=entities
    )


def by_value(found: list[ExtractedFact], value: str) -> ExtractedFact:
    return next(f for f in found if f.value == Decimal(value))


def test_a_segment_named_with_yunying_yewu_is_the_segment(entities: EntityDictionary) -> None:
    # 运营业务 holds 营业, which elsewhere marks a clause, not a name
    text = (
        "分业务看，25Q1 整车业务实现营收150.2 亿元，同比-3.1%；"
        "零部件运营业务实现营收4.05 亿元，同比-2.6%。"
    )
    found = facts(text, entities, title="长城汽车2025年一季报点评")
    assert by_value(found, "405000000").object == "零部件运营业务"
    assert by_value(found, "-2.6").object == "零部件运营业务"
    main = facts("公司主营业务收入80亿元，同比增长5%。", entities, title="长城汽车2024年报点评")
    assert by_value(main, "8000000000").object is None  # 主营业务 is the whole


def test_a_brand_judged_in_the_clause_before_owns_the_figures_after(
    entities: EntityDictionary,
) -> None:
    text = (
        "一季度长城汽车销量达30.1万辆，同比增长8%。特别是新能源产品销量达9.9万辆，"
        "其中坦克品牌表现尤为亮眼，销量达5万辆，同比增长114%。"
    )
    found = facts(text, entities)
    assert by_value(found, "301000").object is None
    assert by_value(found, "99000").object == "新能源产品"
    assert by_value(found, "50000").object == "坦克品牌"
    assert by_value(found, "114").object == "坦克品牌"


def test_period_words_and_leads_are_no_part_of_the_name(entities: EntityDictionary) -> None:
    found = facts("一季度长城汽车魏牌品牌单季度销量近6万辆，同比增长14%。", entities)
    assert by_value(found, "60000").object == "魏牌品牌"
    lead = facts("尽管储能业务收入同比增长113%，但其占比仍低。", entities, title="长城汽车点评")
    assert by_value(lead, "113").object == "储能业务"


def test_a_heading_phrase_or_a_label_word_is_no_segment(entities: EntityDictionary) -> None:
    text = "2024年，营业收入稳中有升，盈利水平持续改善归属于上市公司股东的净利润为100.5亿元。"
    found = facts(text, entities, title="贵州茅台2024年报")
    assert by_value(found, "10050000000").object is None
    margin = facts("贵州茅台营业总收入为500亿元、销售净利率为51.2%。", entities)
    assert by_value(margin, "51.2").object is None


def test_a_model_launched_owns_its_orders(entities: EntityDictionary) -> None:
    text = "长城汽车4月销量10.2万辆。同时坦克500一经发布，首月就斩获订单21000辆。"
    found = facts(text, entities)
    assert [f.value for f in found if f.unit == "count"] == [Decimal("102000")]


def test_a_rank_within_an_industry_names_it_and_is_current(entities: EntityDictionary) -> None:
    text = (
        "2025年第一季度公司营业收入12.3亿元。 ### 行业地位 长城汽车布局积极： "
        "- 储能电池行业：市值排名18/140，具备技术积累。 在整车制造行业中，公司市值排名7/30。"
    )
    found = facts(text, entities)
    first, second = by_value(found, "18"), by_value(found, "7")
    assert first.object == "储能电池行业"
    assert second.object == "整车制造行业"
    assert first.as_of == dt.date(2025, 5, 15)  # not the quarter of the paragraph before


def test_trailing_windows_are_dates() -> None:
    today = dt.date(2025, 5, 15)
    half = parse_dates("近半年该股累计上榜龙虎榜9次", today=today)[0]
    assert (half.text, half.start, half.granularity) == (
        "近半年",
        dt.date(2024, 11, 15),
        "relative",
    )
    quarters = parse_dates("最近四个季度毛利率为30.5%", today=today)[0]
    assert (quarters.text, quarters.start) == ("最近四个季度", dt.date(2024, 5, 15))
    sessions = parse_dates("三个交易日最大回撤12.1%", today=today)[0]
    assert sessions.text == "三个交易日"
    assert parse_dates("连续三个交易日涨停", today=today) == []  # a streak, not a window


def test_figures_over_a_window_carry_it(entities: EntityDictionary) -> None:
    card = facts(
        "国信证券认为最近四个季度毛利率为30.5%，低于市场60%的公司。",
        entities,
        title="长城汽车个股诊断",
    )
    assert by_value(card, "30.5").period == "最近四个季度"
    listed = facts(
        "近半年该股累计上榜龙虎榜9次，上榜次日股价平均涨1.25%。", entities, title="长城汽车龙虎榜"
    )
    assert by_value(listed, "1.25").period == "近半年"
    fall = facts("上一个交易日，长城汽车已下跌4%，三个交易日最大回撤12.1%。", entities)
    assert by_value(fall, "12.1").period == "三个交易日"


def test_a_peak_gain_is_not_the_window_change(entities: EntityDictionary) -> None:
    text = "最近两个月，长城汽车的股价从20元一路涨到30元，最高涨幅超过60%。"
    found = facts(text, entities)
    assert by_value(found, "60").metric == "max_gain_pct"


def test_a_quarter_written_without_its_year(entities: EntityDictionary) -> None:
    text = (
        "事件：2024年公司实现收入140亿元/同比+2%。其中，Q4 公司实现收入36亿元/同比-2.1%，"
        "归母净利0.5亿元/同比-5%24年业务拆分：整车营收100亿元"
    )
    found = facts(text, entities, title="长城汽车2024年报点评", published=dt.date(2025, 3, 30))
    q4 = by_value(found, "3600000000")
    assert (q4.as_of, q4.period) == (dt.date(2024, 12, 31), "Q4")
    assert by_value(found, "-5").period == "Q4"  # not the 24年 of the next heading


def test_a_short_window_after_a_quarter_ends_on_a_recent_day(entities: EntityDictionary) -> None:
    text = (
        "长城汽车2025第一季度营收排名第1。结合大盘和个股走势来看：近7日该股总涨跌幅1.5%。"
        "近5日内该股资金呈流出状态，5日共流出1200万元。"
    )
    found = facts(text, entities, published=dt.date(2025, 4, 20))
    assert by_value(found, "12000000").as_of == dt.date(2025, 4, 20)
