"""Whom a bilateral figure is with: 两国贸易总额, 双边贸易额 are the trade between the subject
and a partner the text named before (英国与印度…。2019年两国贸易总额为…; 我国和阿根廷建交50年来
…。2021年，双边贸易额同比增长…): the figure is the pair's, filed under the subject with the
partner as its object, not the subject's trade with the world."""

from __future__ import annotations

from touyan.facts.economy import REGION, REGION_NAMES

# A label naming two parties together (两国, 双边, 双方).
BILATERAL = ("两国", "双边", "双方")
# Names for the whole world or no one country: no partner.
_NO_PARTNER = frozenset({"全球", "欧洲", "国内"})


def partner(text: str, subject: str, before: int) -> str | None:
    """The other economy of a bilateral figure stated at `before`: the last one the text
    names before it that is not the subject."""
    for found in reversed([*REGION.finditer(text, 0, before)]):
        name = found.group()
        if name in _NO_PARTNER:
            continue
        name = REGION_NAMES.get(name, name)
        if name != subject:
            return name
    return None
