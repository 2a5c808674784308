"""An economy written right before a label (某国3月核心物价指数, 某区的通胀率) owns the figure
over a speaker the sentence opens with or a company the text is about; what a company measures
in a market (某国销量) and its own results stay the company's. A change against a base that is no
time is no growth; a sentence opening on a bare verb (实现利润…) goes on with the part of the
economy the sentence before named; a sum of money held (某某备付金) is no name, and the words
before a bare sum's 的 name what it is of; a bare sum after a clause counting things (…达612单，
财产规模达…) is those things'."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_an_economy_before_the_label_beats_the_speaker(entities: EntityDictionary) -> None:
    text = "欧洲央行行长当地时间5日表示，尽管上月欧元区的通胀率达到6.2%的高点，但这只是暂时的。"
    assert at(_read(text, "经济展望", entities), "6.2").subject == "欧元区"


def test_an_economy_before_the_label_beats_the_text_s_company(
    entities: EntityDictionary,
) -> None:
    text = (
        "摩根士丹利的策略师指出，日本3月核心物价指数同比上涨2.1%，为近年高位。"
        "摩根士丹利一季度营收为150亿美元。"
    )
    found = _read(text, "大摩：日本通胀将回落", entities)
    assert at(found, "2.1").subject == "日本"
    assert at(found, "15000000000").subject == "摩根士丹利"
    text = "特斯拉表示，1月中国销量同比增长20%。"
    assert at(_read(text, "特斯拉销量", entities), "20").subject == "特斯拉"


def test_a_change_against_no_time_is_no_growth(entities: EntityDictionary) -> None:
    text = "交通部门表示，德国与燃油车相比，电动汽车的保养费用下降了40%，但购车成本仍较高。"
    assert all(f.value != -40 for f in _read(text, "德国电动汽车", entities))
    text = "交通部门表示，德国与上年相比，电动汽车的保养费用下降了40%，但购车成本仍较高。"
    assert at(_read(text, "德国电动汽车", entities), "-40").metric.endswith("_yoy")


def test_a_sentence_opening_on_a_bare_verb_goes_on_with_the_part_before(
    entities: EntityDictionary,
) -> None:
    text = (
        "从中国纺织工业联合会了解到，2021年全年纺织业实现营业收入5.2万亿元，增长12.1%。"
        "实现利润2800亿元，增长8.5%。工业企业利润为8.7万亿元。"
    )
    found = _read(text, "2021年我国纺织行业恢复增长", entities)
    assert at(found, "280000000000").metric == "纺织业利润"
    assert at(found, "8700000000000").metric == "工业企业利润"


def test_a_sum_of_money_held_is_no_name_and_names_its_sum(entities: EntityDictionary) -> None:
    text = (
        "近日，央行发布的资产负债表显示，截至2021年12月，非银行机构存款，即客户备付金的总额达到"
        "18000.5亿元。这也是客户备付金第一次突破1.8万亿大关。2020年12月，备付金总额为16000亿元。"
    )
    found = _read(text, "客户备付金突破1.8万亿，支付行业前景可期", entities)
    fact = at(found, "1800050000000")
    assert (fact.subject, fact.metric) == ("中国", "客户备付金总额")
    assert at(found, "1600000000000").metric == "备付金总额"


def test_a_bare_sum_after_a_count_is_the_counted_things(entities: EntityDictionary) -> None:
    text = (
        "中国公益联合会发布的报告显示，截至2021年末，全国累计公益基金备案突破“500单”、达612单，"
        "财产规模达85.5亿元。其中2021年新设立公益基金共计180单，财产规模达26.1亿元，"
        "较上年增加12.5%。全国财产规模为900亿元。"
    )
    found = _read(text, "报告：全国公益基金财产规模达85.5亿元", entities)
    assert at(found, "8550000000").object == "公益基金"
    assert at(found, "2610000000").object == "新设立公益基金"
    assert at(found, "90000000000").object is None
