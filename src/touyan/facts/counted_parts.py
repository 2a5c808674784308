"""What a bare sum is of, when the clause before it counts things.

An economy's release counts things and then sums them in the next clause (全国累计某某信托备案
突破700单、达773单，财产规模达39.35亿元; 其中2021年新设立某某信托共计227单，财产规模达…): the
sum is those things', a part of the economy named by the counted clause's words, not the
economy's whole. Read only for a sum labelled bare (规模, 财产规模, 总额) opening its clause.
"""

from __future__ import annotations

import re

# A clause that ends on a count of things (达773单, 共计227只, 发行45笔).
_COUNT_END = re.compile(r"\d+(?:\.\d+)?\s*(?:单|只|笔|项|支|个|家)\s*$")
# Its opening words, after a date, the nation's word or a tally's, up to the verb of the count:
# the things counted (慈善信托, 新设立慈善信托).
_COUNTED = re.compile(
    r"\s*(?:其中|此外)?[，,]?\s*(?:(?:19|20)\d{2}年(?:末|底|度)?)?(?:全国|全省|全市|我国)?"
    r"(?:累计|共)?(?P<thing>[\u4e00-\u9fff]{2,10}?)"
    r"(?=备案|登记|共计|累计|合计|突破|达到?|超过|为|\d)"
)
# A sum labelled with no name of what it sums.
BARE_SUM = re.compile(r"(?:财产|资产|发行|募集|合同)?(?:规模|总额|金额|余额)")


def counted_thing(text: str, sentence_start: int, clause_start: int) -> str | None:
    """The things the clause right before `clause_start` counts (全国累计某某信托备案突破700单、
    达773单，): what a bare sum opening the next clause is of. None when that clause ends on no
    count."""
    if clause_start - 1 <= sentence_start:
        return None
    lo = max(
        sentence_start, *(text.rfind(c, sentence_start, clause_start - 1) + 1 for c in "，,；;")
    )
    if not _COUNT_END.search(text, lo, clause_start - 1):
        return None
    found = _COUNTED.match(text, lo, clause_start - 1)
    return found["thing"] if found is not None else None
