"""Search tokens for Chinese and English text, the same for documents and queries.

Both search backends index these tokens, so SQLite and PostgreSQL rank on identical terms.
Chinese is cut by jieba-rs with the team's finance dictionary (so 云锋基金 or 市盈率 stay
whole); documents are cut in search mode, which also emits the shorter words inside long
ones, so a query for 云锋 still finds 云锋基金.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import rjieba

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_TOKEN_OK = re.compile(r"^[\w.]+$")
_EDGE_DOTS = re.compile(r"^\.+|\.+$")


def _data_lines(name: str) -> list[str]:
    text = resources.files("touyan.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def segmenter() -> rjieba.Jieba:
    """The jieba instance with the finance dictionary loaded, built once per process."""
    jieba = rjieba.Jieba()
    for line in _data_lines("finance_dict.txt"):
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 20000
        tag = parts[2] if len(parts) > 2 else "n"
        jieba.add_word(word, freq, tag)
    for name in _entity_names():
        jieba.add_word(name, 20000, "nz")
    return jieba


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _entity_names() -> list[str]:
    """Chinese names and short names from the entity dictionary.

    Knowing the short name (云锋, 茅台) as a word is what lets search mode emit it inside the
    full name, so a query for the short name finds documents that use only the full one.
    """
    text = resources.files("touyan.data").joinpath("entities.json").read_text(encoding="utf-8")
    names: list[str] = []
    for record in json.loads(text):
        for name in [record["name"], *record.get("aliases", [])]:
            if len(name) > 1 and _CJK.search(name) and " " not in name:
                names.append(name)
    return names


def add_words(words: list[str]) -> None:
    """Teach the segmenter names it did not know (entities added by users)."""
    jieba = segmenter()
    for word in words:
        if len(word) > 1:
            jieba.add_word(word, 20000, "nz")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_data_lines("stopwords_zh.txt") + _data_lines("stopwords_en.txt"))


_CLEANED: dict[str, str] = {}
_CLEANED_MAX = 500_000


def _clean_token(token: str, stop: frozenset[str]) -> str:
    """The index form of one raw token, or "" when it is punctuation or a stopword."""
    token = token.strip().lower()
    if not token or not _TOKEN_OK.match(token):
        return ""
    token = _EDGE_DOTS.sub("", token)
    return "" if token in stop or token == "_" else token


def _clean(raw: list[str], stop: frozenset[str]) -> list[str]:
    """Raw tokens repeat heavily across a corpus, so each distinct one is cleaned once.

    Most documents bring a few tokens never seen before: those are found by a set
    difference (in C), so Python only touches the new ones, never every token.
    """
    cache = _CLEANED
    new = set(raw).difference(cache)
    if new:
        if len(cache) + len(new) > _CLEANED_MAX:
            cache.clear()  # a bounded memo: dropping it only costs re-cleaning
            new = set(raw)
        for token in new:
            cache[token] = _clean_token(token, stop)
    return list(filter(None, map(cache.__getitem__, raw)))


def tokenize(text: str) -> list[str]:
    """Index tokens of a document text, in order (repeats kept: they are term frequencies)."""
    text = _THOUSANDS.sub("", text)
    return _clean(segmenter().cut_for_search(text), stopwords())


def query_tokens(text: str) -> list[str]:
    """Distinct tokens of a user's query. Operators and quotes are just characters here."""
    text = _THOUSANDS.sub("", text)
    seen: dict[str, None] = {}
    for token in _clean(segmenter().cut(text), stopwords()):
        seen.setdefault(token, None)
    return list(seen)
