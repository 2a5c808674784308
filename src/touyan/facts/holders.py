"""Who holds, sells or gives away the shares a figure counts, when no dictionary knows them.

A filing names a holder loosely, by a person's or a partnership's name at the head of the
clause that counts its shares (股东某某合计出售所持有的公司1132万股, 某某拟将其持有的公司1928万
股…转让给, 某某直接持有公司股票300万股): the count is that holder's, in the company the text is
about, and a count of shares it sells or gives away is a sale, not a holding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from touyan.facts.extract import ExtractedFact
from touyan.facts.name_forms import plausible_name

# The holder opening the clause, its role before it, how it holds (直接, 合计) and the words
# that give the holding away (合计出售所持有的, 拟将其持有的), right up to 持有.
_OPENING = re.compile(
    r"(?P<role>(?:控股|第一大|大)?股东|实际控制人|实控人)?"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)(?:先生|女士)?"
    r"(?:直接|间接|合计|共计?|累计|仍|目前|现|已|本次|尚)*"
    r"(?P<out>(?P<plan>拟|计划)?(?:将|已)?(?:分别)?(?:出售|转让|减持|将其)(?:其)?所?)?$"
)
# Words that are no holder's name but the company's own or a pronoun's.
_NOT_A_HOLDER = re.compile(r"^(?:公司|本公司|该公司|上市公司|其|本|该|此|上述)|[、等的]|[及和与]$")
# 持有公司股票, 持有的公司…股: shares of the company the text is about.
_COMPANY_SHARES = re.compile(r"的?公司")
# The rest of a clause that gives the shares just counted away (…股(占总股本5%)转让给某某).
_GIVEN_AWAY = re.compile(r"[^，,。；;！？]{0,40}?(?:转让|出售|划转)给")


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    sells: bool  # the clause gives the shares away (出售所持有的, 将其持有的…转让给)
    planned: bool  # …and only plans to (拟将其持有的)


def opening_holder(
    text: str, starts: list[int], verb: tuple[int, int], figure_end: int
) -> Holder | None:
    """The holder a clause opens with before 持有 at `verb` (at one of `starts`: the clause's
    start, or the end of a name opening it), when the clause says the shares
    are the company's (持有公司…, 持有的公司…) or names the holder by its role (股东某某):
    a bare 某某持股 says too little of whom and what."""
    for at in starts:
        found = _OPENING.match(text, at, verb[0])
        if found is None:
            continue
        name = found["name"]
        if _NOT_A_HOLDER.search(name) or plausible_name(name) != name:
            continue
        if found["role"] is None and not found["out"] and not _COMPANY_SHARES.match(text, verb[1]):
            return None
        sells = bool(found["out"]) or _GIVEN_AWAY.match(text, figure_end) is not None
        return Holder(name, sells, sells and found["plan"] is not None)
    return None


# What stands between a holding in shares and its share of the company's stock (持有公司股票
# 8460万股，占公司总股本的13.16%; 持有公司3026万股股份，约占…; …万股(约占…)).
_SHARE_NEXT = re.compile(r"(?:股份|股票)?\s*[，,（(]\s*约?\s*")


def holding_share_holder(
    text: str, last: ExtractedFact | None, last_end: int, label_start: int, subject: str
) -> str | None:
    """The holder of the holding just stated (`opening_holder`, or a holder the dictionary
    knows), when the stake labelled at `label_start` right after it is that holding's share
    of the company's stock: the stake is the same holder's."""
    if (
        last is None
        or last.object is None
        or last.subject != subject
        or last.metric.removesuffix("_forecast") != "shares_held"  # (held after a planned deal)
        or not _SHARE_NEXT.fullmatch(text, last_end, label_start)
    ):
        return None
    return last.object


# A side of a change in holdings (权益变动前, 本次减持后, 转让完成后) opening a clause after a
# holder's trade, up to the stake's label (，权益变动前直接持股比例; ，变动前不持有公司股份，
# 变动后直接持股比例): the stake that holder had before the trade or has after it.
_SIDE = r"(?:本次)?(?:权益变动|变动|减持|增持|转让|交易)(?:完成)?[前后]"
_TRADED_STAKE_NEXT = re.compile(
    rf"(?:[，,]\s*{_SIDE}[^，,。；;\d]{{0,12}})?[，,]\s*{_SIDE}(?:直接|间接|合计|共计?)*"
)
_TRADES = frozenset({"shares_sold", "shares_bought"})


def traded_stake_holder(
    text: str, last: ExtractedFact | None, last_end: int, label_start: int, subject: str
) -> str | None:
    """The holder of the trade just stated (股东某某通过协议转让方式减持1020万股), when the stake
    labelled at `label_start` right after it is that holder's before or after the trade
    (，权益变动前直接持股比例为…): the stake is the same holder's, not the company's own."""
    if (
        last is None
        or last.object is None
        or last.subject != subject
        or last.metric.removesuffix("_forecast") not in _TRADES
        or not _TRADED_STAKE_NEXT.fullmatch(text, last_end, label_start)
    ):
        return None
    return last.object


# What stands between a sum paid into a company and the stake it buys (出资金额为…万元，持股
# 比例为…; 出资4亿元，占其注册资本的80%).
_STAKE_NEXT = re.compile(r"\s*[，,]\s*(?:公司|其)?(?:合计|共)?$")


def invested_stake_target(
    text: str, last: ExtractedFact | None, last_end: int, label_start: int, subject: str
) -> str | None:
    """The company the sum stated just before was paid into (公司出资金额为…万元，持股比例为
    99.99%), when the stake labelled at `label_start` right after it is what the sum bought:
    the stake is in that company."""
    if (
        last is None
        or last.object is None
        or last.subject != subject
        or last.metric != "invested"
        or not _STAKE_NEXT.fullmatch(text, last_end, label_start)
    ):
        return None
    return last.object


# A trade in shares opening the sentence (某某投资公司周三卖出了15万股, 某基金昨日增持): its
# doer is whom a holding after it in a clause naming no one (目前仅持有…股) is left with.
_TRADER_OPENS = re.compile(
    r"\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)"
    r"(?:周[一二三四五六日]|今日|昨日|日前|近日|当天|当日|上周|本周)?(?:再次|大幅|共|累计)?"
    r"(?:卖出|买入|抛售|减持|增持|出售|购入|清仓)了?"
)
# The words of such a clause before 持有: now, still, only (目前仅, 仍).
_REMAINING = re.compile(r"\s*(?:目前|现在?|当前|如今|交易后)?(?:仍然?|尚|仅|只|合计|共)*")


def trader_holds(text: str, sentence_start: int, clause_start: int, verb_start: int) -> str | None:
    """The doer of the trade the sentence opens with, when the clause of a holding after it
    (目前仅持有3600多股) names no holder: the holding is what that trader is left with."""
    if clause_start <= sentence_start or not _REMAINING.fullmatch(text, clause_start, verb_start):
        return None
    found = _TRADER_OPENS.match(text, sentence_start, clause_start)
    if found is None or _NOT_A_HOLDER.search(found["name"]):
        return None
    name = found["name"]
    stem = name.removesuffix("公司")  # (a bare 公司 ending reads as no name's: 方舟投资公司)
    return name if len(stem) >= 2 and plausible_name(stem) == stem else None


# The company itself opening the clause of a holding (公司持有某某的股份为…): the company the
# text is about holds the shares, of the company named after the verb.
_SELF_HOLDS = re.compile(r"(?:本|该)?公司(?:直接|间接|合计|共计?|目前|现|仍)*")


def self_holds(text: str, clause_start: int, verb_start: int) -> bool:
    """Whether the clause before 持有 at `verb_start` is the company's own word for itself."""
    return _SELF_HOLDS.fullmatch(text, clause_start, verb_start) is not None


# What a business register's news says of a company (某某有限公司发生工商变更，…新增股东某某有限
# 公司，持股100%; 某某有限公司成立，…该公司由某某持股60%): the stake is the new holder's in that
# company, not in the company the text is filed under.
_ORG = r"[^\W_的]{2,30}?(?:股份有限公司|有限责任公司|有限公司|合伙企业)"
_NEW_HOLDER = re.compile(rf"(?:新增股东|股东新增|新股东)(?P<name>{_ORG})[，,]\s*$")
_CHANGED_COMPANY = re.compile(
    rf"(?P<name>{_ORG})(?:近日)?(?:发生(?:了)?(?:工商)?变更|成立(?=[，,]))"
)
_THAT_COMPANY = "该公司"
_REGISTER_REACH = 200


def new_holder(text: str, sentence_start: int, label_start: int) -> tuple[str, int, int] | None:
    """The holder a register's change adds, named right before its stake (新增股东某某有限公司，
    持股100%), with where its name runs."""
    if "股东" not in text[max(sentence_start, label_start - 40) : label_start]:
        return None
    found = _NEW_HOLDER.search(text, max(sentence_start, label_start - 40), label_start)
    return (found["name"], found.start("name"), found.end("name")) if found else None


def registered_company(text: str, sentence_start: int, label_start: int) -> str | None:
    """The company a register's change or founding is of, named in the sentence before the
    stake (某某有限公司发生工商变更), or before it when the clause says 该公司."""
    lo = sentence_start
    if _THAT_COMPANY in text[sentence_start:label_start]:
        lo = max(0, sentence_start - _REGISTER_REACH)
    found = [*_CHANGED_COMPANY.finditer(text, lo, label_start)]
    return found[-1]["name"] if found else None
