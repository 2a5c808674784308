"""The generic measure reader (a label ending in a measure noun, then its figure) on the shapes
that most figures no rule read had in common: a bound as the link (超过15亿, ≥30%), company
measures (盈利, 月活, 门店, 中位数), verbs inside the run, and short names read across words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import bundled_dictionary
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
LEAD = "华光电子(600123)营业收入为10亿元。"  # names the company the sentences below are about


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(LEAD + text, published_at=DAY, entities=bundled_dictionary())


def measured(text: str) -> dict[str, Decimal]:
    return {f.metric: f.value for f in facts(text) if f.span[0] >= len(LEAD)}


def test_a_bound_links_a_measure_to_its_figure() -> None:
    assert measured("一季度末，月活已超过1.2亿，日活突破3000万。") == {
        "月活": Decimal("120000000"),
        "日活": Decimal("30000000"),
    }
    assert measured("该基金制造业持仓占比≥40%。") == {"制造业持仓占比": Decimal("40")}


def test_company_measures_end_a_label() -> None:
    found = measured("剔除一次性收益后，核心盈利仅3.5亿元，年薪中位数为52.6万元，新开门店120家。")
    assert found == {
        "核心盈利": Decimal("350000000"),
        "年薪中位数": Decimal("526000"),
        "新开门店": Decimal("120"),
    }


def test_a_verb_of_finding_ends_the_clause_before_the_measure() -> None:
    assert measured("我们发现单车平均毛利达到2.3万元。") == {"单车平均毛利": Decimal("23000")}


def test_a_verb_of_achieving_keeps_the_part_before_it() -> None:
    text = "统计局发布数据。前两个季度，全国重点服务业企业实现利润总额8650亿元，同比增长2.3%。"
    found = extract_facts(text, published_at=DAY, entities=bundled_dictionary())
    assert [f.metric for f in found] == ["重点服务业企业利润总额", "重点服务业企业利润总额_yoy"]
    assert measured("2025年一季度实现盈利1.8亿元。") == {"盈利": Decimal("180000000")}


def test_last_years_figure_written_into_the_label_is_not_this_periods() -> None:
    assert measured("去年同期净利2.2亿元。") == {}


def test_the_top_of_a_pay_or_an_age_is_no_share_price() -> None:
    assert measured("董事中张明薪酬最高为88.5万元，王强年龄最高为61岁。") == {}
    assert measured("今日股价最高为12.50元。") == {"high": Decimal("12.50")}


def test_a_company_measure_named_by_no_one_is_not_the_economys() -> None:
    text = "国家统计局数据显示，我国网民规模为11亿人。某应用注册用户超过3亿。"
    found = extract_facts(text, published_at=DAY, entities=bundled_dictionary())
    assert [(f.subject, f.metric) for f in found] == [("中国", "网民规模")]


def test_a_condition_states_no_figure() -> None:
    text = "按照这一规定，当利润不足80万元时，只需按较低税率缴税。"
    found = extract_facts(text, published_at=DAY, entities=bundled_dictionary())
    assert [f for f in found if "利润" in f.metric] == []
    # a company's profit stated outright is a figure
    stated = extract_facts(
        "华光电子(600123)利润为80万元。", published_at=DAY, entities=bundled_dictionary()
    )
    assert [(f.subject, f.metric, f.value) for f in stated] == [
        ("华光电子", "利润", Decimal("800000"))
    ]


def test_a_short_name_read_across_two_words_names_nothing() -> None:
    names = bundled_dictionary()

    def found(text: str) -> list[str]:
        return [m.entity.name for m in names.find(text)]

    assert found("公司是国内氟化工行业的龙头企业") == []
    assert found("工行业务收入稳步增长") == ["中国工商银行"]
    assert found("青岛海信电器发布新品") == ["海信视像"]
    assert found("茅台酒出厂价上调") == ["贵州茅台"]
