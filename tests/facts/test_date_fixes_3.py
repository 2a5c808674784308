"""As-of dates the text gives a figure that the date named nearest it does not: a list's day
behind an item dated by the session before, a year run into its figure, the quarter before a
day of a share-price move, a monthly review's 本月, and the report a figure with no date at all
comes from."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.dates import parse_dates

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("青禾股份", "company", market="cn_a"),
        EntityRecord("远帆科技", "company", market="us"),
        EntityRecord("澜石汽车", "company"),
    ]
)


def _read(text: str, title: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def test_a_window_after_a_previous_session_item_runs_from_the_lists_day() -> None:
    text = (
        "2025年06月12日青禾股份的近三月涨跌幅为-8.10%、上一交易日2025年06月11日涨跌幅为"
        "3.20%、近一月涨跌幅为-12.40%、近一周涨跌幅为6.70%。"
    )
    facts = _read(text, "青禾股份近一月涨跌幅", dt.date(2025, 6, 12))
    month = at(facts, "-12.40", "change_1m_pct")
    week = at(facts, "6.70", "change_1w_pct")
    assert (month.subject, month.as_of, month.period) == (
        "青禾股份",
        dt.date(2025, 6, 12),
        "近一月",
    )
    assert (week.subject, week.as_of, week.period) == ("青禾股份", dt.date(2025, 6, 12), "近一周")
    day = at(facts, "3.20", "change_pct")
    assert day.as_of == dt.date(2025, 6, 11)  # the item's own day


def test_a_year_run_into_an_amount_dates_it() -> None:
    dates = parse_dates("公司维持2025年480亿美元的资本支出目标", today=dt.date(2025, 6, 3))
    assert [(d.granularity, d.end) for d in dates] == [("year", dt.date(2025, 12, 31))]
    facts = _read(
        "2025年一季度远帆科技营收增长12%。管理层维持2025年480亿美元的资本支出目标。",
        "远帆科技业绩点评",
        dt.date(2025, 6, 3),
    )
    capex = at(facts, "48000000000", "资本支出目标")
    assert (capex.subject, capex.object, capex.currency) == ("远帆科技", None, "USD")
    assert (capex.as_of, capex.period) == (dt.date(2025, 12, 31), "2025年")
    # 2031, years after writing, is a goal's horizon written against its figure: no date a
    # later sentence's figures could be carried to
    assert parse_dates("盈利目标（2031年300亿美元净利润）", today=dt.date(2025, 6, 3)) == []


def test_a_day_of_a_share_price_move_does_not_date_the_quarters_payout() -> None:
    text = (
        "2025年一季度，远帆科技收入同比增长9%。其股价却在5月20日暴跌6.5%，市值蒸发数百亿美元。"
        "本季度支付股息12.4亿美元，宣布将股息提高8%至每股0.27美元。"
    )
    facts = _read(text, "远帆科技一季报点评", dt.date(2025, 5, 25))
    paid = at(facts, "1240000000", "股息")
    raised = at(facts, "0.27", "股息")
    for fact in (paid, raised):
        assert (fact.subject, fact.currency) == ("远帆科技", "USD")
        assert (fact.as_of, fact.period) == (dt.date(2025, 3, 31), "2025年一季度")


def test_this_month_in_a_review_of_the_month_just_ended_is_that_month() -> None:
    facts = _read(
        "澜石汽车位列第三，本月市值为860.5亿元，环比增长2.10%。今年5月，澜石汽车销量达8.2万辆。",
        "澜石汽车在2025年5月的销售表现如何？",
        dt.date(2025, 6, 10),
    )
    cap = at(facts, "86050000000", "market_cap")
    assert (cap.subject, cap.as_of, cap.period) == ("澜石汽车", dt.date(2025, 5, 31), "2025年5月")


def test_an_undated_result_on_a_quote_card_is_the_latest_reports() -> None:
    text = "青禾股份最新价格是12.40元，换手率3.10%。营业总收入88.60亿元，净利润5.21亿元。"
    facts = _read(text, "青禾股份的股票表现如何？", dt.date(2024, 11, 20))
    profit = at(facts, "521000000", "net_profit")
    assert (profit.subject, profit.object, profit.as_of) == ("青禾股份", None, dt.date(2024, 9, 30))
    assert at(facts, "12.40", "price").as_of == dt.date(2024, 11, 20)  # the day's quote


def test_a_yearly_only_figure_with_no_date_is_last_years() -> None:
    facts = _read(
        "报酬总额(元):3120000.0000|前三名高管报酬(元):1260000.0000",
        "青禾股份高管报酬",
        dt.date(2025, 6, 5),
    )
    pay = at(facts, "1260000.0000", "前三名高管报酬")
    assert (pay.subject, pay.as_of) == ("青禾股份", dt.date(2024, 12, 31))
    rate = at(
        _read("城镇化率达到68%，意味着什么？", "中国城镇化率的历史与走势", dt.date(2026, 6, 1)),
        "68",
        "城镇化率",
    )
    assert (rate.subject, rate.as_of) == ("中国", dt.date(2025, 12, 31))
