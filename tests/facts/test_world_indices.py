"""World indices as Chinese wires name them, and their moves on a day written without its month:
"英国《金融时报》100种股票平均价格指数8日收于…" is the FTSE 100's close on the 8th, not a
figure of nobody dated by the day of writing; a contract on an index is not the index."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(bundled_entities())
_WRITTEN = dt.date(2025, 5, 9)
_EIGHTH = dt.date(2025, 5, 8)


def _read(text: str, day: dt.date | None = _WRITTEN) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=day, entities=_ENTITIES)


def _claims(text: str) -> set[tuple[str, str, Decimal, dt.date | None]]:
    return {(f.subject, f.metric, f.value, f.as_of) for f in _read(text)}


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("标准普尔500种股票指数", "标普500指数"),
        ("《金融时报》100种股票平均价格指数", "富时100指数"),
        ("英国富时100指数", "富时100指数"),
        ("法兰克福股市DAX指数", "德国DAX指数"),
        ("德国DAX30指数", "德国DAX指数"),
        ("巴黎股市CAC40指数", "法国CAC40指数"),
        ("日经225种股票平均价格指数", "日经225指数"),
        ("韩国KOSPI指数", "韩国综合指数"),
        ("国企指数", "恒生中国企业指数"),
        ("纳斯达克100指数", "纳斯达克100指数"),
    ],
)
def test_a_wires_index_name_is_the_index(written: str, name: str) -> None:
    text = f"{written}8日收涨0.62%，报8559.33点。"
    assert _claims(text) == {
        (name, "change_pct", Decimal("0.62"), _EIGHTH),
        (name, "price", Decimal("8559.33"), _EIGHTH),
    }


def test_a_wire_day_dates_the_session_after_it() -> None:
    text = (
        "纽约股市三大股指8日上涨。当天收盘时，道琼斯工业平均指数较前一交易日上涨254.48点，"
        "收于41368.45点，涨幅为0.62%。"
    )
    assert {f.as_of for f in _read(text)} == {_EIGHTH}


def test_a_wire_day_dates_a_close_written_after_it() -> None:
    found = _read("英国《金融时报》100种股票平均价格指数8日报收于8559.33点，跌幅为0.44%。")
    assert (at(found, "8559.33").subject, at(found, "8559.33").as_of) == ("富时100指数", _EIGHTH)
    assert (at(found, "-0.44").metric, at(found, "-0.44").as_of) == ("change_pct", _EIGHTH)


def test_a_day_not_yet_come_is_last_months() -> None:
    found = _read("韩国综合指数12日收涨0.6%，报2573.80点。", dt.date(2025, 5, 9))
    assert {f.as_of for f in found} == {dt.date(2025, 4, 12)}


def test_a_cumulative_move_is_the_subjects() -> None:
    # 累涨 is the verb: 年内累 is no name that moved
    found = _read("英国富时100指数收跌0.32%，年内累涨超12%。")
    assert {(f.subject, f.metric) for f in found} == {
        ("富时100指数", "change_pct"),
        ("富时100指数", "change_ytd_pct"),
    }


def test_a_names_digits_are_no_window() -> None:
    # 日经225日内: the index, then 日内 (the session); not a move over 225 days
    found = _read("日经225日内涨幅达1%，报28775点。", None)
    assert at(found, "1").metric == "change_pct"


def test_a_move_over_days_keeps_its_window() -> None:
    found = _read("恒生指数5日内涨幅达10%。", None)
    assert at(found, "10").metric == "近5日涨跌幅"


@pytest.mark.parametrize(
    "text", ["富时中国A50指数期货跌幅扩大至2%。", "标普500指数期货跌幅达1.5%。"]
)
def test_an_index_futures_move_is_not_the_indexs(text: str) -> None:
    assert not [f for f in _read(text, None) if f.subject.endswith("指数")]


def test_a_years_first_trading_week_is_not_the_year() -> None:
    found = _read("港股2022年交易首周，恒生指数累涨0.41%。", None)
    assert (at(found, "0.41").as_of, at(found, "0.41").period) == (None, "2022年交易首周")


def test_an_index_moving_in_a_statistics_words() -> None:
    found = _read("2024年，恒生中国企业指数上升26.4%，恒生指数下降1.5%。", None)
    assert {(f.subject, f.metric, f.value) for f in found} == {
        ("恒生中国企业指数", "change_pct", Decimal("26.4")),
        ("恒生指数", "change_pct", Decimal("-1.5")),
    }
    # (a company's or a statistic's 上升 is no price move)
    assert _read("贵州茅台上升3%。", None) == []
