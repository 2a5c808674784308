"""Which market a news item belongs to: cn_a, hk, us or other.

Evidence, strongest first: tickers and exchange prefixes (600519.SH, 0700.HK, NASDAQ:AAPL),
companies and indices from the entity dictionary (each carries its market), and cue words
(沪深, 北交所, 港交所, 恒生, 纳斯达克, 美联储, 日本 …). Mentions in the title or the lead weigh
more. Mainland macro, policy and industry news names no listed company but is about China,
so with no evidence at all a Chinese text is cn_a: domestic = cn_a or hk, foreign = us or other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from touyan.analysis.lexicon import PhraseMatcher, data_rows, lower_ascii
from touyan.facts.entities import MARKETS, EntityRecord

CN_A, HK, US, OTHER = "cn_a", "hk", "us", "other"
MARKET_NAMES_ZH = {CN_A: "A股市场", HK: "港股市场", US: "美股市场", OTHER: "其他"}
MARKET_NAMES_EN = {CN_A: "China A-shares", HK: "Hong Kong", US: "US", OTHER: "Other"}
DOMESTIC = frozenset({CN_A, HK})
TICKER_WEIGHT = 5.0
ENTITY_WEIGHT = 2.0
REPEAT_FACTOR = 0.3  # a cue or entity named again adds this share of its weight
LEAD_CHARS = 60
LEAD_WEIGHT = 2.0

# Tickers and exchange prefixes. Patterns start with a plain character class (no
# look-behind), which keeps each scan a few microseconds; the character before a match is
# checked in code instead.
_TICKERS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # 600519.SH, 0700.HK: the suffix names the exchange (market None: read from the suffix).
    (re.compile(r"\d{4,6}\.(?:SH|SZ|BJ|SS|HK|sh|sz|bj|ss|hk)(?![A-Za-z0-9])"), None),
    (re.compile(r"(?:SH|SZ|BJ)\d{6}(?!\d)"), CN_A),
    # (600519) after a mainland name; (VLO.N), (AAPL.O): Reuters codes for New York listings.
    (re.compile(r"[（(]\s*(?:[036894]\d{5}|[A-Z]{1,5}\.(?:N|O|OQ|A))\s*[)）]"), None),
    (re.compile(r"代码\s*[:：]?\s*[036894]\d{5}(?!\d)"), CN_A),
    (re.compile(r"HK(?:EX)?\s*[:：]\s*\d{4,5}(?!\d)"), HK),
    (
        re.compile(
            r"(?:NASDAQ|NASQ|NYSE|AMEX|Nasdaq|纳斯达克|纽交所)\s*[:：]\s*[A-Z]{1,5}(?![A-Za-z])"
        ),
        US,
    ),
    # Currency pairs (USD/CHF, EUR/JPY): foreign-exchange news is about other markets.
    (re.compile(r"(?:USD|EUR|JPY|GBP|CHF|AUD|NZD|CAD)/[A-Z]{3}(?![A-Za-z])"), OTHER),
)
_GLUED = frozenset("0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# A capitalised Latin name (Richardson, SpaceX) inside Chinese text: a person or company
# written in its own script, which Chinese news does for foreign ones.
_LATIN_NAME = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]*)*(?![A-Za-z-])")
LATIN_NAME_WEIGHT = 1.0
# A flash that opens with a mainland company or research house speaking (【XX股份：…】,
# 中金策略：…): Chinese names with these endings are mainland listed companies and brokers.
_SPEAKER = re.compile(
    r"^[【\[]?[\u4e00-\u9fff]{2,8}(?:股份|科技|集团|控股|药业|医药|生物|电子|电气|电力|能源|材料"
    r"|新材|化工|矿业|实业|环保|智能|光电|精密|机械|重工|装备|传媒|文化|农业|食品|地产|置业"
    r"|物流|信息|软件|通信|网络|证券|期货|基金|宏观|策略|研究|资管|汽车|银行)(?:[：:]|公告|发布公告|宣布)"
)
SPEAKER_WEIGHT = 3.0
# Western names written in Chinese join given and family name with a middle dot (比尔·格罗斯).
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}")
TRANSLITERATED_WEIGHT = 1.5


@dataclass(frozen=True, slots=True)
class MarketResult:
    market: str
    scores: dict[str, float]
    reason: str

    @property
    def domestic(self) -> bool:
        return self.market in DOMESTIC


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[tuple[str, float]]:
    entries: list[tuple[str, tuple[str, float]]] = []
    for cue, weight, market in data_rows("market_cues.tsv", 3):
        if market not in MARKETS:
            raise ValueError(f"market_cues.tsv: {cue}: unknown market {market!r}")
        entries.append((cue, (market, float(weight))))
    return PhraseMatcher(entries)


def classify_market(
    text: str,
    title: str = "",
    *,
    entities: Sequence[tuple[int, str, str | None]] = (),
    language: str = "zh",
) -> MarketResult:
    """The market of `title` + `text`.

    `entities` are (offset in text, name, market) of dictionary mentions; offsets let a
    mention in the lead count more. See `entity_market` for the market a mention stands for.
    """
    scores = {m: 0.0 for m in (CN_A, HK, US, OTHER)}
    seen: dict[str, int] = {}
    why: dict[str, list[str]] = {m: [] for m in scores}

    def add(market: str, weight: float, key: str, offset: int, in_title: bool) -> None:
        times = seen.get(key, 0)
        seen[key] = times + 1
        boost = LEAD_WEIGHT if in_title or offset < LEAD_CHARS else 1.0
        scores[market] += weight * boost * (1.0 if times == 0 else REPEAT_FACTOR)
        if times == 0:
            why[market].append(key)

    # A New York code right after a company the dictionary knows is that company's news, in
    # its own market (京东(JD.O): hk, 苹果(AAPL.O): us); in an item about 中概股 (US-listed
    # Chinese companies) any other New York code is one of them: traded by Chinese investors,
    # most with a Hong Kong listing too, and domestic.
    known_names = [(offset, market) for offset, _n, market in entities if market is not None]
    adr = _ADR_CUE in title or _ADR_CUE in text
    for part, in_title in ((title, True), (text, False)):
        if not part or (in_title and text.startswith(part)):
            continue
        for pattern, ticker_market in _TICKERS:
            for match in pattern.finditer(part):
                start = match.start()
                if start > 0 and part[start - 1] in _GLUED and match.group()[0] not in "（(":
                    continue  # inside a longer code or word
                code = match.group().strip("（()） ")
                code_market = ticker_market or _code_market(code)
                if code_market == US and not in_title:
                    near = _named_right_before(text, start, known_names)
                    code_market = near or (HK if adr else US)
                add(code_market, TICKER_WEIGHT, code, start, in_title)
        foreign_end = -1
        for hit in cue_matcher().find(lower_ascii(part)):
            cue_market, weight = hit.value
            if cue_market == CN_A and hit.start == foreign_end:
                continue  # 哈萨克斯坦外交部, 日本国债: the institution is the foreign country's
            if cue_market in (US, OTHER):
                foreign_end = hit.end
            add(cue_market, weight, part[hit.start : hit.end], hit.start, in_title)
    for offset, name, market in entities:
        if market in scores:
            add(market, ENTITY_WEIGHT, name, offset, False)
    lead = title or text
    if (speaker := _SPEAKER.match(lead)) is not None and not _foreign(speaker.group()):
        add(CN_A, SPEAKER_WEIGHT, speaker.group().strip("【[：:"), 0, True)
    if language == "zh" and (latin := _latin_name(text)) is not None:
        add(OTHER, LATIN_NAME_WEIGHT, latin.group(), latin.start(), False)
    if ("·" in text or "•" in text) and (person := _TRANSLITERATED.search(text)) is not None:
        add(OTHER, TRANSLITERATED_WEIGHT, person.group(), person.start(), False)
    best = max(scores, key=lambda m: (scores[m], -_ORDER[m]))
    if scores[best] <= 0:
        market = CN_A if language == "zh" else OTHER
        reason = (
            "no ticker, listed company or place named: Chinese news is about the mainland"
            if market == CN_A
            else "no ticker, listed company or place named"
        )
        return MarketResult(market, scores, reason)
    evidence = "、".join(why[best][:4])
    return MarketResult(best, {m: round(v, 2) for m, v in scores.items()}, f"{best}: {evidence}")


_ORDER = {CN_A: 0, HK: 1, US: 2, OTHER: 3}
_ADR_CUE = "中概"


_NAME_GAP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{0,12}")


def _named_right_before(
    text: str, start: int, names: Sequence[tuple[int, str | None]]
) -> str | None:
    """The market of a dictionary company named right before position `start` (京东(JD.O))."""
    for offset, market in reversed(names):
        if offset < start and _NAME_GAP.fullmatch(text, offset, start):
            return market
    return None


def _foreign(name: str) -> bool:
    """Whether a speaker's name holds a foreign place or market (美国本田汽车, 日本电产)."""
    return any(hit.value[0] in (US, OTHER) for hit in cue_matcher().find(lower_ascii(name)))


def _code_market(code: str) -> str:
    """The market of a code whose shape alone decides it (.HK, .SH, (600519), (VLO.N))."""
    suffix = code.upper().rsplit(".", 1)[1] if "." in code else ""
    if suffix == "HK":
        return HK
    if suffix in ("N", "O", "OQ", "A"):
        return US
    return CN_A


def _latin_name(text: str) -> re.Match[str] | None:
    """The first capitalised Latin word that stands alone (not the tail of another word)."""
    for match in _LATIN_NAME.finditer(text):
        start = match.start()
        if start == 0 or not text[start - 1].isascii() or not text[start - 1].isalpha():
            return match
    return None


def entity_market(record: EntityRecord) -> str | None:
    """The market a mention of `record` points to.

    A mainland company listed in New York and in Hong Kong (阿里巴巴 BABA and 9988.HK) is
    traded by Chinese investors in Hong Kong, so its news counts as hk: domestic.
    """
    if record.market == US and any(t.endswith(".HK") for t in record.tickers):
        return HK
    return record.market
