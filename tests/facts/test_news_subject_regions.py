"""Economies short news items took for a figure's subject where the text meant another: a
country that is one item of a list of countries, a country an organisation sits in (总部设在
某国), a country an epithet names (是某国最大的…), an area the label names as its own (某组织
地区就业率), and the nation where the sentence speaks of a whole province (全省…企业)."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_country_listed_with_others_is_no_economy_of_the_figures_after(
    entities: EntityDictionary,
) -> None:
    text = (
        "今年1月，全球股市表现分化。总体而言，荷兰、瑞士和俄罗斯跌幅超过6%，"
        "受此拖累，前8大市场本月下跌3.8%。去年表现垫底的8个市场本月平均下滑2.3%。"
    )
    found = _read(text, "全球股市1月表现分化", entities)
    assert all(f.subject != "俄罗斯" for f in found)
    # a country and a bloc no pattern names: the country's trade
    text = "海关总署数据显示，2021年中国与东盟进出口总值约为6000亿美元，比上年增长20.5%。"
    found = _read(text, "中国与东盟贸易额创新高", entities)
    assert at(found, "20.5").subject == "中国"


def test_where_an_organisation_sits_is_no_economy(entities: EntityDictionary) -> None:
    text = (
        "总部设在瑞士日内瓦的世界经济论坛发布报告。"
        "报告显示，受访者对经济前景的乐观比例为35%，同比下降6%。"
    )
    assert all(f.subject != "瑞士" for f in _read(text, "某论坛发布调查", entities))
    text = "瑞士央行发布报告。报告显示，瑞士三季度失业率为2.1%，同比下降0.3%。"
    assert at(_read(text, "瑞士失业率下降", entities), "2.1").subject == "瑞士"


def test_a_country_an_epithet_names_is_no_economy(entities: EntityDictionary) -> None:
    text = (
        "长滩港是美国最大的集装箱港口之一。"
        "数据显示，该港去年集装箱吞吐量为930万标箱，同比增长15.8%。"
    )
    assert all(f.subject != "美国" for f in _read(text, "某港口吞吐量增长", entities))
    text = "美国商务部数据显示，美国去年集装箱吞吐量为5000万标箱，同比增长8.2%。"
    assert at(_read(text, "美国港口吞吐量增长", entities), "8.2").subject == "美国"


def test_an_area_the_label_names_is_no_country_s(entities: EntityDictionary) -> None:
    text = (
        "报告指出，除西太平洋外区域的新增确诊病例增加了21%，各区域新增病例均有所减少。"
        "上报病例最多的国家是美国。"
    )
    assert all(f.subject != "美国" for f in _read(text, "新冠周报", entities))
    text = "报告指出，美国新增确诊病例增加了21%。"
    assert at(_read(text, "新冠周报", entities), "21").subject == "美国"


def test_the_whole_province_is_the_province_named_before(entities: EntityDictionary) -> None:
    text = (
        "按照统一部署，江西省在企业数量全国第五的压力下，完成了全国碳市场首个周期的"
        "清缴工作，全省120家企业实际履约3.1亿吨，累计成交额12.5亿元，占全国15.2%。"
    )
    found = _read(text, "江西完成碳配额清缴", entities)
    assert at(found, "1250000000").subject == "江西省"


def test_a_label_pointing_back_takes_no_economy_named_after_it(
    entities: EntityDictionary,
) -> None:
    text = (
        "报告显示，2023年第三季度成员地区就业率达到66%，2023年第二季度这一比率为65.1%，"
        "呈增长趋势。在38个成员国中，仅有澳大利亚的就业率下降"
        "（第二季度为 74.6%，第三季度为74.1%）。"
    )
    found = _read(text, "某组织：三季度就业率上升", entities)
    assert all(f.subject != "澳大利亚" for f in found if f"{f.value}" == "65.1")
    text = "统计局数据显示，澳大利亚三季度就业率为74.1%，二季度这一比率为74.6%。"
    assert at(_read(text, "澳大利亚就业率下降", entities), "74.6").subject == "澳大利亚"
