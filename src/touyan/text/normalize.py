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
    text = _fold(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


# Chinese punctuation that NFKC would turn into ASCII. Each is parked in the Private Use
# Area (which NFKC leaves alone) while the whole text is folded in one C-level pass, then put
# back; str.replace per character beats a translate table on long texts.
_KEEP = "，：；！？（）…～"
_PARKED = [(ch, chr(0xF0000 + i)) for i, ch in enumerate(_KEEP)]


def _fold(text: str) -> str:
    if text.isascii():
        return text
    for ch, parked in _PARKED:
        text = text.replace(ch, parked)
    text = unicodedata.normalize("NFKC", text)
    for ch, parked in _PARKED:
        text = text.replace(parked, ch)
    return text


def normalize_query(text: str) -> str:
    """A query gets the same folding as documents, so both meet in one token space."""
    return normalize_text(text)
