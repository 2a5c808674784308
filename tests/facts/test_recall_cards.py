"""Figures of routine cards and notices written in fixed words (read_cards): an abnormal-move
notice's cumulative deviation, a limit-up alert's gain over the run, a board card's head
count, average age and one officer's top or bottom pay or age; and a fund advice card whose
product part comes after a market part."""

from __future__ import annotations

import datetime as dt

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青禾股份", "远帆汽车")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=_DAY, entities=_ENTITIES)


def _claims(facts: list[ExtractedFact]) -> set[tuple[str, str, str | None, str, str | None]]:
    return {
        (f.subject, f.metric, f.object, f"{f.value}", f.as_of and f.as_of.isoformat())
        for f in facts
    }


def test_an_abnormal_move_notices_deviation_as_of_its_last_day() -> None:
    text = (
        "青禾股份公告，公司股票于2025年5月12日、2025年5月13日连续两个交易日内收盘价格涨幅"
        "偏离值累计24.10%，属于股票交易异常波动。"
    )
    got = _claims(_read(text))
    assert ("青禾股份", "收盘价格累计涨幅偏离值", None, "24.10", "2025-05-13") in got
    text = (
        "远帆汽车公告，公司股票在2025年5月7日至9日期间连续三个交易日收盘价格跌幅累计偏离值"
        "累计为21.35%，属于股票交易异常波动。"
    )
    got = _claims(_read(text))
    assert ("远帆汽车", "收盘价格累计跌幅偏离值", None, "21.35", "2025-05-09") in got


def test_the_exchanges_threshold_is_no_figure() -> None:
    text = "青禾股份股票连续两个交易日收盘价格跌幅偏离值累计超过20%，公司市盈率46.7。"
    assert all("偏离" not in f.metric for f in _read(text))


def test_the_gain_over_a_run_of_limit_up_days() -> None:
    text = (
        "青禾股份盘中涨停，已连收4个涨停板。连续涨停期间，该股累计上涨21.44%，累计换手率为8.12%。"
    )
    got = _claims(_read(text))
    assert ("青禾股份", "连续涨停期间累计涨幅", None, "21.44", "2025-05-15") in got


def test_a_board_cards_head_count_and_average_age() -> None:
    text = (
        "根据2024年报数据，剔除独立董事、监事后，青禾股份共有9位董事和高级管理人员。"
        "从年龄看，青禾股份董事和高级管理人员平均年龄为51岁，年龄中位数为50岁。"
    )
    got = _claims(_read(text))
    assert ("青禾股份", "董事和高级管理人员人数", None, "9", "2024-12-31") in got
    assert ("青禾股份", "董事和高级管理人员平均年龄", None, "51", "2024-12-31") in got


def test_one_officers_top_or_bottom_pay_and_age() -> None:
    text = (
        "根据2024年报数据，青禾股份董事和高级管理人员年龄中位数为50岁，其中，董事长张三年龄最高为"
        "63岁，副总经理李四年龄最小为38岁。从薪酬看，董事长及非独立董事张三薪酬最高为98.2万元，"
        "财务总监王五薪酬最低为31.5万元。"
    )
    got = _claims(_read(text))
    assert ("青禾股份", "年龄", "董事长张三", "63", "2024-12-31") in got
    assert ("青禾股份", "年龄", "副总经理李四", "38", "2024-12-31") in got
    assert ("青禾股份", "薪酬", "董事长及非独立董事张三", "982000", "2024-12-31") in got
    assert ("青禾股份", "薪酬", "财务总监王五", "315000", "2024-12-31") in got
    assert not any(f.metric in ("high", "low") for f in _read(text))


def test_an_advice_cards_product_after_its_market_part() -> None:
    text = (
        "这是关于你咨询的基金的加减仓建议： 结论：该产品建议继续持有。 产品关联的市场分析："
        "本月对于医药板块的观点为中立。 产品分析：“华禾医药创新混合A”是一只混合型基金。"
        "费率较高：产品综合费率1.45%，相较同类基金更高。"
    )
    got = _claims(_read(text))
    assert ("华禾医药创新混合A", "综合费率", None, "1.45", "2025-05-15") in got
