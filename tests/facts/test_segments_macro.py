"""Segments, economies and comparison dates: who and when a figure is about."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.qualifiers import qualifier


def facts(text: str, entities: EntityDictionary, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=dt.date(2025, 5, 15), entities=entities)


def test_a_segment_revenue_is_not_the_company_revenue(entities: EntityDictionary) -> None:
    text = "宁德时代2024年动力电池系统营业收入2530亿元，同比下降13%。公司全年实现营业收入3620亿元。"
    got = {(f.subject, f.metric, f.object, f.value) for f in facts(text, entities)}
    assert ("宁德时代", "revenue", "动力电池系统", Decimal("253000000000")) in got
    assert ("宁德时代", "revenue_yoy", "动力电池系统", Decimal("-13")) in got
    assert ("宁德时代", "revenue", None, Decimal("362000000000")) in got
    assert ("宁德时代", "revenue", None, Decimal("253000000000")) not in got


def test_a_segment_after_qizhong_is_its_object(entities: EntityDictionary) -> None:
    text = "2024年，比亚迪实现营业收入7771亿元，其中汽车业务营收6173亿元。"
    got = {(f.subject, f.metric, f.object, f.value) for f in facts(text, entities)}
    assert ("比亚迪", "revenue", None, Decimal("777100000000")) in got
    assert ("比亚迪", "revenue", "汽车业务", Decimal("617300000000")) in got


def test_qualifier_skips_time_words_and_fillers() -> None:
    for text in ("公司全年实现营业收入", "2024年营收", "一季度营收", "其中营收", "Q1营收"):
        label = text.index("营")
        assert qualifier(text, 0, label, []) is None, text
    text = "公司其中测试设备营收"
    assert qualifier(text, 0, text.index("营"), []) == "测试设备"
    text = "茅台酒营收"  # a name ending at 茅台 leaves one character: not a segment
    assert qualifier(text, 0, text.index("营"), [2]) is None


def test_a_statistics_text_naming_no_economy_is_about_china(entities: EntityDictionary) -> None:
    text = "上半年，基础设施投资同比增长7.2%。8月份，商品零售额同比增长3.7%。"
    got = {(f.subject, f.metric, f.value, f.as_of) for f in facts(text, entities, "统计数据")}
    assert ("中国", "基础设施投资_yoy", Decimal("7.2"), dt.date(2024, 6, 30)) in got
    assert ("中国", "商品零售额_yoy", Decimal("3.7"), dt.date(2024, 8, 31)) in got
    # A foreign text naming no economy is not China's; a company's text is not either.
    kazakh = "阿拉木图市副市长称，骚乱造成的经济损失约为1126亿坚戈，同比增长12%。"
    assert not any(f.subject == "中国" for f in facts(kazakh, entities, "阿拉木图骚乱"))
    company = "公司表示，上半年测试设备营收同比增长7.2%。"
    assert not any(f.subject == "中国" for f in facts(company, entities, "公告"))
    # Nor is the figure a change moved from (由上月下降0.2%转为持平).
    assert facts("从环比看，PPI由上月下降0.2%转为持平。", entities) == []


def test_the_base_of_a_comparison_does_not_date_the_figure(entities: EntityDictionary) -> None:
    text = "2023年，全国茶叶产量355万吨，比1952年的8万吨增长43.4倍。"
    found = [f for f in facts(text, entities, "统计数据") if f.value == Decimal("3550000")]
    assert found and {f.as_of for f in found} == {dt.date(2023, 12, 31)}
    text = "全国果园面积1.9亿亩，比1978年增长6.7倍。"
    found = [f for f in facts(text, entities, "统计数据") if f.value == Decimal("190000000")]
    assert found and {f.as_of for f in found} == {dt.date(2025, 5, 15)}


def test_a_current_figure_is_dated_by_the_report(entities: EntityDictionary) -> None:
    text = "2024年6月30日，中国平安发布半年报。截至发稿，中国平安市值为8000亿元。"
    caps = [f for f in facts(text, entities) if f.metric == "market_cap"]
    assert [f.as_of for f in caps] == [dt.date(2025, 5, 15)]


def test_a_name_opening_a_days_move_is_a_company(entities: EntityDictionary) -> None:
    text = "4月17日，恒远精工涨停，成交额8.62亿元，换手率9.36%。4月18日，恒远精工收盘下跌2.1%。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("恒远精工", "turnover_rate", Decimal("9.36")) in got
    # Written once and not in the title, a run before a move is not taken for a name.
    once = "4月17日，恒远精工涨停，成交额8.62亿元，换手率9.36%。"
    assert not any(f.subject == "恒远精工" for f in facts(once, entities))


def test_a_share_price_rise_is_a_price_move_and_targets_are_not_facts(
    entities: EntityDictionary,
) -> None:
    text = "近5日比亚迪股价上涨1.24%，2025年股价上涨6.57%。公司提出2025年收入增长9%的目标。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("比亚迪", "change_pct", Decimal("6.57")) in got
    assert not any(metric.startswith("price") for _, metric, _ in got)
    assert not any(value == Decimal("9") for _, _, value in got)


def test_an_industry_figure_is_not_the_company_figure(entities: EntityDictionary) -> None:
    text = (
        "在所属的汽车整车行业整体呈现主力资金净流出14.36亿元的背景下，"
        "比亚迪获得主力资金净流入2475万元。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert ("比亚迪", "main_net_inflow", Decimal("24750000")) in got
    assert not any(value == Decimal("1436000000") for _, _, value in got)


def test_a_fund_card_names_its_fund_between_date_and_window(entities: EntityDictionary) -> None:
    text = (
        "截止2025年04月30日远帆汇智6个月持有期混合(FOF)A近一年涨跌幅为3.85%、"
        "近三年涨跌幅为6.20%。跟踪误差：近一月跟踪误差为2.4%；###近一周跟踪误差为3.1%；"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, "基金档案")}
    fund = "远帆汇智6个月持有期混合(FOF)A"
    assert (fund, "change_1y_pct", Decimal("3.85")) in got
    assert (fund, "近一周跟踪误差", Decimal("3.1")) in got
    # A fund text's unnamed figures are never an economy's.
    card = "该产品虽然费率较高，但严跟踪指数。费率较高：产品综合费率1.32%。"
    assert not any(f.subject == "中国" for f in facts(card, entities, "基金档案"))


def test_the_change_of_a_rate_and_a_turned_rate(entities: EntityDictionary) -> None:
    text = (
        "其中，牛肉价格上涨8.7%，涨幅较上月回落0.9个百分点；基建投资增长5.1%，"
        "增速加快0.4个百分点。鲜果价格由上月下降4.6%转为上涨2.2%。"
    )
    got = {(f.subject, f.metric, f.value, f.unit) for f in facts(text, entities, "统计数据")}
    assert ("中国", "牛肉价格_yoy_change", Decimal("-0.9"), "pp") in got
    assert ("中国", "基建投资_yoy_change", Decimal("0.4"), "pp") in got
    assert ("中国", "鲜果价格_yoy", Decimal("2.2"), "%") in got
    assert not any(value == Decimal("-4.6") for _, _, value, _ in got)  # last month's


def test_who_a_figure_is_about_in_lists_and_releases(entities: EntityDictionary) -> None:
    text = (
        "TOP5恒远精工0.21元恒远精工（603999）涨0.52%，报18.470元，换手率2.06%，振幅跌1.15%。"
        "2024年第二季度，恒远精工公司实现总营收4.73亿，毛利率31.40%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, "电子元件股表现")}
    assert ("恒远精工", "turnover_rate", Decimal("2.06")) in got
    assert ("恒远精工", "gross_margin", Decimal("31.40")) in got
    assert not any(subject == "振幅" for subject, _, _ in got)
    release = "财政部数据显示，1~4月，全国一般公共预算支出83517亿元，同比增长2.6%。"
    subjects = {f.subject for f in facts(release, entities, "财政收支")}
    assert subjects == {"中国"}


def test_net_profit_after_non_recurring_items_is_the_adjusted_figure(
    entities: EntityDictionary,
) -> None:
    text = "比亚迪扣除非经常性损益后的净利润为64.35亿元，同比增长92.40%。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("net_profit_adjusted", Decimal("6435000000")) in got
    assert not any(metric == "net_profit" for metric, _ in got)


def test_bare_months_and_the_first_months_date_figures(entities: EntityDictionary) -> None:
    text = (
        "4月单月比亚迪销售额达2867.3亿元，同比增长39.6%，今年前四个月营收同比增长35.2%。"
        "去年4月销量为13.8万辆。5月15日，比亚迪股价上涨2%。"
    )
    got = {(f.metric, f.value, f.as_of) for f in facts(text, entities)}
    assert ("revenue", Decimal("286730000000"), dt.date(2025, 4, 30)) in got
    assert ("revenue_yoy", Decimal("35.2"), dt.date(2025, 4, 30)) in got
    assert ("deliveries", Decimal("138000"), dt.date(2024, 4, 30)) in got
    assert ("change_pct", Decimal("2"), dt.date(2025, 5, 15)) in got


def test_names_are_not_read_across_words_nor_are_industries_companies(
    entities: EntityDictionary,
) -> None:
    text = "国际原油价格下行，其中石油和天然气开采业价格下降8.3%，农副食品加工业的价格指数为98.5。"
    got = facts(text, entities, "国家统计局：工业生产者价格")
    assert got and {f.subject for f in got} == {"中国"}


def test_forecasts_are_marked_and_window_openers_name_companies(
    entities: EntityDictionary,
) -> None:
    text = "分析师此前预计比亚迪的营收能达到2000亿元。"
    got = {(f.subject, f.metric) for f in facts(text, entities)}
    assert got and all(metric.endswith("_forecast") for _, metric in got)
    moves = (
        "恒远精工近5个交易日股价上涨3.42%，最高价为12.68元，当前市值为29.75亿元。"
        "澜石科技近5日股价上涨7%，当前市值为15.32亿元。"
    )
    got_moves = {(f.subject, f.value) for f in facts(moves, entities, "恒远精工异动")}
    assert ("恒远精工", Decimal("12.68")) in got_moves
    pay = "报酬总额(元):3874500.0000|领取报酬的管理层人数:12|前三名董事报酬(元):1026000.0000"
    assert not any(f.subject == "中国" for f in facts(pay, entities, "管理层报酬"))


def test_a_list_of_trailing_windows_under_one_label(entities: EntityDictionary) -> None:
    text = (
        "基金简称：远帆医药创新股票A；赎回到账周期：3天；"
        "普通定投收益：近1年0.0387,近2年-0.0216,近3年-0.0612；七日年化为1.46%。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, "基金档案")}
    fund = "远帆医药创新股票A"
    assert (fund, "普通定投收益近1年", Decimal("0.0387")) in got
    assert (fund, "普通定投收益近3年", Decimal("-0.0612")) in got
    assert (fund, "seven_day_yield", Decimal("1.46")) in got


def test_a_periodic_report_dates_its_figures_but_not_a_days_move(
    entities: EntityDictionary,
) -> None:
    text = (
        "比亚迪在2024年三季报中显示营业收入为76.41亿元，同比下滑21.35%。"
        "2024年3月28日，公司发布年报后，股价下跌7.42%，收于10.36元。"
        "维持2025~2027年EPS分别为0.42/0.53/0.61元，维持目标价12.05元。"
    )
    got = {(f.metric, f.value): f.as_of for f in facts(text, entities)}
    assert got[("revenue", Decimal("7641000000"))] == dt.date(2024, 9, 30)
    assert got[("change_pct", Decimal("-7.42"))] == dt.date(2024, 3, 28)
    targets = [as_of for (metric, _), as_of in got.items() if "目标价" in metric]
    assert targets == [dt.date(2025, 5, 15)]


def test_broker_report_shorthand(entities: EntityDictionary) -> None:
    text = (
        "公司25Q1实现并表销量36.4万台，同环比+4.1%/-1.9%。"
        "比亚迪24Q4营收529.14亿/+7%，经调整归母净利润-13.41亿。"
    )
    got = {(f.metric, f.value, f.as_of) for f in facts(text, entities, "比亚迪点评")}
    assert ("deliveries_yoy", Decimal("4.1"), dt.date(2025, 3, 31)) in got
    assert ("deliveries_qoq", Decimal("-1.9"), dt.date(2025, 3, 31)) in got
    assert ("revenue_yoy", Decimal("7"), dt.date(2024, 12, 31)) in got
    assert ("net_profit_adjusted", Decimal("-1341000000"), dt.date(2024, 12, 31)) in got


def test_deficits_and_bond_quotas_in_a_list(entities: EntityDictionary) -> None:
    text = (
        "2025年新增政府债务规模为11.86万亿，其中财政赤字5.66万亿，特别国债5000亿。"
        "1-6月，政府赤字已经高达3.9万亿，同比增长8%左右。"
    )
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities, "全国财政政策")}
    assert ("中国", "新增政府债务规模", Decimal("11860000000000")) in got
    assert ("中国", "财政赤字", Decimal("5660000000000")) in got
    assert ("中国", "特别国债", Decimal("500000000000")) in got
    assert ("中国", "政府赤字", Decimal("3900000000000")) in got


def test_the_level_a_grown_figure_reached(entities: EntityDictionary) -> None:
    text = "一季度，比亚迪净利润同比暴涨658%，达到33.18亿元。"
    got = {(f.metric, f.value) for f in facts(text, entities)}
    assert ("net_profit_yoy", Decimal("658")) in got
    assert ("net_profit", Decimal("3318000000")) in got


def test_a_bound_still_states_the_figure(entities: EntityDictionary) -> None:
    got = {(f.metric, f.value) for f in facts("5月12日，比亚迪换手率超过10%。", entities)}
    assert ("turnover_rate", Decimal("10")) in got


def test_a_bracketed_figure_after_its_label(entities: EntityDictionary) -> None:
    text = "比亚迪当日的换手率（24.6%）远超行业平均换手率（2.91%）。"
    got = {(f.subject, f.metric, f.value) for f in facts(text, entities)}
    assert got == {("比亚迪", "turnover_rate", Decimal("24.6"))}


def test_a_model_year_is_no_date(entities: EntityDictionary) -> None:
    text = "截至3月15日，2019年款及更新型号的特斯拉车型在全部以旧换新车辆中所占的比例为2.3%。"
    found = facts(text, entities)
    assert found and {f.as_of for f in found} == {dt.date(2025, 3, 15)}


def test_a_forecast_sentence_marks_its_growth_too(entities: EntityDictionary) -> None:
    text = "比亚迪公告，预计2024年净利润70亿元-75亿元，同比增长289.32%-317.13%。"
    got = {f.metric for f in facts(text, entities)}
    assert got and all(metric.endswith("_forecast") for metric in got)
    assert got == {"net_profit_forecast", "net_profit_yoy_forecast"}


def test_metric_names_fit_the_store(entities: EntityDictionary) -> None:
    from touyan.facts.extract import METRIC_MAX
    from touyan.store.models import Fact

    assert Fact.__table__.c.metric.type.length == METRIC_MAX
    # …利润率_yoy_change_forecast would be 35 characters: the change is left out, not cut.
    text = "预计今年全国规模以上工业企业营业收入利润率同比增长5%，增速比上月加快0.2个百分点。"
    got = {(f.metric, f.value) for f in facts(text, entities, "国家统计局")}
    assert got == {("规模以上工业企业营业收入利润率_yoy_forecast", Decimal("5"))}


def test_a_growth_belongs_to_the_figure_right_before_it(entities: EntityDictionary) -> None:
    text = (
        "当前全国蔬菜在田面积8000万亩左右，同比增加200万亩，"
        "预计未来3个月蔬菜供应总量1.7亿吨，同比增加350万吨。"
    )
    got = {(f.metric, f.value) for f in facts(text, entities, "国家统计局")}
    assert ("蔬菜在田面积_yoy_change", Decimal("2000000")) in got  # 全国 is the subject
    assert not any(
        value == Decimal("3500000") and metric.startswith("蔬菜在田面积") for metric, value in got
    )
