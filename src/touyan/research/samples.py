"""Sample analyses for the demo feed: real offline research runs over the demo corpus.

The demo's feed is made the way every report is made (plan → steps → write → verify), so a
first-time user sees what the engine itself produces, not hand-written pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update

from touyan.research.runs import advance_run, create_run, get_run
from touyan.store.db import Database
from touyan.store.models import Analysis

DEMO_QUESTIONS = (
    "云锋基金2014年投资小米的来龙去脉",
    "宁德时代2024年业绩与H股发行",
    "贵州茅台2024年经营业绩",
    "比亚迪2024年新能源汽车销量",
    "腾讯控股2024年全年业绩",
    "中央汇金增持ETF与入股银行",
    "美联储2024年降息及其影响",
    "阿里巴巴与小米的合作",
    "Apple fiscal 2024 fourth quarter results",
    "NVIDIA fiscal 2025 results and data center revenue",
)


def ensure_sample_analyses(
    db: Database,
    questions: tuple[str, ...] = DEMO_QUESTIONS,
    on_progress: Callable[[str], None] | None = None,
) -> int:
    """Publish one public analysis per question not yet in the feed; returns how many."""
    with db.engine.connect() as conn:
        have = set(
            conn.execute(select(Analysis.question).where(Analysis.owner_id.is_(None))).scalars()
        )
    made = 0
    for question in questions:
        if question in have:
            continue
        if on_progress:
            on_progress(question)
        run_id = create_run(db, question, user_id=None, auto_accept=True)
        advance_run(db, run_id, use_settings_provider=False)
        view = get_run(db, run_id, None)
        if view is None or view.status != "done":
            continue
        _date_by_sources(db, view.data["analysis_id"], view.data["references"])
        made += 1
    return made


def _date_by_sources(db: Database, analysis_id: int, references: list[dict[str, str]]) -> None:
    """A sample is dated by its newest source, so the demo feed reads like a news feed."""
    days = [r["published_at"] for r in references if r.get("published_at")]
    if not days:
        return
    newest = dt.datetime.fromisoformat(max(days))
    with db.engine.begin() as conn:
        conn.execute(update(Analysis).where(Analysis.id == analysis_id).values(published_at=newest))
