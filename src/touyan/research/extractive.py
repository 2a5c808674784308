"""The offline writer's core: choosing evidence sentences that answer a question.

Sentences are quoted, never paraphrased, and each keeps its evidence id, so what the offline
engine writes is supported by construction; the verifier still checks it like any draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from touyan.research.evidence import EvidenceItem
from touyan.text.lang import detect_language
from touyan.text.numbers import parse_numbers
from touyan.text.segment import query_tokens
from touyan.text.sentences import sentence_spans

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# Text that talks to the reader's assistant rather than about the world is never quoted.
_INSTRUCTION = re.compile(
    r"忽略(?:以上|之前|上述|前面)|无视(?:以上|之前)|系统提示|指令"
    r"|(?:ignore|disregard) (?:all |the )?(?:previous|above)"
    r"|system prompt|you are now|as an ai",
    re.IGNORECASE,
)
_MARKDOWN_NOISE = re.compile(r"^[#>*\-|+\s]+|\*\*")
_TERMINAL = "。！？!?；;."
_MIN_CHARS = 12
_MAX_CHARS = 260


@dataclass(frozen=True, slots=True)
class Picked:
    text: str  # the sentence as quoted, without its final punctuation
    end: str  # its final punctuation (。 or .)
    evidence_id: int
    score: float
    order: tuple[float, int]  # (publication time, position) for chronological ordering
    tokens: frozenset[str]
    has_number: bool

    def cited(self) -> str:
        """The sentence with its marker before the final punctuation, as the seed page cites."""
        return f"{self.text}[{self.evidence_id}]{self.end}"


def clean_sentence(raw: str) -> str:
    return _MARKDOWN_NOISE.sub("", raw).strip()


def quotable(sentence: str) -> bool:
    if len(sentence) < _MIN_CHARS or len(sentence) > _MAX_CHARS:
        return False
    if _URL.search(sentence) or _INSTRUCTION.search(sentence) or "|" in sentence:
        return False
    return not sentence.startswith(("title:", "date:", "source", "tags:", "---"))


def candidates(
    items: Iterable[EvidenceItem],
    terms: Sequence[str],
    names: Sequence[str],
    language: str,
    extra_terms: Sequence[str] = (),
    years: frozenset[str] = frozenset(),
    require_name: bool = False,
    free_documents: frozenset[int] = frozenset(),
    figure_terms: Sequence[str] = (),
) -> list[Picked]:
    """Every quotable sentence of the evidence, scored by the terms and names it contains.

    A sentence must share a content word with the question (or the step) beyond the names
    and bare numbers: naming 小米 alone does not make a sentence about 小米's 2014 round.
    With `require_name` it must name one of `names` (or come from a document whose title
    does), and that is enough. `figure_terms` (other words for what the question asks:
    出资 for 投资) admit a sentence only when it also states a figure, as an answer would.
    """
    name_set = {n.lower() for n in names}
    wanted = {t for t in terms if _content(t) and t not in name_set}
    extra = {t for t in extra_terms if _content(t) and t not in name_set} - wanted
    figure_words = {t for t in figure_terms if _content(t) and t not in name_set} - wanted - extra
    out: list[Picked] = []
    for rank, item in enumerate(items):
        published = item.published_at.timestamp() if item.published_at else 0.0
        # A document whose title names the subject is about it in every sentence.
        about_title = any(n and n in item.title for n in names)
        for start, end in sentence_spans(item.text):
            raw = clean_sentence(item.text[start:end])
            if not quotable(raw):
                continue
            body, stop = _split_end(raw, language)
            tokens = frozenset(query_tokens(body))
            overlap = len(tokens & wanted) + 0.6 * len(tokens & extra)
            named = len({n for n in names if n and n in body})
            has_number = bool(parse_numbers(body))
            if has_number:
                overlap += 0.6 * len(tokens & figure_words)
            if require_name and names and not (named or about_title):
                continue
            # Naming the subject is enough only when the question asks about nothing more
            # specific ("这篇新闻说了什么？"), or the sentence is from the article in view.
            loose = not (wanted or extra) or item.document_id in free_documents
            if not overlap and not (require_name and loose and (named or about_title)):
                continue
            same_language = detect_language(body) == language
            score = (
                overlap * 1.0
                + named * 1.5
                + (0.8 if has_number else 0.0)
                + (1.0 if any(y in body for y in years) else 0.0)
                + (0.6 if same_language else -0.8)
                - rank * 0.05
            )
            out.append(Picked(body, stop, item.id, score, (published, start), tokens, has_number))
    return out


def _content(token: str) -> bool:
    """A word that says what a sentence is about: not a number, not a lone character."""
    return not token.replace(".", "").isdigit() and len(token) >= (3 if token.isascii() else 2)


def question_years(since: dt.date | None, until: dt.date | None) -> frozenset[str]:
    """The years a question names (2014年 → {"2014"}), for a bonus on sentences in them."""

    if since is None or until is None:
        return frozenset()
    return frozenset(str(y) for y in range(since.year, min(until.year, since.year + 5) + 1))


def choose(
    pool: list[Picked],
    k: int,
    used: set[frozenset[str]] | None = None,
    *,
    numbers_first: bool = False,
    by_rank: bool = False,
) -> list[Picked]:
    """The best k sentences, no two saying nearly the same thing, in chronological order
    (or best first, with `by_rank`: a list of key points leads with the most relevant)."""
    used = used if used is not None else set()
    ranked = sorted(
        pool, key=lambda p: (-(p.score + (1.0 if numbers_first and p.has_number else 0.0)), p.order)
    )
    chosen: list[Picked] = []
    for p in ranked:
        if len(chosen) >= k:
            break
        if any(_similar(p.tokens, u) for u in used):
            continue
        chosen.append(p)
        used.add(p.tokens)
    return chosen if by_rank else sorted(chosen, key=lambda p: p.order)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) > 0.55


def _split_end(sentence: str, language: str) -> tuple[str, str]:
    body = sentence.rstrip()
    end = ""
    while body and body[-1] in _TERMINAL:
        end = body[-1] + end
        body = body[:-1]
    if not end or end[-1] in "；;":
        end = "。" if detect_language(body) == "zh" else "."
    return body, end[-1] if end[-1] != "." or detect_language(body) != "zh" else "。"


def bold_figures(sentence: str) -> str:
    """Key money figures and percentages in bold, as the seed page sets them."""
    out: list[str] = []
    cursor = 0
    for q in parse_numbers(sentence):
        if q.unit not in ("money", "%"):
            continue
        start, end = q.span
        out.append(sentence[cursor:start])
        out.append(f"**{sentence[start:end]}**")
        cursor = end
    out.append(sentence[cursor:])
    return "".join(out)
