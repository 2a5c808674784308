"""Whom or where an economy-wide word's figure is of: a company's figure in one market (苹果
公司去年四季度在印度的手机出货量: India's shipments, not the world's), and whom a bilateral
figure is with: 两国贸易总额, 双边贸易额 are the trade between the subject
and a partner the text named before (英国与印度…。2019年两国贸易总额为…; 我国和阿根廷建交50年来
…。2021年，双边贸易额同比增长…): the figure is the pair's, filed under the subject with the
partner as its object, not the subject's trade with the world."""

from __future__ import annotations

import re

from touyan.facts.economy import REGION, REGION_NAMES

# A label naming two parties together (两国, 双边, 双方).
BILATERAL = ("两国", "双边", "双方")
# Names for the whole world or no one country: no partner.
_NO_PARTNER = frozenset({"全球", "欧洲", "国内"})


# A country the text pairs with China in words, when no list of economies knows it (某国是中国
# 在拉美地区重要的合作伙伴, 中国与某国建交50年来).
_PAIRED = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?P<name>[\u4e00-\u9fff]{2,6}?)(?:是|为|系)(?:中国|我国)"
    r"|(?:中国|我国)(?:与|和|同)(?P<with>[\u4e00-\u9fff]{2,6}?)(?:的|之间|两国|双边|建交|签署)"
)
_PAIR_REACH = 300  # characters back to the sentence that pairs the two


def partner(text: str, subject: str, before: int) -> str | None:
    """The other economy of a bilateral figure stated at `before`: the last one the text
    names before it that is not the subject, else, for China's, the country the text pairs
    with it in words."""
    for found in reversed([*REGION.finditer(text, 0, before)]):
        name = found.group()
        if name in _NO_PARTNER:
            continue
        name = REGION_NAMES.get(name, name)
        if name != subject:
            return name
    if subject != "中国":
        return None
    paired = [*_PAIRED.finditer(text, max(0, before - _PAIR_REACH), before)]
    if not paired:
        return None
    name = paired[-1]["name"] or paired[-1]["with"]
    return None if REGION.search(name) else name


# 在印度的, 在美国市场的: the market a company's figure right after it is of.
_IN_MARKET = re.compile(rf"在(?P<region>{REGION.pattern})(?:市场|地区)?的$")


def market_of(text: str, clause_start: int, label_start: int) -> str | None:
    """The market named right before a company's label (在印度的手机出货量), if any."""
    if "在" not in text[max(clause_start, label_start - 12) : label_start]:
        return None
    found = _IN_MARKET.search(text, max(clause_start, label_start - 12), label_start)
    if found is None or found["region"] in _NO_PARTNER:
        return None
    return REGION_NAMES.get(found["region"], found["region"])
