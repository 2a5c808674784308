"""Running a plan's steps: each step's own retrieval, then (with a model) its notes.

Steps whose dependencies are done run together in threads; their evidence is numbered in
plan order afterwards, so the ids (and so the report) are the same however threads finish.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from touyan.llm.base import LLMError, Provider, Usage
from touyan.research import prompts
from touyan.research.evidence import EvidenceItem
from touyan.research.extractive import candidates, choose
from touyan.research.plan import Plan, Step
from touyan.research.question import QuestionContext
from touyan.research.retrieve import Scope, retrieve
from touyan.store.db import Database

EVIDENCE_PER_STEP = 8
MAX_PARALLEL = 4


@dataclass(slots=True)
class StepOutcome:
    step: Step
    items: list[EvidenceItem]  # not yet numbered


def ready_steps(plan: Plan, done: set[str]) -> list[Step]:
    return [s for s in plan.steps if s.id not in done and all(d in done for d in s.depends_on)]


def run_wave(
    db: Database,
    steps: list[Step],
    ctx: QuestionContext,
    scope: Scope,
    on_start: Callable[[Step], None] | None = None,
) -> list[StepOutcome]:
    """Run the given independent steps in parallel; outcomes come back in the steps' order."""
    for step in steps:
        if on_start:
            on_start(step)
    if len(steps) == 1:
        return [_run_step(db, steps[0], ctx, scope)]
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(steps))) as pool:
        futures = [pool.submit(_run_step, db, s, ctx, scope) for s in steps]
        return [f.result() for f in futures]


def _run_step(db: Database, step: Step, ctx: QuestionContext, scope: Scope) -> StepOutcome:
    """A step's own retrieval (an analysis step only reads what its dependencies found)."""
    if step.kind == "analysis":
        return StepOutcome(step, [])
    items = retrieve(db, ctx, queries=step.queries, scope=scope, limit=EVIDENCE_PER_STEP)
    return StepOutcome(step, items)


def step_notes(
    step: Step,
    items: list[EvidenceItem],
    ctx: QuestionContext,
    provider: Provider | None,
    usage: Usage,
) -> str:
    """What the step found, citing numbered evidence: model bullets, or quoted sentences."""
    if step.kind == "analysis" or not items:
        return ""
    if provider is not None:
        messages = prompts.step_messages(
            ctx.text, ctx.language, step.title, step.description, items
        )
        try:
            completion = provider.complete(messages)
            usage.add(completion.usage)
            return completion.text.strip()
        except LLMError:
            pass  # the step's notes fall back to quoted sentences below
    pool = candidates(items, ctx.tokens, ctx.focus_names, ctx.language, require_name=True)
    return "\n".join(f"- {p.cited()}" for p in choose(pool, 3))
