"""Dates in news flashes with no publication date: a part of a year (its first session, its
last day), dates in Chinese numerals, a record's reach, the year so far, the bases of a
comparison and of a forecast's pace, a project's milestone, and a bare period after the text
has called a year 今年."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, undated_reader, when

_read = undated_reader("青梧科技", "远舟重工")


def test_a_years_first_session_is_no_whole_year() -> None:
    text = "亚太股市在2023年第一个交易日小幅高开，远舟重工涨1.25%。"
    assert when(at(_read(text), "1.25")) == (None, "2023年第一个交易日")


def test_a_years_last_day_dates_the_session() -> None:
    text = "港股在2020年的最后一天交投清淡。远舟重工收涨2.35%，报8.12港元。"
    assert at(_read(text), "2.35").as_of == dt.date(2020, 12, 31)


def test_a_date_in_chinese_numerals_dates_the_figure() -> None:
    text = "远舟重工：于二零二三年三月八日，以每股最高价2.31港元购回股份，总费用约为1234万港元。"
    assert at(_read(text), "12340000").as_of == dt.date(2023, 3, 8)


def test_a_run_of_months_in_chinese_numerals_is_one_period() -> None:
    text = "远舟重工：二零二零年一月至十二月，远舟重工实现营业收入约人民币321.5亿元。"
    assert when(at(_read(text), "32150000000")) == (
        dt.date(2020, 12, 31),
        "二零二零年一月至十二月",
    )


def test_a_records_reach_lends_no_year_to_a_bare_month() -> None:
    text = "【土耳其通胀升至2003年新高】土耳其11月CPI同比上涨23.45%，为2003年5月以来最高。"
    assert at(_read(text), "23.45").as_of is None


def test_a_records_day_is_not_carried_to_the_next_sentence() -> None:
    text = (
        "2023年第二周，远舟重工收跌1.2%，报12.30元，持续跌离1月3日所创高位15.60元，"
        "本周累计下跌约1.5%。 青梧科技收跌0.8%，报20.10元。"
    )
    assert at(_read(text), "20.10").as_of is None


def test_the_year_so_far_is_a_window_without_a_publication_date() -> None:
    text = "远舟重工在港交所公告，11月30日回购20万股。今年以来该股合计回购1.23亿股。"
    assert at(_read(text), "123000000").period == "今年以来"


def test_a_year_roughly_equalled_is_a_base() -> None:
    text = "中汽协预计，2023年中国汽车销量约3000万辆，与2022年基本持平，乘用车销量约1200万辆。"
    assert at(_read(text), "12000000").as_of == dt.date(2023, 12, 31)


def test_a_forecast_year_written_without_its_character_dates_the_forecast() -> None:
    text = (
        "2022年中国宠物食品市场规模达到12.3亿元，预计2023仍将保持2022年的增速，"
        "市场规模将达到13.7亿元。"
    )
    assert at(_read(text), "1370000000").as_of == dt.date(2023, 12, 31)


def test_days_glossing_a_base_are_the_bases_too() -> None:
    text = (
        "2023年春节期间（2023年1月21日—1月27日），某网络交易总额达到1.11万亿元。"
        "交易笔数达到12.34亿笔，较2022年春节假期（2022年1月31日—2月6日）增长8%。"
    )
    assert at(_read(text), "1234000000").as_of == dt.date(2023, 1, 27)


def test_a_projects_completion_date_dates_no_later_figure() -> None:
    text = "远舟重工公告，计划产能5万吨/年，于2024年6月建成投产；项目总投资3.2亿元，资金自筹。"
    assert at(_read(text), "320000000").as_of is None


def test_a_bare_quarter_after_a_text_calls_a_year_this_year_is_undated() -> None:
    text = "低利率推高了2020年的房价，但预计今年的涨幅将放缓。澳大利亚第三季度CPI同比上涨3.3%。"
    assert when(at(_read(text), "3.3")) == (None, "第三季度")


def test_this_years_months_take_the_year_of_the_month_named_before() -> None:
    text = (
        "远舟重工发布2023年5月份销售简报。简报称，公司坚持稳中求进，深耕核心城市，持续优化产品"
        "结构与区域布局，加快存货去化与回款，严控费用，守住现金流，保障交付，经营保持平稳，"
        "各项工作有序推进。今年1-5月，远舟重工实现营业收入120.5亿元。"
    )
    assert when(at(_read(text), "12050000000")) == (dt.date(2023, 5, 31), "1-5月")


def test_this_years_month_after_another_years_month_is_undated() -> None:
    text = "2022年11月，远舟重工收购青梧科技。今年2月，远舟重工实现营业收入8.4亿元。"
    assert at(_read(text), "840000000").as_of is None
