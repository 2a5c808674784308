"""Commodities, currencies, bond yields and coins: instruments the dictionary knows, whose
quotes and moves are their own (收于每桶61.62美元, 报3350.5美元/盎司, 上涨5个基点至4.52%), while a
company's name before a price per barrel, a fund on a commodity and a contract's delivery month
are none of theirs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(bundled_entities())
_WRITTEN = dt.date(2025, 5, 9)


def _read(text: str, day: dt.date | None = _WRITTEN) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=day, entities=_ENTITIES)


def _said(found: list[ExtractedFact]) -> set[tuple[str, str, Decimal, str, str | None]]:
    return {(f.subject, f.metric, f.value, f.unit, f.currency) for f in found}


def test_a_crude_futures_close_per_barrel() -> None:
    found = _read(
        "纽约商品交易所6月交货的轻质原油期货价格8日下跌1.2美元，收于每桶61.62美元，跌幅为1.91%。"
    )
    assert _said(found) == {
        ("WTI原油", "price", Decimal("61.62"), "money", "USD"),
        ("WTI原油", "change_pct", Decimal("-1.91"), "%", None),
    }
    # (6月交货 names the contract, not the day: the day is the 8th)
    assert {f.as_of for f in found} == {dt.date(2025, 5, 8)}


def test_a_metal_quoted_per_ounce_and_per_tonne() -> None:
    assert _said(_read("COMEX黄金期货收涨1.2%，报3350.5美元/盎司。")) == {
        ("COMEX黄金", "change_pct", Decimal("1.2"), "%", None),
        ("COMEX黄金", "price", Decimal("3350.5"), "/盎司", "USD"),
    }
    found = _read("LME铜涨3.21%报10095美元/吨，LME锌涨2.05%报3666.5美元/吨。")
    assert (at(found, "3666.5").subject, at(found, "10095").subject) == ("LME锌", "LME铜")


def test_an_exchange_rate_is_a_quote_with_no_unit() -> None:
    found = _read("在岸人民币对美元汇率收报7.2050，较上一交易日上涨120个基点。")
    assert (at(found, "7.2050").subject, at(found, "7.2050").unit) == ("人民币对美元汇率", "")


def test_a_yields_move_in_basis_points_and_its_level() -> None:
    found = _read("美国10年期国债收益率跌3.2个基点，报4.38%；2年期美债收益率涨4.1个基点至3.99%。")
    assert _said(found) == {
        ("美国10年期国债收益率", "yield_change_bp", Decimal("-3.2"), "bp", None),
        ("美国10年期国债收益率", "yield", Decimal("4.38"), "%", None),
        ("美国2年期国债收益率", "yield_change_bp", Decimal("4.1"), "bp", None),
        ("美国2年期国债收益率", "yield", Decimal("3.99"), "%", None),
    }


def test_a_yield_falling_is_negative() -> None:
    found = _read("中国十年期国债收益率下行1.5bp至1.65%。")
    assert at(found, "-1.5").metric == "yield_change_bp"
    assert at(found, "1.65").metric == "yield"


def test_a_companys_return_on_equity_is_no_yield() -> None:
    assert [f.metric for f in _read("贵州茅台的净资产收益率为30%。", None)] == ["roe"]


def test_a_price_per_barrel_is_no_companys() -> None:
    # 工行 names a contract a bank quotes, no share price of the bank
    assert _read("工行国际原油RMB主力期货最新报500.07元/桶，日图涨0.36%。", None) == []


def test_a_fund_on_a_commodity_is_not_the_commodity() -> None:
    assert _read("美国布伦特原油基金跌超1.3%，纳指100ETF跌超0.6%。", None) == []


def test_a_coin_quoted_in_dollars() -> None:
    found = _read("比特币日内跌5.00%，现报48181美元。", None)
    assert _said(found) == {
        ("比特币", "盘中涨跌幅", Decimal("-5.00"), "%", None),
        ("比特币", "price", Decimal("48181"), "money", "USD"),
    }


def test_a_move_named_as_the_sessions_is_no_close() -> None:
    found = _read("现货白银日内跌幅收窄至1.94%，现报22.33美元/盎司。", None)
    assert at(found, "-1.94").metric == "盘中涨跌幅"
    # (the session's, as 日内下跌 reads; a window of days is no session)
    assert at(_read("恒生指数5日内涨幅达10%。", None), "10").metric == "近5日涨跌幅"


def test_a_coins_futures_are_not_the_coin() -> None:
    text = "CME比特币期货BTC主力合约报46200美元，较周四纽约尾盘跌2.14%。"
    assert _read(text, None) == []


def test_a_yields_peak_in_the_session_is_no_level() -> None:
    assert _read("美国2年期国债收益率一度攀升9个基点至1.06%。", None) == []


def test_a_list_of_moves_names_each_mover() -> None:
    # names no dictionary knows, each before its own move's label: not the first one's
    found = _read("恒腾网络跌超6%，中国恒大涨幅收窄至1.89%，恒大物业涨幅收窄至4.2%。", None)
    assert {(f.subject, f.value) for f in found} == {
        ("恒腾网络", Decimal("-6")),
        ("中国恒大", Decimal("1.89")),
        ("恒大物业", Decimal("4.2")),
    }


def test_a_session_word_before_a_move_names_no_one() -> None:
    found = _read("商汤科技持续走强，日内涨幅达30%。", None)
    assert [f.subject for f in found] == ["商汤集团"]


def test_a_sum_or_a_price_before_a_move_names_no_one() -> None:
    found = _read("1月份，国际油价累计涨幅达17%。", None)
    assert "油价累计" not in {f.subject for f in found}


def test_the_yuans_central_parity_is_against_the_dollar() -> None:
    found = _read("人民币中间价报6.3779，上调15点。", None)
    assert _said(found) == {("人民币对美元汇率", "central_parity", Decimal("6.3779"), "", None)}
    found = _read("人民币兑美元中间价报6.3674，调升35个基点。", None)
    assert at(found, "6.3674").subject == "人民币对美元汇率"


def test_another_pairs_central_parity_is_not_the_dollars() -> None:
    assert _read("人民币对欧元中间价报7.8012。", None) == []


def test_an_instruments_price_moves_and_the_quote_it_reached() -> None:
    found = _read("布伦特原油价格上涨0.1%至86.17美元/桶。", None)
    assert _said(found) == {
        ("布伦特原油", "change_pct", Decimal("0.1"), "%", None),
        ("布伦特原油", "price", Decimal("86.17"), "/桶", "USD"),
    }
    # (a company's 价格 is some product's, no share's move)
    assert _read("某钢厂螺纹钢价格下跌5%。", None) == []


def test_where_a_price_stands_now_is_the_sessions_move() -> None:
    found = _read("WTI原油期货抹去之前的涨幅，现跌0.5%，报75.60美元/桶。", None)
    assert at(found, "-0.5").metric == "盘中涨跌幅"
    assert at(_read("贵州茅台收涨1.2%。", None), "1.2").metric == "change_pct"


def test_currency_pairs_quoted_as_wires_write_them() -> None:
    found = _read(
        "澳元/美元上涨0.3％至0.7193，今年跌幅收窄至1％；美元/日元上涨0.1％至115.32。", None
    )
    assert (at(found, "0.7193").subject, at(found, "0.7193").metric) == ("澳元兑美元汇率", "price")
    assert (at(found, "115.32").subject, at(found, "115.32").metric) == ("美元兑日元汇率", "price")
    # (the year's fall narrowing is the year's, not the session's)
    assert (at(found, "-1").metric, at(found, "-1").period) == ("change_pct", "今年")
