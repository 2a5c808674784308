"""Unicode normalisation that keeps character offsets meaningful.

Chunks store char offsets into the document text, and citations point at those offsets,
so the text is normalised once, before it is stored; everything later indexes that form.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), no control chars, tidy whitespace.

    Chinese punctuation such as ，。： is kept as it is: NFKC maps the full-width comma to ','
    which would merge with thousands separators, so those are restored after folding.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "".join(_fold(ch) for ch in text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


_KEEP = frozenset("，。：；！？（）【】「」『』、“”‘’《》〈〉…—～")


def _fold(ch: str) -> str:
    if ch in _KEEP or ch < "\u00a0":
        return ch
    return unicodedata.normalize("NFKC", ch)


def normalize_query(text: str) -> str:
    """A query gets the same folding as documents, so both meet in one token space."""
    return normalize_text(text)
