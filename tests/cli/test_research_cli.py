from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from touyan.cli import app

runner = CliRunner()


def _demo(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert runner.invoke(app, ["demo", "load", "--db", db]).exit_code == 0
    return db


def test_research_json_report(tmp_path: Path) -> None:
    db = _demo(tmp_path)
    result = runner.invoke(
        app, ["research", "云锋基金2014年投资小米", "--auto-accept", "--json", "--db", db]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"run_id", "plan", "report_markdown", "references", "verification", "usage"}
    assert data["plan"]["steps"] and data["verification"]["unsupported"] == 0
    report = data["report_markdown"]
    assert "11亿美元" in report and "## 参考文献" in report
    assert "不构成投资建议" in report
    assert data["usage"]["provider"] == "offline"


def test_research_asks_for_review_on_the_terminal(tmp_path: Path) -> None:
    db = _demo(tmp_path)
    out = tmp_path / "report.md"
    result = runner.invoke(
        app,
        ["research", "宁德时代2024年业绩", "--db", db, "--out", str(out)],
        input="e\n补充比亚迪的销量\na\n",
    )
    assert result.exit_code == 0, result.output
    assert "研究计划" in result.output and "补充" in result.output
    text = out.read_text("utf-8")
    assert text.startswith("# ") and re.search(r"\[\d+\]", text)
    pdf = tmp_path / "report.pdf"
    again = runner.invoke(
        app, ["research", "贵州茅台2024年经营业绩", "--auto-accept", "--db", db, "--out", str(pdf)]
    )
    assert again.exit_code == 0, again.output
    assert pdf.read_bytes().startswith(b"%PDF")
    cancelled = runner.invoke(app, ["research", "宁德时代", "--db", db], input="c\n")
    assert cancelled.exit_code == 1


def test_ask_json_and_bad_input(tmp_path: Path) -> None:
    db = _demo(tmp_path)
    result = runner.invoke(app, ["ask", "贵州茅台2024年营业收入", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"answer", "citations", "verification"}
    assert data["citations"] and {"n", "document_id", "title", "url"} <= set(data["citations"][0])
    assert "1741.44亿元" in data["answer"]
    empty = runner.invoke(app, ["ask", "  ", "--db", db])
    assert empty.exit_code == 2 and "empty" in empty.output
    bad = runner.invoke(app, ["research", "x", "--as-of", "yesterdayish", "--db", db])
    assert bad.exit_code == 2 and "--as-of" in bad.output
