"""Figures filed under the wrong subject or with no object: a brand carrying its parent's name
before the period, the company an investment goes to, a central bank's measures and a ranked
group's share in a text about a company, the main subsidiaries' figures after their heading,
one kind of income before the income it is part of, an app's users; read here in our own
sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
NAMES = EntityDictionary.of(
    [
        EntityRecord("远帆汽车", "company"),
        EntityRecord("云图科技", "company"),
        EntityRecord("澜石管业", "company"),
        EntityRecord("澜石银行", "company"),
        EntityRecord("星河酒业", "company"),
        EntityRecord("蓝湾银行", "company"),
        EntityRecord("蓝湾控股", "company", ("蓝湾",)),
    ]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_brand_carrying_its_parents_name_before_the_period() -> None:
    text = "远帆汽车合资品牌表现分化。远帆路狮4月销量为5120辆，增长6.30%。"
    found = facts(text)
    assert said(at(found, "5120"))[:3] == ("远帆汽车", "deliveries", "远帆路狮")
    assert at(found, "6.30").object == "远帆路狮"
    text = "远帆汽车销量回升。其中乘用车4月销量为5120辆。"
    assert at(facts(text), "5120").object is None


def test_the_company_an_investment_goes_to() -> None:
    text = "云图科技加码人工智能。云图科技对星海智能追加投资10亿美元，此前已投资超过20亿美元。"
    found = facts(text)
    assert said(at(found, "1000000000"))[:3] == ("云图科技", "invested", "星海智能")
    text = "云图科技加码人工智能。云图科技对外投资10亿美元。"
    assert at(facts(text), "1000000000").object is None


def test_a_central_banks_measures_are_not_the_companys() -> None:
    text = (
        "5月16日，澜石管业召开年度股东大会，审议通过了《2024年度利润分配预案》等议案。"
        "## 四、行业环境评估从行业角度看，澜石管业作为管材生产商，正受益于基建政策支持。"
        "国家对管网建设的支持加大，未来五年总投资需求达3万亿元，为公司带来长期增长机遇。"
        "近期央行宣布降准、降息等措施，包括下调存款准备金率0.25个百分点、下调政策利率0.15个百分点等，"
        "有望带动需求改善。"
    )
    found = extract_facts(text, title="澜石管业盘后解读", published_at=DAY, entities=NAMES)
    assert not [f for f in found if f.unit == "pp"]
    text = "澜石银行业绩点评。央行降息后，公司净息差为1.52%，较年初收窄。"
    assert at(facts(text), "1.52").subject == "澜石银行"


def test_a_ranked_groups_share_is_not_the_companys() -> None:
    text = (
        "星河酒业稳中求进。行业进入调整期，前五名酒企营收占全部白酒上市公司41.2%，"
        "净利润占比超58.0%。"
    )
    assert not [f for f in facts(text) if f.value == 58]
    text = "星河酒业发布三季报。2024年前三季度公司实现总营收120.5亿元，同比+8.1%。"
    assert said(at(facts(text), "12050000000"))[:3] == ("星河酒业", "revenue", None)


def test_the_main_subsidiaries_figures_after_their_heading() -> None:
    text = (
        "星河酒业年报摘要。报告期内无重大资产出售。主要子公司分析实现营业总收入"
        "1,874,220,305.60元，实现净利润362,915,480.30元，实现综合收益总额455,108,926.70元。"
    )
    found = facts(text)
    for value in ("1874220305.60", "362915480.30", "455108926.70"):
        assert at(found, value).object == "主要子公司", value


def test_one_kind_of_income_before_the_income_it_is_part_of() -> None:
    text = "2023年下半年的蓝湾银行手续费及佣金收入的非利息收入为120.50亿元。"
    fact = at(facts(text), "12050000000")
    assert (fact.metric, fact.object) == ("non_interest_income", "手续费及佣金收入")


def test_an_apps_users_are_the_apps() -> None:
    text = "蓝湾银行年报。蓝湾口袋银行APP注册用户数达到12,000.50万户，月活跃用户数为3,210.40万户。"
    found = facts(text)
    assert said(at(found, "120005000"))[:3] == ("蓝湾银行", "注册用户数", "蓝湾口袋银行APP")
    assert at(found, "32104000").object == "蓝湾口袋银行APP"
    text = "蓝湾银行年报。蓝湾银行掌上生活App的月活跃用户数为3,210.40万户。"
    assert at(facts(text), "32104000").object == "掌上生活App"
