"""What a prepared document's text says — mentions, rule facts, offline labels — found before
any database work, so it can run in worker processes (see `workers.py`).

Everything here depends on the text and the entity dictionary only. The two labels weighed
by corpus statistics (tags, keywords) are finished by the writer, with the store's IDF as it
is when the document's batch is written (`with_corpus_idf`); the tags' terms are counted
here, so the writer only weighs them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from touyan.analysis.labels import Labeller, Labels
from touyan.analysis.tags import (
    KEYWORD_SCAN_TOKENS,
    Idf,
    LeadCounts,
    lead_counts,
    weigh_keywords,
    weigh_tags,
)
from touyan.facts.entities import EntityDictionary, Mention
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.ingest.prepare import PreparedDocument, prepare
from touyan.ingest.sources.base import RawDocument


@dataclass(slots=True)
class Analysis:
    """One document's dictionary scan, rule facts and IDF-free offline labels (picklable)."""

    mentions: list[Mention]
    facts: list[ExtractedFact]
    labels: Labels
    lead: LeadCounts  # what `keywords` reads, counted; the writer only weighs it


class Analyser:
    """Prepares and analyses raw documents with one entity dictionary."""

    def __init__(self, dictionary: EntityDictionary, *, chunk_chars: int) -> None:
        self.dictionary = dictionary
        self.chunk_chars = chunk_chars
        # Without corpus statistics: tags and keywords are reweighed by `with_corpus_idf`.
        self.labeller = Labeller(dictionary, Idf())

    def prepare(self, raw: RawDocument) -> PreparedDocument:
        """`prepare` plus the analysis; raises SourceError for a document without text."""
        doc = prepare(raw, chunk_chars=self.chunk_chars)
        doc.analysis = self.analyse(doc)
        return doc

    def analyse(self, doc: PreparedDocument) -> Analysis:
        mentions = self.dictionary.find(doc.text)
        facts = extract_facts(
            doc.text,
            title=doc.title,
            published_at=doc.published_at.date() if doc.published_at else None,
            entities=self.dictionary,
            mentions=mentions,
        )
        labels = self.labeller.offline(
            doc.text,
            doc.title,
            tokens=None,
            language=doc.language,
            mentions=mentions,
            weigh_tags_now=False,
        )
        return Analysis(mentions, facts, labels, lead_counts(_lead_tokens(doc)))


def with_corpus_idf(analysis: Analysis, idf: Idf) -> Labels:
    """The labels with tags and keywords weighed by `idf`, as `Labeller.offline` weighs them;
    the tag terms and the lead's tokens were counted with the analysis, so only the
    weighing happens here (in the writer, the one process that cannot be parallel)."""
    labels = analysis.labels
    if "all" in labels.reasons:  # nothing to label: no tags, no keywords
        return labels
    tags = weigh_tags(labels.tag_terms, idf)
    return dataclasses.replace(
        labels,
        tags=tags.tags,
        reasons={**labels.reasons, "tags": tags.reason},
        keywords=weigh_keywords(analysis.lead, idf),
    )


def _lead_tokens(doc: PreparedDocument) -> list[str]:
    """The search tokens `keywords` reads (the first KEYWORD_SCAN_TOKENS), without joining
    the rest of a long document's chunks."""
    lead: list[str] = []
    for chunk in doc.chunks:
        lead += chunk.tokens
        if len(lead) >= KEYWORD_SCAN_TOKENS:
            break
    return lead[:KEYWORD_SCAN_TOKENS]
