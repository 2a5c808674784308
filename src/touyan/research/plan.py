"""The research plan: its schema, the offline planner, and the model planner with repair.

A plan is data the user reviews before anything runs, so it is validated the same way
whatever wrote it: bounded steps, known kinds, dependencies that point backwards only.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from touyan.llm.base import LLMError, Message, Provider
from touyan.research.question import QuestionContext

MAX_STEPS = 6
MAX_QUERIES = 4
StepKind = Literal["search", "data", "analysis"]


class PlanError(ValueError):
    """The planner could not produce a valid plan (the message says why, for the user)."""


class Step(BaseModel):
    id: str = Field(min_length=1, max_length=16)
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=600)
    kind: StepKind = "search"
    queries: list[str] = Field(default_factory=list)
    depends_on: list[str] = Field(default_factory=list)

    @field_validator("queries")
    @classmethod
    def _bounded_queries(cls, value: list[str]) -> list[str]:
        return [q.strip()[:120] for q in value if q.strip()][:MAX_QUERIES]


class Plan(BaseModel):
    title: str = Field(min_length=1, max_length=160)
    locale: Literal["zh", "en"] = "zh"
    market: str | None = None
    thought: str = Field(default="", max_length=1200)
    steps: list[Step] = Field(min_length=1, max_length=MAX_STEPS)

    @field_validator("steps")
    @classmethod
    def _backward_dependencies(cls, steps: list[Step]) -> list[Step]:
        seen: set[str] = set()
        for step in steps:
            if step.id in seen:
                raise ValueError(f"step id {step.id!r} is used twice")
            step.depends_on = [d for d in step.depends_on if d in seen]
            seen.add(step.id)
        return steps


# -- offline planner ---------------------------------------------------------------------------

_ZH = {
    "background": ("{subject}事件始末与背景", "梳理{subject}相关事件的时间线、参与方与规模。"),
    "figures": ("关键数据与交易条款", "汇总报道中的金额、估值、持股比例等关键数字及其出处。"),
    "parties": ("相关方与资本关系", "梳理{subject}相关的投资方、合作方及其关系。"),
    "results": ("经营业绩与财务数据", "汇总{subject}的营收、利润及增速等财务数据。"),
    "developments": ("后续发展与最新动态", "跟踪{subject}之后的合作、上市及业务进展。"),
    "market": ("市场表现与影响", "梳理市场反应、股价与行业影响。"),
    "outlook": ("综合分析与展望", "基于以上证据归纳要点，指出证据不足之处。"),
}
_EN = {
    "background": ("Background and timeline of {subject}", "The events, parties and scale."),
    "figures": ("Key figures and terms", "Amounts, valuations and stakes, each with its source."),
    "parties": ("Parties and capital ties", "Investors, partners and how they are linked."),
    "results": ("Operating results", "Revenue, profit and growth figures of {subject}."),
    "developments": ("Later developments", "What followed: partnerships, listings, business."),
    "market": ("Market reaction and impact", "Prices, flows and industry impact."),
    "outlook": ("Synthesis and outlook", "Key points from the evidence and what it leaves open."),
}
_FOLLOW_UP = {
    "zh": ("补充：{text}", "按用户意见补充检索：{text}"),
    "en": ("Added: {text}", "Added at the user's request: {text}"),
}


def offline_plan(ctx: QuestionContext, *, max_steps: int = MAX_STEPS) -> Plan:
    """A plan from templates: which sections a question of this kind needs, with queries."""
    lang = ctx.language
    names = [ctx.display_name(e) for e in ctx.entities]
    subject = "、".join(names[:2]) if lang == "zh" else " and ".join(names[:2])
    subject = subject or (ctx.text[:24] if lang == "zh" else ctx.text[:60])
    keys = ["background", "figures"]
    if "results" in ctx.intents:
        keys = ["background", "results", "figures"]
    if len(ctx.entities) > 1 or {"financing", "cooperation", "shareholding"} & set(ctx.intents):
        keys.append("parties")
    keys.append("developments")
    if "market" in ctx.intents or "listing" in ctx.intents:
        keys.append("market")
    keys.append("outlook")
    keys = keys[: max_steps - 1] + ["outlook"] if len(keys) > max_steps else keys
    table = _ZH if lang == "zh" else _EN
    base = " ".join(ctx.tokens[:8])
    extra = {
        "background": base,
        "figures": f"{base} {_figure_words(ctx)}",
        "parties": f"{subject} "
        + ("投资方 股东 领投 参与 合作方" if lang == "zh" else "investors shareholders partners"),
        "results": f"{subject} {'营收 净利润 同比' if lang == 'zh' else 'revenue profit'}",
        "developments": f"{subject} {'合作 上市 进展' if lang == 'zh' else 'partnership listing'}",
        "market": f"{subject} {'股价 市值' if lang == 'zh' else 'shares price'}",
    }
    steps: list[Step] = []
    for i, key in enumerate(keys, start=1):
        title, description = table[key]
        kind: StepKind = (
            "analysis"
            if key == "outlook"
            else ("data" if key in ("figures", "results") else "search")
        )
        queries = [ctx.text] if key == "background" else []
        if key in extra:
            queries.append(extra[key])
        steps.append(
            Step(
                id=f"s{i}",
                title=title.format(subject=subject),
                description=description.format(subject=subject),
                kind=kind,
                queries=queries,
                depends_on=[s.id for s in steps] if kind == "analysis" else [],
            )
        )
    thought = (
        f"问题涉及{subject}；先梳理事件与关键数据，再看相关方与后续进展，最后综合。"
        if lang == "zh"
        else f"The question concerns {subject}: events and figures first, then parties and "
        "later developments, then a synthesis."
    )
    locale: Literal["zh", "en"] = "en" if lang == "en" else "zh"
    return Plan(title=_title(ctx), locale=locale, market=ctx.market, thought=thought, steps=steps)


def _figure_words(ctx: QuestionContext) -> str:
    """Words that find the figures this kind of question needs."""
    zh = ctx.language == "zh"
    if "financing" in ctx.intents or "listing" in ctx.intents:
        return "金额 估值 亿美元" if zh else "billion valuation"
    if "market" in ctx.intents:
        return "股价 市值 涨幅" if zh else "share price market value"
    return "同比 增长 亿元" if zh else "year on year growth billion"


def _title(ctx: QuestionContext) -> str:
    title = ctx.text.rstrip("？?。.!！ ")
    return title[:80] or ("研究报告" if ctx.language == "zh" else "Research report")


def revise_offline(plan: Plan, feedback: str, ctx: QuestionContext) -> Plan:
    """The user's feedback becomes a search step before the synthesis (bounded in size)."""
    text = feedback.strip()[:100]
    title, description = _FOLLOW_UP[plan.locale]
    steps = [s for s in plan.steps if s.kind != "analysis"]
    final = [s for s in plan.steps if s.kind == "analysis"]
    if len(steps) + len(final) >= MAX_STEPS:
        steps = steps[: MAX_STEPS - 1 - len(final)]
    new_id = f"s{max(_step_number(s.id) for s in plan.steps) + 1}"
    steps.append(
        Step(
            id=new_id,
            title=title.format(text=text),
            description=description.format(text=text),
            kind="search",
            queries=[f"{text} {' '.join(ctx.entity_names[:2])}".strip()],
        )
    )
    for step in final:
        step.depends_on = [s.id for s in steps]
    return Plan.model_validate(
        {**plan.model_dump(), "steps": [s.model_dump() for s in steps + final]}
    )


def _step_number(step_id: str) -> int:
    digits = re.sub(r"\D", "", step_id)
    return int(digits) if digits else 0


# -- model planner -----------------------------------------------------------------------------

PLAN_SCHEMA: dict[str, Any] = Plan.model_json_schema()


def plan_messages(
    ctx: QuestionContext, feedback: list[str], previous: Plan | None
) -> list[Message]:
    language = "Chinese (简体中文)" if ctx.language == "zh" else "English"
    system = (
        "You are the planner of an investment research assistant. Return ONLY a JSON object "
        "matching this schema: " + json.dumps(PLAN_SCHEMA, ensure_ascii=False) + ". "
        f"At most {MAX_STEPS} steps; kind is search, data or analysis; each step has 1-"
        f"{MAX_QUERIES} short search queries; depends_on lists earlier step ids. "
        f"Write titles, descriptions and thought in {language}; locale is {ctx.language!r}."
    )
    lines = [f"Question: {ctx.text}"]
    if ctx.entities:
        lines.append("Entities: " + ", ".join(ctx.entity_names))
    if previous is not None:
        lines.append("Current plan: " + previous.model_dump_json())
    for note in feedback:
        lines.append(f"User feedback on the plan: {note}")
    return [Message("system", system), Message("user", "\n".join(lines))]


def parse_plan(text: str, ctx: QuestionContext) -> Plan:
    """A validated plan from a model's answer; raises PlanError saying what was wrong."""
    raw = _json_object(text)
    if raw is None:
        raise PlanError("the answer held no JSON object")
    if isinstance(raw.get("steps"), list):
        raw["steps"] = raw["steps"][:MAX_STEPS]
        for i, step in enumerate(raw["steps"], start=1):
            if isinstance(step, dict):
                step.setdefault("id", f"s{i}")
                step["id"] = str(step["id"])
                if step.get("kind") not in ("search", "data", "analysis"):
                    step["kind"] = "search"
    raw["locale"] = ctx.language  # the question's language decides, whatever the model says
    raw.setdefault("title", _title(ctx))
    try:
        return Plan.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlanError(f"{where}: {first['msg']}") from exc


def _json_object(text: str) -> dict[str, Any] | None:
    cleaned = re.sub(r"^```(?:json)?\s*|\s*```$", "", text.strip())
    for candidate in (cleaned, cleaned[cleaned.find("{") : cleaned.rfind("}") + 1]):
        try:
            value = json.loads(candidate)
        except (json.JSONDecodeError, ValueError):
            continue
        if isinstance(value, dict):
            return value
    return None


def model_plan(
    provider: Provider,
    ctx: QuestionContext,
    *,
    feedback: list[str] | None = None,
    previous: Plan | None = None,
) -> Plan:
    """Ask once; a malformed answer is re-asked once with the error, then a clear PlanError."""
    messages = plan_messages(ctx, feedback or [], previous)
    error = ""
    for attempt in range(2):
        if attempt:
            messages = [
                *messages,
                Message("user", f"Your plan was invalid ({error}). Return only the JSON object."),
            ]
        try:
            answer = provider.complete(messages, schema=PLAN_SCHEMA)
        except LLMError as exc:
            raise PlanError(f"the model could not be reached: {exc}") from exc
        try:
            return parse_plan(answer.text, ctx)
        except PlanError as exc:
            error = str(exc)
    raise PlanError(f"the model returned an invalid plan twice ({error})")
