"""How far a rule fact is to be trusted, from where its parts are written.

A fact is right when its subject, metric, value and date are what its text says. The rules
that read each part leave traces in the text a reader can check without knowing which rule
fired: a subject named in the figure's own clause is rarely wrong, one carried from three
sentences back more often; a figure with no date, a label read off the text (晶圆良品率, not a
metric the dictionary knows), a forecast word in the sentence, a sentence holding one figure
among prose all go with errors. `signals` names those traces; `confidence` weighs them with a
logistic model fitted on hand-judged facts (`bench/facts_confidence.py`: every verdict of the
dev halves of FinEval and the five news sources, over thirty earlier versions of the extractor,
so that the errors since fixed still teach what goes with an error). Its figure is a
probability: on the check halves no rule was written from (2,888 facts of six sources), facts
rated below 0.8 were right seven times in ten, from 0.8 to 0.9 nine times in ten, and 0.9 or
more nineteen times in twenty.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[。！？!?\n，,；;：:]")
# Text up to the last of the marks before a place: one greedy match, backtracking in native
# code, where a loop over every mark before the figure cost a Python step a mark.
_TO_SENTENCE_END = re.compile(f".*{_SENTENCE_END.pattern}", re.DOTALL)
_TO_CLAUSE_END = re.compile(f".*{_CLAUSE_END.pattern}", re.DOTALL)
# (Each word spelled out, no [Gg]: a pattern of bare words is scanned for their first
# characters at once, six times as fast.)
_FORECAST = re.compile(
    r"预计|预期|预测|有望|将达|目标|计划|拟|指引"
    r"|Guidance|guidance|Expect|expect|Forecast|forecast"
)
_NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")  # (\d+, with a first digit to scan for: faster)
_CHANGE_METRIC = re.compile(r"yoy|qoq|pct|change")
_FLOW_METRIC = re.compile(r"flow|buy|sell|turnover|volume")
_YEAR = re.compile(r"(?:19|20)\d\d")
_REACH = 400  # characters back to look for a sentence's start

# Below this a fact is shown as to be checked (待核): on the check halves, facts rated lower
# were right seven times in ten, those rated higher nine times in ten or more.
CHECK_BELOW = 0.8

# Fitted by `bench/facts_confidence.py --fit` (2026-12-05): the log-odds each signal adds.
WEIGHTS: dict[str, float] = {
    "date=after": 0.13,
    "date=before": 0.10,
    "date=clause": 0.18,
    "date=month": 0.06,
    "date=none": 0.10,
    "date=sentence": 0.14,
    "date=title": 0.15,
    "date=undated": -0.48,
    "forecast=False": 0.44,
    "forecast=True": -0.07,
    "into_sentence=0": 0.31,
    "into_sentence=1": 0.04,
    "into_sentence=2": -0.02,
    "into_sentence=3": 0.02,
    "into_sentence=4": 0.02,
    "metric=change": 0.34,
    "metric=flow": 0.41,
    "metric=free_label": -0.47,
    "metric=other": 0.01,
    "metric=price": 0.08,
    "numbers_in_clause=0": -0.02,
    "numbers_in_clause=1": 0.30,
    "numbers_in_clause=2": 0.01,
    "numbers_in_clause=3": -0.01,
    "numbers_in_clause=4": 0.10,
    "numbers_in_sentence=0": -0.34,
    "numbers_in_sentence=1": -0.12,
    "numbers_in_sentence=2": 0.24,
    "numbers_in_sentence=3": 0.25,
    "numbers_in_sentence=4": 0.34,
    "object=False": 0.20,
    "object=True": 0.17,
    "period_only=False": 0.40,
    "period_only=True": -0.04,
    "subject=after": -0.08,
    "subject=before": -0.03,
    "subject=clause": 0.37,
    "subject=none": -0.13,
    "subject=sentence": 0.22,
    "subject=title": 0.02,
}
BIAS = 0.37


def signals(
    text: str,
    title: str,
    span: tuple[int, int],
    names: Iterable[str],
    metric: str,
    *,
    dated: dt.date | str | None,
    period_only: bool,
    has_object: bool,
) -> tuple[str, ...]:
    """The traces of how the fact at `span` was read: one `name=value` per signal.

    `names` are the subject's written forms; `dated` its as-of day, else its period's text."""
    start, end = span
    sentence = _around(text, max(0, start - _REACH), span, _SENTENCE_END, _TO_SENTENCE_END)
    clause = _around(text, sentence[0], span, _CLAUSE_END, _TO_CLAUSE_END)
    numbers = len(_NUMBER.findall(text, sentence[0], sentence[1]))
    return (
        f"subject={_place(text, title, [n for n in names if len(n) >= 2], clause, sentence)}",
        f"date={_date_place(text, title, dated, clause, sentence)}",
        f"metric={_metric_kind(metric)}",
        f"period_only={period_only}",
        f"object={has_object}",
        f"forecast={bool(_FORECAST.search(text, sentence[0], sentence[1]))}",
        f"numbers_in_sentence={min(numbers // 3, 4)}",
        f"numbers_in_clause={min(len(_NUMBER.findall(text, clause[0], clause[1])), 4)}",
        f"into_sentence={min((start - sentence[0]) // 40, 4)}",
    )


def confidence(traces: Iterable[str]) -> float:
    """The probability, by the fitted weights, that a fact with these traces is right."""
    score = BIAS + sum(WEIGHTS.get(trace, 0.0) for trace in traces)
    return round(1 / (1 + math.exp(-score)), 2)


def _around(
    text: str,
    reach: int,
    span: tuple[int, int],
    ends: re.Pattern[str],
    to_last_end: re.Pattern[str],
) -> tuple[int, int]:
    """The run of text between the `ends` on either side of `span` (looking back no further
    than `reach`; `to_last_end` matches up to the last of them)."""
    start, end = span
    if last := to_last_end.match(text, reach, start):
        lo = last.end()
    else:
        lo = reach if reach == 0 or ends.match(text, reach - 1) else 0
    after = ends.search(text, end)
    return lo, after.start() if after else len(text)


def _place(
    text: str,
    title: str,
    needles: list[str],
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> str:
    """Where the nearest of `needles` starts: the figure's clause, its sentence, before or
    after it, only in the title, or nowhere."""
    # A form the text does not hold is dropped at once, not looked for run by run; one it
    # holds starts in the clause, the sentence, before it or else after it.
    written = [needle for needle in needles if needle in text]
    if not written:
        return "title" if any(needle in title for needle in needles) else "none"
    runs = (
        ("clause", *clause),
        ("sentence", *sentence),
        ("before", 0, sentence[0]),
    )
    for where, lo, hi in runs:
        for needle in written:
            if text.find(needle, lo, hi + len(needle) - 1) != -1:
                return where
    return "after"


def _date_place(
    text: str,
    title: str,
    dated: dt.date | str | None,
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> str:
    """Where the fact's year is written (else its month: "month"), "undated" for no date."""
    if dated is None:
        return "undated"
    if isinstance(dated, dt.date):
        year, month = dated.year, dated.month
    else:
        written = _YEAR.search(dated)
        if written is None:
            return "undated"
        year, month = int(written.group()), 0
    years = [f"{year}", f"{year % 100:02d}年"]
    place = _place(text, title, years, clause, sentence)
    if place != "none" or not month:
        return place
    months = [f"{month}月", f"{month:02d}月", f"-{month:02d}-", f"/{month}/"]
    return "none" if _place(text, title, months, clause, sentence) == "none" else "month"


def _metric_kind(metric: str) -> str:
    if metric.endswith("涨跌幅"):
        return "change"  # 盘中涨跌幅, 近5日涨跌幅: a move named by its session or window
    if not metric.isascii():
        return "free_label"
    if _CHANGE_METRIC.search(metric):
        return "change"
    if "price" in metric:
        return "price"
    return "flow" if _FLOW_METRIC.search(metric) else "other"
