"""Owners short news items mistook, sixth round: a fund house no dictionary knows leading its
clause after the broker that publishes its results (甲证券公布乙基金业绩快报，乙基金总资产…),
a zone of a city run by its own board (某市自贸试验区某新片区管委会…表示，…), a company's report
opening the sentence (某某的财报显示，…) and a class of goods taken for a name (某国禽肉类), a
clause pointing back to a company (对该公司的目标价) under an agency, and a poll's share (…的基金
经理占比) under the name the poll asked about."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.name_forms import plausible_name


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_fund_house_leading_its_clause_owns_the_figures_after(
    entities: EntityDictionary,
) -> None:
    text = (
        "中信证券公布南岭基金2023年度业绩快报，截至2023年12月31日，南岭基金总资产150.5亿元，"
        "总负债45.2亿元；中信证券总资产1.4万亿元。"
    )
    found = _read(text, "中信证券：某基金2023年度净利润20亿元", entities)
    assert at(found, "15050000000").subject == "南岭基金"
    assert at(found, "4520000000").subject == "南岭基金"
    assert at(found, "1400000000000").subject == "中信证券"


def test_a_zone_s_board_leading_the_sentence_owns_its_figures(
    entities: EntityDictionary,
) -> None:
    text = (
        "上海自贸试验区滨江新片区管委会副主任王某1月10日在市政府新闻发布会上表示，"
        "2023年安排政府投资项目120亿元，新开工项目涉及总投资超过1800亿元。"
    )
    assert _read(text, "某新片区今年将安排100个重大项目", entities) == []
    text = "上海市统计局表示，2023年上海全市生产总值同比增长5%，新开工项目涉及总投资超过1800亿元。"
    assert at(_read(text, "上海经济增长", entities), "180000000000").subject == "上海市"


def test_a_company_s_report_is_no_economy_s(entities: EntityDictionary) -> None:
    assert plausible_name("美国禽肉类") is None
    assert plausible_name("南岭债券A类") == "南岭债券A类"
    text = (
        "美国禽肉巨头某某食品公司周一发布了创纪录的季度利润。美国禽肉类价格飙升。"
        "某某的财报显示，第一财季鸡肉均价上涨了25%，火鸡均价上涨了12%。美国CPI同比上涨7.5%。"
    )
    found = _read(text, "美国禽肉巨头盈利创纪录", entities)
    assert all(f.value not in (25, 12) for f in found)
    assert at(found, "7.5").subject == "美国"


def test_a_clause_pointing_back_to_a_company_is_no_agency_s(
    entities: EntityDictionary,
) -> None:
    text = (
        "花旗分析师在某某获美国货币监理署和美联储批准成为银行控股公司后，"
        "保持了对该公司的买入评级及目标价25美元。美联储基准利率为0.25%。"
    )
    found = _read(text, "花旗：维持某某买入评级", entities)
    assert all(f.value != 25 for f in found)
    assert at(found, "0.25").subject == "美国联邦储备委员会"


def test_a_poll_s_share_is_no_named_one_s(entities: EntityDictionary) -> None:
    text = (
        "根据某行进行的一项调查，预计美联储在加息后将开始缩表的基金经理占比从一个月前的20％"
        "跃升至65％。美联储基准利率为0.25%。"
    )
    found = _read(text, "某行调查：多数机构预计美联储将缩表", entities)
    assert all(f.value != 20 for f in found)
    assert at(found, "0.25").subject == "美国联邦储备委员会"
