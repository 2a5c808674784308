"""A count of shares bought or sold in a fund's report told as the fund's trades (某某基金…，
加仓了甲、乙等个股，其中，甲…增持了12.5万股): the fund's trade in the stock, the fund as its
holder; dropped when no fund opens a clause before the trade. A fund a sentence opens with or
points back to (该基金) owns its figures, not the company the text is about."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_fund_s_trade_in_a_stock_names_the_fund(entities: EntityDictionary) -> None:
    text = (
        "某基金公司披露了四季报，星河价值成长基金主要在消费板块内进行了调仓，加仓了贵州茅台、"
        "五粮液等个股，其中，贵州茅台从第五大重仓股升至第一大重仓股，增持了12.5万股。"
    )
    fact = at(_read(text, "明星基金调仓", entities), "125000")
    assert (fact.subject, fact.object) == ("贵州茅台", "星河价值成长基金")
    text = (
        "某基金公司披露了四季报，有基金经理加仓了贵州茅台、五粮液等个股，其中，贵州茅台从第五大"
        "重仓股升至第一大重仓股，增持了12.5万股。"
    )
    assert all(f.value != 125000 for f in _read(text, "明星基金调仓", entities))
    text = "贵州茅台公告，控股股东增持了12.5万股。"
    assert at(_read(text, "贵州茅台：控股股东增持", entities), "125000").subject == "贵州茅台"


def test_a_fund_a_sentence_opens_with_is_not_its_manager_s(entities: EntityDictionary) -> None:
    text = (
        "星河新城产业引导私募基金近日完成备案，规模为50.5亿元。该基金由某国资平台担任管理人，"
        "其中引导基金规模20亿元。小米集团2021年营收为3283亿元。"
    )
    found = _read(text, "小米集团旗下公司担任基金管理人", entities)
    assert all(f.subject != "小米集团" for f in found if f.value in (5050000000, 2000000000))
    assert at(found, "328300000000").subject == "小米集团"
