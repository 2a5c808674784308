"""Ticker normalisation: one spelling per listing, whatever the source wrote.

600519, SH600519, 600519.SS and 600519.SH are one stock; 700.HK, 0700.HK and 00700.HK are
one stock; NASDAQ:AAPL and AAPL are one stock. Facts, entities and questions meet on the
normalised form.
"""

from __future__ import annotations

import re

_A_SHARE = re.compile(r"^(?:(SH|SZ|BJ)\s*)?(\d{6})(?:\.(SH|SS|SZ|BJ))?$")
_HK = re.compile(r"^(?:HK(?:EX)?\s*[:：]?\s*)?(\d{1,5})(?:\.HK)?$")
_US = re.compile(
    r"^(?:(?:NASDAQ|NYSE|AMEX|NYSEARCA|NYSEAMERICAN)\s*[:：]\s*)?([A-Z]{1,5}(?:\.[A-Z])?)$"
)


def a_share_exchange(code: str) -> str:
    """Exchange suffix of a 6-digit mainland code, by the exchanges' numbering rules."""
    if code.startswith(("60", "68", "90", "5")):
        return "SH"
    if code.startswith(("4", "8", "92")):
        return "BJ"
    return "SZ"


def normalize_ticker(raw: str, *, hint: str | None = None) -> str | None:
    """The canonical ticker, or None when `raw` is not shaped like one.

    `hint` ("hk", "cn_a", "us") settles bare numbers: 1810 is a Hong Kong code only when the
    text says so (".HK", 港股, HKEX) — a bare 4-digit number is more often a year.
    """
    value = raw.strip().upper().replace("．", ".")
    if match := _A_SHARE.match(value):
        prefix, code, suffix = match.groups()
        exchange = (suffix or prefix or a_share_exchange(code)).replace("SS", "SH")
        return f"{code}.{exchange}"
    has_hk_marker = value.endswith(".HK") or value.startswith("HK")
    if (has_hk_marker or hint == "hk") and (match := _HK.match(value)):
        return f"{int(match.group(1)):04d}.HK"
    if match := _US.match(value):
        return match.group(1)
    return None
