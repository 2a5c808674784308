from __future__ import annotations

import json
from pathlib import Path

import pytest

from touyan.facts.entities import bundled_dictionary
from touyan.llm import ScriptedProvider
from touyan.research.plan import (
    MAX_STEPS,
    Plan,
    PlanError,
    model_plan,
    offline_plan,
    parse_plan,
    revise_offline,
)
from touyan.research.question import read_question


def test_question_entities_period_market_and_intents() -> None:
    ctx = read_question("云锋基金2014年投资小米的来龙去脉", bundled_dictionary())
    assert ctx.language == "zh"
    assert {"云锋基金", "小米集团"} <= set(ctx.entity_names)
    assert ctx.since is not None and ctx.since.year == 2014 and ctx.until is not None
    assert ctx.until.year == 2014
    assert "financing" in ctx.intents and "invested" in ctx.metrics
    en = read_question("What did Apple (NASDAQ:AAPL) earn in fiscal 2024?", bundled_dictionary())
    assert en.language == "en" and en.market == "us" and "results" in en.intents
    hk = read_question("港股 0700.HK 最新股价", bundled_dictionary())
    assert hk.market == "hk" and hk.wants_latest and hk.entities
    # A mainland company listed in New York and Hong Kong is hk, as the labels count it.
    assert read_question("阿里巴巴与小米的合作", bundled_dictionary()).market == "hk"


def test_offline_plan_shape_and_language() -> None:
    ctx = read_question("云锋基金2014年投资小米的来龙去脉", bundled_dictionary())
    plan = offline_plan(ctx)
    assert plan.locale == "zh" and 3 <= len(plan.steps) <= MAX_STEPS
    assert plan.steps[-1].kind == "analysis"
    assert plan.steps[-1].depends_on == [s.id for s in plan.steps[:-1]]
    assert any(s.kind == "data" for s in plan.steps)
    assert all(s.queries for s in plan.steps if s.kind != "analysis")
    en = offline_plan(read_question("Tesla deliveries in 2024", bundled_dictionary()))
    assert en.locale == "en" and all(s.title.isascii() for s in en.steps)


def test_feedback_adds_a_bounded_step_before_the_synthesis() -> None:
    ctx = read_question("小米的融资历程", bundled_dictionary())
    plan = offline_plan(ctx)
    revised = revise_offline(plan, "请补充阿里巴巴与小米的合作", ctx)
    assert len(revised.steps) <= MAX_STEPS
    added = [s for s in revised.steps if "阿里巴巴" in s.title]
    assert added and added[0].kind == "search"
    assert revised.steps[-1].kind == "analysis" and added[0].id in revised.steps[-1].depends_on
    for _ in range(5):  # repeated feedback never grows the plan past the bound
        revised = revise_offline(revised, "再补充一点", ctx)
    assert len(revised.steps) <= MAX_STEPS


def _plan_json(n_steps: int, title: str = "计划") -> str:
    steps = [
        {"id": f"s{i}", "title": f"步骤{i}", "kind": "search", "queries": ["小米"]}
        for i in range(1, n_steps + 1)
    ]
    return json.dumps({"title": title, "locale": "en", "thought": "t", "steps": steps})


def test_parse_plan_repairs_and_bounds() -> None:
    ctx = read_question("小米估值", bundled_dictionary())
    fenced = "```json\n" + _plan_json(9) + "\n```"
    plan = parse_plan(fenced, ctx)
    assert len(plan.steps) == MAX_STEPS
    assert plan.locale == "zh"  # the question's language, whatever the model said
    with pytest.raises(PlanError):
        parse_plan("我认为应该先查资料", ctx)
    with pytest.raises(PlanError):
        parse_plan('{"title": "x", "steps": []}', ctx)


def test_malformed_plan_is_re_asked_once_then_fails_clearly() -> None:
    ctx = read_question("小米估值", bundled_dictionary())
    provider = ScriptedProvider(["不是JSON", _plan_json(3)])
    plan = model_plan(provider, ctx)
    assert len(plan.steps) == 3 and len(provider.prompts) == 2
    assert "invalid" in provider.prompts[1][-1].content
    broken = ScriptedProvider(["{}", "还是不对"])
    with pytest.raises(PlanError, match="invalid plan twice"):
        model_plan(broken, ctx)


def test_planner_on_deep_research_bench_tasks_keeps_language_and_bound(
    shared_data: Path,
) -> None:
    tasks = json.loads((shared_data / "eval" / "drb_finance_tasks.json").read_text("utf-8"))
    assert len(tasks) == 14
    for task in tasks:
        prompt = task.get("prompt") or task.get("question") or task.get("task")
        ctx = read_question(prompt, bundled_dictionary())
        expected = "zh" if int(task["id"]) <= 7 else "en"
        assert ctx.language == expected, prompt[:60]
        # a model that ignores the bound and the language is held to both
        provider = ScriptedProvider([_plan_json(10, title="Plan")])
        plan = model_plan(provider, ctx)
        assert plan.locale == expected and len(plan.steps) <= MAX_STEPS
        language_rule = provider.prompts[0][0].content
        assert ("简体中文" in language_rule) == (expected == "zh")
        offline = offline_plan(ctx)
        assert offline.locale == expected and len(offline.steps) <= MAX_STEPS
        Plan.model_validate(offline.model_dump())


def test_metrics_the_question_names_come_first() -> None:
    d = bundled_dictionary()
    assert read_question("宁德时代2024年净利润是多少？", d).metrics == ("net_profit",)
    assert read_question("小米估值和融资额", d).metrics == ("valuation", "raised")
    # a topic word is not a single figure: the intent's metrics stand
    assert "valuation" in read_question("云锋基金投资小米的来龙去脉", d).metrics
    figures = offline_plan(read_question("比亚迪2024年销量", d)).steps[1]
    assert figures.kind == "data" and "估值" not in " ".join(figures.queries)
