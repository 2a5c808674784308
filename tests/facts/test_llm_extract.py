from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from touyan.facts.entities import bundled_dictionary
from touyan.facts.llm_extract import llm_extract
from touyan.ingest.pipeline import ingest
from touyan.llm import ScriptedProvider
from touyan.store.db import Database
from touyan.store.models import Fact

TEXT = "2014年12月，小米完成11亿美元融资。云锋基金出资2.5亿美元，成为第二大投资方。"


def reply(*facts: dict[str, object]) -> str:
    return json.dumps({"facts": list(facts)}, ensure_ascii=False)


def test_only_facts_the_text_states_are_kept() -> None:
    provider = ScriptedProvider(
        [
            reply(
                {"subject": "云锋", "metric": "invested", "value": "2.5亿美元", "as_of": None},
                {"subject": "云锋基金", "metric": "invested", "value": "3亿美元"},
                {"subject": "小米", "metric": "raised", "value": "11亿元"},
                {"subject": "红杉资本", "metric": "invested", "value": "11亿美元"},
                {"subject": "小米", "metric": "Raised Amount!", "value": "11亿美元"},
            )
        ]
    )
    result = llm_extract(TEXT, provider, entities=bundled_dictionary())
    assert [(f.subject, f.metric, str(f.value)) for f in result.facts] == [
        ("云锋基金", "invested", "250000000")
    ]
    fact = result.facts[0]
    assert TEXT[fact.span[0] : fact.span[1]] == "2.5亿美元"
    assert len(result.rejected) == 4
    # The document goes to the model as delimited data, after an instruction saying so.
    system, user = provider.prompts[0]
    assert "data" in system.content and user.content.startswith("<document>")


def test_a_malformed_answer_gives_no_facts_and_no_crash() -> None:
    for bad in ("not json", '{"facts": [{"subject": "x"}]}', "```json\n[1, 2]\n```"):
        result = llm_extract(TEXT, ScriptedProvider([bad]))
        assert result.facts == [] and len(result.rejected) == 1


def test_ingest_with_a_model_stores_its_checked_facts(db: Database, tmp_path: Path) -> None:
    doc = tmp_path / "round.jsonl"
    doc.write_text(json.dumps({"title": "小米融资", "text": TEXT}, ensure_ascii=False))
    provider = ScriptedProvider(
        [
            reply(
                {"subject": "小米集团", "metric": "round_size", "value": "11亿美元"},
                {"subject": "小米集团", "metric": "valuation", "value": "450亿美元"},
            )
        ]
    )
    assert ingest(db, [str(doc)], provider=provider).added == 1
    with db.sessions() as s:
        rows = s.execute(select(Fact.metric, Fact.method, Fact.value)).all()
    assert ("round_size", "llm", 1100000000) in {(m, k, int(v)) for m, k, v in rows}
    assert not any(metric == "valuation" for metric, _, _ in rows)  # 450亿 is not in the text
    assert ("invested", "rule", 250000000) in {(m, k, int(v)) for m, k, v in rows}
