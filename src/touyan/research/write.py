"""The writer: sections from each step's evidence, a fact table where facts exist.

Offline it quotes the best evidence sentences (extractive); with a model it asks for one
section per step. Headings, numbering, tables and the synthesis' figures are built by code
either way, so the report's shape never depends on a model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from touyan.facts.entities import EntityDictionary
from touyan.llm.base import LLMError, Provider, Usage
from touyan.research import prompts
from touyan.research.evidence import EvidenceItem, EvidenceSet
from touyan.research.extractive import (
    Picked,
    bold_figures,
    candidates,
    choose,
    question_years,
)
from touyan.research.plan import Plan, Step
from touyan.research.question import QuestionContext
from touyan.research.tables import fact_table
from touyan.text.lang import detect_language
from touyan.text.segment import query_tokens

_NUMERALS = "一二三四五六七八九十"
_URL = re.compile(r"\[([^\]]*)\]\((?:https?:)?//[^)]*\)|<?(?:https?://|www\.)[^\s)>\]]+>?")
SENTENCES_PER_SECTION = 4


@dataclass(frozen=True, slots=True)
class StepEvidence:
    step: Step
    items: list[EvidenceItem]
    notes: str


def heading(index: int, title: str, language: str) -> str:
    if language == "zh":
        return f"## {_NUMERALS[index] if index < len(_NUMERALS) else index + 1}、{title}"
    return f"## {index + 1}. {title}"


def subheading(index: int, sub: int, title: str) -> str:
    return f"### {index + 1}.{sub} {title}"


def in_language(text: str, language: str) -> bool:
    """The output language is locked to the question's: a Chinese question gets Chinese."""
    found = detect_language(_URL.sub("", text))
    return found in (language, "und")


def strip_links(text: str) -> str:
    """URLs only ever come from Document records: a model's links keep their words only."""
    return _URL.sub(lambda m: m.group(1) or "", text)


def intro(ctx: QuestionContext, evidence: EvidenceSet) -> str:
    """The opening line: no figures (they would need a source), just what the report does."""
    if ctx.language == "zh":
        return (
            "基于资料库中检索到的资料，本报告梳理事件脉络、关键数据与后续进展。"
            "文中每一处事实均标注来源，数字已与所引原文逐一核对。"
        )
    return (
        "Based on the documents retrieved from the library, this report sets out the events, "
        "the key figures and what followed. Every fact cites its source, and every figure was "
        "checked against it."
    )


def write_offline(
    plan: Plan,
    ctx: QuestionContext,
    evidence: EvidenceSet,
    steps: Sequence[StepEvidence],
    entities: EntityDictionary | None,
) -> str:
    used: set[frozenset[str]] = set()
    seen_facts: set[tuple[str, str, str]] = set()
    names = ctx.focus_names
    subjects = {n for e in ctx.entities for n in e.names()}
    parts = [intro(ctx, evidence)]
    gaps: list[str] = []
    for index, se in enumerate(steps):
        parts.append(heading(index, se.step.title, ctx.language))
        if se.step.kind == "analysis":
            parts.append(_synthesis(ctx, evidence, steps, gaps, entities))
            continue
        pool = candidates(
            se.items,
            ctx.tokens,
            names,
            ctx.language,
            _step_terms(se.step),
            _years(ctx),
            require_name=True,
        )
        chosen = choose(pool, SENTENCES_PER_SECTION, used, numbers_first=se.step.kind == "data")
        if chosen:
            parts.append(_paragraph(chosen, ctx.language))
        table = _figures(index, se, ctx, subjects, seen_facts, entities)
        parts += table
        if not chosen and not table:
            gaps.append(se.step.title)
            parts.append(_nothing_found(ctx.language))
    return "\n\n".join(parts) + "\n"


def _figures(
    index: int,
    se: StepEvidence,
    ctx: QuestionContext,
    subjects: set[str],
    seen: set[tuple[str, str, str]],
    entities: EntityDictionary | None,
) -> list[str]:
    """A data step's "key figures" subsection: a table built from its evidence's facts."""
    if se.step.kind != "data":
        return []
    table = fact_table(
        se.items, ctx.language, subjects=subjects or None, seen=seen, entities=entities
    )
    if not table:
        return []
    label = "关键数据" if ctx.language == "zh" else "Key figures"
    return [subheading(index, 1, label), table]


def _years(ctx: QuestionContext) -> frozenset[str]:
    return question_years(ctx.since, ctx.until)


def _step_terms(step: Step) -> list[str]:
    return [t for q in step.queries for t in query_tokens(q)]


def _paragraph(chosen: list[Picked], language: str) -> str:
    """Sentences run on in Chinese; after a Latin full stop (or in English) a space follows."""
    out = ""
    for p in chosen:
        if out and (language != "zh" or out[-1] in ".!?"):
            out += " "
        out += bold_figures(p.cited()) if p.has_number else p.cited()
    return out


def _nothing_found(language: str) -> str:
    if language == "zh":
        return "资料库中未检索到与本节直接相关的资料，此处不作推断。"
    return "The library holds no evidence for this section, so nothing is inferred here."


def _synthesis(
    ctx: QuestionContext,
    evidence: EvidenceSet,
    steps: Sequence[StepEvidence],
    gaps: list[str],
    entities: EntityDictionary | None,
) -> str:
    """Key figures restated from the facts (each cited) and the gaps named plainly."""
    pool = candidates(
        list(evidence),
        ctx.tokens,
        ctx.focus_names,
        ctx.language,
        years=_years(ctx),
        require_name=True,
    )
    top = choose([p for p in pool if p.has_number], 3, by_rank=True)
    lines: list[str] = []
    if top:
        lead = "综合以上资料，要点如下：" if ctx.language == "zh" else "In summary:"
        lines.append(lead)
        lines += [f"- {bold_figures(p.cited())}" for p in top]
    if gaps:
        joined = "、".join(gaps) if ctx.language == "zh" else "; ".join(gaps)
        lines.append(
            f"资料不足：{joined}。"
            if ctx.language == "zh"
            else f"Not covered by the library: {joined}."
        )
    if not lines:
        lines.append(_nothing_found(ctx.language))
    return "\n".join(lines)


def write_with_model(
    provider: Provider,
    plan: Plan,
    ctx: QuestionContext,
    evidence: EvidenceSet,
    steps: Sequence[StepEvidence],
    entities: EntityDictionary | None,
    usage: Usage,
) -> str:
    """One model call per section; a section the model cannot write is written offline."""
    parts = [intro(ctx, evidence)]
    seen_facts: set[tuple[str, str, str]] = set()
    subjects = {n for e in ctx.entities for n in e.names()}
    for index, se in enumerate(steps):
        parts.append(heading(index, se.step.title, ctx.language))
        items = se.items if se.step.kind != "analysis" else list(evidence)[:12]
        notes = se.notes if se.step.kind != "analysis" else "\n".join(s.notes for s in steps)
        messages = prompts.section_messages(ctx.text, ctx.language, se.step.title, notes, items)
        try:
            completion = provider.complete(messages)
            usage.add(completion.usage)
            if not in_language(completion.text, ctx.language):
                raise LLMError("the section came back in another language")
            parts.append(strip_links(completion.text).strip())
        except LLMError:
            pool = candidates(items, ctx.tokens, ctx.focus_names, ctx.language, require_name=True)
            chosen = choose(pool, SENTENCES_PER_SECTION)
            parts.append(
                _paragraph(chosen, ctx.language) if chosen else _nothing_found(ctx.language)
            )
        parts += _figures(index, se, ctx, subjects, seen_facts, entities)
    return "\n\n".join(parts) + "\n"
