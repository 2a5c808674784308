from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from touyan.facts.entities import (
    EntityDictionary,
    EntityRecord,
    bundled_entities,
)
from touyan.facts.extract import ExtractedFact, extract_facts, flatten


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def rows(found: list[ExtractedFact]) -> set[tuple[str, str, str | None, Decimal, str | None]]:
    return {(f.subject, f.metric, f.object, f.value, f.currency) for f in found}


def test_seed_page_round_facts(entities: EntityDictionary, shared_data: Path) -> None:
    text = (shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt").read_text(encoding="utf-8")
    found = facts(text, entities, title="云锋基金2014年投资小米的来龙去脉")
    got = rows(found)
    assert ("小米集团", "raised", None, Decimal("1100000000"), "USD") in got
    assert ("小米集团", "valuation", None, Decimal("45000000000"), "USD") in got
    assert ("云锋基金", "invested", "小米集团", Decimal("250000000"), "USD") in got
    assert ("新加坡政府投资公司", "invested", "小米集团", Decimal("150000000"), "USD") in got
    assert ("厚朴投资", "invested", "小米集团", Decimal("100000000"), "USD") in got
    assert ("阿里巴巴集团", "stake_pct", "浙江智屏视界科技有限公司", Decimal("67"), None) in got
    for fact in found:
        # The span points at the figure in the original text, line breaks and all.
        assert text[fact.span[0] : fact.span[1]] in fact.quote
        assert fact.value.as_tuple().exponent >= 0 or fact.unit == "%"
    yunfeng = next(f for f in found if f.subject == "云锋基金" and f.metric == "invested")
    assert text[yunfeng.span[0] : yunfeng.span[1]] == "2.5亿美元"
    assert yunfeng.as_of is not None and (yunfeng.as_of.year, yunfeng.as_of.month) == (2014, 12)


def test_results_with_growth_rates_and_carried_subject(entities: EntityDictionary) -> None:
    text = (
        "贵州茅台2024年实现营业总收入1741.44亿元，同比增长15.66%；"
        "归母净利润847.16亿元，同比增长14.92%。"
    )
    got = rows(facts(text, entities))
    assert got == {
        ("贵州茅台", "revenue", None, Decimal("174144000000"), "CNY"),
        ("贵州茅台", "revenue_yoy", None, Decimal("15.66"), None),
        ("贵州茅台", "net_profit", None, Decimal("84716000000"), "CNY"),
        ("贵州茅台", "net_profit_yoy", None, Decimal("14.92"), None),
    }
    assert {f.as_of for f in facts(text, entities)} == {dt.date(2024, 12, 31)}


def test_falls_are_negative_and_quarter_on_quarter_is_separate(entities: EntityDictionary) -> None:
    got = rows(facts("比亚迪一季度营收同比下降2.76%，环比增长5%。", entities))
    assert got == {
        ("比亚迪", "revenue_yoy", None, Decimal("-2.76"), None),
        ("比亚迪", "revenue_qoq", None, Decimal("5"), None),
    }


def test_english_results(entities: EntityDictionary) -> None:
    text = (
        "Apple reported revenue of $94.9 billion, down 5% year over year, "
        "and net income of $14.7 billion."
    )
    got = rows(facts(text, entities))
    assert got == {
        ("苹果公司", "revenue", None, Decimal("94900000000"), "USD"),
        ("苹果公司", "revenue_yoy", None, Decimal("-5"), None),
        ("苹果公司", "net_profit", None, Decimal("14700000000"), "USD"),
    }


def test_share_sale_by_a_named_holder(entities: EntityDictionary) -> None:
    text = "公告称，股东张三于2025年3月通过集中竞价减持公司股份1050.3万股，占总股本0.85%。"
    found = facts(text, entities, title="比亚迪关于股东减持股份的公告")
    assert {(f.subject, f.metric, f.object, f.value, f.unit) for f in found} == {
        ("张三", "shares_sold", "比亚迪", Decimal("10503000"), "shares"),
        ("张三", "stake_change_pct", "比亚迪", Decimal("-0.85"), "%"),
    }
    assert all(f.as_of == dt.date(2025, 3, 31) for f in found)


def test_fund_metrics_use_the_fund_in_the_title(entities: EntityDictionary) -> None:
    text = "截至2025年05月14日，该基金单位净值1.2345元，最大回撤12.5%，近三年收益45.2%。"
    found = facts(text, entities, title="云锋基金产品净值")
    by_metric = {f.metric: f for f in found}
    assert set(by_metric) == {"nav", "max_drawdown", "return_3y"}
    assert by_metric["nav"].value == Decimal("1.2345")
    assert by_metric["max_drawdown"].as_of == dt.date(2025, 5, 14)
    assert by_metric["return_3y"].period == "近三年"


def test_market_data(entities: EntityDictionary) -> None:
    text = "宁德时代股价报收于256.30元，涨幅3.2%，成交额45.6亿元，主力净流入2.1亿元。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert got == {
        ("price", Decimal("256.30")),
        ("change_pct", Decimal("3.2")),
        ("turnover", Decimal("4560000000")),
        ("main_net_inflow", Decimal("210000000")),
    }


def test_shareholder_table_rows(entities: EntityDictionary) -> None:
    text = (
        "浙江智屏视界科技有限公司成立，股权结构如下。\n\n"
        "| 股东 | 持股比例 | 穿透后对应 |\n| :-- | :-- | :-- |\n"
        "| 杭州智屏科技有限公司 | 67% | 阿里巴巴 |\n"
        "| 瀚星创业投资有限公司 | 18% | 小米 |\n"
    )
    got = {(f.subject, f.metric, f.object, f.value) for f in facts(text, entities)}
    assert got == {
        ("杭州智屏科技有限公司", "stake_pct", "浙江智屏视界科技有限公司", Decimal("67")),
        ("瀚星创业投资有限公司", "stake_pct", "浙江智屏视界科技有限公司", Decimal("18")),
    }


def test_tables_and_lists_without_a_holder_per_row_give_no_stakes(
    entities: EntityDictionary,
) -> None:
    by_company = (
        "| 银行 | 增持前持股比例 | 增持后持股比例 |\n| :-- | :-- | :-- |\n"
        "| 工商银行 | 34.71% | 34.72% |"
    )
    assert [f for f in facts(by_company, entities) if f.metric == "stake_pct"] == []
    # a table whose rows are holders gives each row's stake
    by_holder = by_company.replace("| 银行 |", "| 股东 |").replace("工商银行", "澄湖集团")
    assert {(f.subject, f.metric) for f in facts(by_holder, entities)} == {
        ("澄湖集团", "stake_pct")
    }
    respectively = "阿里、小米、海信相关主体分别持股67%、18%、15%。"
    assert facts(respectively, entities) == []


def test_numbers_without_a_known_label_give_nothing(entities: EntityDictionary) -> None:
    assert facts("小米在2014年卖出了6112万部手机，员工约8000人。", entities) == []
    assert facts("营业收入大幅增长。", entities) == []


def test_flatten_joins_figures_broken_onto_their_own_line() -> None:
    text = "云锋基金\n出资\n2.5亿美元\n,成为第二大投资方。\n\n1. 第一项\n2. 第二项"
    view, index = flatten(text)
    assert "云锋基金出资2.5亿美元,成为第二大投资方。" in view
    assert "\n1. 第一项\n2. 第二项" in view
    start = view.index("2.5")
    assert text[index[start] : index[start + 3] + 1] == "2.5亿"


def test_a_markdown_heading_keeps_its_line(entities: EntityDictionary) -> None:
    view, _ = flatten("### 经营概况\n贵州茅台的营业收入为3.2亿元。")
    assert view == "### 经营概况\n贵州茅台的营业收入为3.2亿元。"
    found = facts("### 经营概况\n远岭环境（600999）的营业收入为3.2亿元。", entities)
    assert [f.subject for f in found] == ["远岭环境"]


def test_a_value_of_the_wrong_kind_is_not_that_metric(entities: EntityDictionary) -> None:
    # The main force's trades are not the stock's turnover; the share is of the whole turnover.
    text = "贵州茅台主力成交额12.64亿，占总成交额的7.35%。"
    assert {(f.metric, f.value) for f in facts(text, entities)} == {
        ("main_turnover", Decimal("1264000000")),
        ("main_turnover占总成交额比例", Decimal("7.35")),
    }
    # 成交额 right before a percentage is not a turnover (the percentage is no amount).
    assert facts("贵州茅台成交额8.71%。", entities) == []


def test_industry_figures_and_venues_are_not_the_subject(entities: EntityDictionary) -> None:
    assert facts("贵州茅台所属行业主力净流入-5.21亿，主力趋势不明显。", entities) == []
    text = "快手科技发布公告称，公司于2024年9月5日在香港交易所回购38.20万股，耗资1764.35万港币。"
    assert {(f.subject, f.metric) for f in facts(text, entities)} == {
        ("快手科技", "buyback_shares"),
        ("快手科技", "buyback_amount"),
    }


def test_valuation_ratios_and_volumes(entities: EntityDictionary) -> None:
    text = "2025年06月12日，贵州茅台的滚动市盈率为21.47，市净率为7.32，成交量为12.63万手。"
    assert {(f.metric, f.value) for f in facts(text, entities)} == {
        ("pe_ttm", Decimal("21.47")),
        ("pb", Decimal("7.32")),
        ("volume", Decimal("126300")),
    }


def test_attribute_statements_keep_the_text_s_own_metric_name() -> None:
    fund = EntityRecord("青禾环保新能源指数(LOF)C", "fund")
    entities = EntityDictionary.of([*bundled_entities(), fund])
    text = "截至2025年06月11日，青禾环保新能源指数(LOF)C的产品综合费率为0.87%。"
    (fact,) = facts(text, entities)
    assert (fact.subject, fact.metric, fact.value, fact.unit) == (
        fund.name,
        "产品综合费率",
        Decimal("0.87"),
        "%",
    )
    assert fact.as_of == dt.date(2025, 6, 11)
    # A known label still maps to its metric.
    (price,) = facts("2025年03月21日，贵州茅台的当前价为1587.36元。", entities)
    assert price.metric == "price"


def test_companies_not_in_the_dictionary_are_read_from_their_written_form(
    entities: EntityDictionary,
) -> None:
    text = (
        "青川股份（605999）属于上海证券交易所。2025年05月15日截止目前青川股份的当前价为12.30元、"
        "最高价为12.55元、涨跌幅为+1.20%；2024年12月31日青川股份的流通股本为3.10亿股、"
        "总股本为4.20亿股。"
    )
    got = {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities)}
    day, year_end = dt.date(2025, 5, 15), dt.date(2024, 12, 31)
    assert got == {
        ("青川股份", "price", Decimal("12.30"), day),
        ("青川股份", "high", Decimal("12.55"), day),
        ("青川股份", "change_pct", Decimal("1.20"), day),
        ("青川股份", "float_shares", Decimal("310000000"), year_end),
        ("青川股份", "total_shares", Decimal("420000000"), year_end),
    }


def test_fund_profile_dated_by_its_stated_data_date(entities: EntityDictionary) -> None:
    text = (
        "“长乐稳健债券型证券投资基金A类”是一只债券型基金。长期收益能力强：产品近3年年化收益4.10%，"
        "超过基准指数1.20%。管理规模适中：当前产品主副份额合并规模为8.36亿。"
        " * 以上产品数据指标的统计时间截止到2025年03月20日。"
    )
    found = facts(text, entities, title="基金基本信息")
    name = "长乐稳健债券型证券投资基金A类"
    assert {(f.subject, f.metric, f.value) for f in found} == {
        (name, "近3年年化收益", Decimal("4.10")),
        (name, "近3年年化收益超过基准指数", Decimal("1.20")),
        (name, "主副份额合并规模", Decimal("836000000")),
    }
    assert {f.as_of for f in found} == {dt.date(2025, 3, 20)}


def test_a_trailing_window_keeps_the_as_of_date(entities: EntityDictionary) -> None:
    text = "截止到2025年06月11日,近一周基金收益拆解：长乐稳健债券A近一周的基金收益率是: 0.35%"
    (fact,) = facts(text, entities, title="长乐稳健债券A(002999)的收益分析")
    assert (fact.subject, fact.metric) == ("长乐稳健债券A", "基金收益率")
    assert fact.value == Decimal("0.35")
    assert (fact.as_of, fact.period) == (dt.date(2025, 6, 11), "近一周")


def test_price_moves_and_shares_of_turnover(entities: EntityDictionary) -> None:
    text = (
        "5月15日，恒远精密盘中下跌3.09%，报25.10元/股。资金流向方面，恒远精密主力资金净流入"
        "734.58万元，占总成交额2.61%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title="恒远精密跌3.09%")}
    assert got == {
        ("恒远精密", "盘中涨跌幅", Decimal("-3.09")),  # during the session, not at the close
        ("恒远精密", "price", Decimal("25.10")),
        ("恒远精密", "main_net_inflow", Decimal("7345800")),
        ("恒远精密", "main_net_inflow占总成交额比例", Decimal("2.61")),
    }
    # A figure named between the company and the verb is not its share price.
    assert facts("恒远精密(603999)营收下跌5%。", entities) == []


def test_macro_figures_are_about_the_economy_the_text_names(entities: EntityDictionary) -> None:
    text = "国家统计局数据显示，10月份，全国居民消费价格同比上涨0.3%。其中，食品价格下降0.8%。"
    found = extract_facts(text, published_at=dt.date(2024, 11, 9), entities=entities)
    assert {(f.subject, f.metric, f.value, f.as_of) for f in found} == {
        ("中国", "居民消费价格_yoy", Decimal("0.3"), dt.date(2024, 10, 31)),
        ("中国", "食品价格_yoy", Decimal("-0.8"), dt.date(2024, 10, 31)),
    }
    series = "中国国家外贸差额(月)(亿元)：2025年3月为-9472亿元，2024年12月为-15239亿元。"
    got = {(f.subject, f.value, f.as_of) for f in facts(series, entities)}
    assert got == {
        ("中国", Decimal("-947200000000"), dt.date(2025, 3, 31)),
        ("中国", Decimal("-1523900000000"), dt.date(2024, 12, 31)),
    }


def test_who_reports_a_figure_is_not_its_subject(entities: EntityDictionary) -> None:
    text = "外汇局数据显示，11月国际货物和服务贸易收入21860亿元。"
    assert [f for f in facts(text, entities) if f.subject == "国家外汇管理局"] == []


def test_an_indicator_s_own_series(entities: EntityDictionary) -> None:
    text = "基础设施投资额(不含电力)的累计同比2024年10月为4.30%、2024年9月为4.10%。"
    got = {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities)}
    assert got == {
        ("基础设施投资额(不含电力)", "累计同比", Decimal("4.30"), dt.date(2024, 10, 31)),
        ("基础设施投资额(不含电力)", "累计同比", Decimal("4.10"), dt.date(2024, 9, 30)),
    }


def test_respectively_pairs_items_and_figures_in_order(entities: EntityDictionary) -> None:
    text = "2023年上半年，全国第一产业、第二产业投资分别增长0.1%和8.9%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert got == {
        ("中国", "第一产业投资_yoy", Decimal("0.1")),  # the last item's measure is each one's
        ("中国", "第二产业投资_yoy", Decimal("8.9")),
    }
    # Counts that disagree pair nothing.
    assert facts("2023年，全国食品、能源和服务价格分别上涨1.0%和0.5%。", entities) == []


def test_respectively_lists_items_named_with_and_and_falls(entities: EntityDictionary) -> None:
    # An item's own name may hold 和 (电气机械和器材制造业): 、 alone separates the items; 同比
    # before 分别 is the comparison, and 分别下降 makes every figure of the list a fall.
    text = (
        "2023年上半年，全国电气机械和器材制造业、专用设备制造业投资同比分别增长31.2%和17%。"
        "柴油货车和电动货车价格分别下降2.7%和1.9%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert got == {
        ("中国", "专用设备制造业投资_yoy", Decimal("17")),
        ("中国", "电气机械和器材制造业投资_yoy", Decimal("31.2")),
        ("中国", "柴油货车价格_yoy", Decimal("-2.7")),
        ("中国", "电动货车价格_yoy", Decimal("-1.9")),
    }


def test_a_record_s_name_field_names_its_fields(entities: EntityDictionary) -> None:
    text = (
        "满足条件的股票：股票1，股票名称：恒远精密。股票代码：603999。市值：120.50亿元。"
        "股价：45.20元。股票2，股票名称：青川股份。市值：80.10亿元。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, title="股票筛选卡")}
    assert got == {
        ("恒远精密", "market_cap", Decimal("12050000000")),
        ("恒远精密", "price", Decimal("45.20")),
        ("青川股份", "market_cap", Decimal("8010000000")),
    }


def test_unknown_names_in_a_list_of_moves(entities: EntityDictionary) -> None:
    text = "美股芯片股多数下跌，英伟达跌4.8%，恒远半导体跌3.5%，费城半导体指数跌2.1%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("英伟达", "change_pct", Decimal("-4.8")) in got
    assert ("恒远半导体", "change_pct", Decimal("-3.5")) in got
    # A price or an adverb before the verb is not a company's name; an index named by its
    # head is its own subject.
    assert not any(subject == "股价" for subject, _, _ in got)
    assert ("费城半导体指数", "change_pct", Decimal("-2.1")) in got
    assert facts("从环比看，PPI由上月下降0.2%转为持平。", entities) == []


def test_holdings_in_shares_are_filed_under_the_company_held(entities: EntityDictionary) -> None:
    text = (
        "截至2025年3月31日，中央汇金持有贵州茅台5005万股。"
        "贵州茅台十大流通股东中，香港中央结算有限公司持有的公司股份为2529.91万股。"
        "贵州茅台股价1500元，汇金持股约1040万股。"
    )
    got = {(f.subject, f.metric, f.object, f.value) for f in facts(text, entities)}
    assert got == {
        ("贵州茅台", "shares_held", "中央汇金投资有限责任公司", Decimal("50050000")),
        ("贵州茅台", "shares_held", "香港中央结算有限公司", Decimal("25299100")),
        ("贵州茅台", "shares_held", None, Decimal("10400000")),
        ("贵州茅台", "price", None, Decimal("1500")),
    }
    # Not an average per account, a change, nor a list whose figures are each someone's.
    for text in (
        "贵州茅台户均持股数量为4.12万股。",
        "贵州茅台股东张三增持66.06万股。",
        "贵州茅台：中央汇金与中国证金分别持有1040万股和803.9万股。",
    ):
        assert all(f.metric != "shares_held" for f in facts(text, entities)), text


def test_a_figure_in_the_text_s_own_words_when_its_growth_follows(
    entities: EntityDictionary,
) -> None:
    # No label list names 发送旅客 or 员工总数; the growth written right after the figure
    # shows it is a measured quantity. 同比减 is a fall.
    text = "7月份，全国铁路发送旅客4.15亿人次，同比增长3.7%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert got == {
        ("中国", "铁路发送旅客", Decimal("415000000")),
        ("中国", "铁路发送旅客_yoy", Decimal("3.7")),
    }
    text = "贵州茅台2024年年报显示业绩稳定。当年公司员工总数5218人，同比减1.76%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert got == {
        ("贵州茅台", "员工总数", Decimal("5218")),
        ("贵州茅台", "员工总数_yoy", Decimal("-1.76")),
    }
    # Without a growth beside it, nor for a company figure in a text naming no company.
    assert facts("7月份，全国铁路发送旅客4.15亿人次。", entities) == []
    assert facts("2024年，公司营收突破35亿元，同比增长20.19%。", entities) == []


def test_output_change_after_a_level_with_its_unit_word(entities: EntityDictionary) -> None:
    # 增产/减产 is a crop's change: the figure just stated, whose unit word (吨) the number's
    # span leaves out; 减产 is a fall.
    text = "2022年全国粮食生产再获丰收。夏粮产量14740万吨，增产1.0%；早稻产量2812万吨，减产0.4%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("中国", "夏粮产量_yoy", Decimal("1.0")) in got
    assert ("中国", "早稻产量_yoy", Decimal("-0.4")) in got
