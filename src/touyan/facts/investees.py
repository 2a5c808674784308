"""What an investment goes into when its own clause does not say: the fund, partnership or
company the sentence sets up or joins, and the project a filing names before its total.

A filing names the target once and then speaks of it by a bare noun: 拟出资1000万元参与投资某某
创业投资合伙企业（有限合伙） (the partnership named right after the sum); 设立“某某科技有限公司”
…，其中公司认缴出资3250万元 (the company set up before the partner's share of its capital);
建设“某某研发配套”项目，计划总投资约为… and 收到“某某PPP项目”的《中标通知书》。项目总投资为…
(the project named before 项目 or before the total). The amount is that target's, not the
company's spending at large nor a part of the company called 项目.
"""

from __future__ import annotations

import re

_NAME = r"[\u4e00-\u9fffA-Za-z0-9]"
# A fund, partnership or company, as a filing names the vehicle money is paid into.
_VEHICLE = (
    rf"(?P<name>{_NAME}{{2,30}}?(?:基金|合伙企业|有限责任公司|有限公司))"
    r"(?:[（(](?:有限合伙|筹)[）)])?"
)
# 出资1000万元参与投资某某合伙企业, 出资2550万元与甲、乙共同投资设立合资公司某某有限公司: the
# vehicle named right after the sum, in its clause.
_VEHICLE_AFTER = re.compile(
    r"(?:人民币)?\s*(?:与[^，,。；;]{1,30}?)?(?:共同)?(?:参与|用于)?"
    r"(?:投资设立|发起设立|投资|设立|认购|参股|入股)(?:合资公司|子公司)?[“\"]?" + _VEHICLE
)
# 组建专项基金, 投资设立“某某科技有限公司(筹)”, 参与投资某某合伙企业（有限合伙）: a vehicle the
# text sets up or joins, which a partner's subscription later in it is paid into.
_VEHICLE_JOINED = re.compile(
    r"(?:组建|设立|发起|参与|认购|投资|加入|成立)(?!组建|设立|发起|参与|认购|投资|加入|成立)"
    r"(?:合资公司|子公司)?[“\"]?" + _VEHICLE
)
_JOINED_REACH = 300  # characters back to the sentence that set the vehicle up
# A partner's share of a vehicle's capital: paid into the vehicle, not spent by the company.
_SUBSCRIBED = re.compile(r"认缴|作为(?:有限|普通)?合伙人")
_PAID_IN = "出资"  # a partner's capital paid in, labelled so
_FULL_STOPS = ("。", "！", "？", "\n")

# 项目总投资, 项目估算总投资, 该项目计划投资: a bare 项目 opening the label's run, which points
# back to the project the text named.
_BARE_PROJECT = re.compile(
    r"(?:^|(?<=[，,。；;：:\s])|(?<=约定|其中)|该|本|此)项目(?:[A-Za-z]{2,4})?"
    r"(?:估算|预计|计划|建设|动态|静态)?总?$"  # (动态总投资: the budget with interest during works)
)
# A sentence opening on a bare 项目 (…开展某某项目；项目计划分两期建设，…，总投资6亿元): its
# figures are of the project the text named just before. (Not 项目公司: a company.)
_PROJECT_OPENS = re.compile(r"\s*(?:该|本|此)?项目(?!公司)")
# The project a sum is put into, named after it (拟投资6.4亿元在某地新建某某项目, 投资3亿元用于
# 建设某某项目): where and what the sum builds.
_PROJECT_AFTER = re.compile(
    r"(?:人民币)?\s*(?:在|于|用于)[^，,。；;]{0,40}?(?:投资建设|建设|新建|扩建|投建)"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()+/\-]{2,40}?项目)(?P<more>[及和与、])?"
)  # (…项目及某某项目: one sum for several projects, no one of them)
# A project the text names: in quotes (“某某”项目, “某某项目”), inside a document's title
# (《某某项目投资合作协议书》) or after the verb that builds, wins or plans it (投资建设某某项目).
_BUILDS = r"投资建设|建设|投建|新建|扩建|实施|开展|预中标|中标|参与|安排"
_PROJECT_NAMED = re.compile(
    r"“(?P<quoted>[^“”\n]{2,60}?)”(?P<tail>项目)?"
    r"|《(?P<titled>[^《》\n]{2,60}?项目)"
    # (with the phase the text builds: 某某试点项目一期10MW项目)
    rf"|(?:{_BUILDS})了?(?P<built>[\u4e00-\u9fffA-Za-z0-9（）()+/\-]{{2,60}}?项目"
    r"(?:[一二三四五六七八九十\d]期[\u4e00-\u9fffA-Za-z0-9]{0,12}?(?:项目|工程))?)"
    # 建设“十四五”规划重点项目某某电厂改扩建项目: a class of projects in quotes, then the one
    rf"|(?:{_BUILDS})了?“[^“”\n]{{1,12}}”[\u4e00-\u9fff]{{0,8}}?项目(?P<classed>[\u4e00-\u9fffA-Za-z0-9（）()+/\-]{{2,60}}?项目)"
)
# A verb inside a built project's run (某某建设组成联合体预中标某某项目: the company's name
# holds 建设): the project is named after the last one.
_BUILD_VERB = re.compile(_BUILDS)
_PROJECT_REACH = 300
# 780个市重点项目总投资: a number of projects counted right before the total, which is theirs.
_COUNTED_PROJECTS = re.compile(r"(?P<name>\d+个[\u4e00-\u9fff]{2,12}?项目)总?$")


def _project_name(found: re.Match[str], titled: bool) -> str | None:
    quoted = found["quoted"]
    if quoted is not None:
        if found["tail"]:
            return f"{quoted}项目"
        return quoted if quoted.endswith("项目") else None
    if found["titled"] is not None:
        return str(found["titled"]) if titled else None
    if found["classed"] is not None:
        return str(found["classed"])
    built = str(found["built"])
    verbs = [v.end() for v in _BUILD_VERB.finditer(built) if len(built) - v.end() >= 4]
    return built[verbs[-1] :] if verbs else built


def named_project(text: str, lo: int, hi: int, titled: bool = True) -> str | None:
    """The last project the text names between `lo` and `hi` (in a document's title only
    when `titled`: a plan's title names its projects in general, not the one a sum is of)."""
    found = _PROJECT_NAMED.finditer(text, lo, hi)
    names = [name for m in found if (name := _project_name(m, titled))]
    return names[-1] if names else None


def investment_target(
    text: str,
    obj: str | None,
    sentence: tuple[int, int],
    clause_start: int,
    label_start: int,
    figure_end: int,
) -> str | None:
    """What an investment labelled at `label_start` goes into, when its object is none or a
    bare 项目: the vehicle named after the sum, the vehicle a partner subscribes to, the
    projects counted right before it (780个市重点项目总投资), the project a bare 项目 points
    back to, or the project an earlier clause of the sentence builds (建设某某项目，…，总投资4
    亿元). Else `obj` as it was."""
    if obj is None and (after := _VEHICLE_AFTER.match(text, figure_end)):
        return after["name"]
    if obj is None and (built := _PROJECT_AFTER.match(text, figure_end)) and not built["more"]:
        return built["name"]
    if obj is None and _SUBSCRIBED.search(text, clause_start, label_start):
        joined = list(
            _VEHICLE_JOINED.finditer(text, max(0, clause_start - _JOINED_REACH), clause_start)
        )
        if joined:
            return joined[-1]["name"]
    if obj is None and text.startswith(_PAID_IN, label_start):
        # 投资设立某某有限公司，注册资本为5亿元，公司拟以货币方式出资4亿元；乙方出资1亿元: the
        # capital paid into the company the sentence (over its semicolons) sets up
        opened = max(text.rfind(stop, 0, clause_start) for stop in _FULL_STOPS) + 1
        joined = list(_VEHICLE_JOINED.finditer(text, opened, clause_start))
        if joined:
            return joined[-1]["name"]
    if obj is None and (counted := _COUNTED_PROJECTS.search(text, clause_start, label_start)):
        return counted["name"]
    if _BARE_PROJECT.search(text, clause_start, label_start):
        return named_project(text, max(0, label_start - _PROJECT_REACH), label_start) or obj
    if obj is None and clause_start > sentence[0] and "项目" in text[sentence[0] : clause_start]:
        if _PROJECT_OPENS.match(text, sentence[0]):
            before = max(0, sentence[0] - _PROJECT_REACH)
            return named_project(text, before, sentence[0], titled=False)
        return named_project(text, sentence[0], clause_start, titled=False)
    return obj
