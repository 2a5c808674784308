"""What part of a subject a figure is of, when the words around it name that part in a way
of their own, not a segment written before the label:

- the cause of a gain, loss or impact (因违规担保债务解除导致的收益约3.8亿元 is the gain from
  that release, not the company's income at large; 由于处置某某股权所致，影响金额为17.3亿元
  the impact of that disposal);
- the tranche of an issue a clause before defines (品种二为某主题债券，规模为50亿元: that
  tranche's size, not the whole issue's);
- the model a count is of, written right after its unit (共卖出了5780万台iPad, 交付了12台
  某型内燃机车: those goods, not all the company sold; but 交付49万辆汽车 names the whole).
"""

from __future__ import annotations

import re

# 因某事导致的收益, 由于某事产生的损失: the cause written right before the label.
_CAUSED = re.compile(
    r"(?:因|由于)(?P<cause>[^，,。；;：:]{2,30}?)(?:所?导致|带来|产生|形成|引起)的?$"
)
# 由于某事所致，影响金额为: a clause stating the cause, then the impact's own label.
_CAUSE_CLAUSE = re.compile(
    r"(?:因|由于)(?P<cause>[^，,。；;：:]{2,40}?)(?:所致|导致|引起)[，,]\s*$"
)
_IMPACT = ("影响金额", "影响额", "影响")
_REACH = 48


def cause_of(text: str, clause_start: int, label_start: int, sentence_end: int) -> str | None:
    """The cause a filing names for the figure labelled at `label_start`, if any. (Not when
    the sentence goes on to list the figure's parts, 其中某补贴为…: those are read against a
    whole with no object of its own.)"""
    window = text[max(0, label_start - _REACH - 24) : label_start]
    if "因" not in window and "由于" not in window:
        return None  # the common case, cheaply: no cause is named
    if "其中" in text[label_start:sentence_end]:
        return None
    found = _CAUSED.search(text, max(clause_start, label_start - _REACH), label_start)
    if found is not None:
        return found["cause"]
    if text.startswith(_IMPACT, label_start) and label_start == clause_start:
        clause = _CAUSE_CLAUSE.search(text, max(0, label_start - _REACH - 24), label_start)
        return clause["cause"] if clause else None
    return None


# 品种二为房地产项目并购主题债券，规模为…: a tranche defined by the clause right before.
_TRANCHE = re.compile(r"品种[一二三四五六七八九十\d]为(?P<name>[^，,。；;：:]{2,30})[，,]\s*$")


def tranche_of(text: str, clause_start: int, label_start: int) -> str | None:
    """The tranche the clause before a label at its clause's start defines, if any."""
    if label_start != clause_start or "品种" not in text[max(0, clause_start - 36) : clause_start]:
        return None
    found = _TRANCHE.search(text, max(0, clause_start - 36), clause_start)
    return found["name"] if found else None


# 5780万台iPad, 12台SDA1型内燃机车: goods named right after a count's measure word, up to the
# clause's end.
_MEASURE_WORDS = "台辆架艘部套块片颗支"
# A model's mark: a Latin letter or digit, or 型/系列 (not 汽车 alone, which names the whole).
_MODEL_MARK = re.compile(r"[A-Za-z0-9]|型|系列")
_GOODS_AFTER = re.compile(
    r"(?P<name>[A-Za-z][A-Za-z0-9 \-]{1,20}|[A-Za-z0-9\-]{0,8}[\u4e00-\u9fff]{0,4}型?"
    r"[\u4e00-\u9fffA-Za-z0-9\-]{2,12})(?=[，,。；;！？!?\n]|$)"
)
_NOT_GOODS = re.compile(r"[的了是为在有和与及]|同比|环比|以上|以下|左右|之间|次|左")


def counted_goods(text: str, figure_end: int) -> str | None:
    """The goods named right after a count whose measure word ends the figure, if any."""
    if figure_end == 0 or text[figure_end - 1] not in _MEASURE_WORDS:
        return None
    found = _GOODS_AFTER.match(text, figure_end)
    if found is None or _NOT_GOODS.search(found["name"]) or not _MODEL_MARK.search(found["name"]):
        return None
    return found["name"].strip()


# A sum-of-the-parts valuation (采用SOTP估值：直播参考可比公司给予22年0.8xPS，估值328亿港元): the
# part that opens the clause before, with the multiple it is given, is what the value is of.
_VALUED_PART = re.compile(
    r"(?:^|(?<=[：:；;，,。]))\s*(?P<part>[\u4e00-\u9fffA-Za-z0-9+＋、]{1,12}?)"
    r"(?:参考[^，,；;。：:]{0,12}?)?给予[^，,；;。：:]{0,20}?(?:PS|PE|PB|EV/EBITDA|倍)[，,]\s*$"
)
# A part before a multiple's label (或核心业务预测市盈率16倍): a business, its multiple.
_PART_MULTIPLE = re.compile(
    r"(?:^|(?<=[，,；;：:]))\s*(?:或|而|其中)?(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,10}?(?:业务|板块|分部))"
    r"的?(?:预测|预期|动态|静态|远期)?$"
)
_VALUED = ("valuation", "pe", "pe_forecast", "ps", "ps_forecast", "pb", "pb_forecast")


def valued_part(
    text: str, metric: str, sentence_start: int, clause_start: int, label_start: int
) -> str | None:
    """The part a value or a multiple is of: the business written right before a multiple's
    label (或核心业务预测市盈率16倍), or the part given a multiple in the clause before a bare
    value (直播参考可比公司给予0.8xPS，估值328亿港元)."""
    if metric not in _VALUED:
        return None
    if (found := _PART_MULTIPLE.search(text, clause_start, label_start)) is not None:
        return found["part"]
    if (
        metric != "valuation"
        or text[clause_start:label_start].strip()
        or "给予" not in text[max(sentence_start, clause_start - 48) : clause_start]
    ):
        return None
    found = _VALUED_PART.search(text, max(0, clause_start - 48), clause_start)
    return found["part"] if found else None


# 占该笔优先票据的0.37%: 该笔 points back to the one of its kind the sentence described.
_POINTED = re.compile(r"该(?:笔|期|只|批)(?P<kind>[\u4e00-\u9fff]{2,8}?)(?:比重|比例|占比|的|$)")
_DESCRIBED_REACH = 40


def pointed_kind(text: str, metric: str, sentence_start: int, label_start: int) -> str | None:
    """The one a label's 该笔 (该期, 该只) points back to, as the clause that names it last
    describes it (回购了利率7.25%、2026年4月到期的优先票据，…占该笔优先票据的: that note)."""
    if "该" not in metric or (found := _POINTED.search(metric)) is None:
        return None
    kind = found["kind"]
    at = text.rfind(kind, sentence_start, label_start)
    if at < 0:
        return None
    opened = max(text.rfind(c, max(sentence_start, at - _DESCRIBED_REACH), at) for c in "，,；;")
    described = text[opened + 1 : at + len(kind)].strip()
    return described if "的" in described and described != kind else None
