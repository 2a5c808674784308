"""What grew, and against what: the indicator named before a growth, and a bare change's base.

A release states a growth right after the name of what grew (社会消费品零售总额同比增长,
核心CPI上涨): `_indicator` reads that name back from the growth's words to the clause's start,
the last name, region or 的 before it, and tells it from a clause, a period or a comparison.
A change written with no 同比 or 环比 of its own is against the base its paragraph last
named (从环比看), and a holder count's against the count disclosed before (`_bare_suffix`).
"""

from __future__ import annotations

import re

from touyan.facts.bulletin import VIEW
from touyan.facts.clause_parts import judged_topic
from touyan.facts.economy import REGION
from touyan.facts.labels import LABEL_BREAK, LABEL_METRIC, NOT_A_LABEL, YEAR_AGO
from touyan.facts.read_text import SENTENCE_END, TextReader

# An adverb ending the run before a growth (用电量仅同比增长): not part of the name.
_ADVERB_TAIL = frozenset("仅均也还已则")
# 应该会, 应当会: an expectation (the forecast words name it so), not part of what grows.
_SHOULD_TAIL = re.compile(r"(?:应[该当]会|有望|可望|或将)$")  # 投资有望增长15%
_AVERAGES = frozenset({"平均", "日均", "月均", "年均", "人均", "户均", "亩均"})  # 均 of a name
# What an indicator's name may hold, and the words before it that are no part of it.
INDICATOR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）\-&]{2,24}")
# An index's name that holds a company's or a place's (恒生某交易所互联互通中国企业指数, 某某中国
# 企业指数): one name, from the clause's opening words on to 指数.
_INDEX_HEAD = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,16}")
_INDEX_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{3,30}指数")


def index_named_across(text: str, lo: int, cut: tuple[int, int], end: int) -> int:
    """Where the name of what grew starts when a name or a place read at `cut` (its start and
    end) is a word of an index's name: at the clause's opening words before it, the index's
    own (恒生 of 恒生某某企业指数); else at the cut's end. A name or place opening the clause
    (我国居民消费价格指数) is the subject, no word of the index's name."""
    if cut[1] <= lo or not text.endswith("指数", cut[1], end):
        return cut[1]
    opened = max([lo] + [m.end() for m in LABEL_BREAK.finditer(text, lo, cut[0])])
    if (
        opened >= cut[0]
        or not _INDEX_HEAD.fullmatch(text, opened, cut[0])
        or INDICATOR_LEAD.fullmatch(text, opened, cut[0])
        or not _INDEX_NAME.fullmatch(text, opened, end)
    ):
        return cut[1]
    return opened


INDICATOR_LEAD = re.compile(
    r"(?:其中|此外|同时|全年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|当月|今年以来|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?|\d{1,2}月份?|\d{1,2}日|不过|虽然|尽管|然而|而且|并且|但是|但|而|"
    r"的|和|及|与|、)+"
)
# A run that is a figure itself (较去年同期的3126辆, 从去年的2020辆下降至): the base a growth is
# measured from, not the name of what grew.
_A_FIGURE = re.compile(
    r"\d[\d.]*[万亿千百]?(?:辆|吨|元|人次|人|台|件|户|架|艘|套|头|只|个|家|股|手)"
    r"(?:[\u4e00-\u9fff]{1,2}至)?$"
)
# A day or a holiday alone (大年初六当天, 除夕, 3月8日当天): when the figure is, not what it is.
_A_DAY_ONLY = re.compile(
    r"(?:大年)?(?:初[一二三四五六七八九十]|除夕|元旦|春节|国庆|中秋|端午|元宵|\d{1,2}月\d{1,2}日"
    r"|第[一二三四五六七八九十\d]{1,2}周)"  # 相对上月的第四周降29%: a week alone
    r"(?:当天|当日|当晚|期间)?"
)
# 相对上月的第四周降29%: a run after a comparison word names the base, not what grew; 拉动全国
# 投资增长2.7%: a run after a driving verb names what the driver lifted, by its contribution,
# not that measure's own growth.
_BASE_OR_DRIVEN = re.compile(
    r"(?:相对于?|相比于?|相较于?|对比|拉动|带动|推动|促进|助推|提振)[^，,；;。：:]{0,16}$"
)
# 盈利最少增长70%, 收入至少增长: a bound on the growth, no part of the name.
_BOUND_TAIL = re.compile(r"(?:最少|至少|最多|至多)$")
_FULL_STOP = re.compile(r"[。！？!?\n]")
# A window from the year's start (1-7月份, 1至8月, 前三季度, 上半年): a period, never what grew.
CUMULATIVE_WINDOW = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:(?:1|一)\s*[-—–~至到]\s*\d{1,2}\s*月份?|前[一二三四五六七八九十\d]{1,2}个?月"
    r"|前[一二三]季度|上半年)"
)
# A base a change is on that is no year ago (比前一周上升, 较6月末增长, 较上月): the change is
# on the period before (环比), whatever its paragraph last said.
PERIOD_BASE = re.compile(
    r"(?:比|较|相比|与)(?:前一|上一?)(?:周|日|交易日|个?月|季度?|期)(?!同期)"
    r"|(?:比|较)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:末|底)"
)
# A quote that trades through the day (纳斯达克100合约, 上日融资余额) or a clause timed within a
# session (当地时间下午5:53, 盘中, 收盘): its move is the session's, on no year.
_SESSION_QUOTE = re.compile(r"合约|期货|期指|上日|昨日")
_SESSION_TIME = re.compile(
    r"\d{1,2}[:：]\d{2}|盘中|盘初|盘前|盘后|收盘|开盘|早盘|午盘|尾盘|日内|截至发稿|截止发稿"
)
# A run that only says the figure is summed so far (累计同比下降3%): it names no measure.
_SUMMED_ONLY = frozenset({"累计", "累积", "合计", "共计", "总计"})
# Words that make a run a clause rather than the name of a figure (盘中一度: at one moment,
# how far a price went within the session, not what grew).
_STATEMENT_LIKE = re.compile(
    r"[为是在将已被把对从由却]|实现|录得|显示|预计|分别|达到|同比|环比|较|提出|目标|计划|预期|假设|一度|"
    r"导致|使(?![用命馆])|促使|"
    r"(?:19|20)\d{2}\s*年"
)

# Counts a company discloses from time to time: a bare change is against the last disclosure.
_ON_LAST_COUNT = re.compile(r"股东户数|股东人数|户均持股")

# A sector a sentence names as its example (如住宿和餐饮业，), whose figures it goes on with.
_SECTOR_EXAMPLE = re.compile(r"(?:如|例如|比如|诸如)(?P<sector>[\u4e00-\u9fff]{2,12}业)[，,]")
_PART_OPENS = re.compile(r"\s*其中")  # a sentence listing the parts of a whole


# 与2019年相比，财政收入增长6.4%: a growth against a year the sentence names as its base.
_AGAINST_YEAR = re.compile(r"[与和同](?P<year>(?:19|20)\d{2})年(?:同期)?(?:相比|比较|相较)")
# 与年初相比, 与去年初相比: a growth against a point of time; since this year's start (or the
# end of the last) it is the year so far's, since any other point a span no suffix names.
_AGAINST_POINT = re.compile(
    r"[与和同](?P<point>(?:去年|上年|今年|本年)?年?[初底末])(?:相比|比较|相较)"
)
# 与某毒株相比, 与同行相比: a base that is no time (no year, month, day, period or point in it):
# the figure is how far one thing stands from another, no change over time.
_AGAINST_OTHER = re.compile(r"[与和](?P<base>[^，,。；;：:与和同]{1,12}?)(?:相比|比较|相较)")
_TIME_WORD = re.compile(r"[年月日周季期时前后初底末]|\d")
_YEAR_START = frozenset({"年初", "今年初", "今年年初", "本年初", "本年年初"})
_LAST_YEAR_END = re.compile(r"(?:去|上)年年?[底末]")


class IndicatorReader(TextReader):
    """The name of what grew, and the base a bare change is measured against."""

    def _against_year(self, year: int, at: int) -> str | None:
        """The kind of a growth against `year` (较2019年增长, 与2019年相比…增长): a growth on the
        year (None) when the year the text last named before it is the one after that base,
        else its growth over the years between, named by its base (较2019年增幅)."""
        years = [
            d.end.year
            for d in self.dates
            if d.span[1] <= at and d.granularity != "relative" and d.end.year != year
        ]
        if years and years[-1] == year + 1:
            return None
        return f"较{year}年增幅"

    def _year_base_before(self, sentence: tuple[int, int], at: int) -> str | None:
        """与2019年相比，…增长: the kind `_against_year` names, for the last such base the
        sentence writes before a bare change."""
        bases = list(_AGAINST_YEAR.finditer(self.text, sentence[0], at))
        return self._against_year(int(bases[-1]["year"]), at) if bases else None

    def _point_base_before(self, sentence: tuple[int, int], at: int) -> str | None:
        """与年初相比，…增长: "_ytd" when the last base a sentence names before a bare change is
        the year's start (or last year's end), "" for another point (与去年初相比: a span from
        a day the text does not give, or a base that is no time: 与某毒株相比), None when it
        names no such base."""
        if "相" not in self.text[sentence[0] : at] and "比较" not in self.text[sentence[0] : at]:
            return None
        bases = list(_AGAINST_POINT.finditer(self.text, sentence[0], at))
        if not bases:
            other = list(_AGAINST_OTHER.finditer(self.text, sentence[0], at))
            return "" if other and not _TIME_WORD.search(other[-1]["base"]) else None
        point = bases[-1]["point"]
        return "_ytd" if point in _YEAR_START or _LAST_YEAR_END.fullmatch(point) else ""

    def _bare_suffix(self, at: int, metric: str = "") -> str:
        """A change with no 同比 or 环比 of its own: quarter on quarter when its paragraph last
        said 从环比看, else year on year (`facts.bulletin.VIEW`). A holder count's is against
        the count disclosed before it (股东户数下降1.16%), like 较上期."""
        if _ON_LAST_COUNT.search(metric):
            return "_qoq"
        ends = list(SENTENCE_END.finditer(self.text, max(0, at - 160), at))
        if PERIOD_BASE.search(self.text, ends[-1].end() if ends else max(0, at - 160), at):
            return "_qoq"  # 新增病例比前一周上升80.7%，住院病例增长20.4%: on the week before
        if self.views is None:
            self.views = [(m.start(), m["a"] or m["b"]) for m in VIEW.finditer(self.text)]
        line = self.text.rfind("\n", 0, at)
        kind = next((k for start, k in reversed(self.views) if line < start < at), None)
        return "_qoq" if kind == "环比" or self._part_on_month(at) else "_yoy"

    def _session_move(self, metric: str, at: int) -> bool:
        """Whether a bare change at `at` is a quote's move within a session (美股期货抹去跌幅，
        某100合约上涨0.1%; 当地时间下午5:53，某交易所铝价上涨0.6%): no growth on a year."""
        if _SESSION_QUOTE.search(metric):
            return True
        ends = list(SENTENCE_END.finditer(self.text, max(0, at - 160), at))
        return _SESSION_TIME.search(self.text, ends[-1].end() if ends else 0, at) is not None

    def _part_on_month(self, at: int) -> bool:
        """全国CPI环比下降0.2%。其中，能源价格下降1.4%: the parts a sentence opening with 其中 lists
        are compared as the whole the sentence before stated was, on the month."""
        # (其中，甲…增长0.3%；乙…增长0.8%: every ；-clause of the breakdown)
        ends = list(_FULL_STOP.finditer(self.text, max(0, at - 240), at))
        if not ends or not _PART_OPENS.match(self.text, ends[-1].end()):
            return False
        before = self.text[
            (ends[-2].end() if len(ends) > 1 else max(0, at - 240)) : ends[-1].start()
        ]
        if "同比" in before:
            return False
        return "环比" in before or PERIOD_BASE.search(before) is not None  # 较6月末增长

    def _named_before_aside(self, sentence: tuple[int, int], start: int) -> tuple[str, int] | None:
        """人户分离人口（即…半年以上的人口）5.04亿人: a run that closes an aside is the aside's
        end; what the figure is of is named before the aside opens."""
        opened = max(
            self.text.rfind("（", sentence[0], start), self.text.rfind("(", sentence[0], start)
        )
        if opened <= sentence[0] or start - opened > 90:
            return None
        return self._indicator(sentence, opened)

    def _cut_at(self, lo: int, start: int, end: int) -> tuple[int, int] | None:
        """The span of the name or place whose end a label's start was cut at, if any (read
        only for a label ending in 指数: see `index_named_across`)."""
        if start <= lo or not self.text.endswith("指数", start, end):
            return None
        for m in self.mentions:
            if m.end == start and m.start >= lo:
                return m.start, m.end
        for r in REGION.finditer(self.text, lo, start):
            if r.end() == start:
                return r.start(), r.end()
        return None

    def _domestic(self, region: re.Match[str]) -> bool:
        """国内 right after a foreign country (德国国内新订单): that country's domestic part,
        which the indicator keeps, not China."""
        return (
            region.group() == "国内"
            and (before := REGION.search(self.text, max(0, region.start() - 8), region.start()))
            is not None
            and before.end() == region.start()
            and before.group() not in ("中国", "我国", "全国", "中华人民共和国")
        )

    def _indicator(self, sentence: tuple[int, int], end: int) -> tuple[str, int] | None:
        """The name of what grew, right before 同比增长 or 增长 (社会消费品零售总额, 核心CPI):
        from the clause's start, the last name, region or 的 before it."""
        lo = max(sentence[0], end - 30)
        start = max(
            [lo]
            + [m.end() for m in LABEL_BREAK.finditer(self.text, lo, end)]
            + [m.end for m in self.mentions if lo <= m.start and m.end <= end]
            + [
                # (国内外游客: at home and abroad, a word of the name, which opens there)
                m.start() if self.text.startswith("国内外", m.start()) else m.end()
                for m in REGION.finditer(self.text, lo, end)
                if not self._domestic(m)
            ]
        )
        if cut := self._cut_at(lo, start, end):
            start = index_named_across(self.text, lo, cut, end)
        lead = INDICATOR_LEAD.match(self.text, start, end)
        if lead:
            start = lead.end()
        if self.text.startswith("的有", start - 1) and not self.text.startswith("色", start + 1):
            start += 1  # 价格降幅收窄的有黑色金属冶炼…: those that narrowed are …
        label = self.text[start:end]
        if label.endswith(("会", "望", "将")) and (should := _SHOULD_TAIL.search(label)):
            label = label[: should.start()]  # 每股收益应该会增长: what is expected to grow
        if (
            len(label) > 3
            and label[-1] in _ADVERB_TAIL
            and label[-2:] not in _AVERAGES
            and not (label[-1] == "均" and "和" in label)  # 出厂价格和购进价格均下降: both's
        ):
            label = label[:-1]  # 全社会用电量仅同比增长, 水泥制造价格均上涨: an adverb
        if label.count("）") + label.count(")") > label.count("（") + label.count("("):
            return self._named_before_aside(sentence, start)
        if (bound := _BOUND_TAIL.search(label)) is not None:
            label = label[: bound.start()]
        if not INDICATOR.fullmatch(label) or NOT_A_LABEL.match(label):
            return None
        if label.startswith(YEAR_AGO):
            return None  # 上年同期为5.7亿元，同比增长70%: the base, a year before, not what grew
        if _A_FIGURE.search(label) or _A_DAY_ONLY.fullmatch(label):
            return None
        if _BASE_OR_DRIVEN.search(self.text, max(sentence[0], start - 20), start):
            return None
        if CUMULATIVE_WINDOW.fullmatch(label) or label in _SUMMED_ONLY:
            # 1-7月份比上年同期上涨0.2%, 累计同比下降3%: the window's (or the running total's)
            # growth of what was just named
            return None
        if _STATEMENT_LIKE.search(label):
            return None
        if self.text[start - 1 : start] in "，," and (
            topic := judged_topic(self.text, sentence[0], start)
        ):
            # 在各类方式中，铁路仍是运输主力，共到发旅客…: the judged part's
            return topic + LABEL_METRIC.get(label.lower(), label), start
        example = list(_SECTOR_EXAMPLE.finditer(self.text, sentence[0], start))
        if example and "业" not in label:
            # 部分行业，如住宿和餐饮业，…，一季度用电量同比增长3.7%: the sector's use, not the
            # whole economy's
            return example[-1]["sector"] + label, start
        return LABEL_METRIC.get(label.lower(), label), start
