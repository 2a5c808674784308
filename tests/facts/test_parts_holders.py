"""Whose figure it is: a product's sales after its volume, a group of holders, an officer's pay,
the dragon-tiger seats' trades, a group's average, a balance's net amount, the people a
relative clause names, and a move's clause opening with an adverb (the errors a hand-judged
sample showed). Where the part or holder is named it is the fact's object; where it cannot be,
no fact beats the company's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def by_value(
    text: str, entities: EntityDictionary, title: str = ""
) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in facts(text, entities, title)}


def test_revenue_after_a_products_sales_volume_is_the_products(
    entities: EntityDictionary,
) -> None:
    text = (
        "2025年04月份销售情况商品猪销售情况商品猪销售数量12.5万头，销售收入2.36亿元，"
        "同比变动分别为8.10%、-3.20%。"
    )
    got = by_value(text, entities, title="贵州茅台：4月销售简报")
    assert got[Decimal("236000000")].metric == "revenue"
    assert got[Decimal("236000000")].object == "商品猪"
    assert got[Decimal("-3.20")].object == "商品猪"


def test_a_counted_group_of_holders_is_the_holdings_object(entities: EntityDictionary) -> None:
    text = (
        "截至2025年一季报，共有7家机构持仓贵州茅台，其中基金5家、其他2家，合计持股数2345.6万股，"
        "持股市值3.1亿元。公司股东户数为5.6万户，前十大股东持股数量为8.8亿股，"
        "占总股本比例为51.20%。"
    )
    got = by_value(text, entities)
    assert got[Decimal("23456000")].object == "7家机构"
    assert got[Decimal("310000000")].object == "7家机构"
    assert got[Decimal("880000000")].object == "前十大股东"
    assert got[Decimal("51.20")].object == "前十大股东"


def test_an_officers_pay_is_filed_with_the_officer(entities: EntityDictionary) -> None:
    text = (
        "董事长张立新报告期内从公司获得的税前报酬总额为102.30万元。"
        "董事会秘书刘芳报告期内从公司获得的税前报酬总额为45.10万元。"
    )
    got = by_value(text, entities, title="贵州茅台2024年年报解读")
    assert got[Decimal("1023000")].object == "董事长张立新"
    assert got[Decimal("451000")].object == "董事会秘书刘芳"


def test_the_seats_trades_are_not_the_stocks_turnover(entities: EntityDictionary) -> None:
    text = (
        "贵州茅台今日上涨2.10%，成交额9.60亿元。上榜的前五大买卖营业部合计成交2.05亿元，"
        "其中，买入成交额为0.85亿元，卖出成交额为1.20亿元。"
    )
    turnovers = {f.value for f in facts(text, entities) if f.metric == "turnover"}
    assert turnovers == {Decimal("960000000")}


def test_a_groups_average_is_nobodys_figure(entities: EntityDictionary) -> None:
    text = "报告期内，贵州茅台销售毛利率为12.40%，低于行业均值30.15%，行业偏离度超过50%。"
    got = by_value(text, entities)
    assert got[Decimal("12.40")].metric == "gross_margin"
    assert Decimal("30.15") not in got


def test_a_balances_net_amount_is_no_net_asset_value(entities: EntityDictionary) -> None:
    text = "此外，贵州茅台流动负债净值达56.20亿元，较去年年末略有增加。"
    got = by_value(text, entities)
    assert got[Decimal("5620000000")].metric == "流动负债净值"


def test_a_relative_clause_names_the_people_counted(entities: EntityDictionary) -> None:
    text = "2020年，全国流动人口为3.76亿人。其中从东部流向西部的人口为0.52亿人。"
    got = by_value(text, entities, title="人口普查公报解读")
    assert got[Decimal("52000000")].metric == "从东部流向西部的人口"


def test_a_moves_clause_opening_with_an_adverb_names_no_mover(
    entities: EntityDictionary,
) -> None:
    text = (
        "今日贵州茅台股票再次引起关注，成功上涨2.35%。随后，尽管当日回落，贵州茅台仍然上涨1.10%。"
    )
    got = by_value(text, entities)
    assert got[Decimal("2.35")].subject == "贵州茅台"
    assert all(f.subject not in ("成功", "尽管当日", "仍然") for f in got.values())


def test_a_part_named_after_its_parent_may_be_a_listed_company(
    entities: EntityDictionary,
) -> None:
    text = "网易业务呈现差异化韧性：云音乐会员订阅收入同比增长12.6%，游戏收入同比增长8.1%。"
    got = by_value(text, entities, title="网易业务分析")
    assert (got[Decimal("12.6")].subject, got[Decimal("12.6")].object) == ("网易云音乐", "会员订阅")


def test_a_parent_announcing_its_listed_subsidiarys_results_does_not_take_them(
    entities: EntityDictionary,
) -> None:
    text = "吉利汽车发布极氪2025年第一季度业绩，总交付量为12.3万辆，同比增长15.0%。"
    got = by_value(text, entities, title="吉利汽车发布极氪2025年第一季度业绩")
    assert got[Decimal("123000")].subject == "极氪"
    assert got[Decimal("15.0")].subject == "极氪"
