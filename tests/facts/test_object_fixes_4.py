"""Facts of the judged dev sample that lost their part or holder, took the wrong subject or
metric, or read a threshold as a figure; one rule each, read here in our own sentences with
invented names and figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
Q1 = dt.date(2025, 3, 31)
NAMES = EntityDictionary.of(
    [
        EntityRecord("远航科技", "company"),
        EntityRecord("青禾汽车", "company", ("青禾",)),
        EntityRecord("极光", "company"),
        EntityRecord("蓝湾股份", "company"),
        EntityRecord("星河酒业", "company"),
    ]
)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=NAMES)


def test_a_move_between_two_named_days_is_the_spans() -> None:
    text = (
        "从长期来看，2024年3月10日远航科技股价是6.00元，到2025年3月10日涨到了9.12元，涨幅约52.00%。"
    )
    fact = at(facts(text), "52.00")
    assert said(fact) == (
        "远航科技",
        "change_1y_pct",
        None,
        Decimal("52.00"),
        dt.date(2025, 3, 10),
    )
    assert fact.period == "2024年3月10日至2025年3月10日"
    text = "远航科技股价从4月14日的49.99元跌到5月12日的46.09元，跌幅为7.80%。"
    fact = at(facts(text), "-7.80")
    assert said(fact) == ("远航科技", "change_pct", None, Decimal("-7.80"), dt.date(2025, 5, 12))
    assert fact.period == "4月14日至5月12日"


def test_a_part_listed_after_an_economys_measure_is_that_measures() -> None:
    text = (
        "2025年第一季度，全国港口货物吞吐量同比增长4.2%，其中外贸集装箱增长12.5%，"
        "占港口吞吐总量的21.3%。"
    )
    found = facts(text)
    assert said(at(found, "12.5")) == (
        "中国",
        "港口货物吞吐量_yoy",
        "外贸集装箱",
        Decimal("12.5"),
        Q1,
    )
    assert said(at(found, "21.3")) == (
        "中国",
        "外贸集装箱占港口吞吐总量比例",
        None,
        Decimal("21.3"),
        Q1,
    )


def test_a_rate_after_a_clause_opening_with_a_thing_is_that_things() -> None:
    text = (
        "全国铁路运输平稳。尤其在国际物流方面，西部陆海新通道一季度共开行2150列，同比增长18.2%，"
        "返程重载率提升至88.5%。"
    )
    assert said(at(facts(text), "88.5")) == (
        "中国",
        "返程重载率",
        "西部陆海新通道",
        Decimal("88.5"),
        Q1,
    )


def test_a_region_in_a_quoted_phrase_is_no_economy() -> None:
    text = (
        "市场地位从“区域王者”到“全国玩家”。2024年，公司营收突破35亿元，同比增长20.19%。"
        "不过，铜材占成本80%以上，给公司成本管控带来压力。"
    )
    assert not [f for f in facts(text) if f.subject == "中国"]
    text = "全国工业生产平稳。2024年，规模以上工业增加值同比增长5.8%。"
    assert said(at(facts(text), "5.8")) == (
        "中国",
        "规模以上工业增加值_yoy",
        None,
        Decimal("5.8"),
        dt.date(2024, 12, 31),
    )


def test_a_brand_listed_after_a_sister_company_is_the_groups() -> None:
    text = (
        "青禾汽车2025年一季度销量突破50万辆。青禾远途销售21万辆，同比增长8%；"
        "极光交付3.2万辆，同比增长15%；云帆品牌销量为5.1万辆。"
    )
    found = facts(text, title="青禾汽车近期有什么事件和观点？")
    assert said(at(found, "32000")) == ("极光", "deliveries", None, Decimal("32000"), Q1)
    assert said(at(found, "51000")) == ("青禾汽车", "deliveries", "云帆品牌", Decimal("51000"), Q1)


def test_a_move_after_a_measure_said_to_move_is_that_measures() -> None:
    text = (
        "截至2025年3月31日，远航科技股东户数为6.20万户。2024年12月20日至今，公司股东户数有所"
        "下降，区间跌幅为7.12%。"
    )
    assert said(at(facts(text), "-7.12")) == (
        "远航科技",
        "股东户数区间跌幅",
        None,
        Decimal("-7.12"),
        Q1,
    )


def test_a_stock_connect_holding_keeps_its_holder() -> None:
    text = "2025年3月31日，深股通持有蓝湾股份的股份数量为1520.3万股，占流通股本的0.42%。"
    found = facts(text)
    assert said(at(found, "15203000")) == (
        "蓝湾股份",
        "shares_held",
        "深股通",
        Decimal("15203000"),
        Q1,
    )
    assert said(at(found, "0.42")) == (
        "蓝湾股份",
        "shares_held占流通股本比例",
        "深股通",
        Decimal("0.42"),
        Q1,
    )


def test_an_industry_average_after_an_as_of_day_is_the_industrys() -> None:
    text = (
        "截至2025年3月31日，蓝湾股份股东户数为3.20万户。根据Choice数据，截至2025年3月31日"
        "汽车零部件行业上市公司平均股东户数为4.10万户。"
    )
    assert said(at(facts(text), "41000")) == (
        "汽车零部件行业",
        "汽车零部件行业上市公司平均股东户数",
        None,
        Decimal("41000"),
        Q1,
    )


def test_a_cards_unit_in_its_labels_brackets_is_the_figures() -> None:
    text = "远航科技薪酬概况：报酬总额(元):3125400.0000|前三名高管报酬(元)1231500.0000"
    fact = at(facts(text), "1231500")
    assert said(fact)[:4] == ("远航科技", "前三名高管报酬", None, Decimal("1231500"))
    assert (fact.unit, fact.currency) == ("money", "CNY")
    fact = at(facts("远航科技营业收入（万元）：52310"), "523100000")
    assert (fact.metric, fact.unit, fact.currency) == ("revenue", "money", "CNY")


def test_a_figure_in_brackets_after_a_business_is_the_businesss() -> None:
    text = (
        "星河酒业2024年营收增长8%。但若原料价格持续上行，低毛利系列酒业务（毛利率约45-50%）"
        "盈利空间或进一步承压。"
    )
    fact = at(facts(text), "45")
    assert said(fact) == (
        "星河酒业",
        "gross_margin",
        "系列酒业务",
        Decimal("45"),
        dt.date(2024, 12, 31),
    )
    assert fact.high == Decimal("50")


def test_a_turnover_summed_over_a_streak_is_not_the_days() -> None:
    text = (
        "截至9:27，远航科技报5.12元，换手率0.08%。连续涨停期间，该股累计上涨21.02%，"
        "累计换手率为12.44%。"
    )
    found = facts(text)
    assert said(at(found, "0.08")) == ("远航科技", "turnover_rate", None, Decimal("0.08"), DAY)
    assert said(at(found, "12.44")) == (
        "远航科技",
        "连续涨停期间累计换手率",
        None,
        Decimal("12.44"),
        DAY,
    )


def test_sales_after_a_products_output_are_the_products() -> None:
    text = (
        "根据2023年年报，2023年远航科技深加工产品年产量2.15亿平方米，年销量2.40亿平方米，"
        "同比分别增长51.20%及47.80%。"
    )
    fact = at(facts(text), "240000000")
    assert (fact.subject, fact.metric, fact.object) == ("远航科技", "deliveries", "深加工产品")


def test_a_forecast_goes_on_over_its_semicolon_clauses() -> None:
    text = (
        "预计2025/26年度中国油菜籽播种面积7200千公顷，较上年度增长2%；单产每公顷2150公斤，"
        "较上年度提高0.8%；产量保持在1500万吨以上。"
    )
    found = facts(text)
    assert said(at(found, "15000000"))[:4] == (
        "中国",
        "油菜籽产量_forecast",
        None,
        Decimal("15000000"),
    )
    assert at(found, "0.8").metric == "油菜籽单产每公顷_yoy_forecast"


def test_a_range_a_definition_sets_is_no_figure() -> None:
    text = "2024年我国城镇化率为67.0%。业内认为，城镇化率30%—70%通常被视为城镇化加速推进阶段。"
    found = facts(text)
    assert [said(f) for f in found] == [
        ("中国", "城镇化率", None, Decimal("67.0"), dt.date(2024, 12, 31))
    ]
