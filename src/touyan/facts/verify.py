"""The claim verifier: every number a writer states must stand in the evidence it cites.

Given Markdown with [n] markers and the run's evidence set, it removes markers that name no
evidence, finds each sentence's numbers, dates and entities, and checks them against the cited
chunks (and the Facts read from them). A number counts as supported only where the cited
text states the same quantity (after normalisation, within the rounding the text implies)
in a sentence about the same entity — so "云锋基金出资1.5亿美元" is not supported by a source
that gives 1.5亿美元 for GIC. Nothing here trusts the writer: not its markers, not its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from touyan.facts.entities import EntityDictionary, EntityRecord, Mention
from touyan.text.dates import DateMention, parse_dates
from touyan.text.numbers import Quantity, parse_numbers, same_quantity
from touyan.text.sentences import sentence_spans

Status = Literal["supported", "unsupported", "uncited-claim", "opinion"]
MISSING = "数据缺失"

_MARKER_RUN = re.compile(r"(?:\s*\[\s*\d{1,3}(?:\s*[,，、]\s*\d{1,3})*\s*\])+")
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*\]")
_HEADING = re.compile(
    r"^(?:#{1,6}\s|[一二三四五六七八九十]+、|\d+(?:\.\d+)+\s|第[一二三四五六七八九十\d]+[章节部分])"
)
_LIST_PREFIX = re.compile(r"^(?:[-*+•]\s+|\d+[.)、]\s+|\(\d+\)\s*)")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_CLAUSE = re.compile(r"[，,；;：:（）()]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One citable chunk of this run, known to the writer by `id` ([id] in the text)."""

    id: int
    text: str
    document_id: int | None = None
    chunk_id: int | None = None
    title: str = ""
    url: str | None = None
    facts: tuple[Quantity, ...] = ()


class _Indexed:
    """Evidence parsed once per verification: sentences, numbers, dates, entity names."""

    def __init__(self, evidence: Evidence, entities: EntityDictionary | None) -> None:
        self.evidence = evidence
        self._entities = entities

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        return sentence_spans(self.evidence.text) or [(0, len(self.evidence.text))]

    @cached_property
    def quantities(self) -> list[tuple[Quantity, int]]:
        """Every number the evidence states; a range (3200万元至4800万元) states both its ends,
        so "最高4800万元" is as supported as the lower end."""
        out = []
        for q in parse_numbers(self.evidence.text, [d.span for d in self.dates]):
            sentence = self._sentence_of(q.span[0])
            out.append((q, sentence))
            if q.high is not None:
                out.append((replace(q, value=q.high, high=None), sentence))
        return out

    @cached_property
    def dates(self) -> list[DateMention]:
        return parse_dates(self.evidence.text)

    @cached_property
    def mentions(self) -> list[Mention]:
        return self._entities.find(self.evidence.text) if self._entities else []

    @cached_property
    def entity_names(self) -> set[str]:
        return {m.entity.name for m in self.mentions}

    def _sentence_of(self, offset: int) -> int:
        for i, (start, end) in enumerate(self.spans):
            if start <= offset < end:
                return i
        return len(self.spans) - 1

    def sentence_entities(self, sentence: int) -> set[str]:
        """Entities named in the sentence, or else in the one before (a carried subject).

        Only one sentence back: a neighbour naming someone else must not lend its subject
        to a number that belongs to another entity.
        """
        for index in (sentence, sentence - 1):
            if index < 0:
                break
            lo, hi = self.spans[index]
            named = {m.entity.name for m in self.mentions if lo <= m.start < hi}
            if named:
                return named
        return set()


@dataclass(slots=True)
class NumberCheck:
    text: str
    supported: bool


@dataclass(slots=True)
class SentenceCheck:
    text: str
    status: Status
    citations: list[int] = field(default_factory=list)
    numbers: list[NumberCheck] = field(default_factory=list)
    missing_entities: list[str] = field(default_factory=list)

    @property
    def is_claim(self) -> bool:
        return self.status != "opinion"


@dataclass(slots=True)
class Verification:
    markdown: str
    sentences: list[SentenceCheck]
    removed_markers: int

    @property
    def summary(self) -> dict[str, int]:
        claims = [s for s in self.sentences if s.is_claim]
        return {
            "claims": len(claims),
            "cited": sum(1 for s in claims if s.citations),
            "supported": sum(1 for s in claims if s.status == "supported"),
            "unsupported": sum(1 for s in claims if s.status != "supported"),
            "removed_markers": self.removed_markers,
        }


class Verifier:
    def __init__(
        self,
        evidence: Sequence[Evidence],
        *,
        entities: EntityDictionary | None = None,
        strict: bool = False,
    ) -> None:
        self.entities = entities
        self.strict = strict
        self.index = {e.id: _Indexed(e, entities) for e in evidence}
        self.removed = 0
        self.checks: list[SentenceCheck] = []

    def run(self, markdown: str) -> Verification:
        lines = [self._line(line) for line in markdown.split("\n")]
        return Verification("\n".join(lines), self.checks, self.removed)

    # -- structure -------------------------------------------------------------------------

    def _line(self, line: str) -> str:
        stripped = line.strip()
        if not stripped or _TABLE_SEPARATOR.match(stripped):
            return line
        if stripped.startswith("|"):
            return self._table_row(line)
        if _HEADING.match(stripped) and not _MARKER.search(stripped):
            return line
        prefix_match = _LIST_PREFIX.match(stripped)
        indent = line[: len(line) - len(line.lstrip())]
        prefix = prefix_match.group() if prefix_match else ""
        body = stripped[len(prefix) :]
        return indent + prefix + self._paragraph(body)

    def _paragraph(self, body: str) -> str:
        out: list[str] = []
        cursor = 0
        for start, end in _attach_trailing_markers(body, sentence_spans(body)):
            out.append(body[cursor:start])
            out.append(self._sentence(body[start:end]))
            cursor = end
        out.append(body[cursor:])
        return "".join(out)

    def _table_row(self, line: str) -> str:
        """A table row is checked as one claim; in strict mode unsupported cells are blanked."""
        cells = line.split("|")
        row_text = " ".join(cells)
        if not _MARKER.search(row_text) and not self._quantities(row_text):
            return line
        check = self._check(row_text)
        new_cells = [self._clean_markers(c, check.citations) for c in cells]
        if self.strict and check.status != "supported":
            bad = {n.text for n in check.numbers if not n.supported}
            new_cells = [f" {MISSING} " if any(b in c for b in bad) else c for c in new_cells]
        return "|".join(new_cells)

    def _sentence(self, sentence: str) -> str:
        check = self._check(sentence)
        cleaned = self._clean_markers(sentence, check.citations)
        if self.strict and check.is_claim and check.status != "supported":
            return f"{MISSING}。" if _is_chinese(sentence) else f"[{MISSING}]"
        return cleaned

    # -- checks ----------------------------------------------------------------------------

    def _check(self, sentence: str) -> SentenceCheck:
        cited, _ = self._markers(sentence)
        plain = _MARKER_RUN.sub("", sentence)
        dates = parse_dates(plain)
        quantities = self._quantities(plain, dates)
        mentioned = self.entities.find(plain) if self.entities else []
        impossible = _impossible_dates(plain, dates)
        if not cited and not quantities and not dates and not impossible:
            check = SentenceCheck(sentence, "opinion")
        elif not cited:
            numbers = [NumberCheck(q.text, False) for q in quantities]
            check = SentenceCheck(sentence, "uncited-claim", numbers=numbers)
        else:
            sources = [self.index[c] for c in cited]
            numbers = [
                NumberCheck(q.text, self._number_supported(q, plain, sources)) for q in quantities
            ]
            numbers += [NumberCheck(d.text, _date_supported(d, sources)) for d in dates]
            numbers += [
                NumberCheck(t, any(t in s.evidence.text for s in sources)) for t in impossible
            ]
            missing = sorted(
                {m.entity.name for m in mentioned}
                - {name for s in sources for name in s.entity_names}
            )
            ok = all(n.supported for n in numbers) and not missing
            check = SentenceCheck(
                sentence, "supported" if ok else "unsupported", cited, numbers, missing
            )
        self.checks.append(check)
        return check

    def _markers(self, sentence: str) -> tuple[list[int], int]:
        valid: list[int] = []
        invalid = 0
        for match in _MARKER.finditer(sentence):
            for raw in re.split(r"[,，、]", match.group(1)):
                n = int(raw)
                if n in self.index:
                    if n not in valid:
                        valid.append(n)
                else:
                    invalid += 1
        return valid, invalid

    def _clean_markers(self, text: str, valid: list[int]) -> str:
        """Markers that name no evidence are removed and counted; valid ones are normalised."""

        def repl(match: re.Match[str]) -> str:
            kept = []
            for raw in re.split(r"[,，、]", match.group(1)):
                if int(raw) in self.index:
                    kept.append(f"[{int(raw)}]")
                else:
                    self.removed += 1
            return "".join(kept)

        return _MARKER.sub(repl, text)

    def _quantities(self, text: str, dates: list[DateMention] | None = None) -> list[Quantity]:
        """Quantities claimed in `text`; ordinals (第3名) are not claims about an amount."""
        found = parse_numbers(text, [d.span for d in dates] if dates is not None else None)
        return [q for q in found if text[q.span[0] - 1 : q.span[0]] != "第"]

    def _number_supported(
        self,
        q: Quantity,
        sentence: str,
        sources: Sequence[_Indexed],
    ) -> bool:
        subjects = self._clause_entities(q, sentence)
        for source in sources:
            if any(same_quantity(q, f) for f in source.evidence.facts):
                return True
            for other, sentence_no in source.quantities:
                if same_quantity(q, other) and _about(subjects, source, sentence_no):
                    return True
        return False

    def _clause_entities(self, q: Quantity, sentence: str) -> list[EntityRecord]:
        """Entities named in the same clause as the number, or else in the sentence before it."""
        if self.entities is None:
            return []
        start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, q.span[0])), default=0)
        clause = sentence[start : q.span[1]]
        found = [m.entity for m in self.entities.find(clause)]
        if found:
            return found
        return [m.entity for m in self.entities.find(sentence[: q.span[0]])][-1:]


def _about(subjects: Sequence[EntityRecord], source: _Indexed, sentence_no: int) -> bool:
    """The evidence sentence is about one of the claim's subjects (or names no one at all)."""
    if not subjects:
        return True
    named = source.sentence_entities(sentence_no)
    return not named or any(s.name in named for s in subjects)


# Written like a date (2025年42月, 5025年, 13月31日) but no calendar's: a claim that says it is
# checked as written, so an altered month or year cannot pass for a date nobody reads.
_DATE_SHAPE = re.compile(
    r"(?<!\d)\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|(?<![\d年])\d{1,2}\s*月(?!份?\s*\d)"
)


def _impossible_dates(text: str, dates: Sequence[DateMention]) -> list[str]:
    """Date-shaped runs of `text` that no parsed date covers (the parser drops 2025年42月)."""
    return [
        m.group()
        for m in _DATE_SHAPE.finditer(text)
        if not any(d.span[0] <= m.start() and m.end() <= d.span[1] for d in dates)
    ]


def _date_supported(d: DateMention, sources: Sequence[_Indexed]) -> bool:
    """A claimed date or period is supported when a cited date falls inside it or covers it."""
    for source in sources:
        for other in source.dates:
            if (d.start <= other.start and other.end <= d.end) or (
                other.start <= d.start and d.end <= other.end
            ):
                return True
    return False


def _attach_trailing_markers(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Markers written after the full stop ("…之最。[1][2]") belong to the sentence before."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        match = _MARKER_RUN.match(body, start)
        if out and match and match.end() > start:
            prev_start, _ = out[-1]
            out[-1] = (prev_start, match.end())
            start = match.end()
            while start < end and body[start].isspace():
                start += 1
            if start >= end:
                continue
        out.append((start, end))
    return out


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def verify(
    markdown: str,
    evidence: Sequence[Evidence],
    *,
    entities: EntityDictionary | None = None,
    strict: bool = False,
) -> Verification:
    """Check every sentence of `markdown` against `evidence`; see the module docstring."""
    return Verifier(evidence, entities=entities, strict=strict).run(markdown)
