"""Metrics short news items named wrong, or named where the text names none: a chance a
market prices (可能性), named by its event and never a forecast; its share price, or a parent
company, moving, filed as a growth; a preannouncement's ；-clauses filed as reported, and what
was actually raised against a plan filed as planned; last year's figure told between a level
and its growth (上年同期为…), a base week (相对上月的第四周), a driver's contribution (拉动…增长)
or a base year after 同比 taken for what grew, a growth since a point of time (与去年初相比)
filed as one on the year; a figure whose unit is written past what the number reader read
(万TB, 万亿个小时, 美元/天); points after a yield's bare name, and a trade's stop-loss level,
filed as figures; a bare 指数, and a company's result or a market share filed for an economy;
a buyback's paid total; a kind of growth alone (两年复合增长率) filed as nobody's; the first
item of a list (出口和进口国际市场份额) without the share its last item names; a move since the
year's start written 开年以来 or 今年迄今 filed as a growth; how far a forecast was revised
(上调盈测10%) filed as the forecast; an amount of decrease (减少金额) named by itself; a modal
word (有望实现投资) taken for a part; a share in a whole (在整体消费额占比) without its part;
a figure of last century no date names; a product's growth in a company's list (其中牛肉增长);
a sum of a part of an economy (全球对冲基金的管理资产总规模) filed as the economy's."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.qualifiers import qualifier

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
    ]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_chance_written_as_possibility_is_named_by_its_event() -> None:
    facts = _read(
        "据测算，英国利率期货市场目前预计，9月降息15个基点的可能性为70%，"
        "年内累计降息50个基点的可能性几乎为95%。"
    )
    sept = at(facts, "70")
    assert (sept.metric, sept.period) == ("降息15个基点概率", "9月")
    within = at(facts, "95")
    # the event names its own time: no month carried to it
    assert (within.metric, within.period) == ("年内累计降息50个基点概率", None)


def test_a_chance_of_an_event_not_named_is_dropped() -> None:
    facts = _read(
        "英国央行的议息结果引发关注，交易商普遍预期在接下来数个月之内降息75个基点的可能性为40%，"
        "而10月降息25个基点的可能性为60%。"
    )
    assert [f.metric for f in facts if f.unit == "%"] == ["降息25个基点概率"]


def test_its_share_price_moving_is_the_stock_move_not_a_growth() -> None:
    facts = _read("贵州茅台昨晚发布的季度业绩好于预期，其股价上涨12%，成交量明显放大。")
    assert [(f.subject, f.metric) for f in facts] == [("贵州茅台", "change_pct")]


def test_a_parent_company_moving_is_no_figure_of_the_name_before_it() -> None:
    facts = _read("周二美股收盘，腾讯母公司上涨3.1%，阿里巴巴涨5.2%。")
    assert [(f.metric, f.value) for f in facts] == [("change_pct", at(facts, "5.2").value)]


def test_a_preannouncement_after_the_filers_name_runs_on_over_its_semicolons() -> None:
    facts = _read(
        "青禾股份公告，公司预计2023年营业收入3.1亿元到3.3亿元，同比增长20.5%到28.2%；"
        "扣非净利润4200万元至4800万元，同比增长41.3%至61.5%。"
    )
    assert at(facts, "310000000").metric == "revenue_forecast"
    assert at(facts, "42000000").metric == "net_profit_adjusted_forecast"
    assert at(facts, "41.3").metric == "net_profit_adjusted_yoy_forecast"


def test_what_was_actually_raised_against_a_plan_is_no_forecast() -> None:
    facts = _read(
        "青禾股份本次IPO原计划募集资金12亿元，而实际募资净额达到18.6亿元，超募倍数为1.55倍。"
    )
    assert at(facts, "1200000000").metric == "raised_forecast"
    assert at(facts, "1860000000").metric == "实际募资净额"
    assert at(facts, "1.55").metric == "超募倍数"


def test_last_years_figure_between_names_no_growth_and_leaves_the_level_its_growth() -> None:
    facts = _read("财报显示，青禾股份第三季度营收8.20亿元，上年同期为6.10亿元，同比增长34%。")
    assert [(f.metric, f.value) for f in facts] == [
        ("revenue", at(facts, "820000000").value),
        ("revenue_yoy", at(facts, "34").value),
    ]


def test_a_change_against_a_base_week_names_no_growth_of_the_week() -> None:
    facts = _read(
        "据协会统计，3月第二周全国家电零售额日均8.2亿元，同比下降12%，相对2月的第二周降7%。"
    )
    assert [f.value for f in facts if f.unit == "%"] == [at(facts, "-12").value]


def test_a_measure_a_driver_lifted_is_its_contribution_not_its_growth() -> None:
    facts = _read("据测算，2023年我国新基建投资有望增长15%，拉动全国固定资产投资增长1.3%。")
    assert [(f.metric, f.value) for f in facts] == [
        ("新基建投资_yoy_forecast", at(facts, "15").value)
    ]


def test_a_growth_on_a_year_before_last_written_with_tong_bi() -> None:
    facts = _read(
        "据统计，2023年11月我国叉车销量8.1万台，同比增长12%。由于出口强劲，使11月叉车同比2021年增长35%。"
    )
    grown = at(facts, "35")
    level = at(facts, "81000")
    assert (grown.metric, grown.as_of) == (level.metric + "较2021年增幅", level.as_of)


def test_a_growth_against_a_point_of_the_year_is_the_year_so_far_or_dropped() -> None:
    ytd = _read("截至3月末，与年初相比，我国外汇储备余额增长2.2%。")
    assert [f.metric for f in ytd] == ["外汇储备余额_ytd"]
    since = _read(
        "今年电池成本压力很大。与去年初相比，我国碳酸锂平均价格上涨180%，而同期我国钴价同比下降12%。"
    )
    assert [f.metric for f in since] == ["钴价_yoy"]


def test_a_base_and_a_verb_joined_by_ze_is_a_growth_on_the_year() -> None:
    facts = _read("报告估计，青禾股份本季收入为12亿元；付费用户数量按季持平，按年则增21%至350万。")
    assert [f.metric for f in facts if f.unit == "%"] == []
    assert at(facts, "1200000000").metric == "revenue_forecast"


def test_a_figure_whose_unit_is_written_past_what_was_read_is_dropped() -> None:
    data = _read("国庆假期我国移动互联网接入流量达到128.6万TB，同比增长15.3%。")
    assert [(f.metric, f.unit) for f in data] == [("移动互联网接入流量_yoy", "%")]
    hours = _read("去年全球短视频使用时长同比增长9%，为2.1万亿个小时。")
    assert [f.metric for f in hours] == ["短视频使用时长_yoy"]
    rent = _read("青禾股份公告称，短租报价约为6万美元/天，而新船的造价为4500万美元。")
    assert [f.value for f in rent] == [at(rent, "45000000").value]


def test_points_after_a_yields_bare_name_are_no_level_of_it() -> None:
    facts = _read(
        "周三尾盘，日本10年期国债收益率8.4个基点，报0.915%；美国10年期国债收益率为4.312%。"
    )
    # (the US yield is an instrument the dictionary knows: its level is its yield)
    assert [(f.subject, f.metric, f.unit) for f in facts] == [
        ("美国10年期国债收益率", "yield", "%")
    ]


def test_a_trades_stop_loss_level_is_no_price() -> None:
    facts = _read("青禾股份公告称，公司持有的铜期货空头头寸止损价为9800美元，当前持仓量为1200手。")
    assert [f.metric for f in facts] == ["持仓量"]


def test_a_paid_total_in_a_buyback_sentence_is_the_buybacks_amount() -> None:
    facts = _read(
        "青禾股份公告，截至2023年6月30日，公司已累计回购股份1200万股，已支付的资金总额为人民币1.5亿元。"
    )
    assert at(facts, "150000000").metric == "buyback_amount"
    assert at(facts, "12000000").unit == "shares"


def test_a_bare_index_or_an_economys_company_measure_or_market_share_is_dropped() -> None:
    index = _read(
        "国家统计局发布，2023年3月我国非制造业PMI较上月下降0.3个百分点至52.6%。"
        "从非制造业PMI走势看，指数仍处于52%以上。"
    )
    assert [f.metric for f in index] == ["非制造业PMI_change", "非制造业PMI"]
    income = _read("美国商务部称，上月未经通胀调整的消费支出下降0.4%，而收入上升0.2%。")
    assert [f.metric for f in income] == ["消费支出_yoy"]
    share = _read("2023年，我国工业机器人产业快速发展，产量达到43万套，市场占有率达到45%。")
    assert [f.metric for f in share] == ["产量"]


def test_a_kind_of_growth_alone_is_the_growth_of_the_level_stated_before_it() -> None:
    facts = _read(
        "2023年，我国互联网企业累计完成业务收入17483亿元，同比增长6.8%，两年复合增长率为5.2%。"
    )
    grown = at(facts, "6.8").metric.removesuffix("_yoy")
    assert grown.endswith("业务收入")
    assert at(facts, "5.2").metric == grown + "两年复合增长率"
    unnamed = _read(
        "国家统计局调查显示，一季度，我国规模以上企业利润增速回升，两年平均增速为9.4%，比上季度提高1.1个百分点。"
        "全年营业收入两年平均增速为7.9%。"
    )
    assert [f.metric for f in unnamed if f.unit == "%"] == ["营业收入两年平均增速"]


def test_each_item_of_a_list_shares_the_market_share_its_last_item_names() -> None:
    facts = _read(
        "我国服务贸易稳步增长。全年服务进出口6.6万亿元，增长10%。前三季度出口和进口国际市场份额分别为5.2%和7.1%。"
    )
    assert at(facts, "5.2").metric == "出口国际市场份额"
    assert at(facts, "7.1").metric == "进口国际市场份额"


def test_a_move_since_the_years_start_in_any_wording_is_the_year_so_fars() -> None:
    facts = _read("截至3月15日，贵州茅台开年以来涨逾5%，五粮液股价今年迄今下跌了3.2%。")
    assert [(f.subject, f.metric) for f in facts] == [
        ("贵州茅台", "change_ytd_pct"),
        ("五粮液", "change_ytd_pct"),
    ]
    assert at(facts, "-3.2").subject == "五粮液"


def test_how_far_a_forecast_was_revised_is_no_forecast() -> None:
    facts = _read(
        "该行维持青禾股份买入评级，下调其2024年度盈利预测8%，惟上调2025及2026年度盈测分别3%及6%，"
        "预计2025年净利润为12亿元。"
    )
    assert [f.metric for f in facts] == ["net_profit_forecast"]


def test_an_amount_of_decrease_is_the_change_on_the_year_of_the_figure_just_stated() -> None:
    facts = _read(
        "青禾股份公告，预计2023年归属于母公司所有者的净利润为-320万元到-450万元，"
        "与上年同期相比，减少金额约为2100万元到2230万元。"
    )
    change = at(facts, "-22300000")
    assert (change.metric, change.high) == ("net_profit_yoy_change_forecast", -21000000)
    assert at(facts, "-4500000").metric == "net_profit_forecast"


def test_a_modal_word_before_a_label_is_no_part_of_what_it_names() -> None:
    expected = "其中2025年有望实现营收80亿元"
    assert qualifier(expected, 0, expected.index("营收"), []) is None
    part = "其中新能源业务实现营收80亿元"
    assert qualifier(part, 0, part.index("营收"), []) == "新能源业务"


def test_a_share_in_a_whole_is_the_share_of_the_figure_just_stated() -> None:
    facts = _read(
        "国庆假期，全国文旅消费额实现2150.6亿元，同比增长12.3%，在整体消费额占比18.2%，"
        "较去年同期提升1.4个百分点。"
    )
    assert at(facts, "18.2").metric == "文旅消费额占整体消费额比例"
    assert at(facts, "1.4").metric == "文旅消费额占整体消费额比例_change"
    assert at(facts, "12.3").metric == "文旅消费额_yoy"


def test_a_figure_of_last_century_no_date_names_is_no_fact() -> None:
    facts = _read(
        "美国劳动力市场依然紧张，上个世纪只有少数年份失业率降至3.6%以下。上月美国失业率为3.9%。"
    )
    assert [f.value for f in facts] == [at(facts, "3.9").value]


def test_a_products_growth_in_a_list_names_no_figure_of_the_company() -> None:
    facts = _read("青禾股份春节期间线上销售额同比增长35%。其中坚果礼盒增长210%，牛奶增长45%。")
    assert [(f.subject, f.value) for f in facts] == [("青禾股份", at(facts, "35").value)]


def test_the_words_between_an_economy_and_a_sum_name_whose_sum_it_is() -> None:
    facts = _read("数据显示，截至2023年底，全球私募股权基金的管理资产总规模为9万亿美元。")
    assert at(facts, "9000000000000").metric == "私募股权基金管理资产总规模"
    held = _read("截至2023年末，境外机构在中国债券市场的托管余额为3.7万亿元。")
    assert [f.metric for f in held] == ["托管余额"]
