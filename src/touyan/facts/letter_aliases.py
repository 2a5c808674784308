"""A company's short capital letters in an English page about another company: a label, not it.

The dictionary knows some companies by a few capital letters (Eastbank Holdings as EBH). An
English filing of another company prints its own abbreviations in the same letters, as the
names of its segments and the heads of their rows:

    Acme Financial Corp. ... Selected metrics for each line of business:
    EBH
    ROE 31%
    Average deposits up 12%

There EBH is Acme's Enterprise Banking & Holdings segment, not the company the dictionary
knows by it: the figures read under it are the segment's, neither Eastbank's nor Acme's as a
whole, and are dropped. The letters name that company only when the page names it some other way too
(Eastbank Holdings, or its Chinese name), or when it is the company the page names most: an
English news story about Eastbank that writes EBH throughout still has it as its subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from touyan.facts.entities import Mention

# EBH, AB&C: a name of two to five capital letters, as abbreviations are written.
_LETTERS = re.compile(r"[A-Z][A-Z&]{1,4}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _letters_only(m: Mention) -> bool:
    return m.entity.kind == "company" and _LETTERS.fullmatch(m.text) is not None


def segment_letters(text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """The companies whose short capital letters an English page writes as its topic's own
    labels: named no other way on it and no more often than a company it names in full (the
    page's topic). Their facts are that company's segments', no facts of theirs."""
    letters = [m for m in mentions if _letters_only(m)]
    if not letters or _CJK.search(text):  # a Chinese text's CCB is the bank's (建行，CCB)
        return frozenset()
    named = Counter(m.entity.name for m in mentions)
    # companies the page names in full (Acme Financial Corp.), and how often the most named is
    in_full = {
        m.entity.name for m in mentions if m.entity.kind == "company" and not _letters_only(m)
    }
    if not in_full:
        return frozenset()
    topic = max(named[n] for n in in_full)
    return frozenset(
        m.entity.name
        for m in letters
        if m.entity.name not in in_full and named[m.entity.name] <= topic
    )
