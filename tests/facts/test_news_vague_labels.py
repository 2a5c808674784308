"""Labels that name no figure, read in our own sentences: a bare target, a pointer back to
the figure before (该指数), a period alone (最后一个季度), a streak's floor (连续3年增速), a
bare total whose measure the clause before grew, and a chance written 机率 or 几率."""

from __future__ import annotations

from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of([*bundled_entities(), EntityRecord("青禾股份", "company")])


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def test_a_bare_target_names_no_figure() -> None:
    facts = _read("青禾股份表示，公司今年营业收入为52亿元，新基地的目标是80%使用绿色电力。")
    assert [f.metric for f in facts] == ["revenue"]


def test_a_pointer_back_names_the_figure_before_it_or_none() -> None:
    facts = _read(
        "调查显示，法国机械制造业2022年3月的景气指数为5.2，而在2022年2月，该指数仅为1.3。"
    )
    assert at(facts, "1.3").metric == at(facts, "5.2").metric  # the index just stated
    facts = _read("调查显示，法国机械订单减少5%。而在2022年2月，该指数仅为1.3。")
    assert at(facts, "-5").metric.endswith("_yoy")
    assert not any(f.value == Decimal("1.3") for f in facts)  # which index: none stated


def test_a_period_alone_names_no_figure() -> None:
    facts = _read("机构预测，英国12月通胀率为5.4%，最后一个季度环比增长0.9%。")
    assert at(facts, "5.4").metric == "通胀率_forecast"
    assert not any(f.value == Decimal("0.9") for f in facts)


def test_a_streaks_floor_names_no_figure() -> None:
    facts = _read("江西省快递业务量增长较快，全年快递业务量达到12亿件，连续5年增速超过15%。")
    assert at(facts, "1200000000").metric == "快递业务量"
    assert not any(f.value == 15 for f in facts)


def test_a_bare_total_is_of_the_measure_grown_before_it() -> None:
    facts = _read("江西省政府工作报告提到，预计2022年全省生产总值增长7%，总量突破5万亿元。")
    assert at(facts, "5000000000000").metric == "生产总值_forecast"
    bare = _read("江西省2022年旅游业恢复较快，全省旅游总收入为3000亿元，总量突破3000亿元。")
    assert [f.metric for f in bare] == ["旅游收入"]


def test_a_chance_written_jilv_is_named_by_its_event() -> None:
    facts = _read("利率期货显示，市场预期美联储9月加息25个基点的机率为60%左右。")
    chance = at(facts, "60")
    assert (chance.metric, chance.period) == ("加息25个基点概率", "9月")
