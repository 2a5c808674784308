"""Figures a news flash states of a company, a product, a market or a place that are no
economy's: a company's own bulletin (某某：11月销售生猪…), whatever country or yuan the flash
names; a person's or a thing's pointed back to, a state's, a class of brands', a trading
market's, a firm's a city's name opens, the world's largest holder's, a pair of countries';
read in our own sentences with invented names and figures."""

from __future__ import annotations

from touyan.facts.economy import REGION, REGION_NAMES
from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

NAMES = EntityDictionary.of(bundled_entities())
ECONOMIES = {REGION_NAMES.get(n, n) for n in REGION.pattern.split("|")} | {"加拿大"}


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


def test_a_persons_or_a_things_figure_pointed_back_to_is_no_economys() -> None:
    text = "某议员是美国最年轻的议员之一。她的社交媒体粉丝数量高达530多万。"
    assert economies(facts(text)) == []
    text = "美国企业在某地建成一座化肥厂。据当地人士称，该化肥厂日产量为2100吨。"
    assert economies(facts(text)) == []


def test_a_state_opening_the_clause_owns_its_figure() -> None:
    text = "据统计，10月份，俄勒冈州一套公寓的销售价格中值为41.2万美元，是全国中值的1.3倍。"
    assert economies(facts(text)) == []


def test_a_countrys_state_before_a_label_is_the_states() -> None:
    text = "【美国蒙大拿州洪水受灾人数升至420人】当地官员表示，受灾人数已升至420人。"
    assert economies(facts(text)) == []


def test_a_class_of_a_countrys_brands_is_not_its_economy() -> None:
    text = "据某机构研究，受惠于其他中国品牌扩大采用，2022年平板用面板渗透率为37%。"
    assert economies(facts(text)) == []
    text = "据中国某汽消息，青鸟品牌2022年累计销量突破12万辆，同比增长超30%。"
    assert economies(facts(text)) == []


def test_a_trading_markets_figures_are_not_chinas() -> None:
    text = "2022年全国用能权交易市场共运行120个交易日，累计成交额31.25亿元(人民币)。"
    assert economies(facts(text)) == []


def test_a_firms_full_name_opened_by_a_city_is_no_economy() -> None:
    text = "某中心20%股份挂牌转让，转让方为上海市徐汇区国有资产经营有限公司，底价为3456.78万元。"
    assert economies(facts(text)) == []


def test_the_worlds_largest_holder_is_no_economy() -> None:
    text = "全球最大铂金ETF--某某铂金信托持仓较上日减少0.21吨，当前持仓量为123.45吨。"
    assert economies(facts(text)) == []


def test_a_pair_of_countries_before_a_label_is_neither_economy() -> None:
    text = (
        "根据蓝岭官网发布的数据，蓝岭在全球有效专利超过3.1万件，其中在德国超过1.2万件，"
        "占比约38.7%，蓝岭在德国和法国的有效专利合计占比为41.5%。"
    )
    assert economies(facts(text)) == []
