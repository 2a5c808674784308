"""Dates in company news with no publication date: a bare month or half year takes the year
of the period the text reviews, a quote under a day with its clock time is that day's, a
report's figures told on a day are the report's period's, and a window's move stays the
window's."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, undated_reader, when

_read = undated_reader("青梧科技", "远舟重工")


_REVIEW = (
    "某协会7月20日发布行业运行简报。2023年上半年，行业运行总体平稳，需求有所回升，"
    "出口继续保持增长，多数企业的订单较为充足，库存水平保持在合理区间之内，价格基本稳定，"
    "行业信心有所恢复，骨干企业的研发投入继续加大，新产品的市场占有率逐步提高，海外市场开拓取得"
    "积极进展。一、机床行业上半年，我国金属切削机床产量 30 万台，同比增长 4.2%。"
    "6 月，金属切削机床产量 5.6 万台，同比增长 1.9%。"
)


def test_a_bare_half_year_far_after_its_year_takes_it() -> None:
    assert when(at(_read(_REVIEW), "4.2")) == (dt.date(2023, 6, 30), "上半年")


def test_a_bare_month_within_the_half_year_reviewed_takes_its_year() -> None:
    assert when(at(_read(_REVIEW), "1.9")) == (dt.date(2023, 6, 30), "6月")


_HOLDERS = (
    "远舟重工近日披露，截至2023年8月18日公司股东户数为3.12万户，较8月10日减少812户，降幅为"
    "2.54%。户均持股数量由上期的1.2万股增加至1.23万股，户均持股市值为18.6万元。在机械行业"
    "个股中，远舟重工股东户数低于行业平均水平，截至8月18日，机械行业平均股东户数为5.07万户。"
)


def test_a_day_named_again_without_its_year_takes_the_year_it_was_told_with() -> None:
    assert at(_read(_HOLDERS), "50700").as_of == dt.date(2023, 8, 18)


def test_a_day_told_with_two_years_is_not_dated_by_either() -> None:
    filler = (
        "公司表示将继续优化结构，提升经营效率，加强风险管理，推进数字化转型，同时加大对小微企业"
        "和制造业客户的支持力度，并保持审慎的拨备政策以应对可能的波动。"
    )
    text = (
        f"青梧科技发布截至2023年9月30日的季度报告，营收保持增长。{filler}截至9月30日，青梧科技的"
        f"贷款余额为812亿元。该比例由2022年9月30日的11.2%升至13.5%。{filler}截至9月30日，"
        "青梧科技的不良贷款率为2.1%。"
    )
    found = _read(text)
    assert (at(found, "81200000000").as_of, at(found, "2.1").as_of) == (dt.date(2023, 9, 30), None)


_WEEK = (
    "截至2023年9月8日收盘，青梧科技报收于12.3元，较上周的11.8元上涨4.24%。本周，青梧科技9月8日"
    "盘中最高价报12.5元。9月5日盘中最低价报11.6元。资金流向数据方面，本周青梧科技主力资金"
    "合计净流出812.5万元。"
)


def test_an_earlier_day_of_the_same_week_stays_in_its_year() -> None:
    assert at(_read(_WEEK), "11.6").as_of == dt.date(2023, 9, 5)


def test_a_weeks_flow_is_as_of_the_weeks_last_day_named() -> None:
    assert when(at(_read(_WEEK), "8125000")) == (dt.date(2023, 9, 8), "本周")


def test_a_flashs_current_quote_is_of_the_day_it_was_sent() -> None:
    text = (
        "摘要：青梧科技股价快速拉升。2023年09月12日临近10时25分，青梧科技（301999）出现异动，"
        "股价大幅拉升5.1%。截至发稿，该股报13.42元/股，成交量3.2万手，换手率2.37%。"
    )
    assert when(at(_read(text), "2.37")) == (dt.date(2023, 9, 12), "2023-09-12")


def test_a_holding_now_under_the_items_opening_day_is_of_that_day() -> None:
    text = (
        "2023年9月13日，远舟重工（601999）获外资买入1200股。截至目前，陆股通持有远舟重工"
        "88.6万股，占流通股0.41%，累计持股成本9.82元。"
    )
    assert at(_read(text), "0.41").as_of == dt.date(2023, 9, 13)


def test_a_latest_quarterly_reports_figures_told_on_a_day_are_the_quarters() -> None:
    text = (
        "青梧科技主营业务为精密仪器研发。最新的第一季报显示，该股于2022年04月21日实现稀释每股"
        "收益0.031元， 营业利润2.06亿元，市盈率45.2。"
    )
    found = _read(text)
    assert when(at(found, "206000000")) == (dt.date(2022, 3, 31), "一季报")
    assert at(found, "45.2").as_of == dt.date(2022, 4, 21)  # a ratio priced on the day


def test_the_latest_reports_figures_told_on_a_day_are_of_no_period_named() -> None:
    text = (
        "青梧科技主营业务为精密仪器研发。据最近的财报数据显示，该股于2023年08月02日每股收益 "
        "0.12元营业利润 0.61亿元市盈率 33.1"
    )
    assert when(at(_read(text), "61000000")) == (None, "最近的财报")


def test_a_move_within_minutes_is_the_windows_not_the_days() -> None:
    text = "远舟重工盘中快速拉升，3分钟内涨幅超过3%，截至10点12分，报8.81元。"
    fact = at(_read(text), "3")
    assert (fact.metric, fact.period) == ("近3分钟涨跌幅", "3分钟内")


def test_now_is_not_the_year_a_story_told_before_it() -> None:
    text = (
        "2021年8月，青梧科技新一代电池产线正式投产。如今，青梧科技新型电池已经大规模量产，"
        "电池的转换效率为26%。"
    )
    assert when(at(_read(text), "26")) == (None, None)
