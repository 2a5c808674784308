"""Facts about physical quantities keep their unit (产量…万吨, 装机…千瓦), and the verifier
flags a claim whose physical unit was changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.verify import Evidence, verify

_NAMES = ("澄川化工", "岭南绿能")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)
_DAY = dt.date(2025, 5, 15)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, published_at=_DAY, entities=_ENTITIES)


def _by_metric(facts: list[ExtractedFact]) -> dict[str, tuple[Decimal, str]]:
    return {f.metric: (f.value, f.unit) for f in facts}


def test_an_output_and_its_change_keep_the_tonnes() -> None:
    text = "2024年，全国油菜籽产量1562万吨，比上年增加41万吨，增产2.7%。"
    got = _by_metric(_read(text))
    assert got["油菜籽产量"] == (Decimal("15620000"), "吨")
    assert got["油菜籽产量_yoy_change"] == (Decimal("410000"), "吨")


def test_sales_volume_in_tonnes_is_kept_with_its_unit() -> None:
    text = "2024年，澄川化工溶剂销量达12万吨，同比增长18%。"
    facts = [f for f in _read(text) if f.subject == "澄川化工" and f.value == 120000]
    assert facts and all(f.unit == "吨" for f in facts)


def test_energy_figures_keep_their_unit() -> None:
    text = "2024年，岭南绿能储能部署总量为 18.6 吉瓦时，同比增长40%。"
    facts = [f for f in _read(text) if f.value == Decimal("18.6")]
    assert facts and all(f.unit == "吉瓦时" for f in facts)


_HARVEST = Evidence(1, "2024年，全国油菜籽产量1562万吨，比上年增加41万吨。", document_id=7)


def _statuses(markdown: str) -> list[str]:
    result = verify(markdown, [_HARVEST], entities=_ENTITIES)
    return [s.status for s in result.sentences]


def test_the_verifier_flags_a_changed_physical_unit() -> None:
    assert _statuses("2024年，全国油菜籽产量1562万吨[1]。") == ["supported"]
    assert _statuses("2024年，全国油菜籽产量1562万斤[1]。") == ["unsupported"]
    assert _statuses("2024年，全国油菜籽产量1562万公顷[1]。") == ["unsupported"]
    # the same harvest in another unit of weight is the same claim
    assert _statuses("2024年，全国油菜籽产量312.4亿斤[1]。") == ["supported"]


def test_a_volume_in_lots_keeps_its_lots() -> None:
    """4.87万手 is 48,700 lots (a lot is 100 shares on the A-share market, other sizes
    elsewhere): read as a bare count it would pass for 48,700 shares."""
    text = "截至2025年5月12日收盘，澄川化工成交量4.87万手，成交额6312.45万元。"
    got = _by_metric(_read(text))
    assert got["volume"] == (Decimal("48700"), "手")
    lots = Evidence(1, text, document_id=7)
    supported = verify("澄川化工成交量4.87万手[1]。", [lots], entities=_ENTITIES)
    assert [s.status for s in supported.sentences] == ["supported"]
    shares = verify("澄川化工成交量4.87万股[1]。", [lots], entities=_ENTITIES)
    assert [s.status for s in shares.sentences] == ["unsupported"]
