"""Which product a company's volume figure is of, when the clause before named it.

A label opening the clause after a product's volume (…产品年产量…，年销量…) is that product's
figure, not the company's: read by the growth shapes and by labelled figures alike.
"""

from __future__ import annotations

import re

from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import KNOWN_METRICS

# A product's volume read under its own name (深加工产品年产量, 某某材料产能), and the clause
# right after its figure, whose label opens it (，年销量; ，2024年交付量). A bare name (某某材料
# 产能) is a product's only when its metric is the text's words, not a known label, and when
# it names no scope of the whole (公司产能, 国内产能).
_PART_VOLUME = re.compile(
    r"(?:^|的)(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:产品|业务|系列|车型|品牌))"
    r"(?:年|全年|当年|累计)?(?:产量|销量|产能|出货量|生产量|销售量)$"
)
_BARE_PART_VOLUME = re.compile(
    r"(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:年|全年|当年|累计)?"
    r"(?:产量|销量|产能|出货量|生产量|销售量)$"
)
_NOT_A_PRODUCT = re.compile(
    r"公司|集团|企业|行业|全球|国内|海外|国外|境内|境外|全国|总|合计|累计|现有|新增|规划|在建|"
    r"设计|名义|有效|实际|年|月|季"
)
_NEXT_CLAUSE = re.compile(
    r"[^\S\n]*[\u4e00-\u9fff]{0,4}[^\S\n]*[，,][^\S\n]*"
    r"(?:(?:19|20)\d{2}\s*年(?:度)?\s*)?(?:年|全年|当年|累计)?"
)


def volume_part(
    text: str,
    last: ExtractedFact | None,
    last_end: int,
    subject: str,
    sentence: tuple[int, int],
    label_start: int,
) -> str | None:
    """The product whose volume the clause before the label's states (深加工产品年产量2.71亿
    平方米，年销量2.58亿平方米; 某某材料产能达18万吨，2023年交付量同比增长64%): the label
    opening the next clause names that product's figure, not the company's. `last` is the fact
    read last, ending at `last_end`."""
    if (
        last is None
        or last.object is not None
        or last.subject != subject
        or not sentence[0] <= last_end <= label_start
        or not _NEXT_CLAUSE.fullmatch(text, last_end, label_start)
    ):
        return None
    if part := _PART_VOLUME.search(last.metric):
        return part["part"]
    bare = _BARE_PART_VOLUME.fullmatch(last.metric)
    if bare is None or last.metric in KNOWN_METRICS or _NOT_A_PRODUCT.search(bare["part"]):
        return None
    return bare["part"]
