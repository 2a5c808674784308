"""Whose figure a short news item states, when it is not the nation's nor the compiler's: a
Chinese province's or city's figures, a region only compared with the nation, a group of
regions, a route's ends, a foreign country's home market, and an association a headline
leads with that only compiled the figures; read in our own sentences with invented figures."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=NAMES)


def test_a_provinces_figure_is_the_provinces_not_chinas() -> None:
    text = "省统计局近日发布数据，2021年，江西居民人均可支配收入31234元，比上年增长8.7%。"
    found = facts(text, title="2021年江西居民收入稳步增长")
    assert at(found, "31234").subject == "江西省"
    assert at(found, "8.7").subject == "江西省"


def test_a_citys_label_opening_with_its_name_is_the_citys() -> None:
    text = "根据地区生产总值统一核算，2021年绍兴市生产总值7123.45亿元，比上年增长7.9%。"
    assert at(facts(text), "7.9").subject == "绍兴市"


def test_the_figures_after_stay_with_the_region_the_title_names() -> None:
    text = (
        "2021年，湖南地区生产总值为46321.5亿元，比上年增长7.6%。其中，第一产业增加值"
        "4321.9亿元，同比增长6.1%。"
    )
    found = facts(text, title="湖南去年GDP增长7.6%")
    assert at(found, "7.6").subject == "湖南省"
    assert at(found, "432190000000", "第一产业增加值").subject == "湖南省"


def test_the_nation_a_region_is_compared_with_is_not_the_subject() -> None:
    text = (
        "2021年，甘肃全省投资增速加快。固定资产投资同比增长10.3%，增速居全国第5位；"
        "工业投资同比增长12.4%，高于全国平均水平。"
    )
    found = facts(text, title="甘肃省：投资增速居全国前列")
    assert at(found, "12.4").subject == "甘肃省"


def test_a_group_of_regions_figure_is_no_ones() -> None:
    text = "2021年，江西、湖南、湖北等中部三省全社会用电量4321亿千瓦时，同比增长9.8%。"
    assert not facts(text, title="中部三省用电量增长")


def test_a_region_where_a_summit_is_held_leaves_the_figures_the_nations() -> None:
    text = (
        "某监管部门负责人在财富论坛·成都天府峰会上表示，截至2021年末，"
        "全国理财产品投资者数量达到6543万。"
    )
    assert at(facts(text), "65430000").subject == "中国"


def test_a_foreign_countrys_home_market_is_not_chinas() -> None:
    text = "数据显示，2021年11月法国国内新订单环比增长6.4%，国外新订单环比减少1.2%。"
    assert at(facts(text), "6.4").subject == "法国"


def test_an_association_a_headline_leads_with_only_compiled_the_figures() -> None:
    text = "乘联协数据显示，2月1-13日，乘用车零售43.2万辆，同比增长5%。"
    found = facts(text, title="乘联协：2月1-13日乘用车零售43.2万辆")
    assert at(found, "432000").subject == "中国"
    assert all(f.subject != "乘联协" for f in found)


def test_a_brokers_research_arm_compiled_a_citys_housing_figures() -> None:
    text = (
        "据杭州某家研究院发布的监控数据，2022年1月份，杭州市新建商品房新增供应8765套，环比增长12%。"
    )
    found = facts(text, title="某家：杭州1月新房供应回升")
    assert at(found, "8765").subject == "杭州市"
