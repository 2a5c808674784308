"""The evaluation sets stay out of the code: rules are written from how financial text is
written, and their examples and tests use invented sentences. A run of 22 or more characters
shared with an eval file (a copied sentence with its figures) fails here, so a quote cannot
land unnoticed; shorter runs are the everyday phrases any text shares (2024年各季度主要财务数据)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.%（）()、，·：:]{22,}")


def _eval_text(shared_data: Path) -> str:
    rows = []
    for path in sorted((shared_data / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():  # decoded, so an escaped \\u4e00 in the file is compared as 一
                rows.append(json.dumps(json.loads(line), ensure_ascii=False))
    return "\n".join(rows)


def _quotes(text: str, eval_text: str) -> list[str]:
    return [run.group(0) for run in _RUN.finditer(text) if run.group(0) in eval_text]


def test_no_source_or_test_quotes_an_eval_file(shared_data: Path) -> None:
    eval_text = _eval_text(shared_data)
    code = sorted(p for part in ("src", "tests", "bench") for p in (ROOT / part).rglob("*.py"))
    found = [
        f"{path.relative_to(ROOT)}:{number}: {quote}"
        for path in code
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for quote in _quotes(line, eval_text)[:1]
    ]
    assert not found, "eval text quoted in the code:\n" + "\n".join(found)


def test_the_check_finds_a_quote_and_passes_an_invented_sentence() -> None:
    eval_text = "文章：2025年05月15日，青禾股份的当前价为18.88元、最高价为19.02元。"
    assert _quotes("# 2025年05月15日，青禾股份的当前价为18.88元、最高价为19.02元", eval_text)
    assert not _quotes("# 2025年06月12日，远帆汽车的当前价为7.31元、最高价为7.60元", eval_text)
    assert not _quotes("# 2025年05月15日，青禾股份", eval_text)  # too short to be a quote
