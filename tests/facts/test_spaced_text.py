"""Texts that set every figure apart with spaces ("4 月 7 日，主力资金净流入 52.17 万元"):
sentences written for these tests in the hand of the opinion pieces that question headlines
head."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts, flatten
from touyan.text.dates import parse_dates

PUBLISHED = dt.date(2024, 4, 12)


def _entities() -> EntityDictionary:
    return EntityDictionary.of([*bundled_entities(), EntityRecord("青岚精工", "company")])


def facts(text: str, title: str = "青岚精工的资金流向如何？") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=PUBLISHED, entities=_entities())


def find(found: list[ExtractedFact], value: str) -> ExtractedFact:
    return next(f for f in found if f.value == Decimal(value))


def test_view_joins_a_figure_to_the_words_before_it_and_keeps_each_offset() -> None:
    text = "2023 年，城镇人口的比重达到 61.5%，比上年提高 0.8 个百分点"
    view, index = flatten(text)
    assert view == "2023年，城镇人口的比重达到61.5%，比上年提高0.8 个百分点"
    assert "".join(text[i] for i in index[:-1]) == view
    assert index[-1] == len(text)


def test_view_keeps_figures_of_a_row_apart() -> None:
    view, _ = flatten("营业收入 7,763 8,012 9,105")
    assert view == "营业收入7,763 8,012 9,105"


def test_view_joins_a_date_but_not_a_period_code_or_a_price() -> None:
    view, _ = flatten("2024Q1 年报显示，6 月 3 日股价从 12.5 元涨到 2024 年 6 月的 15 元")
    assert view == "2024Q1 年报显示，6月3日股价从12.5 元涨到2024年6月的15 元"


def test_a_share_written_apart_from_its_label_is_read() -> None:
    text = (
        "2023 年末，全国常住人口城镇化率为 65.2%。"
        "城镇人口占全国人口的比重达到 64.7%，比 1990 年提高 38.3 个百分点。"
    )
    found = facts(text, title="城镇化水平继续提高")
    share = find(found, "64.7")
    assert share.as_of == dt.date(2023, 12, 31)
    assert text[share.span[0] : share.span[1]] == "64.7%"
    assert find(found, "38.3").unit == "pp"


def test_spaced_figures_read_with_spans_in_the_original_text() -> None:
    text = "青岚精工近期走势震荡。4 月 7 日，主力资金净流入 52.17 万元，换手率高达 12.3%。"
    found = facts(text)
    inflow = find(found, "521700")
    assert inflow.metric == "main_net_inflow"
    assert inflow.as_of == dt.date(2024, 4, 7)
    assert text[inflow.span[0] : inflow.span[1]] == "52.17 万元"
    rate = find(found, "12.3")
    assert rate.metric == "turnover_rate"
    assert text[rate.span[0] : rate.span[1]] == "12.3%"


def test_a_day_after_a_later_month_is_read_in_the_year_it_has_come() -> None:
    # A story runs forward: the day after "2023 年 10 月" is this April's, not 2023's.
    text = "如果你在 2023 年 10 月买入，现在已经翻倍。主力资金在 4 月 7 日净流入 300 万元。"
    days = [d for d in parse_dates(text, today=PUBLISHED) if d.granularity == "day"]
    assert [d.start for d in days] == [dt.date(2024, 4, 7)]


def test_a_day_not_yet_come_keeps_the_year_named_before_it() -> None:
    text = "2023 年 10 月公司发布新品，次年 6 月 7 日投产。"
    days = [d for d in parse_dates(text, today=PUBLISHED) if d.granularity == "day"]
    assert [d.start for d in days] == [dt.date(2023, 6, 7)]


def test_a_year_followed_by_a_share_is_a_year() -> None:
    # 土地投资强度从 2023 年 1 季度 21% 提升至 2024 年 61%: 2024年 dates the share.
    found = parse_dates("投资强度提升至2024年61%。", today=PUBLISHED)
    assert [(d.text, d.granularity) for d in found] == [("2024年", "year")]
    assert parse_dates("到2030年800亿元", today=PUBLISHED) == []


def test_a_month_still_running_holds_its_move_up_to_publication() -> None:
    text = "青岚精工的股价从 2023 年 2 月的 8.5 元涨到 2024 年 4 月的 20.1 元，涨幅超过 136%。"
    move = find(facts(text), "136")
    assert move.metric == "change_pct"
    assert move.as_of == PUBLISHED


def test_a_foreseen_month_keeps_its_end() -> None:
    text = "青岚精工公告，预计 2024 年 4 月营收为 3.2 亿元。"
    revenue = find(facts(text), "320000000")
    assert revenue.as_of == dt.date(2024, 4, 30)


def test_a_time_inside_this_year_does_not_date_a_day_to_publication() -> None:
    text = "青岚精工股价波动剧烈。今年春节后，单日成交额高达 150 亿元，市场热度很高。"
    turnover = find(facts(text), "15000000000")
    assert turnover.metric == "turnover"
    assert turnover.as_of is None
