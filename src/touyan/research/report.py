"""The finished report: verified, renumbered by document, with references from the store.

The writer cites evidence chunks; readers want one number per source document, as the seed
page shows. So the verifier runs on chunk ids first (exact), then markers are renumbered to
document references in order of first citation, and the reference list is built from the
stored Document records — never from anything a model wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from touyan.facts.entities import EntityDictionary
from touyan.facts.verify import Verification, verify
from touyan.research.evidence import EvidenceSet

_MARKERS = re.compile(r"(?:\[\d{1,3}\])+")
_ONE = re.compile(r"\[(\d{1,3})\]")


@dataclass(slots=True)
class Report:
    body: str  # Markdown with [n] markers naming `references`
    references: list[dict[str, Any]]
    verification: dict[str, Any]


def finalize(
    body: str,
    evidence: EvidenceSet,
    *,
    entities: EntityDictionary | None,
    strict: bool,
) -> Report:
    result = verify(body, evidence.for_verifier(), entities=entities, strict=strict)
    renumbered, references = renumber(result.markdown, evidence)
    return Report(renumbered, references, verification_json(result))


def verification_json(result: Verification) -> dict[str, Any]:
    unsupported = [
        {
            "text": s.text[:300],
            "status": s.status,
            "numbers": [n.text for n in s.numbers if not n.supported],
            "missing_entities": s.missing_entities,
        }
        for s in result.sentences
        if s.is_claim and s.status != "supported"
    ]
    return {**result.summary, "unsupported_sentences": unsupported[:50]}


def renumber(markdown: str, evidence: EvidenceSet) -> tuple[str, list[dict[str, Any]]]:
    """Chunk markers → document references numbered by first citation; repeats merged."""
    numbers: dict[int, int] = {}
    references: list[dict[str, Any]] = []

    def ref_for(evidence_id: int) -> int | None:
        item = evidence.get(evidence_id)
        if item is None:
            return None
        if item.document_id not in numbers:
            numbers[item.document_id] = len(references) + 1
            references.append(
                {
                    "n": len(references) + 1,
                    "document_id": item.document_id,
                    "chunk_ids": [],
                    "title": item.title,
                    "publisher": item.publisher,
                    "url": item.url,
                    "published_at": item.published_at.isoformat() if item.published_at else None,
                }
            )
        ref = references[numbers[item.document_id] - 1]
        if item.chunk_id not in ref["chunk_ids"]:
            ref["chunk_ids"].append(item.chunk_id)
        return numbers[item.document_id]

    def repl(match: re.Match[str]) -> str:
        out: list[int] = []
        for raw in _ONE.findall(match.group()):
            n = ref_for(int(raw))
            if n is not None and n not in out:
                out.append(n)
        return "".join(f"[{n}]" for n in out)

    return _MARKERS.sub(repl, markdown), references
