"""Rule-based fact extraction: typed, dated, sourced statements from financial text.

Each number is read with the label that names it (估值达到450亿美元 → valuation; 11亿美元的融资
→ raised; 持股比例 in a table header → stake_pct), the entity it is about (named in the same
clause, else the subject the paragraph is about) and the date it holds for (named in the
sentence, else the last date named before it, else the publication date). A number with no
label that maps to a known metric yields nothing: precision first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import ahocorasick_rs

from touyan.facts.bulletin import (
    ANOMALY,
    AVERAGE,
    AVERAGE_AFTER,
    CHANGE_AFTER_LEVEL,
    CONTRIBUTION,
    EACH_QUARTER,
    FALLS,
    LIST_CHANGES,
    MEASURED,
    OWNERS,
    POINTS_CHANGE,
    POINTS_FALL,
    RESTATED,
    SHARE_OF,
    SPAN_TAIL,
    TENOR,
    TENOR_ITEM,
    TURNED_LIST,
    VIEW,
    base_level,
    bounded_label,
    change_suffix,
    contribution_metric,
    crop_yield,
    measured_items,
    national_statistics,
    next_period,
    plan_mentions,
    restated,
    shared_tail,
)
from touyan.facts.dating import (
    BASE_BEFORE,
    chinese_count,
    data_as_of,
    date_for,
    day_before,
    period_before_day,
    period_result,
    title_month,
    title_year,
    with_bare_months,
)
from touyan.facts.economy import (
    CHINA,
    CHINESE_RELEASE,
    COMPANY_VOCABULARY,
    ECONOMY_OF,
    HAN,
    RATE_CHANGE,
    REGION,
    REGION_NAMES,
    TURNED,
)
from touyan.facts.entities import EntityDictionary, EntityRecord, Mention
from touyan.facts.fields import field_subject, industry_subject
from touyan.facts.filings import (
    BALANCE_ENDINGS,
    PERIODS,
    across_tail,
    contributed_part,
    date_after_label,
    founded,
    from_to,
    growth_over_base,
    line_rate,
    loss,
    movement_metric,
    named_rate_change,
    opening_metric,
    per_ten_shares,
    points_on_quarter,
    points_over_base,
    unglued,
)
from touyan.facts.labels import (
    AFTER_LABEL,
    AFTER_LABELS,
    AFTER_METRIC,
    BEFORE_LABELS,
    DAILY_METRICS,
    HOLDING_METRICS,
    KNOWN_METRICS,
    LABEL_METRIC,
    LABELS,
    SEGMENTED_METRICS,
    unit_fits,
)
from touyan.facts.market import (
    ANY_MARKET_DAY,
    FLOW_METRICS,
    MARKET,
    SECTOR_METRICS,
    after_listing,
    breadth_counts,
    day_change,
    flow_window,
    limit_up_runs,
    move_amount,
    name_before,
    opened_at,
    percentile_side,
    seal_before,
    seal_list,
    seat_figures,
    sector_of_title,
    window_moves,
)
from touyan.facts.names import fund_key, kind_of, plausible_name, written_names
from touyan.facts.periods import (
    crop_year_mentions,
    full_year_mentions,
    latest_session_mentions,
    report_period_mentions,
    short_year_mentions,
)
from touyan.facts.qualifiers import qualifier
from touyan.facts.runtable import Cell, run_together_tables
from touyan.facts.sessions import session_mentions
from touyan.text.dates import DateMention, parse_dates
from touyan.text.numbers import Quantity, parse_numbers

# The store's metric column holds 32 characters; a label longer than that is a clause that
# happened to end in a measure noun, not the name of a figure.
METRIC_MAX = 32

__all__ = ["AFTER_LABELS", "BEFORE_LABELS", "ExtractedFact", "extract_facts", "flatten"]

_CONNECTORS = re.compile(
    r"^(?:\s|为|是|达|达到|约|约为|高达|共计|合计|实现|录得|报|至|:|：|了|的|在|同比|累计|仅|只有|"
    r"保持在|维持在|提升至|提高至|升至|降至|回落至|下降至|增至|增长至|上升至|下滑至|缩水至|"
    r"收窄至|扩大至|攀升至|跌至|涨至|超过|超|逾|接近|近|"
    r"of|was|were|is|at|to|about|approximately|nearly|a|an|the|us|总额|总计|金额|一轮|新一轮|"
    r"公司股份|股份|公司|所持|其所持|持有的|本公司|无限售流通股|流通股|股票|触及|下探至|下探|"
    r"[|｜]|[(（][^()（）\d]{1,20}[)）])*$",
    re.IGNORECASE,
)
_GROWTH = re.compile(
    r"(?P<kind>(?:同比)?[较比](?:去年|上年)同期|同比|较上年末|比上年末|[较比]上年度|较上年|比上年|较年初|比年初|环比|较上季度|较上期|"
    r"比上期|较上月|比上月|[比较](?:19|20)\d{2}年(?:末|底)?|year[- ]over[- ]year|yoy)\s*"
    r"(?:大幅|小幅|仅|只)?"
    r"(?:增长|增加|上升|提升|上涨|提高|下降|减少|下滑|降低|下跌|回落|暴涨|大增|激增|大涨|大跌|"
    r"暴跌|骤降|锐减|大降|暴增|骤增|增产|减产|增|降|减|涨|跌|up|down|rose|fell|grew)?"
    r"\s*(?:了|为|达|约|超|近|逾|达到)?\s*$",
    re.IGNORECASE,
)
_HOLDER = re.compile(
    r"(?:股东|董事|监事|高管|董事长|总经理|实际控制人|实控人)"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=先生|女士|于|通过|以|在|累计|计划|拟|已|减持|增持)"
)
_GROWTH_AFTER = re.compile(r"\s*(?:year[- ]over[- ]year|yoy|y/y|from a year (?:ago|earlier))", re.I)
_DIRECTION_BEFORE = re.compile(
    r"(?P<dir>up|down|rose|fell|grew|increased|decreased)\s*(?:by\s*)?$", re.I
)
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
_SEAT_WORDS = ("营业部", "专用", "交易单元", "席位", "证券")
_CRITERION_AFTER = re.compile(r"\s*的(?:证券|股票|个股|前\d)")
_SEGMENT_WORDS = ("业务", "板块", "事业部", "分部")
_FIRM = re.compile(r"(?:公司|集团|资本|控股|投资)$")
# What only a listed security has: a quote, a market value, shares others hold.
_QUOTED_METRICS = DAILY_METRICS | {"market_cap", "float_market_cap", "shares_held"}
_RANKED_HOLDER = re.compile(
    r"(?:位居|位列|成为|为|是)第[一二三四五六七八九十\d]{1,2}大(?:流通|流动)?股东[，,]\s*$"
)
_ORG_NAME = re.compile(
    r"[\u4e00-\u9fff()（）A-Za-z0-9]{2,40}(?:有限公司|股份公司|集团|合伙企业(?:\(有限合伙\)|（有限合伙）)?|基金)"
)
_HOLDER_COLUMNS = frozenset(
    {
        "股东",
        "股东名称",
        "合作方",
        "持有人",
        "投资方",
        "投资人",
        "投资者",
        "出资方",
        "出资人",
        "机构",
    }
)
# A label right after these words is about the industry, sector or market, not the subject.
_NOT_THE_SUBJECT = re.compile(
    r"(?:所属行业|行业|板块|大盘|指数|全市场|两市)(?:整体|总体|全天|合计|共|共计|平均|均值)?"
    r"(?:呈现|出现)?$"
)
# An entity right after these words is where or through which something happened (在香港交易所).
_LOCATIVE = ("在", "于", "经", "从", "向", "通过", "属于")
# 今日 and 今天 are the day the text was published (当日 is a day named before it).
_NOW = re.compile(r"当前|目前|截至发稿|截止发稿|发稿时|今日|今天")
# A name followed by these reports a figure rather than being its subject (外汇局数据显示).
_MOVER = re.compile(r"[\u4e00-\u9fffA-Za-z*\-]{2,12}")
_NOT_A_MOVER = re.compile(
    r"[由较比已也则均仍再亦和与及、]|逆势|继续|大幅|小幅|一度|集体|纷纷|盘中|收盘|开盘|股价|指数|"
    r"板块|价格|期指|期货"
)
_HEAD_END = re.compile(r"(?:率|额|值|价|量|规模|收益|指数|价格|板块|行业|市场|资金)$")
_BRANCH_AFTER = re.compile(r"(?:证券|Choice|数据显示|数据中心|研究所)", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"\s*(?:[:：]|数据显示|显示|发布|公布|消息|表示|称|指出|统计)")
# "<subject>的<attribute>为<value>": the generic way Chinese data text states a figure. An
# attribute without a known metric is kept under its own name (近3年年化收益, 产品综合费率).
_ATTRIBUTE = re.compile(r"的(?P<label>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:为|是|达到|达)[+]?$")
_ANY_ATTRIBUTE = re.compile(r"的[\u4e00-\u9fffA-Za-z0-9]{2,16}?(?:为|是|达)[+-]?\d")
# "<label ending in a measure noun> [为|是|:] <value>": the way data text states a figure when
# no known label names it (近一周的基金收益率是: 0.48%, 持有总人数：3349, 股东户数为1.09万户).
# The label runs back to the clause start, the subject's name or a 的.
_HEAD = (
    r"(?:率|额|净值|价|量|规模|收益|回撤|误差|排名|数量|股本|市值|余额|户数|人数|份额|占比|比重|"
    r"费用|利润|收入|成本|资产|负债|增速|增幅|降幅|涨幅|跌幅|流入|流出|买入|卖出|市盈率|倍数|面积|"
    r"人口|支出|误差|费率|胜率|投资|赤字|债|薪酬|报酬|比例|笔数|借款|指数|系数|气温|降水量|"
    r"债(?:券)?(?:累计|合计|共)?发行|净融资)"
)
# 农业生产指数(2014-2016=100): the base period an index is written with.
_INDEX_BASE = (
    r"[(（](?:(?:19|20)\d{2}(?:\s*[-—–~～]\s*(?:19|20)\d{2})?|上年|上月|上年同期)\s*=\s*100[)）]"
)
_MEASURE = re.compile(
    rf"(?P<label>[\u4e00-\u9fffA-Za-z0-9]{{0,16}}{_HEAD})(?:[(（][^()（）]{{1,10}}[)）]|\[\d{{1,3}}\]|{_INDEX_BASE})?"
    r"\s*(?:(?:还|也|仍|将)?(?:已经|已|仅)?(?:平均)?(?:为|是|达到了?|达|约为|约|高达)\s*[:：]?|[:：]|"
    r"(?<=排名)(?:超越|超过)了?|(?<=占比)(?:超过|高于|低于|不足)|(?:大幅|小幅)?"
    r"(?:下降至|降至|回落至|上升至|升至|提高至|提升至|增至))?\s*[+]?$"
)
# The last characters of measure nouns (率, 额, 量 …) and of an aside after one: a label's
# possible last character, checked before the label's backtracking match.
_HEAD_LAST = frozenset(word[-1] for word in _HEAD[3:-1].split("|")) | frozenset(")）]")
_MEASURE_TAIL = re.compile(
    r"(?:\[\d{1,3}\])?\s*(?:(?:还|也|仍|将)?(?:已经|已|仅)?(?:平均)?(?:为|是|达到了?|达|约为|约|高达)\s*[:：]?|"
    r"[:：]|(?<=排名)(?:超越|超过)了?|(?<=占比)(?:超过|高于|低于|不足)|(?:大幅|小幅)?"
    r"(?:下降至|降至|回落至|上升至|升至|提高至|提升至|增至))?\s*[+]?$"
)
_BOUND = re.compile(r"超过|高于|低于|不足")
_PART_OF_YEAR = re.compile(r"季|月|半年|[QH]\d|\d[QH]|\d{4}-\d{2}-\d{2}")
_ADVERB_TAIL = frozenset("仅均也还已")
_AVERAGES = frozenset({"平均", "日均", "月均", "年均", "人均", "户均", "亩均"})  # 均 of a name
_PERIOD_VERB_ENDS = frozenset("至到为达")  # ，“十二五”降至0.73
# Words between a measure's label and its connector or figure (余额总计为, 为人民币).
_TOTAL_AFTER = ("总计", "合计")
_RMB_BEFORE = re.compile(r"人民币\s*$")
_ANY_MEASURE = re.compile(
    rf"{_HEAD}(?:[(（][^()（）]{{1,10}}[)）]|\[\d{{1,3}}\]|{_INDEX_BASE})?\s*"
    r"(?:将?(?:已经|已|仅)?(?:为|是|达到了?|平均约为?)\s*[:：]?|[:：]|(?:下降|降|回落|上升|升|提高|提升|增)至)"
    r"\s*[+-]?\d"
    # 费率较高：产品综合费率1.32%: a card's figure written right after its label
    rf"|[:：][\u4e00-\u9fffA-Za-z0-9]{{0,12}}{_HEAD}[+-]?\d[\d.]*%"
)
# A label that compares or apportions (占总成交额, 较上期, 超过基准) is not the figure's name.
_NOT_A_LABEL = re.compile(
    r"^(?:略|远|明显)?(?:占|较|比|与|和|及|跑赢|跑输|超过|超越|低于|高于|相对|相比|同比|环比)"
)
# 城镇化率40多年提高了…: a span of years, not a figure.
_OWNED = re.compile(r"的[\u4e00-\u9fff]{2,12}$")  # 云南和广东的弹性系数分别为
_YEAR_AGO = ("去年同期", "上年同期")
_YEARS_AFTER = re.compile(r"[多余](?:年|个月)")
# Right after a figure, what a bulletin's change or a rate's next term starts with: a comma.
_NEAR = re.compile(
    rf"[^\S\n]*[\u4e00-\u9fff]{{0,4}}[^\S\n]*(?:\[\d{{1,3}}\][^\S\n]*)?{RESTATED}[，,、]"
)
# Verbs make a run a clause (会上宣布…复工率, 中回购了500万利率), not a figure's name.
_DATE_IN_LABEL = re.compile(r"\d{1,4}\s*[年月日号]")
_CLAUSE_LIKE = re.compile(r"[了将被把]|宣布|表示|显示|预计|认为|指出|其中|告知|开始|多次|触及")
_LABEL_LEAD = re.compile(
    r"^(?:产品|该产品|该基金|本基金|该股|公司|当前|最新|目前|其中|其|合计|共计|总计|不过|但|而|且|并|全年|"
    r"同时|此外|另外|以及|导致|当年|当月)+"
)
_VERSUS = re.compile(
    r"[，,]\s*(?P<verb>超过|跑赢|跑输|低于|高于|超越)(?P<base>[\u4e00-\u9fffA-Za-z0-9\-]{0,14}?)\s*"
)
_SHARE_OF = re.compile(
    r"\s*[，,、]?\s*(?:占|约占)(?P<base>[\u4e00-\u9fffA-Za-z]{1,10}?)的?(?:比例|比重|比)?(?:为|达|约)?\s*"
)
# A price move: the verb right before the percentage, with only time words between the name
# and the verb (营收下跌5% is not a price move: 营收 stands between).
_MOVE = re.compile(r"(?:上涨|下跌|收涨|收跌|大涨|大跌|微涨|微跌|涨|跌)(?:了|超|逾|近|约|达)?\s*$")
_MOVE_LEAD = re.compile(
    r"(?:\s|[，,]|今日|今天|当日|盘中|早盘|午盘|尾盘|收盘|股价|指数|全天|日内|周[一二三四五]|今年以?来|年内|"
    r"区间|累计|一度|大幅|小幅|持续|报收|[0-9:：]{1,5}|近\d+个?(?:交易日|日|天|周|月|年)|"
    r"近[一二两三四五六七八九十]+个?(?:交易日|日|天|周|月|年)|截至|截止|已经|已)*"
)
_ANY_CHANGE = re.compile(
    r"(?:增长|上涨|下降|增加|减少|回落|提高|上升|下滑|涨|跌|同比增|同比减|增产|减产)[了约超近达逾]?\s*[+-]?\d"
)
_ANY_SERIES = re.compile(r"[年月度][份]?(?:为|是)[+-]?\d")
# "…为3.30%、" between one dated item of a series and the next.
_SERIES_ITEM = re.compile(
    r"\s*(?:为|是|[:：])\s*[+-]?[\d.,]+\s*(?:%|[\u4e00-\u9fff]{0,3})\s*[、，,；;]\s*"
)
_SERIES_TAIL = re.compile(r"(?:为|是|:|：)\s*[+]?$")
_SERIES_LABEL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）%\-]{2,30}$")
# A growth verb without 同比 (第二产业投资增长8.9%, 食品价格下降0.6%).
_CHANGE = re.compile(
    r"(?:大幅|小幅)?(?:骤降|骤增|大降|大增|锐减|激增|暴跌|暴涨|增长|上涨|下降|增加|减少|回落|提高|"
    r"上升|下滑|增产|减产|增|降)(?:了|约|超|近|达)?\s*$"
)
_INDICATOR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）\-]{2,24}")
_INDICATOR_LEAD = re.compile(
    r"(?:其中|此外|同时|全年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|当月|今年以来|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?|\d{1,2}月份?|\d{1,2}日|不过|但|而|的|和|及|与|、)+"
)
# Words that make a run a clause rather than the name of a figure.
_STATEMENT_LIKE = re.compile(
    r"[为是在将已被把对从由却]|实现|录得|显示|预计|分别|达到|同比|环比|较|提出|目标|计划|预期|假设|"
    r"(?:19|20)\d{2}\s*年"
)
_GROWTH_REACH = 24
# 相对基准超额回撤32.47%: a fund's excess over its benchmark is a figure's name, not a comparison.
_EXCESS_LABEL = re.compile(r"相对(?:业绩)?(?:比较)?基准(?:年化)?超额")
# Before a move that names no one: another move, or a market's mood (多数上涨, 涨跌不一).
_LINKS_LOST = re.compile(r"(?:%|上涨|下跌|涨跌不一|普涨|普跌|[、，,]{2})[\s，,。；;、]*$")
# Labels that name no figure alone (see `_Reader._bare`).
_BALANCES = ("期初余额", "期末余额")
_BARE_LABELS = frozenset({"增幅", "降幅", "金额", *_BALANCES})
_BALANCE_ITEM = re.compile(
    r"的(?P<item>[\u4e00-\u9fff]{2,10}?)主要由"
    r"|(?:(?<=[；;。，,：:\s])|(?<=包括))(?P<item2>[\u4e00-\u9fff、]{2,16}?)期初余额"
)
_BALANCE_OF = re.compile(r"(?P<item>.{2,16}?)(?:期初余额|期末余额|本期增加|本期减少)$")
_DEFINED_ITEM = re.compile(
    r"(?:^|(?<=[。；;，,\s]))(?P<item>[\u4e00-\u9fff]{2,8})包括[^。；;]*[。；;]\s*$"
)
_FLOW_BEFORE = re.compile(
    r"主力(?:资金)?(?:出现|呈现|为)?了?(?:净)?流(?P<way>[入出])[^，,。；;]{0,6}[，,]\s*"
)
_WHOLE = re.compile(r"\s*占(?P<whole>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)的")
# Words no figure's name holds: a clause read as a label (该股累计上涨, 苹果、英伟达纷纷上涨,
# 总资产与上年度末相比微增, 滚动股息率和静态股息率均为: one figure for two).
_GARBLED = re.compile(
    r"^[一二三四五六七八九十]是|该股|纷纷|相比|期间整体|(?<![日年月人户平])均(?:$|_)|都(?:$|_)"
)
# Moves whose metric names their window: a window said before them must be theirs.
_OWN_WINDOW = {"change_ytd_pct": "今年", "change_1w_pct": "周", "change_1m_pct": "月"}
_LIST_MARKER = re.compile(r"[一二三四五六七八九十]是")
_WINDOWED_MOVE = re.compile(r"(?:近\S{1,6})?(?:该股累计|期间整体)_yoy")
_BOTH = re.compile(r"(?P<a>[\u4e00-\u9fffA-Za-z]{2,12})和(?P<b>[\u4e00-\u9fffA-Za-z]{2,12})均")
_SHARE_OF_BALANCE = re.compile(r"占\S*比例$")
_SPAN_BEFORE = re.compile(r"(?:上周|本周|当周|上月|本月|当月|年内|历史)$")
_DAYS_LABEL = re.compile(r"\d{1,3}个?(?:交易)?日[\u4e00-\u9fff]*(?:流入|流出)$")
# 今年以来股价涨, 近5个交易日跌: a window's move, dated like a day's quote.
_MOVE_WINDOW = re.compile(
    r"近[\d一二两三四五六七八九十]+个?(?:交易日|[日天周月年])|今年以来|今年来|年内"
    r"|(?<![\d.])(?P<days>\d{1,3})个?(?:交易)?日内"  # 5日内股价下跌2.41%: five days', not the day's
)
_WINDOW_MOVE = re.compile(r"change_(?:ytd|\d[wmy])_pct|近\S{1,6}涨跌幅")
_CHINESE_DIGITS = re.compile(r"(?<=近)(?:十[一二]|[一二三四五六七八九十])(?=个?[周月年])")
_PRICE_METRICS = frozenset(
    {"price", "open", "close", "prev_close", "high", "low", "limit_up", "limit_down", "change"}
)
_POINTS_AFTER = re.compile(r"\s*点(?![位多])")
_DAY_BEFORE = re.compile(r"\s*的?\s*$")
# Between 股价 and a dated figure, words that make the figure something else than the price.
_MONEY_LABEL_BETWEEN = re.compile(r"市值|成交|营收|收入|利润|目标价|估值|资金|分红|派息|每股")
_CARD_LEAD = re.compile(r"\s*([“\"]?)[^“”\"，,。]{2,60}[”\"]?(?:是一只|是一家|是一款)")
_STREAK = re.compile(r"\s*(?:天|日|板|连板|个?交易日)")
_ORG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:委员会|协会|交易所|集团|公司|证券|研究院)")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_LABEL_BREAK = re.compile(r"[，,；;。！？!?\n、：:\s的|【】\[\]#*]")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?\n（）()]")
_HEADER_WINDOW = 6
# Characters before a figure where its label may start: the longest label and a connector
# (扣除非经常性损益后的基本每股收益为0.65元).
_LABEL_REACH = max(16, *(len(label) + 4 for label in LABEL_METRIC))
_ROUND_SUBJECT_KINDS = ("company",)
_TOPIC_KINDS = ("company", "fund")


@dataclass(frozen=True, slots=True)
class ExtractedFact:
    subject: str
    metric: str
    value: Decimal
    unit: str
    currency: str | None
    span: tuple[int, int]
    quote: str
    as_of: dt.date | None
    period: str | None = None
    object: str | None = None
    confidence: float = 1.0
    high: Decimal | None = None  # a range's upper end (3200万元至4800万元); value is its lower


def _label_before(text: str, start: int) -> tuple[str, int] | None:
    """The metric whose label ends just before `start`, connectors allowed between."""
    if start > 0 and text[start - 1] in "(（":
        start -= 1  # 换手率（37.8%）: the figure in brackets after its label
    aside = _ASIDE_BEFORE.search(text, max(0, start - 40), start)
    # 今年以来涨跌幅(最新的今年以来涨跌幅是多少)为-6.19%, 每股收益（非 GAAP）2.42美元
    if (
        aside is not None
        and not _UNIT_ASIDE.match(text, aside.start())
        and not _BASIS_ASIDE.match(text, aside.start())
    ):
        start = aside.start()
    window_start = max(0, start - _LABEL_REACH)
    window = text[window_start:start]
    best: re.Match[str] | None = None
    for match in LABELS.finditer(window):
        if best is not None and match.group() in _CONNECTOR_LABELS:
            continue  # 融资余额报8089.76亿元: 报 links the label before it to the figure
        # no clause break after the label (searched from its end: 市盈率(TTM) holds brackets)
        if _CONNECTORS.match(window[match.end() :]) and not _CLAUSE_BREAK.search(
            window, match.end()
        ):
            best = match
    if best is None:
        return None
    return LABEL_METRIC[best.group().lower()], window_start + best.start()


# Function words whose second character can start a name (其中石油 → 中石油).
_WORDS_ACROSS = frozenset({"其中", "之中", "当中", "集中", "其他", "对此", "因此"})
_WINDOW = r"近[\d一二三四五六七八九十]{1,2}个?[年月周日]"
_WINDOW_ITEM = re.compile(
    rf"(?P<label>[\u4e00-\u9fffA-Za-z]{{2,12}})\s*[:：]\s*(?:{_WINDOW}\s*[+\-]?[\d.]+%?\s*[,，、;；]\s*)*"
    rf"(?P<window>{_WINDOW})\s*[+]?$"
)
_WINDOW_END = re.compile(rf"{_WINDOW}\s*[+]?$")
_ANY_WINDOW_ITEM = re.compile(rf"[:：]\s*{_WINDOW}\s*[+\-]?\d")
# 营收341.6亿元，同环比+2.7%/-2.7%: year on year, then quarter on quarter.
_PAIR_FIRST = re.compile(r"\s*[，,]?\s*同环比(?:分别)?(?:为)?\s*$")
_PAIR_SECOND = re.compile(r"\s*/\s*")
_SLASH_GROWTH = re.compile(r"\s*/\s*")  # 营收529.14亿/+7%
_LEVEL_AFTER = re.compile(r"\s*[，,]\s*(?:达到|达|至|升至|增至|降至|为)了?\s*")
# 超出预期, 不及预期: a result measured against a forecast is no forecast; 假设: a scenario.
_FORECAST = re.compile(
    r"预计|(?<!的)预期(?<!超出预期)(?<!超预期)(?<!低于预期)(?<!高于预期)(?<!不及预期)(?<!好于预期)"
    r"(?<!符合预期)(?!提振|升温|增强|改善|落空)|(?<!走势)预测(?!分析)|预估|有望|力争|确保|计划|假设"
)  # but 附走势预测 (a headline's promise) and 高分红预期提振信心 (a mood) forecast no figure
_CONNECTOR_LABELS = frozenset({"报", "收报", "收于", "报收于"})
_ASIDE_BEFORE = re.compile(
    r"[(（][^()（）\d\n]{1,30}[)）][^\S\n]*(?:为|是|:|：|达到了?|达|约为?)?[^\S\n]*[+]?$"
)
# A valuation's basis in brackets is part of its label (市盈率(TTM), 市盈率（静）), not an aside.
_BASIS_ASIDE = re.compile(r"[(（](?:TTM|ttm|LYR|lyr|静|静态|动|动态)[)）]")
# A unit in brackets heads a table's column (主力资金净流入（万元）2025.05.14…), not an aside.
_UNIT_ASIDE = re.compile(
    r"[(（]\s*(?:单位\s*[:：]\s*)?(?:[万亿千百]?(?:元|股|手|美元|港元)|%|％|倍|个百分点)\s*[)）]"
)


# Any label at all (lower-cased): a text without one states no fact this extractor reads.
# Most news has none, so this one native-code scan is what most documents cost here.
# Labels that are also everyday words (报, 最高, 开盘) do not open a text on their own: quote
# tables that use them name other figures too (成交额, 换手率).
_COMMON_WORDS = frozenset(
    {"报", "最高", "最低", "开盘", "今开", "涨停", "跌停", "昨收", "收报", "成交"}
)
_ANY_LABEL = ahocorasick_rs.AhoCorasick(
    sorted(
        {*LABEL_METRIC, *(a.lower() for labels in AFTER_LABELS.values() for a in labels)}
        - _COMMON_WORDS
    )
)


def _label_after(text: str, end: int) -> str | None:
    found = AFTER_LABEL.match(text, end)
    return AFTER_METRIC[found.group().lower()] if found else None


_TERMINAL = "。！？!?；;：:"
_TABLEISH = re.compile(r"\||[\u4e00-\u9fff)）%]\s+[\u4e00-\u9fff(（\d]")


def _joinable(prev: str, nxt: str) -> bool:
    """Lines broken mid-sentence (a bold figure rendered on its own line) belong together."""
    prev, nxt = prev.strip(), nxt.strip()
    if not prev or not nxt or prev[-1] in _TERMINAL:
        return False
    if _TABLEISH.search(prev) or _TABLEISH.search(nxt):
        return False
    return not re.match(r"^(?:[-*•]|\d+(?:[.)]\s|、)|[一二三四五六七八九十]+、|#)", nxt)


def flatten(text: str) -> tuple[str, list[int]]:
    """The text with mid-sentence line breaks removed, and each view char's original offset."""
    parts: list[str] = []
    index: list[int] = []
    offset = 0
    previous = ""
    for n, line in enumerate(text.split("\n")):
        if n and not (line.strip() == "" or _joinable(previous, line)):
            parts.append("\n")
            index.append(offset - 1)
        parts.append(line)
        index.extend(range(offset, offset + len(line)))
        if line.strip():
            previous = line
        offset += len(line) + 1
    index.append(len(text))
    return "".join(parts), index


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences and table rows: a line break or a terminal mark ends one."""
    spans = []
    start = 0
    for match in re.finditer(r"[。！？!?；;]|\n", text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class _Reader:
    def __init__(
        self,
        text: str,
        title: str,
        published_at: dt.date | None,
        entities: EntityDictionary | None,
        mentions: Sequence[Mention] | None = None,
    ) -> None:
        self.original = text
        text, self.index = flatten(text)
        self.text = text
        self.published_at = published_at
        known: list[Mention] = []
        if entities is not None:
            reuse = mentions is not None and text == self.original
            known = list(mentions) if reuse and mentions is not None else entities.find(text)
        title = _SITE_SUFFIX.sub("", title)  # 凯大催化股价下跌2.64%_网易订阅: not about 网易
        self.title = title
        title_mentions = entities.find(title) if entities else []
        written = _written_records(text, title, entities)
        self.written = {r.name for r in written}
        # Words of a listed company's report (营收, 股价, 换手率): a text that names no economy
        # is then not taken for China's statistics.
        self.company_text = COMPANY_VOCABULARY.search(text) is not None
        self.statistics: bool | None = None  # a national statistics text: read on first need
        if any(r.kind == "company" for r in written) and self._is_statistics():
            written = [r for r in written if r.kind != "company"]
        # 其中石油和天然气开采业: a name read across a word (中石油) names nothing, ends no label.
        self.mentions = [
            m
            for m in _merge(known, _occurrences(text, written))
            if not (m.start and text[m.start - 1 : m.start + 1] in _WORDS_ACROSS)
        ]
        title_mentions = _merge(title_mentions, _occurrences(title, written))
        # A date a span starts from (2002年9月以来) is not a date figures are as of, nor is
        # the base of a comparison (比1978年增长, 较2010年增加).
        dates = [
            d
            for d in parse_dates(text, today=published_at)
            if not _SINCE.match(text, d.span[1])
            and not BASE_BEFORE.search(text, max(0, d.span[0] - 4), d.span[0])
            and not text.startswith("款", d.span[1])  # 2017年款: a model year, not a date
            and not founded(text, d.span[0])  # 成立日期：1993-05-10 dates the company
        ]
        short = short_year_mentions(text, dates, published_at)  # 24年营收
        short += crop_year_mentions(text)  # 2025/26年度
        short += plan_mentions(text)  # “十一五”
        if short:
            dates = sorted([*dates, *short], key=lambda d: d.span[0])
        self.dates = with_bare_months(text, dates, published_at, title_month(title, published_at))
        own_period = report_period_mentions(text, title)  # 报告期内 in a report's text
        own_period += latest_session_mentions(text, published_at)  # 最近一个交易日
        own_period += full_year_mentions(text, [*self.dates, *own_period], published_at)  # 全年
        own_period += session_mentions(text, self.dates, published_at)  # 周三, 隔夜美股
        if own_period:
            self.dates = sorted([*self.dates, *own_period], key=lambda d: d.span[0])
        self.data_as_of = data_as_of(text, self.dates)
        self.title_year = title_year(title, published_at)
        # 花旗对腾讯和拼多多的业绩预期: a title naming two names neither as what the text is about.
        topics = {m.entity.name: m.entity for m in title_mentions if m.entity.kind in _TOPIC_KINDS}
        self.topic: EntityRecord | None = next(iter(topics.values())) if len(topics) == 1 else None
        # 通信板块近期有什么事件和观点: the sector's day, for the figures of a day that name no one.
        self.sector = sector_of_title(title) if self.topic is None else None
        self.topic = self.topic or self.sector
        # The one company or fund a text names, if it names only one: what 该产品, 公司 and
        # unnamed statements are about.
        named = {
            m.entity.name: m.entity
            for m in self.mentions
            if m.entity.kind in _TOPIC_KINDS and self._can_lead(m)
        }
        first_end = next((e for _, e in _sentences(text)), len(text))
        sole = next(iter(named.values())) if len(named) == 1 else None
        if (
            sole is not None
            and not any(m.entity is sole and m.start < first_end for m in self.mentions)
            and not any(m.entity is sole for m in title_mentions)
        ):
            sole = None  # named only in passing, not what the text is about
        if sole is None and (card := _CARD_LEAD.match(text)):
            # “X”是一只债券型基金…同产品的主份额“Y”: a card is about the product it opens with.
            sole = next((m.entity for m in self.mentions if m.start == card.end(1)), None)
        self.sole: EntityRecord | None = sole
        # A text that names a company, or speaks of 公司 or 该股, is about a company.
        self.names_a_company = (
            bool(named) or bool(_COMPANY_WORDS.search(text)) or text.count("公司") > 2
        )
        self.round_subject: EntityRecord | None = None
        self.last: ExtractedFact | None = None  # the previous fact, in view offsets
        self.last_end = -1
        self.last_record: EntityRecord | None = None
        self.prev_q: Quantity | None = None  # the figure before, in the same sentence
        self.sentence_qs: list[Quantity] = []
        # 预计2025-2027年营收分别为…: a forecast row, one figure a year.
        self.year_ranges = list(_YEAR_RANGE.finditer(text)) if "年" in text else []
        # 股票名称：微软。…股价：451.77美元: a record's name field names what its fields are about.
        self.field_subject: EntityRecord | None = None
        self.field_at = -1
        self.mover: EntityRecord | None = None
        # 上涨个股有1595只, 78股涨停: the market's counts, by where their numbers start.
        self.breadth = breadth_counts(text) if "个股" in text or "停" in text else {}
        # A seat's trade is written with 买入 or 卖出; 证券 alone is every broker's research note.
        self.seats = ("买入" in text or "卖出" in text) and any(w in text for w in _SEAT_WORDS)
        # *ST亚振8连板, 【2连板】 吉林化纤、茂化实华: the stocks of each run, by its count's start.
        self.runs = limit_up_runs(text) if "板" in text else {}
        # The words the shapes of `_market_day` need, so a text without them costs nothing.
        self.day_words = {w for w in _DAY_WORDS if w in text}
        self.views: list[tuple[int, str]] | None = None  # 从环比看 …: read on first need
        self.climate = "常年" in text  # 较常年同期偏高: `_anomaly` looks only then
        self.listed: tuple[list[str], int] | None = None  # a release's list of levels, and its end
        self.averages = "均" in text  # 年均增长, 平均每年: `_bulletin_change` looks only then
        self.region_ends = [  # where an economy's name ends (我国|城镇化率), 国内生产总值 aside
            r.end()
            for r in REGION.finditer(text)
            if r.group() != "国内" and not text.startswith("人", r.end())
        ]

    def subject_before(self, start: int, lo: int) -> Mention | None:
        found = [m for m in self.mentions if lo <= m.start and m.end <= start and self._can_lead(m)]
        return found[-1] if found else None

    def _can_lead(self, m: Mention) -> bool:
        """Not where something happened (在港交所) nor who reports it (外汇局数据显示), nor a
        name read across a word (其中石油 is not 中石油)."""
        if m.start > 0 and self.text[m.start - 1 : m.start + 1] in _WORDS_ACROSS:
            return False
        if self.text[max(0, m.start - 2) : m.start].endswith(_LOCATIVE):
            return False
        if m.entity.name.endswith("交易所") or _BRANCH_AFTER.match(self.text, m.end):
            return False  # 北京证券交易所, 东方财富证券…营业部, 东方财富Choice数据
        return m.entity.kind in _TOPIC_KINDS or not _SOURCE_AFTER.match(self.text, m.end)

    def facts(self) -> list[ExtractedFact]:
        out: list[ExtractedFact] = []
        header: tuple[int, str, str | None] | None = None  # (line, metric, company held)
        lines_seen = 0
        pending = unglued(self.text, parse_numbers(self.text))  # handed out per sentence
        tables = run_together_tables(self.text, self.published_at) if "日期" in self.text else []
        if tables:  # a run-together table's digits are its cells, not numbers of the prose
            spans = {c.table for c in tables}
            pending = [q for q in pending if not any(a <= q.span[0] < b for a, b in spans)]
            # nor are its rows' dates what the prose after it is dated by
            self.dates = [d for d in self.dates if not any(a <= d.span[0] < b for a, b in spans)]
        cursor = 0
        for sentence in _sentences(self.text):
            lines_seen += 1
            if named := _NAME_FIELD.search(self.text, sentence[0], sentence[1]):
                self.field_subject = next(
                    (m.entity for m in self.mentions if m.start == named.end()), None
                )
                self.field_at = named.end()
            quote = self.original[
                self.index[sentence[0]] : self.index[max(sentence[0], sentence[1] - 1)] + 1
            ].strip()
            if tables:
                out.extend(self._table_facts(tables, sentence, quote))
            quantities = []
            while cursor < len(pending) and pending[cursor].span[0] < sentence[1]:
                if pending[cursor].span[0] >= sentence[0]:
                    quantities.append(pending[cursor])
                cursor += 1
            if not quantities:
                header_metric = self._header_metric(quote)
                if header_metric:
                    header = (lines_seen, header_metric, self._stake_target(sentence[0], ""))
                continue
            self.prev_q = None
            self.sentence_qs = quantities
            for q in quantities:
                if self.runs and (run := self.runs.get(q.span[0])):
                    out.extend(self._fact_for(n, run[0], q, sentence, quote, None) for n in run[1])
                    self.prev_q = q
                    continue
                fact = self._fact(q, sentence, quote, header, lines_seen)
                if fact is not None and _GARBLED.search(fact.metric):
                    out.extend(self._repaired(fact))
                elif (
                    fact is not None and len(fact.metric) <= METRIC_MAX and self._quoted_in(fact, q)
                ):
                    out.append(fact)
                self.prev_q = q
        return out

    def _filed(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """Shapes of results and filing prose read in filings.py: a balance's movement (期初余额
        为…，本期增加…，减少…), growth over a base written out (较上期的X元增加21.31%), an
        opening balance as a base (相较于期初的X元), a dividend per ten shares, a level 由A
        减少至B, a loss (净利润亏损10亿元) and a rate's change (较去年同期毛利率减少3.35个
        百分点, 毛利率下滑2.7pct)."""
        last, last_end, at, unit = self.last, self.last_end, q.span[0], q.unit
        # The shapes that read the figure just before it stand within a few words of it.
        if last is not None and sentence[0] <= last_end <= at <= last_end + 48:
            between = self.text[last_end:at]
            if last.metric.endswith(BALANCE_ENDINGS) and (
                moved := movement_metric(last.metric, between)
            ):
                q = replace(q, value=abs(q.value), negative=False)  # 减少 names the direction
                return self._fact_for(last.subject, moved, q, sentence, quote, last.object)
        else:
            between = ""
        if unit == "%":
            if last is None or not between:
                return None
            if last.metric.endswith("_change") and last.unit == "pp" and between in ("至", "到"):
                # 期间费用率同比下降1.4个百分点至12.2%: the rate's new level.
                metric = last.metric.removesuffix("_change")
                return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
            fell = growth_over_base(between)
            if fell is None:
                return None
            q = replace(q, value=-abs(q.value), negative=True) if fell else q
            metric = _base_metric(last.metric) + "_yoy"
            return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
        if last is not None and unit == "pp" and between:
            # 毛利率为14.61%，较上年同期的15.89%，下滑1.28pct, 毛利率52.8%，同比-1.84pct，
            # 环比+0.66pct: the rate's change in points, on the year, then on the quarter.
            on_year = last.metric.endswith("_change") and last.unit == "pp"
            if last.unit == "%" and (fell := points_over_base(between)) is not None:
                metric = last.metric + "_change"
            elif on_year and (fell := points_on_quarter(between)) is not None:
                metric = last.metric.removesuffix("_change") + "_qoq_change"
            else:
                metric = ""
            if metric:
                q = replace(q, value=-abs(q.value), negative=True) if fell else q
                return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
        if last is not None and unit == "money" and last.unit == "money" and between:
            if part := contributed_part(last.metric, between):  # 其中游戏贡献240亿元
                return self._fact_for(last.subject, last.metric, q, sentence, quote, part)
        if last is not None and unit == "money" and "初" in between:
            if opened := opening_metric(last.metric, between):
                return self._fact_for(last.subject, opened, q, sentence, quote, last.object)
        before = self.text[max(0, at - 30) : at]
        if (
            unit != "pp"
            and "至" not in before[-3:]
            and "到" not in before[-3:]
            and "股派" not in before[-14:]
            and "亏损" not in before[-24:]
            and "同期" not in before
            and "同报告期" not in before
        ):
            return None
        lo = max(sentence[0], q.span[0] - 64)  # no shape reads further back
        breaks = _CLAUSE_BREAK.finditer(self.text, lo, q.span[0])
        clause_start = max([lo] + [m.end() for m in breaks])
        fell = False
        if (start := per_ten_shares(self.text, clause_start, q)) is not None:
            metric = "dividend_per_10_shares"
        elif level := from_to(self.text, self._after_name(clause_start, q.span[0]), q):
            metric, start = level
        elif lost := loss(self.text, clause_start, q):
            (metric, start), fell = lost, True
        elif changed := named_rate_change(self.text, clause_start, q):
            metric, start, fell = changed
        else:
            return None
        record = self._subject_or_region(start, sentence)
        if record is None:
            return None
        q = replace(q, value=-abs(q.value), negative=True) if fell else q
        fact = self._fact_for(record.name, metric, q, sentence, quote, None)
        # 较去年同报告期营业总收入增加1.69亿元，同比较去年同期上涨18.25%: the amount's change
        # is read so that the growth after it knows its figure, not stated on its own (a
        # derived figure reports seldom quote).
        return None if metric.endswith("_yoy_change") else fact

    def _across_date(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """资产负债率2024年末为62.37%: a label, the period it holds for, then the figure
        (`facts.filings.date_after_label`)."""
        tail = across_tail(self.text, sentence[0], q.span[0])
        if tail is None:
            return None
        date = next((d for d in self.dates if d.span[1] == tail and d.granularity in PERIODS), None)
        if date is None:
            return None
        clause_start = self._clause_start(sentence, date.span[0])
        lo = self._after_name(clause_start, date.span[0])
        found = date_after_label(self.text, date.span[0], lo)
        if found is None or found[0] in DAILY_METRICS or not unit_fits(found[0], q):
            return None
        record = self._subject_or_region(found[1], sentence)
        if record is None or record.kind not in _TOPIC_KINDS:
            return None
        return self._fact_for(record.name, found[0], q, sentence, quote, None)

    def _after_name(self, lo: int, hi: int) -> int:
        """Where a label may start: after the last name written in lo..hi."""
        return max([lo] + [m.end for m in self.mentions if lo <= m.start and m.end <= hi])

    def _quoted_in(self, fact: ExtractedFact, q: Quantity) -> bool:
        """An index is quoted in points and a stock in money: 创新高股平均股价49.01元 is no
        index's level, 富时100指数报收于8559.33点 no company's price, whoever the text was about."""
        if fact.metric not in _PRICE_METRICS:
            return True
        index = fact.subject == MARKET.name or any(
            m.entity.kind == "index" and m.entity.name == fact.subject for m in self.mentions
        )
        if index or fact.subject == (self.sector.name if self.sector else None):
            return q.unit != "money"
        return not _POINTS_AFTER.match(self.text, q.span[1])

    def _table_facts(
        self, cells: list[Cell], sentence: tuple[int, int], quote: str
    ) -> list[ExtractedFact]:
        """The cells of the run-together tables that start in this sentence, about the stock
        the sentence or the text is about (近日该股表现日期涨跌幅…)."""
        mine = [c for c in cells if sentence[0] <= c.table[0] < sentence[1]]
        if not mine:
            return []
        record = self._subject_or_region(mine[0].table[0], sentence)
        if record is None or record.kind not in _TOPIC_KINDS:
            return []
        return [
            ExtractedFact(
                subject=record.name,
                metric=c.metric,
                value=c.quantity.value,
                unit=c.quantity.unit,
                currency=c.quantity.currency,
                span=(self.index[c.quantity.span[0]], self.index[c.quantity.span[1] - 1] + 1),
                quote=quote,
                as_of=c.as_of,
                period=c.as_of.isoformat(),
            )
            for c in mine
        ]

    def _header_metric(self, line: str) -> str | None:
        """A shareholder table's header: holders in the first column, a stake column after.

        Tables listed by the company held (银行 | 持股比例) name no holder per row, so they
        give no stake facts rather than wrong ones.
        """
        cells = _cells(line)
        if cells and cells[0] in _HOLDER_COLUMNS and ("持股比例" in line or "股权比例" in line):
            return "stake_pct"
        return None

    def _fact(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        header: tuple[int, str, str | None] | None,
        line_no: int,
    ) -> ExtractedFact | None:
        if _CRITERION_AFTER.match(self.text, q.span[1]):
            return None  # 因换手率达20%的证券登上龙虎榜: the listing's criterion, no figure
        if self.breadth and q.unit == "count" and (counted := self.breadth.get(q.span[0])):
            self.last_record = MARKET  # 整体封板率, 成交额 said next are the market's too
            return self._fact_for(MARKET.name, counted, q, sentence, quote, None)
        if self.seats and q.unit == "money" and (seat := self._seat(q, sentence, quote)):
            return seat
        if (
            q.unit in _DAY_UNITS
            and (self.day_words or (self.last is not None and self.last.metric == "change_pct"))
            and (day := self._market_day(q, sentence, quote))
        ):
            return day
        if windowed := self._window_item(q, sentence, quote):
            return windowed
        if self.year_ranges and (yearly := self._year_series(q, sentence, quote)):
            return yearly
        if q.unit == "money" and (dated := self._dated_price(q, sentence, quote)):
            return dated
        if filed := self._filed(q, sentence, quote):
            return filed
        if q.unit in ("%", "money", "") and (across := self._across_date(q, sentence, quote)):
            return across
        if q.unit == "shares" and (held := self._shares_held(q, sentence, quote)):
            return held
        if level := self._level_after_growth(q, sentence, quote):
            return level
        if q.unit == "%" and (paired := self._paired_growth(q, sentence, quote)):
            return paired
        if q.unit == "pp" and (rate_change := self._rate_change(q, sentence, quote)):
            return rate_change
        if q.unit == "pp" and (moved := self._contribution(q, sentence, quote)):
            return moved
        if self.climate and (departed := self._anomaly(q, sentence, quote)):
            return departed
        if self.listed is not None and (changes := self._list_changes(q, sentence, quote)):
            return changes
        if (
            self.averages
            or q.unit == "pp"
            or (0 <= q.span[0] - self.last_end <= 40 and _NEAR.match(self.text, self.last_end))
        ) and (stated := self._bulletin_change(q, sentence, quote)):
            return stated
        before = self.text[q.span[0] - 1 : q.span[0]]  # what the two shapes below end with
        if before in _PERIOD_VERB_ENDS and (carried := self._next_period(q, sentence, quote)):
            return carried
        if before == "的" and (based := self._base_level(q, sentence, quote)):
            return based
        if q.unit == "%" and (
            turned := TURNED.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0])
        ):
            # 鲜菜价格由上月下降7.3%转为上涨3.3%: the figure after 转为 is the current one.
            if self.text.startswith("分别", turned.start() - 2):
                return self._turned_list(q, sentence, quote, turned.start() - 2)
            at = turned.start() - self.text.startswith("是", turned.start() - 1)  # 价格是由…
            return self._change(q, sentence, quote, at)
        respectively = self.text.rfind("分别", sentence[0], q.span[0])
        if respectively >= 0 and self.text.startswith("由", respectively + 2) and q.unit == "%":
            return self._turned_list(q, sentence, quote, respectively)
        if respectively >= 0 and q.unit == "%":
            listed = self._respectively(q, sentence, quote, respectively)
            # 产销量分别达到…，净利润同比暴涨658%: a 分别 of an earlier clause lists no more
            # once a comma opens a clause naming its own figure (not an aside in brackets).
            clause_start = self._clause_start(sentence, q.span[0])
            if (
                listed is not None
                or respectively >= clause_start
                or self.text[clause_start - 1] not in "，,"
                or not LABELS.search(self.text, clause_start, q.span[0])
            ):
                return listed
        if respectively >= 0 and self._is_statistics():
            # 夏粮和早稻产量分别为2948.1亿斤和562.5亿斤
            if levels := self._respectively(q, sentence, quote, respectively, levels=True):
                return levels
        if (
            respectively >= 0
            and _OWNED.search(self.text, sentence[0], respectively)
            and (owned := self._respectively(q, sentence, quote, respectively, owned=True))
        ):
            return owned
        growth = _GROWTH.search(self.text[max(sentence[0], q.span[0] - 16) : q.span[0]])
        if growth is None and _GROWTH_AFTER.match(self.text, q.span[1]):
            growth = _DIRECTION_BEFORE.search(
                self.text, max(sentence[0], q.span[0] - 16), q.span[0]
            )
        if growth is not None:
            grown = self._growth(q, sentence, quote, growth)
            if grown is not None or q.unit or not growth.group().rstrip().endswith("为"):
                return grown
            # PPI同比为97.00: an index against last year (上年=100), read under its own name.
        metric: str | None = None
        label_start = q.span[0]
        found = _label_before(self.text, q.span[0])
        if found and not unit_fits(found[0], q) and q.unit == "%":
            # 主力资金净流入…，占总成交额3.23%: 成交额 names the whole, not this figure.
            if follow := self._follow_on(q, sentence, quote):
                return follow
        if found:
            metric, label_start = found
            if metric in _PRICE_METRICS and (
                span := _SPAN_BEFORE.search(self.text, 0, label_start)
            ):
                # 上周最低价为145.72美元: the week's low, not the day's.
                said = LABELS.match(self.text, label_start)
                metric = self.text[span.start() : said.end()] if said else metric
            if self.text.startswith("跌幅", label_start) and q.value > 0:
                q = replace(q, value=-q.value, negative=True)  # 跌幅0.17%: a fall
        elif after := _label_after(self.text, q.span[1]):
            metric = after
        elif header and line_no - header[0] <= _HEADER_WINDOW and q.unit == "%":
            metric = header[1]
        elif attribute := _ATTRIBUTE.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0]):
            if _CLAUSE_LIKE.search(attribute.group("label")):
                return None
            if _DATE_IN_LABEL.search(attribute.group("label")) and (
                series := self._series(q, sentence, quote)
            ):
                return series
            metric, label_start = self._share_of(
                attribute.group("label"), attribute.start("label"), sentence
            )
        elif measured := self._measure(q, sentence):
            metric, label_start = measured
            metric = self._rate_of_change(self._order_size(metric, sentence), q)
        elif ("单产" in self.text or "产量" in self.text) and (
            crop := crop_yield(self.text, sentence[0], q.span[0], self._said_before(q.span[0]))
        ):
            metric, label_start = crop
        elif series := self._series(q, sentence, quote):
            return series
        elif q.unit == "%" and (follow := self._follow_on(q, sentence, quote)):
            return follow
        elif q.unit == "%" and (move := self._move(q, sentence)):
            metric, label_start = move
            if "跌" in self.text[label_start : q.span[0]] and q.value > 0:
                q = replace(q, value=-q.value, negative=True)  # 跌超9%: a fall
        elif q.unit == "%" and (
            change := _CHANGE.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0])
        ):
            return self._change(q, sentence, quote, change.start())
        if metric is None:
            return self._level_before_growth(q, sentence, quote)
        if metric in _BARE_LABELS and (metric := self._bare(metric, sentence, label_start)) is None:
            return None
        clause_start = self._clause_start(sentence, q.span[0])
        if not unit_fits(metric, q):
            return None
        if metric in DAILY_METRICS and not q.unit and _STREAK.match(self.text, q.span[1]):
            return None  # 已连续涨停2天: how long, not the limit price
        if _NOT_THE_SUBJECT.search(
            self.text[max(sentence[0], label_start - 10) : label_start]
        ) and not any(m.end == label_start for m in self.mentions):
            return None  # 行业指数上涨: but 科创50指数上涨 is the index's own move
        if (
            self.text[max(clause_start, label_start - 5) : label_start]
            .rstrip("的")
            .endswith(_YEAR_AGO)
        ):
            return None  # 去年同期的每股收益为91美分: last year's figure, not this period's
        if "分别" in self.text[clause_start : q.span[0]]:
            return None  # "A、B、C分别持股67%、18%、15%": a distributive list, not one subject
        from_header = found is None and metric == "stake_pct"
        subject = self.subject_before(label_start, clause_start) or self.subject_before(
            label_start, sentence[0]
        )
        record: EntityRecord | None = None
        # 中证800近一周的市场基准收益率是: a card's field naming its own index or track; a name
        # the dictionary knows (沪深300) is read as the dictionary reads it.
        field = field_subject(self.text, sentence[0], label_start)
        if field is not None and (subject is None or subject.start < field[1]):
            return self._fact_for(field[0], metric, q, sentence, quote, None)
        if (subject is None or subject.start < clause_start) and (
            industry := industry_subject(self.text, clause_start, q.span[0])
        ):
            return self._fact_for(industry, metric, q, sentence, quote, None)
        if from_header:
            holder = self._row_holder(sentence)
            if holder is None:
                return None
            target = header[2] if header else None
            name = holder if isinstance(holder, str) else holder.name
            return self._fact_for(name, metric, q, sentence, quote, target)
        if record is None and subject is not None:
            record = subject.entity
        if self.mover is not None:
            record, self.mover = self.mover, None
        if record is None and metric in HOLDING_METRICS:
            named = self._holder(sentence[0], label_start)
            if named is not None:
                return self._fact_for(named, metric, q, sentence, quote, self._topic_name())
        narrowed = self._qualifier(metric, clause_start, label_start) if found else None
        if record is None:
            record = (
                self.round_subject
                or self._newer_field()
                or self._carried_subject(sentence[0])
                or self.field_subject
                or self.topic
                or self.sole
            )
            if record is not None and record.kind == "index" and record not in self._own_topics():
                # 沪指下跌0.68%。…收盘股价最高的是锦波生物，今日收盘价为482.00元: an index is
                # what a sentence is about only when the sentence names it.
                record = None
            if record is None and narrowed is not None and "公司" not in self.text:
                # 基础设施投资 in a text naming no company: the economy's indicator.
                metric = narrowed + self._label_text(label_start)
            # A company figure (营收, 出资) in a text naming no company is about a company
            # the text names in a way not recognised, not about the economy.
            # 其高压电缆收入占比: 其 refers to someone the text names, not to an economy; a
            # window's move is a security's.
            pronoun = self.text[label_start - 1 : label_start] == "其"
            if (
                record is None
                and metric not in KNOWN_METRICS
                and not pronoun
                and not _WINDOW_MOVE.match(metric)
            ):
                record = self._region(label_start)
        if record is None or (record is self.sector and metric not in SECTOR_METRICS):
            return None
        obj = narrowed if metric in KNOWN_METRICS else None  # 动力电池系统营业收入: a segment's
        last = self.last
        if (
            obj is None
            and last is not None
            and last.object
            and last.subject == record.name
            and sentence[0] <= self.last_end <= label_start
            and line_rate(metric, last.metric, self.text[self.last_end : label_start])
        ):
            obj = last.object  # A设备营收6.98亿元，同比+32%，毛利率50.84%: the line's margin
        if metric == "raised" and record.kind in _ROUND_SUBJECT_KINDS:
            self.round_subject = record
        if metric == "invested" and self.round_subject and record.name != self.round_subject.name:
            obj = self.round_subject.name
        if metric == "stake_pct":
            obj = self._stake_target(sentence[0], record.name)
        if metric in _QUOTED_METRICS and self._unlisted(record):
            return None  # 国电电力当前股价4.61元 under a title about 汇金: an investor has no quote
        self.last_record = record
        return self._fact_for(record.name, metric, q, sentence, quote, obj)

    def _shares_held(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """中央汇金持有软控股份3325万股, 汇金持股2987万股: a holding in shares.

        Filed under the company held, which a text names exactly, with the holder as object
        when it is named right before the verb (a text often writes the holder loosely: 汇金).
        Not an average per account (户均持股数量), nor a change (增持, 持仓量增加).
        """
        clause_start = self._clause_start(sentence, q.span[0])
        verbs = list(_HOLD_VERB.finditer(self.text, max(clause_start, q.span[0] - 24), q.span[0]))
        verb = verbs[-1] if verbs else None
        if verb is None or _PER_ACCOUNT.search(self.text, max(0, verb.start() - 2), verb.start()):
            return None
        if "分别" in self.text[clause_start : q.span[0]]:
            return None  # 汇金与证金分别持有1040万股和803.9万股: whose is which is not said here
        held: EntityRecord | None = None
        rest = verb.end()
        if self.text.startswith("的", rest):
            rest += 1
        inside = [m for m in self.mentions if m.start == rest and m.end <= q.span[0]]
        if inside:
            held, rest = inside[0].entity, inside[0].end
        if not _HELD_TAIL.fullmatch(self.text, rest, q.span[0]):
            return None
        holder = self._named_holder(clause_start, verb.start())
        if holder is None and (
            ranked := _RANKED_HOLDER.search(self.text, sentence[0], verb.start())
        ):
            # 香港中央结算有限公司位居第三大流通股东，持股2529.91万股: the holder ranked before.
            holder = self._named_holder(sentence[0], ranked.start())
        if held is None:
            before = [
                m.entity
                for m in self.mentions
                if sentence[0] <= m.start
                and m.end <= verb.start()
                and m.entity.kind == "company"
                and m.entity.name != holder
            ]
            held = (before[-1] if before else None) or self.topic or self.sole
        if held is None or held.name == holder:
            return None
        if self._unlisted(held):
            # 国电电力当前股价4.61元汇金持股2.09亿股 under a title about 汇金: the investor's
            # holding in a company the text names in a way not recognised.
            return self._fact_for(held.name, "holding_shares", q, sentence, quote, None)
        return self._fact_for(held.name, "shares_held", q, sentence, quote, holder)

    def _level_before_growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """全国铁路发送旅客3.82亿人次，同比增长6.0%: a figure named in the text's own words.

        A name no label list holds is taken only when the growth of the figure follows it
        (，同比增长, ，较上年增加): a figure with a change beside it is a measured quantity, so
        the words before it name a metric, not a clause. The growth then follows it as usual.
        """
        if q.unit not in ("count", "money", "") or not _GROWTH_NEXT.match(self.text, q.span[1]):
            return None
        lead = _LEVEL_CONNECTORS.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0])
        end = lead.start() if lead else q.span[0]
        named = self._indicator(sentence, end)
        if named is None or len(named[0]) > 12 or named[0] in _THE_STOCK:
            return None
        metric, label_start = named
        if not unit_fits(metric, q) or _DATE_IN_LABEL.search(metric):
            return None
        record = self._subject_or_region(label_start, sentence)
        if record is None or ("公司" in metric and record.kind != "company"):
            return None  # 公司营收突破35亿元 is a company's, not the economy's
        if stated := _COMPANY_LEAD.match(metric):
            metric = metric[stated.end() :]  # 当年公司员工总数: the figure is 员工总数
        return self._fact_for(record.name, metric, q, sentence, quote, None)

    def _named_holder(self, clause_start: int, verb_start: int) -> str | None:
        """The holder written right before 持有: a known name, or an organisation's full name,
        a fund's code in brackets allowed between (南方中证500ETF（510500）持有)."""
        end = verb_start
        if code := _CODE_BEFORE.search(self.text, clause_start, end):
            end = code.start()
        for m in self.mentions:
            if m.end == end and m.start >= clause_start:
                return m.entity.name
        orgs = list(_ORG_NAME.finditer(self.text, clause_start, end))
        return orgs[-1].group() if orgs and orgs[-1].end() == end else None

    def _window_item(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """普通定投收益：近1年0.0452,近2年-0.0175: one figure per trailing window, under the
        label before the colon."""
        if not _WINDOW_END.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0]):
            return None  # the common case, cheaply: no window right before the figure
        lo = max(sentence[0], q.span[0] - 120)
        found = _WINDOW_ITEM.search(self.text, lo, q.span[0])
        if found is None:
            return None
        label = found["label"]
        lead = _LABEL_LEAD.match(label)
        label = label[lead.end() :] if lead else label
        if len(label) < 2:
            return None
        record = self._subject_or_region(found.start("label"), sentence)
        if record is None:
            return None
        metric = LABEL_METRIC.get(label.lower(), label) + found["window"]
        return self._fact_for(record.name, metric, q, sentence, quote, None)

    def _paired_growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """营收341.6亿元，同环比+2.7%/-2.7%, 营收529.14亿/+7%: growth written right after the
        figure just stated, year on year, then quarter on quarter after 同环比."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.unit == "%":
            pair = self.prev_q
            if (
                self.last is not None
                and pair is not None
                and _PAIR_SECOND.fullmatch(self.text, pair.span[1], q.span[0])
                and _PAIR_FIRST.search(self.text, max(sentence[0], pair.span[0] - 8), pair.span[0])
                and self.last.metric.endswith("_yoy")
            ):
                base = self.last.metric.removesuffix("_yoy")
                return self._fact_for(
                    self.last.subject, base + "_qoq", q, sentence, quote, self.last.object
                )
            return None
        between = self.text[self.last_end : q.span[0]]
        if _PAIR_FIRST.fullmatch(between) or _SLASH_GROWTH.fullmatch(between):
            base = _base_metric(last.metric)
            return self._fact_for(last.subject, base + "_yoy", q, sentence, quote, last.object)
        return None

    def _level_after_growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """净利润同比暴涨658%，达到33.18亿美元: the level the grown figure reached."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.unit != "%":
            return None
        if not last.metric.endswith(("_yoy", "_qoq")) or q.unit == "%":
            return None
        if not _LEVEL_AFTER.fullmatch(self.text, self.last_end, q.span[0]):
            return None
        base = last.metric.removesuffix("_yoy").removesuffix("_qoq")
        if base in LABEL_METRIC.values() and not unit_fits(base, q):
            return None
        return self._fact_for(last.subject, base, q, sentence, quote, last.object)

    def _bulletin_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A change stated as bulletins do (`facts.bulletin`): bare, right after the level it
        changes (2992万公顷，减少15万公顷), or as a yearly average of the level just stated or
        of the rate named before it (平均每年增加1689万人, 城镇化率年均提高0.7个百分点)."""
        near = self.last_end >= sentence[0] and q.span[0] - self.last_end <= 40
        lo = max(sentence[0], q.span[0] - 12)
        averaged = self.averages and self.text.find("均", lo, q.span[0]) >= 0
        if not near and not averaged and q.unit != "pp":
            return None  # the common case, cheaply
        last = self.last if self.last is not None and self.last_end >= sentence[0] else None
        average = AVERAGE.search(self.text, lo, q.span[0]) if averaged else None
        if average is None:
            if q.unit == "pp" and (points := self._points_change(q, sentence, quote, last)):
                return points
            if last is None or not near or q.unit not in (*_AMOUNT_UNITS, "pp", "%", "times"):
                return None
            if q.unit == "%" and (tenor := TENOR.match(last.metric)):
                item = TENOR_ITEM.fullmatch(self.text, self.last_end, q.span[0])
                if item is None or last.unit != "%":
                    return None
                metric = item["tenor"] + last.metric[tenor.end() :]
                return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
            found = CHANGE_AFTER_LEVEL.fullmatch(self.text, self.last_end, q.span[0])
            level = last.metric.removesuffix("_forecast")  # a forecast level's change: forecast
            if found is None or q.unit == "%" or _base_metric(last.metric) != level:
                return None
            if (last.unit, last.currency) != (q.unit, q.currency) and not (
                (q.unit, last.unit) == ("pp", "%") or (q.unit == "times" and last.unit != "%")
            ):
                return None
            paragraph = self.text.rfind("\n", 0, q.span[0]) + 1
            metric = level + change_suffix(self.text, paragraph, q.span[0], found["base"])
            subject, obj, verb = last.subject, last.object, found["verb"]
        else:
            suffix = "_cagr" if q.unit == "%" else "_avg_annual_change"
            if last is not None and AVERAGE_AFTER.fullmatch(
                self.text, self.last_end, average.start()
            ):
                subject, obj = last.subject, last.object
                metric = _base_metric(last.metric) + suffix
            elif named := self._indicator(sentence, average.start()):
                record = self._subject_or_region(named[1], sentence)
                if record is None or not MEASURED.search(named[0]):
                    return None
                subject, obj, metric = record.name, None, named[0] + suffix
            else:
                return None
            verb = average["verb"] or ""
        if verb in FALLS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(subject, metric, q, sentence, quote, obj)

    def _next_period(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """电力弹性系数平均约1.32，“十一五”降至1.05: the level just stated, in the period the
        next clause opens with (`facts.bulletin.next_period`)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or q.span[0] - self.last_end > 24:
            return self._bounded_period(q, sentence, quote)
        level = last.metric.removesuffix("_forecast")
        if (
            (last.unit, last.currency) != (q.unit, q.currency)
            or _base_metric(level) != level
            or next_period(self.text, self.last_end, q.span[0], self.dates) is None
        ):
            return self._bounded_period(q, sentence, quote)
        return self._fact_for(last.subject, level, q, sentence, quote, last.object)

    def _bounded_period(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """我国电力弹性系数一直大于1，2024年高达1.4: in a release, the rate said to stay above
        a bound, at the period the next clause names (`facts.bulletin.bounded_label`)."""
        if not self._is_statistics():
            return None
        named = bounded_label(self.text, sentence[0], q.span[0], self.dates)
        if named is None or _CLAUSE_LIKE.search(named[0]):
            return None
        record = self._subject_or_region(named[1], sentence)
        if record is None:
            return None
        return self._fact_for(record.name, named[0], q, sentence, quote, None)

    def _base_level(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """油料产量3864万吨，比1949年的256万吨增长14.1倍: the level just stated (in this
        sentence or the one before), as it was in the base year (`facts.bulletin.base_level`)."""
        last = self.last
        if last is None or not 0 <= q.span[0] - self.last_end <= 24:
            return None
        if (last.unit, last.currency) != (q.unit, q.currency) or last.metric != _base_metric(
            last.metric
        ):
            return None
        if last.period and _PART_OF_YEAR.search(last.period):
            return None  # 一季度净利润…，较2023年的…: the base is that quarter, not the year
        year = base_level(self.text, self.last_end, q.span[0])
        if year is None or "\n" in self.text[self.last_end : q.span[0]]:
            return None
        last_end = self.last_end
        fact = self._fact_for(last.subject, last.metric, q, sentence, quote, last.object)
        self.last, self.last_end = last, last_end  # what changed (增长14.1倍) is still the level
        return replace(fact, as_of=dt.date(year, 12, 31), period=f"{year}年")

    def _contribution(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """食品价格下降0.6%，影响CPI下降0.11个百分点: the points the change just stated moved
        the index by (`facts.bulletin.CONTRIBUTION`)."""
        last = self.last
        if last is None or last.unit != "%" or self.last_end < sentence[0]:
            return None
        found = CONTRIBUTION.fullmatch(self.text, self.last_end, q.span[0])
        if found is None:
            return None
        if found["verb"] in FALLS | {"下跌"} and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = contribution_metric(_base_metric(last.metric), found)
        return self._fact_for(last.subject, metric, q, sentence, quote, last.object)

    def _anomaly(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """平均气温为0.2，较常年同期偏高0.6: how far the level just stated is from its climate
        normal (`facts.bulletin.ANOMALY`)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.metric != _base_metric(last.metric):
            return None
        found = ANOMALY.fullmatch(self.text, self.last_end, q.span[0])
        if found is None or q.unit not in (last.unit, "%"):
            return None
        if found["dir"] in ("低", "少") and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(last.subject, last.metric + "_anomaly", q, sentence, quote, None)

    def _points_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, last: ExtractedFact | None
    ) -> ExtractedFact | None:
        """城镇化率提高了0.94个百分点: the change, in points, of a rate named right before the
        verb (the rate just stated is `_rate_change`'s)."""
        verb = POINTS_CHANGE.search(self.text, max(sentence[0], q.span[0] - 16), q.span[0])
        if verb is None or (last is not None and self.last_end >= verb.start() - 1):
            return None
        span = SPAN_TAIL.search(self.text, max(sentence[0], verb.start() - 14), verb.start())
        named = self._indicator(sentence, span.start() if span else verb.start())
        if named is None or not MEASURED.search(named[0]) or _NOT_A_RATE.match(named[0]):
            return None  # 影响CPI下降0.11个百分点: a contribution to CPI, not its change
        if _CLAUSE_LIKE.search(named[0]):
            return None  # 直接推动了系列产品毛利率提升: a clause, not a rate's name
        if lead := _THIS.match(named[0]):
            named = (named[0][lead.end() :], named[1] + lead.end())
        record = self._subject_or_region(named[1], sentence)
        if record is None:
            return None
        if verb["verb"] in POINTS_FALL and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(record.name, named[0] + "_change", q, sentence, quote, None)

    def _rate_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """猪肉价格上涨12.5%，涨幅较上月回落1.2个百分点: the change, in percentage points, of
        the rate just stated."""
        last = self.last
        if last is None or last.unit != "%" or self.last_end < sentence[0]:
            return None
        if not RATE_CHANGE.fullmatch(self.text, self.last_end, q.span[0]):
            return None
        return self._fact_for(
            last.subject, last.metric + "_change", q, sentence, quote, last.object
        )

    def _said_now(self, anchor: DateMention, q: Quantity, sentence: tuple[int, int]) -> bool:
        """A figure the text says is current (当前, 目前, 截至发稿), dated only by an earlier
        sentence."""
        if anchor.span[1] > sentence[0]:
            return False  # 2025年5月14日，当前市值为…: the sentence dates it (a title's does not)
        return _NOW.search(self.text, sentence[0], q.span[0]) is not None

    def _qualifier(self, metric: str, clause_start: int, label_start: int) -> str | None:
        """The segment or sector narrowing a company-results label (动力电池系统营业收入)."""
        if metric not in SEGMENTED_METRICS:
            return None
        bounds = [m.end for m in self.mentions if clause_start <= m.end <= label_start]
        dates = [
            d
            for d in self.dates
            if clause_start <= d.span[1] <= label_start
            and d.text != "全年"  # 酱油类全年实现收入: a time word the qualifier skips
        ]
        found = qualifier(self.text, clause_start, label_start, bounds + [d.span[1] for d in dates])
        before = dates[-1].span[0] if dates and dates[-1].span[1] == label_start else None
        if found is None and before is not None:
            # 谷歌云业务2025年第一季度收入122.6亿美元: a business named before the period.
            earlier = [d.span[1] for d in dates if d.span[1] <= before]
            named = qualifier(self.text, clause_start, before, bounds + earlier)
            return named if named and named.endswith(_SEGMENT_WORDS) else None
        return found

    def _label_text(self, label_start: int) -> str:
        found = LABELS.match(self.text, label_start)
        return found.group() if found else ""

    def _follow_on(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A percentage read against the figure just stated, about the same subject: the share
        it is of a whole (主力资金净流入991.71万元，占总成交额3.23%) or its margin over a
        benchmark (近3年年化收益6.25%，超过基准指数3.44%)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or q.span[0] - self.last_end > 16:
            return None
        between = self.text[self.last_end : q.span[0]]
        # After a growth the share is the grown figure's (系列酒收入70.22亿元，同比增长18.3%，
        # 占总营收的13.88%); a segment's figure may be a share of the same metric's total.
        base = _base_metric(last.metric)
        if (
            (found := _SHARE_OF.fullmatch(between))
            and (last.unit != "%" or base != last.metric)
            and (LABEL_METRIC.get(found["base"].lstrip("总").lower()) != base or last.object)
        ):
            # 占比升至38.6%: the share of the whole the text does not name.
            whole = "" if found["base"].startswith("比") else found["base"]
            metric = f"{base}占{whole}比例" if whole else f"{base}占比"
        elif (found := _VERSUS.fullmatch(between)) and last.unit == "%":
            metric = f"{last.metric}{found['verb']}{found['base']}"
        else:
            return None
        return self._fact_for(last.subject, metric, q, sentence, quote, last.object)

    def _move(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """常山北明盘中下跌3.09%, 近5个交易日跌3.34%: a listed name's price change."""
        found = _MOVE.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0])
        if found is None:
            return None
        named = [m for m in self.mentions if sentence[0] <= m.start and m.end <= found.start()]
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(self.text, sentence[0], found.start())]
        lead = max([named[-1].end if named else sentence[0], *breaks])
        if named and named[-1].entity.kind not in (*_TOPIC_KINDS, "index"):
            return None
        if not named and _LINKS_LOST.search(self.text, max(0, lead - 8), lead):
            # 热门中概股多数上涨…涨逾15%，涨近3%: a list whose names were links, now lost.
            if not self.text[lead : found.start()].strip():
                return None
        if not _MOVE_LEAD.fullmatch(self.text, lead, found.start()):
            return self._unknown_mover(q, sentence, lead, found.start())
        if window := _MOVE_WINDOW.search(self.text, lead, found.start()):
            # 今年以来股价涨24.63%, 近5个交易日涨2.78%: the window's move, not the day's
            if window.group() in ("今年以来", "今年来", "年内"):
                return "change_ytd_pct", found.start()
            label = _CHINESE_DIGITS.sub(lambda d: str(chinese_count(d.group())), window.group())
            label = f"近{window['days']}日" if window["days"] else label
            return LABEL_METRIC.get(label + "涨跌幅", label + "涨跌幅"), found.start()
        return "change_pct", found.start()

    def _unknown_mover(
        self, q: Quantity, sentence: tuple[int, int], lead: int, verb: int
    ) -> tuple[str, int] | None:
        """美光科技跌3%, in a list of moves: a name no dictionary knows, right before the verb,
        is what moved. It becomes this figure's subject."""
        run = self.text[lead:verb].strip()
        if not _MOVER.fullmatch(run) or _HEAD_END.search(run) or _NOT_A_MOVER.search(run):
            return None
        if run.lower() in LABEL_METRIC:
            return None  # 振幅跌1.59%: a figure's label, not what moved
        if any(m.end == lead for m in self.mentions):
            return None  # 平安好医生: the run goes on from a known name, it is not one itself
        if self._is_statistics():
            return None  # 城市上涨0.1%，农村持平: a price index's part, not a listed name
        name = plausible_name(run)
        if name is None or name != run or kind_of(name) != "company":
            return None
        self.mover = EntityRecord(name, "company")
        return "change_pct", verb

    def _clause_start(self, sentence: tuple[int, int], end: int) -> int:
        """Where the clause holding `end` starts: after the sentence's last break before it."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, sentence[0], end)]
        return max([sentence[0], *breaks])

    def _list_run(self, values: Sequence[Quantity], units: bool = False) -> list[Quantity]:
        """The figures from the first of `values` on that a list joins (9.48、10.84和11.95),
        with `units` each written with its unit word (2948.1亿斤和562.5亿斤)."""
        run = list(values[:1])
        sep = _UNIT_LIST_SEP if units else _LIST_SEP
        for v in values[1:]:
            if not sep.fullmatch(self.text, run[-1].span[1], v.span[0]):
                break
            run.append(v)
        return run

    def _year_series(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """预计2025-2027年归母净利润分别为10.2亿元、12.5亿元、15.1亿元: the n-th figure is the
        n-th year's, under the label between the years and the figures."""
        ranges = [r for r in self.year_ranges if sentence[0] <= r.start() and r.end() <= q.span[0]]
        if not ranges:
            return None
        years = ranges[-1]
        first, last = int(years["first"]), int(years["last"])
        values = [v for v in self.sentence_qs if v.span[0] > years.end()]
        chain = self._list_run(values)
        if q not in chain or len(chain) != last - first + 1 or not 2 <= len(chain) <= 6:
            return None
        head = _SERIES_CONNECTOR.sub("", self.text[years.end() : chain[0].span[0]]).lstrip("的")
        growth = _SERIES_GROWTH.search(head)
        label = head[: growth.start()] if growth else head
        if not _SERIES_NAME.fullmatch(label) or _CLAUSE_LIKE.search(label) or label in _VAGUE:
            return None
        metric = LABEL_METRIC.get(label.lower(), label) + ("_yoy" if growth else "")
        about = self._subject_or_region(years.start(), sentence) or self.topic or self.sole
        if about is None or about.kind not in _TOPIC_KINDS:
            return None
        year = first + chain.index(q)
        if self.published_at is not None and year >= self.published_at.year:
            metric += "_forecast"  # 维持2025~2027年EPS…, written in 2025: a forecast
        unit = chain[-1]
        if not q.unit and unit.unit and q is not unit:
            # 归母净利润分别为9.48、10.84、11.95亿元: the last figure's unit is every figure's.
            value = q.value * unit.scale
            q = replace(
                q,
                value=value.quantize(Decimal(1)) if value == value.to_integral() else value,
                unit=unit.unit,
                currency=unit.currency,
                precision=q.precision * unit.scale,
            )
        fact = self._fact_for(about.name, metric, q, sentence, quote, None)
        return replace(fact, as_of=dt.date(year, 12, 31), period=f"{year}年")

    def _order_size(self, metric: str, sentence: tuple[int, int]) -> str:
        """大单买入104.68万元，占比6.88%，卖出249.30万元: the sale is of the size just bought."""
        last = self.last
        if metric not in ("买入", "卖出") or last is None or self.last_end < sentence[0]:
            return metric
        size = _ORDER_SIZE.match(last.metric)
        return size.group() + metric if size else metric

    def _rate_of_change(self, metric: str, q: Quantity) -> str:
        """较上年度增加132千公顷（198万亩），增幅0.3%: in a release, the rate of the change just
        stated is the growth of what changed, not a figure named 增幅."""
        last = self.last
        if metric not in ("增幅", "增速", "降幅") or last is None or q.unit != "%":
            return metric
        level = last.metric.removesuffix("_forecast")
        if not level.endswith("_yoy_change") or not 0 <= q.span[0] - self.last_end <= 30:
            return metric
        if "。" in self.text[self.last_end : q.span[0]] or not self._is_statistics():
            return metric
        return level.removesuffix("_change")

    def _said_before(self, at: int) -> str | None:
        """The metric of the fact stated last before `at` in its full sentence (； between
        allowed: 大豆播种面积…；单产…), if any."""
        if self.last is None or not 0 <= at - self.last_end <= 80:
            return None
        between = self.text[self.last_end : at]
        return None if "。" in between or "\n" in between else self.last.metric

    def _measure(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """A label ending in a measure noun right before the value, from the clause's start,
        the last name or 的 before it."""
        if not q.unit and _YEARS_AFTER.match(self.text, q.span[1]):
            return None  # 城镇化率40多年提高了…: a span of years, not the rate
        reach = 40 if "=100" in self.text[max(0, q.span[0] - 12) : q.span[0]] else 24
        lo = max(sentence[0], q.span[0] - reach)  # 农业生产指数(2014-2016=100)为: further
        stop = q.span[0]
        if rmb := _RMB_BEFORE.search(self.text, max(lo, stop - 6), stop):
            stop = rmb.start()  # 募集资金余额为人民币53,419.14万元
        tail = _MEASURE_TAIL.search(self.text, max(lo, stop - 14), stop)  # short
        if tail and "将" in tail.group() and not self._is_statistics():
            return None  # 粮食产量将达到7.09亿吨 is a release's outlook; elsewhere, a guess
        if tail and _BOUND.search(tail.group()) and self.text.startswith("的", q.span[1]):
            return None  # 用电量占比超过70%的工业用电: the bound describes what follows it
        ends = self.region_ends
        end = tail.start() if tail else stop
        if self.text.endswith(_TOTAL_AFTER, lo, end):
            end -= 2  # 期初余额总计为150,194,116.99元
        if self.text[end - 1 : end] not in _HEAD_LAST:
            return None  # the common case, cheaply: no measure noun ends the label
        start = max(
            [lo]
            + [m.end() for m in _LABEL_BREAK.finditer(self.text, lo, end)]
            + [
                self._after_code(m.end)
                for m in self.mentions
                if sentence[0] <= m.start and m.end <= end
            ]
            # 我国城镇化率: the economy is the subject, not part of the label (国内生产总值 is)
            + self.region_ends[bisect_left(ends, lo) : bisect_right(ends, end)]
            + [  # 2025年新增政府债务规模: the date is not part of the label (近3年 is)
                d.span[1]
                for d in self.dates
                if lo <= d.span[1] <= end and d.granularity != "relative"
            ]
        )
        found = _MEASURE.fullmatch(self.text, start, end)
        if found is None:
            return None
        label = found.group("label")
        lead = _LABEL_LEAD.match(label)
        if lead:
            label = label[lead.end() :]
        label_start = found.start("label") + (lead.end() if lead else 0)
        if label[:1] in ("末", "底") and self.text[label_start - 1 : label_start] == "年":
            label, label_start = label[1:], label_start + 1  # 2023年底…: the date's 底
        if len(label) < 2:
            return None
        if label[0].isdigit() and not _DAYS_LABEL.match(label) and not TENOR.match(label):
            return (
                None  # 2025年新增…: a date; but 5日主力资金累计净流入, 10年期国债收益率 are names
            )
        if _NOT_A_LABEL.match(label) and not _EXCESS_LABEL.match(label):
            return None
        if _CLAUSE_LIKE.search(label):
            return None
        label, label_start = self._share_of(label, label_start, sentence)
        last = self.last
        if label == "净融资" and last is not None and self.last_end >= sentence[0]:
            # 国债累计发行3.3万亿元，净融资1.5万亿元: the net financing of the bonds just issued
            if issued := _ISSUED.search(last.metric):
                label = last.metric[: issued.start()] + label
        return LABEL_METRIC.get(label.lower(), label), label_start

    def _share_of(self, label: str, start: int, sentence: tuple[int, int]) -> tuple[str, int]:
        """比重 after "X占Y的" is the share of X in Y (高技术制造业增加值占规上工业增加值的比重)."""
        if label not in ("比重", "比例") or not self.text.startswith("的", start - 1):
            return label, start
        lo = max(sentence[0], start - 36)
        head = max(
            [lo]
            + [b.end() for b in _LABEL_BREAK.finditer(self.text, lo, start - 1)]
            + [r.end() for r in REGION.finditer(self.text, lo, start) if r.group() != "国内"]
            + [d.span[1] for d in self.dates if lo <= d.span[1] <= start]
        )
        if share := SHARE_OF.fullmatch(self.text, head, start):
            return f"{share['part']}占{share['whole']}比重", share.start()
        last = self.last
        if (
            (whole := _WHOLE.fullmatch(self.text, head, start))
            and last
            and not last.object  # 广告收入…占营收的比例: a segment's, which the name cannot say
            and self.last_end > lo
        ):
            # 一般贸易进出口增长4.0%，占进出口总额的比重为65.5%: the share of what was just stated.
            return f"{_base_metric(last.metric)}占{whole['whole']}比重", start
        return label, start

    def _fact_for(
        self,
        subject: str,
        metric: str,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        obj: str | None,
    ) -> ExtractedFact:
        anchor, window = date_for(q, sentence, self.dates, self.text, self.published_at)
        if (
            anchor is not None
            and anchor.granularity == "day"
            and anchor.span[1] <= sentence[0]
            and period_result(metric)
        ):
            anchor = period_before_day(anchor, self.dates, self.text)  # 5月7日暴跌。营收为…
        if (
            anchor is not None
            and anchor.granularity != "day"
            and (anchor.span[1] <= sentence[0] or anchor.span[0] > q.span[0])
            and (metric in DAILY_METRICS or _WINDOW_MOVE.fullmatch(metric))
        ):
            # a day's quote is not dated by a period named before or after it, but by the day
            # named before the period
            daily = metric in DAILY_METRICS
            anchor = day_before(anchor.span[0], self.dates, self.published_at) if daily else None
        if (
            anchor is not None
            and not metric.startswith("margin")  # 当前融资余额: margin data is a day's close
            and self._said_now(anchor, q, sentence)
        ):
            anchor = None  # 截至发稿，市值为56亿元: as of the report, not a date named earlier
        if anchor is not None and anchor.granularity == "report" and metric in DAILY_METRICS:
            # 3月28日，公司发布年报后，股价下跌8.26%: the day's move, not the year's.
            days = [
                d
                for d in self.dates
                if d.granularity == "day" and sentence[0] <= d.span[0] < q.span[0]
            ]
            anchor = days[-1] if days else None
        if anchor is not None and "目标价" in metric and anchor.granularity != "day":
            anchor = None  # 维持2025~2027年EPS…，维持目标价11.74元: a target set now
        as_of, period = self._as_of(anchor)
        if (
            anchor is None
            and window is None
            and self.title_year is not None
            and metric not in DAILY_METRICS
            and not _WINDOW_MOVE.fullmatch(metric)
            and not _NOW.search(self.text, sentence[0], q.span[0])  # 截至发稿，市值为…
        ):
            # 中华人民共和国2021年…, published 2022: 全年粮食种植面积 is 2021's, not the day's.
            as_of, period = self.title_year.end, self.title_year.text
        elif anchor is None and window is None and (last_year := self._annual_result(metric, q)):
            as_of, period = last_year
        if (
            window is not None
            and not _NOW.search(self.text, window.span[1], q.span[0])
            and _OWN_WINDOW.get(metric, "") in window.text
        ):
            # but 近5个交易日股价上涨…，当前市值为: the day's; 本周累计涨超16%，今年以来涨超0.7%:
            # a move named with its own window
            period = window.text
        if metric in FLOW_METRICS and (
            span := flow_window(self.text[max(sentence[0], q.span[0] - 24) : q.span[0]])
        ):
            metric = f"{metric}_{span}d"  # 5日主力流入3.95亿元: the window's, not the day's
        if "_forecast" in metric or (
            _FORECAST.search(self.text, sentence[0], q.span[0]) and "目标" not in metric
        ):
            # 预计2021年净利润70亿元…，同比增长289%, 2027年预测市盈率: a forecast, not a
            # reported figure (net_profit_yoy_forecast, whichever rule named it).
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
        self.last, self.last_end = fact, q.span[1]
        return fact

    def _growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str, growth: re.Match[str]
    ) -> ExtractedFact | None:
        """同比增长45%: the growth of the figure just stated, or of the label just before."""
        kind = growth.groupdict().get("kind") or ""
        suffix = (
            "_qoq"
            if kind in ("环比", "较上季度", "较上期", "比上期", "较上月", "比上月")
            else "_yoy"
        )
        if kind.endswith(("年末", "年底", "年初")):
            suffix = "_ytd"
        if q.unit != "%":
            # 比上年增加1336万吨: a change in the figure's own unit, not a rate.
            if not _CHANGE_VERB.search(growth.group()) or q.unit not in _AMOUNT_UNITS:
                return None
            suffix += "_change"
        direction = (growth.groupdict().get("dir") or "").lower()
        fell = _FALL_AFTER_BASE.search(growth.group()) is not None
        if (fell or direction in ("down", "fell", "decreased")) and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        phrase_start = q.span[0] - len(growth.group())
        found = _label_before(self.text, phrase_start)
        if found is None and (named := self._indicator(sentence, phrase_start)):
            record = self._subject_or_region(named[1], sentence)
            if record is None:
                return None
            return self._fact_for(record.name, named[0] + suffix, q, sentence, quote, None)
        if found is not None:
            clause_start = self._clause_start(sentence, found[1])
            subject = self.subject_before(found[1], clause_start) or self.subject_before(
                found[1], sentence[0]
            )
            record = (
                subject.entity
                if subject
                else self._newer_field()
                or self._carried_subject(sentence[0])
                or self.topic
                or self.sole
            )
            narrowed = self._qualifier(found[0], clause_start, found[1])
            if record is None and narrowed is not None and "公司" not in self.text:
                # 基础设施投资同比增长7.2% in a text naming no company: the economy's indicator.
                region = self._region(found[1])
                if region is None:
                    return None
                metric = narrowed + self._label_text(found[1]) + suffix
                return self._fact_for(region.name, metric, q, sentence, quote, None)
            if record is None:
                return None
            return self._fact_for(record.name, found[0] + suffix, q, sentence, quote, narrowed)
        last = self.last
        prev = self.prev_q
        if (
            prev is not None
            and prev.span[1] > self.last_end
            and not restated(self.text, self.last_end, prev.span)
        ):
            # 面积8000万亩，…供应总量1.7亿吨，同比增加350万吨: the growth of the figure right
            # before it, which no label named, not of the last fact.
            return self._growth_of_unnamed(q, sentence, quote, phrase_start, suffix)
        if last is None or phrase_start - self.last_end > _GROWTH_REACH:
            return self._growth_of_unnamed(q, sentence, quote, phrase_start, suffix)
        base = _base_metric(last.metric)
        if "\n" in self.text[self.last_end : phrase_start] or last.metric == base + suffix:
            return None
        return self._fact_for(last.subject, base + suffix, q, sentence, quote, last.object)

    def _series(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """国家收支差额：2025年3月为-11386亿元，2024年12月为-18867亿元…: a series of dated
        values under the label before the colon."""
        head = self.text[max(sentence[0], q.span[0] - 4) : q.span[0]]
        if not _SERIES_TAIL.search(head):
            return None
        tail_start = q.span[0] - len(_SERIES_TAIL.search(head).group())  # type: ignore[union-attr]
        date = next((d for d in self.dates if d.span[1] == tail_start), None)
        if date is None or date.granularity == "relative":
            return None
        first = date  # the series' first item: its label stands right before it
        while (
            previous := next(
                (
                    d
                    for d in self.dates
                    if d.span[1] <= first.span[0]
                    and _SERIES_ITEM.fullmatch(self.text, d.span[1], first.span[0])
                ),
                None,
            )
        ) is not None:
            first = previous
        colon = max(
            self.text.rfind("：", sentence[0], first.span[0]),
            self.text.rfind(":", sentence[0], first.span[0]),
        )
        head_end = colon if colon >= 0 else first.span[0]
        label = _SERIES_LABEL.search(self.text, max(sentence[0], head_end - 40), head_end)
        if label is None:
            return None
        name = label.group()
        if lead := _INDICATOR_LEAD.match(name):
            name = name[lead.end() :]
        # 全球城镇化率在1982年为40.1%: 在 is no part of the name, nor is the economy it opens with.
        region = REGION.match(name) if name.endswith("在") else None
        name = name.removesuffix("在")
        if region is not None:
            name = name[region.end() :]
        if len(name) < 2:
            return None
        about = (
            EntityRecord(REGION_NAMES.get(region.group(), region.group()), "org")
            if region is not None
            else self._subject_or_region(label.start(), sentence)
        )
        owner, _, measure = name.rpartition("的")
        if about in (None, CHINA) and len(owner) >= 2 and len(measure) >= 2:
            # 固定资产投资额(不含农户)的累计同比2024年12月为3.20%: an indicator's own series.
            about, name = EntityRecord(owner, "index"), measure
        if about is None:
            return None
        as_of, period = self._as_of(date)
        fact = self._fact_for(about.name, name, q, sentence, quote, None)
        return replace(fact, as_of=as_of, period=period)

    def _growth_of_unnamed(
        self, q: Quantity, sentence: tuple[int, int], quote: str, phrase_start: int, suffix: str
    ) -> ExtractedFact | None:
        """新能源零售71349辆，同比增长46.7%: the growth of a figure no label made a fact of,
        named by what stands before it."""
        prev = self.prev_q
        if prev is None or not _JUST_STATED.fullmatch(self.text, prev.span[1], phrase_start):
            return None
        indicator = self._indicator(sentence, prev.span[0])
        if indicator is None:
            return None
        about = self._subject_or_region(indicator[1], sentence)
        if about is None:
            return None
        return self._fact_for(about.name, indicator[0] + suffix, q, sentence, quote, None)

    def _respectively(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        at: int,
        owned: bool = False,
        levels: bool = False,
    ) -> ExtractedFact | None:
        """铁路运输业、水利管理业投资分别增长20.5%和9.6%: the n-th figure of the list after 分别
        is the n-th item's, when the counts agree; a list of names (阿里、小米分别持股…) gives
        nothing, since which figure is whose is too easily wrong. With `levels`, a release's
        levels of any unit (夏粮和早稻产量分别为…), when every item names a measure."""
        if windowed := self._window_moves(q, sentence, quote, at):
            return windowed
        verb = _RESPECTIVE_VERB.match(self.text, at + 2)
        if verb is None:
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= verb.end()]
        chain = self._list_run(values, units=levels)
        if q not in chain or self.text[verb.end() : chain[0].span[0]].strip():
            return None
        clause_start = self._clause_start(sentence, at)
        head_start = max(
            [clause_start] + [r.end() for r in REGION.finditer(self.text, clause_start, at)]
        )
        lead = _INDICATOR_LEAD.match(self.text, head_start, at)
        head = self.text[lead.end() if lead else head_start : at]
        last = self.last
        if head.endswith("同环比") and len(chain) == 2 and last is not None:
            # 营收341.61亿元，同环比分别-7.7%/-30.0%: the figure just stated, both ways.
            base = _base_metric(last.metric)
            metric = base + ("_yoy" if q is chain[0] else "_qoq")
            return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
        yoy = _HEAD_YOY.search(head)  # 制造业投资同比分别增长: the comparison, not the item
        head = head[: yoy.start()] if yoy else head
        if (each := EACH_QUARTER.match(head)) and len(chain) == 4:
            return self._quarter_item(q, sentence, quote, head[each.end() :], chain, verb)
        owners, _, measure = head.rpartition("的")
        if OWNERS.fullmatch(owners) and _INDICATOR.fullmatch(measure) and len(chain) > 1:
            # 云南和广东的弹性系数分别为3.3和2.1: whose each figure is, in turn.
            named = _list_items(owners, len(chain))
            if named is None or any(clause_start <= m.start < at for m in self.mentions):
                return None
            plain = verb.group("verb") in ("为", "达", "达到", "是", "") and yoy is None
            metric = measure + ("" if plain else "_yoy")
            return self._fact_for(named[chain.index(q)], metric, q, sentence, quote, None)
        if owned:
            return None  # only the owners' figures, for a value of any unit
        averaged = head.endswith("年均")  # 禽肉、牛肉和羊肉产量年均分别增长: yearly averages
        head = head.removesuffix("年均")
        items = _list_items(head, len(chain))
        if items is None:
            return None
        if levels:
            items = measured_items(items) if verb.group("verb") == "为" and yoy is None else None
            if items is None:
                return None
        if any(clause_start <= m.start < at for m in self.mentions):
            return None
        item = shared_tail(items, chain.index(q))  # 汽油和柴油价格: 汽油价格
        about = self._subject_or_region(clause_start, sentence)
        if about is None:
            return None
        if verb.group("verb") in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)  # 分别下降4.6%和3.4%: both fall
        plain = verb.group("verb") in ("为", "达", "达到", "是", "") and yoy is None
        on_month = yoy is not None and yoy.group() == "环比"
        suffix = "_cagr" if averaged else "" if plain else "_qoq" if on_month else "_yoy"
        fact = self._fact_for(about.name, item + suffix, q, sentence, quote, None)
        if levels:
            self.listed = (items, chain[-1].span[1])
        return fact

    def _list_changes(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """…分别为2948.1亿斤和562.5亿斤，比上年增加28.9亿斤和2.1亿斤: the changes of the
        levels just listed, in the same order (`facts.bulletin.LIST_CHANGES`)."""
        if self.listed is None or self.last is None:
            return None
        items, end = self.listed
        if not sentence[0] <= end <= q.span[0]:
            return None
        first = next((v for v in self.sentence_qs if v.span[0] > end), None)
        found = first and LIST_CHANGES.fullmatch(self.text, end, first.span[0])
        if first is None or not found:
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= first.span[0]]
        chain = self._list_run(values, units=True)
        if q not in chain or len(chain) != len(items):
            return None
        item = items[chain.index(q)]
        if found["verb"] in FALLS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        suffix = "_yoy" if q.unit == "%" else "_yoy_change"
        return self._fact_for(self.last.subject, item + suffix, q, sentence, quote, None)

    def _dated_price(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """股价…从 4 月 14 日的 49.99 元跌到 5 月 14 日的 46.09 元: the price on each day named
        right before it, in a sentence about the stock's price."""
        if q.currency not in (None, "CNY") or q.scale != 1:
            return None
        before = self.text[max(sentence[0], q.span[0] - 3) : q.span[0]]
        if before.rstrip().rstrip("的").rstrip()[-1:] != "日":
            return None  # the common case, cheaply: no day right before the figure
        gap = _DAY_BEFORE.search(self.text, max(sentence[0], q.span[0] - 3), q.span[0])
        if gap is None:
            return None
        day = next(
            (d for d in self.dates if d.span[1] == gap.start() and d.granularity == "day"), None
        )
        price = self.text.rfind("股价", sentence[0], q.span[0])
        if day is None or price < 0 or _MONEY_LABEL_BETWEEN.search(self.text, price, q.span[0]):
            return None
        if self.published_at is not None and day.start > self.published_at:
            return None  # a price is not quoted for a day still to come: the date is misread
        record = self._subject_or_region(price, sentence)
        if record is None or record.kind != "company":
            return None
        return self._fact_for(record.name, "price", q, sentence, quote, None)

    def _seat(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """A营业部、B营业部分别买入2804.85万元、1288.30万元: the n-th seat's trade in the stock
        the text is about."""
        values = [v for v in self.sentence_qs if v.unit == "money"]
        at = values.index(q)
        start = at
        while start > 0 and _LIST_SEP.fullmatch(
            self.text, values[start - 1].span[1], values[start].span[0]
        ):
            start -= 1
        chain = self._list_run(values[start:])
        clause_start = self._clause_start(sentence, chain[0].span[0])
        seats = seat_figures(self.text[clause_start : chain[0].span[0]], len(chain))
        stock = self.topic or self.sole or self._carried_subject(sentence[0])
        if seats is None or stock is None or stock.kind != "company":
            return None
        names, metric = seats
        return self._fact_for(names[chain.index(q)], metric, q, sentence, quote, stock.name)

    def _market_day(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A stock's market-day figures in the shapes market.py reads: its sealed limit-up
        orders (封单资金9.71亿元, or a list of stocks 分别有…), the average move after its past
        龙虎榜 listings, its open (以25.11元低开) and its change from the day before (较前一
        交易日下跌0.07元, 融资余额…，较前一日下降0.68%)."""
        words = self.day_words
        lo = max(sentence[0], q.span[0] - 40)
        head = self.text[lo : q.span[0]] if words else ""
        if "封" in words and q.unit != "%" and self.text.find("封", sentence[0], q.span[0]) >= 0:
            if self.text.find("分别", sentence[0], q.span[0]) >= 0:
                return self._seal_list(q, sentence, quote)
            if sealed := seal_before(head, q.unit):
                return self._stock_fact(sealed[0], q, lo + sealed[1], sentence, quote)
        if "上榜" in words and q.unit == "%" and (listing := after_listing(head)):
            metric, falls, at = listing
            q = replace(q, value=-abs(q.value), negative=True) if falls else q
            return self._stock_fact(metric, q, lo + at, sentence, quote)
        if words & _OPEN_WORDS and q.unit == "money" and opened_at(self.text, *q.span):
            return self._stock_fact("open", q, q.span[0], sentence, quote)
        if words & _BEFORE_WORDS and (changed := self._day_change(q, sentence, quote, lo)):
            return changed
        last = self.last
        if last is None or not sentence[0] <= self.last_end <= q.span[0]:
            return None
        between = self.text[self.last_end : q.span[0]]
        if q.unit == "money" and last.metric == "change_pct":
            fell = move_amount(between)
            if fell is None:
                return None
            q = replace(q, value=-abs(q.value), negative=True) if fell else q
            return self._fact_for(last.subject, "change", q, sentence, quote, None)
        if "分位" in words and q.unit == "%" and "分位" in self.text[q.span[1] : q.span[1] + 3]:
            return self._percentile(q, sentence, quote, lo)
        return None

    def _percentile(
        self, q: Quantity, sentence: tuple[int, int], quote: str, lo: int
    ) -> ExtractedFact | None:
        """融资余额超过近一年60%分位水平: the balance named right before, or just stated, above
        or below that percentile of the past year's or of its history
        (margin_balance_above_1y_pctile, margin_balance_below_hist_pctile)."""
        placed = percentile_side(self.text[lo : q.span[0]], self.text, q.span[1])
        if placed is None:
            return None
        side, at = placed
        last = self.last
        found = _label_before(self.text, lo + at)
        if found is not None and found[1] > self.last_end:
            base = found[0]
        elif last is not None and lo + at - self.last_end <= 3:
            # 融资余额…，占流通市值的2.82%，低于历史30%分位: the balance's rank, not its share's
            base = _SHARE_OF_BALANCE.sub("", last.metric)
        else:
            return None
        if not base.startswith(("margin", "short")) or base not in KNOWN_METRICS or last is None:
            return None
        return self._fact_for(last.subject, f"{base}_{side}_pctile", q, sentence, quote, None)

    def _day_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, lo: int
    ) -> ExtractedFact | None:
        """股价报8.16元，较前一交易日下跌0.25元: the day's change of the price just stated;
        两融余额较昨日上升1.47%: a balance's change from the day before (<metric>_dod)."""
        moved = day_change(self.text[lo : q.span[0]])
        if moved is None:
            return None
        falls, at = moved
        q = replace(q, value=-abs(q.value), negative=True) if falls else q
        phrase = lo + at
        last = self.last
        if last is not None and sentence[0] <= self.last_end and phrase - self.last_end <= 3:
            subject, base = last.subject, last.metric
        elif (found := _label_before(self.text, phrase)) is not None:
            record = self._subject_or_region(found[1], sentence)
            if record is None or record.kind != "company":
                return None
            subject, base = record.name, found[0]
        else:
            return None
        if base in ("price", "close"):
            metric = "change_pct" if q.unit == "%" else "change"
        elif base.startswith(("margin", "short")) and base in KNOWN_METRICS:
            metric = base + ("_dod" if q.unit == "%" else "_dod_change")
        else:
            return None
        if metric == "change" and q.unit != "money":
            return None
        return self._fact_for(subject, metric, q, sentence, quote, None)

    def _seal_list(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """宁波海运、美农生物等涨停板封单资金最多，分别有9.71亿元、9.66亿元: the n-th stock's
        sealed orders."""
        values = [v for v in self.sentence_qs if v.unit == q.unit]
        at = values.index(q)
        start = at
        while start > 0 and _LIST_SEP.fullmatch(
            self.text, values[start - 1].span[1], values[start].span[0]
        ):
            start -= 1
        chain = self._list_run(values[start:])
        clause_start = self._clause_start(sentence, chain[0].span[0])
        lead = max(sentence[0], self.text.rfind("，", sentence[0], clause_start - 1) + 1)
        listed = seal_list(self.text[lead : chain[0].span[0]], q.unit, len(chain))
        if listed is None or len(chain) < 2:
            return None
        metric, names = listed
        return self._fact_for(names[chain.index(q)], metric, q, sentence, quote, None)

    def _stock_fact(
        self, metric: str, q: Quantity, label_start: int, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """The figure as the listed company's that the text names right before its label
        (热门股宁波海运封单量最高) or else before it, or that the text is about."""
        clause_start = self._clause_start(sentence, label_start)
        if not self.subject_before(label_start, clause_start) and (
            written := name_before(self.text[clause_start:label_start])
        ):
            return self._fact_for(written, metric, q, sentence, quote, None)
        record = self._subject_or_region(label_start, sentence)
        if record is None or record.kind != "company":
            return None
        self.last_record = record
        return self._fact_for(record.name, metric, q, sentence, quote, None)

    def _window_moves(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """近一周、近一月及近一年分别录得1.84%、3.76%及12.76%的涨幅: the n-th figure is the n-th
        window's move, of the name the clause or the text is about."""
        lead = self.text[max(sentence[0], at - 40) : at]
        if "近" not in lead and "以来" not in lead and "年初" not in lead:
            return None  # the common case, cheaply: no window before 分别
        values = [v for v in self.sentence_qs if v.span[0] > at]
        chain = self._list_run(values)
        if q not in chain:
            return None
        clause_start = self._clause_start(sentence, at)
        head = self.text[clause_start:at]
        verb = self.text[at + 2 : chain[0].span[0]].strip()
        tail = self.text[chain[-1].span[1] : chain[-1].span[1] + 6]
        windows = window_moves(head, verb, tail, len(chain))
        if windows is None:
            return None
        about = self._subject_or_region(clause_start, sentence)
        if about is None or about.kind not in (*_TOPIC_KINDS, "index"):
            return None
        label, falls = windows[chain.index(q)]
        if falls and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = LABEL_METRIC.get(label, label)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _turned_list(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """鲜菜和鸡蛋价格分别由上月下降7.3%和4.4%转为上涨3.3%和0.8%: the n-th figure after
        转为 is the n-th item's current change; the figures before it were last month's."""
        turned = TURNED_LIST.match(self.text, at + 2)
        if turned is None or q.span[0] < turned.end():
            return None
        values = [v for v in self.sentence_qs if v.span[0] >= turned.end()]
        chain = self._list_run(values)
        if q not in chain or self.text[turned.end() : chain[0].span[0]].strip():
            return None
        clause_start = self._clause_start(sentence, at)
        lead = _INDICATOR_LEAD.match(self.text, clause_start, at)
        items = _list_items(self.text[lead.end() if lead else clause_start : at], len(chain))
        about = self._subject_or_region(clause_start, sentence)
        if items is None or about is None:
            return None
        item = shared_tail(items, chain.index(q))
        if turned["verb"] in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        metric = item + self._bare_suffix(at)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _quarter_item(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        name: str,
        chain: list[Quantity],
        verb: re.Match[str],
    ) -> ExtractedFact | None:
        """2024年…各季度用电量同比分别增长9.8%、8.1%、7.9%和6.8%: the n-th figure is the
        n-th quarter's of the year the sentence names."""
        anchor, _ = date_for(q, sentence, self.dates, self.text)
        if anchor is None or anchor.granularity != "year" or not _INDICATOR.fullmatch(name):
            return None
        about = self._subject_or_region(sentence[0], sentence)
        if about is None:
            return None
        if verb.group("verb") in _FALL_VERBS and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        plain = verb.group("verb") in ("为", "达", "达到", "是", "")
        metric = name + ("" if plain else "_yoy")
        fact = self._fact_for(about.name, metric, q, sentence, quote, None)
        year, month = anchor.end.year, (chain.index(q) + 1) * 3
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return replace(fact, as_of=end, period=f"{year}Q{month // 3}")

    def _change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, verb_start: int
    ) -> ExtractedFact | None:
        """第二产业投资增长8.9%: the change of the figure named right before the verb."""
        if q.value > 0 and _FALL_AFTER_BASE.search(
            self.text, max(verb_start, q.span[0] - 6), q.span[0]
        ):
            q = replace(q, value=-q.value, negative=True)  # 早稻产量2812万吨，减产0.4%
        indicator = self._indicator(sentence, verb_start)
        if indicator is not None and (indicator[0] in _THE_STOCK or indicator[0] == "price"):
            indicator = ("change_pct", indicator[1])  # 该股上涨1.3%: its price
        last = self.last
        if indicator is None:
            # 乡村消费品零售额5841亿元，增长6.3%: the change of the figure just stated.
            if last is None or not _JUST_STATED.fullmatch(self.text, self.last_end, verb_start):
                return None
            base = _base_metric(last.metric) + self._bare_suffix(verb_start)
            return self._fact_for(last.subject, base, q, sentence, quote, last.object)
        about = self._subject_or_region(indicator[1], sentence)
        if about is None or (indicator[0] == "change_pct" and about.kind == "org"):
            return None  # a price move is a listed name's, not an economy's
        metric = indicator[0]
        if metric != "change_pct":
            metric += self._bare_suffix(verb_start)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _bare_suffix(self, at: int) -> str:
        """A change with no 同比 or 环比 of its own: quarter on quarter when its paragraph last
        said 从环比看, else year on year (`facts.bulletin.VIEW`)."""
        if self.views is None:
            self.views = [(m.start(), m["a"] or m["b"]) for m in VIEW.finditer(self.text)]
        line = self.text.rfind("\n", 0, at)
        kind = next((k for start, k in reversed(self.views) if line < start < at), None)
        return "_qoq" if kind == "环比" else "_yoy"

    def _indicator(self, sentence: tuple[int, int], end: int) -> tuple[str, int] | None:
        """The name of what grew, right before 同比增长 or 增长 (社会消费品零售总额, 核心CPI):
        from the clause's start, the last name, region or 的 before it."""
        lo = max(sentence[0], end - 30)
        start = max(
            [lo]
            + [m.end() for m in _LABEL_BREAK.finditer(self.text, lo, end)]
            + [m.end for m in self.mentions if lo <= m.start and m.end <= end]
            + [m.end() for m in REGION.finditer(self.text, lo, end)]
        )
        lead = _INDICATOR_LEAD.match(self.text, start, end)
        if lead:
            start = lead.end()
        if self.text.startswith("的有", start - 1) and not self.text.startswith("色", start + 1):
            start += 1  # 价格降幅收窄的有黑色金属冶炼…: those that narrowed are …
        label = self.text[start:end]
        if len(label) > 3 and label[-1] in _ADVERB_TAIL and label[-2:] not in _AVERAGES:
            label = label[:-1]  # 全社会用电量仅同比增长, 水泥制造价格均上涨: an adverb
        if not _INDICATOR.fullmatch(label) or _NOT_A_LABEL.match(label):
            return None
        if _STATEMENT_LIKE.search(label):
            return None
        return LABEL_METRIC.get(label.lower(), label), start

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
            or self._carried_subject(sentence[0])
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

    def _after_code(self, end: int) -> int:
        """Where a name's bracketed code ends: 华光电子(600123)股东户数 labels 股东户数."""
        code = _CODE_AFTER.match(self.text, end)
        return code.end() if code else end

    def _bare(self, label: str, sentence: tuple[int, int], label_start: int) -> str | None:
        """增幅, 金额 name no figure alone: 股东户数增加至5.27万户，增幅为1.91% is the count's
        rise, 主力资金出现流出，金额为… the main force's outflow; else nothing is said."""
        if label == "金额":
            flow = _FLOW_BEFORE.search(self.text, sentence[0], label_start)
            return f"main_net_{'outflow' if flow['way'] == '出' else 'inflow'}" if flow else None
        last = self.last
        if label in _BALANCES:
            # 职工福利费期初余额为…，期末余额为…: the item of the balance just stated; 应收款项
            # 融资主要由银行承兑汇票组成，期末余额为…: the item the sentence is about.
            found = _BALANCE_ITEM.search(self.text, sentence[0], label_start)
            if found:
                return f"{(found['item'] or found['item2']).removeprefix('其中')}{label}"
            if last and self.last_end >= sentence[0] and (of := _BALANCE_OF.match(last.metric)):
                return f"{of['item']}{label}"  # …期初余额为…，本期增加…，期末余额为…
            # 短期薪酬包括工资…。期初余额总计为…: the item the sentence before defines.
            if label_start - sentence[0] >= 6:
                return None
            defined = _DEFINED_ITEM.search(self.text, max(0, sentence[0] - 200), sentence[0])
            return f"{defined['item']}{label}" if defined else None
        if last is None or self.last_end < sentence[0] or label_start - self.last_end > 40:
            return None
        return f"{_base_metric(last.metric)}{label}"

    def _unlisted(self, record: EntityRecord) -> bool:
        """A dictionary's investor or person with no ticker (中央汇金, 云锋基金): it holds
        shares and invests, but has no share price nor shares of its own. (An organisation
        may lend its name to an index: 纳斯达克's quote is the Nasdaq Composite's.)"""
        investor = record.kind == "person" or (
            record.kind == "fund" and _FIRM.search(record.name) is not None
        )  # a mutual fund added by a user (南方创新驱动混合A) has a NAV and a day's move
        return investor and not record.tickers and record.name not in self.written

    def _repaired(self, fact: ExtractedFact) -> list[ExtractedFact]:
        """A figure under a clause read as a label, named as the clause means it when it can
        be: (近5日)该股累计上涨3.96% and 在近7个交易日中…期间整体上涨2.75% are the window's
        move, as of a recent day (not a year named before); 滚动股息率和静态股息率均为0.61% is
        both figures'; 一是首发特别国债1650亿元 is the bond's, without the list's marker. Else
        nothing is said."""
        if _WINDOWED_MOVE.fullmatch(fact.metric) and fact.period and fact.period.startswith("近"):
            label = f"{fact.period}涨跌幅"
            as_of = fact.as_of
            if self.published_at and (as_of is None or (self.published_at - as_of).days > 31):
                as_of = self.published_at
            return [replace(fact, metric=LABEL_METRIC.get(label, label), as_of=as_of)]
        if (marker := _LIST_MARKER.match(fact.metric)) and len(fact.metric) - marker.end() >= 2:
            return [replace(fact, metric=fact.metric[marker.end() :])]  # 一是首发…国债1650亿元
        if both := _BOTH.fullmatch(fact.metric):
            return [replace(fact, metric=LABEL_METRIC.get(name, name)) for name in both.groups()]
        return []

    def _own_topics(self) -> tuple[EntityRecord | None, ...]:
        """What a text is about as a whole: its title's name, its sector, the market."""
        return (self.topic, self.sector, MARKET)

    def _names_economy(self, region: re.Match[str], before: int) -> bool:
        """全球 is a subject only in its own sentence, and not as what a figure is compared
        with: 中国在全球制造业中的占比 is China's, and after "4月全球油价大跌" the CPI is still
        the country's the text is about."""
        if _ORG_AFTER.match(self.text, region.end()):
            return False  # 中国证券监督管理委员会核准: an agency's name, not the economy
        if region.group() != "全球":
            return True
        if self.text[region.start() - 1 : region.start()] in ("在", "占", "于", "全"):
            return False
        return _SENTENCE_END.search(self.text, region.end(), before) is None

    def _is_statistics(self) -> bool:
        if self.statistics is None:
            self.statistics = not self.company_text and national_statistics(self.text, self.title)
        return self.statistics

    def _newer_field(self) -> EntityRecord | None:
        """A name field read since the last fact: the next record has begun."""
        return self.field_subject if self.field_at > self.last_end else None

    def _carried_subject(self, sentence_start: int) -> EntityRecord | None:
        """The subject of the previous fact, while still in the same paragraph line."""
        if self.last is None or "\n" in self.text[self.last_end : sentence_start]:
            return None
        return self.last_record

    def _holder(self, sentence_start: int, label_start: int) -> str | None:
        """A named shareholder or officer (股东张三) not in the dictionary."""
        found = list(_HOLDER.finditer(self.text, sentence_start, label_start))
        return found[-1].group("name") if found else None

    def _topic_name(self) -> str | None:
        return self.topic.name if self.topic else None

    def _row_holder(self, sentence: tuple[int, int]) -> EntityRecord | str | None:
        """The holder in a shareholder-table row: its first cell, known entity or org name."""
        row = self.text[sentence[0] : sentence[1]]
        cells = _cells(row)
        if not cells:
            return None
        first_end = sentence[0] + row.index(cells[0]) + len(cells[0])
        known = [m for m in self.mentions if sentence[0] <= m.start < first_end]
        if known:
            return known[0].entity
        return cells[0] if _ORG_NAME.fullmatch(cells[0]) else None

    def _stake_target(self, before: int, holder: str) -> str | None:
        """The company a stake is in: the last other company named before the statement."""
        for m in reversed(self.mentions):
            if m.start < before and m.entity.kind == "company" and m.entity.name != holder:
                if (
                    "有限公司" in m.entity.name
                    or "合资" in self.text[max(0, m.start - 12) : m.start]
                ):
                    return m.entity.name
        return None

    def _annual_result(self, metric: str, q: Quantity) -> tuple[dt.date, str] | None:
        """较上年的59.49元增长15.38%, with no date named before it, in a text published in the
        season of annual reports (January to April): last year's result, not the publication
        day's."""
        if self.published_at is None or self.published_at.month > 4:
            return None
        if _base_metric(metric) not in _ANNUAL_METRICS:
            return None
        if not _ANNUAL_BASE.search(self.text, q.span[1], q.span[1] + 40):
            clause = self.text[max(0, q.span[0] - 40) : q.span[0]]
            if not _ANNUAL_BASE.search(clause):
                return None
        year = self.published_at.year - 1
        return dt.date(year, 12, 31), f"{year}年"

    def _as_of(self, date: DateMention | None) -> tuple[dt.date | None, str | None]:
        if date is None:
            return self.data_as_of or self.published_at, None
        if not date.dated:
            return None, date.text  # 一季度, in a text that does not say of which year
        if date.granularity == "day":
            return date.start, date.start.isoformat()
        if date.granularity == "relative":
            return date.end, date.text
        return date.end, date.text


_SINCE = re.compile(r"\s*(?:初|底|末|中)?(?:以来|至今|起|开始)")
_CHANGE_VERB = re.compile(r"增长|增加|上升|提升|上涨|提高|下降|减少|下滑|降低|下跌|回落|增|降")
_AMOUNT_UNITS = ("money", "count", "", "shares")
# A text that speaks of 公司 or 该股 is about a company, even one it does not name.
_THE_STOCK = frozenset({"该股", "股价", "个股", "该股股价", "公司股价"})
_COMPANY_WORDS = re.compile(
    r"该公司|本公司|我公司|该股|本行|子公司"
    # a filing's words (募集资金, 非公开发行, 股东大会): an issuer's, never an economy's
    r"|募集资金|非公开发行|公开发行公司债|股东大会|董事会决议"
)
_RESPECTIVE_VERB = re.compile(
    r"(?:同比|环比)?(?P<verb>增长|上涨|下降|下跌|增加|减少|提高|回落|为|达到|达|是|)\s*"
)
_LIST_SEP = re.compile(r"\s*(?:、|和|及|与|,|，|/)\s*")
_UNIT_LIST_SEP = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,3}?[^\S\n]*(?:、|和|及|与|,|，|/)\s*")
_ITEM_SEP = re.compile(r"[、和及与]")
_HEAD_YOY = re.compile(r"(?:同比|环比)$")
# 持有, 持股, 配置 (a fund's or the state's allocation), not 增持/减持 (a change).
_HOLD_VERB = re.compile(r"(?<![增减])(?:持有|持股|配置)")
_HELD_TAIL = re.compile(
    r"(?:公司)?(?:股份|股票|A股)?(?:数量?)?\s*"
    r"(?:为|达到|达|高达|约|近|超过|超|逾|共计|共|合计|累计|\s)*"
)
# A level's growth written right after it: 3.82亿人次，同比增长6.0%.
_GROWTH_NEXT = re.compile(
    r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,][^\S\n]*"
    r"(?:同比|环比|较上年同期|比上年同期|较上年|比上年|较去年同期|较(?:19|20)\d{2}年)[^\S\n]*"
    r"(?:大幅|小幅)?(?:增长|增加|上升|提升|提高|下降|减少|下滑|回落|增|降|减|[+-]\d)"
)
_LEVEL_CONNECTORS = re.compile(
    r"(?:累计|合计|共)?(?:达到|达|完成|实现|突破|超过|超|逾|约|近|为)?了?[^\S\n]*$"
)
# 同比减2.83%, 较上年下滑5%: a fall the number's own parse may not sign.
_FALL_AFTER_BASE = re.compile(
    r"(?:下降|减少|下滑|降低|下跌|回落|大跌|减产|锐减|骤降|暴跌|大降|减|降|跌)\s*"
    r"(?:了|为|达|约|超|近|逾|达到)?\s*$"
)
_COMPANY_LEAD = re.compile(r"(?:当年|当期|本期|报告期内?)?(?:该公司|本公司|公司)")
_PER_ACCOUNT = re.compile(r"户均|人均|平均")
_CODE_AFTER = re.compile(r"\s*[(（](?:[A-Za-z]{2}\.?)?\d{4,6}(?:\.[A-Z]{2})?[)）]")
_CODE_BEFORE = re.compile(r"[(（]\d{6}(?:\.[A-Z]{2})?[)）]$")
_ISSUED = re.compile(r"(?:累计|合计|共)?发行$")
_YEAR_RANGE = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*(?:年\s*)?[-—–~至到]\s*(?P<last>(?:19|20)\d{2})\s*年度?"
)
_SERIES_CONNECTOR = re.compile(r"[\s:：]|(?:分别|预计|预测|将)|(?:为|是|达|约)$")
_SERIES_GROWTH = re.compile(r"(?:同比)?(?:增长率?|增速|增幅)$")
_SERIES_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")
_VAGUE = frozenset({"数据", "情况", "水平", "数值", "表现", "结果"})
_ORDER_SIZE = re.compile(r"(?:超大单|特大单|大单|中单|小单|主力)(?=买入|卖出)")
_NOT_A_RATE = re.compile(r"影响|拉动|带动|推动|贡献|导致|使")
_THIS = re.compile(r"(?:这个|这一|该)")
_FALL_VERBS = frozenset({"下降", "下跌", "减少", "回落"})
_DAY_UNITS = frozenset({"money", "shares", "count", "%"})
_OPEN_WORDS = frozenset({"低开", "高开", "平开"})
_BEFORE_WORDS = frozenset({"较前", "比前", "较上一", "比上一", "较昨", "比昨"})
_DAY_WORDS = ("封", "上榜", "分位", *_OPEN_WORDS, *_BEFORE_WORDS)


def _list_items(head: str, count: int) -> list[str] | None:
    """The `count` items of a list written before 分别, or None when they cannot be told apart.

    Items are split on every list word (服装、通信工具和燃油小汽车). An industry's name in the
    national classification may hold 和 or 及 (电气机械和器材制造业, 黑色金属冶炼和压延加工业):
    when splitting on 和 gives the wrong count, 、 alone is tried, and kept only if every item
    holding 和 names an industry (…业), so 食品、能源和服务价格 stays a list of three.
    """
    items = [i for i in _ITEM_SEP.split(head) if i]
    if len(items) != count:
        items = [i for i in head.split("、") if i]
        if any(_ITEM_SEP.search(i) and not _INDUSTRY_WITH_AND.search(i) for i in items):
            return None
    if len(items) == count and all(len(i) <= 20 for i in items):
        return items
    return None


_INDUSTRY_WITH_AND = re.compile(r"[和及与][\u4e00-\u9fff]{1,10}业")
_NAME_FIELD = re.compile(r"(?:股票|基金|公司|证券|产品)?(?:名称|简称)\s*[:：]\s*")
# The figure just stated, its unit word allowed between (早稻产量2812万吨，减产0.4%).
_JUST_STATED = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,]\s*")
# A site's name after the headline (_网易订阅, | 新浪财经, -网易订阅): a hyphen joined to a name
# (理想汽车-W) ends a site's name only when a known site follows it.
_SITE_SUFFIX = re.compile(
    r"\s*(?:[_|｜]|\s-\s|-(?=(?:网易订阅|网易新闻|新浪财经|新浪网|腾讯新闻|搜狐|凤凰网)\s*$)).*$"
)
_DERIVED = re.compile(r"(?:_(?:yoy|qoq|ytd|change|forecast|cagr|avg_annual))+$")


def _upper_end(q: Quantity) -> Decimal | None:
    """A range's upper end, kept when the figure was not turned into a fall (a range said to
    fall, 下降2%-3%, has no upper end that reads the same way)."""
    if q.high is None or q.negative or q.high <= q.value:
        return None
    return q.high


def _base_metric(metric: str) -> str:
    """The figure a derived metric is about: net_profit for net_profit_yoy_change_forecast."""
    return _DERIVED.sub("", metric)


def _written_records(
    text: str, title: str, entities: EntityDictionary | None
) -> list[EntityRecord]:
    """Entities the text names in a recognisable shape that the dictionary does not know.

    Names of one fund written two ways (short and registered) become one entity.
    """
    records: list[EntityRecord] = []
    by_key: dict[str, int] = {}
    for written in written_names(text, title):
        if entities is not None and entities.get(written.name) is not None:
            continue
        if written.name.lower() in LABEL_METRIC:
            continue  # 振幅, 成交额: a figure's label, never a name
        names = [written.name, *written.aliases]
        if written.name.startswith(("*ST", "＊ST")):
            names.append(written.name[1:])
        key = fund_key(written.name) if written.kind == "fund" else written.name
        if key in by_key:
            old = records[by_key[key]]
            extra = tuple(n for n in names if n not in old.names())
            records[by_key[key]] = replace(old, aliases=old.aliases + extra)
            continue
        by_key[key] = len(records)
        records.append(EntityRecord(written.name, written.kind, tuple(names[1:])))
    return records


def _occurrences(text: str, records: Sequence[EntityRecord]) -> list[Mention]:
    if not records or not text:
        return []
    owner = {name: r for r in records for name in r.names()}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(owner, key=len, reverse=True)))
    return [
        Mention(owner[m.group()], m.start(), m.end(), m.group()) for m in pattern.finditer(text)
    ]


def _merge(known: list[Mention], written: list[Mention]) -> list[Mention]:
    """Dictionary mentions, plus written-form ones where they overlap none."""
    if not written:
        return known
    # A written name wins over a dictionary name inside it (平安 in 平安短债债券I).
    kept = [
        k
        for k in known
        if not any(
            w.start <= k.start and k.end <= w.end and (w.end - w.start) > (k.end - k.start)
            for w in written
        )
    ]
    spans = [(m.start, m.end) for m in kept]
    extra = [m for m in written if not any(s < m.end and m.start < e for s, e in spans)]
    return sorted([*kept, *extra], key=lambda m: m.start)


def _cells(line: str) -> list[str]:
    """Cells of a table line: pipe-separated Markdown, or whitespace-separated plain text."""
    line = line.strip()
    parts = line.strip("|").split("|") if "|" in line else line.split()
    return [p.strip() for p in parts if p.strip()]


def extract_facts(
    text: str,
    *,
    title: str = "",
    published_at: dt.date | None = None,
    entities: EntityDictionary | None = None,
    mentions: Sequence[Mention] | None = None,
) -> list[ExtractedFact]:
    """Facts stated in `text`, each with the span of its value in `text`.

    `mentions` are `entities.find(text)` when the caller already has them (ingest scans each
    document once); they stand for a scan only where the reader's view of the text is the text.
    """
    if (
        not _ANY_LABEL.find_matches_as_indexes(text.lower())
        and not _ANY_ATTRIBUTE.search(text)
        and not _ANY_MEASURE.search(text)
        and not _ANY_SERIES.search(text)
        and not _ANY_CHANGE.search(text)
        and not _ANY_WINDOW_ITEM.search(text)
        and not ANY_MARKET_DAY.search(text)
    ):
        return []
    return _Reader(text, title, published_at, entities, mentions).facts()
