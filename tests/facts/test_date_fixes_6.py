"""Dates read the way Chinese financial text writes them (sixth round): a sentence opening with
期间 that points back at a window, the quarter a report review's title names as its 本季, a
date after a figure that heads the next item of a run, an aside's 当前 that dates no figure
after it, a turn from last month's figure, a title's day as the text's 当日, a fall from an
earlier peak, and a news item's own time stamp."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import dated

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆汽车", "澜石酒店", "华光水务")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str, day: dt.date = _DAY, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_a_sentence_opening_with_a_span_word_takes_the_window_before() -> None:
    text = (
        "华光水务水资源龙头。回顾近5个交易日，华光水务有2天上涨。"
        "期间整体上涨1.2%，最高价为8.47元，最低价为8.01元。"
    )
    facts = _read(text, day=dt.date(2025, 3, 9), title="华光水务股价近期上涨")
    assert dated(facts, "high", "8.47") == [(dt.date(2025, 3, 9), "近5个交易日")]
    assert dated(facts, "low", "8.01") == [(dt.date(2025, 3, 9), "近5个交易日")]


def test_this_quarter_in_a_quarter_review_is_the_titles_quarter() -> None:
    text = "新开门店表现较好：本季公司整体RevPAR同比-5.3%，同店-8.5%。"
    facts = _read(text, day=dt.date(2025, 5, 10), title="澜石酒店(600999)25Q1财报点评：开店加速")
    assert dated(facts, "revpar_yoy", "-5.3") == [(dt.date(2025, 3, 31), "本季")]


def test_a_date_heading_the_next_item_of_a_run_does_not_date_the_figure() -> None:
    text = (
        "远帆汽车 2024 年第四季度业绩每股收益 0.48 美元；第四季度净收入 17 亿美元。 "
        "总收入183 亿美元（当前约 1329.46 亿元人民币） 汽车总收入146.0 亿美元"
        "（当前约 1060.72 亿元人民币）远帆汽车 2024 年全年业绩每股收益 1.87 美元"
    )
    facts = _read(text, day=dt.date(2025, 1, 30), title="远帆汽车 2024 年收入 702 亿美元")
    quarter = (dt.date(2024, 12, 31), "第四季度")
    assert dated(facts, "revenue", "18300000000") == [quarter]
    assert [(f.as_of, f.period) for f in facts if f.object == "汽车"] == [quarter]
    assert dated(facts, "eps", "1.87") == [(dt.date(2024, 12, 31), "2024年")]


def test_a_turn_from_last_months_figure_is_this_months() -> None:
    text = "12月份，全国工业生产者出厂价格同比下降1.4%。从环比看，PPI由上月上涨0.3%转为下降0.6%。"
    facts = _read(text, day=dt.date(2023, 1, 12), title="2022年12月份工业生产者出厂价格")
    assert dated(facts, "PPI_qoq", "-0.6") == [(dt.date(2022, 12, 31), "12月份")]


def test_that_day_before_any_day_is_the_titles_day() -> None:
    text = (
        "两融数据显示，当日青禾股份获融资买入额615.37万元，融资偿还702.18万元。"
        "截至5月14日，青禾股份融资余额1.93亿元。"
    )
    facts = _read(text, title="青禾股份在5月14日的融资和经营状况如何？")
    assert [d for d, _ in dated(facts, "margin_buy", "6153700")] == [dt.date(2025, 5, 14)]


def test_a_fall_from_an_earlier_peak_is_no_days_move() -> None:
    text = (
        "最近 150 天，股价自前期的高点持续回落，4 月 25 日一度跌至 6.42 元，跌幅超过 20%。"
        "5月13日收盘价为7.05元，跌幅0.28%。"
    )
    facts = _read(text, day=dt.date(2025, 5, 13), title="青禾股份近期股价走势如何？")
    assert dated(facts, "change_pct", "-20") == []
    assert dated(facts, "change_pct", "-0.28") == [(dt.date(2025, 5, 13), "2025-05-13")]


def test_a_news_items_own_stamp_is_its_day_when_later_than_the_listing() -> None:
    text = (
        "青禾股份成交活跃2025-05-14 10:26 5月14日，有色板块走势活跃。"
        "2025年一季度，有色金属营收同比增长8.7%。"
        "青禾股份同样值得关注，近三年净值上涨31.62%。"
    )
    facts = _read(text, day=dt.date(2025, 5, 8), title="青禾股份成交活跃")
    assert [d for d, _ in dated(facts, "近三年涨跌幅", "31.62")] == [dt.date(2025, 5, 14)]
