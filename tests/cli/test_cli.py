from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from touyan.cli import app
from touyan.facts.confidence import CHECK_BELOW
from touyan.store.db import Database
from touyan.store.models import Document

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def test_init_then_stats_on_a_file_path(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    code, out = invoke("init", "--db", db)
    assert code == 0 and "Database ready" in out
    code, out = invoke("stats", "--db", db, "--json")
    assert code == 0 and json.loads(out)["documents"] == 0


def test_demo_load_is_idempotent_and_searchable(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out = invoke("demo", "load", "--db", db)
    assert code == 0, out
    stats = json.loads(invoke("stats", "--db", db, "--json")[1])
    assert stats["documents"] >= 30
    assert stats["by_language"].get("en", 0) >= 5 and stats["by_language"].get("zh", 0) >= 15
    code, out = invoke("demo", "load", "--db", db)
    assert code == 0 and "0 added" in out
    code, out = invoke("search", "云锋基金 小米", "--db", db, "--json", "--limit", "3")
    results = json.loads(out)
    assert code == 0 and len(results) == 3
    assert set(results[0]) == {
        "document_id",
        "chunk_id",
        "title",
        "url",
        "published_at",
        "score",
        "snippet",
    }
    assert all(r["url"].startswith("http") for r in results)
    code, out = invoke("demo", "run", "--db", db, "-q", "小米 估值")
    assert code == 0 and "Sources" in out and "[1]" in out


def test_ingest_json_summary_and_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    good = tmp_path / "good.txt"
    good.write_text("宁德时代公告\n宁德时代2024年营业收入3620.13亿元。", encoding="utf-8")
    code, out = invoke("ingest", str(good), "--db", db, "--json")
    assert code == 0
    assert json.loads(out) == {
        "added": 1,
        "updated": 0,
        "duplicates": 0,
        "near_duplicates": 0,
        "failed": [],
    }
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    code, out = invoke("ingest", str(good), str(empty), "--db", db, "--json")
    summary = json.loads(out)
    assert code == 1
    assert summary["duplicates"] == 1 and summary["failed"][0]["input"] == str(empty)


def test_search_dates_and_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    doc = tmp_path / "d.jsonl"
    doc.write_text(
        json.dumps({"title": "小米融资", "text": "小米完成融资。", "published_at": "2014-12-29"}),
        encoding="utf-8",
    )
    invoke("ingest", str(doc), "--db", db)
    assert (
        len(json.loads(invoke("search", "小米", "--db", db, "--json", "--until", "2014-12-29")[1]))
        == 1
    )
    assert (
        json.loads(invoke("search", "小米", "--db", db, "--json", "--since", "2015-01-01")[1]) == []
    )
    result = runner.invoke(app, ["search", "小米", "--db", db, "--since", "yesterday-ish"])
    assert result.exit_code == 2 and "cannot read" in result.stderr
    code, out = invoke("search", "没有这个词", "--db", db)
    assert code == 0 and "No documents match" in out


def test_facts_from_the_seed_page_as_json(tmp_path: Path, shared_data: Path) -> None:
    db = f"sqlite:///{tmp_path / 'facts.db'}"
    seed = shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt"
    assert invoke("ingest", str(seed), "--db", db)[0] == 0
    code, out = invoke("facts", "云锋", "--metric", "invested", "--db", db, "--json")
    facts = json.loads(out)
    assert code == 0 and facts
    fact = facts[0]
    assert set(fact) >= {
        "subject", "metric", "object", "value", "unit", "currency", "as_of",
        "document_id", "document_url", "chunk_id", "span", "quote", "confidence",
    }  # fmt: skip
    assert (fact["subject"], fact["object"], fact["value"], fact["currency"]) == (
        "云锋基金",
        "小米集团",
        "250000000",
        "USD",
    )
    assert CHECK_BELOW <= fact["confidence"] < 1.0  # a rating: no rule fact is certain
    # Spans are offsets into the stored (normalised) document text, like chunk offsets.
    store = Database(db)
    with store.sessions() as session:
        document = session.get(Document, fact["document_id"])
        assert document is not None
        assert document.text[fact["span"][0] : fact["span"][1]] == "2.5亿美元"
    store.close()
    # The table shows the value as the source writes it, with the JSON's base units below.
    code, out = invoke("facts", "云锋", "--metric", "invested", "--db", db)
    assert code == 0 and "2.5亿美元" in out and "250000000 USD" in out
    code, out = invoke("facts", "没有这家公司", "--db", db, "--json")
    assert code != 0 or json.loads(out) == []


def test_entity_added_by_a_user_is_found_at_ingest(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'entity.db'}"
    code, out = invoke(
        "entity", "add", "青禾食品", "--ticker", "605999", "--alias", "青禾", "--db", db
    )
    assert code == 0, out
    assert invoke("entity", "add", "坏公司", "--ticker", "NOT A TICKER", "--db", db)[0] != 0
    doc = tmp_path / "qinghe.jsonl"
    row = {
        "title": "青禾食品行情",
        "text": "2025年06月12日，青禾食品的当前价为18.42元，涨跌幅为+2.37%。",
    }
    doc.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    assert invoke("ingest", str(doc), "--db", db)[0] == 0
    facts = json.loads(invoke("facts", "605999.SH", "--db", db, "--json")[1])
    assert {(f["subject"], f["metric"], f["value"]) for f in facts} == {
        ("青禾食品", "price", "18.42"),
        ("青禾食品", "change_pct", "2.37"),
    }


def test_a_value_scaled_by_its_table_caption_is_shown_once(tmp_path: Path) -> None:
    """A statement's "$ 8,120" under "(In millions)" has no written form equal to its value:
    the table shows the base units once, not twice."""
    db = f"sqlite:///{tmp_path / 'statement.db'}"
    page = (
        "Acme Widgets Inc.\nConsolidated Balance Sheet\n(Dollars in millions)\n"
        "December 31,\n2030\n2029\nTotal assets\n$ 8,120\n$ 7,450\n"
    )
    doc = tmp_path / "acme.jsonl"
    doc.write_text(json.dumps({"title": "Acme 10-K", "text": page}), encoding="utf-8")
    assert invoke("entity", "add", "Acme Widgets", "--alias", "Acme", "--db", db)[0] == 0
    assert invoke("ingest", str(doc), "--db", db)[0] == 0
    code, out = invoke("facts", "Acme Widgets", "--json", "--db", db)
    assert code == 0 and json.loads(out)[0]["value"] == "8120000000"
    code, out = invoke("facts", "Acme Widgets", "--db", db)
    assert code == 0 and out.count("8120000000 USD") == 1


def test_a_fact_rated_unsure_is_marked_with_its_rating(tmp_path: Path) -> None:
    """A forecast read off the text's own words a sentence after its company is marked for
    checking, with its rating; the revenue in its company's clause is not. (Invented text.)"""
    db = f"sqlite:///{tmp_path / 'unsure.db'}"
    text = "2031年，贵州茅台营业收入为1250亿元，同比增长8%。另据介绍，其基酒优品率有望达到93.5%。"
    doc = tmp_path / "unsure.jsonl"
    doc.write_text(json.dumps({"title": "茅台摘要", "text": text}, ensure_ascii=False))
    assert invoke("ingest", str(doc), "--db", db)[0] == 0
    code, out = invoke("facts", "贵州茅台", "--json", "--db", db)
    rated = {f["metric"]: f["confidence"] for f in json.loads(out)}
    unsure = [c for c in rated.values() if c < CHECK_BELOW]
    assert code == 0 and rated["revenue"] >= CHECK_BELOW and len(unsure) == 1
    code, out = invoke("facts", "贵州茅台", "--db", db)
    assert code == 0 and out.count("check (") == 1 and f"({unsure[0]:.2f})" in out
    code, out = invoke("facts", "贵州茅台", "--min-confidence", "0.8", "--json", "--db", db)
    assert code == 0 and {f["metric"] for f in json.loads(out)} == set(rated) - {
        m for m, c in rated.items() if c < CHECK_BELOW
    }
    assert invoke("facts", "贵州茅台", "--min-confidence", "2", "--db", db)[0] != 0
