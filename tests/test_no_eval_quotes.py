"""The evaluation sets stay out of the code: rules are written from how financial text is
written, and their examples and tests use invented sentences. Any 22 characters in a row that
the prose of src/, tests/ or bench/ (its comments and string literals) shares with an eval file
(a copied sentence, or part of one, with its figures) fail here, so a quote cannot land
unnoticed; shorter runs are the everyday phrases any text shares (2024年各季度主要财务数据)."""

from __future__ import annotations

import io
import json
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_QUOTE = 22  # characters in a row that make a quote
_STEP = _QUOTE // 2  # a shared run of _QUOTE holds one of the eval text's windows at this step


class _EvalIndex:
    """The eval text's windows of `_STEP` characters taken every `_STEP` characters: any run of
    `_QUOTE` characters it shares with a text covers one of them, so a text is checked by
    looking up its own windows and growing each hit both ways."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        for i in range(0, len(text) - _STEP + 1, _STEP):
            self.at.setdefault(text[i : i + _STEP], []).append(i)

    def quotes_in(self, line: str) -> Iterator[tuple[int, str]]:
        """Where each run of `_QUOTE` or more characters `line` shares with the eval text
        starts, and the run; runs of blanks and punctuation (a table rule, an indent) are no
        quote."""
        j = 0
        while j <= len(line) - _STEP:
            run = max(
                (self._grown(line, j, i) for i in self.at.get(line[j : j + _STEP], ())),
                key=lambda found: len(found[1]),
                default=(j, ""),
            )
            if len(run[1]) >= _QUOTE and sum(c.isalnum() for c in run[1]) >= _STEP:
                yield run
                j = run[0] + len(run[1])
            else:
                j += 1

    def _grown(self, line: str, j: int, i: int) -> tuple[int, str]:
        """The shared run around `line[j:]` matching the eval text at `i`, grown both ways."""
        start, other = j, i
        while start and other and line[start - 1] == self.text[other - 1]:
            start, other = start - 1, other - 1
        end, other = j + _STEP, i + _STEP
        while end < len(line) and other < len(self.text) and line[end] == self.text[other]:
            end, other = end + 1, other + 1
        return start, line[start:end]


def _strings(value: object) -> Iterator[str]:
    """The text values of a row, escaped as a Python literal would write them (a newline as
    \\n), without the keys and punctuation of the JSON around them."""
    if isinstance(value, str):
        yield json.dumps(value, ensure_ascii=False)[1:-1]
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _eval_text(shared_data: Path) -> str:
    texts = []
    for path in sorted((shared_data / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():  # decoded, so an escaped \\u4e00 in the file is compared as 一
                texts.extend(_strings(json.loads(line)))
    return "\n".join(texts)


def _literal_body(token: str) -> str:
    """A string literal without its prefix and quotes, a wrapped line's indent dropped."""
    body = token.lstrip("rRbBuUfF")
    quote = 3 if body[:3] in ('"""', "'''") else 1
    return "".join(part.lstrip() for part in body[quote:-quote].split("\n"))


def _prose(source: str) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each stretch of prose with where its pieces start (offset, line): comments on
    consecutive lines, literals concatenated across lines and a docstring's wrapped lines are
    joined, so a quote split over two lines is still one run."""
    text, starts = "", []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.STRING):
            piece = token.string.lstrip("#").strip() if token.type == tokenize.COMMENT else ""
            piece = piece or (_literal_body(token.string) if token.type == tokenize.STRING else "")
            starts.append((len(text), token.start[0]))
            text += piece
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            if text:
                yield text, starts
            text, starts = "", []
    if text:
        yield text, starts


def _quotes(index: _EvalIndex, source: str) -> Iterator[tuple[int, str]]:
    for text, starts in _prose(source):
        if not text.isascii():
            for offset, quote in index.quotes_in(text):
                yield max(line for at, line in starts if at <= offset), quote


def test_no_source_or_test_quotes_an_eval_file(shared_data: Path) -> None:
    index = _EvalIndex(_eval_text(shared_data))
    code = sorted(p for part in ("src", "tests", "bench") for p in (ROOT / part).rglob("*.py"))
    found = [
        f"{path.relative_to(ROOT)}:{number}: {quote}"
        for path in code
        for number, quote in _quotes(index, path.read_text(encoding="utf-8"))
    ]
    assert not found, "eval text quoted in the code:\n" + "\n".join(found)


def test_the_check_finds_a_quote_and_passes_an_invented_sentence() -> None:
    index = _EvalIndex("文章：2025年05月15日，青禾股份的当前价为18.88元、最高价为19.02元。")
    assert any(index.quotes_in("# 2025年05月15日，青禾股份的当前价为18.88元、最高价为19.02元"))
    # part of a sentence, inside other words, is still a quote
    assert any(index.quotes_in("# 例如“青禾股份的当前价为18.88元、最高价为19.02元”之类"))
    assert not any(index.quotes_in("# 2025年06月12日，远帆汽车的当前价为7.31元、最高价为7.60元"))
    assert not any(index.quotes_in("# 2025年05月15日，青禾股份"))  # too short to be a quote


def test_a_quote_wrapped_over_lines_is_still_found() -> None:
    index = _EvalIndex("文章：2025年05月15日，青禾股份的当前价为18.88元、最高价为19.02元。")
    comment = "x = 1  # 2025年05月15日，青禾股份的\n# 当前价为18.88元\n"
    literals = 'text = (\n    "2025年05月15日，青禾"\n    "股份的当前价为18.88元"\n)\n'
    docstring = 'def f() -> None:\n    """青禾股份的当前价\n    为18.88元、最高价为19.02元"""\n'
    assert [line for line, _ in _quotes(index, comment)] == [1]
    assert [line for line, _ in _quotes(index, literals)] == [2]
    assert [line for line, _ in _quotes(index, docstring)] == [2]
    assert not list(_quotes(index, 'a = "2025年05月15日，青禾"\nb = "股份的当前价为18.88元"\n'))
