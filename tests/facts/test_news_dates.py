"""Dates and forecasts in short news items, which often come with no publication date: a
day or a 今年 whose year only publication could give stays undated, a holiday or ten days of
a month is no whole year or month, the base of a recovery and a security's maturity date no
figure, and a policy's goal, a broker's estimate and its breakdown are forecasts."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("云杉电器", "青禾股份", "远帆地产")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str, day: dt.date | None = None) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=day, entities=_ENTITIES)


def _when(fact: ExtractedFact) -> tuple[dt.date | None, str | None]:
    return fact.as_of, fact.period


_MONTHLY = "云杉电器3月6日晚间公告，2月产量8.25万台，同比增长6.4%。"


def test_a_day_without_its_year_is_undated_with_no_publication() -> None:
    # (the month is named, its year is not: the period as written, undated)
    assert _when(at(_read(_MONTHLY), "6.4")) == (None, "2月")


def test_a_day_without_its_year_keeps_publications_year() -> None:
    facts = _read(_MONTHLY, dt.date(2024, 3, 7))
    assert _when(at(facts, "6.4")) == (dt.date(2024, 2, 29), "2月")


def test_this_year_is_not_an_earlier_sentences_year() -> None:
    text = "库存偏紧导致2019年年底前成交下滑。分析师预测，全国新房销售今年料下降3.6%。"
    fact = at(_read(text), "-3.6")
    assert fact.as_of is None and fact.metric.endswith("_forecast")


def test_the_year_a_recovery_is_measured_against_dates_no_figure() -> None:
    text = (
        "2023年某省接待游客5200万人次，同比增长12.5%，恢复至2019年的91.2%；"
        "旅游总收入640.5亿元，同比增长20.1%。"
    )
    assert at(_read(text), "64050000000").as_of == dt.date(2023, 12, 31)


def test_a_holiday_is_not_its_whole_year() -> None:
    text = "据测算，2023年国庆假期8天，全国国内旅游出游3.1亿人次，同比增长8.8%。"
    assert _when(at(_read(text), "8.8")) == (None, "2023年国庆假期")


def test_ten_days_of_a_month_are_not_the_month() -> None:
    text = (
        "全国流通领域重要生产资料市场价格的监测显示，2023年3月中旬与3月上旬相比，19种产品"
        "价格上涨。钢坯环比上涨2.6%，焦煤环比下降1.2%。"
    )
    assert _when(at(_read(text), "2.6")) == (dt.date(2023, 3, 20), "2023年3月中旬")


def test_a_year_so_far_is_not_the_whole_year() -> None:
    text = "美股周一收低。2023年迄今，标普500指数下跌超过4%，投资者担心加息。"
    assert at(_read(text), "-4").as_of is None


def test_a_maturity_dates_no_figure_about_the_security() -> None:
    text = "远帆地产回购了利率6.5%、2027年3月到期的优先票据，已回购部分占该笔票据的0.52%。"
    assert at(_read(text), "0.52").as_of is None


def test_a_date_in_one_point_of_a_list_does_not_date_the_next() -> None:
    text = (
        "行业的空间体现在三方面：一是新规于2020年底结束过渡期，长期投资更有吸引力。"
        "二是中国基民的渗透率达到42%，但人均持有规模仍然较低。"
    )
    assert at(_read(text), "42").as_of is None


def test_a_goal_set_for_a_year_is_a_forecast() -> None:
    text = "国家能源局印发方案。到2030年，中国非化石能源消费比重达到45%左右。"
    assert at(_read(text), "45").metric.endswith("_forecast")


def test_a_year_reached_already_is_no_goal() -> None:
    text = "到2019年年末，全国存栏达到了3.2亿头；全年产量达到了4100万吨，比上年增长7.5%。"
    assert not at(_read(text), "41000000").metric.endswith("_forecast")


def test_a_brokers_estimate_and_its_breakdown_are_forecasts() -> None:
    text = (
        "某券商估计，青禾股份去年第四季总收入按年增长约18%至120亿元。"
        "当中，广告业务收入按年增长35%至66亿元。"
    )
    facts = _read(text)
    assert at(facts, "18").metric.endswith("_forecast")
    assert at(facts, "35").metric.endswith("_forecast")


def test_the_present_after_an_estimate_is_no_forecast() -> None:
    text = "经济学家估计，到6月份时将有一半的国家加息，相比之下，现在这一比例为7%。"
    assert not at(_read(text), "7").metric.endswith("_forecast")
