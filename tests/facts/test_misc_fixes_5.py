"""Readings of the fifth round of mixed fixes: a move from a month up to now, an opening balance
told next to a report's closing day, a year that names a bond issue, a one-off item a dealing in
assets produced, a platform's revenue and a fiscal quarter written again without its year."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, day: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=day, entities=_ENTITIES)


def test_a_move_from_a_month_up_to_now_is_the_trailing_years() -> None:
    text = "长期来看，青禾股份的股价从 2024 年 3 月的 30 多元一路跌到现在，跌幅超过 25%。"
    move = at(_read(text, dt.date(2025, 3, 20)), "-25")
    assert said(move)[1:] == ("change_1y_pct", None, move.value, dt.date(2025, 3, 20))
    assert move.bound == "ceiling"


def test_a_move_from_a_day_up_to_now_is_the_change_since() -> None:
    text = "青禾股份的股价自2025年1月6日以来震荡，从2025年1月6日的12元涨到现在，涨幅为18%。"
    move = at(_read(text, dt.date(2025, 3, 20)), "18")
    assert (move.metric, move.as_of, move.period) == (
        "change_pct",
        dt.date(2025, 3, 20),
        "2025年1月6日至今",
    )


def test_an_opening_balance_next_to_a_quarter_end_is_the_last_year_ends() -> None:
    text = (
        "截至2024年9月30日，青禾股份的短期借款余额总计为2,785,416.38元，"
        "相较于期初的4,916,327.52元有所下降。"
    )
    facts = _read(text, dt.date(2024, 10, 28))
    opening = at(facts, "4916327.52")
    assert (opening.as_of, opening.period) == (dt.date(2023, 12, 31), "2023-12-31")
    assert at(facts, "2785416.38").as_of == dt.date(2024, 9, 30)


def test_a_year_naming_a_bond_issue_dates_no_later_sentence() -> None:
    text = (
        "青禾股份2023年全年营业收入为52亿元。募集资金使用情况2021年公开发行公司债券，"
        "募集资金总额为8亿元。主要子公司分析实现营业总收入12亿元，实现综合收益总额3.5亿元。"
    )
    facts = _read(text, dt.date(2024, 6, 10), title="青禾股份子公司业绩")
    assert at(facts, "350000000").as_of == dt.date(2023, 12, 31)
    assert at(facts, "800000000").as_of == dt.date(2021, 12, 31)  # the issue's own sum


def test_an_income_a_dealing_in_assets_produced_is_no_income_line() -> None:
    text = (
        "青禾股份2025年第一季度非经常性损益中，计入当期损益的政府补助为1,263,758.42元；"
        "持有交易性金融资产产生的公允价值变动收益和处置交易性金融资产取得的投资收益为"
        "2,718,406.50元。青禾股份2024年投资收益为5亿元。"
    )
    facts = _read(text, dt.date(2025, 5, 10))
    assert [f.value for f in facts if f.metric == "投资收益"] == [500000000]
    assert at(facts, "1263758.42").metric == "政府补助"


def test_an_income_one_dealing_produced_is_named_by_it() -> None:
    text = "青禾股份2024年处置长期股权投资产生的投资收益为3.2亿元，投资收益为5亿元。"
    facts = _read(text, dt.date(2025, 5, 10))
    assert at(facts, "320000000").metric == "处置长期股权投资产生的投资收益"
    assert at(facts, "500000000").metric == "投资收益"


def test_revenue_through_a_named_platform_is_the_platforms() -> None:
    text = "2025年第一季度，青禾股份通过“禾乐购”线上平台实现酒类收入12.30亿元。"
    revenue = at(_read(text, dt.date(2025, 5, 10)), "1230000000")
    assert (revenue.metric, revenue.object) == ("revenue", "禾乐购")


def test_a_quarter_written_again_without_its_year_is_the_fiscal_one() -> None:
    records = [
        *bundled_entities(),
        EntityRecord("远帆科技", "company", fiscal_year_end=5),
    ]
    text = (
        "远帆科技2025财年第三季度营业收入为40亿美元。"
        "云服务收入第三季度达12亿美元，其中：- 数据库收入5亿美元，同比增长21%"
    )
    facts = extract_facts(
        text, published_at=dt.date(2025, 5, 15), entities=EntityDictionary.of(records)
    )
    grown = at(facts, "21")
    assert (grown.as_of, grown.period) == (dt.date(2025, 2, 28), "第三季度")
