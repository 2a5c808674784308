"""Metrics and windows short news items left vague: a part of a whole opened by 其中 filed
under its own name, a running total's growth named 累计, a year-so-far move filed as a day's,
a good's bare name in a price survey, a rate of an economy's people named without them, a
list of holdings whose later items lost their holder, a chance named without its event, and a
broker's year range written short (2021-23年) with several rows of figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("远帆汽车", "company", market="cn_a"),
        EntityRecord("青溪饮品", "company", market="cn_a"),
        EntityRecord("赤霞指数", "index", market=None),
    ]
)


def _read(text: str, published: dt.date | None = None) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=published, entities=_ENTITIES)


def test_a_part_opened_by_qizhong_is_of_the_whole_just_stated() -> None:
    found = _read(
        "远帆汽车公告，3月销量31.2万辆，同比增长6.4%；其中混动车型4.1万辆，同比增长18.3%。"
    )
    assert said(at(found, "41000"))[1:3] == ("deliveries", "混动车型")
    assert said(at(found, "18.3"))[1:3] == ("deliveries_yoy", "混动车型")
    assert said(at(found, "6.4"))[1:3] == ("deliveries_yoy", None)


def test_a_running_total_growth_is_the_growth_of_the_total() -> None:
    found = extract_facts(
        "乘联会微信公众号1月8日消息，秘书长发文称，2020年1-12月份轻卡累计销量37万辆，"
        "累计同比下降4%。",
        title="乘联会：2020年轻卡销量37万辆",
        published_at=None,
        entities=_ENTITIES,
    )
    assert at(found, "-4").metric == "轻卡销量_yoy"


def test_a_window_opening_the_sentence_is_the_move_s() -> None:
    found = _read("2023年迄今，赤霞指数下跌超过7%，投资者仍在观望。", dt.date(2023, 3, 2))
    assert at(found, "-7").metric == "change_ytd_pct"
    plain = _read("赤霞指数下跌2%，投资者仍在观望。", dt.date(2023, 3, 2))
    assert at(plain, "-2").metric == "change_pct"


def test_a_good_s_bare_name_in_a_price_survey_names_its_price() -> None:
    found = _read(
        "国家统计局消息，据对重要生产资料市场价格的监测显示，2月下旬与2月中旬相比，20种产品价格上涨，"
        "8种下降。螺纹钢（HRB400）环比上涨3.6%，玉米（二等黄玉米）环比下跌1.2%。"
    )
    assert at(found, "3.6").metric == "螺纹钢（HRB400）价格_qoq"
    assert at(found, "-1.2").metric == "玉米（二等黄玉米）价格_qoq"
    # an index's own price name is no survey of goods: a trade figure after it keeps its name
    trade = _read("国家统计局消息，全年居民消费价格上涨1.1%，进出口增长12.5%。")
    assert "价格" not in at(trade, "12.5").metric


def test_a_rate_of_an_economy_s_people_names_them() -> None:
    found = _read("二是中国网购用户的渗透率达到62%，但是人均消费仍然较低。")
    assert at(found, "62").metric == "网购用户渗透率"


def test_a_list_of_holdings_keeps_its_holder() -> None:
    found = _read(
        "截至2022年末，分券种看，境外机构持有国债2.1万亿元、占比58.2%，地方政府债0.3万亿元、占比8.1%。"
    )
    assert at(found, "300000000000").metric == "境外机构持有地方政府债"
    assert at(found, "8.1").metric == "境外机构持有地方政府债占比"


def test_a_chance_is_named_with_its_event() -> None:
    found = _read("据某观察工具：美联储6月降息25个基点的概率为41.5%，维持利率不变的概率为58.5%。")
    assert at(found, "41.5").metric == "降息25个基点概率"
    assert at(found, "58.5").metric == "维持利率不变概率"


def test_a_short_year_range_dates_each_row() -> None:
    found = _read(
        "某证券预计，青溪饮品2022-24年营收为120/141/163亿元，归母净利润为21.5/25.4/30.2亿元，"
        "对应PE为31/26/22倍。"
    )
    assert [(f.metric, f.as_of) for f in found if f.metric == "revenue_forecast"] == [
        ("revenue_forecast", dt.date(2022, 12, 31)),
        ("revenue_forecast", dt.date(2023, 12, 31)),
        ("revenue_forecast", dt.date(2024, 12, 31)),
    ]
    assert at(found, "2540000000").as_of == dt.date(2023, 12, 31)
    assert said(at(found, "22"))[1:3] == ("pe_forecast", None)
    assert at(found, "22").as_of == dt.date(2024, 12, 31)
