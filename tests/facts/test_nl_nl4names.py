"""Subjects FinNL flashes filed under another entity: a broker's rating verb (首予) run on to
the name, a grey-market session or a chart's span (暗盘, 日图) read as a name, another
country's central bank read as China's (某某国央行), the market's northbound flow or a fund's
figure filed under a stock the headline named, and the top mover no dictionary knows (某某
涨幅最大，上涨…) given the stock of the sentence before."""

from __future__ import annotations

from decimal import Decimal

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(bundled_entities())


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=_ENTITIES)


def _subjects(found: list[ExtractedFact], value: str) -> list[str]:
    return [f.subject for f in found if f.value == Decimal(value)]


def test_a_first_rating_verb_is_no_part_of_the_name() -> None:
    found = _read(
        "某某证券发布研究报告称，首予澜石精工(01999.HK)买入评级，预测2025年营收为12.34亿元。"
    )
    assert _subjects(found, "1234000000") == ["澜石精工"]


def test_a_grey_market_session_is_no_name() -> None:
    found = _read("港股澜石生物今日挂牌上市，每股发售价为12.3港元，暗盘收跌4%。")
    assert "暗盘" not in _subjects(found, "-4")


def test_a_charts_span_is_no_name() -> None:
    found = _read("美元兑某币最新报7.1234，日图跌0.31%。")
    assert "日图" not in _subjects(found, "-0.31")


def test_another_countrys_central_bank_is_not_chinas() -> None:
    found = _read(
        "【某某国央行2024年黄金收购总量达12.5吨】某某国中央银行称，该行全年收购总量达12.5吨。"
    )
    assert "中国人民银行" not in _subjects(found, "12.5")
    found = _read("匈牙利央行上调利率后，福林兑欧元上涨0.7%，报388.1。")
    assert "中国人民银行" not in _subjects(found, "388.1")


def test_the_northbound_flow_is_not_the_headline_stocks() -> None:
    found = _read(
        "【北向资金今日净买入12亿元 贵州茅台净卖出3.1亿元】北向资金今日净买入12.34亿元。"
        "中远海控、牧原股份分别获净买入2.1亿元、1.3亿元。贵州茅台净卖出额居首，金额为3.12亿元。"
    )
    assert _subjects(found, "310000000") == ["贵州茅台"]
    assert _subjects(found, "1234000000") == []


def test_a_funds_flow_is_not_the_stock_before_it() -> None:
    found = _read("港股大涨，阿里巴巴涨超7%。数据显示，某某互联网ETF近一月资金净买入超23亿元。")
    assert _subjects(found, "2300000000") == []


def test_the_top_mover_no_dictionary_knows_is_not_the_stock_before() -> None:
    found = _read(
        "上证综指午盘收涨0.31%。贵州茅台对指数上涨贡献最大，上涨1.4%。"
        " 澜石微创涨幅最大，上涨19.9%。"
    )
    assert _subjects(found, "1.4") == ["贵州茅台"]
    assert _subjects(found, "19.9") == []
