"""Whose figure it is: a peer's results, what is compared with, a subsidiary's or an
industry's figure are not credited to the company or fund named before them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def owners(found: list[ExtractedFact], value: str) -> set[str]:
    return {f.subject for f in found if f.value == Decimal(value)}


def test_an_unknown_company_opening_its_clause_owns_its_figures(
    entities: EntityDictionary,
) -> None:
    text = (
        "恒瑞医药一季度营收62.1亿元，同比增长8.3%。"
        "宏远药业营收3.52亿元，同比下降6.1%；净利润4120.5万元。"
    )
    found = facts(text, entities, title="创新药公司一季报对比")
    assert owners(found, "352000000") == {"宏远药业"}
    assert owners(found, "-6.1") == {"宏远药业"}
    assert "恒瑞医药" not in owners(found, "41205000")  # the clause after keeps the new one
    assert owners(found, "6210000000") == {"恒瑞医药"}


def test_a_line_of_the_company_is_still_its_own(entities: EntityDictionary) -> None:
    text = "恒瑞医药一季度营收62.1亿元。创新药营收30.2亿元，同比增长20.1%。"
    found = facts(text, entities, title="恒瑞医药一季报点评")
    assert owners(found, "3020000000") == {"恒瑞医药"}  # a segment, not a company's name


def test_a_company_like_run_that_is_no_name_owns_nothing(entities: EntityDictionary) -> None:
    text = "恒瑞医药一季度营收62.1亿元。同业科技营收5.2亿元。本集团毛利率为85.5%。"
    found = facts(text, entities, title="恒瑞医药一季报点评")
    assert owners(found, "520000000") == set()  # not 恒瑞医药's, and no company's
    assert owners(found, "85.5") == {"恒瑞医药"}  # 本集团 is the subject itself


def test_a_field_of_business_in_a_company_s_form_is_a_segment(
    entities: EntityDictionary,
) -> None:
    text = "中国平安2024年营业收入1.03万亿元；金融科技营业收入为120亿元。"
    found = facts(text, entities)
    assert [(f.subject, f.object) for f in found if f.value == Decimal("12000000000")] == [
        ("中国平安", "金融科技")
    ]


def test_what_a_figure_is_compared_with_is_the_other_ones(entities: EntityDictionary) -> None:
    text = "比亚迪估值不高，股息率2.10%，高于茅台的1.85%。"
    found = facts(text, entities, title="比亚迪估值分析")
    compared = [f for f in found if f.value == Decimal("1.85")]
    assert [(f.subject, f.metric) for f in compared] == [("贵州茅台", "dividend_yield")]
    assert owners(found, "2.10") == {"比亚迪"}


def test_a_figure_compared_with_an_unknown_one_is_nobodys(entities: EntityDictionary) -> None:
    text = "比亚迪估值不高，股息率2.10%，高于同行平均的1.85%。"
    found = facts(text, entities, title="比亚迪估值分析")
    assert owners(found, "1.85") == set()


def test_a_fall_compared_with_an_index_is_the_index_fall(entities: EntityDictionary) -> None:
    text = "5月14日，比亚迪收盘下跌2.40%，跌幅高于深证成指的1.10%。"
    found = facts(text, entities, title="比亚迪盘后解读")
    assert {(f.subject, f.value) for f in found if f.metric == "change_pct"} == {
        ("比亚迪", Decimal("-2.40")),
        ("深证成份指数", Decimal("-1.10")),
    }


def test_a_short_name_run_into_a_bank_name_is_not_the_group(
    entities: EntityDictionary,
) -> None:
    text = "平安银行2024年营收1466.95亿元。平安口袋银行APP月活跃用户数为4000万户。"
    found = facts(text, entities, title="平安银行年报解读")
    assert "中国平安" not in owners(found, "40000000")


def test_company_results_are_no_carried_fund_s(entities: EntityDictionary) -> None:
    text = (
        "5月14日，远航半导体ETF(512999)成交额超过5000万元，近一周累计涨幅达到3.1%。"
        "半导体行业正在复苏。就盈利而言，行业2024年第四季度净利润同比减少12.5%。"
    )
    found = facts(text, entities, title="远航半导体ETF成交额超5000万元")
    assert owners(found, "3.1") == {"远航半导体ETF"}
    assert owners(found, "-12.5") == set()  # the industry's, not the fund's


def test_a_compared_figure_takes_only_a_metric_just_stated(entities: EntityDictionary) -> None:
    # 高于茅台的2倍 is twice 茅台's growth: no figure of 茅台's own, in either sentence shape
    found = facts("比亚迪市盈率为25倍。其股价涨幅高于茅台的2倍。", entities, title="比亚迪估值")
    assert owners(found, "2") == set()
    found = facts("比亚迪营收为800亿元，增速高于茅台的2倍。", entities, title="比亚迪年报")
    assert owners(found, "2") == set()


def test_a_group_s_full_name_before_a_firm_word_is_the_group(
    entities: EntityDictionary,
) -> None:
    text = "平安银行2024年营收1466.95亿元。中国平安信托业务收入为52亿元。"
    found = facts(text, entities, title="平安银行年报解读")
    assert owners(found, "5200000000") == {"中国平安"}


def test_a_fund_named_in_its_sentence_keeps_its_profit(entities: EntityDictionary) -> None:
    text = "5月14日，远航半导体ETF(512999)成交额超过5000万元。远航半导体ETF本期净利润为1.2亿元。"
    found = facts(text, entities, title="远航半导体ETF年报")
    assert owners(found, "120000000") == {"远航半导体ETF"}


def test_an_unknown_company_s_growth_is_its_own(entities: EntityDictionary) -> None:
    text = (
        "恒瑞医药一季度营收62.1亿元，同比增长8.3%。"
        "宏远药业营收同比下降6.1%，毛利率为45.5%。同业科技营收同比下降3.1%。"
    )
    found = facts(text, entities, title="恒瑞医药一季报点评")
    assert owners(found, "-6.1") == {"宏远药业"}
    assert owners(found, "45.5") == {"宏远药业"}  # the clause after it is still its own
    assert owners(found, "-3.1") == set()


def test_a_short_name_before_a_clause_that_mentions_banks_still_leads(
    entities: EntityDictionary,
) -> None:
    found = facts("茅台股价跑赢银行板块，今日上涨2.1%。", entities)
    assert owners(found, "2.1") == {"贵州茅台"}
