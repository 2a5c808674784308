"""What a question is about: its language, entities, tickers, time range, market and intents.

Read by rules from the question alone, so retrieval and the offline planner know what to
look for before any model is asked (and with no model at all).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from touyan.analysis.market import entity_market
from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import BEFORE_LABELS
from touyan.text.dates import parse_dates
from touyan.text.lang import detect_language
from touyan.text.normalize import normalize_query
from touyan.text.segment import query_tokens

# Intent → cue words (zh and en) and the fact metrics that answer it.
INTENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "financing": (
        (
            "融资",
            "投资",
            "领投",
            "跟投",
            "估值",
            "入股",
            "出资",
            "轮",
            "raise",
            "round",
            "invest",
            "valuation",
            "funding",
            "stake",
        ),
        ("raised", "valuation", "invested", "stake_pct"),
    ),
    "results": (
        (
            "业绩",
            "营收",
            "营业收入",
            "收入",
            "净利润",
            "利润",
            "财报",
            "年报",
            "季报",
            "毛利",
            "revenue",
            "profit",
            "earn",
            "results",
            "income",
            "sales",
        ),
        ("revenue", "net_profit", "net_profit_adjusted", "eps"),
    ),
    "listing": (
        ("上市", "IPO", "招股", "发行", "募资", "挂牌", "listing", "offering", "debut"),
        ("raised", "price", "valuation"),
    ),
    "shareholding": (
        ("增持", "减持", "持股", "股东", "回购", "转让", "buyback", "shareholder", "holding"),
        ("stake_pct", "shares_sold", "shares_bought", "invested"),
    ),
    "market": (
        ("股价", "走势", "涨", "跌", "行情", "市值", "price", "shares", "stock", "market value"),
        ("price", "market_cap", "change_pct"),
    ),
    "cooperation": (
        ("合作", "合资", "联合", "战略", "生态", "partnership", "cooperation", "joint venture"),
        ("stake_pct",),
    ),
    "macro": (
        (
            "降息",
            "加息",
            "利率",
            "央行",
            "美联储",
            "印花税",
            "政策",
            "GDP",
            "CPI",
            "rate cut",
            "Fed",
            "policy",
            "inflation",
        ),
        (),
    ),
}
_MARKET_CUES: tuple[tuple[str, str], ...] = (
    ("港股", "hk"),
    ("港交所", "hk"),
    ("恒生", "hk"),
    ("Hong Kong", "hk"),
    ("美股", "us"),
    ("纳斯达克", "us"),
    ("纽交所", "us"),
    ("NASDAQ", "us"),
    ("NYSE", "us"),
    ("Wall Street", "us"),
    ("A股", "cn_a"),
    ("沪深", "cn_a"),
    ("上证", "cn_a"),
    ("深证", "cn_a"),
    ("科创板", "cn_a"),
    ("创业板", "cn_a"),
)
# Words a question uses to ask, not to name what it is about.
_ASKING = frozenset(
    "公司 多少 什么 如何 怎么 怎样 情况 数据 今年 去年 请问 介绍 分析 哪些 为什么 影响 新闻 这篇 "
    "文章 说 说了 提到 具体 主要 相关 目前 最新 近期 最近 一下 告诉 我 是否 有没有 几 多 大 "
    "what how much many which who when why did does the a an of for in is was were report "
    "reported tell me about".split()
)
_LATEST = re.compile(r"最新|近期|最近|目前|当前|latest|recent|current|now", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuestionContext:
    text: str
    language: str  # zh | en
    tokens: tuple[str, ...]
    entities: tuple[EntityRecord, ...]
    since: dt.date | None = None  # the period the question names, if any
    until: dt.date | None = None
    market: str | None = None
    intents: tuple[str, ...] = ()
    wants_latest: bool = False
    metrics: tuple[str, ...] = field(default=())

    @property
    def subject_terms(self) -> list[str]:
        """Words naming what the question is about when no known entity does (火星, 矿业)."""
        cues = {c.lower() for cues, _ in INTENTS.values() for c in cues}
        return [
            t
            for t in self.tokens
            if t not in _ASKING
            and t not in cues
            and not t.replace(".", "").isdigit()
            and len(t) >= (3 if t.isascii() else 2)
        ]

    @property
    def intent_terms(self) -> list[str]:
        """The cue words of the question's intents: a source answers in its own words
        (a question about 投资 is answered by a sentence saying 出资 or 入股)."""
        terms = [t for name in self.intents for cue in INTENTS[name][0] for t in query_tokens(cue)]
        return list(dict.fromkeys(terms))

    @property
    def focus_names(self) -> list[str]:
        """What a quoted sentence must name to be about this question: the entities' names
        (every alias), else the question's own subject words."""
        names = [n for e in self.entities for n in e.names()]
        return names or self.subject_terms

    @property
    def entity_names(self) -> list[str]:
        return [e.name for e in self.entities]

    def display_name(self, record: EntityRecord) -> str:
        """The entity as the question's language writes it (小米 / Xiaomi)."""
        names = record.names()
        if self.language == "en":
            latin = [n for n in names if n.isascii()]
            return latin[0] if latin else record.name
        if not record.name.isascii():
            return record.name
        han = [n for n in names if not n.isascii()]
        return han[0] if han else record.name


def read_question(
    question: str, dictionary: EntityDictionary, *, today: dt.date | None = None
) -> QuestionContext:
    text = normalize_query(question).strip()
    language = "en" if detect_language(text) == "en" else "zh"
    seen: dict[str, EntityRecord] = {}
    for mention in dictionary.find(text):
        seen.setdefault(mention.entity.name, mention.entity)
    dates = parse_dates(text, today=today)
    since = min((d.start for d in dates), default=None)
    until = max((d.end for d in dates), default=None)
    lowered = text.lower()
    intents = tuple(
        name for name, (cues, _) in INTENTS.items() if any(c.lower() in lowered for c in cues)
    )
    metrics: dict[str, None] = dict.fromkeys(named_metrics(text))
    if not metrics:  # no metric named: the ones that answer what the question asks about
        for name in intents:
            for metric in INTENTS[name][1]:
                metrics.setdefault(metric, None)
    return QuestionContext(
        text=text,
        language=language,
        tokens=tuple(query_tokens(text)),
        entities=tuple(seen.values()),
        since=since,
        until=until,
        market=_market(text, list(seen.values())),
        intents=intents,
        wants_latest=bool(_LATEST.search(text)),
        metrics=tuple(metrics),
    )


# Labels that name a topic rather than one figure ("投资小米的来龙去脉" is not only 出资额).
_TOO_GENERIC = frozenset({"投资", "收入", "持有", "交付", "sales"})


def named_metrics(text: str) -> list[str]:
    """Metrics the question names by their label (净利润 → net_profit), longest label first."""
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    labels = sorted(
        ((label.lower(), metric) for metric, ls in BEFORE_LABELS.items() for label in ls),
        key=lambda pair: -len(pair[0]),
    )
    for label, metric in labels:
        at = lowered.find(label)
        if at < 0 or len(label) < 2 or any(s < at + len(label) and at < e for s, e in taken):
            continue
        taken.append((at, at + len(label)))
        if label in _TOO_GENERIC:
            continue
        found.append((at, metric))
    return list(dict.fromkeys(metric for _, metric in sorted(found)))


def _market(text: str, entities: list[EntityRecord]) -> str | None:
    lowered = text.lower()
    for cue, market in _MARKET_CUES:
        if cue.lower() in lowered:
            return market
    for record in entities:
        if found := entity_market(record):  # 阿里巴巴 (BABA and 9988.HK) is hk, as in labels
            return found
    return None
