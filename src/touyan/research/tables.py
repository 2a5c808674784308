"""Tables built from stored Facts: the figures a report states in a grid, each row cited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from touyan.facts.confidence import CHECK_BELOW
from touyan.facts.entities import EntityDictionary
from touyan.facts.verify import Evidence, verify
from touyan.research.evidence import EvidenceItem, FactNote
from touyan.text.dates import parse_dates
from touyan.text.numbers import format_quantity

METRIC_NAMES: dict[str, tuple[str, str]] = {
    "raised": ("融资额", "Amount raised"),
    "valuation": ("估值", "Valuation"),
    "invested": ("出资额", "Amount invested"),
    "stake_pct": ("持股比例", "Stake"),
    "revenue": ("营业收入", "Revenue"),
    "net_profit": ("净利润", "Net profit"),
    "net_profit_adjusted": ("经调整净利润", "Adjusted net profit"),
    "gross_margin": ("毛利率", "Gross margin"),
    "operating_margin": ("营业利润率", "Operating margin"),
    "eps": ("每股收益", "EPS"),
    "market_cap": ("市值", "Market value"),
    "price": ("价格", "Price"),  # a share's, an index's level, a commodity's
    "change_pct": ("涨跌幅", "Change"),
    "yield": ("收益率", "Yield"),
    "yield_change_bp": ("收益率变动（基点）", "Yield change (bp)"),
    "deliveries": ("交付量", "Deliveries"),
    "shares_sold": ("减持股数", "Shares sold"),
    "shares_bought": ("增持股数", "Shares bought"),
    "buyback_amount": ("回购金额", "Buy-back amount"),
    "dividend_per_share": ("每股派息", "Dividend per share"),
    "turnover": ("成交额", "Turnover"),
    "nav": ("单位净值", "NAV"),
    "fund_size": ("基金规模", "Fund size"),
}
_HEADERS = {
    "zh": ("主体", "指标", "数值", "时间", "来源"),
    "en": ("Entity", "Metric", "Value", "Period", "Source"),
}
MAX_ROWS = 10


def metric_name(metric: str, language: str) -> str:
    zh, en = METRIC_NAMES.get(metric, (metric, metric.replace("_", " ")))
    return zh if language == "zh" else en


def fact_table(
    items: Iterable[EvidenceItem],
    language: str,
    *,
    subjects: set[str] | None = None,
    metrics: set[str] | None = None,
    seen: set[tuple[str, str, str]] | None = None,
    entities: EntityDictionary | None = None,
) -> str:
    """A Markdown table of the items' facts whose every row the verifier supports, or ''.

    Rows are checked before they are kept: a fact whose subject was read from a title (not
    its chunk) or whose date the chunk does not state would be flagged, so it is left out; so
    is a fact rated to be checked (below CHECK_BELOW), which a grid would state as settled.
    """
    seen = seen if seen is not None else set()
    rows: list[tuple[str, str]] = []
    pool = list(items)
    evidence = [item.for_verifier() for item in pool]
    for item in pool:
        for fact in sorted(item.facts, key=lambda f: (f.as_of or dt.date.min, f.subject)):
            if subjects and fact.subject not in subjects and fact.object not in subjects:
                continue
            if fact.metric not in METRIC_NAMES or (metrics and fact.metric not in metrics):
                continue
            if fact.confidence < CHECK_BELOW:
                continue
            key = (fact.subject, fact.metric, format(fact.value, "f"))
            if key in seen:
                continue
            row = _row(fact, item, language)
            if row and _supported(row, evidence, entities):
                seen.add(key)
                rows.append((fact.as_of.isoformat() if fact.as_of else "", row))
            if len(rows) >= MAX_ROWS:
                break
    if not rows:
        return ""
    header = _HEADERS["zh" if language == "zh" else "en"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += [row for _, row in sorted(rows, key=lambda r: r[0])]
    return "\n".join(lines)


def _row(fact: FactNote, item: EvidenceItem, language: str) -> str | None:
    quantity = fact.quantity()
    if quantity is None:
        return None
    value = format_quantity(quantity, "zh" if language == "zh" else "en")
    period = _period_text(fact, item)
    subject = fact.subject if not fact.object else f"{fact.subject} → {fact.object}"
    cells = (subject, metric_name(fact.metric, language), f"**{value}**", period, f"[{item.id}]")
    return "| " + " | ".join(cells) + " |"


def _period_text(fact: FactNote, item: EvidenceItem) -> str:
    """The chunk's own words for the fact's date, or a dash: no date the source does not state."""
    if fact.as_of is None:
        return "—"
    for mention in parse_dates(item.text):
        if mention.granularity != "relative" and mention.start <= fact.as_of <= mention.end:
            return mention.text
    return "—"


def _supported(row: str, evidence: list[Evidence], entities: EntityDictionary | None) -> bool:
    result = verify(row, evidence, entities=entities)
    return all(s.status == "supported" for s in result.sentences if s.is_claim)
