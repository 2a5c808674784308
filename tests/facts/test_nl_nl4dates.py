"""Dates and windows in news flashes with no publication date (fourth round): a month a
relative year names (去年12月, 明年3月) is that month, undated, not the whole year; a month
written without a year dates its own clause, and 全年 after it is undated too."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, undated_reader, when

_read = undated_reader("青梧科技", "远舟重工")


def test_a_month_of_last_year_is_that_month_undated() -> None:
    text = "行业消息：墨西哥去年11月汽车产量同比下降6.3%。"
    assert when(at(_read(text), "-6.3")) == (None, "去年11月")
    # (a month a record reaches back to dates no later figure)
    text = "某国上月零售额降幅为去年4月以来最大。该国商务部称，未经调整的零售额下降0.8%。"
    assert at(_read(text), "-0.8").period is None


def test_each_month_of_next_year_keeps_its_own_clause() -> None:
    text = "据市场测算：某央行明年2月加息25个基点的概率为41.5%；明年6月加息25个基点的概率为63.2%。"
    facts = _read(text)
    assert at(facts, "41.5").period == "明年2月"
    assert at(facts, "63.2").period == "明年6月"


def test_a_month_without_its_year_dates_its_own_clause() -> None:
    text = "远舟重工新车型在今年9月开启交付后持续爬坡，11月交付4120台，创下新高。"
    assert when(at(_read(text), "4120")) == (None, "11月")
    # (a level a month set, a plan's month: neither dates a later figure)
    text = "某国10年期国债收益率追平10月高点，对美国的溢价升至12个基点。"
    assert at(_read(text), "12").period is None
    text = "某央行正准备5月加息。③分析师估计，现在这一比例为7%。"
    assert at(_read(text), "7").period is None
    # (a headline's month the body names with its year is that year's)
    text = "【远舟重工：11月销量5230辆 同比增长8.4%】远舟重工公布2020年11月份产销快报。"
    assert at(_read(text), "5230").as_of == dt.date(2020, 11, 30)


def test_the_whole_year_after_a_month_without_its_year_is_undated() -> None:
    text = "远舟重工：11月，远舟重工交付820台，全年累计交付9310台。"
    assert when(at(_read(text), "9310")) == (None, "全年")


def test_new_yorks_first_session_of_a_year_is_a_day() -> None:
    text = "美股收评：2023年首个交易日，投资者关注通胀前景。个股方面，远舟重工收涨3.15%。"
    assert when(at(_read(text), "3.15")) == (dt.date(2023, 1, 3), "2023-01-03")
    # (the mainland's market opens the year on another day: undated)
    text = "A股2023年首个交易日，沪指高开。远舟重工收涨3.15%。"
    assert at(_read(text), "3.15").as_of is None


def test_figures_after_a_run_of_days_and_its_span_are_the_runs() -> None:
    text = (
        "【远舟重工连续4日获北向资金净买入】3月8日沪股通成交活跃股中，远舟重工全天成交6.21亿元，成交净买入0.83亿元，为连续第4日"
        "净买入，期间该股获沪股通累计成交25.6亿元，合计净买入7.34亿元。"
    )
    facts = _read(text)
    assert at(facts, "2560000000").period == "连续4日"
    assert at(facts, "734000000").period == "连续4日"
    assert at(facts, "83000000").period is None
