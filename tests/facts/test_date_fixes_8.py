"""Which date a figure holds for when the sentence names a base beside it: a ten days' period
compared with the one before (the base is the later-named one), a base named with words
between it and 相比, the level a change starts from, 在某年基础上, and a record's reach back
(为某年某月来最低), which lends no year to a day written later; and the year a text's
figures hold for when only its title names it (a results flash, 全年 under a year's review);
read here in our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import dated

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str, published_at: dt.date | None = DAY) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published_at, entities=NAMES)


def test_ten_days_compared_with_the_ten_days_before_are_the_later() -> None:
    text = (
        "统计局监测显示，2025年3月上旬与2025年2月下旬相比，18种产品价格上涨。"
        "其中尿素价格环比上涨4.2%。"
    )
    assert dated(facts(text), "尿素价格_qoq", "4.2") == [(dt.date(2025, 3, 10), "2025年3月上旬")]


def test_a_base_named_with_words_before_its_verb_dates_no_figure() -> None:
    text = (
        "2024年全省A级景区接待游客1.2亿人次。与2023年纳入统计的景区同口径比较，接待人次增长12.5%。"
    )
    assert dated(facts(text), "接待人次_yoy", "12.5") == [(dt.date(2024, 12, 31), "2024年")]


def test_the_year_a_change_starts_from_dates_no_later_sentence() -> None:
    text = (
        "协会调查显示，2024年全国经销商新车毛利率由2023年的2.1%升至2.6%。"
        "配件毛利率大幅提升1.2个百分点至9.3%。"
    )
    assert dated(facts(text), "配件毛利率", "9.3") == [(dt.date(2024, 12, 31), "2024年")]


def test_a_year_a_cut_is_based_on_is_a_base() -> None:
    text = "2024年全国公交客运量增长6%。补贴标准在2023年基础上退坡20%，车票价格上涨8%。"
    assert dated(facts(text), "车票价格_yoy", "8") == [(dt.date(2024, 12, 31), "2024年")]


def test_a_records_reach_back_lends_no_year_to_a_later_day() -> None:
    text = (
        "①美国供应管理协会表示，服务业指数降至51.2，为2023年5月来最低水平。"
        "②截至3月8日当周，美国续请失业金人数减少2.1万人，至150万人。"
    )
    assert dated(facts(text, None), "续请失业金人数_change", "-21000") == [(None, None)]


def test_a_results_flash_titled_by_its_year_dates_the_texts_results() -> None:
    names = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾汽车", "company")])
    text = (
        "青禾汽车公告，实现营业总收入52.3亿元，同比增长9.1%；报告期内，归属于上市公司股东的"
        "净利润3.4亿元。"
    )
    title = "青禾汽车业绩快报：2024年净利同比增长18%"
    found = extract_facts(text, title=title, published_at=None, entities=names)
    assert {f.as_of for f in found if f.metric in ("revenue", "net_profit")} == {
        dt.date(2024, 12, 31)
    }
    text = "青禾汽车披露2024年年度业绩快报公告，报告期内，公司实现营业总收入52.3亿元。"
    found = extract_facts(text, title="", published_at=None, entities=names)
    assert dated(found, "revenue", "5230000000") == [(dt.date(2024, 12, 31), "报告期内")]


def test_the_whole_year_of_a_text_naming_no_date_is_its_titles_year() -> None:
    text = "统计局公布，全年全国居民人均消费支出28140元，比上年增长6.2%。"
    title = "2024年居民消费稳步恢复"
    found = extract_facts(text, title=title, published_at=None, entities=NAMES)
    assert dated(found, "居民人均消费支出", "28140") == [(dt.date(2024, 12, 31), "2024年")]


def test_the_year_of_a_shares_whole_or_of_a_founding_dates_no_figure() -> None:
    names = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾汽车", "company")])
    text = (
        "青禾汽车公告，公司2025年3月预中标4个环卫服务项目，合计首年服务费金额为3120万元(占公司"
        "2023年度经审计营业收入的0.52%)，合同总金额约为0.9亿元。"
    )
    found = extract_facts(text, title="", published_at=None, entities=names)
    assert dated(found, "合同总金额", "90000000") == [(dt.date(2025, 3, 31), "2025年3月")]
    text = "青禾汽车成立于2015年，其大股东为远山控股有限公司，持股48.6%。"
    found = extract_facts(text, title="", published_at=None, entities=names)
    assert [f.as_of for f in found if f.metric == "stake_pct"] == [None]
    # but a verb that takes a year (抢占2024年…市场) is no share's whole
    text = "报告显示，青禾汽车抢占2024年国内客车市场第一，市占率为18%。"
    found = extract_facts(text, title="", published_at=None, entities=names)
    assert [f.as_of for f in found if f.value == 18] == [dt.date(2024, 12, 31)]
