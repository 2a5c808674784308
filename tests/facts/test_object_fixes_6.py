"""Figures filed under the wrong subject or with no object: a fragment of a card's question
read as a name, peers a group is shown by, a holder's announced sale, a game's users, a
product's figures in the clause after its capacity, a crop's total output in a supply report;
read here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, said

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
NAMES = EntityDictionary.of(
    [
        EntityRecord("远帆汽车", "company"),
        EntityRecord("澜石科技", "company"),
        EntityRecord("星河材料", "company"),
        EntityRecord("云图互娱", "company"),
        EntityRecord("中国", "org"),
    ]
)


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=NAMES)


def test_the_question_a_card_field_asks_names_no_one() -> None:
    title = "2025年05月12日青松稳进混合A近一月涨跌幅(当前的近一月涨跌幅是多少)。"
    text = (
        "截止2025年05月12日青松稳进混合A单位净值为1.1378元、近三月涨跌幅(当前的近三月涨跌幅"
        "是多少)为-3.46%、近一月涨跌幅(当前的近一月涨跌幅是多少)为1.64%。"
    )
    found = facts(text, title)
    assert {f.subject for f in found} == {"青松稳进混合A"}


def test_peers_a_group_is_shown_by_are_not_the_subject() -> None:
    text = (
        "远帆汽车市盈率高达95倍。横向对比，传统车企如甲牌、乙牌市盈率不足8倍，"
        "远帆汽车的估值明显偏高。"
    )
    found = facts(text)
    assert [f.value for f in found if f.metric == "pe"] == [95]


def test_a_named_holders_sale_has_the_holder_as_object() -> None:
    text = "澜石科技公告，持股超5%的股东青石创投计划减持不超过312.5万股。"
    fact = at(facts(text), "3125000")
    assert (fact.subject, fact.object) == ("澜石科技", "青石创投")
    text = "澜石科技公告，公司股东及其一致行动人计划减持不超过312.5万股。"
    assert at(facts(text), "3125000").object is None


def test_a_games_users_are_the_games() -> None:
    text = "云图互娱2025年第一季度游戏收入创新高，其中《星海远航》全球总注册用户突破2亿。"
    fact = at(facts(text), "200000000")
    assert (fact.subject, fact.object) == ("云图互娱", "星海远航")


def test_a_products_figure_in_the_clause_after_its_capacity() -> None:
    text = "星河材料锰酸锂产能达9万吨，2023年交付量同比增长47%，产品持续升级。"
    fact = at(facts(text), "47")
    assert (fact.subject, fact.metric, fact.object) == ("星河材料", "deliveries_yoy", "锰酸锂")
    text = "星河材料国内产能达9万吨，2023年交付量同比增长47%。"
    assert at(facts(text), "47").object is None


def test_what_gongsi_names_of_itself_before_the_period() -> None:
    text = "正极业务贡献增量公司锰酸锂2024 全年交付6.2万吨，较2023年增加35%。"
    got = {f.value: f.object for f in facts(text, "星河材料：业绩短期承压")}
    assert got[62000] == got[35] == "锰酸锂"


def test_a_bare_total_after_a_crops_figure_is_the_crops() -> None:
    text = (
        "本月预测，2025/26年度，中国大豆种植面积10150千公顷（1.52亿亩），较上年度增加27千公顷"
        "（40.5万亩）。预计大豆单产每公顷2150公斤，较上年度有所提高。总产量2182万吨，较上年度增1.7%。"
    )
    found = facts(text)
    assert said(at(found, "21820000"))[:3] == ("中国", "大豆总产量_forecast", None)
    assert at(found, "1.7").metric == "大豆总产量_yoy_forecast"


def test_this_quarter_before_a_label_names_no_part() -> None:
    """本季度公司营业收入: the whole of 本季度 is a time word, so no 度公司 part is left over."""
    found = extract_facts(
        "远帆汽车发布一季报，本季度公司营业收入为5.2亿元，同比增长3%。",
        title="",
        published_at=dt.date(2025, 4, 25),
        entities=NAMES,
    )
    assert {(f.metric, f.object) for f in found} == {("revenue", None), ("revenue_yoy", None)}
