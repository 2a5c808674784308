"""Dates read the way Chinese financial text writes them (seventh round): a result told on the
day its report came out, a figure said to be current before a clause with a report's day, a
move over a few days up to a day named, and a balance a period opened with."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆汽车", "澜石酒店")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, day: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_a_result_told_on_its_release_day_is_the_titles_quarter() -> None:
    text = "当地时间4月24日，远帆汽车发布的报告显示，营收下降6%。此外，调整后每股收益为0.36美元。"
    facts = _read(text, dt.date(2025, 4, 25), title="远帆汽车2025年第一季度净利润同比下降38%")
    eps = at(facts, "0.36", "eps_adjusted")
    assert (eps.as_of, eps.period) == (dt.date(2025, 3, 31), "2025年第一季度")


def test_a_release_day_without_a_titled_period_stays() -> None:
    text = "4月24日，远帆汽车发布的报告显示，营收同比下降6%。此外，调整后每股收益为0.36美元。"
    facts = _read(text, dt.date(2025, 4, 25), title="远帆汽车业绩不及预期")
    assert at(facts, "0.36", "eps_adjusted").as_of == dt.date(2025, 4, 24)


def test_a_current_figure_is_not_dated_by_a_report_day_in_the_next_clause() -> None:
    text = (
        "青禾股份今日收盘价11.94元，股价下跌0.83%。"
        "当前市盈率TTM为23.41倍，5月14日某证券研报给予买入评级。"
    )
    facts = _read(text, dt.date(2025, 5, 15), title="青禾股份盘后解读")
    assert at(facts, "23.41").as_of == dt.date(2025, 5, 15)


def test_a_figure_not_said_current_keeps_the_day_after_it() -> None:
    text = "青禾股份股东户数下降1.16%，户均持股6.7万元，青禾股份2025年5月12日在互动易披露。"
    facts = _read(text, dt.date(2025, 5, 15))
    assert at(facts, "-1.16").as_of == dt.date(2025, 5, 12)


def test_a_move_over_a_few_days_is_the_windows_move() -> None:
    text = (
        "最近60天，青禾股份的股价在8元到9.7元之间震荡。"
        "4 月 17 日还因三天内涨幅超过 35% 登上龙虎榜。"
    )
    facts = _read(text, dt.date(2025, 5, 13))
    move = at(facts, "35")
    assert said(move)[1:] == ("近三天涨跌幅", None, move.value, dt.date(2025, 4, 17))
    assert move.period == "三天内"


def test_a_day_of_the_month_before_a_move_is_no_window() -> None:
    text = "青禾股份5月8日涨幅为3.2%，成交额为1.2亿元。"
    facts = _read(text, dt.date(2025, 5, 13))
    assert at(facts, "3.2").metric == "change_pct"


def test_an_opening_balance_is_as_of_the_day_before_its_period() -> None:
    text = (
        "澜石酒店2024年半年度报告中显示，职工福利费期初余额为1,287,406.13元，"
        "本期增加5,912,334.70元，期末余额为706,581.42元。"
    )
    facts = _read(text, dt.date(2024, 8, 30), title="澜石酒店2024年半年度短期薪酬情况如何？")
    opening = at(facts, "1287406.13")
    assert (opening.as_of, opening.period) == (dt.date(2023, 12, 31), "2024年半年度")
    assert at(facts, "706581.42").as_of == dt.date(2024, 6, 30)
