"""Subjects company news showed wrong, second round: a concept board's move (当日甲概念上涨)
filed as a growth of the stock the card is about, and the moves of the boards its card lists
(所属板块表现：) filed under the stock."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("青禾股份", "company", market="cn_a")]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


_CARD = (
    "3月8日盘中消息，青禾股份（600999）触及涨停板。目前价格12.30，上涨10.01%。该股为储能，"
    "5G应用，氢能概念热股，当日储能概念上涨2.31%，5G应用概念下跌0.42%，氢能概念上涨1.08%。"
    "3月7日的资金流向数据方面，主力资金净流出1234.56万元。"
)


def test_a_concept_boards_move_is_the_boards_change() -> None:
    found = _read(_CARD)
    assert (at(found, "2.31").subject, at(found, "2.31").metric) == ("储能概念", "change_pct")
    assert (at(found, "1.08").subject, at(found, "1.08").metric) == ("氢能概念", "change_pct")
    # the stock's flows told after its boards stay the stock's: the boards were an aside
    assert at(found, "12345600").subject == "青禾股份"


def test_a_concept_board_named_with_a_digit_is_the_boards() -> None:
    fact = at(_read(_CARD), "-0.42")
    assert (fact.subject, fact.metric) == ("5G应用概念", "change_pct")


def test_the_boards_a_card_lists_are_no_moves_of_the_stock() -> None:
    found = _read(
        "截止发稿，青禾股份（600999）涨幅3.12%，换手率0.52%。所属板块表现：家用电器 0.66%、"
        "智能家居 1.27%、预盈预增 -0.21%等。公司主营：家用电器的研发与销售。"
    )
    assert at(found, "3.12").subject == "青禾股份"
    assert not [f for f in found if f.value in (Decimal("1.27"), Decimal("-0.21"))]


_PROSPECTUS = (
    "青松所（上海）智能装备股份有限公司（以下简称：青松智能）主要从事工业机器人的研发与销售。"
    "公司前身为上海青松机械研究所有限公司（以下简称：青松所）装备事业部。在2020年、2021年"
    "及2022年，青松智能的营业收入分别为5.12亿元、6.34亿元、7.58亿元，"
    "年化复合增长率为21.67%；归母净利润分别为4123.45万元、5234.56万元、6345.67万元。"
)


def test_a_short_name_noted_in_brackets_is_no_cards_name_field() -> None:
    # （以下简称：青松所） names the former parent: the figures after it are not its own
    found = _read(_PROSPECTUS)
    assert not [f for f in found if f.subject == "青松所"]


def test_a_dated_lists_named_subject_owns_the_lists_after_it() -> None:
    fact = at(_read(_PROSPECTUS), "52345600")
    assert (fact.subject, fact.metric) == ("青松智能", "net_profit")


def test_a_stated_name_run_on_into_a_verb_is_the_name() -> None:
    found = _read(
        "青禾股份今日公告称，公司拟收购远帆机械设备有限公司（以下简称：远帆机械）100%股权。"
        "2021年、2022年远帆机械领薪的董监高薪酬分别为52.31万元、55.42万元，且仅一人于远帆机械领薪。"
    )
    assert at(found, "523100").subject == "远帆机械"


def test_a_registered_name_with_its_place_in_brackets_is_the_noted_short_names() -> None:
    found = _read(
        "青松所（上海）智能装备股份有限公司是一家工业机器人企业，2022年营业收入为7.58亿元。"
        "上海青松机械研究所有限公司（以下简称：青松所）为其控股股东。"
        "青松所（上海）智能装备股份有限公司（以下简称：青松智能）拟上市。"
    )
    assert at(found, "758000000").subject == "青松智能"


def test_a_figure_dealt_with_its_own_subject_is_not_its_subjects() -> None:
    found = _read(
        "青禾股份称，公司2021年向远帆科技采购设备52.31万元。而据远帆科技披露，其在2021年至2022年"
        "对青禾股份的关联销售金额分别为61.22万元、48.19万元。"
    )
    assert not [f for f in found if f.value == Decimal("612200")]


def test_a_sentence_led_by_an_unknown_name_and_its_time_is_not_the_carried_subjects() -> None:
    found = _read(
        "青禾股份公告称，公司收到监管局对股东李明远采取出具警示函措施的决定。决定书显示，"
        "李明远在2016年3月1日至2023年4月10日期间，持股比例由38.10%下降至25.42%。"
        "青禾股份今日上涨1.2%。"
    )
    assert not [f for f in found if f.value == Decimal("25.42") and f.subject == "青禾股份"]


def test_a_figure_of_the_latter_of_two_names_is_not_the_firsts() -> None:
    found = _read(
        "青禾股份今日上涨1.2%。记者注意到，青禾股份是远帆控股旗下的公司，后者为总资产超两百亿元的"
        "大型集团。"
    )
    assert not [f for f in found if f.value == Decimal("20000000000")]
