"""All labels of one document at once: sentiment, market, tags, summary, and why.

The offline labellers share one entity scan and the search tokens the document already has,
so labelling at ingest costs tens of microseconds. With a model configured, one checked call
gives all labels, and any failure falls back to the offline ones (see `llm.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from touyan.analysis.market import classify_market, entity_market
from touyan.analysis.sentiment import score_sentiment
from touyan.analysis.summary import summarize
from touyan.analysis.tags import (
    Idf,
    TagResult,
    TagTerms,
    count_tag_terms,
    keywords,
    weigh_tags,
)
from touyan.facts.entities import EntityDictionary, Mention, bundled_dictionary
from touyan.llm.base import Provider
from touyan.text.lang import detect_language

_SUBJECT_KINDS = frozenset({"company", "fund"})


@dataclass(slots=True)
class Labels:
    """A document's labels; `to_json` is what `touyan label --json` prints."""

    sentiment: str
    sentiment_score: float
    evidence_phrases: list[str]
    market: str
    tags: list[str]
    summary: str
    method: str = "offline"  # offline | llm
    reasons: dict[str, str] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    # What the tags were weighed from, so they can be re-weighed with other corpus statistics.
    tag_terms: TagTerms = field(default_factory=TagTerms, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "sentiment": self.sentiment,
            "sentiment_score": self.sentiment_score,
            "evidence_phrases": list(self.evidence_phrases),
            "market": self.market,
            "tags": list(self.tags),
            "summary": self.summary,
        }

    def stored(self) -> dict[str, Any]:
        """The `documents.labels` JSON: how and why the labels were given."""
        return {
            "method": self.method,
            "evidence_phrases": list(self.evidence_phrases),
            "reasons": dict(self.reasons),
            "keywords": list(self.keywords),
        }


class Labeller:
    """Offline labels from lexicons, the entity dictionary and corpus IDF; LLM when given one."""

    def __init__(
        self,
        entities: EntityDictionary | None = None,
        idf: Idf | None = None,
        provider: Provider | None = None,
    ) -> None:
        self.entities = entities if entities is not None else _bundled()
        self.idf = idf or Idf()
        self.provider = provider

    def label(
        self,
        text: str,
        title: str = "",
        *,
        tokens: Sequence[str] | None = None,
        language: str | None = None,
        mentions: Sequence[Mention] | None = None,
    ) -> Labels:
        """Labels of one document; `tokens` are its search tokens when already computed, and
        `mentions` its entity mentions (`entities.find(text)`)."""
        offline = self.offline(text, title, tokens=tokens, language=language, mentions=mentions)
        if self.provider is None:
            return offline
        from touyan.analysis.llm import llm_labels  # the model path is optional

        return llm_labels(text, title, self.provider, offline, entities=self.entities)

    def offline(
        self,
        text: str,
        title: str = "",
        *,
        tokens: Sequence[str] | None = None,
        language: str | None = None,
        mentions: Sequence[Mention] | None = None,
        weigh_tags_now: bool = True,
    ) -> Labels:
        """The lexicon and rule labels, never calling a model.

        With `weigh_tags_now=False` the tag terms are only counted (`tags` stays empty, its
        reason blank) for a caller that weighs them later with other corpus statistics,
        as ingest's writer does: weighing them here too would be thrown away.
        """
        language = language or detect_language(title + "\n" + text)
        if not text.strip() and not title.strip():
            return Labels(
                "neutral",
                0.0,
                [],
                "cn_a" if language == "zh" else "other",
                [],
                "",
                reasons={"all": "empty text"},
            )
        found = list(mentions) if mentions is not None else self.entities.find(text)
        focus = _focus(title, found)
        companies = [
            (m.start, m.end, m.entity.name) for m in found if m.entity.kind in _SUBJECT_KINDS
        ]
        sentiment = score_sentiment(text, title, subjects=companies, focus=focus)
        market = classify_market(
            text,
            title,
            entities=[(m.start, m.entity.name, entity_market(m.entity)) for m in found],
            language=language,
        )
        tag_terms = count_tag_terms(text, title, mentions=found)
        tags = weigh_tags(tag_terms, self.idf) if weigh_tags_now else TagResult([])
        summary = summarize(
            text,
            title,
            language=language,
            highlights=[c.start for c in sentiment.contributions if not c.in_title],
        )
        return Labels(
            sentiment=sentiment.label,
            sentiment_score=sentiment.score,
            evidence_phrases=sentiment.evidence,
            market=market.market,
            tags=tags.tags,
            summary=summary,
            method="offline",
            reasons={
                "sentiment": sentiment.reason,
                "market": market.reason,
                "tags": tags.reason,
                "summary": "extractive: lead, title overlap, figures, labelled phrases",
            },
            # Keywords serve related-article search over stored documents, which always come
            # with their search tokens; labelling a bare text skips segmenting it.
            keywords=keywords(tokens, self.idf) if tokens is not None else [],
            tag_terms=tag_terms,
        )

    def columns(
        self,
        text: str,
        title: str,
        *,
        tokens: Sequence[str] | None = None,
        language: str | None = None,
        source_tags: Sequence[str] = (),
        source_summary: str | None = None,
        mentions: Sequence[Mention] | None = None,
    ) -> dict[str, Any]:
        """The `documents` columns for these labels, keeping what the source itself gave.

        A source's own tags and summary (front matter, feed categories) were chosen by its
        author: they stay, first, and the computed tags are added after them (without
        repeats), so filtering by the controlled vocabulary works on every document.
        """
        labels = self.label(text, title, tokens=tokens, language=language, mentions=mentions)
        return label_columns(labels, source_tags=source_tags, source_summary=source_summary)


def label_columns(
    labels: Labels, *, source_tags: Sequence[str] = (), source_summary: str | None = None
) -> dict[str, Any]:
    """Row values for `documents` (sentiment, sentiment_score, market, labels, tags, summary)."""
    own = [t for t in dict.fromkeys(source_tags) if t]
    seen = {t.lower().lstrip("#") for t in own}
    tags = own + [t for t in labels.tags if t.lower() not in seen]
    stored = labels.stored()
    stored["source_tags"] = own
    stored["summary_source"] = "source" if source_summary else labels.method
    return {
        "sentiment": labels.sentiment,
        "sentiment_score": labels.sentiment_score,
        "market": labels.market,
        "labels": stored,
        "tags": tags,
        "summary": source_summary or labels.summary or None,
    }


def _focus(title: str, mentions: list[Mention]) -> str | None:
    """The company the item is about: the first one the title names, else the most named."""
    companies = [m for m in mentions if m.entity.kind in _SUBJECT_KINDS]
    for m in companies:
        if title and m.text in title:
            return m.entity.name
    counts = Counter(m.entity.name for m in companies)
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=1)
def _bundled() -> EntityDictionary:
    return bundled_dictionary()


_DEFAULT: list[Labeller] = []


def label_text(text: str, title: str = "", provider: Provider | None = None) -> Labels:
    """Labels of a text with the bundled dictionary (offline unless a provider is given)."""
    if not _DEFAULT:
        _DEFAULT.append(Labeller())
    labeller = _DEFAULT[0]
    if provider is not None:
        labeller = Labeller(labeller.entities, labeller.idf, provider)
    return labeller.label(text, title)
