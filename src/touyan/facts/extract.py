"""Rule-based fact extraction: typed, dated, sourced statements from financial text.

Each number is read with the label that names it (估值达到450亿美元 → valuation; 11亿美元的融资
→ raised; 持股比例 in a table header → stake_pct), the entity it is about (named in the same
clause, else the subject the paragraph is about) and the date it holds for (named in the
sentence, else the last date named before it, else the publication date). A number with no
label that maps to a known metric yields nothing: precision first.

The reading is `read_facts.FactReader`'s, put together from the reader's state (`read_text`)
and steps (`reader` and the modules it names) and the shapes of text it knows (`read_market`,
`read_results`, `read_series`, `read_bulletin`, `read_growth`, `read_labels`, …). This module
holds what they share with callers: the fact, the lookups of a figure's label, and the quick
test of whether a text may state a fact at all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import ahocorasick_rs

from touyan.facts.bounds import Bound, bound_of
from touyan.facts.confidence import confidence, signals
from touyan.facts.entities import EntityDictionary, Mention
from touyan.facts.label_index import label_spans
from touyan.facts.labels import (
    AFTER_LABEL,
    AFTER_LABELS,
    AFTER_METRIC,
    BEFORE_LABELS,
    LABEL_METRIC,
)
from touyan.facts.line_items import LINE_ITEM_LABELS
from touyan.facts.market import ANY_MARKET_DAY

# The store's metric column holds 32 characters; a label longer than that is a clause that
# happened to end in a measure noun, not the name of a figure.
METRIC_MAX = 32

__all__ = ["AFTER_LABELS", "BEFORE_LABELS", "ExtractedFact", "extract_facts", "flatten"]

_CONNECTORS = re.compile(
    r"^(?:\s|每(?:桶|盎司|吨|磅|克|蒲式耳)|为|是|达|达到|约|约为|高达|共计|合计|实现|录得|报|至|:|：|了|的|在|同比|累计|仅|只有|"
    r"保持在|维持在|提升至|提高至|升至|降至|回落至|下降至|增至|增长至|上升至|下滑至|缩水至|"
    r"收窄至|扩大至|攀升至|跌至|涨至|超过|超|逾|接近|近|不足|不到|不超过|不低于|至少|"
    r"of|was|were|is|at|to|about|approximately|nearly|a|an|the|us|总额|总计|金额|一轮|新一轮|"
    r"公司股份|股份|公司|所持|其所持|持有的|本公司|无限售流通股|流通股|股票|触及|下探至|下探|"
    r"[|｜]|[(（][^()（）\d]{1,20}[)）]|(?<![-\w])GAAP|"
    # Net revenue for 2024 was, Net sales in fiscal 2024 were: the year the figure is of
    r"(?:for|in)\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d{2}(?!\d))*$",
    re.IGNORECASE,
)
_ANY_ATTRIBUTE = re.compile(r"的[\u4e00-\u9fffA-Za-z0-9]{2,16}?(?:为|是|达)[+-]?\d")
# "<label ending in a measure noun> [为|是|:] <value>": the way data text states a figure when
# no known label names it (近一周的基金收益率是: 0.48%, 持有总人数：3349, 股东户数为1.09万户).
# The label runs back to the clause start, the subject's name or a 的.
MEASURE_HEAD = (
    r"(?:率|额|净值|价|量|规模|收益|回撤|误差|排名|数量|股本|市值|余额|户数|人数|份额|占比|比重|"
    r"费用|利润|收入|成本|资产|负债|增速|增幅|降幅|涨幅|跌幅|流入|流出|买入|卖出|市盈率|倍数|面积|"
    r"人口|支出|误差|费率|胜率|投资|赤字|债|薪酬|报酬|比例|笔数|借款|指数|系数|气温|降水量|"
    r"盈利|毛利|净利|股息|门店|月活|日活|用户|产能|订单|中位数|估值|融资比|"
    r"债(?:券)?(?:累计|合计|共)?发行|净融资)"
)
# 农业生产指数(2014-2016=100): the base period an index is written with.
INDEX_BASE = (
    r"[(（](?:(?:19|20)\d{2}(?:\s*[-—–~～]\s*(?:19|20)\d{2})?|上年|上月|上年同期)\s*=\s*100[)）]"
)
_ANY_MEASURE = re.compile(
    rf"{MEASURE_HEAD}(?:[(（][^()（）]{{1,10}}[)）]|\[\d{{1,3}}\]|{INDEX_BASE})?\s*"
    r"(?:将?(?:已经|已|仅)?(?:为|是|达到了?|平均约为?)\s*[:：]?|[:：]|(?:下降|降|回落|上升|升|提高|提升|增)至)"
    r"\s*[+-]?\d"
    # 费率较高：产品综合费率1.32%: a card's figure written right after its label
    rf"|[:：][\u4e00-\u9fffA-Za-z0-9]{{0,12}}{MEASURE_HEAD}[+-]?\d[\d.]*%"
)
_ANY_CHANGE = re.compile(
    r"(?:增长|上涨|下降|上行|下行|增加|减少|回落|提高|上升|下滑|降低|涨|跌|同比增|同比减|增产|减产)(?:[了约超近达逾]|超过)?\s*[+-]?\d"
)
# 出口额占农产品总出口额的18.74%: a share named by its part and whole alone; 3次登上龙虎榜,
# 8家机构给出了买入的评级: a count the words after it name.
_ANY_SHARE = re.compile(
    r"占[^，,。；;]{2,24}?的\s*[+-]?\d|\d\s*(?:次登上?龙虎榜|家(?:机构|券商|投行)?(?:给出|给予|建议)"
    r"|[个份篇](?:研究报告|研报)发布)"
)
_ANY_SERIES = re.compile(r"[年月度][份]?(?:为|是)[+-]?\d")
CLAUSE_BREAK = re.compile(r"[，,；;。！？!?\n（）()]")
# The year an English figure's label names before it (… for fiscal 2024 was $): no label's part.
_YEAR_CONNECTOR = re.compile(
    r"\b(?:for|in)\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d{2}\s+(?:was|were|of)?\s*$"
)
LINE_ITEM_KEYS = frozenset(
    written
    for labels in LINE_ITEM_LABELS.values()
    for label in labels
    for written in (label.lower(), label.lower().replace(" ", ""))  # (run together too)
)
# Characters before a figure where its label may start: the longest label and a connector
# (扣除非经常性损益后的基本每股收益为0.65元).
_LABEL_REACH = max(16, *(len(label) + 4 for label in LABEL_METRIC if label not in LINE_ITEM_KEYS))
# An English statement's line labels run longer ("Purchases of property, plant and equipment"):
# the reach before a figure in Latin text.
_LATIN_REACH = max(_LABEL_REACH, *(len(label) + 4 for label in LINE_ITEM_KEYS))
TOPIC_KINDS = ("company", "fund")
# What a market quotes, whose moves and levels are its own: an index, and an instrument (a
# commodity's futures, a currency pair, a bond yield, a coin).
QUOTED_KINDS = ("index", "instrument")


@dataclass(frozen=True, slots=True)
class ExtractedFact:
    subject: str
    metric: str
    value: Decimal
    unit: str
    currency: str | None
    span: tuple[int, int]
    quote: str
    as_of: dt.date | None
    period: str | None = None
    object: str | None = None
    confidence: float = 1.0
    high: Decimal | None = None  # a range's upper end (3200万元至4800万元); value is its lower
    bound: Bound | None = None  # the value is a floor (超过9%: x ≥ value) or a ceiling (x ≤ value)


def label_before(text: str, start: int) -> tuple[str, int] | None:
    """The metric whose label ends just before `start`, connectors allowed between."""
    if start > 0 and text[start - 1] in "(（":
        start -= 1  # 换手率（37.8%）: the figure in brackets after its label
    aside = _ASIDE_BEFORE.search(text, max(0, start - 40), start)
    # 年初至今涨幅(最新的年初至今涨幅是多少)为-3.27%, 每股收益（非 GAAP）1.86美元
    if (
        aside is not None
        and not _UNIT_ASIDE.match(text, aside.start())
        and not _BASIS_ASIDE.match(text, aside.start())
    ):
        start = aside.start()
    best: tuple[int, int, str] | None = None
    reach = _LABEL_REACH
    if start > 8 and text[start - 8 : start].isascii():
        # (Operating income for 2024 was $…: the year's words reach further back than 是)
        year = _YEAR_CONNECTOR.search(text, max(0, start - 30), start)
        reach = _LATIN_REACH + (len(year.group()) if year else 0)
    for span in label_spans(text, max(0, start - reach), start):
        if best is not None and span[2] in _CONNECTOR_LABELS:
            continue  # 融资余额报8089.76亿元: 报 links the label before it to the figure
        if (
            span[2][0].isascii()
            and span[0] > 0
            and text[span[0] - 1].isascii()
            and text[span[0] - 1].isalpha()
        ):
            continue  # ADR in CADR, EBIT in PEBIT: a Latin label is a word of its own
        if span[2][0].isascii() and _NOT_THE_FIGURE.search(text, max(0, span[0] - 24), span[0]):
            continue  # cost of sales, deferred revenue: a cost and a liability, not revenue
        # no clause break after the label (searched from its end: 市盈率(TTM) holds brackets)
        if _CONNECTORS.match(text[span[1] : start]) and not CLAUSE_BREAK.search(
            text, span[1], start
        ):
            best = span
    if best is None:
        return None
    metric = LABEL_METRIC[best[2]]
    if metric in _ADJUSTABLE:
        prefix = _LABEL_PREFIX.search(text, max(0, best[0] - 16), best[0])
        marks = list(_ADJUSTED.finditer(text, prefix.start(), best[0])) if prefix else []
        # but 扣非每股收益双增长，基本每股收益为…: the mark is another label's
        adjusted = bool(marks) and not label_spans(text, marks[-1].end(), best[0])
        if aside is not None and start == aside.start() and _ADJUSTED.search(aside.group()):
            adjusted = True  # 每股收益（非 GAAP）
        if adjusted:
            metric = _ADJUSTED_METRIC.get(metric, f"{metric}_adjusted")
    return metric, best[0]


# 每股收益（非 GAAP）0.73美元, 调整后的每股收益, 调整后特斯拉每股收益, Non-GAAP净利润率: a company's
# adjusted figure, reported beside the GAAP one the bare label names. (Not 下调整后, 预测调整后:
# a revised forecast.) 扣非后归母净利润: net of one-off items, the same adjusted figure.
_ADJUSTED = re.compile(
    r"非\s*GAAP|non-?\s*GAAP|经调整|(?<![上下测])调整后|\badjusted\b|\bcore\b|扣非|扣除非经常性损益",
    re.IGNORECASE,
)
_ADJUSTABLE = frozenset(
    {
        "eps",
        "net_profit",
        "operating_profit",
        "operating_margin",
        "gross_margin",
        "net_margin",
        "revenue",
        "roe",
    }
)
_ADJUSTED_METRIC = {"eps": "eps_adjusted", "net_profit": "net_profit_adjusted"}
# The words right before a label, back to a clause break or a figure: what may qualify it.
# (A stock's code in brackets is part of its name: 调整后某某(600999)每股收益.)
_LABEL_PREFIX = re.compile(r"(?:[^，,；;。！？!?\n\d%]|[(（]\d{4,6}[)）])*$")


# Words before an English label that make it another figure's name: "Total cost of sales",
# "Cost of revenues" (what the sales cost), "Deferred revenue" (billed, not yet earned),
# "Unbilled revenues" (earned, not yet billed: a receivable).
# "Other operating income", "Non-operating income": another line of the statement; "Shares
# used to compute diluted net income per share": the count of shares it is divided by.
_NOT_THE_FIGURE = re.compile(
    r"(?:\bcosts?\s+of|\bdeferred|\bunearned|\bunbilled|\bother"
    r"|\bcompute(?:\s+(?:basic|diluted))?)\s+$"
    r"|\bnon-?\s*$",
    re.IGNORECASE,
)


WINDOW = r"近[\d一二三四五六七八九十]{1,2}个?[年月周日]"
_ANY_WINDOW_ITEM = re.compile(rf"[:：]\s*{WINDOW}\s*[+\-]?\d")
_CONNECTOR_LABELS = frozenset({"报", "收报", "收于", "报收于"})
_ASIDE_BEFORE = re.compile(
    r"[(（][^()（）\d\n]{1,30}[)）][^\S\n]*(?:为|是|:|：|达到了?|达|约为?)?[^\S\n]*[+]?$"
)
# A valuation's basis in brackets is part of its label (市盈率(TTM), 市盈率（静）), not an aside.
_BASIS_ASIDE = re.compile(r"[(（](?:TTM|ttm|LYR|lyr|静|静态|动|动态)[)）]")
# A unit in brackets heads a table's column (主力资金净流入（万元）2025.05.14…), not an aside.
_UNIT_ASIDE = re.compile(
    r"[(（]\s*(?:单位\s*[:：]\s*)?(?:[万亿千百]?(?:元|股|手|美元|港元)|%|％|倍|个百分点)\s*[)）]"
)


# Any label at all (lower-cased): a text without one states no fact this extractor reads.
# Most news has none, so this one native-code scan is what most documents cost here.
# Labels that are also everyday words (报, 最高, 开盘) do not open a text on their own: quote
# tables that use them name other figures too (成交额, 换手率).
_COMMON_WORDS = frozenset(
    {"报", "最高", "最低", "开盘", "今开", "涨停", "跌停", "昨收", "收报", "成交"}
)
_ANY_LABEL = ahocorasick_rs.AhoCorasick(
    sorted(
        {*LABEL_METRIC, *(a.lower() for labels in AFTER_LABELS.values() for a in labels)}
        - _COMMON_WORDS
    )
)


def label_after(text: str, end: int) -> str | None:
    found = AFTER_LABEL.match(text, end)
    if found is None or _ACTIVITIES.match(text, found.end()):
        return None  # "(812) Financing Activities": a cash-flow statement's next section
    return AFTER_METRIC[found.group().lower()]


_ACTIVITIES = re.compile(r"\s*activities", re.IGNORECASE)


_TERMINAL = "。！？!?；;：:"
# A statement row's figures opening with one in brackets, "(1,240)  (1,105) Proceeds from …":
# what the label on the line above it spent (the brackets' ") (" is no Chinese table's gap).
_BRACKETED_ROW = re.compile(r"\$?\s*\(\s*\$?\s*\d[\d,]*(?:\.\d+)?\s*\)")
# A label's last word ("Dividends paid", "Purchases of equipment (PP&E)", "Net income (loss)").
_LATIN_LABEL_END = re.compile(r"(?:[A-Za-z]|\([A-Za-z&.\s]+\))$")
_TABLEISH = re.compile(r"\||[\u4e00-\u9fff)）%]\s+[\u4e00-\u9fff(（\d]")


def _joinable(prev: str, nxt: str) -> bool:
    """Lines broken mid-sentence (a bold figure rendered on its own line) belong together."""
    prev, nxt = prev.strip(), nxt.strip()
    if not prev or not nxt or prev[-1] in _TERMINAL or prev[0] == "#":
        return False  # (a Markdown heading ends with its line: ### 经营概况 names no one)
    if _BRACKETED_ROW.match(nxt) and _LATIN_LABEL_END.search(prev) and not _CJK.search(prev):
        return True  # "Dividends paid\n (310) (295)": an English row's label over its outflows
    if _TABLEISH.search(prev) or _TABLEISH.search(nxt):
        return False
    return not re.match(r"^(?:[-*•]|\d+(?:[.)]\s|、)|[一二三四五六七八九十]+、|#)", nxt)


# Where a joined line break leaves no space: after a currency sign or an opening bracket
# ("$\n1,250" is $1,250) and before a closing mark ("12\n%" is 12%).
_GLUE_AFTER = frozenset("$(#'\"/-")
_GLUE_BEFORE = frozenset("%),.;:'\"/-")


def _spaced_join(last: str, first: str) -> bool:
    """Whether a line break joined between `last` and `first` reads as a space: Chinese runs
    on across a break (营业\n收入), English words and figures do not ("Net sales\n$812" is
    "Net sales $812", "$ 2.10\n1.95" two figures)."""
    return (
        "!" <= last <= "~"
        and "!" <= first <= "~"
        and last not in _GLUE_AFTER
        and first not in _GLUE_BEFORE
    )


def flatten(text: str) -> tuple[str, list[int]]:
    """The text with mid-sentence line breaks removed, and each view char's original offset."""
    parts: list[str] = []
    index: list[int] = []
    offset = 0
    previous = ""
    last = ""  # the view's last char: a joined break between two Latin words reads as a space
    for n, line in enumerate(text.split("\n")):
        if n and not (line.strip() == "" or _joinable(previous, line)):
            parts.append("\n")
            index.append(offset - 1)
        elif n and line and _spaced_join(last, line[0]):
            parts.append(" ")
            index.append(offset - 1)  # the space stands where the line break was
        parts.append(line)
        if line:
            last = line[-1]
        index.extend(range(offset, offset + len(line)))
        if line.strip():
            previous = line
        offset += len(line) + 1
    index.append(len(text))
    return _close_leaders(*_close_spaced_figures("".join(parts), index))


# "Net income.......... $ 629,551": a statement's dot leaders from a line's label to its
# figure, read as one space (a label is looked for a few characters before its figure).
_LEADERS = re.compile(r"[^\S\n]*\.{4,}[^\S\n]*")


def _close_leaders(view: str, index: list[int]) -> tuple[str, list[int]]:
    """The view with each run of dot leaders one space, which points at the run's start."""
    if "...." not in view:
        return view, index
    parts: list[str] = []
    kept: list[int] = []
    start = 0
    for leader in _LEADERS.finditer(view):
        parts += (view[start : leader.start()], " ")
        kept += index[start : leader.start()]
        kept.append(index[leader.start()])
        start = leader.end()
    parts.append(view[start:])
    kept += index[start:]
    return "".join(parts), kept


# "2024 年，公司营收突破 35 亿元": a hand that sets each figure apart with spaces. A figure
# written apart from the words before it is read as one with them ("营收突破35 亿元", "比重达到
# 66.16%"), and a date as one ("2024年", "5月9日"), a window of days or weeks too ("最近360
# 天", read as 最近360天). The space between a figure and its unit stays: the numbers read
# "35 亿元" as it is, and `title_names.title_subject` tells the opinion pieces of that hand by it.
_SPACES = re.compile(r"  *(?=[\d年月日号天周])")  # " +" with its literal first: scanned natively
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DAY_PART = "年月日号天周"
_BARE_NUMBER = re.compile(r"(?<![A-Za-z\d.,])\d+$")  # 2024, 11; not 2025Q1, 9.69


def _closable(view: str, lo: int, hi: int) -> bool:
    """Words, then a figure (达到 66.16%); a bare number, then a date part (2024 年, 11 月)."""
    if view[hi] in _DAY_PART:
        return _BARE_NUMBER.search(view, max(0, lo - 8), lo) is not None
    return lo > 0 and _CJK.match(view, lo - 1) is not None


def _close_spaced_figures(view: str, index: list[int]) -> tuple[str, list[int]]:
    """The view without the spaces between words and the figure after them, each kept char
    still pointing at its offset in the original text."""
    gaps = [m.span() for m in _SPACES.finditer(view) if _closable(view, *m.span())]
    if not gaps:
        return view, index
    parts: list[str] = []
    kept: list[int] = []
    start = 0
    for lo, hi in gaps:
        parts.append(view[start:lo])
        kept.extend(index[start:lo])
        start = hi
    parts.append(view[start:])
    kept.extend(index[start:])
    return "".join(parts), kept


def sentence_rows(text: str) -> list[tuple[int, int]]:
    """Sentences and table rows: a line break or a terminal mark ends one."""
    spans = []
    start = 0
    for match in re.finditer(r"[。！？!?；;]|\n", text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def extract_facts(
    text: str,
    *,
    title: str = "",
    published_at: dt.date | None = None,
    entities: EntityDictionary | None = None,
    mentions: Sequence[Mention] | None = None,
) -> list[ExtractedFact]:
    """Facts stated in `text`, each with the span of its value in `text`.

    `mentions` are `entities.find(text)` when the caller already has them (ingest scans each
    document once); they stand for a scan only where the reader's view of the text is the text.
    """
    # (The cheap scans that most texts with a figure pass first, the costly measure last: a
    # text that passes one is read, whichever.)
    if (
        not _ANY_CHANGE.search(text)
        and not _ANY_ATTRIBUTE.search(text)
        and not _ANY_LABEL.find_matches_as_indexes(text.lower())
        and not _ANY_SERIES.search(text)
        and not _ANY_WINDOW_ITEM.search(text)
        and not _ANY_SHARE.search(text)
        and not ANY_MARKET_DAY.search(text)
        and not _ANY_MEASURE.search(text)
    ):
        return []
    # Imported here, not at the top: the readers import this module (the fact, the labels).
    from touyan.facts.line_items import line_item_facts
    from touyan.facts.read_facts import FactReader
    from touyan.facts.release_periods import release_facts
    from touyan.facts.statement_tables import statement_facts

    published_at = _dateline(text, published_at)

    found = FactReader(text, title, published_at, entities, mentions).facts()
    if found:  # an English release's periods, then its tables' columns (a table's date wins)
        found = statement_facts(text, release_facts(text, found, _fiscal_month(entities)))
        found = line_item_facts(text, found)
    # (a label that is a year, "Shares outstanding - June 30, 2024: 912,000": no figure's name)
    found = [f for f in found if not f.metric.isdigit()]
    return [_rated(text, title, _bounded(text, f), entities) for f in found]


def _rated(
    text: str, title: str, fact: ExtractedFact, entities: EntityDictionary | None
) -> ExtractedFact:
    return replace(fact, confidence=confidence(fact_signals(text, title, fact, entities)))


def fact_signals(
    text: str, title: str, fact: ExtractedFact, entities: EntityDictionary | None
) -> tuple[str, ...]:
    """The traces `touyan.facts.confidence` weighs, of a fact read from `text`."""
    record = entities.get(fact.subject) if entities is not None else None
    return signals(
        text,
        title,
        fact.span,
        record.names() + (fact.subject,) if record else (fact.subject,),
        fact.metric,
        dated=fact.as_of or fact.period,
        period_only=fact.as_of is None and fact.period is not None,
        has_object=bool(fact.object),
    )


def _fiscal_month(entities: EntityDictionary | None) -> Callable[[str], int | None]:
    """The month a subject's fiscal year ends in, when the dictionary knows one."""

    def month(subject: str) -> int | None:
        record = entities.get(subject) if entities is not None else None
        return record.fiscal_year_end if record is not None else None

    return month


# A news item's own time stamp at its head (…领涨2025-06-10 09:376月10日，有色板块…).
_DATELINE = re.compile(r"(20\d{2})-(\d{2})-(\d{2})\s?\d{2}:\d{2}")
_DATELINE_REACH = 200
_DATELINE_DAYS = 31


def _dateline(text: str, published_at: dt.date | None) -> dt.date | None:
    """The day a text was written when its head stamps one later than the day it is said to
    be published (a listing's date lags the article it links): its 近三年, 当日 and 今日 are
    the stamp's."""
    if published_at is None or "-" not in text[:_DATELINE_REACH]:
        return published_at
    stamp = _DATELINE.search(text, 0, _DATELINE_REACH)
    if stamp is None:
        return published_at
    try:
        day = dt.date(*map(int, stamp.groups()))
    except ValueError:
        return published_at
    return day if 0 < (day - published_at).days <= _DATELINE_DAYS else published_at


def _bounded(text: str, fact: ExtractedFact) -> ExtractedFact:
    if fact.high is not None:
        return fact  # a range has both ends already
    size_only = fact.value < 0 and text[fact.span[0] : fact.span[0] + 1] not in "-−"
    bound = bound_of(text, fact.span, negative=size_only)
    return fact if bound is None else replace(fact, bound=bound)
