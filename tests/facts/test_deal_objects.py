"""What a deal's or a part's figure is of, when the clause of the figure does not say: the
holder heading a sale, purchase or transfer of a company's shares (by role, after an aside
in brackets, or giving its shares away at the clause's head), the target a price buys, the
part 其中 names before the whole's own label, and a list's next item after a semicolon; read
here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("澜石科技", "company"), EntityRecord("青禾汽车", "company")]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_holder_named_by_its_role_heads_the_deals_figures() -> None:
    text = (
        "澜石科技公告，股东远山创业投资管理有限公司（简称“远山创投”）计划未来6个月内通过集中"
        "竞价方式减持公司股份不超过326.5万股,占公司总股本的1.5%。"
    )
    assert at(facts(text), "3265000").object == "远山创业投资管理有限公司"
    text = (
        "澜石科技公告，公司控股股东、实际控制人宋岚（持股42.18%），计划在公告之日起15个交易日"
        "之后的6个月内以集中竞价方式减持公司股份188.4万股（占公司总股本的1.2%）。"
    )
    found = facts(text)
    assert at(found, "1884000").object == "宋岚"
    assert at(found, "-1.2").object == "宋岚"


def test_a_holder_with_its_reason_first_is_named_without_it() -> None:
    text = (
        "澜石科技公告，持股7.2%的股东江岸投资出于自身资金需要，拟在6个月内累计减持公司股份"
        "不超过215万股。"
    )
    assert at(facts(text), "2150000").object == "江岸投资"


def test_a_transfers_price_is_the_giving_holders() -> None:
    text = (
        "澜石科技公告，股东周远航拟将其持有的公司4.1%股份转让给北辰资产，总金额为3.26亿元；"
        "股东林晓拟将其持有的公司2%股份转让给南屿资本，总金额为1.58亿元。"
    )
    found = facts(text)
    assert at(found, "326000000").object == "周远航"
    assert at(found, "158000000").object == "林晓"
    text = (
        "澜石科技公告，许文澜拟将其持有的公司812万股无限售流通股份，占公司总股本的2.4%，以每股"
        "6.15元的价格转让给何川，转让价款总额为人民币4993.8万元。"
    )
    assert at(facts(text), "49938000").object == "许文澜"


def test_a_deal_price_is_of_the_target_named_before_it() -> None:
    text = (
        "澜石科技公告，公司拟收购两家公司股权及一项商标，北辰物业管理有限公司60%股权的收购价格"
        "为4200万元、南屿餐饮管理有限公司35%股权的收购价格为900万元、“澜石”系列商标的转让价格"
        "为3100万元。"
    )
    found = facts(text)
    assert at(found, "9000000").object == "南屿餐饮管理有限公司35%股权"
    assert at(found, "31000000").object == "“澜石”系列商标"


def test_the_part_qizhong_names_before_the_wholes_label() -> None:
    text = "青禾汽车2025年预计研发投入86亿元，其中新能源车型研发投入41亿元。"
    found = facts(text)
    assert at(found, "4100000000").object == "新能源车型"
    assert at(found, "8600000000").object is None


def test_a_lists_next_item_after_a_semicolon_keeps_its_part() -> None:
    text = (
        "数据显示，2025年3月，我国国际收支口径的货物和服务贸易收入3120亿美元，支出2870亿美元。"
        "其中，货物贸易收入2760亿美元，支出2310亿美元；服务贸易收入360亿美元，支出560亿美元。"
    )
    assert at(facts(text), "56000000000").object == "服务贸易"


def test_a_registered_capital_is_of_the_company_named_with_it() -> None:
    text = (
        "青禾汽车公告，子公司青禾新能源持有北辰材料60%的股权，增资完成后，北辰材料的注册资本将从"
        "1.2亿元增加至4.8亿元。"
    )
    assert at(facts(text), "480000000").object == "北辰材料"
    text = (
        "澜石科技公告，截至目前，南屿陶瓷注册资本为8000万元，公司出资金额为7960万元，为控股子公司。"
    )
    fact = at(facts(text), "79600000")
    assert (fact.metric, fact.object) == ("invested", "南屿陶瓷")
