"""An extractive summary: one to three sentences of the document, in its own language.

News puts the point first, so the lead sentence is favoured; sentences that share words
with the title, state figures, or hold the phrases the labellers found follow. Chosen
sentences keep their order in the text. Nothing is rewritten, so nothing can be invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from touyan.text.sentences import sentence_spans

MAX_CHARS = {"zh": 160, "en": 420}  # a summary longer than this stops adding sentences
MIN_SENTENCE = 8
SCAN_CHARS = 1500  # the point of a news item is in its first paragraphs
MAX_CANDIDATES = 12
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_QUESTION = re.compile(r"[？?]")
_HEADING = re.compile(r"^(?:#+\s|[一二三四五六七八九十]+、|\d+(?:\.\d+)*\s|[-*•]\s)")


def summarize(
    text: str,
    title: str = "",
    *,
    language: str = "zh",
    highlights: Sequence[int] = (),
    max_sentences: int = 3,
) -> str:
    """The summary of `text`; `highlights` are offsets of phrases the labellers found."""
    limit = MAX_CHARS.get(language, 160)
    if len(text) <= limit and text.count("\n") < max_sentences:
        whole = sentence_spans(text)
        if len(whole) <= max_sentences and not _QUESTION.search(text):
            return text.strip()  # a news flash is its own summary
    spans = [
        (s, e)
        for s, e in sentence_spans(text[:SCAN_CHARS])
        if e - s >= MIN_SENTENCE and _in_language(text[s:e], language)
    ]
    spans = [(s, e) for s, e in spans if not _is_title_or_heading(text[s:e], title)] or spans
    if not spans:
        return text.strip()[: MAX_CHARS.get(language, 160)]
    if len(text) <= 2 * limit:
        return _lead(text, spans, limit)  # a short item: its lead is its summary
    spans = spans[:MAX_CANDIDATES]
    wanted = 1 if len(text) < 200 else 2 if len(text) < 1200 else max_sentences
    title_grams = _bigrams(title)
    scored: list[tuple[float, int, int]] = []
    for rank, (s, e) in enumerate(spans):
        sentence = text[s:e]
        score = 1.0 / (1 + rank)
        if title_grams:
            score += sum(1 for g in title_grams if g in sentence) / len(title_grams)
        if _DIGIT.search(sentence):
            score += 0.2
        score += 0.15 * min(3, sum(1 for h in highlights if s <= h < e))
        if e - s > 300:
            score -= 0.5
        if sentence.rstrip('”"」』）) ').endswith(("？", "?")):
            score -= 1.0  # a question reports nothing
        scored.append((score, s, e))
    scored.sort(key=lambda x: -x[0])
    chosen: list[tuple[int, int]] = []
    length = 0
    for _score, s, e in scored:
        if len(chosen) >= wanted or (chosen and length + (e - s) > limit):
            break
        chosen.append((s, e))
        length += e - s
    chosen.sort()
    joiner = " " if language == "en" else ""
    summary = joiner.join(text[s:e] for s, e in chosen)
    return summary if len(summary) <= 2 * limit else summary[: 2 * limit].rstrip() + "…"


def _lead(text: str, spans: list[tuple[int, int]], limit: int) -> str:
    """The first statements of a short text, up to `limit` characters (at least one)."""
    chosen: list[tuple[int, int]] = []
    for s, e in spans:
        sentence = text[s:e]
        if sentence.rstrip('”"」』）) ').endswith(("？", "?")):
            continue
        if chosen and sum(b - a for a, b in chosen) + (e - s) > limit:
            break
        chosen.append((s, e))
    chosen = chosen or spans[:1]
    joiner = "" if _HAN.search(text) else " "
    return joiner.join(text[s:e] for s, e in chosen)


def _in_language(sentence: str, language: str) -> bool:
    has_han = _HAN.search(sentence) is not None
    return has_han if language == "zh" else not has_han if language == "en" else True


def _is_title_or_heading(sentence: str, title: str) -> bool:
    return bool(_HEADING.match(sentence)) or (bool(title) and sentence.strip() == title.strip())


def _bigrams(text: str) -> set[str]:
    """The title's overlap units: character bigrams for Chinese, words for English."""
    if _HAN.search(text):
        return {text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].isalnum()}
    return set(re.findall(r"[A-Za-z0-9]{3,}", text))
