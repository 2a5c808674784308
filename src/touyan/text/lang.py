"""Language detection good enough for routing: zh when Han characters carry the text."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """'zh' or 'en' (or 'und' for text with no letters).

    Financial Chinese text is full of Latin tickers and names, so a text counts as Chinese
    once Han characters are a fifth of the letters; English words count as ~5 letters each.
    """
    sample = text[:4000]
    han = len(_HAN.findall(sample))
    latin_words = len(_LATIN.findall(sample))
    if han == 0 and latin_words == 0:
        return "und"
    if han * 4 >= latin_words * 5 or han >= 50:
        return "zh"
    return "en"
