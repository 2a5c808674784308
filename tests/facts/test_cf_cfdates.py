"""Dates in company news with no publication date: a bare month or half year takes the year
of the period the text reviews, a quote under a day with its clock time is that day's, a
report's figures told on a day are the report's period's, and a window's move stays the
window's."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_NAMES = ("青梧科技", "远舟重工")
_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), *(EntityRecord(name, "company") for name in _NAMES)]
)


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def _when(fact: ExtractedFact) -> tuple[dt.date | None, str | None]:
    return fact.as_of, fact.period


_REVIEW = (
    "某协会7月20日发布行业运行简报。2023年上半年，行业运行总体平稳，需求有所回升，"
    "出口继续保持增长，多数企业的订单较为充足，库存水平保持在合理区间之内，价格基本稳定，"
    "行业信心有所恢复，骨干企业的研发投入继续加大，新产品的市场占有率逐步提高，海外市场开拓取得"
    "积极进展。一、机床行业上半年，我国金属切削机床产量 30 万台，同比增长 4.2%。"
    "6 月，金属切削机床产量 5.6 万台，同比增长 1.9%。"
)


def test_a_bare_half_year_far_after_its_year_takes_it() -> None:
    assert _when(at(_read(_REVIEW), "4.2")) == (dt.date(2023, 6, 30), "上半年")


def test_a_bare_month_within_the_half_year_reviewed_takes_its_year() -> None:
    assert _when(at(_read(_REVIEW), "1.9")) == (dt.date(2023, 6, 30), "6月")
