"""A figure the text gives only as a floor or a ceiling (超过9%, 不超过2%) keeps that word, from
extraction through the store to `touyan facts`: read as exact, it would tell more than the
source knows."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from touyan.cli import app
from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.repository import query_facts
from touyan.ingest.pipeline import ingest
from touyan.store.db import Database

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("青禾股份", "company"), EntityRecord("远帆汽车", "company")]
)
_DAY = dt.date(2025, 5, 15)


def _bounds(text: str) -> dict[tuple[str, Decimal], str | None]:
    found = extract_facts(text, published_at=_DAY, entities=_ENTITIES)
    return {(f.metric, f.value): f.bound for f in found}


def _one(text: str, metric: str) -> ExtractedFact:
    [fact] = [
        f for f in extract_facts(text, published_at=_DAY, entities=_ENTITIES) if f.metric == metric
    ]
    return fact


def test_words_before_a_figure_make_it_a_floor_or_a_ceiling() -> None:
    assert _one("2025年5月14日，青禾股份换手率超过12%。", "turnover_rate").bound == "floor"
    assert _one("2025年5月14日，青禾股份成交额逾3亿元。", "turnover").bound == "floor"
    assert _one("2025年5月14日，青禾股份换手率不足3%。", "turnover_rate").bound == "ceiling"
    # 不超过 ends in 超过: it is still a ceiling
    assert _one("2025年5月14日，青禾股份换手率不超过3%。", "turnover_rate").bound == "ceiling"


def test_words_after_a_figure_make_it_a_floor_or_a_ceiling() -> None:
    assert _one("2025年5月14日，青禾股份换手率在12%以上。", "turnover_rate").bound == "floor"
    assert _one("2025年5月14日，青禾股份换手率在3%以下。", "turnover_rate").bound == "ceiling"


def test_a_falls_size_bound_turns_round_on_its_signed_value() -> None:
    fact = _one("2025年5月14日，青禾股份股价大跌超7%。", "change_pct")
    assert (fact.value, fact.bound) == (Decimal("-7"), "ceiling")  # a change of -7% or less
    fact = _one("2025年5月14日，青禾股份股价跌幅不足1%。", "change_pct")
    assert (fact.value, fact.bound) == (Decimal("-1"), "floor")


def test_a_bound_before_a_changes_verb_bounds_the_change() -> None:
    fact = _one("青禾股份公告，预料去年的盈利最少增长55%。", "盈利_yoy_forecast")
    assert (fact.value, fact.bound) == (Decimal("55"), "floor")
    fact = _one("青禾股份公告，预料去年的盈利至少下降40%。", "盈利_yoy_forecast")
    assert (fact.value, fact.bound) == (Decimal("-40"), "ceiling")  # a fall of 40% or more
    fact = _one("青禾股份公告，预料去年的盈利增长55%。", "盈利_yoy_forecast")
    assert (fact.value, fact.bound) == (Decimal("55"), None)


def test_exact_approximate_and_compared_figures_have_no_bound() -> None:
    text = "2025年5月14日，青禾股份换手率为12.5%，成交额约3亿元，股价上涨近5%。"
    assert set(_bounds(text).values()) == {None}
    # 高于市场91%的公司: the figure is a percentile, compared with other companies, not bounded
    card = "青禾股份最近四个季度ROE为18.73%，高于市场91%的公司。"
    assert set(_bounds(card).values()) == {None}


def test_a_range_keeps_its_two_ends_and_no_bound() -> None:
    text = "青禾股份1月27日晚间披露业绩预告，公司预计2024年归母净利润超2600万元至3900万元。"
    fact = _one(text, "net_profit_forecast")
    assert (fact.high, fact.bound) == (Decimal("39000000"), None)


def _ingest(db: Database, tmp_path: Path, text: str) -> None:
    doc = tmp_path / "bounds.jsonl"
    doc.write_text(json.dumps({"title": "远帆汽车销量", "text": text}, ensure_ascii=False))
    assert ingest(db, [str(doc)]).added == 1


_SALES = "2025年5月10日，远帆汽车公告：4月远帆汽车成交额超过5800万元，换手率为3.2%。"


def test_the_bound_survives_the_store_and_the_json(db: Database, tmp_path: Path) -> None:
    _ingest(db, tmp_path, _SALES)
    [turnover] = query_facts(db, metric="turnover")
    assert (turnover.value, turnover.bound) == (Decimal("58000000"), "floor")
    assert turnover.to_json()["bound"] == "floor"
    [rate] = query_facts(db, metric="turnover_rate")
    assert rate.bound is None and rate.to_json()["bound"] is None


def test_the_facts_table_marks_a_bound(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bounds.db'}"
    database = Database(url)
    database.migrate()
    _ingest(database, tmp_path, _SALES)
    database.close()
    result = CliRunner().invoke(app, ["facts", "远帆汽车", "--db", url])
    assert result.exit_code == 0, result.stdout
    assert "≥ 5800万元" in result.stdout
    assert "≥ 3.2%" not in result.stdout and "3.2%" in result.stdout


def test_card_signs_a_breakthrough_and_and_some_more() -> None:
    card = "青禾股份投资风格稳定：最大行业占比≤60%，成长风格占比≥70%。"
    assert set(_bounds(card).values()) == {"ceiling", "floor"}
    assert _one("2025年一季度，远帆汽车销量突破70万辆。", "deliveries").bound == "floor"
    fact = _one("2024年全年，远帆汽车交付9.5万余辆。", "deliveries")
    assert (fact.value, fact.bound) == (Decimal("95000"), "floor")
