"""Which metric a figure is and whose: a window's cumulative growth, a flow's owner said once,
a share's part and whole, a risk list's item title, a list of fields, a session's quote, a
holder count's change, a heading's year, the market's move, a turn to another company (the
errors a hand-judged sample showed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts

COMPANY = "宏泰实业(600999)"


def facts(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> list[ExtractedFact]:
    return extract_facts(
        text,
        title=title,
        published_at=published or dt.date(2025, 5, 15),
        entities=entities,
    )


def by_value(
    text: str, entities: EntityDictionary, title: str = "", published: dt.date | None = None
) -> dict[Decimal, ExtractedFact]:
    return {f.value: f for f in facts(text, entities, title, published)}


def test_a_window_from_the_years_start_is_the_same_figures_cumulative_growth(
    entities: EntityDictionary,
) -> None:
    text = "8月份全国工业生产者出厂价格同比下降3.0%，1-8月份比上年同期下降3.2%。"
    got = by_value(text, entities, published=dt.date(2023, 9, 9))
    assert got[Decimal("-3.0")].metric == "工业生产者出厂价格_yoy"
    assert got[Decimal("-3.2")].metric == "工业生产者出厂价格累计_yoy"
    assert got[Decimal("-3.2")].period == "1-8月份"


def test_a_window_alone_never_names_what_grew(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，2024年前三季度，我国居民消费价格比上年同期上涨0.3%。"
        "前三季度比上年同期上涨了1.4%。"
    )
    got = facts(text, entities)
    assert [f.metric for f in got] == ["居民消费价格_yoy"]


def test_a_windows_flow_is_the_owners_named_before_it_in_the_line(
    entities: EntityDictionary,
) -> None:
    text = (
        f"截止2025年05月14日，{COMPANY}的主力资金过去5日总流入为2.54亿元，"
        "过去20日总流入为9.23亿元。"
    )
    got = by_value(text, entities)
    assert got[Decimal("923000000")].metric == "主力资金过去20日总流入"
    text = (
        f"截止2025年05月14日，{COMPANY}的主力资金在过去10日总流入为3.10亿元。 "
        "过去20日总流入为6.40亿元。"
    )
    assert by_value(text, entities)[Decimal("640000000")].metric == "主力资金过去20日总流入"


def test_a_windows_flow_with_no_owner_said_stays_bare(entities: EntityDictionary) -> None:
    text = f"{COMPANY}近期资金表现：过去5日总流入为1.41亿元，过去10日总流入为3.55亿元。"
    got = by_value(text, entities)
    assert got[Decimal("355000000")].metric == "过去10日总流入"


def test_a_share_names_its_part_and_whole_with_a_region_in_the_whole(
    entities: EntityDictionary,
) -> None:
    text = (
        "2023年乡村人口达到 4.8 亿人；乡村人口占全国人口的比重达到 33.84%，"
        "比 1978 年下降 48.24 个百分点。"
    )
    got = by_value(text, entities, published=dt.date(2024, 9, 20))
    assert got[Decimal("33.84")].metric == "乡村人口占全国人口比重"
    assert got[Decimal("-48.24")].metric == "乡村人口占全国人口比重_change"


def test_a_risk_items_title_is_not_part_of_the_label(entities: EntityDictionary) -> None:
    text = "**四、风险提示**1. 原材料波动风险铜材收入占比仍超60%，需关注。"
    got = by_value(text, entities, title="大华股份年报点评")
    assert got[Decimal("60")].metric == "铜材收入占比"


def test_a_forecast_heading_does_not_reach_into_the_next_section(
    entities: EntityDictionary,
) -> None:
    text = (
        f"{COMPANY}深度报告**三、2026年经营预测**1. 营收预测2. 利润预测---**四、风险提示**"
        "1. 客户集中风险前五大客户收入占比仍超70%，若订单下滑超10%，利润或低于预期；"
    )
    got = by_value(text, entities)
    assert not got[Decimal("70")].metric.endswith("_forecast")
    assert Decimal("10") not in got  # 若订单下滑超10%: a condition, not a figure


def test_a_label_after_a_list_of_fields_names_them_all(entities: EntityDictionary) -> None:
    text = f"{COMPANY}软件业务：政务云市场占有率3.1%，教育、医疗领域市占率超12%。"
    got = by_value(text, entities)
    assert got[Decimal("12")].metric == "教育、医疗领域市占率"


def test_figures_listed_with_a_comma_mark_keep_their_own_labels(
    entities: EntityDictionary,
) -> None:
    text = (
        f"{COMPANY}净利润为583.87万元、净利润同比增长率为-41.20%、营业总收入同比增长率为-26.28%。"
    )
    got = by_value(text, entities)
    assert got[Decimal("-41.20")].metric == "净利润同比增长率"
    assert got[Decimal("-26.28")].metric == "营业总收入同比增长率"


def test_a_price_at_the_open_or_close_is_that_quote(entities: EntityDictionary) -> None:
    text = f"{COMPANY}在开盘时的股价为9.70元，最高触及9.90元。公司收盘时的股价为9.20元。"
    got = by_value(text, entities)
    assert got[Decimal("9.70")].metric == "open"
    assert got[Decimal("9.20")].metric == "close"


def test_a_holder_counts_bare_change_is_against_the_last_count(
    entities: EntityDictionary,
) -> None:
    text = "大华股份股东户数下降2.16%，户均持股8.7万元"
    assert by_value(text, entities)[Decimal("-2.16")].metric == "股东户数_qoq"


def test_a_year_run_into_a_heading_is_no_figure(entities: EntityDictionary) -> None:
    text = f"负债端占比变动-2.0pct。资产质量2024 {COMPANY}不良率1.21%，与上季度持平。"
    assert Decimal("2024") not in by_value(text, entities)


def test_the_markets_move_is_not_the_stocks(entities: EntityDictionary) -> None:
    text = (
        "二、宏泰实业（600999）近期盘面1、综合大盘与个股走势来看：近5日大盘总涨跌幅3.1%，"
        "该股总涨跌幅0.872%。"
    )
    got = by_value(text, entities, title="宏泰实业：近期走势")
    assert Decimal("3.1") not in got
    assert got[Decimal("0.872")].subject == "宏泰实业"


def test_a_sentence_turning_to_another_company_is_about_it(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}存货增加。二、东方股份轻资产玩出花？"
        "再看东方股份，简直是“学霸”——毛利率57.36%，虽然比去年略低。"
    )
    got = by_value(text, entities, title="宏泰实业：成也萧何")
    assert got[Decimal("57.36")].subject == "东方股份"


def test_a_figure_compared_with_an_industrys_valuation_is_not_the_subjects(
    entities: EntityDictionary,
) -> None:
    text = (
        "近3个交易日收盘价格涨幅偏离值累计超过20%，属于异常波动。"
        f"{COMPANY}市盈率为88.10，远高于橡胶和塑料制品业市盈率21.40，存在投资风险。"
    )
    got = by_value(text, entities, title="宏泰实业异常波动公告")
    assert got[Decimal("88.10")].metric == "pe"
    assert Decimal("21.40") not in got


def test_the_upside_to_a_target_price_is_no_price_move(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}近一个月获得9份券商研报关注，平均目标价为21.50元，"
        "与最新价18.00元相比，高3.5元，目标均价涨幅19.44%。"
    )
    assert by_value(text, entities)[Decimal("19.44")].metric == "目标均价涨幅"


def test_an_average_holders_market_value_is_not_the_float_value(
    entities: EntityDictionary,
) -> None:
    text = f"{COMPANY}户均持有流通股数量上升至2.1万股，户均流通市值8.4万元。"
    assert by_value(text, entities)[Decimal("84000")].metric == "avg_holding_value"


def test_non_recurring_items_effect_is_not_the_profit(entities: EntityDictionary) -> None:
    text = (
        f"{COMPANY}预计2024年归母净利润5000万元。"
        "另外，该公司预计非经常性损益影响净利润金额约为2700万元。"
    )
    assert Decimal("27000000") not in by_value(text, entities)


def test_a_modal_verb_is_not_part_of_the_label(entities: EntityDictionary) -> None:
    text = "市场分析师此前预计大华股份的营收能达到244亿元。"
    got = by_value(text, entities)
    assert got[Decimal("24400000000")].metric.startswith("营收")
    assert "能" not in got[Decimal("24400000000")].metric


def test_an_unknown_index_quoted_in_its_sentence_is_not_the_carried_subject(
    entities: EntityDictionary,
) -> None:
    text = (
        "文远知行跌近8%，阿里巴巴跌超3%。法国巴黎股市CAC40平均价格指数7日报收于7500.12点，"
        "较前一交易日下跌30.09点，跌幅为0.40%。"
    )
    assert Decimal("0.40") not in by_value(text, entities)


def test_a_circled_items_company_is_not_the_texts(entities: EntityDictionary) -> None:
    text = f"{COMPANY}一季度毛利率为13.9%，环比下降主因包括①远航科技Q1销量8.1万台，环比下降30%。"
    assert Decimal("81000") not in by_value(text, entities)
