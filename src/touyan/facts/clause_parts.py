"""The part a clause opens with before its label's 的, when the clause names no one.

A text carrying its subject from an earlier sentence narrows a figure to one part of it by
the words that open the figure's clause: 不过内环以内的供应占比达到8% (the share of the area
inside the inner ring, not the city's), 港股通的成交额为9.3万亿元 (one channel's turnover, not the
exchange's), 镍、锡期货合约的交易保证金比例调整为14% (those contracts'), 个人电脑市场在第四季度的
出货量 (personal computers'), 境外机构在中国债券市场的托管余额 (foreign holders' balance, not the
whole market's). The part is the fact's object. Words that are no part (a time, a pronoun, the
company's own word for itself, a clause) leave the figure as it was.
"""

from __future__ import annotations

import re

from touyan.facts.economy import REGION
from touyan.facts.labels import CLAUSE_LIKE
from touyan.facts.qualifiers import qualifier

# A connective the clause may open with before its part (不过, 而, 其中).
_LEAD = re.compile(r"\s*(?:不过|但是?|而|其中|另外|此外|同时|则|且)?[，,]?\s*")
# The part, where or when it is counted (在中国债券市场, 在2021年第四季度), then 的.
_OPENING_PART = re.compile(
    r"(?P<part>[\u4e00-\u9fffA-Za-z0-9、]{2,20}?)(?:在[^，,。；;的]{1,16})?的"
)
# Words that name no part: the company's own word for itself, a pronoun, a holding's words, a
# time (截至周二的, 当前的), a cause (因某事导致的: `named_parts.cause_of`'s) and the verbs of a
# relative clause (新增的病例, 预中标的项目, 参与某运动的人数, 检测样本中呈阳性的比率).
_NOT_A_PART = re.compile(
    r"^(?:其|该|本|此|上述|这|那|各)|公司|集团|股票|股价|股份|证券|控股|\d"
    r"|截至|截止|当前|目前|此前|今天|今日|昨天|昨日|当日|当天|期末|期初|年末|年初|当期|本期|上期"
    r"|因|由于|受|新增|中标|备案|登记|参与|陷入|失去|呈|计入|计提|确认|列入|纳入"
    # 文中所述的总额, 认购一手的中签率: what a text speaks of, those who apply for a lot
    r"|所(?:涉|述|指|列|提|称|说|载|示)|申请|申购|认购|[一二三四五六七八九十两每]手"
)
_LONGEST = 10  # characters: a longer run is a clause, not a part's name


def opening_part(text: str, clause_start: int, label_start: int) -> tuple[str, int] | None:
    """The part the clause from `clause_start` opens with before the 的 right before the label
    at `label_start`, and where the part's words start; none when the words are no part."""
    if text[label_start - 1 : label_start] != "的":
        return None
    # (调整如下：镍、锡期货合约的…: a colon opens the list the part heads)
    clause_start = max(clause_start, text.rfind("：", clause_start, label_start) + 1)
    lead = _LEAD.match(text, clause_start, label_start)
    start = lead.end() if lead else clause_start
    found = _OPENING_PART.fullmatch(text, start, label_start)
    if found is None:
        return None
    lo, hi = found.span("part")
    if (region := REGION.match(text, lo, hi)) is not None:
        lo = region.end()  # 全球台式机、笔记本和工作站的出货量: the goods, in the world
    part = text[lo:hi]
    longest = _LONGEST * 2 if "、" in part else _LONGEST  # (a list names several parts)
    if not 2 <= len(part) <= longest or _NOT_A_PART.search(part) or CLAUSE_LIKE.search(part):
        return None
    if REGION.search(part) or not _names_part(text, lo, hi):
        return None  # a place (美国的), a time (同期的) or a clause (增长较快的)
    return part, lo


# One item of a list of parts (镍、锡、不锈钢期货合约): a word, short ones too.
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,12}")


def _names_part(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is a part's name as `qualifier` reads one, or a list of words
    (镍、锡、不锈钢期货合约; 台式机、笔记本和工作站)."""
    if qualifier(text, lo, hi, []) == text[lo:hi]:
        return True
    items = text[lo:hi].split("、")
    return len(items) > 1 and all(_ITEM.fullmatch(item) for item in items)


# A share whose label names no part (数量占比, 净利润占比, 贡献率): whose share it is, the
# sentence says before it.
BARE_SHARE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:占比|比重|比例|贡献率)")
# 某子公司营业收入占公司营业收入比重: a part's share, its item repeated in the whole.
_PART_SHARE = re.compile(
    r"(?P<head>[\u4e00-\u9fffA-Za-z0-9]{3,24}?)占(?:公司|本公司|集团)?(?P<whole>[^占]{2,16})"
    r"(?:比重|比例)"
)
# 其中量化私募管理人28家, 其中，实物商品网上零售额10.8万亿元: a part opening the sentence with
# its figure.
_PART_OPENS = re.compile(
    r"\s*其中[，,]?\s*(?P<part>[\u4e00-\u9fffA-Za-z]{2,16}?)(?:为|达|约|共|有)?\s*\d"
)


def share_part(last_metric: str) -> str | None:
    """The part a share just stated was of (苏宁消金营业收入占公司营业收入比重: 苏宁消金), which
    a bare share after it in the sentence (净利润占比) is of too."""
    found = _PART_SHARE.fullmatch(last_metric)
    if found is None:
        return None
    head, whole = found["head"], found["whole"]
    for item in (whole, whole.lstrip("总")):
        if head.endswith(item) and len(head) - len(item) >= 2:
            part = head[: -len(item)].rstrip("总")  # 某某总资产占公司总资产: 某某
            return part if len(part) >= 2 else None
    return None


def opening_qizhong_part(text: str, sentence_start: int) -> tuple[str, int] | None:
    """The part a sentence opens with after 其中 with its figure (其中某类管理人28家), and where
    its words start."""
    found = _PART_OPENS.match(text, sentence_start)
    if found is None:
        return None
    part = found["part"]
    if _NOT_A_PART.search(part) or CLAUSE_LIKE.search(part) or REGION.search(part):
        return None
    return part, found.start("part")


# 其中袋装某某销售收入: a kind of the subject, written glued before its name after 其中.
_KIND_BEFORE = re.compile(r"\s*其中[，,]?\s*(?P<kind>[\u4e00-\u9fff]{1,6})")


def kind_of_subject(text: str, clause_start: int, name_start: int, name: str) -> str | None:
    """The kind of the subject a clause opening with 其中 narrows a figure to (其中袋装某某
    销售收入: the bagged kind's, a part of the whole stated before), its name with the kind."""
    found = _KIND_BEFORE.fullmatch(text, clause_start, name_start)
    if found is None:
        return None
    kind = found["kind"]
    if _NOT_A_PART.search(kind) or CLAUSE_LIKE.search(kind) or REGION.search(kind):
        return None
    return kind + name if qualifier(kind, 0, len(kind), []) == kind else None


# A clause naming and judging a part (铁路仍是运输主力，; 高技术产业引资增长较快，): the figures
# of the clause right after it, which opens with their label, are that part's.
_JUDGED_TOPIC = re.compile(
    r"(?:^|(?<=[，,；;。：:]))\s*(?P<part>[\u4e00-\u9fff]{2,10}?)"
    r"(?:引资|投资|出口|进口|消费|销售)?(?:仍然?|依然|依旧|继续|也|更)?"
    r"(?:(?:是|为|成为)[\u4e00-\u9fff]{0,6}?(?:主力|支柱|引擎|亮点|驱动力|主体)"
    r"|(?:增长|增速|发展|回升|恢复)(?:较快|加快|迅速|强劲|明显|最快))[，,]\s*"
)
_TOPIC_REACH = 30


def judged_topic(text: str, lo: int, clause_start: int) -> str | None:
    """The part the clause right before `clause_start` names and judges, from no earlier
    than `lo` (the sentence's start)."""
    every = [*_JUDGED_TOPIC.finditer(text, max(lo, clause_start - _TOPIC_REACH), clause_start)]
    found = every[-1] if every else None
    if found is None or found.end() != clause_start:
        return None
    part = found["part"]
    if _NOT_A_PART.search(part) or CLAUSE_LIKE.search(part) or REGION.search(part):
        return None
    return part if qualifier(text, found.start("part"), found.end("part"), []) == part else None
