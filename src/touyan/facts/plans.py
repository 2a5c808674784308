"""Sums a plan commits, which no one has paid yet: their figures are forecasts.

A filing that announces a plan (拟出资1000万元, 拟定增募资不超过30亿元, 拟与某某共同投资设立
某公司…。其中公司认缴出资…) states what is to be put in or raised, not what was; a state a
planned deal leaves behind (…拟将其持有的股份转让给某某。此次转让完成后，某某持有…) is not yet
the holder's; and a project's total investment (项目总投资, 投资总额) is the budget of works
still to be built. Each is filed as a forecast. A project a company won the bid for (中标…项目，
项目估算总投资…) is budgeted by its owner: its total is no sum of the company's at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from touyan.text.dates import DateMention

# 拟 as a verb of planning (拟出资, 拟定增, 拟与…设立), not in 模拟, 虚拟, 比拟.
_PLAN = re.compile(r"(?<![模虚比])拟")
# What a plan commits: money put in (出资, 认缴, 投资, 增资, 注资) or raised (募资, 募集资金),
# not what an investment earns or who makes it (投资收益, 投资者).
_COMMITTED = re.compile(
    r"出资|认缴|注资|增资|募资|募集|投资(?!收益|回报|者|人|性|价值|评级|建议|机会|策略|组合)"
)
_COMMITTED_METRICS = frozenset({"invested", "raised"})
# A holder's trade in the company's shares, which a plan announces before it is made (股东某某
# 拟通过集中竞价方式减持公司股份不超过…万股, 拟增持…): the most it may sell or buy, not a sale.
# (The share of the company a planned transfer moves stays a stake change: see
# tests/facts/test_news_metric_fixes.py.)
_PLANNED_TRADES = frozenset({"shares_sold", "shares_bought"})
# A vehicle set up by the plan (拟…共同投资设立某公司): its capital and who subscribes what in
# the sentence after are the plan's too.
_SETS_UP = re.compile(r"设立|新设|成立")
# A clause opening with 实际 sets what happened against the plan (原拟募资…，而实际募资净额…);
# 已 before the figure says it is paid (已出资, 已累计投资).
_DONE = re.compile(r"实际(?!增长|增速)|已|此前|累计|实缴")
# A state a deal leaves behind (本次投资完成后, 此次协议转让完成后, 增资完成后), or a planned
# reorganisation (计划把…合并为…。调整后，…的规模为…), told in a clause opening on it.
_COMPLETED = re.compile(
    r"完成后|实施后|交割后|(?<=[，,。；;\s])(?:此次|本次)?(?:调整|合并|重组|整合)后(?=[，,])"
)
# The words that plan a deal: 拟, or 计划 (not 少于计划, 比计划: the plan as a base).
_PLANS = re.compile(r"(?<![模虚比])拟|(?<![于比较超])计划")
# A project's total investment, right before its figure (项目总投资约, 投资总额为, 估算总投资
# 为约, 总投资人民币): the works' budget.
_BUDGET = re.compile(
    r"(?:总投资(?:额|金额)?|投资总额)(?:为|约|达|达到|预计|人民币|超过?|合计|共计)*\s*$"
)
_BUDGET_WINDOW = 12
# The works the sentence names before the total (建设某某项目，…总投资; 两项目总投资; 工程).
_WORKS = re.compile(r"项目|工程|基地")
_NOT_WORKS = ("对外", "累计")
# Works the sentence says are built (已竣工, 已建成投产): their total is spent, no budget.
_BUILT = re.compile(r"已(?:经)?(?:全面)?(?:建成|竣工|投产|完工|投入使用)")
# A bid the company won (中标, 预中标, 中选): the project is its owner's.
_BID_WON = re.compile(r"中标|中选")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_PARAGRAPH_END = "\n"


def _undated(dates: Sequence[DateMention], lo: int, hi: int) -> bool:
    """Whether no date is named between `lo` and `hi` (a figure dated after the plan is a
    state the text reports: 拟收购某公司，截至6月30日，其总资产占比为…)."""
    return not any(lo <= d.span[0] < hi for d in dates)


@lru_cache(maxsize=4096)
def _committed(metric: str) -> bool:
    """Whether a metric is a sum a plan can commit (invested, raised, 认缴出资额, 项目总投资)
    or a trade it may make (shares_sold)."""
    metric = metric.removesuffix("_forecast")
    if metric in _COMMITTED_METRICS or metric in _PLANNED_TRADES:
        return True
    return _COMMITTED.search(metric) is not None


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before the one starting at `start` starts, within its paragraph
    (`start` itself when that sentence is in another paragraph or there is none)."""
    if start == 0 or text[start - 1] == _PARAGRAPH_END:
        return start
    lo = max(text.rfind(_PARAGRAPH_END, 0, start - 1) + 1, start - 300)
    ends = list(_SENTENCE_END.finditer(text, lo, start - 1))
    return ends[-1].end() if ends else lo


def planned_sum(
    text: str,
    metric: str,
    sentence: tuple[int, int],
    pos: int,
    dates: Sequence[DateMention],
) -> bool:
    """Whether a sum at `pos` is one a plan commits: a sum its sentence plans with 拟 before it
    (公司拟出资1000万元, 拟定增募资不超过30亿元), or a subscription or contribution after a
    sentence planning to set up the vehicle (拟与某某共同投资设立合资公司。…其中公司认缴出资…).
    Not when a date, a clause of what happened (实际) or 已 comes between."""
    lo, hi = sentence[0], pos
    if text.find("拟", max(0, lo - 300), hi) < 0 or not _committed(metric):
        return False  # (the common case, cheaply: no plan word near)
    plans = list(_PLAN.finditer(text, lo, hi)) if text.find("拟", lo, hi) >= 0 else []
    if not plans:
        before = _sentence_before(text, lo)
        if before == lo or text.find("拟", before, lo) < 0:
            return False
        plans = [p for p in _PLAN.finditer(text, before, lo) if _SETS_UP.search(text, p.end(), lo)]
        if not plans:
            return False
    start = plans[-1].end()
    return _undated(dates, start, hi) and _DONE.search(text, start, hi) is None


def after_planned_deal(
    text: str, sentence: tuple[int, int], pos: int, dates: Sequence[DateMention]
) -> bool:
    """Whether a figure at `pos` is the state a planned deal leaves behind (拟将其持有的股份转让
    给某某。此次协议转让完成后，某某持有…; 拟新增注册资本…，增资完成后，注册资本将增加至…):
    after 完成后 in its sentence, the deal planned with 拟 in it or in the sentence before."""
    if text.find("后", sentence[0], pos) < 0:
        return False
    done = list(_COMPLETED.finditer(text, sentence[0], pos))
    if not done or not _undated(dates, done[-1].end(), pos):
        return False
    before = _sentence_before(text, sentence[0])
    return _PLANS.search(text, before, done[-1].start()) is not None


def project_budget(text: str, metric: str, sentence: tuple[int, int], pos: int) -> bool:
    """Whether a sum at `pos` is a project's total investment (项目总投资约10亿元, 投资总额
    20亿元): the budget of works still to be built, unless its clause says it is spent."""
    if text.find("投资", max(sentence[0], pos - _BUDGET_WINDOW), pos) < 0 or not _committed(metric):
        return False
    budget = _BUDGET.search(text, max(sentence[0], pos - _BUDGET_WINDOW), pos)
    if budget is None or _WORKS.search(text, sentence[0], budget.start()) is None:
        return False  # (对外投资总额: a firm's stakes in others, no works')
    if text[max(sentence[0], budget.start() - 2) : budget.start()].endswith(_NOT_WORKS):
        return False
    clause = max(text.rfind(c, sentence[0], budget.start()) for c in "，,") + 1
    if _BUILT.search(text, sentence[0], budget.start()) is not None:
        return False  # 该项目已竣工投产，总投资约10亿元: works built, their cost spent
    return _DONE.search(text, max(clause, sentence[0]), pos) is None


def bid_project_total(text: str, sentence: tuple[int, int], pos: int) -> bool:
    """Whether a project's total investment at `pos` is of a project its company won the bid
    for (收到某某PPP项目的《中标通知书》。项目估算总投资约…): the owner's budget, not the
    company's sum."""
    paragraph = text.rfind(_PARAGRAPH_END, 0, sentence[0]) + 1
    return _BID_WON.search(text, paragraph, pos) is not None


def contribution_stake(base: str, whole: str) -> str | None:
    """出资4亿元，占某公司注册资本的80%: a contribution's share of a company's registered
    capital is the contributor's stake in that company: its name, "" when the words name it
    only as 公司 or 合资公司; None for any other share."""
    if base != "invested" or not whole.endswith(_CAPITAL):
        return None
    held = whole.removesuffix(_CAPITAL)
    return "" if held in _BARE_COMPANY else held


_CAPITAL = "注册资本"
_BARE_COMPANY = frozenset({"", "公司", "合资公司", "该公司", "标的公司", "目标公司"})


# A project's return and payback, and the words saying they are worked out for it.
_PROJECT_RETURN = re.compile(r"内部收益率|投资收益率|投资回收期|回收期|净现值|IRR|ROI|NPV")
_WORKED_OUT = re.compile(r"测算|可行性研究|可研")


def projected_return(text: str, metric: str, lo: int, at: int) -> bool:
    """A project's return or payback its sentence says is worked out (经测算，项目投资财务内部
    收益率…，投资回收期…): a feasibility study's projection for works not yet run, not a
    return earned."""
    return (
        _PROJECT_RETURN.search(metric) is not None and _WORKED_OUT.search(text, lo, at) is not None
    )
