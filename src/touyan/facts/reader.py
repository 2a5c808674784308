"""The steps every shape of text uses, on what `read_text.TextReader` reads of a text once.

Each shape (read_market, read_results, read_series, read_bulletin, read_growth, read_labels)
reads its figures with the steps here: whom a clause is about (_subject_or_region), and the
fact a figure states once its subject and metric are known (_fact_for, dated by _as_of).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from touyan.facts.bulletin import VIEW
from touyan.facts.dating import (
    RELEASED_AFTER,
    date_for,
    day_before,
    day_range,
    latest_quarter_end,
    period_before_day,
    period_result,
    priced,
    report_date,
    stale_session,
    titled_period,
)
from touyan.facts.economy import (
    CHINA,
    CHINESE_RELEASE,
    ECONOMY_OF,
    HAN,
    REGION,
    REGION_NAMES,
)
from touyan.facts.entities import EntityRecord, Mention
from touyan.facts.extract import (
    ExtractedFact,
)
from touyan.facts.filings import line_rate
from touyan.facts.labels import (
    DAILY_METRICS,
    LABEL_BREAK,
    LABEL_METRIC,
    LABELS,
    NOT_A_LABEL,
    RATIO_METRICS,
    SEGMENTED_METRICS,
    WINDOW_MOVE,
    base_metric,
)
from touyan.facts.market import (
    FLOW_METRICS,
    flow_window,
)
from touyan.facts.names import kind_of, plausible_name
from touyan.facts.periods import (
    year_range,
)
from touyan.facts.qualifiers import qualifier
from touyan.facts.read_text import FORECAST, SENTENCE_END, TextReader
from touyan.facts.sessions import PREVIOUS_SESSION
from touyan.text.dates import DateMention
from touyan.text.numbers import Quantity

# A year's results compared with the year before (较上年的59.49元, 比去年增长), not with the
# same quarter (较去年同期) or month.
_ANNUAL_BASE = re.compile(r"[较比](?:上年|去年)(?!同期|同月|末|底)")
_ANNUAL_METRICS = frozenset(
    {
        "revenue",
        "net_profit",
        "net_profit_adjusted",
        "eps",
        "eps_adjusted",
        "roe",
        "operating_cash_flow",
    }
)


def _valued(metric: str) -> bool:
    """A market value and a rank by it are a day's, like a quote (市值排名26/175)."""
    return metric == "market_cap" or "市值" in metric


SEGMENT_WORDS = ("业务", "板块", "事业部", "事业群", "分部")
# 公司 right before a short run of words, which the period follows.
_OWNED_BEFORE = re.compile(r"公司(?=[\u4e00-\u9fff]{2,8}\s*$)")
_LINE_WORDS = (*SEGMENT_WORDS, "品牌", "系列", "车型")  # a business, or a line of products
# Words after a name that name the company's own stock or itself, not a part of it.
NOT_A_PART = re.compile(r"股票|股价|股份|[AHB]股|公司|集团|证券|控股")
# 其中 before a consolidated scope: a group's total that counts its joint ventures is split
# into what its own books report (其中合并报表销量) and the rest, so the figure is a part.
_CONSOLIDATED_PART = re.compile(r"其中[，,]?\s*(?:合并报表|并表|合并口径)的?$")
# The same scope written as the label's own first word (实现并表销量49.8万台): a group's units
# sold count its joint ventures' unless the scope is named, so this is a part too. Only units:
# 并表营收 is the revenue the company reports, not a part of it.
_CONSOLIDATED_LABEL = re.compile(r"(?:合并报表|并表|合并口径)的?$")
_CONSOLIDATED_COUNTS = frozenset({"deliveries"})
_FIRM = re.compile(r"(?:公司|集团|资本|控股|投资)$")
# 今日 and 今天 are the day the text was published (当日 is a day named before it).
# 近期 opening a clause (。近期放量突破25元) says now; a heading's or a topic's 近期 (### 近期的
# 资金表现, 从近期表现看) names no time of the figures after it.
_NOW = re.compile(
    r"当前|目前|(?:^|(?<=[。，,；;！？!?\n]))近期(?!的)|截[至止]发稿|发稿时|今日|今天|截[至止]\d{1,2}[时:：]\d{2}"
)
# A news item's dateline: its day, then 消息 or 电 (2月13日消息，, 新华社北京5月9日电).
_NEWS_DAY = re.compile(r"[^\S\n]*(?:消息|电)[，,：:\s]")
_NEWS_DAY_REACH = 16
# How a listed company's short name ends (昊海生科, 恒瑞医药's peers 华东药业, 中信股份): a run
# ending so, right before a figure's label, names a company, not a business line.
_COMPANY_FORM = re.compile(r"(?:股份|科技|药业|生科|生物|集团|控股|实业|新材)$")
# A sentence opening by turning to another company (再看税友股份，, 反观某某科技：); a name
# the turn calls a peer (反观同行业的某某检测，) need not end as _COMPANY_FORM does.
_TURN_TO = re.compile(
    r"\s*(?:再看看?|再来看|来看看?|反观|对比|对比之下|相比之下|隔壁的?|至于|而)\s*"
    r"(?P<peer>(?:同行业|同行|同业|竞争对手|对手)的?)?\s*(?P<name>[\u4e00-\u9fff]{2,8}?)\s*[，,：:]"
)
_LEAD_MAX = 10  # characters: a company's short name, with a few more for a full one
# A field of business in a company's form (金融科技, 生物科技, 新能源汽车): a segment's name.
_SECTOR = re.compile(
    r"(?:金融|信息|数字|医疗|生物|智能|网络|互联网|能源|新能源|电子|软件|云|汽车|农业|教育|环保|"
    r"材料|新材料|制造|健康|物流|文化|传媒|消费|零售|地产)(?:科技|生物|股份|集团|控股|实业|新材)"
)
# 本集团, 该股份公司: the subject itself (but 全志科技 is a name)
_SELF = re.compile(r"(?:本|该|其|我|此|全|旗下|子|母)(?:公司)?(?:集团|股份|控股)?(?:公司)?")
_ADVERB_TAIL = frozenset("仅均也还已")
# 应该会, 应当会: an expectation (the forecast words name it so), not part of what grows.
_SHOULD_TAIL = re.compile(r"应[该当]会$")
_AVERAGES = frozenset({"平均", "日均", "月均", "年均", "人均", "户均", "亩均"})  # 均 of a name
INDICATOR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）\-]{2,24}")
INDICATOR_LEAD = re.compile(
    r"(?:其中|此外|同时|全年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|当月|今年以来|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?|\d{1,2}月份?|\d{1,2}日|不过|但|而|的|和|及|与|、)+"
)
# A window from the year's start (1-7月份, 1至8月, 前三季度, 上半年): a period, never what grew.
CUMULATIVE_WINDOW = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:(?:1|一)\s*[-—–~至到]\s*\d{1,2}\s*月份?|前[一二三四五六七八九十\d]{1,2}个?月"
    r"|前[一二三]季度|上半年)"
)
# Words that make a run a clause rather than the name of a figure (盘中一度: at one moment,
# how far a price went within the session, not what grew).
_STATEMENT_LIKE = re.compile(
    r"[为是在将已被把对从由却]|实现|录得|显示|预计|分别|达到|同比|环比|较|提出|目标|计划|预期|假设|一度|"
    r"(?:19|20)\d{2}\s*年"
)
# The year so far (今年以来, 今年来, 今年至今): a window from the year's start to the day of
# writing, which the date parser, reading 今年 alone, gives as the whole year.
_YTD = ("今年以来", "今年来", "今年至今")


# A change against a base, or its yearly average: over the years since a base year it names.
_SINCE_BASE = re.compile(r"(?<!_yoy)(?<!_qoq)_(?:change|avg_annual_change|cagr)$")
_BASE_YEAR = re.compile(
    r"(?:(?<![同环])比|较之?|相比)[^\S\n]*(?P<year>(?:19|20)\d{2})[^\S\n]*年末?(?!同期)"
)
_OTHER_BASE = re.compile(r"同比|环比|上年|去年|上月|上季|同期|上期")
# A new statement as of a day, after a figure (…为0.45%，截止X…): a window does not reach it.
_NEW_AS_OF = re.compile(r"\d[^\d，,。；;]{0,3}[，,；;]\s*(?:截止|截至)")
# A figure a name runs on from with no stop (-738.02万航天信息, 8270万元_新浪财经_新浪网X).
_GLUED_FIGURE = re.compile(r"\d(?:[万亿]?[元股手]?|%)[_A-Za-z\u4e00-\u9fff]{0,10}$")
# A quote of one moment of a session (收盘价): a span's is its last day's.
_POINT_QUOTES = frozenset({"price", "open", "close", "prev_close", "limit_up", "limit_down"})
# Moves whose metric names their window: a window said before them must be theirs.
_OWN_WINDOW = {"change_ytd_pct": "今年", "change_1w_pct": "周", "change_1m_pct": "月"}
# A trailing window a move is measured over (近三月, 最近360天, 近5个交易日), not one session
# (近1日, 近一天).
_TRAILING = re.compile(
    r"最?近(?P<span>(?![1一]个?(?:交易日|日|天)$)(?:\d+|[一二两三四五六七八九十百]+|半)个?"
    r"(?:交易日|日|天|周|月|季度|年))"
)
# The later day of a span a move is measured over (…，到2025年5月12日涨到了…), and the
# trailing windows a span from a day to the same day some months later is.
_SPAN_TO = re.compile(r"(?:到|至|直到)\s*$")
_SPAN_MONTHS = {1: "近一月", 3: "近三月", 6: "近六月", 12: "近一年"}
# 股价从2024年5月的60多元一路跌到现在，跌幅超过20%: a move from a day or month named after 从
# or 自 up to now, written after the date (到现在, 至今).
_FROM_BEFORE = re.compile(r"[从自]\s*$")
_TO_NOW = re.compile(r"(?:到|至)(?:现在|今天?|目前|当前)")
# A balance a period opened with (期初余额, 年初余额, 年初数), as against its closing one.
_OPENING = re.compile(r"期初|年初(?:余额|数)")
_REPORTING_SPANS = frozenset({"month", "quarter", "half", "year", "report"})
_QUARTER_ENDS = frozenset({(3, 31), (6, 30), (9, 30), (12, 31)})
# 4月8日因三天内涨幅超过40%登上龙虎榜, 5个交易日内累计跌幅达12%: a move over the few days up
# to the day named (not one day's, 1天内 is), named as a trailing window's move is.
_DAYS_MOVE = re.compile(
    r"(?<![\d月.．近])(?P<span>(?:(?!1(?!\d))\d{1,3}|[两三四五六七八九十]{1,3})\s*个?"
    r"(?:交易日|日|天))\s*(?P<within>之?内(?:累计|合计)?|累计|合计)的?(?:股价)?"
    r"(?:涨跌幅|涨幅|跌幅)\s*(?:为|达到?|超过|超|逾|接近|近|约|高达)?\s*$"
)
# A short phrase in quotation marks around a region's name (“全国玩家”).
_QUOTED_BEFORE = re.compile(r"[“\"][^”\"，,。；;]{0,6}$")
_QUOTED_AFTER = re.compile(r"[^“”\"，,。；;]{0,6}[”\"]")
_ORG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:委员会|协会|交易所|集团|公司|证券|研究院)")
# Counts a company discloses from time to time: a bare change is against the last disclosure.
_ON_LAST_COUNT = re.compile(r"股东户数|股东人数|户均持股")
_HEADING_MARK = re.compile(r"(?:^|\s)#{2,6}\s")
# Where a markdown text opens another section inside one run of text: a rule, a heading, a
# bold numbered heading (**四、风险提示**).
_SECTION_BREAK = re.compile(
    r"-{3,}|#{2,6}\s|\*\*[一二三四五六七八九十]{1,3}[、.．]"
    # a card's next field (…预测的最低目标价21.2元，个股诊断：…总体排名538/5412)
    r"|[，,。；;](?!其中|具体|分|包括)[\u4e00-\u9fff]{2,6}[:：]"
)
# A clause opening (after a heading, a source and a year) on the nation's or the world's total
# (据某机构，2024年全球平板电脑出货量同比…; 2025年国家燃气管网投资同比增速达…): an industry's or an
# economy's figure, not the carried company's; its share of that market (全球市场份额) is its own.
_NATIONWIDE = re.compile(
    r"(?:据[^，,。；;]{1,12}[，,])?(?:(?:19|20)\d{2}年(?:\d{1,2}月份?)?)?(?:全国|全球|国家|我国)"
)
_CLAUSE_OPENING = re.compile(r"[\s，,：:]")
_COMPANY_SHARE = re.compile(r"份额|市占|占有率|占比|排名|第")


# A fiscal year's period (2025财年第三季度, 第三财季, FY2025 Q3): its calendar end is the
# issuer's, which the text rarely says.
_FISCAL = re.compile(r"财年|财季|财政年度|FY", re.IGNORECASE)
# A sector a sentence names as its example (如住宿和餐饮业，), whose figures it goes on with.
_SECTOR_EXAMPLE = re.compile(r"(?:如|例如|比如|诸如)(?P<sector>[\u4e00-\u9fff]{2,12}业)[，,]")
_PART_OPENS = re.compile(r"\s*其中")
# A hypothesis a sentence sets (假设26年利润增长7%，每股收益达到80元), and the words that
# turn to what follows from it (则每股分红64元, 对应…的股息率, 此时市盈率约为…).
_HYPOTHESIS = re.compile(r"(?:我们)?(?:假设|假如|倘若|假定)(?![:：条前])")
_CONSEQUENCE = re.compile(r"则|那么|此时|届时|对应|相当于|意味着")
# The sentence that carries a scenario on (此时, 届时, 到那时), and the words that set one.
_THEN = re.compile(r"\s*(?:此时|届时|到时候?|到那时|那时)")
_SCENARIO = re.compile(r"假设|假如|如果|倘若|若(?![干羽])|预计|预期|预测|测算")
# A date field after a forecast word: what is expected is the date, not the figures after it.
# A sentence that opens with a forecast and lists its figures in clauses joined by ；
# (预计2026年某作物播种面积…；单产…；产量保持在…以上。): every clause is forecast.
_FULL_STOP = re.compile(r"[。！？!?\n]")
_FORECAST_OPENS = re.compile(r"\s*(?:据|本月|本期|我们|机构|市场)?(?:预计|预测)")
# 本月预测，2026/27年度…, 本月估计，2025/26年度…: a monthly supply-and-demand release's frame;
# the paragraph's figures after it are the month's projections (an estimate of a season not
# over is one too), until the release turns to a season it leaves as it was (本月对…不作调整).
_MONTH_FRAME = re.compile(r"本月(?:预测|估计|对)")
_EXPECTED_DATE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:完工|竣工|投产|上市|到期)(?:日期|时间)")

# A short name in brackets right before a label (云基础设施（IaaS）收入), and where the run
# that names the line before it opens.
_ASIDE_BEFORE = re.compile(r"[（(][A-Za-z0-9\u4e00-\u9fff]{1,12}[）)]\s*$")
_RUN_OPENS = re.compile(r"[，,；;。！？!?\n：:\-]")
# What says a figure is the day's (当日主力资金净流出).
_THAT_DAY = re.compile(r"当日|当天|今日")
_CLAUSE_SEP = re.compile(r"[，,；;]")  # but 预计今日…: today's, foreseen
# Where a statement from a source starts (数据显示, 据Wind统计).
_SOURCE = re.compile(r"数据显示|资料显示|行情显示|据[^，,。；;]{0,12}统计")
_DIGIT = re.compile(r"\d")
# A clause judging a period's results, stating no figure (Q1业绩强劲：, 年报超预期，): the
# period is the results', not that of a price move in the clause after it.
_RESULTS_JUDGED = re.compile(
    r"[^\d，,：:；;。]{0,6}?(?:业绩|财报|季报|年报|中报)[^\d，,：:；;。]{0,8}[，,：:；;]"
)
# A day's share-price move written after the day (5月7日暴跌7.5%, 5月7日股价下跌).
_MOVE_AFTER = re.compile(
    r"[^\d，,。；;]{0,4}?(?:暴跌|大跌|下跌|跌停|收跌|暴涨|大涨|上涨|涨停|收涨|飙升|跳水)"
)
# What only a yearly report or release states: the urbanization rate, the pay of directors
# and executives (前三名高管报酬, 董监高薪酬, 报酬总额).
_YEARLY_ONLY = re.compile(r"城镇化率|(?:董事|监事|高管|董监高|管理层)\S{0,4}(?:报酬|薪酬)|报酬总额")
# The latest report, which the text does not name (在最新的季度报告中, 据最新财报).
_LATEST_REPORT = re.compile(
    r"(?:最新|最近)(?:的|一期|一份)?"
    r"(?:季度报告|季报|财报|财务报告|业绩报告|年报|中报|半年报|一季报|三季报)"
)
_LATEST_REACH = 120  # characters back from a figure
# Totals since the company listed, which no period bounds.
_SINCE_LISTING = frozenset({"dividends_since_listing"})
# A target price however named (目标价, 目标均价, 过去90天内机构目标均价).
_TARGET = re.compile(r"目标\S{0,2}价")
# A session's quote and what the day's price values the company at: a day's figures.
_QUOTE_METRICS = DAILY_METRICS | RATIO_METRICS | {"market_cap", "float_market_cap"}
# A list item's number (10、美湖股份公告, 3. 登康口腔（001328）).
_ITEM_MARKER = re.compile(
    r"(?:^|(?<=[。；;！？!?\n\s]))(?:\d{1,2}|[一二三四五六七八九十])[、．.]\s*"
)


def _opened_on(anchor: DateMention, as_of: dt.date) -> dt.date:
    """The day a balance dated by `anchor` opened with is as of: the day before a reporting
    period began (2024年半年度报告…期初余额 is the end of 2023's), and the last year-end for
    a report's closing day (截至2024年6月30日…相较于期初的X元: Chinese interim statements
    compare with the start of the year). Any other day is kept as it is written."""
    if anchor.granularity in _REPORTING_SPANS:
        return anchor.start - dt.timedelta(days=1)
    if anchor.granularity == "day" and (as_of.month, as_of.day) in _QUARTER_ENDS:
        return dt.date(as_of.year - 1, 12, 31)
    return as_of


def _upper_end(q: Quantity) -> Decimal | None:
    """A range's upper end (亏损1000万元至1500万元 runs from -1500万 to -1000万)."""
    if q.high is None or q.high <= q.value:
        return None
    return q.high


class Reader(TextReader):
    """The steps that turn a figure into a fact, on what a text holds."""

    def unknown_lead(
        self, clause_start: int, label_start: int, named: Mention | None
    ) -> tuple[bool, EntityRecord | None]:
        """A clause that opens with a company's name no dictionary knows, right before its
        label (…；昊海生科营收6.19亿元), starts a new subject: the figures are that company's
        when the run reads as a name, else nobody's (同业科技营收), never the subject carried
        from before. (False, None) when the clause names its subject (`named`), opens with no
        such name, or with the subject itself (本集团毛利率)."""
        if named is not None and named.start >= clause_start:
            return False, None
        run = self.text[clause_start:label_start].strip()
        if not 2 <= len(run) <= _LEAD_MAX or not _COMPANY_FORM.search(run):
            return False, None
        if _SELF.fullmatch(run) or _SECTOR.fullmatch(run):
            return False, None  # 本集团毛利率; 金融科技营业收入: the subject's own line
        name = plausible_name(run)
        if name is None or not run.endswith(name) or kind_of(name) != "company":
            return True, None
        self.unnamed_leads.add(name)
        return True, EntityRecord(name, "company")

    def turned_to(
        self, sentence: tuple[int, int], label_start: int
    ) -> tuple[bool, EntityRecord | None]:
        """A sentence that opens by turning to another company (再看税友股份，…毛利率60.92%;
        反观同行业的某某检测，…): its figures are that company's, not the subject carried from
        before.
        (True, the company) when the run reads as a name, (True, None) when it does not, and
        (False, None) when the sentence opens with no such turn or with a known name."""
        turn = _TURN_TO.match(self.text, sentence[0], label_start)
        if turn is None or turn.start("name") in self.mention_start_set:
            return False, None
        if turn["peer"] is None and not _COMPANY_FORM.search(turn["name"]):
            return False, None
        name = plausible_name(turn["name"])
        if name is None or name != turn["name"] or kind_of(name) != "company":
            return True, None
        self.unnamed_leads.add(name)
        return True, EntityRecord(name, "company")

    def _line_of_rate(
        self, subject: str, rate: str, sentence: tuple[int, int], label_start: int
    ) -> str | None:
        """The business line a rate (or its change) written after that line's revenue is of
        (A设备营收4.15亿元，同比+27%，毛利率43.62%, 云业务收入…，营业利润率提升9个百分点),
        not the company's."""
        last = self.last
        if (
            last is None
            or not last.object
            or last.subject != subject
            or not sentence[0] <= self.last_end <= label_start
            or not line_rate(rate, last.metric, self.text[self.last_end : label_start])
        ):
            return None
        return last.object

    def _said_now(self, anchor: DateMention, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A figure the text says is current (当前, 目前, 截至发稿), dated only by an earlier
        sentence."""
        if anchor.span[1] > sentence[0]:
            return False  # 2025年5月14日，当前市值为…: the sentence dates it (a title's does not)
        return any(
            not self._in_aside(now.start(), sentence[0])
            for now in _NOW.finditer(self.text, sentence[0], q.span[0])
        )

    def _news_day(self) -> DateMention | None:
        """The day a news item opens with as its own (2月13日消息，…, 5月9日电): the day it was
        written, which a listing may post months later; what it says is current is of then."""
        first = self.dates[0] if self.dates else None
        if (
            first is None
            or first.granularity != "day"
            or first.span[0] > _NEWS_DAY_REACH
            or not _NEWS_DAY.match(self.text, first.span[1])
        ):
            return None
        return first

    def _in_aside(self, at: int, lo: int) -> bool:
        """Whether `at` is within brackets opened after `lo`: 总收入257亿美元（当前约1867亿元
        人民币）汽车总收入198亿美元 converts at the day's rate, which dates no figure after it."""
        return self.text.rfind("（", lo, at) > self.text.rfind("）", lo, at)

    def _qualifier(self, metric: str, clause_start: int, label_start: int) -> str | None:
        """The segment or sector narrowing a company-results label (动力电池系统营业收入)."""
        if metric not in SEGMENTED_METRICS:
            return None
        if aside := _ASIDE_BEFORE.search(self.text, max(0, label_start - 16), label_start):
            # 云基础设施（IaaS）收入: the line named before its short name in brackets
            label_start = aside.start()
            opened = list(_RUN_OPENS.finditer(self.text, max(0, label_start - 30), label_start))
            clause_start = opened[-1].end() if opened else max(0, label_start - 30)
        bounds = [m.end for m in self.mentions if clause_start <= m.end <= label_start]
        dates = [
            d
            for d in self.dates
            if clause_start <= d.span[1] <= label_start
            and d.text != "全年"  # 酱油类全年实现收入: a time word the qualifier skips
        ]
        found = qualifier(self.text, clause_start, label_start, bounds + [d.span[1] for d in dates])
        if found is None and _CONSOLIDATED_PART.search(self.text, clause_start, label_start):
            return "合并报表"  # 总销量70万辆，其中合并报表销量50万辆: the consolidated part
        if (
            found is None
            and metric in _CONSOLIDATED_COUNTS
            and _CONSOLIDATED_LABEL.search(
                self.text, max(clause_start, label_start - 5), label_start
            )
        ):
            return "合并报表"
        if (
            found is None
            and self.text[label_start - 1 : label_start] == "云"
            and any(m.end == label_start - 1 for m in self.mentions)
        ):
            return "云"  # 谷歌云营收, 腾讯云收入: the cloud business, named with its company
        if found is None and (brand := self._listed_brand(clause_start, label_start)):
            return brand
        before = dates[-1].span[0] if dates and dates[-1].span[1] == label_start else None
        if found is None and before is not None:
            # 谷歌云业务2025年第一季度收入122.6亿美元: a business named before the period; so
            # is a product line (某某新能源车型2024年销量同比增长60%, 某某高端系列一季度营收)
            named = self._named_before_period(clause_start, label_start)
            if named and named.endswith(_LINE_WORDS):
                return named
            # 公司某某材料2024全年交付…: what 公司 names of itself before the period
            owned = _OWNED_BEFORE.search(self.text, max(clause_start, before - 12), before)
            return qualifier(self.text, owned.end(), before, []) if owned else None
        return found

    def _named_before_period(self, clause_start: int, label_start: int) -> str | None:
        """The words before a period written right before a label (某某系列2024年销量), which
        the qualifier does not reach across the period to read."""
        dates = [
            d for d in self.dates if clause_start <= d.span[1] <= label_start and d.text != "全年"
        ]
        if not dates or dates[-1].span[1] != label_start:
            return None
        before = dates[-1].span[0]
        bounds = [m.end for m in self.mentions if clause_start <= m.end <= before]
        earlier = [d.span[1] for d in dates if d.span[1] <= before]
        return qualifier(self.text, clause_start, before, bounds + earlier)

    def _namesake_part(self, owner: str, clause_start: int, label_start: int) -> str | None:
        """A name opening with the company's own first characters but not the company's (某某
        福特 under 某某汽车: a joint venture or brand carrying its parent's name), written
        before the period and the label (某某福特4月销量), is the part the figure is of. (With
        no period between, the qualifier reads it already.)"""
        named = self._named_before_period(clause_start, label_start)
        if (
            named is None
            or len(named) < 3
            or not named.startswith(owner[:2])
            or owner.startswith(named)
            or NOT_A_PART.search(named)
        ):
            return None
        return named

    def _listed_brand(self, clause_start: int, label_start: int) -> str | None:
        """A brand named with the company's name (某某品牌交付2.1万辆) is the company's own
        figure, unless the text lists its brands (…，某某品牌交付2.1万辆，另一品牌交付1.3万辆):
        then it is one brand's, a part of the group's total."""
        if "品牌" not in self.text[clause_start:label_start]:
            return None
        named = next(
            (
                m
                for m in self.mentions
                if clause_start <= m.start
                and self.text.startswith("品牌", m.end)
                and self.text[m.end + 2 : label_start] in ("", "的")
            ),
            None,
        )
        if named is None:
            return None
        brand = named.text + "品牌"
        said = self.text[named.end : label_start + 2]  # 品牌交付, 品牌的销量
        listed = (self.text[max(0, at - 4) : at] for at in _find_all(self.text, said))
        return brand if any(not b.endswith(named.text) for b in listed) else None

    def _item_between(self, lo: int, hi: int) -> bool:
        """Whether a list item about another company opens between `lo` and `hi` (a digest's
        10、美湖股份公告…, a pick list's 3. 登康口腔（001328）…): dates do not carry into it."""
        if hi <= lo:
            return False
        return any(
            marker.end() in self.mention_start_set and marker.start() <= hi
            for marker in _ITEM_MARKER.finditer(self.text, lo, hi + 6)
        )

    def _anchor(
        self, metric: str, q: Quantity, sentence: tuple[int, int]
    ) -> tuple[DateMention | None, DateMention | None]:
        """The date a figure holds for, and the window it covers (近一周): the date named
        nearest it, unless what the metric is (a day's quote, a period's result, a target)
        rules that date out."""
        anchor, window = date_for(q, sentence, self.dates, self.text, self.published_at)
        if window is not None and anchor is None and self.reviewed and window.text == "本月":
            # 吉利汽车在2025年4月的…(title), published 13 May: 本月市值为1577.2亿元 is April's
            anchor, window = replace(self.reviewed, span=window.span), None
        if (
            anchor is None
            and window is None
            and self.title_day
            and (this := self.text.find("当日", sentence[0], q.span[0])) >= 0
            and not any(d.span[0] < q.span[0] for d in self.dates)
        ):
            # X在5月14日的融资状况 (title): 当日X获融资买入额804.82万元, the title's day
            anchor = replace(self.title_day, span=(this, this + 2), text="当日")
        if (
            self.quarter
            and anchor is None
            and (this := self.text.find("本季", sentence[0], q.span[0])) >= 0
            and not any(sentence[0] <= d.span[0] < q.span[0] for d in self.dates)
        ):
            # X25Q1财报点评 (title): 本季公司整体RevPAR同比-5.3% is the first quarter's
            span = (this, this + (3 if self.text.startswith("本季度", this) else 2))
            anchor = replace(self.quarter, span=span, text=self.text[span[0] : span[1]])
            window = None
        if (
            window is not None
            and window.text in _YTD
            and anchor is not None
            and (anchor.span[1] <= sentence[0] or anchor.granularity != "day")
        ):
            # 授权日为5月13日。今年以来，新获得专利授权99个, 2024年营收增长…，今年以来新获专利
            # 授权同比增加73.68%: the year so far, to the day of writing
            anchor = None
        if window is not None and (
            self._run_on_name(window.span[1], q.span[0])
            or _NEW_AS_OF.search(self.text, window.span[1], q.span[0])
            or self._name_after_window_label(window, q)
        ):
            # …近5日主力净流入-738.02万X跌1.26%，成交额…, 今年以来涨跌幅为0.45%，截止X最大
            # 单日涨幅为4.87%: a new statement's, after the window's own figure
            window = None
        if window is not None and anchor is not None and anchor.text in PREVIOUS_SESSION:
            # 上一个交易日，X已下跌5%，两个交易日最大回撤14.5%: a window after it runs back
            # from the day the text is about, not from the session before
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.granularity == "year"
            and anchor.span[1] <= sentence[0]
            and metric.endswith("_qoq")
        ):
            anchor = self._month_of_year(anchor)  # 2022年12月份…。2022年全年…。PPI环比下降
        if anchor is not None and self._item_between(anchor.span[1], sentence[0]):
            anchor = None  # 9、X公告，于3月21日…。10、Y公告，拟投资7亿元: the item's own date
        if (
            anchor is not None
            and anchor.granularity == "day"
            and anchor.span[1] <= sentence[0]
            and (period_result(metric) or self._after_move(anchor, metric))
        ):
            anchor = period_before_day(anchor, self.dates, self.text)  # 5月7日暴跌。营收为…
        if (
            anchor is not None
            and anchor.granularity == "day"
            and period_result(metric)
            and RELEASED_AFTER.match(self.text, anchor.span[1])
            and (titled := titled_period(self.title, self.published_at)) is not None
            and titled.end < anchor.start
        ):
            # X2025年第一季度净利润同比下降38% (title): 4月24日，X发布的报告显示…每股收益为0.36
            # 美元 is the quarter's, told on the 24th
            anchor = replace(titled, span=anchor.span)
        if anchor is not None and metric in _SINCE_LISTING and anchor.span[1] <= sentence[0]:
            # 2025年1-3月，营收185亿元。…A股上市后累计派现63亿元: a running total to the day of
            # writing, not the period an earlier sentence names
            anchor = None
        if (
            anchor is not None
            and anchor.granularity != "day"
            and (anchor.span[1] <= sentence[0] or anchor.span[0] > q.span[0])
            and (metric in DAILY_METRICS or WINDOW_MOVE.fullmatch(metric) or _valued(metric))
        ):
            # a day's quote is not dated by a period named before or after it, but by the day
            # named before the period (a market value, and a rank by it, is a day's too)
            daily = metric in DAILY_METRICS or _valued(metric)
            anchor = day_before(anchor.span[0], self.dates, self.published_at) if daily else None
        if (
            anchor is not None
            and anchor.granularity != "day"
            and sentence[0] <= anchor.span[0] < q.span[0]
            and metric in DAILY_METRICS
            and (
                (
                    (source := _SOURCE.search(self.text, anchor.span[1], q.span[0]))
                    and _DIGIT.search(self.text, anchor.span[1], source.start())
                )
                or _THAT_DAY.search(self.text, anchor.span[1], q.span[0])
            )
        ):
            # 2024年公司拟分红168亿元，分红率达65%，再创历史纪录有券商发布研报…数据显示，主力资金
            # 净流出2.74亿元: a new statement from a source, run on without a stop, about the
            # day, not the year the statements before it were of; so is one the text says is
            # of the day (召开2024年年度股东大会…当日主力资金净流出)
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.granularity != "day"
            and sentence[0] <= anchor.span[0] < q.span[0]
            and metric in DAILY_METRICS
            and _RESULTS_JUDGED.match(self.text, anchor.span[1], q.span[0])
        ):
            # X Q1业绩强劲：股价逆势上涨3.14%: the quarter is the results', the move the day's
            anchor = day_before(anchor.span[0], self.dates, self.published_at)
        if (
            anchor is not None
            and anchor.span[1] <= sentence[0]
            and metric in _QUOTE_METRICS
            and stale_session(anchor, self.text, self.published_at)
        ):
            # 美国至10月6日当周石油钻井总数。今开：12.95 written in April: which session the
            # quote is of the text does not say (see `stale_session`)
            anchor = replace(anchor, dated=False)
        if (
            anchor is not None
            and anchor.span[1] <= sentence[0]
            and priced(metric)
            and report_date(anchor)
            and "对应" not in self.text[max(sentence[0], q.span[0] - 12) : q.span[0]]
        ):
            # 截至2025年3月31日，营收3.44亿元。市盈率(静)为-6.48: the price of the day of
            # writing over the report's earnings, not a ratio as of the report's date (but
            # 2024年核心盈利42亿美元，对应市盈率178倍: the ratio on that year's earnings)
            anchor = None
        if (
            anchor is not None
            and not metric.startswith("margin")  # 当前融资余额: margin data is a day's close
            and self._said_now(anchor, q, sentence)
        ):
            # 截至发稿，市值为56亿元: as of the report, not a date named earlier (but a news
            # item's own day, 2月13日消息，…, is the day it went to press)
            anchor = self._news_day()
        if anchor is not None and anchor.granularity == "report" and metric in DAILY_METRICS:
            # 3月28日，公司发布年报后，股价下跌8.26%: the day's move, not the year's.
            days = [
                d
                for d in self.dates
                if d.granularity == "day" and sentence[0] <= d.span[0] < q.span[0]
            ]
            anchor = days[-1] if days else None
        if (
            anchor is not None
            and "目标" in metric
            and _TARGET.search(metric)
            and anchor.granularity != "day"
        ):
            anchor = None  # 维持2025~2027年EPS…，维持目标价11.74元: a target set now
        return anchor, window

    def _month_of_year(self, year: DateMention) -> DateMention:
        """The month a month-on-month change carried from an earlier sentence holds for when
        that sentence names a year: "2022年12月份CPI同比上涨2.6%。2022年全年CPI上涨1.4%。PPI
        环比下降0.7%" is December's change (a year has no change on the month before), the
        last single month of that year named before."""
        months = [
            d
            for d in self.dates
            if d.span[1] <= year.span[0]
            and d.granularity == "month"
            and d.start.month == d.end.month
            and year.start <= d.start <= year.end
        ]
        return months[-1] if months else year

    def _after_move(self, day: DateMention, metric: str) -> bool:
        """Whether `day`, carried from an earlier sentence, is the day of a share-price move
        (股价在5月7日暴跌7.5%) and the figure not one a session sets: "2025年一季度…。其股价
        却在5月7日暴跌7.5%。…本季度支付股息24.2亿美元，宣布将股息提高5%" pays and raises
        the dividend with the quarter's report, not on the day of the fall."""
        return (
            metric not in _QUOTE_METRICS
            and not WINDOW_MOVE.fullmatch(metric)
            and not _valued(metric)
            and not priced(metric)
            and not metric.startswith("margin")
            and _MOVE_AFTER.match(self.text, day.span[1]) is not None
        )

    def _forecast_before(self, lo: int, hi: int) -> bool:
        """A forecast word governs the figures after it, but not when what it expects is a
        date (预计完工时间为2023年6月，产能利用率为60%: the rate is today's)."""
        found = list(FORECAST.finditer(self.text, lo, hi)) if self.forecast_words else []
        if (
            found
            and (day := _THAT_DAY.search(self.text, found[-1].end(), hi))
            and _CLAUSE_SEP.search(self.text, found[-1].end(), day.start())
        ):
            return False  # 计划向银行申请授信…资金方面，当日主力资金净流出: the day's, done
        if found and _SECTION_BREAK.search(self.text, found[-1].end(), hi):
            # **三、2025年预测**…---**四、风险提示**1. 收入占比仍超85%: another section
            return False
        if found:
            return not _EXPECTED_DATE.match(self.text, found[-1].end())
        return self._in_scenario(lo)

    def _forecast_run(self, sentence: tuple[int, int], q: Quantity) -> bool:
        """A figure in a ；-clause of a sentence that opens with 预计 or 预测, its own clause
        naming no date of its own: the forecast goes on (…增长1%；单产每公顷2023公斤)."""
        if not self.forecast_words or sentence[0] == 0 or self.text[sentence[0] - 1] not in "；;":
            return False
        ends = list(_FULL_STOP.finditer(self.text, max(0, sentence[0] - 300), sentence[0]))
        start = ends[-1].end() if ends else max(0, sentence[0] - 300)
        if not _FORECAST_OPENS.match(self.text, start):
            return False
        return not any(sentence[0] <= d.span[0] < q.span[0] for d in self.dates)

    def _preannounced(self, metric: str, q: Quantity) -> bool:
        """A result told as a range (基本每股收益0.12元至0.18元) in a text about an earnings
        preannouncement (业绩预告): the range is the company's estimate of a period it has not
        reported yet, as a preannouncement gives it; a reported result is one figure."""
        return (
            q.high is not None
            and base_metric(metric) in _ANNUAL_METRICS
            and "业绩预告" in self.text
        )

    def _framed(self, q: Quantity) -> bool:
        """A figure of a paragraph a release opens with 本月预测 or 本月估计: projected."""
        if not self.month_frames:
            return False
        paragraph = self.text.rfind("\n", 0, q.span[0]) + 1
        frames = list(_MONTH_FRAME.finditer(self.text, max(paragraph, q.span[0] - 600), q.span[0]))
        return bool(frames) and frames[-1].group() != "本月对"

    def _base_year(
        self, q: Quantity, sentence: tuple[int, int], as_of: dt.date | None
    ) -> int | None:
        """The year a change is measured from (比1978年, 较2011年末), named before it in its
        sentence with no other comparison (同比, 较上月) between, when it is not the year just
        before the figure's (a year on year change)."""
        bases = list(_BASE_YEAR.finditer(self.text, sentence[0], q.span[0]))
        if not bases or _OTHER_BASE.search(self.text, bases[-1].end(), q.span[0]):
            return None
        if any(bases[-1].end() <= d.span[0] < q.span[0] for d in self.dates):
            return None  # 比2012年增加…，2013—2021年年均增长2.6%: a span of its own
        year = int(bases[-1]["year"])
        if as_of is not None and (year >= as_of.year - 1 or as_of.month != 12):
            return None
        return year

    def _name_after_window_label(self, window: DateMention, q: Quantity) -> bool:
        """近一周涨幅居首。某某ETF成交额超7000万元: a window written with its own label and
        no figure covers that label; a name after it opens a new statement, not in it."""
        if LABELS.match(self.text, window.span[1]) is None:
            return False
        return any(
            window.span[1] < m.start < q.span[0]
            and not _DIGIT.search(self.text, window.span[1], m.start)
            for m in self.mentions
        )

    def _ahead(self, anchor: DateMention | None, as_of: dt.date | None, q: Quantity) -> bool:
        """A figure dated in a year after the one the text is published in: no one can have
        reported it yet, so it is projected. Not a fiscal year named ahead of the calendar
        (2026财年第一季度, reported in May 2025), nor a year a heading of another section
        names (**三、2026年预测**---**四、风险提示**…)."""
        return (
            anchor is not None
            and as_of is not None
            and self.published_at is not None
            and as_of.year > self.published_at.year
            and not _FISCAL.search(self.text, max(0, anchor.span[0] - 8), anchor.span[1] + 4)
            and not _SECTION_BREAK.search(self.text, anchor.span[1], q.span[0])
        )

    def _years_spanned(self, anchor: DateMention | None) -> tuple[int, int] | None:
        """The first and last years of a span of years (1949—1978年) whose last year is the
        year `anchor` names."""
        if anchor is None or anchor.granularity != "year":
            return None
        for found in self.year_ranges:
            if found.start() < anchor.span[0] < found.end():
                years = year_range(found, self.published_at)
                if years and years[0] < years[1] == anchor.end.year:
                    return years
        return None

    def _run_on_name(self, lo: int, hi: int) -> bool:
        """Whether a name opens a new statement between `lo` and `hi`, run on after a figure
        with no stop (a headline repeated: …近5日主力净流入-738.02万X跌1.26%，成交额…): a
        window written before it covers its own figures, not the new statement's."""
        if not _DIGIT.search(self.text, lo, hi):
            return False  # the common case, cheaply: no figure between
        for m in self.mentions:
            if m.start >= hi:
                break
            if (
                m.start > lo
                and _GLUED_FIGURE.search(self.text, max(lo, m.start - 12), m.start)
                and _DIGIT.search(self.text, lo, m.start)
            ):
                return True
        return False

    def in_premise(self, q: Quantity, sentence: tuple[int, int]) -> bool:
        """假设26年利润增长7%，每股收益达到80元以上，则每股分红64元: the figures a hypothesis
        opening a clause sets, up to the words that turn to its consequence, are assumed, not
        told nor forecast (the consequence after 则 is the scenario's forecast)."""
        if not self.hypotheses:
            return False
        found = [
            m
            for m in _HYPOTHESIS.finditer(self.text, sentence[0], q.span[0])
            if m.start() == sentence[0] or self.text[m.start() - 1] in "，,；;：: \n"
        ]
        return bool(found) and not _CONSEQUENCE.search(self.text, found[-1].end(), q.span[0])

    def _in_scenario(self, lo: int) -> bool:
        """假设28年业绩增长5%，…。此时公司的市盈率约为14.88: a sentence that opens with 此时 or
        届时 goes on with the scenario the sentence before it set, so its figures are that
        scenario's, not the company's reported ones."""
        if not _THEN.match(self.text, lo):
            return False
        ends = list(SENTENCE_END.finditer(self.text, max(0, lo - 200), max(0, lo - 1)))
        start = ends[-1].end() if ends else max(0, lo - 200)
        return _SCENARIO.search(self.text, start, lo) is not None

    def _fact_for(
        self,
        subject: str,
        metric: str,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        obj: str | None,
    ) -> ExtractedFact:
        """The fact a figure states about `subject`, dated; kept as the last fact, which the
        figures after it may be read against (同比增长18.3%, 占总营收的13.88%)."""
        anchor, window = self._anchor(metric, q, sentence)
        as_of, period = self._as_of(anchor)
        if (
            anchor is not None
            and metric not in _POINT_QUOTES
            and (joined := day_range(anchor, self.dates, self.text))
        ):
            period = joined  # 5月5日-5月11日，…累计货车通行5175.1万辆: the week's, as of its end
        if metric == "change_pct" and (spanned := self._moved_between(anchor, sentence, q)):
            metric, period = spanned
        elif metric == "change_pct" and (since := self._moved_since(anchor, sentence, q)):
            metric, as_of, period = since
        elif metric == "change_pct" and (
            days := _DAYS_MOVE.search(self.text, max(sentence[0], q.span[0] - 20), q.span[0])
        ):
            counted = re.sub(r"\s+", "", days["span"])
            period = counted + ("内" if "内" in days["within"] else "")
            metric = LABEL_METRIC.get(f"近{counted}涨跌幅", f"近{counted}涨跌幅")
        if (
            anchor is None
            and window is None
            and self.title_year is not None
            and metric not in DAILY_METRICS
            and not WINDOW_MOVE.fullmatch(metric)
            and not _NOW.search(self.text, sentence[0], q.span[0])  # 截至发稿，市值为…
        ):
            # 中华人民共和国2021年…, published 2022: 全年粮食种植面积 is 2021's, not the day's.
            as_of, period = self.title_year.end, self.title_year.text
        elif anchor is None and window is None and (last_year := self._annual_result(metric, q)):
            as_of, period = last_year
        elif (
            anchor is None
            and window is None
            and (report := self._latest_filed(subject, metric, sentence[0], q))
        ):
            as_of, period = report, None
        elif (
            anchor is None
            and window is None
            and metric not in DAILY_METRICS
            and not priced(metric)
            and (latest := self._latest_report(q.span[0]))
        ):
            # 在最新的季度报告中…毛利率突破33%: which quarter the text does not say, unless
            # the day leaves one (最近季报固定收益类资产占比 on a fund's card of 14 May is the
            # first quarter's); not the day a card's data are as of, a report's figure is
            # the period's
            as_of, period = self._latest_quarter(subject, latest), latest
        if (
            window is None
            and metric not in DAILY_METRICS
            and (anchor is None or anchor.span[1] <= sentence[0])
            and (told := self.told.get((subject, metric, q.value))) is not None
        ):
            # 截止2025年05月09日，质押比例为12.63%。…综上所述，2025年05月14日…。公司质押比例
            # 为12.63%: a summary restates the figure, as of the day it was first told
            as_of, period = told
        if (
            window is not None
            and not _NOW.search(self.text, window.span[1], q.span[0])
            and _OWN_WINDOW.get(metric, "") in window.text
            and (metric not in _POINT_QUOTES or q.high is not None)
        ):
            # but 近5个交易日股价上涨…，当前市值为: the day's; 本周累计涨超16%，今年以来涨超0.7%:
            # a move named with its own window; 最近60天，股价一直在7-8.7元之间: the window's
            # range (but 最近360天，股价从15元跌到8元: 8 is the day's quote)
            period = window.text
            if metric == "change_pct" and (trailing := _TRAILING.fullmatch(window.text)):
                # 近三月涨跌幅为-2.79%, 最近90天，…跌幅接近30%: the window's move, named as a
                # card names it (近一周涨跌幅 is change_1w_pct), not the day's change
                label = f"近{trailing['span']}涨跌幅"
                metric = LABEL_METRIC.get(label, label)
        if metric in FLOW_METRICS and (
            span := flow_window(self.text[max(sentence[0], q.span[0] - 24) : q.span[0]])
        ):
            metric = f"{metric}_{span}d"  # 5日主力流入3.95亿元: the window's, not the day's
        if "_forecast" in metric or (
            (
                self._forecast_before(sentence[0], q.span[0])
                or self._ahead(anchor, as_of, q)
                or self._forecast_run(sentence, q)
                or self._framed(q)
                or self._preannounced(metric, q)
            )
            and "目标" not in metric
            and not metric.endswith(("计划", "预算"))  # 750亿美元的资本支出计划: the plan's sum
        ):
            # 预计2021年净利润70亿元…，同比增长289%, 2027年预测市盈率: a forecast, not a
            # reported figure (net_profit_yoy_forecast, whichever rule named it); so is a
            # figure of a year after the text's (an outlook written in 2025: 预计2034年…。禽肉
            # 产量年均增长1.6%).
            metric = metric.replace("_forecast", "") + "_forecast"
        elif (
            anchor is not None
            and anchor.granularity == "year"
            and metric in DAILY_METRICS
            and self.published_at is not None
            and as_of is not None
            and as_of > self.published_at
        ):
            # 2025年股价上涨8.33%, written in April: the move so far. (A year's output may be
            # final before its end: 2022年粮食总产量 is reported in December.)
            as_of = self.published_at
        elif (
            anchor is not None
            and _FISCAL.search(self.text, max(0, anchor.span[0] - 8), anchor.span[1])
            and self.published_at is not None
            and as_of is not None
            and as_of > self.published_at
        ):
            # 2025财年第三季度营业收入141.3亿美元, reported in May: a fiscal quarter that ended
            # before publication, on a day the text does not say.
            as_of = None
        if anchor is not None and as_of == anchor.end and _OPENING.search(metric):
            as_of = _opened_on(anchor, as_of)
            if anchor.granularity == "day":
                period = as_of.isoformat()  # a day is its own period
        if _SINCE_BASE.search(metric) and (base := self._base_year(q, sentence, as_of)):
            # 比1978年提高48.24个百分点，平均每年提高1.07个百分点: the change over the years
            # since the base, not within the year it is dated by
            period = f"{base}年—{as_of.year}年" if as_of else f"{base}年以来"
        elif _SINCE_BASE.search(metric) and (years := self._years_spanned(anchor)):
            # 1949—1978年，…比重从10.64%增加到17.92%，平均每年提高0.25个百分点: the change over
            # the span of years the figure is dated by, not within its last year
            period = f"{years[0]}年—{years[1]}年"
        if (
            anchor is not None
            and metric not in DAILY_METRICS
            and anchor.dated
            and anchor.span[0] >= sentence[0]
        ):
            self.told.setdefault((subject, metric, q.value), (as_of, period))
        if anchor is not None and anchor.dated and metric not in DAILY_METRICS and self.undated:
            self.dated_as.setdefault((subject, metric, q.value), (as_of, period))
        told_as = (subject, metric, q.value)
        if obj and self.entities is not None:
            subject, obj = self._listed_part(subject, obj)
        fact = ExtractedFact(
            subject=ECONOMY_OF.get(subject, subject),
            metric=metric,
            value=q.value,
            unit=q.unit,
            currency=q.currency,
            span=(self.index[q.span[0]], self.index[q.span[1] - 1] + 1),
            quote=quote,
            as_of=as_of,
            period=period,
            object=obj,
            high=_upper_end(q),
        )
        if (
            anchor is None
            and window is None
            and period is None
            and as_of == (self.data_as_of or self.published_at)
            and metric not in DAILY_METRICS
            and not priced(metric)  # 市盈率87.46 in a lead: the ratio at writing
            and told_as not in self.dated_as
        ):
            self.undated[fact] = told_as
        self.last, self.last_end = fact, q.span[1]
        return fact

    def restated(self, facts: list[ExtractedFact]) -> list[ExtractedFact]:
        """`facts` with each figure stated without a date dated as the text dates it when it
        states it again: a news lead repeats the release's figures before the sentence that
        dates them ("一、全国港口累计完成货物吞吐量2.6亿吨…。…显示：6月2日-6月8日，…一、全国
        港口累计完成货物吞吐量2.6亿吨"), and they are the week's, not the publication day's."""
        if not self.undated or not self.dated_as:
            return facts
        out = []
        for fact in facts:
            told = self.dated_as.get(self.undated.get(fact, ("", "", Decimal(0))))
            if told is not None:
                fact = replace(fact, as_of=told[0], period=told[1])
            out.append(fact)
        return out

    def _moved_between(
        self, anchor: DateMention | None, sentence: tuple[int, int], q: Quantity
    ) -> tuple[str, str] | None:
        """2024年5月12日股价是8.00元，到2025年5月12日涨到了11.87元，涨幅约48.38%: a move
        between two days its sentence names, the later one after 到 or 至, is the span's, not
        the later day's: named as a card names a trailing window's move when the span is one
        (近一年涨跌幅), else the day's change over the span."""
        if (
            anchor is None
            or anchor.granularity != "day"
            or not sentence[0] <= anchor.span[0] < q.span[0]
            or not _SPAN_TO.search(self.text, max(sentence[0], anchor.span[0] - 3), anchor.span[0])
        ):
            return None
        first = next(
            (
                d
                for d in self.dates
                if d.granularity == "day"
                and sentence[0] <= d.span[0] < anchor.span[0]
                and d.start < anchor.start
            ),
            None,
        )
        if first is None:
            return None
        a, b = first.start, anchor.start
        months = (b.year - a.year) * 12 + b.month - a.month if a.day == b.day else 0
        label = "近一周" if (b - a).days == 7 else _SPAN_MONTHS.get(months)
        metric = LABEL_METRIC.get(f"{label}涨跌幅", "change_pct") if label else "change_pct"
        return metric, f"{first.text}至{anchor.text}"

    def _moved_since(
        self, anchor: DateMention | None, sentence: tuple[int, int], q: Quantity
    ) -> tuple[str, dt.date, str] | None:
        """股价从2024年5月的60多元一路跌到现在，跌幅超过20%: a move from the day or month after
        从 up to now is as of now, not of its start: named as a card names a trailing window's
        move when the span is one (近一年涨跌幅), else the change since the date."""
        now = self.data_as_of or self.published_at
        if (
            now is None
            or anchor is None
            or anchor.granularity not in ("day", "month")
            or not sentence[0] <= anchor.span[0] < q.span[0]
            or not _FROM_BEFORE.search(
                self.text, max(sentence[0], anchor.span[0] - 3), anchor.span[0]
            )
            or not _TO_NOW.search(self.text, anchor.span[1], q.span[0])
            or any(anchor.span[1] <= d.span[0] < q.span[0] for d in self.dates)
        ):
            return None
        months = (now.year - anchor.start.year) * 12 + now.month - anchor.start.month
        same_day = anchor.granularity == "month" or anchor.start.day == now.day
        label = _SPAN_MONTHS.get(months) if same_day else None
        metric = LABEL_METRIC.get(f"{label}涨跌幅", "change_pct") if label else "change_pct"
        return metric, now, f"{anchor.text}至今"

    def _listed_part(self, subject: str, obj: str) -> tuple[str, str | None]:
        """网易 with 云音乐会员订阅: a part whose name, written after its parent's, makes a
        company the dictionary knows (网易云音乐, listed on its own) is that company's, with
        what is left of the part (会员订阅) as its object."""
        assert self.entities is not None
        for cut in range(len(obj), 1, -1):
            record = self.entities.get(subject + obj[:cut])
            if record is not None and record.name != subject and record.kind == "company":
                return record.name, obj[cut:] or None
        return subject, obj

    def _latest_report(self, at: int) -> str | None:
        """The latest report the figure at `at` is said to be from (在最新的季度报告中…), in its
        paragraph, when the text names no date before it."""
        line = self.text.rfind("\n", 0, at) + 1
        found = _LATEST_REPORT.search(self.text, max(line, at - _LATEST_REACH), at)
        return found.group() if found else None

    def _latest_filed(self, subject: str, metric: str, lo: int, q: Quantity) -> dt.date | None:
        """The period a figure a report states holds for when the text names no date at all,
        from the day it was published: not that day, which holds no period's result. A figure
        only a yearly report or release states (城镇化率, 前三名高管报酬, 董监高薪酬) is the
        last year's once every such report is out (from May: annual reports by 30 April); a
        mainland company's result on a quote card (营业总收入249.78亿元，净利润10.71亿元,
        published in December) is its latest quarterly report's, when the day leaves one
        (`latest_quarter_end`)."""
        day = self.data_as_of or self.published_at
        if day is None or _NOW.search(self.text, lo, q.span[0]):  # 目前城镇化率为…: the day's
            return None
        if _upper_end(q) is not None:
            return None  # 城镇化率30%—70%一般被认为是…: a band or an estimate, no report's figure
        if _YEARLY_ONLY.search(metric):
            return dt.date(day.year - 1, 12, 31) if day.month > 4 else None
        if not period_result(metric):
            return None
        record = next((m.entity for m in self.mentions if m.entity.name == subject), None)
        if record is None or record.kind != "company" or record.market != "cn_a":
            return None
        return latest_quarter_end(day)

    def _latest_quarter(self, subject: str, latest: str) -> dt.date | None:
        """The last day of the quarter whose report is the latest (最近季报) on the day a text's
        data are as of, for a fund or a mainland-listed company, when that day leaves one
        (`latest_quarter_end`); a US or Hong Kong company keeps its own calendar."""
        day = self.data_as_of or self.published_at
        if (
            day is None
            or not latest.endswith(("季报", "季度报告"))
            or latest.endswith(("一季报", "三季报"))
        ):
            return None
        record = next((m.entity for m in self.mentions if m.entity.name == subject), None)
        if record is None or not (record.kind == "fund" or record.market == "cn_a"):
            return None
        return latest_quarter_end(day, fund=record.kind == "fund")

    def _bare_suffix(self, at: int, metric: str = "") -> str:
        """A change with no 同比 or 环比 of its own: quarter on quarter when its paragraph last
        said 从环比看, else year on year (`facts.bulletin.VIEW`). A holder count's is against
        the count disclosed before it (股东户数下降1.16%), like 较上期."""
        if _ON_LAST_COUNT.search(metric):
            return "_qoq"
        if self.views is None:
            self.views = [(m.start(), m["a"] or m["b"]) for m in VIEW.finditer(self.text)]
        line = self.text.rfind("\n", 0, at)
        kind = next((k for start, k in reversed(self.views) if line < start < at), None)
        return "_qoq" if kind == "环比" or self._part_on_month(at) else "_yoy"

    def _part_on_month(self, at: int) -> bool:
        """全国CPI环比持平。其中，食品价格下降0.6%: the parts a sentence opening with 其中 lists
        are compared as the whole the sentence before stated was, on the month."""
        ends = list(SENTENCE_END.finditer(self.text, max(0, at - 160), at))
        if not ends or not _PART_OPENS.match(self.text, ends[-1].end()):
            return False
        before = self.text[
            (ends[-2].end() if len(ends) > 1 else max(0, at - 160)) : ends[-1].start()
        ]
        return "环比" in before and "同比" not in before

    def _indicator(self, sentence: tuple[int, int], end: int) -> tuple[str, int] | None:
        """The name of what grew, right before 同比增长 or 增长 (社会消费品零售总额, 核心CPI):
        from the clause's start, the last name, region or 的 before it."""
        lo = max(sentence[0], end - 30)
        start = max(
            [lo]
            + [m.end() for m in LABEL_BREAK.finditer(self.text, lo, end)]
            + [m.end for m in self.mentions if lo <= m.start and m.end <= end]
            + [m.end() for m in REGION.finditer(self.text, lo, end)]
        )
        lead = INDICATOR_LEAD.match(self.text, start, end)
        if lead:
            start = lead.end()
        if self.text.startswith("的有", start - 1) and not self.text.startswith("色", start + 1):
            start += 1  # 价格降幅收窄的有黑色金属冶炼…: those that narrowed are …
        label = self.text[start:end]
        if label.endswith("会") and (should := _SHOULD_TAIL.search(label)):
            label = label[: should.start()]  # 每股收益应该会增长: what is expected to grow
        if (
            len(label) > 3
            and label[-1] in _ADVERB_TAIL
            and label[-2:] not in _AVERAGES
            and not (label[-1] == "均" and "和" in label)  # 出厂价格和购进价格均下降: both's
        ):
            label = label[:-1]  # 全社会用电量仅同比增长, 水泥制造价格均上涨: an adverb
        if not INDICATOR.fullmatch(label) or NOT_A_LABEL.match(label):
            return None
        if CUMULATIVE_WINDOW.fullmatch(label):
            return None  # 1-7月份比上年同期上涨0.2%: the window's growth of what was just named
        if _STATEMENT_LIKE.search(label):
            return None
        example = list(_SECTOR_EXAMPLE.finditer(self.text, sentence[0], start))
        if example and "业" not in label:
            # 部分行业，如住宿和餐饮业，…，一季度用电量同比增长3.7%: the sector's use, not the
            # whole economy's
            return example[-1]["sector"] + label, start
        return LABEL_METRIC.get(label.lower(), label), start

    def nationwide(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether the label's clause opens, after a source and a year, on the nation or the
        world (2025年国家燃气管网投资, 据某机构，2024年全球平板电脑出货量), a market's share
        of which (全球市场份额) is not meant."""
        clause = self._clause_start(sentence, label_start)
        window = self.text[clause : label_start + 2]
        if not ("全" in window or "国" in window):
            return False
        opening = _CLAUSE_OPENING.split(window)[-1] if "据" not in window else window.lstrip()
        found = _NATIONWIDE.match(opening)
        return (
            found is not None
            and found.end() >= len(opening) - 2
            and not _COMPANY_SHARE.search(self._label_text(label_start))
        )

    def _subject_or_region(
        self, label_start: int, sentence: tuple[int, int]
    ) -> EntityRecord | None:
        """Who a figure is about: a name before its label, the text's subject, else for a text
        about no company or fund the economy it names (中国, 我国 and 全国 are China)."""
        clause_start = self._clause_start(sentence, label_start)
        subject = self.subject_before(label_start, clause_start) or self.subject_before(
            label_start, sentence[0]
        )
        if subject is not None:
            return subject.entity
        record = (
            self._newer_field()
            or self._carried_subject(label_start)
            or self.field_subject
            or self.topic
            or self.sole
        )
        return record or self._region(label_start)

    def _region(self, before: int) -> EntityRecord | None:
        """The economy a text about no company or fund names last before a figure."""
        if self.names_a_company:
            return None
        regions = [
            r for r in REGION.finditer(self.text, 0, before) if self._names_economy(r, before)
        ]
        if not regions:
            regions = [m] if (m := REGION.search(self.text, before)) else []
        if not regions:
            regions = list(REGION.finditer(self.title))
        if not regions:
            # A Chinese statistical text that names no economy is about China's (国家统计局:
            # "8月份，商品零售额同比增长3.7%").
            if HAN.search(self.text) and not self.company_text:
                release = CHINESE_RELEASE.search(self.text) or CHINESE_RELEASE.search(self.title)
                return CHINA if release else None
            return None
        name = regions[-1].group()
        return EntityRecord(REGION_NAMES.get(name, name), "org")

    def _unlisted(self, record: EntityRecord) -> bool:
        """A dictionary's investor or person with no ticker (中央汇金, 云锋基金): it holds
        shares and invests, but has no share price nor shares of its own. (An organisation
        may lend its name to an index: 纳斯达克's quote is the Nasdaq Composite's.)"""
        investor = record.kind == "person" or (
            record.kind == "fund" and _FIRM.search(record.name) is not None
        )  # a mutual fund added by a user (南方创新驱动混合A) has a NAV and a day's move
        return investor and not record.tickers and record.name not in self.written

    def _names_economy(self, region: re.Match[str], before: int) -> bool:
        """全球 is a subject only in its own sentence, and not as what a figure is compared
        with: 中国在全球制造业中的占比 is China's, and after "4月全球油价大跌" the CPI is still
        the country's the text is about."""
        if _ORG_AFTER.match(self.text, region.end()):
            return False  # 中国证券监督管理委员会核准: an agency's name, not the economy
        if _QUOTED_BEFORE.search(self.text, max(0, region.start() - 8), region.start()) and (
            _QUOTED_AFTER.match(self.text, region.end())
        ):
            return False  # 从“区域王者”到“全国玩家”: a figure of speech, not the economy
        if region.group() != "全球":
            return True
        if self.text[region.start() - 1 : region.start()] in ("在", "占", "于", "全"):
            return False
        return SENTENCE_END.search(self.text, region.end(), before) is None

    def _newer_field(self) -> EntityRecord | None:
        """A name field read since the last fact: the next record has begun."""
        return self.field_subject if self.field_at > self.last_end else None

    def _carried_subject(self, at: int) -> EntityRecord | None:
        """The subject of the previous fact, for a figure whose label starts at `at`, while still
        in the same paragraph line and section (a markdown heading run into the line, ####
        成本与费用控制, opens another), and, for a company no dictionary knows, while the facts
        are still its own and no known one is named."""
        if self.last is None:
            return None
        between = self.text[self.last_end : at]
        if "\n" in between or _HEADING_MARK.search(between):
            return None
        record = self.last_record
        if (
            record is not None
            and record.name in self.unnamed_leads
            and (self.last.subject != record.name or self._named_since(at))
        ):
            return None  # 反观同行的某某，…。而公司却…。净利润…: back to the company named
        return record

    def _named_since(self, at: int) -> bool:
        """Whether a company the dictionary knows is named between the previous fact and `at`:
        the text has left a peer it turned to (one no dictionary knows) for a known one."""
        return any(
            self.last_end <= m.start < at and m.entity.kind == "company" for m in self.mentions
        )

    def _sibling_line(self, record: EntityRecord | None, metric: str) -> EntityRecord | None:
        """The text's company, for a business line listed after one of its units named like it
        (网易有道净收入13亿元，网易云音乐净收入19亿元，创新及其他业务净收入16亿元): the line is
        the unit's sibling, not a part of it. `record` is the subject carried from the unit's
        figure, which states the same metric with no line of its own."""
        parent = self.topic or self.sole
        last = self.last
        if record is None or parent is None or last is None or record is parent:
            return None
        if last.subject != record.name or last.metric != metric or last.object:
            return None
        named_after = any(
            record.name.startswith(name) and len(record.name) > len(name) for name in parent.names()
        )
        return parent if named_after else None

    def _annual_result(self, metric: str, q: Quantity) -> tuple[dt.date, str] | None:
        """较上年的59.49元增长15.38%, with no date named before it, in a text published in the
        season of annual reports (January to April): last year's result, not the publication
        day's. Once one result of a text is, the others it states before naming any date
        are too (…较上年增长15.38%；扣非每股收益68.65元，同比增长15.37%): an annual report's."""
        if self.published_at is None or self.published_at.month > 4:
            return None
        if base_metric(metric) not in _ANNUAL_METRICS:
            return None
        if not self.annual_text and not _ANNUAL_BASE.search(self.text, q.span[1], q.span[1] + 40):
            clause = self.text[max(0, q.span[0] - 40) : q.span[0]]
            if not _ANNUAL_BASE.search(clause):
                return None
        self.annual_text = True
        year = self.published_at.year - 1
        return dt.date(year, 12, 31), f"{year}年"

    def sessionless(self, fact: ExtractedFact) -> bool:
        """Whether a quote is one no session dates (a quote page's 今开 12.95 under a calendar
        line written months before, `stale_session`): a day's figure of a day the text does
        not name says nothing checkable, so it is dropped rather than kept undated."""
        return (
            fact.as_of is None
            and fact.period is None
            and self.published_at is not None
            and fact.metric in _QUOTE_METRICS
        )

    def _as_of(self, date: DateMention | None) -> tuple[dt.date | None, str | None]:
        if date is None:
            return self.data_as_of or self.published_at, None
        if not date.dated:
            # 一季度, in a text that does not say of which year; a day is no period to name
            # (a quote under an old calendar line, `stale_session`: the page's, undated)
            return None, None if date.granularity == "day" else date.text
        if date.granularity == "day":
            return date.start, date.start.isoformat()
        if date.granularity == "relative":
            return date.end, date.text
        return date.end, date.text


class LabelledShapes(Reader):
    """A shape that files a labelled figure through the fact reader (`read_facts`), which
    holds the subject and the guards every labelled figure goes through."""

    if TYPE_CHECKING:

        def _labelled(
            self,
            q: Quantity,
            sentence: tuple[int, int],
            quote: str,
            header: tuple[int, str, str | None] | None,
            metric: str,
            label_start: int,
            labelled: bool,
        ) -> ExtractedFact | None: ...


def _find_all(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, every time."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
