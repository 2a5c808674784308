"""Companies short news items filed others' figures under: the world's market for a product
(去年全球某车市场销量, 某车市场销量整体), a peer ranked in its own clause after the company
carried from before (…；某某排名第二，去年共卖出…), an index named by its head before a move
(某酒类指数累计跌幅), a country's stock index taken for a name (某国股指), and the firm that
compiles an index with others (某会与某集团联合调查的…指数)."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.name_forms import plausible_name


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_the_world_s_market_last_year_is_no_company_s(entities: EntityDictionary) -> None:
    text = (
        "某研究院发布报告显示，去年全球插混车市场销量为300万辆，同比大增95%。"
        "插混车市场销量整体大增95%的同时，比亚迪同比销量增幅为120%。"
    )
    found = _read(text, "报告：比亚迪去年仍居新能源车销量榜首", entities)
    assert all(f.subject != "比亚迪" for f in found if f.value in (3000000, 95))
    text = "比亚迪发布公告显示，去年公司销量为300万辆，同比大增95%。"
    found = _read(text, "比亚迪去年销量大增", entities)
    assert at(found, "95").subject == "比亚迪"


def test_a_peer_ranked_in_its_own_clause_takes_its_figures(entities: EntityDictionary) -> None:
    text = (
        "去年全球共计出货手机12亿部。苹果稳居第一，去年共卖出了2.3亿部，同比增长5.1%；"
        "澜石排名第二，去年共卖出了1.9亿部，同比增长2.2%。"
    )
    found = _read(text, "去年全球手机出货量出炉：苹果第一", entities)
    assert at(found, "5.1").subject == "苹果公司"
    assert all(f.subject != "苹果公司" for f in found if f"{f.value}" in ("190000000", "2.2"))


def test_an_index_named_by_its_head_owns_its_move(entities: EntityDictionary) -> None:
    text = "贵州茅台今日下跌3.2%。自年初以来，某酒类指数累计跌幅达到11%，板块市值蒸发近3000亿元。"
    found = _read(text, "贵州茅台领跌白酒板块", entities)
    assert at(found, "-3.2").subject == "贵州茅台"
    assert all(f.subject != "贵州茅台" for f in found if f.value == -11)


def test_a_country_s_stock_index_is_no_name(entities: EntityDictionary) -> None:
    assert plausible_name("泰国股指") is None
    assert plausible_name("泰国国际") == "泰国国际"
    text = "泰国股指上涨0.8%，至1650点。能源股领涨，包括炼油商Thai Oil，该股上涨2.6%。"
    found = _read(text, "泰国股指上涨0.8%", entities)
    assert all(f.subject != "泰国股指" for f in found)


def test_a_firm_compiling_an_index_with_others_is_not_what_it_measures(
    entities: EntityDictionary,
) -> None:
    text = (
        "据消息，中国仓储协会与京东集团联合调查的3月份中国电商物流运行指数为110.2点，"
        "比上月回升0.5个点。"
    )
    found = _read(text, "电商物流指数回升", entities)
    assert at(found, "110.2").subject == "中国"
    found = _read(
        "京东集团一季度营收为2600亿元，同比增长5.1%。", "京东集团：一季度营收增长", entities
    )
    assert at(found, "5.1").subject == "京东集团"
