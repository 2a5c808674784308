"""The analysis data files and the phrase matcher every labeller scans text with.

Each labeller looks for a few hundred known phrases; one Aho-Corasick pass in native code
finds them all, so labelling a document costs microseconds, not a Python loop per phrase.
Chinese phrases match anywhere; Latin ones only as whole words, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Generic, NamedTuple, TypeVar

import ahocorasick_rs

T = TypeVar("T")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_RECENT: list[tuple[str, str]] = []


def lower_ascii(text: str) -> str:
    """Lower-cased text with the offsets of the original (the matchers' input).

    Every labeller lowers the same title and text in turn; the last two results are kept
    (matched by identity, so a different string with equal content is simply redone).
    """
    for source, lowered in _RECENT:
        if source is text:
            return lowered
    lowered = text.lower()  # C fast path; same length for all but a few exotic letters
    if len(lowered) != len(text):
        lowered = text.translate(_ASCII_LOWER)
    _RECENT.insert(0, (text, lowered))
    del _RECENT[2:]
    return lowered


def data_rows(name: str, min_fields: int = 1) -> list[list[str]]:
    """Tab-separated rows of a file in touyan/data/analysis, comments and blanks skipped."""
    raw = resources.files("touyan.data").joinpath("analysis", name).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < min_fields:
            raise ValueError(f"{name}: expected {min_fields} tab-separated fields in {line!r}")
        rows.append(fields)
    return rows


class Hit(NamedTuple, Generic[T]):
    """A phrase found at text[start:end] (a tuple: labellers make thousands per second)."""

    start: int
    end: int
    value: T


class PhraseMatcher(Generic[T]):
    """Finds known phrases (longest first at each position) and returns their values."""

    def __init__(self, entries: Sequence[tuple[str, T]]) -> None:
        values: dict[str, T] = {}
        for phrase, value in entries:
            key = lower_ascii(phrase.strip())
            if key:
                values.setdefault(key, value)
        self._keys = list(values)
        self._values = [values[k] for k in self._keys]
        self._latin_start = [k[0].isascii() and k[0].isalnum() for k in self._keys]
        self._latin_end = [k[-1].isascii() and k[-1].isalnum() for k in self._keys]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            if self._keys
            else None
        )

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, lowered: str) -> Iterator[Hit[T]]:
        """Hits in text order over text already passed through `lower_ascii`."""
        if self._automaton is None:
            return
        n = len(lowered)
        for index, start, end in self._automaton.find_matches_as_indexes(lowered):
            if self._latin_start[index] and start > 0 and _wordish(lowered[start - 1]):
                continue
            if self._latin_end[index] and end < n and _wordish(lowered[end]):
                continue
            yield Hit(start, end, self._values[index])


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")
