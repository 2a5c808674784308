"""Which metric a figure is: adjusted results beside reported ones, a scenario's figures, a
comparison a paragraph set once, a part a relative clause narrows, a past the text leaves
undated (the metric errors a hand-judged sample showed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts

COMPANY = "宏泰实业(600999)"


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def metrics(text: str, entities: EntityDictionary, title: str = "") -> dict[Decimal, str]:
    return {f.value: f.metric for f in facts(text, entities, title)}


def test_a_non_gaap_aside_makes_the_figure_the_adjusted_one(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}2024年第四季度业绩：每股收益（GAAP）0.41 美元 每股收益（Non-GAAP）0.57 美元；"
        "全年每股收益（GAAP）1.63 美元，每股收益（非GAAP）1.95 美元。"
    )
    got = metrics(text, entities)
    assert got[Decimal("0.41")] == "eps"
    assert got[Decimal("1.63")] == "eps"
    assert got[Decimal("0.57")] == "eps_adjusted"
    assert got[Decimal("1.95")] == "eps_adjusted"


def test_an_adjusted_prefix_makes_the_figure_the_adjusted_one(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}一季度调整后净利润达12.4亿元，同比增长18.5%。"
        f"此外，调整后{COMPANY}每股收益为0.36元。"
    )
    got = metrics(text, entities)
    assert got[Decimal("1240000000")] == "net_profit_adjusted"
    assert got[Decimal("18.5")] == "net_profit_adjusted_yoy"
    assert got[Decimal("0.36")] == "eps_adjusted"


def test_a_gaap_figure_stays_the_reported_one(entities: EntityDictionary) -> None:
    text = f"{COMPANY}2024年净利润为3.2亿元，GAAP净利润同比增长21%。"
    got = metrics(text, entities)
    assert got[Decimal("320000000")] == "net_profit"


def test_then_after_a_scenario_is_the_scenarios(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}目前市盈率为25.3倍。假设2027年利润增长8%，每股收益达到2.6元。"
        f"此时{COMPANY}的市盈率约为16.2倍。"
    )
    found = facts(text, entities)
    got = {f.value: f.metric for f in found}
    assert got[Decimal("25.3")] == "pe"
    assert Decimal("16.2") not in got  # the hypothesis's sum, no figure told


def test_then_without_a_scenario_is_a_reported_figure(entities: EntityDictionary) -> None:
    text = f"5月14日，{COMPANY}股价大涨。此时{COMPANY}的市盈率为31.4倍。"
    got = metrics(text, entities)
    assert got[Decimal("31.4")] == "pe"


def test_the_basis_of_a_computation_is_no_fact(entities: EntityDictionary) -> None:
    text = f"以买入的股价为46.8元计算，{COMPANY}目前市盈率为18倍。"
    values = {f.value for f in facts(text, entities)}
    assert Decimal("46.8") not in values
    assert Decimal("18") in values


def test_a_pe_read_at_a_close_stays(entities: EntityDictionary) -> None:
    text = f"以5月14日收盘价计算，{COMPANY}目前市盈率（TTM）约为42.17倍，市净率（LF）约3.05倍。"
    got = metrics(text, entities)
    assert got[Decimal("42.17")] == "pe_ttm"
    assert got[Decimal("3.05")] == "pb"


def test_a_list_of_changes_after_a_month_on_month_view(entities: EntityDictionary) -> None:
    text = (
        "2024年8月份，全国PPI环比下降0.1%。从环比看，PPI由上月上涨0.3%转为下降0.1%。其中，"
        "生产资料价格下降0.2%。受国际原油价格波动影响，石油开采业、燃料加工业价格分别上涨"
        "1.6%、0.9%。从同比看，PPI下降2.5%。其中，有色金属冶炼业、煤炭开采业价格分别下降"
        "3.3%、7.4%。"
    )
    got = metrics(text, entities)
    assert got[Decimal("1.6")] == "石油开采业价格_qoq"
    assert got[Decimal("0.9")] == "燃料加工业价格_qoq"
    assert got[Decimal("-3.3")] == "有色金属冶炼业价格_yoy"


def test_parts_after_a_month_on_month_whole(entities: EntityDictionary) -> None:
    text = "9月份，全国CPI环比上涨0.4%。其中，鲜果价格下降1.3%，降幅比上月收窄。"
    got = metrics(text, entities, title="2024年9月份CPI数据解读")
    assert got[Decimal("-1.3")].endswith("_qoq")


def test_a_sector_a_sentence_names_as_its_example(entities: EntityDictionary) -> None:
    text = (
        "2025年一季度，全国全社会用电量同比增长2.5%。部分行业，如批发和零售业，受消费回暖影响，"
        "一季度用电量同比增长6.1%。"
    )
    found = {f.value: f for f in facts(text, entities, title="一季度全国用电量分析")}
    assert found[Decimal("2.5")].metric == "全社会用电量_yoy"
    assert found[Decimal("6.1")].metric == "批发和零售业用电量_yoy"


def test_a_relative_clause_narrows_an_attribute(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}2024年年报显示，公司期末已质押且尚未解除的应收票据总额为3,250,000.00元，"
        "公司的应收票据总额为8,400,000.00元。"
    )
    values = {f.value for f in facts(text, entities)}
    assert Decimal("3250000.00") not in values
    assert Decimal("8400000.00") in values


def test_a_past_the_text_does_not_date(entities: EntityDictionary) -> None:
    text = (
        f"2019年{COMPANY}股价曾一度走高。目前股价已经跌到了6.20元，越来越接近当初反弹的低价2.35元。"
    )
    assert Decimal("2.35") not in {f.value for f in facts(text, entities)}
    # a low of the day the text is written is one
    found = facts(f"{COMPANY}今日最低价2.35元。", entities)
    assert [(f.metric, f.value) for f in found] == [("low", Decimal("2.35"))]


def test_a_deepest_move_of_the_day_is_not_the_days_change(entities: EntityDictionary) -> None:
    text = f"5月7日，{COMPANY}股价下跌4.2%（盘中最大跌幅超过6%）。"
    got = metrics(text, entities)
    assert got[Decimal("-4.2")] == "change_pct"
    assert got[Decimal("6")] == "max_fall_pct"  # the depth of the fall, as 最大回撤 is


def test_a_cloud_business_named_with_its_company(entities: EntityDictionary) -> None:
    text = "2025年一季度，腾讯云收入为155亿元，同比增长12%。"
    found = {f.value: f for f in facts(text, entities)}
    assert found[Decimal("15500000000")].object == "云"


def test_net_of_one_off_items_is_the_adjusted_profit(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}2024年归母净利润5.2亿元，扣非后归母净利润4.6亿元。"
        "基本每股收益与扣非每股收益双双增长，基本每股收益为1.18元。"
    )
    got = metrics(text, entities)
    assert got[Decimal("520000000")] == "net_profit"
    assert got[Decimal("460000000")] == "net_profit_adjusted"
    assert got[Decimal("1.18")] == "eps"


def test_a_business_named_with_operations_is_a_segment(entities: EntityDictionary) -> None:
    text = f"{COMPANY}分业务看，2024年物业运营业务实现营收3.15亿元，同比增长4.2%。"
    found = {f.value: f for f in facts(text, entities)}
    assert found[Decimal("315000000")].object == "物业运营业务"


def test_a_heading_or_a_report_is_no_segment(entities: EntityDictionary) -> None:
    text = (
        f"截止2025年03月31日{COMPANY}季度报告的净利润为2315.40万元人民币。"
        f"{COMPANY}2024年经营稳中有进，盈利水平持续改善归属于上市公司股东的净利润为1.62亿元。"
    )
    found = {f.value: f for f in facts(text, entities)}
    assert found[Decimal("23154000")].object is None
    assert found[Decimal("162000000")].object is None


def test_a_groups_valuation_is_not_the_subjects(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}最新市盈率为85.60，公司所属专用设备制造业市盈率为31.25。"
        "同行业可比公司平均市盈率约28倍，而公司近五年平均市盈率为40.5倍。"
    )
    values = {f.value for f in facts(text, entities)}
    assert Decimal("85.60") in values
    assert Decimal("31.25") not in values
    assert Decimal("28") not in values
