"""As-of dates of a report's figures and a day's: a report named with its year run in
(2023一季报), a report period the title names (2025年一季度业绩) for 报告期内, an annual
report's figures in the season of annual reports, the latest quarterly report, the trading
day before the one a text is about, a title's year that a fresh release contradicts, and a
fiscal period that has ended."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆科技", "澜石材料")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company", market="cn_a") for name in _NAMES)]
)


def _read(text: str, published: dt.date, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=published, entities=_ENTITIES)


def _read_with(entities: EntityDictionary, text: str, published: dt.date) -> list[ExtractedFact]:
    return extract_facts(text, title="基金基本信息", published_at=published, entities=entities)


def _value(facts: list[ExtractedFact], value: str) -> ExtractedFact:
    return next(f for f in facts if f.value == Decimal(value))


def test_a_report_named_with_its_year_run_in_dates_its_figures() -> None:
    text = (
        "远帆科技（600001）周评：本周涨1.2%。截至2024年5月10日收盘，远帆科技报收于5.47元。"
        "远帆科技2024一季报显示，公司主营收入2.15亿元，同比下降8.31%；扣非净利润-310.2万元，"
        "同比下降65.4%。"
    )
    facts = _read(text, dt.date(2024, 5, 10))
    for value in ("215000000", "-8.31", "-3102000", "-65.4"):
        assert _value(facts, value).as_of == dt.date(2024, 3, 31)
    assert _value(facts, "5.47").as_of == dt.date(2024, 5, 10)
    facts = _read("青禾股份2023中报显示，公司营业收入3.2亿元。", dt.date(2023, 9, 8))
    assert _value(facts, "320000000").as_of == dt.date(2023, 6, 30)


def test_the_report_period_a_title_names_dates_its_text_report_period() -> None:
    title = "青禾股份2024年一季度业绩表现如何，新药进展怎样？"
    text = (
        "报告期内，公司营业收入实现4.36亿元，同比增长2.18%，扣非净利润实现1.07亿元。"
        "2024年3月，公司完成对某医药公司的投资。"
    )
    facts = _read(text, dt.date(2024, 4, 26), title)
    for value in ("436000000", "2.18", "107000000"):
        assert _value(facts, value).as_of == dt.date(2024, 3, 31)
    # a title that names a period not over at publication dates nothing
    facts = _read(text, dt.date(2024, 3, 20), title)
    assert _value(facts, "436000000").as_of != dt.date(2024, 3, 31)


def test_an_annual_reports_results_in_its_season_are_last_years() -> None:
    text = (
        "归属于上市公司股东的净利润为12,345,678.90元，较上年的10,000,000.00元增长23.46%。"
        "扣除非经常性损益后的净利润为11,200,000.00元，同比增长18.20%。基本每股收益为0.52元，"
        "同比增长20.93%。"
    )
    facts = _read(text, dt.date(2025, 3, 28), "澜石材料年度业绩稳步提升")
    for value in ("11200000.00", "18.20", "0.52", "20.93"):
        assert _value(facts, value).as_of == dt.date(2024, 12, 31)
    # out of the season, no year is guessed
    facts = _read(text, dt.date(2025, 8, 28), "澜石材料业绩稳步提升")
    assert _value(facts, "18.20").as_of != dt.date(2024, 12, 31)


def test_the_latest_quarterly_report_is_the_quarter_the_day_leaves() -> None:
    text = (
        "“鸿图稳健债券A”是一只债券型基金。 投资策略清晰：最近季报固定收益类资产占比超过85%，"
        "同时产品久期≤3年。 * 以上该产品的各项数据指标统计时间截止到2025年08月20日。"
    )
    fund = EntityRecord("鸿图稳健债券A", "fund")
    entities = EntityDictionary.of([*bundled_entities(), fund])
    facts = _read_with(entities, text, dt.date(2025, 8, 21))
    assert _value(facts, "85").as_of == dt.date(2025, 6, 30)
    # ten days after a quarter's end, not every fund has reported it: no date, not the card's
    text = text.replace("08月20日", "07月10日")
    facts = _read_with(entities, text, dt.date(2025, 7, 11))
    assert _value(facts, "85").as_of is None
    # a mainland company's latest quarterly report in June is the first quarter's
    facts = _read("据最新季报，远帆科技毛利率为31.2%。", dt.date(2025, 6, 3))
    assert _value(facts, "31.2").as_of == dt.date(2025, 3, 31)
    # in April, annual and first-quarter reports come out side by side
    facts = _read("据最新季报，远帆科技毛利率为31.2%。", dt.date(2025, 4, 20))
    assert _value(facts, "31.2").as_of is None


def test_the_previous_trading_day_is_the_session_before_the_day_named() -> None:
    text = (
        "10月12日，青禾股份开盘大跌，截止午间收盘跌6.2%，股价报于18.4元。上一个交易日，"
        "青禾股份已下跌4%，两个交易日最大回撤10.1%。"
    )
    facts = _read(text, dt.date(2023, 10, 12))
    assert _value(facts, "-4").as_of == dt.date(2023, 10, 11)
    # a window after it runs back from the day the text is about
    assert _value(facts, "10.1").as_of == dt.date(2023, 10, 12)
    # counted from a Monday, the Friday before
    facts = _read(text.replace("10月12日", "10月16日"), dt.date(2023, 10, 16))
    assert _value(facts, "-4").as_of == dt.date(2023, 10, 13)
    # a base compared with is no date of the figure
    facts = _read(
        "截至2023年10月12日收盘，青禾股份股价报18.4元，较前一交易日下跌4%。", dt.date(2023, 10, 12)
    )
    assert _value(facts, "-4").as_of == dt.date(2023, 10, 12)


def test_a_titles_year_a_fresh_release_contradicts_is_a_slip() -> None:
    title = "2022年6月PPI的环比和同比变化情况如何？"
    text = "6月份，全国PPI环比下降0.3%、同比下降1.6%，其中家具制造业价格同比上涨0.9%。"
    facts = _read(text, dt.date(2024, 7, 10), title)
    assert _value(facts, "0.9").as_of == dt.date(2024, 6, 30)
    # a retrospective published months after its publication's June keeps the title's year
    facts = _read(text, dt.date(2024, 10, 20), title)
    assert _value(facts, "0.9").as_of == dt.date(2022, 6, 30)
    # and the title's year agrees with a release of the month just ended
    facts = _read(text, dt.date(2022, 7, 10), title)
    assert _value(facts, "0.9").as_of == dt.date(2022, 6, 30)


def test_a_fiscal_period_is_read_on_the_companys_own_calendar() -> None:
    # 微软's fiscal year ends in June: its 2025财年第二季度 is October to December 2024
    text = (
        "2025财年第二季度，微软营业收入为696.3亿美元，同比增长12.3%。同期净利润为241.1亿美元，"
        "净利率为34.6%。"
    )
    facts = _read(text, dt.date(2025, 2, 20), "微软基本面分析")
    for value in ("69630000000", "12.3", "24110000000", "34.6"):
        assert _value(facts, value).as_of == dt.date(2024, 12, 31)
    # its whole fiscal year, over by publication
    facts = _read("微软2024财年营业收入为2388.6亿美元。", dt.date(2024, 9, 1))
    assert _value(facts, "238860000000").as_of == dt.date(2024, 6, 30)
    # a fiscal quarter not over at publication names no date
    facts = _read("微软2025财年第四季度营业收入为735亿美元。", dt.date(2025, 5, 2))
    assert _value(facts, "73500000000").as_of is None
    # a bare 第三财季 is the one just reported
    facts = _read("甲骨文公布第三财季业绩，营收增长了7%，达到152亿美元。", dt.date(2025, 3, 12))
    assert _value(facts, "15200000000").as_of == dt.date(2025, 2, 28)
    # a company whose fiscal year the dictionary does not fix keeps the rule of the day
    facts = _read("2025财年第一季度，远帆科技营收为3.1亿元。", dt.date(2025, 5, 2))
    assert _value(facts, "310000000").as_of == dt.date(2025, 3, 31)
