"""Which day a figure holds on when an earlier date is not its own: a weekday a text with no
publication date names (周一收盘又上涨) is a day it does not date, not the week before it; a
holding 截至公告披露日 is the filing's, not a day an earlier sentence names; a close in a run
of clauses after a year's end (2024年末…；乙指数收于…) is that day's; a holiday's year dates a
day in a later sentence (2025年春节假期首日。…截至1月29日); and a running total after the day
something started (自2024年7月1日启动。…累计成交额) is of no day the text names; read here in
our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import dated

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str, published_at: dt.date | None = DAY) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published_at, entities=NAMES)


def test_a_weekday_with_no_publication_date_is_an_undated_day() -> None:
    text = "贵州茅台股价上周大幅震荡，周一收盘又上涨1.35%至1520.5元。"
    assert dated(facts(text, None), "change_pct", "1.35") == [(None, None)]
    # published on a Thursday, 周一 is that week's Monday
    assert dated(facts(text), "change_pct", "1.35") == [(dt.date(2025, 5, 12), "2025-05-12")]


def test_a_holding_as_of_the_filing_is_not_dated_by_an_earlier_day() -> None:
    text = (
        "贵州茅台公告，2025年4月8日，某某科技的股票在纳斯达克开始交易。"
        "截至公告披露日，公司持有某某科技的股份为1234.56万股。"
    )
    assert dated(facts(text, None), "shares_held", "12345600") == [(None, None)]
    text = "贵州茅台公告，2025年4月8日，公司持有某某科技的股份为1234.56万股。"
    assert dated(facts(text, None), "shares_held", "12345600") == [
        (dt.date(2025, 4, 8), "2025-04-08")
    ]


def test_a_close_after_a_year_end_in_a_run_of_clauses_is_that_days() -> None:
    text = (
        "2024年末，上证指数收于3351.8点，较2023年末上涨377.1点，涨幅为12.7%；"
        "深证成指收于10414.6点，较2023年末上涨889.9点，涨幅为9.3%。"
    )
    got = facts(text, None)
    assert dated(got, "change_pct", "9.3") == [(dt.date(2024, 12, 31), "2024年")]
    # a year not at its end dates no later close
    text = text.replace("2024年末", "2024年")
    assert dated(facts(text, None), "change_pct", "9.3") == [(None, None)]


def test_a_holidays_year_dates_a_day_in_a_later_sentence() -> None:
    text = (
        "当天是2025年春节假期首日，浙江省文旅市场迎来开门红。"
        "统计显示，截至1月29日下午15:00，浙江全省纳入统计的景区实现门票收入912万元。"
    )
    assert dated(facts(text, None), "门票收入", "9120000") == [(dt.date(2025, 1, 29), "2025-01-29")]


def test_a_running_total_since_a_start_is_not_that_days() -> None:
    text = (
        "全国某某交易市场自2024年7月1日正式启动。"
        "浙江全省120家重点企业实际履约3.5亿吨，累计成交额12.34亿元，占全国21.5%。"
    )
    assert dated(facts(text, None), "累计成交额", "1234000000") == [(None, None)]
    text = text.replace("自2024年7月1日正式启动", "于2024年7月1日发布数据")
    assert dated(facts(text, None), "累计成交额", "1234000000") == [
        (dt.date(2024, 7, 1), "2024-07-01")
    ]


def test_a_chance_after_another_horizon_is_not_the_meeting_months() -> None:
    text = (
        "欧元区货币市场目前预计，9月加息25个基点的可能性为70%，年底前累计加息50个基点的可能性为"
        "95%，而在央行议息会议之前，加息35个基点的可能性为85%。"
    )
    got = facts(text, None)
    assert dated(got, "加息35个基点概率", "85") == [(None, None)]
    assert dated(got, "加息25个基点概率", "70") == [(None, "9月")]
