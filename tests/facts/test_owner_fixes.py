"""Figures filed under an owner they are not of: a nation's total after a heading run into
its clause, a line's margin after a clause judging the line, an industry's class of goods, a
group of stocks' average, a selling holder's stake, and a company a bare 公司 points back to;
read here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(
    [
        *bundled_entities(),
        EntityRecord("澜石科技", "company"),
        EntityRecord("星河管业", "company"),
    ]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def test_a_nations_total_after_a_heading_run_into_it_is_not_the_companys() -> None:
    text = (
        "星河管业受益于工程提速。 #### 三、逆周期调节下的投资韧性 2025年国家管网建设投资"
        "同比增速达11.6%，反映基建的作用。"
    )
    assert not facts(text)
    text = "星河管业受益于工程提速。 #### 三、经营表现 2025年营收同比增速达11.6%，好于预期。"
    assert at(facts(text), "11.6").subject == "星河管业"


def test_a_margin_after_a_clause_judging_a_line_is_the_lines() -> None:
    text = "澜石科技整体稳健。澜石科技云业务持续表现强劲，营业利润率已达到13.9%，仍在改善。"
    assert said(at(facts(text), "13.9"))[:3] == ("澜石科技", "operating_margin", "云业务")
    text = "澜石科技整体稳健。营业利润率已达到13.9%，仍在改善。"
    assert at(facts(text), "13.9").object is None


def test_a_class_of_goods_after_an_industry_is_its_part() -> None:
    text = "澜石科技今日上涨。2023年的某省医药批发行业中成药类的商品销售额为5.12亿元。"
    assert said(at(facts(text), "512000000"))[:3] == ("某省医药批发行业", "revenue", "中成药类")


def test_the_average_of_a_group_of_stocks_is_no_index_move() -> None:
    text = (
        "沪指今日下跌0.71%，31股收盘价创历史新高。从股价表现看，收盘价创历史新高个股中，"
        "当日股价平均上涨4.37%，涨停的有甲乙等。"
    )
    assert [f.value for f in facts(text)] == [at(facts(text), "-0.71").value]
    text = "澜石科技毛利率为21.5%，在同业公司中排名第9，较去年同期毛利率增加1.2个百分点。"
    assert at(facts(text), "1.2").subject == "澜石科技"


def test_the_stake_a_selling_holder_may_fall_to_is_the_holders() -> None:
    text = (
        "2025年05月14日，澜石科技的收盘价为3.12元。投资者对于澜石科技的情绪方面，持股超5%的"
        "股东江北农商行计划减持不超过812.35万股，可能导致其持股比例降至5%以下。"
    )
    assert said(at(facts(text), "5", "stake_pct_forecast"))[:3] == (
        "江北农商行",
        "stake_pct_forecast",
        "澜石科技",
    )


def test_a_bare_company_after_a_sentence_introducing_another_is_that_one() -> None:
    text = (
        "澜石科技的问题主要有两点：首先，主营涂料的星河生物自2020年起营收下滑。其次，显示系统"
        "提供商远帆股份自2018年起，营收也开始逐年走低。2023年前三季度，公司营收同比下降"
        "9.81%,净利润同比下降37.25%。"
    )
    found = facts(text)
    assert [at(found, v).subject for v in ("-9.81", "-37.25")] == ["远帆股份", "远帆股份"]
    text = "澜石科技自2018年起营收下滑。2023年前三季度，公司营收同比下降9.81%。"
    assert at(facts(text), "-9.81").subject == "澜石科技"
