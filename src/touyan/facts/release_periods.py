"""The period an English results release names for its figures, and the guidance it gives.

A release heads its figures with the period they are of, not the day it was issued:

    2024 Third-Quarter earnings per share of $0.91 and adjusted EPS of $1.12
    Full-Year 2024 net sales of $6.2 billion
    ... compared to 2023 net sales of $5.8 billion.
    Company guides 2025 adjusted EPS of $4.40 to $4.60

$0.91 and $1.12 are the third quarter of 2024's, $6.2 billion fiscal 2024's, $5.8 billion
2023's, whatever day the release is dated; $4.40 is a forecast for 2025. A release whose lead
names the period it reports ("results for the quarter ended June 30, 2030") dates by it the
figures whose sentences name none ("Fourth-quarter revenue was $9.1 billion", "Quarterly
revenue was…"): they are that quarter's, not the issue day's. Any other figure whose sentence
names no period keeps the date the reader gave it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from touyan.facts.dating import period_result
from touyan.facts.extract import ExtractedFact

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NTH = r"(?P<nth>first|second|third|fourth)"
# 2024 Third-Quarter, third quarter of 2024, Q3 2024, Full-Year 2024, fiscal 2024, 2024 full
# year: a period a release's sentence names for the figures after it.
_PERIOD = re.compile(
    rf"\b{_YEAR}\s+{_NTH}[- ]quarter\b|\b(?P<nth2>first|second|third|fourth)[- ]quarter"
    rf"(?:\s+of)?\s+(?P<year2>(?:19|20)\d{{2}})\b|\bQ(?P<q>[1-4])\s+(?P<year3>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<year4>(?:19|20)\d{{2}})\s+(?:full[- ]year|fiscal\s+year)\b"
    rf"|\b(?:full[- ]year|fiscal(?:\s+year)?)(?:\s+of)?\s+(?P<year5>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
# "2023 net sales of", "2023 revenue was": a year written right before the figure's label.
# (not "2024 Fourth-Quarter sales decline of": the quarter's, `_PERIOD` reads it)
_YEAR_LABEL = re.compile(
    rf"\b{_YEAR}\s+(?!{_NTH}[- ]quarter)(?:[A-Za-z][A-Za-z-]*\s+){{1,4}}"
    r"(?:of|was|were|totaled|totaling)\s+\$?\s*$",
    re.IGNORECASE,
)
# "Net income for 2023 was", "sales in fiscal 2023 of": the year written after the label.
_LABEL_YEAR = re.compile(
    rf"\b(?:for|in)\s+(?:fiscal\s+(?:year\s+)?)?{_YEAR}\s+"
    r"(?:was|were|of|totaled|totaling)?\s*\$?\s*$"
)
# "For 2023, we reported", "In fiscal 2023, sales": a sentence opening on its year.
_OPENER = re.compile(rf"\s*(?:for|in)\s+(?:fiscal\s+(?:year\s+)?)?{_YEAR}\s*,", re.IGNORECASE)
# What a figure's own words after it say it is of: "... of $2.1 billion for 2022", "... $0.9
# billion, or $1.10 per share, a year ago" (past a per-share aside): a year, or the prior one.
_AFTER = re.compile(
    r"(?:,?\s*or\s+\$?\s*\d[\d.]*\s+per\s+(?:diluted\s+)?share)?,?\s*"
    rf"(?:(?:for|in|at\s+the\s+end\s+of)\s+(?:fiscal\s+(?:year\s+)?)?{_YEAR}(?!\d)"
    r"|(?P<prior>(?:in|for)\s+the\s+(?:prior|previous)\s+(?:fiscal\s+)?year|a\s+year\s+ago))",
    re.IGNORECASE,
)
# A figure the sentence compares its own with: not of the period the sentence opens on.
_COMPARED = re.compile(r"\bcompared\s+(?:to|with)\b|\bversus\b|\bvs\.", re.IGNORECASE)
_NTHS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# guides, guidance, outlook, expects: the sentence gives what is to come.
_GUIDANCE = re.compile(
    r"\b(?:guides?|guidance|outlook|expects?|expected|forecasts?|projects?|anticipates?)\b",
    re.IGNORECASE,
)
_GUIDANCE_OR_RESULTS = re.compile(
    rf"{_GUIDANCE.pattern}|(?P<results>\bresults\b|\breport(?:s|ed)?\b)", re.IGNORECASE
)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MONTH_NAMES = "|".join(m for m in calendar.month_name if m)
# The period a release's lead says it reports: "results for the quarter ended June 30, 2030",
# "its fiscal 2030 fourth quarter, which ended September 27, 2030", "the year ended December
# 31, 2030".
_LEAD_PERIOD = re.compile(
    r"\b(?P<span>quarter|three\s+months|(?:fiscal\s+)?year|twelve\s+months|12\s+months)"
    r"(?:,?\s+which)?\s+ended\s+"
    rf"(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}}),\s*(?P<year>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_LEAD_REACH = 600  # characters: a release names its period in its first sentences
_FISCAL_AFTER = 24  # characters after a figure that may write its year (… for fiscal 2030)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a period that is one day (the issue day's)
# "Fourth-quarter revenues were", "third quarter net income": a quarter named with no year.
_BARE_QUARTER = re.compile(
    r"\b(?P<nth>first|second|third|fourth)[- ]quarter\b(?!\s+(?:of\s+)?(?:19|20)\d{2})",
    re.IGNORECASE,
)
_FOURTH = re.compile(r"\bfourth[- ]quarter\b|\bQ4\b", re.IGNORECASE)
_FOURTH_REACH = 80  # characters around the lead's "quarter ended …" that may name which
# Where a release's sentence or headline starts: a sentence's end, a rule of underscores, a
# bullet or a blank line.
_SENTENCE_START = re.compile(r"[.!?](?=\s)|_{3,}|[•▪●]|\n[^\S\n]*\n")
_REACH = 300  # characters back to look for the sentence's start


def release_facts(
    text: str, facts: list[ExtractedFact], fiscal_month: Callable[[str], int | None]
) -> list[ExtractedFact]:
    """`facts` with those in an English release's sentence that names their period dated by
    it, and those it guides marked forecasts. `fiscal_month` is the month a subject's fiscal
    year ends in, when that is not December."""
    lead = _lead_period(text)
    return [_in_period(text, fact, fiscal_month, lead) for fact in facts]


@dataclass(frozen=True, slots=True)
class _Lead:
    """The period a release's lead says it reports."""

    day: dt.date  # its last day
    span: str  # "quarter" or "year"
    closes_year: bool  # a year, or a fiscal year's fourth quarter: the year ends on `day`

    @property
    def name(self) -> str:
        return f"{self.span} ended {self.day.isoformat()}"


def _lead_period(text: str) -> _Lead | None:
    """The period a release's lead says it reports (quarter ended 2030-06-30), when the text
    is an English one that names one."""
    head = text[:_LEAD_REACH]
    if not head.isascii():
        return None
    found = _LEAD_PERIOD.search(head)
    if found is None:
        return None
    month = list(calendar.month_name).index(found["month"].capitalize())
    try:
        day = dt.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None
    if found["span"].lower() not in ("quarter", "three months"):
        return _Lead(day, "year", True)
    fourth = _FOURTH.search(
        head, max(0, found.start() - _FOURTH_REACH), found.end() + _FOURTH_REACH
    )
    return _Lead(day, "quarter", fourth is not None)


def _lead_dated(fact: ExtractedFact, lead: _Lead, text: str, lo: int) -> ExtractedFact:
    """A result whose sentence names no period, dated by the release's lead: its period, or the
    quarter of the year the sentence names (Third-quarter revenues were… in a year's or a
    fourth quarter's release), which ends a month's last day three months apart."""
    bare = _BARE_QUARTER.search(text, lo, fact.span[0])
    if bare is None:
        return replace(fact, as_of=lead.day, period=lead.name)
    if not lead.closes_year:
        return fact  # a quarter's release naming a quarter: which, the lead does not say
    back = 3 * (4 - _NTHS[bare["nth"].lower()])
    if back == 0 and lead.span == "quarter":
        return replace(fact, as_of=lead.day, period=lead.name)
    year_end = lead.day
    period = f"Q{4 - back // 3}, year ended {year_end.isoformat()}"
    if year_end.day != calendar.monthrange(year_end.year, year_end.month)[1]:
        return replace(fact, as_of=None, period=period)  # a 52/53-week year's quarters
    month = (year_end.year * 12 + year_end.month - 1) - back
    return replace(fact, as_of=_year_end(month // 12, month % 12 + 1), period=period)


def _in_period(
    text: str,
    fact: ExtractedFact,
    fiscal_month: Callable[[str], int | None],
    lead: _Lead | None = None,
) -> ExtractedFact:
    start = fact.span[0]
    lo = max(0, start - _REACH)
    if not text[lo:start].isascii():
        return fact  # a Chinese text's periods are the reader's own
    starts = list(_SENTENCE_START.finditer(text, lo, start))
    clause_lo = starts[-1].end() if starts else lo
    month = fiscal_month(fact.subject) or 12
    guided = _guided_year(text, clause_lo, start)
    if guided is not None:
        metric = fact.metric if fact.metric.endswith("_forecast") else f"{fact.metric}_forecast"
        return replace(fact, metric=metric, as_of=_year_end(guided, month), period=f"FY{guided}")
    period = _period(text, clause_lo, start)
    after = _AFTER.match(text, fact.span[1])
    if after is not None and after["year"]:
        period = int(after["year"]), None  # operating income of $2.9 billion for 2022
    elif after is not None:  # compared with $0.9 billion a year ago: the year before the one
        period = (period[0] - 1, None) if period and period[1] is None else None
        if period is None:
            return replace(fact, as_of=None, period=None)
    elif _COMPARED.search(text, clause_lo, start) and not _LABEL_YEAR.search(text, lo, start):
        # (compared to 2022 net revenue of $… names its own year: `_period` reads it)
        if not _YEAR_LABEL.search(text, clause_lo, start):
            return replace(fact, as_of=None, period=None)  # compared to $… : whose, unsaid
    if period is None:
        if lead is not None and _reported(fact):
            return _lead_dated(fact, lead, text, clause_lo)  # Quarterly revenue was $…
        return fact
    year, quarter = period
    if quarter is None:
        as_of = _fiscal_year_end(fact, year, text, clause_lo, month, lead)
        return replace(fact, as_of=as_of, period=f"FY{year}")
    # (a fiscal quarter of a year ending in another month ends on a day no calendar gives)
    as_of = _year_end(year, quarter * 3) if month == 12 else None
    return replace(fact, as_of=as_of, period=f"Q{quarter} {year}")


def _fiscal_year_end(
    fact: ExtractedFact, year: int, text: str, lo: int, month: int, lead: _Lead | None
) -> dt.date | None:
    """The last day of a year's results: the calendar's, or the fiscal year's where the
    dictionary knows the month it ends in. A year written as fiscal (fiscal 2030) for a company
    the dictionary gives no month for ends on the day the release's lead says that year ended
    (its fourth quarter, which ended September 27, 2030), else on a day the text does not say."""
    if month != 12 or "fiscal" not in text[lo : fact.span[1] + _FISCAL_AFTER].lower():
        return _year_end(year, month)
    if lead is not None and lead.closes_year and lead.day.year == year:
        return lead.day
    return None


def _reported(fact: ExtractedFact) -> bool:
    """Whether a fact is a period's result (revenue, net income, EPS, their growth) that no
    period or only a day dates: a day, the release's own, is no period a result is of."""
    undated = fact.period is None or _DAY.fullmatch(fact.period) is not None
    return undated and period_result(fact.metric)


def _guided_year(text: str, lo: int, hi: int) -> int | None:
    """The year a sentence's guidance is for, when the sentence from `lo` gives guidance
    (guides, outlook) after the last results it reports ("Raises Full-Year Guidance; First-
    Quarter 2025 Results: EPS $1.10" reports the quarter's)."""
    words = list(_GUIDANCE_OR_RESULTS.finditer(text, lo, hi))
    if not words or words[-1]["results"]:
        return None
    year = _ANY_YEAR.search(text, words[-1].end(), hi)
    return int(year.group()) if year else None


def _period(text: str, lo: int, hi: int) -> tuple[int, int | None] | None:
    """The year, and the quarter if one, the sentence from `lo` names last before `hi`."""
    labelled = _YEAR_LABEL.search(text, lo, hi) or _LABEL_YEAR.search(text, lo, hi)
    if labelled is not None:
        return int(labelled["year"]), None
    found = list(_PERIOD.finditer(text, lo, hi))
    if not found:
        opener = _OPENER.match(text, lo, hi)  # For 2023, we reported net income of $…
        return (int(opener["year"]), None) if opener else None
    last = found[-1]
    if last["year"] or last["year2"]:
        nth = (last["nth"] or last["nth2"]).lower()
        return int(last["year"] or last["year2"]), _NTHS[nth]
    if last["year3"]:
        return int(last["year3"]), int(last["q"])
    return int(last["year4"] or last["year5"]), None


def _year_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
