"""Figures a news flash states of a company, a product, a market or a place that are no
economy's: a company's own bulletin (某某：11月销售生猪…), whatever country or yuan the flash
names; read in our own sentences with invented names and figures."""

from __future__ import annotations

from touyan.facts.economy import REGION_NAMES
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of(bundled_entities())
ECONOMIES = {"中国", "美国", "日本", "全球", "加拿大", *REGION_NAMES.values()}


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=NAMES)


def economies(found: list[ExtractedFact]) -> list[str]:
    return [f.subject for f in found if f.subject in ECONOMIES or f.subject.endswith(("省", "市"))]


def test_a_companys_bulletin_is_no_economys() -> None:
    text = "丰禾牧业：11月销售生猪23.45万头，同比下降12.34%；销售收入4.56亿元，环比增长7.8%。"
    assert economies(facts(text)) == []
    text = "加拿大枫叶汽车：2022年销售21.3万辆汽车，同比增长5.6%。第三季度销售5.2万辆汽车。"
    assert economies(facts(text)) == []
    text = "【青禾汽车：2022年全球销量突破45万辆】青禾汽车总裁表示，2022年全球销量突破45万辆。"
    assert economies(facts(text)) == []
    text = "商务部：11月全国网上零售额同比增长6.7%。"  # a source's lead: still the nation's
    assert economies(facts(text)) == ["中国"]
