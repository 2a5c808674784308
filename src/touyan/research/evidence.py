"""Evidence: the chunks a run may cite, each with a stable id the writer uses as [id].

Ids are handed out as chunks are retrieved and never change within a run, so a marker in a
draft always names the same text; a marker naming no id here is removed by the verifier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from touyan.facts.verify import Evidence
from touyan.text.numbers import Quantity, quantity_in

# How much of one chunk a prompt or a stored run keeps: bounded prompts, bounded rows.
MAX_EVIDENCE_CHARS = 1_200


@dataclass(frozen=True, slots=True)
class FactNote:
    """A stored fact of an evidence chunk, as the writer's tables use it."""

    subject: str
    metric: str
    object: str | None
    value: Decimal
    unit: str
    currency: str | None
    as_of: dt.date | None
    quote: str
    confidence: float = 1.0  # touyan.facts.confidence (runs stored before it have none)

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "metric": self.metric,
            "object": self.object,
            "value": format(self.value, "f"),
            "unit": self.unit,
            "currency": self.currency,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "quote": self.quote,
            "confidence": self.confidence,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FactNote:
        as_of = data.get("as_of")
        return cls(
            subject=data["subject"],
            metric=data["metric"],
            object=data.get("object"),
            value=Decimal(data["value"]),
            unit=data.get("unit") or "",
            currency=data.get("currency"),
            as_of=dt.date.fromisoformat(as_of) if as_of else None,
            quote=data.get("quote") or "",
            confidence=data.get("confidence", 1.0),
        )

    def quantity(self) -> Quantity | None:
        """The fact's value as the verifier compares it: read back from its own quote."""
        return quantity_in(self.quote, self.value, self.unit)


@dataclass(slots=True)
class EvidenceItem:
    id: int
    chunk_id: int
    document_id: int
    title: str
    publisher: str | None
    url: str | None
    published_at: dt.datetime | None
    text: str
    score: float = 0.0
    facts: list[FactNote] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "chunk_id": self.chunk_id,
            "document_id": self.document_id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "text": self.text,
            "score": round(self.score, 4),
            "facts": [f.to_json() for f in self.facts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EvidenceItem:
        published = data.get("published_at")
        return cls(
            id=int(data["id"]),
            chunk_id=int(data["chunk_id"]),
            document_id=int(data["document_id"]),
            title=data.get("title") or "",
            publisher=data.get("publisher"),
            url=data.get("url"),
            published_at=dt.datetime.fromisoformat(published) if published else None,
            text=data.get("text") or "",
            score=float(data.get("score") or 0.0),
            facts=[FactNote.from_json(f) for f in data.get("facts") or []],
        )

    def for_verifier(self) -> Evidence:
        quantities = tuple(q for f in self.facts if (q := f.quantity()) is not None)
        return Evidence(
            id=self.id,
            text=self.text,
            document_id=self.document_id,
            chunk_id=self.chunk_id,
            title=self.title,
            url=self.url,
            facts=quantities,
        )


class EvidenceSet:
    """All evidence of one run or answer, by id and by chunk (a chunk is added once)."""

    def __init__(self, items: Iterable[EvidenceItem] = ()) -> None:
        self.items: dict[int, EvidenceItem] = {}
        self._by_chunk: dict[int, int] = {}
        for item in items:
            self.items[item.id] = item
            self._by_chunk[item.chunk_id] = item.id

    def add(self, item: EvidenceItem) -> EvidenceItem:
        """The stored item for this chunk, or `item` under the next free id."""
        known = self._by_chunk.get(item.chunk_id)
        if known is not None:
            return self.items[known]
        item.id = len(self.items) + 1
        self.items[item.id] = item
        self._by_chunk[item.chunk_id] = item.id
        return item

    def get(self, evidence_id: int) -> EvidenceItem | None:
        return self.items.get(evidence_id)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[EvidenceItem]:
        return iter(self.items.values())

    def for_verifier(self) -> list[Evidence]:
        return [item.for_verifier() for item in self.items.values()]

    def to_json(self) -> list[dict[str, Any]]:
        return [item.to_json() for item in self.items.values()]

    @classmethod
    def from_json(cls, data: list[dict[str, Any]]) -> EvidenceSet:
        return cls(EvidenceItem.from_json(d) for d in data)
