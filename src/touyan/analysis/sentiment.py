"""Sentiment of a finance news item from a lexicon: bullish, neutral or bearish, with reasons.

A phrase's weight is changed by what stands right before it: a negation reverses and weakens
it (并未减持 is no sale), a degree word scales it (大幅增长), and for direction words the
subject decides the sign (成本下降 and 亏损收窄 are good news). The size of a move counts
(涨0.3% says little, 涨9% much), a tally of past events (买入评级9家) and an investor's
question say little, and after 但/然而 a sentence states its point. Phrases in the title and
the lead count most: news states its point first. Phrases in a sentence led by another
company than the one the item is about count less: the label is about the item's own
subject. Routine items that describe rather than judge (intraday move alerts, meeting
notices, investor Q&A; see genres.tsv) are damped as a whole, strong events excepted. The
phrases that decided the label are returned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from touyan.analysis.lexicon import Hit, PhraseMatcher, data_rows, lower_ascii

BULLISH, NEUTRAL, BEARISH = "bullish", "neutral", "bearish"
LABELS = (BULLISH, NEUTRAL, BEARISH)
LABEL_NAMES_ZH = {BULLISH: "利好", NEUTRAL: "中性", BEARISH: "利空"}
LABEL_NAMES_EN = {BULLISH: "Bullish", NEUTRAL: "Neutral", BEARISH: "Bearish"}
THRESHOLD = 0.1  # |score| at or above which an item is bullish or bearish
TITLE_WEIGHT = 1.5
OTHER_SUBJECT_WEIGHT = 0.5
NEGATED = -0.6  # a negated phrase flips and weakens: 未减持 is mildly good, not a buy
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:\n、（）()【】\[\]]")
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
_MAX_GAP_ZH = 2  # characters allowed between a modifier and its phrase
_MAX_GAP_LATIN = 12
_SUBJECT_REACH = 12  # how far back a direction word looks for its subject
# News states its point first: phrases in the lead (its first sentences, within these bounds
# in characters) count fully, later ones less and less.
LEAD_SENTENCES = 2
LEAD_MIN, LEAD_MAX = 60, 120
LATE_HALF_LIFE = 60.0  # characters after the lead over which a phrase's weight halves
REPEAT_FACTOR = 0.3  # the same phrase again adds this share
QUESTION_WEIGHT = 0.3  # a question (an investor asking) states nothing
# Q&A items: where an investor's question starts and where the company's answer starts.
_ASK = re.compile(
    r"(?:问|投资者|投资者提问|提问)\s*[：:]"
    r"|有投资者(?:在[^，。：:]{0,12})?(?:向[^，。：:]{0,20})?提问"
)
_ANSWER = re.compile(r"答\s*[：:]|董秘\s*[：:]|回复\s*[：:称]|回应\s*[：:称]|回答\s*[：:]|表示")
ASKED_WEIGHT = 0.1  # an investor's question in a Q&A item: the words are not the company's
MAX_HITS = 40  # more phrases than this in one item add nothing a reader would miss
SCAN_CHARS = 1500  # beyond this a phrase would count under a hundredth: not read at all
PRIOR = 3.0  # evidence needed before the score moves far from 0
# A flow or change of zero (净流入0.00元, 增持0股) says nothing.
_ZERO_AFTER = re.compile(r"\s*0(?:\.0+)?(?![.\d])")
# A clause about a sector, concept or index is context for a company's news, not its news.
_CONTEXT_SUBJECT = re.compile(r"板块|概念|指数|大盘|行业|sector|index")
CONTEXT_WEIGHT = 0.5
GENRE_CHARS = 120  # a genre cue (see genres.tsv) counts in the title and this much of the lead
STRONG = 3.0  # phrases this heavy (立案调查, 违约) are news in any genre
# "涨5.29%", "同比下降27.38%": the size of a move sets how much it says.
_PERCENT_AFTER = re.compile(
    r"\s*(?:了|约|达|超|超过|逾|近|为|至)?\s*[-+]?(\d{1,4}(?:\.\d+)?)\s*[%％]"
)
# (percent at or below which, factor): a move under 1 % is noise, one over 7 % a big event.
PERCENT_BANDS = ((1.0, 0.4), (3.0, 1.0), (7.0, 1.4), (float("inf"), 1.8))
# "买入评级9家", "涨停9次", "减持的有4天": a count of past events is a statistic about the
# stock, not news about it.
_TALLY_AFTER = re.compile(r"[的有为共]{0,3}\s*\d+(?:\.\d+)?\s*(?:家|次|天|个交易日|只|户)")
TALLY_WEIGHT = 0.3
# After 但/然而 a sentence states its point: that clause weighs more, the one before less.
_CONTRAST = re.compile(r"但是|但|然而|不过|可是|(?i:\bhowever\b|\bbut\b)")
CONTRAST_AFTER = 1.3
CONTRAST_BEFORE = 0.8


@dataclass(frozen=True, slots=True)
class Phrase:
    weight: float
    directional: bool


@dataclass(frozen=True, slots=True)
class Modifier:
    kind: str  # neg | deg | subj | block
    factor: float = 1.0


@dataclass(slots=True)
class Contribution:
    start: int
    end: int
    text: str
    value: float
    in_title: bool = False


@dataclass(slots=True)
class SentimentResult:
    label: str
    score: float
    evidence: list[str] = field(default_factory=list)
    reason: str = ""
    contributions: list[Contribution] = field(default_factory=list)


@lru_cache(maxsize=1)
def phrase_matcher() -> PhraseMatcher[Phrase]:
    entries: list[tuple[str, Phrase]] = []
    for name in ("sentiment_zh.tsv", "sentiment_en.tsv"):
        for row in data_rows(name, 3):
            entries.append((row[0], Phrase(float(row[1]), row[2] == "d")))
    return PhraseMatcher(entries)


@lru_cache(maxsize=1)
def genre_matcher() -> PhraseMatcher[tuple[str, float]]:
    return PhraseMatcher([(r[0], (r[1], float(r[2]))) for r in data_rows("genres.tsv", 3)])


def genre_of(text: str, title: str = "") -> tuple[str, float] | None:
    """The routine genre (intraday alert, investor Q&A, meeting notice …) an item belongs to.

    Such items describe rather than judge, so their phrases count less: the factor returned.
    """
    found: tuple[str, float] | None = None
    for part in (title, text[:GENRE_CHARS]):
        if not part:
            continue
        for hit in genre_matcher().find(lower_ascii(part)):
            if found is None or hit.value[1] < found[1]:
                found = hit.value
    return found


@lru_cache(maxsize=1)
def modifier_matcher() -> PhraseMatcher[Modifier]:
    entries: list[tuple[str, Modifier]] = []
    for (word,) in (r[:1] for r in data_rows("negations.txt")):
        if word.startswith("!"):
            entries.append((word[1:], Modifier("block")))
        else:
            entries.append((word, Modifier("neg")))
    for row in data_rows("degree.tsv", 2):
        entries.append((row[0], Modifier("deg", float(row[1]))))
    for (word,) in (r[:1] for r in data_rows("subjects.txt")):
        entries.append((word, Modifier("subj")))
    return PhraseMatcher(entries)


def score_sentiment(
    text: str,
    title: str = "",
    *,
    subjects: Sequence[tuple[int, int, str]] = (),
    focus: str | None = None,
) -> SentimentResult:
    """The sentiment of `title` + `text`.

    `subjects` are (start, end, name) company mentions in `text` and `focus` the company the
    item is about; phrases in sentences led by another company weigh less.
    """
    contributions: list[Contribution] = []
    genre = genre_of(text, title)
    damp = genre[1] if genre else 1.0
    if title and not text.startswith(title):
        contributions += [
            Contribution(c.start, c.end, c.text, c.value, True)
            for c in _scan(title, TITLE_WEIGHT, (), None, damp)
        ]
    contributions += _scan(text[:SCAN_CHARS], 1.0, subjects, focus, damp)
    result = _verdict(contributions)
    if genre is not None:
        result.reason += f" (a {genre[0]} item: routine, its phrases weigh ×{damp})"
    return result


def _scan(
    text: str,
    weight: float,
    subjects: Sequence[tuple[int, int, str]],
    focus: str | None,
    damp: float = 1.0,
) -> list[Contribution]:
    lowered = lower_ascii(text)
    hits = list(islice(phrase_matcher().find(lowered), MAX_HITS))
    if not hits:
        return []
    modifiers = list(modifier_matcher().find(lowered))
    lead, half_life = _lead(text)
    asked = _asked_spans(text)
    out: list[Contribution] = []
    cancelled: set[int] = set()
    seen: dict[str, int] = {}
    for hit in hits:
        if not hit.value.weight or _ZERO_AFTER.match(text, hit.end):
            continue
        value = hit.value.weight * weight
        if abs(hit.value.weight) < STRONG:
            value *= damp
        value *= _magnitude(text, hit.end)
        value *= _contrast_factor(text, hit.start)
        start = hit.start
        for mod in _modifiers_before(text, hit, modifiers):
            if mod.value.kind == "neg":
                value *= NEGATED
            elif mod.value.kind == "deg":
                value *= mod.value.factor
            start = min(start, mod.start)
        if _CONTEXT_SUBJECT.search(_clause(text, hit.start)):
            value *= CONTEXT_WEIGHT
        if hit.value.directional:
            subject = _subject_before(text, hit.start, modifiers)
            if subject is not None:
                value = -value
                cancelled.add(subject.start)
                start = min(start, subject.start)
        if focus and subjects and _led_by_other(text, hit.start, subjects, focus):
            value *= OTHER_SUBJECT_WEIGHT
        if hit.start > lead:
            value *= 0.5 ** ((hit.start - lead) / half_life)
        if _TALLY_AFTER.match(text, hit.end):
            value *= TALLY_WEIGHT
        if _inside(asked, hit.start):
            value *= ASKED_WEIGHT
        elif _in_question(text, hit.end):
            value *= QUESTION_WEIGHT
        phrase = text[hit.start : hit.end]
        times = seen.get(phrase, 0)
        seen[phrase] = times + 1
        if times:
            value *= REPEAT_FACTOR
        out.append(Contribution(hit.start, hit.end, text[start : hit.end], value))
    # 亏损 in 亏损收窄 is the subject of the narrowing, not a loss reported on its own.
    return [c for c in out if c.start not in cancelled or c.value > 0]


def _modifiers_before(
    text: str, hit: Hit[Phrase], modifiers: list[Hit[Modifier]]
) -> list[Hit[Modifier]]:
    """Negations and degree words chained right before a phrase (并未大幅减持)."""
    chain: list[Hit[Modifier]] = []
    cursor = hit.start
    for mod in reversed(modifiers):
        if mod.end > cursor:
            continue
        gap = text[mod.end : cursor]
        limit = _MAX_GAP_LATIN if text[cursor - 1 : cursor].isascii() else _MAX_GAP_ZH
        if len(gap) > limit or _CLAUSE_BREAK.search(gap):
            break
        if mod.value.kind == "block":
            break
        if mod.value.kind in ("neg", "deg"):
            chain.append(mod)
            cursor = mod.start
        if len(chain) == 3:
            break
    return chain


def _subject_before(text: str, start: int, modifiers: list[Hit[Modifier]]) -> Hit[Modifier] | None:
    """A bad-when-rising subject (成本, 亏损, debt) in the same clause before a direction word."""
    for mod in reversed(modifiers):
        if mod.end > start:
            continue
        if start - mod.end > _SUBJECT_REACH or _CLAUSE_BREAK.search(text, mod.end, start):
            return None
        if mod.value.kind == "subj":
            return mod
    return None


def _lead(text: str) -> tuple[int, float]:
    """Where the lead ends, and the half-life of a phrase's weight after it (in characters).

    English needs about three characters for what Chinese says in one.
    """
    scale = 3 if text[:200].isascii() else 1
    end = len(text)
    for n, match in enumerate(_SENTENCE_BREAK.finditer(text, 0, LEAD_MAX * scale), 1):
        if n == LEAD_SENTENCES:
            end = match.end()
            break
    return max(LEAD_MIN * scale, min(end, LEAD_MAX * scale)), LATE_HALF_LIFE * scale


def _magnitude(text: str, end: int) -> float:
    """How much a move says by its size: the percent right after the phrase (涨5.3%)."""
    match = _PERCENT_AFTER.match(text, end)
    if match is None:
        return 1.0
    size = float(match.group(1))
    return next(factor for limit, factor in PERCENT_BANDS if size <= limit)


def _contrast_factor(text: str, position: int) -> float:
    """More weight after a 但/然而 in the same sentence, less before one."""
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text, max(0, position - 200), position):
        begin = match.end()
    if _CONTRAST.search(text, begin, position):
        return CONTRAST_AFTER
    stop = _SENTENCE_BREAK.search(text, position)
    end = stop.start() if stop else min(len(text), position + 200)
    if _CONTRAST.search(text, position, end):
        return CONTRAST_BEFORE
    return 1.0


def _clause(text: str, position: int) -> str:
    """The clause before `position` (at most 40 characters back)."""
    begin = max(0, position - 40)
    for match in _CLAUSE_BREAK.finditer(text, begin, position):
        begin = match.end()
    return text[begin:position]


def _asked_spans(text: str) -> list[tuple[int, int]]:
    """The spans where an investor asks (问：… up to 答：), in Q&A items: a question states
    nothing about the company, whatever words it uses (亏损, 内幕交易)."""
    if "问" not in text and "投资者" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for match in _ASK.finditer(text):
        answer = _ANSWER.search(text, match.end())
        spans.append((match.end(), answer.start() if answer else len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


def _in_question(text: str, end: int) -> bool:
    """Whether the sentence holding `end` ends with a question mark."""
    match = _SENTENCE_BREAK.search(text, end)
    return match is not None and match.group() in "？?"


def _led_by_other(
    text: str, position: int, subjects: Sequence[tuple[int, int, str]], focus: str
) -> bool:
    """Whether the sentence holding `position` first names a company other than `focus`."""
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text, 0, position):
        begin = match.end()
    for s, _e, name in subjects:
        if s >= begin:
            return s < position and name != focus
    return False


def _verdict(contributions: list[Contribution]) -> SentimentResult:
    positive = sum(c.value for c in contributions if c.value > 0)
    negative = -sum(c.value for c in contributions if c.value < 0)
    score = (positive - negative) / (positive + negative + PRIOR)
    label = BULLISH if score >= THRESHOLD else BEARISH if score <= -THRESHOLD else NEUTRAL
    ranked = sorted(contributions, key=lambda c: -abs(c.value))
    if label == BULLISH:
        deciding = [c for c in ranked if c.value > 0]
    elif label == BEARISH:
        deciding = [c for c in ranked if c.value < 0]
    else:
        deciding = ranked
    evidence = list(dict.fromkeys(c.text for c in deciding))[:5]
    return SentimentResult(
        label,
        round(score, 3),
        evidence,
        _reason(label, positive, negative, evidence),
        contributions,
    )


def _reason(label: str, positive: float, negative: float, evidence: list[str]) -> str:
    if not evidence:
        return "no sentiment phrase from the finance lexicon"
    quoted = "、".join(evidence)
    return f"{label}: bullish weight {positive:.1f} vs bearish {negative:.1f} ({quoted})"
