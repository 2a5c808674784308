"""Figures a text writes that state no one's fact, which the reader drops.

A figure may name a criterion (换手率达20%的证券登上龙虎榜), a threshold a definition sets
(30%—70%一般被认为是…), a class of holders (持股5%以上股东), an assumption (假设…), a forecast a
new one replaces (（原预测值：…）), a heading's year, the basis of a computation the writer
chose (以买入价10.5元计算), a chart's level (突破25元平台), a company's result filed under
a fund its sentence does not name, a fund's figure filed under the stock the text was about
before it turned to the fund, or the moves of the boards a stock's card lists (所属板块表现：):
none is a figure anyone reported of that subject, so none is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touyan.facts.extract import MEASURE_HEAD, ExtractedFact
from touyan.facts.name_forms import kind_of, plausible_name
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

# A bare year run into a heading, then a space and words (资产质量2024 平安银行…).
_HEADING_YEAR = re.compile(r"[^\S\n]+[\u4e00-\u9fff]")
# A clause the figure ends as a question (保费暴涨80%？) and the words that pass on a rumour
# (网传, 传闻): no one tells the figure.
_ASKED_AFTER = re.compile(r"[^，,。；;！!\n]{0,12}?[？?]")
_RUMOUR = re.compile(r"网传|传闻|据传|传言|坊间传")
# 换手率达20%的证券登上龙虎榜: the criterion a listing names, no one's figure.
_CRITERION_AFTER = re.compile(r"\s*的(?:证券|股票|个股|前\d)")
# 负债率40%—60%一般被认为是合理区间, 增速3%以下通常被视为: a threshold a definition sets,
# which no one's figure is.
_DEFINED_AFTER = re.compile(
    r"\s*(?:以上|以下|之间|左右)?的?\s*(?:一般|通常|往往|普遍|常|则)?\s*(?:被)?"
    r"(?:认为|视为|看作|称为|定义为|界定为)"
)
# 持股5%以上股东, 持股超5%股东: the class of major holders, named by its threshold; the
# holder's own stake is another figure (若减持完毕，将不再是持股5%以上股东).
_HOLDER_CLASS_AFTER = re.compile(r"\s*(?:以上|以下)的?(?:大)?股东")
_HOLDER_CLASS_BEFORE = re.compile(r"(?:超过|超|逾)\s*$")
_HOLDER_AFTER = re.compile(r"\s*的?(?:大)?股东")
# 放量突破25元平台, 回踩12元支撑位: a level a chart is read by, which the price crossed or
# tests; no quote of any day. (站上30元关口 may say where the price now stands: kept.)
# 原煤产量超3000万吨企业共20家, 月度零售额增量达1000万元及以上的企业: the threshold a class of
# firms is counted or chosen by, no one's figure.
_FIRM_CLASS = r"(?:各类|规模以上)?(?:企业|公司|个体户|商户|厂商|经营主体)"
_FIRM_CLASS_AFTER = re.compile(rf"(?:及以上|以上|以下|及以下)的?{_FIRM_CLASS}")
_FIRM_CLASS_BOUND = re.compile(
    rf"{_FIRM_CLASS}(?!的|[\u4e00-\u9fff]{{0,4}}(?:收入|营收|利润|产量|销量))"
)
_BOUND_BEFORE = re.compile(r"(?:超过|超|逾|高于|不低于)$")
# 维持利率在0%-0.25%区间的概率为40%: the level a scenario names, whose chance is the figure.
_SCENARIO_AFTER = re.compile(
    r"\s*(?:的?(?:目标)?(?:区间|范围|水平))?(?:内|之间)?的(?:概率|可能性|几率)"
)
# The words after a figure that make it no one's, in one pattern: every figure is tried once,
# not once for each (most figures pass every test). A criterion (换手率达20%的证券), a
# definition's threshold (30%—70%一般被认为是), a scenario's level (维持在1%-1.25%区间的概率为).
_NO_ONES_AFTER = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_CRITERION_AFTER, _DEFINED_AFTER, _SCENARIO_AFTER))
)
_ASKED_REACH = 13  # characters after a figure that `_ASKED_AFTER`'s question mark stands within
_CHART_LEVEL_AFTER = re.compile(r"\s*(?:附近的?|一线的?)?(?:平台|支撑位|压力位|阻力位|颈线)")

# A metric opening on another holder of the figure: the market's cross-border flow
# (北向资金今日净买入), a fund or trust (某某ETF近一月净买入, 某某Trust黄金持有量) or a central
# bank (某国中央银行月收购量). Filed under a company its clause does not name, it is that
# holder's, not the company's.
_HOLDER_HEAD = re.compile(
    r"(?:北向资金|南向资金|北上资金|南下资金"
    r"|[\u4e00-\u9fffA-Za-z]{0,12}?(?:ETF|LOF|Trust|中央银行|央行))",
    re.IGNORECASE,
)
# A company's results: a fund has none, so when a fund is only carried or the text's topic
# (an industry paragraph in a note on an ETF: 从净利润来看，第四季度净利同比下滑…), they are
# the industry's, or the index's members', not the fund's.
_RESULTS = re.compile(
    r"^(?:revenue|net_profit|gross_margin|operating_profit|operating_margin)|净利|营收|营业收入|毛利"
)

# The text turning from a stock to a fund (重仓该股…最多的基金为某某，该基金最新规模为…,
# 某某在任的基金产品包括：…): the figures after it are the fund's, not the stock's.
_FUND_TURN = re.compile(
    r"(?:该|此|这只|这支)(?:公募)?基金(?!公司|经理|管理人|托管人)"
    r"|最多的(?:公募)?基金(?:为|是)|(?:在任|管理)的(?:公募)?基金(?:产品)?(?:包括|有)"
)
# A fund's manager or custodian introduced by its role and name (基金管理人某某注册资本为…,
# 员工规模为…): the sentence's figures after it are that firm's. (Roles of a deal, 交易对方 or
# 受让方, run on into verbs as often as into names: 向交易对手方转让.)
_PARTY_TURN = re.compile(r"基金(?:管理人|托管人)(?![为是的将已系均])[\u4e00-\u9fffA-Za-z]{2}")
# Words that turn back to the stock or company (该股近5日…, 其中公司拟认缴…).
_STOCK_AGAIN = re.compile(r"该股|个股|(?<![金理子限])公司")

# A sentence opening, after its source (决定公告显示，), on a name and the time it did something
# in (某某在2014年11月3日至…期间，持股比例由…下降至…): that name's figures. A name no
# dictionary knows, it is no subject carried from before.
_DATED_LEAD = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,10}(?:显示|表示|指出|披露)[，,：:]\s*)?"
    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:在|于)(?:19|20)\d{2}年"
)


@lru_cache(maxsize=1024)
def _holder_head(metric: str) -> str | None:
    """The other holder a metric opens on (`_HOLDER_HEAD`), if any. (Cached, bounded: every fact
    asks, and texts share most of their metrics.)"""
    head = _HOLDER_HEAD.match(metric)
    return head.group() if head else None


@lru_cache(maxsize=1024)
def _company_result(metric: str) -> bool:
    """Whether a metric is a company's result (`_RESULTS`). (Cached, as `_holder_head`.)"""
    return _RESULTS.search(metric) is not None


_TOPICS = ("company", "fund")
_MEASURE_WORD = re.compile(MEASURE_HEAD + r"|标准|价格|水平|数据")

# 以买入的股价为1527.6元计算, 若按每股8元的价格测算: a clause that opens with 以 or 按 and
# closes with 计算 frames the figure in it as the basis of a computation.
_BASIS_BEFORE = re.compile(r"[，,：:（(\s](?:如果|若|假设)?(?:以|按照?)[^，,。；;：:（）()\d]*$")
_BASIS_AFTER = re.compile(r"[^，,。；;！？!?\d]{0,12}?(?:计算|测算|来算|估算)")
# A bracket that gives the forecast a new one replaces (（原预测值：…, （前次预测…).
_SUPERSEDED = re.compile(
    r"[（(]\s*(?:原|前次|此前|上次|调整前的?)(?:盈利)?(?:预测值?|预期值?|预估值?)\s*[:：为]?"
)
_BRACKET_CLOSE = re.compile(r"[）)]")


# 所属板块表现：甲行业 0.71%、乙概念 0.48%: the moves of the boards a stock is sorted into, each
# named by the board's own words alone (沪股通, 预盈预增, 标准普尔), which name no subject this
# reader can tell from a label: none of them is the stock's, so none is kept.
_BOARDS_LISTED = re.compile(r"所属(?:板块|概念|行业)(?:表现|涨跌幅?|行情)?\s*[:：]")

# A unit written past what the number reader read, which the fact would lose: a unit of data
# or frequency in Latin letters (434.9万TB), a time a count of 个 counts (3.8万亿个小时), or
# the time an amount is per (3万美元/天, 6.6万辆/天): a rate, which the bare figure misstates.
_UNREAD_UNIT = re.compile(
    r"(?:[KMGTPE]i?B|[KMGTPE]?bps|[KMGT]?Hz|mAh)(?![A-Za-z])"
    r"|(?<=个)(?:小时|月|工作日|交易日|季度)"
    r"|/(?:天|日|月|年|小时|周|晚)(?![\u4e00-\u9fff])"
)


# 上调2022及2023年度盈测分别4%及10%, 将盈利预测下调14%: how far a forecast was revised, not
# the forecast (its new level follows 至: 下调目标价10%至328港元).
_REVISED = re.compile(
    r"(?:上调|下调|调高|调低|调升|调降|上修|下修)了?[^，,。；;]{0,24}?"
    r"(?:盈利预测|盈测|预测|预期|预估|目标价)[^，,。；;至到]{0,16}$"
)


# 这类产品通常售价数十美元, 往往耗资千万元: what such things typically cost, said of a kind,
# not a figure anyone reported (the figure within a few clauses after the word).
_TYPICAL = re.compile(r"通常|往往|一般来说|一般而言")
_TYPICAL_REACH = 40
# 一位委员倾向于将利率维持在3%, 他更希望把目标定为5%: what one member would have preferred or
# proposed against the decision, no figure decided (the decision the text states elsewhere).
_PREFERRED = re.compile(r"倾向于?|更希望|更愿意|更偏好|偏好于|主张")
_PREFERRED_REACH = 30
# 认购一手的散户中签率为35%, 申购十手以上的投资者获配比例: the figure of a class of subscribers,
# named by what they applied for, not the offering's as a whole nor anyone's.
_SUBSCRIBER_CLASS = re.compile(
    r"(?:申请|申购|认购)[^，,。；;：:]{0,8}?[手股](?:以上|以下)?的[^，,。；;：:\d]{0,10}$"
)
# 暴涨往往伴随暴跌，就像4月8日股价下跌5%: an instance the typical is shown by, dated or
# brought in as an example: that figure is told.
_INSTANCE = re.compile(r"\d\s*[年月日号]|就像|例如|比如|譬如")
# 甲公司与乙公司达成的总价值达8亿元的协议: a deal's value, which is neither party's (the label
# would file it as the company's own 总价值).
_DEAL_VALUE = re.compile(
    r"(?:达成|签署|签订|签约|宣布)的?[^，,。；;]{0,16}?(?:总价值|价值)"
    r"(?:达到?|为|约|高达|超过?)*\s*$"
)


def _unit_unread(text: str, q: Quantity) -> bool:
    """Whether the text writes a unit right after a figure that its unit does not hold."""
    if q.unit not in ("", "count", "money"):
        return False
    follows = text[q.span[1] : q.span[1] + 1]
    if not follows or not (follows.isascii() and follows.isalpha() or follows in "小月工交季/"):
        return False  # the common case, cheaply: a figure ends its words
    return _UNREAD_UNIT.match(text, q.span[1]) is not None


def _year_like(q: Quantity) -> bool:
    """A whole number a recent year could be (1990-2039)."""
    return q.value == q.value.to_integral_value() and 1990 <= q.value <= 2039


class UnstatedSteps(Reader):
    """Whether a figure states no fact at all."""

    def _states_nothing(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """Whether a figure is written as no one's fact: a criterion, a threshold, a class of
        holders, an assumption, a forecast withdrawn, a heading's year."""
        if self._asked(q):
            return True  # 某车保费暴涨80%？: asked, not told
        if _NO_ONES_AFTER.match(self.text, q.span[1]):
            return True  # a criterion, a threshold, a scenario's level: no one's figure
        if self.text.find("传", sentence[0], q.span[0]) >= 0 and self._rumoured(q, sentence):
            return True  # 网传某车保费上涨超50%: a rumour, told by no one
        if q.unit == "%" and (
            _HOLDER_CLASS_AFTER.match(self.text, q.span[1])
            or (
                _HOLDER_AFTER.match(self.text, q.span[1])
                and _HOLDER_CLASS_BEFORE.search(self.text, max(0, q.span[0] - 3), q.span[0])
            )
        ):
            return True  # 持股5%以上股东: a class of holders, not a holder's stake
        if q.unit not in ("%", "count") and (
            _FIRM_CLASS_AFTER.match(self.text, q.span[1])
            or (
                _FIRM_CLASS_BOUND.match(self.text, q.span[1])
                and _BOUND_BEFORE.search(self.text, max(0, q.span[0] - 2), q.span[0])
            )
        ):
            return True  # 产量超3000万吨企业共20家: a class of firms, named by its threshold
        if q.unit == "money" and _CHART_LEVEL_AFTER.match(self.text, q.span[1]):
            return True  # 放量突破25元平台: a chart's level, not a price quoted
        if self.in_hypothesis(q, sentence):
            return True  # 假设26年每股收益达到80元，则…: an assumption and its sums, not told
        if "原" in self.text[max(sentence[0], q.span[0] - 40) : q.span[0]] and self._superseded(q):
            return True  # 预计EPS为0.48元（原预测值：0.84元）: a forecast withdrawn
        if not q.unit and _HEADING_YEAR.match(self.text, q.span[1]) and _year_like(q):
            return True  # 资产质量2024 平安银行不良占比…: a heading's year, not a figure
        if _unit_unread(self.text, q):
            return True  # 434.9万TB, 3万美元/天: a unit the figure read without
        if q.unit == "%" and "所属" in self.text[sentence[0] : q.span[0]]:
            if _BOARDS_LISTED.search(self.text, sentence[0], q.span[0]):
                return True  # 所属板块表现：甲 0.71%、乙 0.48%: the boards' moves
        if (
            typical := _TYPICAL.search(
                self.text, max(sentence[0], q.span[0] - _TYPICAL_REACH), q.span[0]
            )
        ) and not _INSTANCE.search(self.text, typical.end(), q.span[0]):
            return True  # 此类设备通常售价在2000元左右: a kind's typical figure
        if q.unit == "money" and "价值" in self.text[max(sentence[0], q.span[0] - 8) : q.span[0]]:
            if _DEAL_VALUE.search(self.text, max(sentence[0], q.span[0] - 32), q.span[0]):
                return True  # 两家达成的总价值达8亿元的协议: the deal's, neither party's
        if q.unit == "%" and _SUBSCRIBER_CLASS.search(
            self.text, max(sentence[0], q.span[0] - 24), q.span[0]
        ):
            return True  # 认购一手的散户中签率为35%: one class of subscribers' rate
        if self._preferred(q, sentence):
            return True  # 某委员倾向于将利率维持在3%: one member's wish, not the decision
        if q.unit == "%" and "调" in self.text[max(sentence[0], q.span[0] - 48) : q.span[0]]:
            clause = self._clause_start(sentence, q.span[0])
            if _REVISED.search(self.text, clause, q.span[0]):
                return True  # 上调2023年度盈测10%: a forecast's revision, not the forecast
        return False

    def _preferred(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """Whether the clause of a figure tells what someone prefers or proposes (`_PREFERRED`):
        a wish, which the decision told elsewhere overrules."""
        lo = max(sentence[0], q.span[0] - _PREFERRED_REACH)
        found = _PREFERRED.search(self.text, lo, q.span[0])
        if found is None:
            return False  # the common case, cheaply: no such word before the figure
        clause = max(self.text.rfind(c, found.start(), q.span[0]) for c in "，,；;") + 1
        return clause == 0 or _PREFERRED.search(self.text, clause, q.span[0]) is not None

    def _asked(self, q: Quantity) -> bool:
        """Whether the clause a figure ends is a question (`_ASKED_AFTER`). Its question mark
        is looked for first: most figures have none after them."""
        end = q.span[1] + _ASKED_REACH
        if self.text.find("？", q.span[1], end) < 0 and self.text.find("?", q.span[1], end) < 0:
            return False
        return _ASKED_AFTER.match(self.text, q.span[1]) is not None

    def _rumoured(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """Whether the figure's clause (after its last comma or colon) tells a rumour. Every
        `_RUMOUR` holds 传, which callers test for first: most sentences hold none."""
        clause = max(self.text.rfind(c, sentence[0], q.span[0]) for c in "，,：:】") + 1
        return _RUMOUR.search(self.text, max(clause, sentence[0]), q.span[0]) is not None

    def _superseded(self, q: Quantity) -> bool:
        """Whether a figure is inside a bracket that gives the forecast a new one replaces
        (EPS分别为0.61、0.72元（原预测值：2025-2026年为0.79和0.93元）): withdrawn, not told."""
        opened = _SUPERSEDED.search(self.text, max(0, q.span[0] - 40), q.span[0])
        return opened is not None and not _BRACKET_CLOSE.search(self.text, opened.end(), q.span[0])

    def _basis(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """以买入价10.5元计算, 按每股8元的价格测算: the figure a computation is made on, an
        assumption the writer chose, not a figure the company reported."""
        if not _BASIS_AFTER.match(self.text, q.span[1], sentence[1]):
            return False
        lo = max(sentence[0], q.span[0] - 24)
        before = ("，" if lo == sentence[0] else "") + self.text[lo : q.span[0]]
        return _BASIS_BEFORE.search(before) is not None

    def _led_by_another(self, fact: ExtractedFact, sentence: tuple[int, int]) -> bool:
        """Whether a figure was filed under a subject carried from before while its sentence
        opens on a name no dictionary knows and the time it acted in (`_DATED_LEAD`): that
        name's figure, not the carried subject's. So is one in a clause that opens on the
        former or the latter of two names (甲是乙旗下的公司，后者为总资产超百亿元的集团), whom
        this reader does not tell apart."""
        clause = self._clause_start(sentence, fact.span[0])
        if self.text.startswith(("后者", "前者"), clause):
            return not self.names_between(clause, fact.span[0])
        if "年" not in self.text[sentence[0] : fact.span[0]]:
            return False  # the common case, cheaply: no year before the figure
        lead = _DATED_LEAD.match(self.text, sentence[0], fact.span[0])
        if lead is None or lead["name"] == fact.subject:
            return False
        if self.names_between(sentence[0], fact.span[0]):
            return False  # a name the dictionary or the text knows: read as it reads it
        if not any(
            m.entity.name == fact.subject for m in self.mentions if m.entity.kind in _TOPICS
        ):
            return False  # an economy's figure: 补贴标准在2023年基础上…, a measure's own words
        name = lead["name"]
        return plausible_name(name) == name and not _MEASURE_WORD.search(name)

    def _anothers_holding(self, fact: ExtractedFact, sentence: tuple[int, int]) -> bool:
        """Whether a fact's metric opens on another holder (`_HOLDER_HEAD`) while the subject
        is not named in the figure's clause (北向资金今日净买入4亿元, under the stock a
        headline named): the holder's figure. (某股获北向资金净买入: the stock's, named.)"""
        head = _holder_head(fact.metric)
        if head is None or fact.subject.lower() in head.lower():
            return False
        clause = self._clause_start(sentence, fact.span[0])
        clause = max(clause, self.text.rfind("】", sentence[0], fact.span[0]) + 1)
        return not any(
            clause <= m.start < fact.span[0] and m.entity.name == fact.subject
            for m in self.mentions
        )

    def _unnamed_fund_result(self, fact: ExtractedFact, sentence: tuple[int, int]) -> bool:
        """A company's result (净利, 营收) filed under a fund its sentence does not name."""
        if not _company_result(fact.metric) or kind_of(fact.subject) != "fund":
            return False
        return not any(
            sentence[0] <= m.start < sentence[1] and m.entity.name == fact.subject
            for m in self.mentions
        )

    def _turned_away(
        self, fact: ExtractedFact, clause_start: int, sentence: tuple[int, int]
    ) -> bool:
        """A company's figure whose clause follows the text's turn from it to a fund
        (`_FUND_TURN`), or its sentence's to a fund's manager (`_PARTY_TURN`), with the company
        not named again since: the fund's or its manager's figure, not the company's. (A turn
        in the figure's own clause is its label's: 该基金…占比≥40%.)"""
        if kind_of(fact.subject) == "fund" or "基金" not in self.text:
            return False
        at = fact.span[0]
        since = max(
            (m.end for m in self.mentions if m.entity.name == fact.subject and m.end <= at),
            default=-1,
        )
        if since < 0:
            return False  # a subject not named before the figure: not carried from before it
        for again in _STOCK_AGAIN.finditer(self.text, since, at):
            since = again.end()
        if since >= clause_start:
            return False
        if _FUND_TURN.search(self.text, since, clause_start) is not None:
            return True
        return _PARTY_TURN.search(self.text, max(since, sentence[0]), clause_start) is not None
