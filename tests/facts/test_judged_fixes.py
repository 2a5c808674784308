"""Errors of the hand-judged dev sample (bench/judged.py) fixed on 2026-12-04, each in our own
sentences: who a figure is about, what it measures and when it holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityRecord, bundled_dictionary
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=bundled_dictionary())


def test_the_world_compared_with_is_not_the_subject() -> None:
    text = "作为全球第一大造船国，中国在全球造船业中的份额已经达到55%。"
    assert {f.subject for f in facts(text)} == {"中国"}
    text = (
        "国家统计局公布4月数据。4月全球铜价大涨。中国4月工业增加值同比增长6.1%。出口环比增长2.5%。"
    )
    assert {f.subject for f in facts(text) if f.metric.startswith("出口")} == {"中国"}


def test_a_list_compared_month_on_month_is_month_on_month() -> None:
    text = "统计局公布4月物价数据。门票、快递费和理发价格环比分别上涨2.1%、1.4%和0.6%。"
    metrics = [f.metric for f in facts(text, title="4月中国物价")]
    assert metrics == ["门票价格_qoq", "快递费价格_qoq", "理发价格_qoq"]


def test_a_month_day_after_a_reported_quarter_is_in_the_publication_year() -> None:
    text = (
        "2024年第三季度，华光电子实现营收5.1亿元。TOP3华光电子1月24日10时05分，"
        "华光电子(600123)涨1.5%，报12.30元。"
    )
    found = extract_facts(text, published_at=dt.date(2025, 1, 25))
    moves = [f for f in found if f.metric == "change_pct"]
    assert [f.as_of for f in moves] == [dt.date(2025, 1, 24)]


def test_a_move_over_days_keeps_its_window() -> None:
    text = "5月15日，华光电子(600123)涨1.5%，报12.30元，5日内股价下跌2.4%，今年来上涨8.1%。"
    metrics = {f.metric: f.value for f in facts(text) if f.unit == "%"}
    assert metrics == {
        "change_pct": Decimal("1.5"),
        "近5日涨跌幅": Decimal("-2.4"),
        "change_ytd_pct": Decimal("8.1"),
    }


def test_a_flow_over_days_keeps_its_window() -> None:
    text = (
        "5月15日，华光电子(600123)主力净流出420万元。"
        "5日主力流入1.2亿元，10日主力流入累计达3.4亿元。"
    )
    metrics = [f.metric for f in facts(text)]
    assert metrics == ["main_net_outflow", "main_inflow_5d", "main_inflow_10d"]


def test_a_percentile_is_where_a_balance_ranks() -> None:
    text = (
        "5月14日，华光电子(600123)融资余额2.1亿元，占流通市值的3.1%，低于历史20%分位水平。"
        "融券余额52.3万元，超过近一年70%分位水平。"
    )
    metrics = {f.metric: f.value for f in facts(text) if f.unit == "%"}
    assert metrics == {
        "margin_balance占流通市值比例": Decimal("3.1"),
        "margin_balance_below_hist_pctile": Decimal("20"),
        "short_balance_above_1y_pctile": Decimal("70"),
    }


def test_a_share_of_a_whole_is_the_share_of_what_was_just_stated() -> None:
    text = "上半年，全国加工贸易进出口增长2.2%，占进出口总额的比重为18.4%。"
    metrics = [f.metric for f in facts(text)]
    assert metrics == ["加工贸易进出口_yoy", "加工贸易进出口占进出口总额比重"]


def test_bare_labels_take_the_figure_they_follow_or_give_nothing() -> None:
    text = "截至4月30日，华光电子(600123)股东户数为2.3万户，较4月18日增加410户，增幅为1.8%。"
    assert "股东户数增幅" in {f.metric for f in facts(text)}
    text = "5月14日，华光电子(600123)的主力资金出现了流出，金额为520.3万元。"
    assert [f.metric for f in facts(text)] == ["main_net_outflow"]
    text = "5月14日，华光电子(600123)公告称，金额为520.3万元。"
    assert facts(text) == []


def test_moves_of_names_lost_with_their_links_are_no_ones() -> None:
    text = "美股收盘，道指跌0.3%。热门中概股多数上涨，涨逾12%，涨近3%。"
    assert [f.value for f in facts(text)] == [Decimal("-0.3")]


def test_a_names_bracketed_code_is_not_part_of_the_label() -> None:
    text = "2025年4月30日，华光电子（600123）股东户数为1.09万户。"
    assert [(f.subject, f.metric) for f in facts(text)] == [("华光电子", "股东户数")]


def test_an_agency_named_after_a_country_is_no_economy() -> None:
    text = (
        "经中国证券监督管理委员会核准，公司于2021年4月非公开发行股票，扣除各项发行费用"
        "1,200,000.00元后，实际募集资金净额为98,800,000.00元。"
    )
    assert "中国" not in {f.subject for f in facts(text)}
    # led by the company's name the same filing's figures are the company's
    assert {f.subject for f in facts("华光电子(600123)公告。" + text)} == {"华光电子"}


def test_a_balance_is_filed_with_its_item() -> None:
    text = (
        "截至2024年半年度，华光电子(600123)的应收票据主要由银行承兑汇票组成，期末余额为"
        "5,120,300.00元。短期薪酬包括工资和奖金。期初余额总计为800,000.00元，本期增加"
        "300,000.00元，期末余额为650,000.00元。"
    )
    balances = [f.metric for f in facts(text) if "余额" in f.metric]
    assert balances == ["应收票据期末余额", "短期薪酬期初余额", "短期薪酬期末余额"]
    assert facts("华光电子(600123)2024年半年度期末余额为5,120,300.00元。") == []


def test_a_title_naming_two_companies_names_neither_as_the_topic() -> None:
    title = "腾讯控股和拼多多一季度业绩"
    text = "分业务看，交易服务收入同比增长18%。"
    assert facts(text, title=title) == []
    assert {f.subject for f in facts(text, title="拼多多一季度业绩")} == {"拼多多"}


def test_a_name_with_its_code_glued_on_is_the_subject() -> None:
    text = (
        "2025年5月9日，恒立实业股价平稳。华光电子600123在近7个交易日中，华光电子有3天下跌，"
        "期间整体下跌1.2%，最高价为10.4元，当前市值为32.1亿元。"
    )
    found = {f.metric: f for f in facts(text)}
    assert {f.subject for f in found.values()} == {"华光电子"}
    assert found["high"].period == "近7个交易日"
    assert found["market_cap"].period is None  # 当前: the day's, not the window's


def test_a_us_companys_gaap_net_income_is_its_profit() -> None:
    text = "特斯拉2024年GAAP 净收入70.9亿美元，非 GAAP 净收入84亿美元。"
    metrics = {f.metric: f.value for f in facts(text)}
    assert metrics == {
        "net_profit": Decimal("7090000000"),
        "net_profit_adjusted": Decimal("8400000000"),
    }


def test_static_and_trailing_ratios_are_told_apart() -> None:
    text = (
        "截至2025年5月14日，华光电子(600123)的滚动股息率为1.2%，静态股息率为0.8%，"
        "市盈率（TTM）为18.5倍，市盈率(静)为20.1，市盈率（动态）为16.2。"
    )
    metrics = {f.metric: f.value for f in facts(text)}
    assert metrics == {
        "dividend_yield": Decimal("1.2"),
        "dividend_yield_static": Decimal("0.8"),
        "pe_ttm": Decimal("18.5"),
        "pe_static": Decimal("20.1"),
        "pe_forward": Decimal("16.2"),
    }


def test_an_index_is_the_subject_only_of_sentences_naming_it() -> None:
    text = "沪指今日下跌0.68%。收盘股价最高的是某新股，今日收盘价为391.50元，上涨3.18%。"
    assert [(f.subject, f.value) for f in facts(text)] == [("上证综合指数", Decimal("-0.68"))]


def test_a_rating_verb_before_a_lost_name_is_no_name() -> None:
    text = "东岭证券04月22日发布研报称，给予（300750.SZ，最新价：231.40元）增持评级。"
    assert "给予" not in {f.subject for f in facts(text)}


def test_a_ranked_holder_before_the_holding_is_its_object() -> None:
    text = (
        "截止2025年3月31日，华光电子(600123)前十大流通股东里，香港中央结算有限公司位居第二大"
        "流通股东，持股1873.40万股，较上期增加212.06万股。"
    )
    held = [f for f in facts(text) if f.metric == "shares_held"]
    assert [(f.subject, f.object) for f in held] == [("华光电子", "香港中央结算有限公司")]


def test_an_investor_has_no_quote_of_its_own_only_holdings() -> None:
    title = "中央汇金加仓的上市公司有哪些亮点？"
    text = "1、某电力当前股价4.61元，汇金持股2.09亿股。"
    assert [(f.subject, f.metric, f.value) for f in facts(text, title=title)] == [
        ("中央汇金投资有限责任公司", "holding_shares", Decimal("209000000"))
    ]


def test_a_weeks_low_and_a_listed_window_stay_their_own() -> None:
    text = "2025年05月14日华光电子(600123)的近三月涨跌幅为-8.06%、上周最低价为6.89元。"
    found = {f.metric: f for f in facts(text)}
    assert set(found) == {"change_3m_pct", "上周最低价"}  # the window's move, not the day's
    assert found["change_3m_pct"].period == "近三月"
    assert found["上周最低价"].period != "近三月"  # the window of the item before


def test_a_clause_read_as_a_label_is_named_as_meant_or_gives_nothing() -> None:
    assert facts("连续涨停期间，该股累计上涨15.93%。") == []
    text = "截至5月14日，华光电子(600123)的滚动股息率和静态股息率均为0.61%。"
    assert {f.metric for f in facts(text)} == {"dividend_yield", "dividend_yield_static"}
    text = "华光电子600123在近7个交易日中，华光电子有3天上涨，期间整体上涨2.75%。"
    assert [(f.metric, f.as_of) for f in facts(text)] == [("近7个交易日涨跌幅", DAY)]
    text = "2025年一季度，全国用电量日均同比增长3.7%。"
    assert [f.metric for f in facts(text)] == ["用电量日均_yoy"]


def test_a_headline_promising_a_forecast_forecasts_no_figure() -> None:
    text = "华光电子跌0.17%，成交额14.55亿元！后市是否有机会？附走势预测华光电子(600123)跌0.17%。"
    assert not any(f.metric.endswith("_forecast") for f in facts(text))


def test_list_markers_periods_and_bullets_do_not_name_or_date_figures() -> None:
    text = (
        "4月，特别国债开启发行，一是首发1支特别国债1380亿元，"
        "二是续发3支超长期特别国债合计1540亿元。"
    )
    assert not any(f.metric.startswith(("一是", "二是")) for f in facts(text, title="4月中国财政"))
    text = (
        "国债净融资保持较快进度。今年前四个月，国债累计发行4.5万亿元。4月下旬，特别国债开启发行，"
        "一是首发1支特别国债1200亿元，二是发行2支超长期特别国债合计1100亿元。"
    )
    metrics = [f.metric for f in facts(text, title="国债发行进度如何？")]
    assert metrics == ["国债累计发行", "首发1支特别国债", "发行2支超长期特别国债"]
    text = "截至2025年5月14日，华光电子(600123)• 近3年平均股息率4.2%• 分红率35%"
    payout = [f for f in facts(text) if f.metric == "分红率"]
    assert [f.period for f in payout] == ["2025-05-14"]
    text = "华光电子(600123)在2025年第一季度的表现显示，该季度实现营业收入33.7亿元。"
    assert [f.object for f in facts(text) if f.metric == "revenue"] == [None]


def test_this_weeks_totals_and_moves_with_their_own_window() -> None:
    text = "华光电子（600123）周评：本周涨1.1%，主力资金合计净流入900万元。"
    assert [f.period for f in facts(text)] == ["本周"]
    text = "5月13日，华光电子(600123)涨2.37%，本周累计涨超11%，今年以来涨超0.9%。"
    ytd = [f for f in facts(text) if f.metric == "change_ytd_pct"]
    assert [f.period for f in ytd] == ["今年以来"]  # its own window, not 本周


def test_broker_branches_named_by_their_street_are_seats() -> None:
    text = (
        "5月13日，华光电子(600123)跌5.46%，登上龙虎榜。其中，机构席位买入4871.20万元，"
        "某某证券杭州互联网分公司买入3152.08万元，某某证券昆明金碧路买入2716.40万元。"
    )
    seats = {(f.subject, f.metric, f.object) for f in facts(text) if f.metric.startswith("seat")}
    assert seats == {
        ("华光电子", "seat_buy", "某某证券杭州互联网分公司"),
        ("华光电子", "seat_buy", "某某证券昆明金碧路"),
    }


def test_a_fund_a_user_added_keeps_its_days_move() -> None:
    entities = bundled_dictionary()
    entities.add(EntityRecord("华光创新混合A", "fund"))
    text = "截止2025年05月13日华光创新混合A单位净值为1.2043元人民币、涨跌幅为-0.31%。"
    found = extract_facts(text, published_at=DAY, entities=entities)
    assert {(f.subject, f.metric) for f in found} == {
        ("华光创新混合A", "nav"),
        ("华光创新混合A", "change_pct"),
    }


def test_a_banks_income_lines_are_not_its_revenue() -> None:
    text = (
        "2025年一季度，平安银行利息净收入为196.40亿元，同比下降6.85%；"
        "手续费及佣金净收入为58.12亿元；非息收入同比下降14%。"
    )
    metrics = [f.metric for f in facts(text)]
    assert metrics == [
        "net_interest_income",
        "net_interest_income_yoy",
        "fee_income",
        "non_interest_income_yoy",
    ]


def test_a_business_named_before_the_period_is_the_segment() -> None:
    text = "谷歌云业务2024年第四季度收入119.6亿美元，同比增长31%。"
    assert {(f.metric, f.object) for f in facts(text)} == {
        ("revenue", "云业务"),
        ("revenue_yoy", "云业务"),
    }


def test_a_result_compared_with_last_year_is_last_years_in_report_season() -> None:
    text = "华光电子(600123)基本每股收益为6.86元/股，较上年的5.95元/股增长15.3%。"
    found = extract_facts(text, published_at=dt.date(2025, 4, 2))
    assert {(f.metric, f.as_of) for f in found if f.metric == "eps"} == {
        ("eps", dt.date(2024, 12, 31))
    }
    # Published after April: no annual report's season, and the text names no period, so the
    # result is undated (not the day of writing's).
    later = extract_facts(text, published_at=dt.date(2025, 8, 20))
    assert {f.as_of for f in later if f.metric == "eps"} == {None}


def test_what_was_achieved_is_the_segment_not_who_achieved_it() -> None:
    text = "2025年第一季度，华光电子(600123)通过自营平台实现酒类收入58.70亿元。"
    assert [f.object for f in facts(text) if f.metric == "revenue"] == ["酒类"]
    text = "2025年第一季度，华光电子(600123)酒店业务实现营收15.63亿元。"
    assert [f.object for f in facts(text) if f.metric == "revenue"] == ["酒店业务"]
    text = "平安银行发布2025年一季报，该行实现营收281.46亿元。"
    assert [f.object for f in facts(text) if f.metric == "revenue"] == [None]


def test_a_holdings_value_and_a_listing_criterion_are_no_market_figures() -> None:
    text = (
        "华光电子(600123)：截至2025年一季报，共有3家机构持仓华光电子，"
        "其中基金2家、其他1家，合计持股数2168.43万股，持股市值0.47亿元。"
    )
    assert "market_cap" not in {f.metric for f in facts(text)}
    assert "holding_value" in {f.metric for f in facts(text)}
    text = "5月13日，华光电子(600123)因换手率达20%的证券登上龙虎榜，当日换手率42.73%。"
    assert [f.value for f in facts(text) if f.metric == "turnover_rate"] == [Decimal("42.73")]


def test_taiwan_dollars_and_taiwans_words_for_profit() -> None:
    text = (
        "台积电公布第四季度业绩，合并营收约6127.3亿新台币，"
        "税后纯益约2489.7亿新台币，每股盈余9.61元新台币。"
    )
    found = {f.metric: (f.value, f.currency) for f in facts(text)}
    assert found == {
        "revenue": (Decimal("612730000000"), "TWD"),
        "net_profit": (Decimal("248970000000"), "TWD"),
        "eps": (Decimal("9.61"), "TWD"),
    }


def test_a_block_trade_report_is_no_economys() -> None:
    text = "2025年5月14日，某银行发生了1笔大宗交易，成交价5.37元。当日收盘报价5.37元，涨幅0.94%。"
    assert "中国" not in {f.subject for f in facts(text)}
    # with its stock named the report's figures are the stock's
    named = text.replace("某银行", "华光电子(600123)")
    assert {f.subject for f in facts(named)} == {"华光电子"}


def test_a_time_of_day_ends_a_window_and_the_stock_moves_on_the_day() -> None:
    text = "1月24日收盘前，贵州茅台今年来上涨3.15%，截至13时34分，该股涨1.2%报1530.00元。"
    found = {f.metric: f for f in facts(text)}
    assert found["change_ytd_pct"].value == Decimal("3.15")
    assert found["change_pct"].value == Decimal("1.2")
    assert found["price"].period != "今年"


def test_a_cumulative_move_over_an_unnamed_span_is_not_the_days() -> None:
    text = "贵州茅台连续涨停期间，该股累计上涨12.50%，换手率为3.20%。"
    # the run's gain, named by its span (read_cards), never the day's change_pct
    assert [f.metric for f in facts(text) if f.value == Decimal("12.50")] == [
        "连续涨停期间累计涨幅"
    ]
    text = "近一周来，贵州茅台累计上涨6.20%。"
    assert [f.period for f in facts(text) if f.value == Decimal("6.20")] == ["近一周"]


def test_a_window_after_an_unknown_name_is_the_moves_not_the_names() -> None:
    text = "1月24日收盘消息，华光电子今年来上涨5.12%，截至14时02分，该股涨0.8%报12.30元。"
    found = {(f.subject, f.metric): f.value for f in facts(text, title="华光电子")}
    assert found == {
        ("华光电子", "change_ytd_pct"): Decimal("5.12"),
        ("华光电子", "change_pct"): Decimal("0.8"),
        ("华光电子", "price"): Decimal("12.30"),
    }


def test_each_item_of_a_digest_is_about_the_company_that_announced_it() -> None:
    text = (
        "公告速递。1、贵州茅台公告，一季度营业收入为514亿元。2、华光电子公告，2024年净利润同比"
        "下降35.20%。3、东海精工披露重大资产重组草案，收购总价12.5亿元。"
    )
    found = {f.value: f.subject for f in facts(text)}
    assert found[Decimal("51400000000")] == "贵州茅台"
    assert found[Decimal("-35.20")] == "华光电子"
    assert found[Decimal("1250000000")] == "东海精工"


def test_a_loss_range_keeps_both_ends() -> None:
    text = "华光电子(600123)发布业绩预告，预计2024年归母净利润亏损2000万元至2800万元。"
    (fact,) = [f for f in facts(text) if f.metric.startswith("net_profit")]
    assert (fact.value, fact.high) == (Decimal("-28000000"), Decimal("-20000000"))


def test_a_projects_figures_are_the_projects_and_its_completion_date_dates_none() -> None:
    text = (
        "华光电子(600123)在2024年的年度报告中介绍了在建项目：光刻胶项目预计完工时间为2026年3月，"
        "产能利用率为45.5%，总投资额约3亿元；封装材料项目预计完工时间为2026年9月，产能利用率为"
        "38.2%。具体项目中，研发费用为0.8亿元。"
    )
    found = {f.value: f for f in facts(text)}
    rate = found[Decimal("45.5")]
    assert (rate.metric, rate.object, rate.as_of) == (
        "产能利用率",
        "光刻胶项目",
        dt.date(2024, 12, 31),
    )
    assert found[Decimal("300000000")].object == "光刻胶项目"
    assert found[Decimal("38.2")].object == "封装材料项目"
    assert found[Decimal("80000000")].object is None  # 具体项目: an account's items


def test_a_date_does_not_carry_into_the_next_item_of_a_list_of_companies() -> None:
    text = (
        "公告精选。1、华光电子公告，公司于2025年5月9日收到中标通知书。2、东海精工公告，"
        "拟投资5亿元建设新基地。"
    )
    (fact,) = [f for f in facts(text) if f.value == Decimal("500000000")]
    assert (fact.subject, fact.as_of) == ("东海精工", DAY)


def test_a_list_a_verb_opens_is_what_the_label_measures() -> None:
    text = "统计局数据显示，我国消费平稳增长。2024年补贴政策带动手机、电脑产品销售额超2000亿元。"
    (fact,) = facts(text)
    assert (fact.metric, fact.value) == ("手机、电脑产品销售额", Decimal("200000000000"))
    text = "统计局数据显示，我国消费平稳增长。2024年手机、电脑产品销售额超2000亿元。"
    assert [f.metric for f in facts(text)] == ["电脑产品销售额"]  # where the list opens is unknown


def test_the_date_a_figure_is_compared_with_does_not_date_it() -> None:
    text = (
        "截止2025-03-31，华光电子(600123)共有12家主力机构，"
        "其中基金持仓与2024-12-31相比增持52.30万股。"
    )
    (fact,) = [f for f in facts(text) if f.value == Decimal("523000")]
    assert fact.as_of == dt.date(2025, 3, 31)


def test_an_outlook_in_a_later_clause_does_not_date_the_figure() -> None:
    text = (
        "统计局数据显示，我国光伏装机稳定增长。"
        "当前国内分布式光伏占比达到45%，2026年有望迎来新的增长。"
    )
    (fact,) = [f for f in facts(text) if f.value == Decimal("45")]
    assert fact.as_of == DAY


def test_a_broker_citing_or_writing_about_others_is_not_their_subject() -> None:
    names = EntityRecord("华鑫证券", "company", ("华鑫证券股份有限公司",))
    dictionary = bundled_dictionary()
    dictionary.add(names)
    text = (
        "个股诊断服务由华鑫证券提供。华鑫证券认为最近四个季度ROE为6.5%，华光电子(600123)"
        "所属行业为半导体。"
    )
    found = extract_facts(text, published_at=DAY, entities=dictionary)
    assert [f.subject for f in found if f.value == Decimal("6.5")] != ["华鑫证券"]
    # the same card stating the ratio of the company is the company's
    text = "个股诊断服务由华鑫证券提供。华光电子(600123)最近四个季度ROE为6.5%，所属行业为半导体。"
    found = extract_facts(text, published_at=DAY, entities=dictionary)
    assert [f.subject for f in found if f.value == Decimal("6.5")] == ["华光电子"]
    text = "华鑫证券宏观周报。国家统计局数据显示，4月份全国居民消费价格同比上涨0.3%。"
    found = extract_facts(text, published_at=DAY, entities=dictionary)
    assert [f.subject for f in found if f.value == Decimal("0.3")] == ["中国"]


def test_a_month_compared_with_is_no_window() -> None:
    text = "统计局公布4月份数据。全国PPI环比下降0.3%，降幅与上月相同，同比下降2.5%。"
    (fact,) = [f for f in facts(text) if f.value == Decimal("-2.5")]
    assert (fact.as_of, fact.period) == (dt.date(2025, 4, 30), "4月份")


def test_an_issue_date_field_dates_no_figure_after_it() -> None:
    text = "华光电子(600123)2024年年报显示。公司债券发行日期为2021年6月8日，累计投入金额为2.5亿元。"
    (fact,) = [f for f in facts(text) if f.value == Decimal("250000000")]
    assert fact.as_of == dt.date(2024, 12, 31)


def test_a_column_before_the_headline_is_cut_not_the_headline() -> None:
    text = "公司全年实现营业收入1700亿元，同比增长15%。"
    for title in ("公司热点｜贵州茅台发布年报", "贵州茅台发布年报_网易订阅"):
        assert {f.subject for f in facts(text, title=title)} == {"贵州茅台"}


def test_a_cards_rank_among_the_market_is_named_as_a_rank() -> None:
    text = (
        "华光电子(600123)个股诊断：最近四个季度ROE为12.39%，高于市场64%的公司；"
        "最近四个季度毛利率为21.16%，低于市场53%的公司。"
    )
    found = {f.metric: f.value for f in facts(text)}
    assert found["roe_above_market_pct"] == Decimal("64")
    assert found["gross_margin_below_market_pct"] == Decimal("53")


def test_a_line_headed_by_a_business_is_that_business() -> None:
    text = (
        "贵州茅台2025年第一季度业绩：\n- 系列酒业务：收入45.2亿元，同比增长18.3%。\n"
        "- 公司整体营业收入为514亿元。"
    )
    found = {f.value: f.object for f in facts(text)}
    assert found[Decimal("4520000000")] == "系列酒业务"
    assert found[Decimal("18.3")] == "系列酒业务"
    assert found[Decimal("51400000000")] is None


def test_each_item_of_a_list_is_its_share_of_the_whole_named_after_it() -> None:
    text = (
        "截至2024年末，招商银行营业收入为3375亿元。负债结构上，存款、同业负债和债券占计息负债"
        "比重分别为75.2%、12.1%和9.3%。"
    )
    metrics = {f.value: f.metric for f in facts(text)}
    assert metrics[Decimal("75.2")] == "存款占计息负债比重"
    assert metrics[Decimal("9.3")] == "债券占计息负债比重"


def test_a_window_that_counts_something_does_not_cover_the_figures_after_it() -> None:
    text = (
        "最近30天内有12个研究报告给予贵州茅台评级，涨停：1630.00，跌停：1340.00，成交量：2.1万手。"
    )
    (limit,) = [f for f in facts(text) if f.metric == "limit_up"]
    assert (limit.value, limit.period) == (Decimal("1630.00"), None)


def test_a_short_name_that_starts_a_products_word_keeps_the_product_in_the_label() -> None:
    text = "贵州茅台2024年年报显示，茅台酒生产量为5.6万吨，同比下降1.2%。"
    metrics = {f.metric for f in facts(text)}
    assert metrics == {"茅台酒生产量", "茅台酒生产量_yoy"}


def test_a_balance_of_listed_items_names_them_all() -> None:
    text = (
        "华光电子(600123)2024年半年度报告显示，应付职工薪酬期初余额为1.2亿元。具体项目包括薪金、"
        "奖励、福利和补助期初余额为6,512.30万元，本期增加3.18亿元。"
    )
    metrics = {f.value: f.metric for f in facts(text)}
    assert metrics[Decimal("65123000")] == "薪金、奖励、福利和补助期初余额"
    assert metrics[Decimal("318000000")] == "薪金、奖励、福利和补助本期增加"


def test_a_business_line_named_before_its_short_name_in_brackets_is_the_segment() -> None:
    text = "贵州茅台2025年第一季度，其中：- 酱香系列酒（系列酒）收入45亿元，同比增长18%。"
    objects = {f.metric: f.object for f in facts(text)}
    assert objects == {"revenue": "酱香系列酒", "revenue_yoy": "酱香系列酒"}


def test_a_fiscal_quarter_reported_before_its_calendar_namesake_is_undated() -> None:
    text = "英伟达2026财年第一季度营业收入为440.6亿美元，同比增长69%。"
    found = extract_facts(text, published_at=dt.date(2025, 5, 29), entities=bundled_dictionary())
    assert {f.as_of for f in found if f.metric.startswith("revenue")} == {None}


def test_a_bare_flow_after_the_main_forces_is_the_main_forces_too() -> None:
    text = "5月14日，贵州茅台主力资金流入3.21亿元，流出2.80亿元，实现净流入4100万元。"
    metrics = {f.value: f.metric for f in facts(text)}
    assert metrics[Decimal("280000000")] == "main_outflow"
    assert metrics[Decimal("41000000")] == "main_net_inflow"


def test_a_forecast_ends_at_a_cards_next_field() -> None:
    text = (
        "小米集团最新现价50.20元，机构对其预测的最低目标价58元，最高目标价66元，"
        "个股诊断：诊断分数：72分，打败股票71.30%，其中行业排名9/120，总体排名801/5400。"
    )
    found = {f.value: f.metric for f in facts(text)}
    assert found[Decimal("801")] == "总体排名"
    assert found[Decimal("71.30")] == "diagnosis_beat_pct"
    text = "机构预测小米集团2026年营收5800亿元，净利润400亿元。"
    assert {f.metric for f in facts(text)} >= {"revenue_forecast", "net_profit_forecast"}


def test_a_bold_section_heading_ends_the_year_an_earlier_heading_named() -> None:
    text = (
        "**三、2026年财务预测**1. 营收预测---**四、风险因素**1. 单一品类风险"
        "小米集团手机收入占比仍超60%，若2026年存储价格上涨超5%，毛利率或承压。"
    )
    found = extract_facts(text, published_at=dt.date(2026, 4, 25), entities=bundled_dictionary())
    share = next(f for f in found if f.value == Decimal("60"))
    assert share.as_of != dt.date(2026, 12, 31)  # the running year carried, not the heading's


def test_a_name_in_a_bracketed_list_of_examples_states_no_figure() -> None:
    text = (
        "此模式与特斯拉的降本逻辑相似，但小米集团通过多品牌矩阵（小米/红米/极氪）分摊研发成本，"
        "2024年毛利率提升0.8个百分点。"
    )
    margin = next(f for f in facts(text) if f.value == Decimal("0.8"))
    assert margin.subject == "小米集团"


# Found in review (2026-12-05), each confirmed on sentences of our own.


def test_a_forecast_goes_on_past_a_breakdown_colon() -> None:
    text = "小米集团预计2025年实现营收5000亿元，其中：手机营收2000亿元。"
    assert {f.metric for f in facts(text)} == {"revenue_forecast"}


def test_the_new_level_is_not_dated_by_the_old_levels_year() -> None:
    found = {f.value: f.as_of for f in facts("小米集团净利润从2023年的1.5亿元增长到2.0亿元。")}
    assert found[Decimal("150000000")] == dt.date(2023, 12, 31)
    assert found[Decimal("200000000")] != dt.date(2023, 12, 31)
    found = {f.value: f.as_of for f in facts("小米集团市占率从2023年的13%提升至2024年的19%。")}
    assert found[Decimal("19")] == dt.date(2024, 12, 31)


def test_regions_growths_said_month_on_month_are_month_on_month() -> None:
    text = "国家能源局发布数据。2025年一季度，云南和广东的用电量环比分别增长3.3%和2.1%。"
    assert {f.metric for f in facts(text)} == {"用电量_qoq"}


def test_a_listed_name_in_its_own_registered_form_is_no_subsidiary() -> None:
    from touyan.facts.entities import units

    text = "京东方科技集团股份有限公司发布公告。"
    found = bundled_dictionary().find(text)
    assert [m.entity.name for m in units(text, found)] == [m.entity.name for m in found]


def test_one_trading_day_is_a_window() -> None:
    from touyan.text.dates import parse_dates

    assert any(d.granularity == "relative" for d in parse_dates("一个交易日内最大回撤5%"))


def test_a_code_is_no_quantity() -> None:
    found = facts("小米集团的股票代码为1810，公司员工人数为4.5万人。")
    assert [f.metric for f in found if f.value == Decimal("1810")] == []
    assert any(f.value == Decimal("45000") for f in found)
