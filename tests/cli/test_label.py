from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from touyan.cli import app

runner = CliRunner()


def test_label_text_json() -> None:
    result = runner.invoke(app, ["label", "腾讯控股(0700.HK)宣布回购股份，业绩超预期。", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "sentiment",
        "sentiment_score",
        "evidence_phrases",
        "market",
        "tags",
        "summary",
    }
    assert data["sentiment"] == "bullish" and data["market"] == "hk" and "tencent" in data["tags"]


def test_label_text_for_people() -> None:
    result = runner.invoke(
        app, ["label", "公司业绩不及预期，股价大跌。", "--title", "业绩不及预期"]
    )
    assert result.exit_code == 0
    assert "利空 bearish" in result.stdout and "A股市场 cn_a" in result.stdout


def test_label_reads_standard_input() -> None:
    result = runner.invoke(app, ["label", "--json"], input="Apple beats estimates.")
    assert json.loads(result.stdout)["sentiment"] == "bullish"


def test_label_file_one_result_per_line_in_order(tmp_path: Path) -> None:
    lines = [
        {"text": "美联储宣布加息25个基点。"},
        {"text": "公司控股股东并未减持股份。", "title": "未减持"},
        "not json",
        {"title": "没有正文"},
        {"text": "日本央行维持利率不变。"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
        + "\n\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["label", "--file", str(path), "--json"])
    assert result.exit_code == 1  # two lines could not be labelled
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5
    assert out[0]["market"] == "us" and out[4]["market"] == "other"
    assert out[1]["sentiment"] != "bearish"
    assert "line 3" in out[2]["error"] and "text" in out[3]["error"]


def test_label_file_and_text_together_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["label", "x", "--file", str(tmp_path / "f.jsonl")])
    assert result.exit_code == 2


def test_llm_without_a_model_is_a_clear_error() -> None:
    result = runner.invoke(app, ["label", "x", "--llm"])
    assert result.exit_code == 2 and "TOUYAN_LLM_MODEL" in result.stderr


def test_relabel_command(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    doc = tmp_path / "a.txt"
    doc.write_text("宁德时代公告\n宁德时代2024年净利润同比增长15%。", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(doc), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["relabel", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"documents": 1, "by_method": {"offline": 1}}
    result = runner.invoke(app, ["label", "宁德时代(300750.SZ)扭亏为盈", "--db", db, "--json"])
    assert json.loads(result.stdout)["tags"][0] == "catl"
