"""Currencies news writes in Chinese beyond the ones the number reader was first written for.

An amount written 40亿雷亚尔 or 49亿澳门元 is money in that currency: without the word in the
reader's table the figure is read bare, a number of nothing. Each word maps to its ISO code,
and each code to the word a Chinese report writes it with.
"""

from __future__ import annotations

import re

OTHER_CURRENCY_WORDS = {
    "澳元": "AUD",
    "澳大利亚元": "AUD",
    "加元": "CAD",
    "加拿大元": "CAD",
    "新西兰元": "NZD",
    "瑞郎": "CHF",
    "瑞士法郎": "CHF",
    "卢布": "RUB",
    "卢比": "INR",
    "雷亚尔": "BRL",
    "里拉": "TRY",
    "泰铢": "THB",
    "林吉特": "MYR",
    "兰特": "ZAR",
    "澳门元": "MOP",
    "澳门币": "MOP",
}
OTHER_CURRENCY_NAMES = {
    "AUD": "澳元",
    "CAD": "加元",
    "NZD": "新西兰元",
    "CHF": "瑞郎",
    "RUB": "卢布",
    "INR": "卢比",
    "BRL": "雷亚尔",
    "TRY": "里拉",
    "THB": "泰铢",
    "MYR": "林吉特",
    "ZAR": "兰特",
    "MOP": "澳门元",
}
# The words as one branch of the number reader's pattern, behind a look-ahead of their first
# characters so that a figure followed by none of them fails it at once.
OTHER_CURRENCY_PATTERN = (
    "(?=["
    + "".join(sorted({w[0] for w in OTHER_CURRENCY_WORDS}))
    + "])(?:"
    + "|".join(re.escape(w) for w in sorted(OTHER_CURRENCY_WORDS, key=len, reverse=True))
    + ")"
)
