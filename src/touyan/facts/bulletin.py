"""How statistical releases state their figures (国家统计局公报, 农业农村部, 财政部, 城镇化报告).

A bulletin states a level and then its change without repeating what changed: "稻谷种植面积
2992万公顷，减少15万公顷" (the base, 上年, was named once at the paragraph's head), and a change
over a span of years as a yearly average: "比1985年增加5.3亿人，平均每年增加1402万人",
"城镇化率年均提高0.7个百分点". Read on their own, the bare verb (年均增长3.4%) looks like the
growth of something named 年均; these shapes say what the figure is the change of. Releases
also say once what their bare changes are (从环比看), list rates by term (7年期…，10年期为),
figures by quarter (各季度…分别) or by owner (云南和广东的…分别为), and turned changes in
lists (分别由上月下降…转为上涨…). The extractor's reader (`facts.extract`) asks these patterns.
"""

from __future__ import annotations

import datetime as dt
import re

from touyan.facts.economy import CHINESE_RELEASE, COMPANY_VOCABULARY, REGION
from touyan.text.dates import DateMention

_VERB = r"增长|增加|提高|提升|上升|增产|下降|减少|降低|减产|下滑|回落"
FALLS = frozenset({"下降", "减少", "降低", "减产", "下滑", "回落"})

# 年均增长2.6%, 平均每年提高1.07个百分点, 年均增速为3.4%: a yearly average over a span.
AVERAGE = re.compile(
    rf"(?:年均|平均每年|每年平均)(?:(?P<verb>{_VERB})|增长率|增速|增幅)(?:了|约|为|达)?[^\S\n]*$"
)
# 44873千公顷（6.73亿亩）: the level just stated again in another unit, in brackets; what
# follows it (，较上年度增加132千公顷) is still about the level.
RESTATED = r"(?:[（(][^（）()\n，,。；;]{1,16}[)）][^\S\n]*)?"
_RESTATED = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,4}[^\S\n]*[（(][^（）()\n，,。；;]{1,16}[)）]")


def restated(text: str, level_end: int, figure: tuple[int, int]) -> bool:
    """Whether `figure` is the level ending at `level_end` restated in brackets right after it
    (44873千公顷（6.73亿亩）): not a figure of its own that a change after it is about."""
    found = _RESTATED.match(text, level_end)
    return found is not None and figure[1] < found.end()


# 2992万公顷，减少15万公顷: the change of the level just stated, in its own unit.
# A base year may be written between (比2011年末提高了14.33个百分点, spaced out in a PDF's text),
# with the base's own level (比1949年的256万吨增长14.1倍: a multiple of the base).
CHANGE_AFTER_LEVEL = re.compile(
    rf"[^\S\n]*[\u4e00-\u9fff]{{0,4}}[^\S\n]*(?:\[\d{{1,3}}\][^\S\n]*)?{RESTATED}[，,][^\S\n]*"
    r"(?:(?:比|较)[^\S\n]*(?P<base>上年度?|去年|(?:19|20)\d{2}[^\S\n]*年(?:末|底)?)[^\S\n]*"
    r"(?:的[^\S\n]*[\d.,]+[万亿千百]*[\u4e00-\u9fff]{0,3}[^\S\n]*)?)?"
    rf"(?P<verb>{_VERB})了?[^\S\n]*"
)
# Between a level and its yearly average: a comma, and at most one change clause
# (7.8亿人，比1985年增加5.3亿人，平均每年增加1402万人), a footnote mark allowed ([7]), and
# the span averaged over (2013—2021年年均增长2.6%).
AVERAGE_AFTER = re.compile(
    rf"[^\S\n]*[\u4e00-\u9fff]{{0,4}}[^\S\n]*(?:\[\d{{1,3}}\][^\S\n]*)?[，,][^\S\n]*"
    rf"(?:[^，,。；;\n]{{0,12}}?(?:{_VERB})了?[^\S\n]*[+\-]?[\d.,]+[^，,。；;\n\d]{{0,6}}[，,][^\S\n]*)?"
    r"(?:(?:19|20)\d{2}[^\S\n]*(?:—|-|–|至|到|~|～)[^\S\n]*(?:19|20)\d{2}[^\S\n]*年[^\S\n]*)?"
)
# What a yearly average named before it is of ends in a measure noun (城镇化率年均提高):
# 这期间年均提高 names a span, not a figure.
MEASURED = re.compile(
    r"(?:率|比重|占比|系数|指数|价格|人口|产量|面积|规模|总量|[额量值价]|PMI|CPI|PPI)$", re.I
)
# 城镇化率提高了0.94个百分点, 制造业PMI较上月回落0.5个百分点: a rate's change in points,
# the rate itself not stated.
POINTS_CHANGE = re.compile(
    r"(?:(?:比|较)(?:上月|上年|上季度|上年同期|去年同期|年初|上年末|去年))?(?:大幅|小幅)?"
    r"(?P<verb>提高|上升|提升|回升|增加|扩大|加快|下降|回落|降低|减少|收窄|放缓)了?约?[^\S\n]*$"
)
# 城镇化率40多年提高了: the span the change took, after the rate's name.
# 中国城镇化率从1949年到2024年提高了: the years it took, written as a span.
SPAN_TAIL = re.compile(
    r"(?:[\d一二三四五六七八九十]+[多余]?年(?:间|来)?"
    r"|从(?:19|20)\d{2}年?(?:到|至|—|-)(?:19|20)\d{2}年(?:间)?)$"
)
POINTS_FALL = frozenset({"下降", "回落", "降低", "减少", "收窄", "放缓"})
# A bond's or a loan's term: 7年期国债收益率, 1年期LPR; then "10年期为1.67%" is the same rate
# at another term.
TENOR = re.compile(r"^\d{1,2}(?:年|个月|天)期")
TENOR_ITEM = re.compile(
    r"[^\S\n]*[，,、][^\S\n]*(?P<tenor>\d{1,2}(?:年|个月|天)期)(?:的)?[^\S\n]*(?:为|是|报|[:：])?[^\S\n]*"
)
# 高技术制造业增加值占规模以上工业增加值的比重为16.3%: the share names its part and whole.
SHARE_OF = re.compile(
    r"(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:仅|约|已|只)?占(?P<whole>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)的$"
)
# The base a paragraph's changes are measured against: last year, or a year it names.
_BASE = re.compile(r"(?:比|较)(?P<base>上年同期|去年同期|上年|去年|(?:19|20)\d{2}年)")


def change_suffix(text: str, start: int, end: int, base: str | None) -> str:
    """The derived metric of a change: against last year (yoy) when its base, written with it
    or last named in the paragraph before it (`start`…`end`), is last year."""
    if base is None:
        bases = list(_BASE.finditer(text, start, end))
        base = bases[-1]["base"] if bases else None
    return "_yoy_change" if base is not None and not base[0].isdigit() else "_change"


# A quote of a sector or a stock (铁路运输板块…当前价为1253.50): a market text, not statistics.
_MARKET = re.compile(r"板块|涨跌|当前价|最高价|最低价|收盘|开盘|行情")


def national_statistics(text: str, title: str) -> bool:
    """A text about an economy's statistics (我国城镇化, 全国粮食产量) with no word of a
    listed company's report: the names its shapes suggest (a headline's lead 城镇化水平大幅提高,
    a run before 的…为: 流向城镇的流动人口为) are phrases of the statistics, not companies."""
    if any(v.search(text) or v.search(title) for v in (COMPANY_VOCABULARY, _MARKET)):
        return False
    if REGION.search(title):  # 中华人民共和国2021年农业生产和产量情况
        return True
    return REGION.search(text) is not None and CHINESE_RELEASE.search(text) is not None


# 从环比看，某指数由上月下降0.3%转为上涨0.2%: a release's paragraph says once which comparison its
# bare changes (上涨, 下降) are, until it says the other (从同比看).
VIEW = re.compile(r"从(?P<a>环比|同比)(?:来)?看|(?P<b>环比|同比)方面")

# 各季度销量同比分别增长5.2%、6.7%、4.9%和3.3%: four figures, one for each quarter in turn.
EACH_QUARTER = re.compile(r"(?:各季度|各季|分季度看?|四个季度)[^\S\n]*")

# 分别由上月下降2.6%和1.9%转为上涨1.4%和0.5%: last month's changes, then this month's.
TURNED_LIST = re.compile(
    r"由[^，,。；;\n]{0,40}?转为(?P<verb>上涨|下降|增长|下跌|上升|回落)(?:了|约)?[^\S\n]*"
)
# (出口和进口国际市场份额: 出口国际市场份额, a share of the market each item names)
_TAIL = re.compile(r"(?:价格|产量|销量|投资|增加值|(?:国际|国内|全球)?市场(?:份额|占有率))$")


def shared_tail(items: list[str], n: int) -> str:
    """The n-th item of a list whose last item carries the measure all share (鲜菜和鸡蛋价格:
    鲜菜价格 and 鸡蛋价格)."""
    tail = _TAIL.search(items[-1])
    item = items[n]
    if tail and not _TAIL.search(item):
        item += tail.group()
    return item


# A group of places the first item of a list opens with (一线城市新建住宅和二手住宅价格): the
# places every item is of.
_PLACE_GROUP_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:城市|地区|农村|城镇|省份|县域)")


def shared_head(items: list[str]) -> list[str]:
    """The items of a list whose first item opens with the group of places all are of (一线城市
    新建住宅和二手住宅价格: 一线城市二手住宅价格), when no other item names places of its own."""
    head = _PLACE_GROUP_HEAD.match(items[0])
    if head is None or len(items[0]) - head.end() < 2:
        return items
    if any(_PLACE_GROUP_HEAD.search(i) or "城" in i or "地区" in i for i in items[1:]):
        return items
    return [items[0], *(head.group() + i for i in items[1:])]


# 云南和广东的弹性系数分别为…: short names joined by 和 or 、 own the figures in turn.
OWNERS = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[、和与及][\u4e00-\u9fff]{2,6}){1,5}")


# 玉米单产每公顷6600公斤, 粮食单产继续提高，为397千克/亩: a crop's yield per unit of land. 单产
# is no measure noun a label ends in, and the area it is per is written between it and the figure.
_YIELD = re.compile(
    r"(?P<label>(?:(?<![\u4e00-\u9fff\d])|(?<=[年度]))[\u4e00-\u9fff]{1,6}单产|(?<=[，,；;])单产)"
    r"(?:(?:继续|稳步)?(?:提高|增加|提升)[，,])?[^\S\n]*(?:为|达到?|约)?[^\S\n]*"
    r"(?P<per>每(?:公顷|亩))?[^\S\n]*$"
    # 大豆播种面积…；产量保持在2000万吨以上: the crop's output, said with no name of its own
    r"|(?<=[，,；;])(?P<output>产量)(?:保持在|稳定在|维持在)[^\S\n]*$"
    # 全国蔬菜面积达到3.4亿亩，产量8.3亿吨: so is a bare output right after the crop's area
    # (a note's mark allowed between: 产量[7]8.3亿吨)
    r"|(?<=[，,；;])(?P<bare>产量)(?:为|达到?|约)?[^\S\n]*(?:\[\d{1,3}\])?[^\S\n]*$"
)
_YIELD_LEAD = re.compile(r"^(?:预计|预测|其中|全国|全年|中国|我国|今年|明年)+")


_CROP = re.compile(r"^(?P<crop>[\u4e00-\u9fff]{1,4}?)(?:播种面积|种植面积|收获面积|产量|单产)")
# The crop whose area (蔬菜面积, 大豆播种面积) the figure just stated measured.
_CROP_AREA = re.compile(r"(?!播种|种植|收获)(?P<crop>[\u4e00-\u9fff]{2,4}?)(?:播种|种植|收获)?面积")


def crop_yield(text: str, lo: int, at: int, before: str | None) -> tuple[str, int] | None:
    """The yield named right before the figure at `at` (from `lo`, its sentence's start), as a
    metric with the area it is per (玉米单产每公顷), and where its name starts. A bare 单产 is
    the crop's whose area or output the sentence stated before (`before`, that figure's metric:
    大豆播种面积…；单产每公顷2023公斤)."""
    found = _YIELD.search(text, max(lo, at - 20), at)
    if found is None:
        return None
    if found["output"]:
        crop = _CROP.match(before or "")
        return (crop["crop"] + "产量", found.start("output")) if crop else None
    if found["bare"]:
        area = _CROP_AREA.fullmatch(before or "")
        return (area["crop"] + "产量", found.start("bare")) if area else None
    label, start = found["label"], found.start("label")
    if lead := _YIELD_LEAD.match(label):
        label, start = label[lead.end() :], start + lead.end()
    if label == "单产":
        crop = _CROP.match(before or "")
        if crop is None:
            return None
        label = crop["crop"] + label
    return label + (found["per"] or ""), start


# “十五”期间, 十四五时期: a five-year plan's years. Plans from the sixth (六五, 1981—1985) on
# follow one another; 十五 unquoted and alone is fifteen, not a plan, and a plan that names a
# project (“十四五”技改建设项目) dates nothing.
_PLAN = re.compile(
    r"[“\"](?P<q>(?:十[一二三四五]?|[六七八九])五)[”\"]"
    r"(?:(?:规划|计划)?(?:期间|时期|末|以来)|(?=[^\u4e00-\u9fff]|[降升增减下上提回达为是均]))"
    r"|(?<![\u4e00-\u9fff\d])(?P<b>(?:十[一二三四五]?|[六七八九])五)(?:规划|计划)?(?:期间|时期)"
)
_PLANS = ("六五", "七五", "八五", "九五", "十五", "十一五", "十二五", "十三五", "十四五", "十五五")


def plan_mentions(text: str) -> list[DateMention]:
    """A mention of the years of each five-year plan the text names (“十一五”: 2006—2010),
    not of a span since one began (“十四五”以来)."""
    if "五" not in text:
        return []
    out: list[DateMention] = []
    for found in _PLAN.finditer(text):
        if found.group().endswith("以来"):
            continue
        first = 1981 + 5 * _PLANS.index(found["q"] or found["b"])
        start, end = dt.date(first, 1, 1), dt.date(first + 4, 12, 31)
        out.append(DateMention(start, end, "year", found.span(), found.group()))
    return out


# 能源强度系数平均约0.87，“十二五”降至0.74: the figure just stated, at the next period named.
_NEXT_PERIOD_VERB = re.compile(
    r"[^\S\n]*(?:期间|时期|年间)?[^\S\n]*(?:则|也|进一步|继续|再|仅|只)?"
    r"(?:降至|下降至|下降到|回落至|升至|上升至|提高至|提高到|提升至|增至|为|达到|达|高达)[^\S\n]*"
)
_NEXT_PERIOD_LEAD = re.compile(r"[^\S\n]*[\u4e00-\u9fff%]{0,4}?[^\S\n]*[，,；;][^\S\n]*")


def next_period(text: str, level_end: int, at: int, dates: list[DateMention]) -> DateMention | None:
    """The period a clause opens with when all it says is the level (，“十二五”降至0.73) of the
    figure that ended at `level_end`: the figure at `at` is that one's in this period."""
    lead = _NEXT_PERIOD_LEAD.match(text, level_end, at)
    if lead is None:
        return None
    period = next((d for d in dates if d.span[0] == lead.end()), None)
    if period is None or period.granularity == "relative":
        return None
    return period if _NEXT_PERIOD_VERB.fullmatch(text, period.span[1], at) else None


# 该省用能弹性系数一直大于1，2023年高达1.6: a rate said only to stay above a bound, then its
# level in a period the next clause opens with.
_BOUNDED = re.compile(
    r"(?P<label>[\u4e00-\u9fffA-Za-z]{2,12}?(?:系数|率|指数|比重|占比))(?:一直|持续|始终|均|都)"
    r"(?:大于|高于|低于|小于|超过|在)[^\S\n]*\d+(?:\.\d+)?[^，,。；;\n\d]{0,3}?[^\S\n]*[，,][^\S\n]*$"
)


def bounded_label(text: str, lo: int, at: int, dates: list[DateMention]) -> tuple[str, int] | None:
    """The rate (and where its name starts) whose level in a period the figure at `at` is,
    when the clause before said only that it stays above or below a bound (`_BOUNDED`)."""
    period = next(
        (
            d
            for d in dates
            if lo <= d.span[0] < at
            and d.granularity != "relative"
            and _NEXT_PERIOD_VERB.fullmatch(text, d.span[1], at)
        ),
        None,
    )
    if period is None:
        return None
    found = _BOUNDED.search(text, max(lo, period.span[0] - 30), period.span[0])
    if found is None:
        return None
    label, start = found["label"], found.start("label")
    if region := REGION.match(label):  # 我国电力弹性系数: the economy is the subject
        label, start = label[region.end() :], start + region.end()
    return (label, start) if len(label) >= 2 else None


# 茶叶产量3172万吨，比1952年的214万吨增长13.8倍; 户籍人口城镇化率…48%左右。较之2014年的35.9%:
# the level just stated, as it was in the base year.
_BASE_LEVEL = re.compile(
    r"(?:较之|相较于|相比于?|比|较)[^\S\n]*(?P<year>(?:19|20)\d{2})[^\S\n]*年(?:末|底)?的[^\S\n]*$"
)
_BASE_LEAD = re.compile(r"[^\S\n]*[\u4e00-\u9fff%]{0,4}[^\S\n]*[，,。；;][^\S\n]*")


def base_level(text: str, level_end: int, at: int) -> int | None:
    """The base year whose level the figure at `at` is, when it follows the level that ended
    at `level_end` as the base a comparison names (，比1949年的256万吨…)."""
    found = _BASE_LEVEL.search(text, max(level_end, at - 16), at)
    if found is None or not _BASE_LEAD.fullmatch(text, level_end, found.start()):
        return None
    return int(found["year"])


# 服装价格上涨0.9%，影响CPI上涨0.06个百分点: how much a component moved the index, in points
# (not a change of the index itself).
CONTRIBUTION = re.compile(
    r"[^\S\n]*[，,][^\S\n]*(?:影响|拉动|带动|下拉)(?P<index>CPI|PPI|居民消费价格|工业生产者出厂价格)"
    r"(?P<view>同比|环比)?(?:总水平)?(?P<verb>上涨|上升|增长|下降|下跌|回落)?约?[^\S\n]*"
)


def contribution_metric(component: str, found: re.Match[str]) -> str:
    """The name of a component's contribution to an index (食品价格对CPI环比影响)."""
    return f"{component}对{found['index']}{found['view'] or ''}影响"


# 全国平均气温为0.2，较常年同期偏高0.6; 降水量…，较常年偏少20%: the departure from the
# climate normal of the level just stated.
ANOMALY = re.compile(
    r"[^\S\n]*[\u4e00-\u9fff℃°]{0,3}?[^\S\n]*[，,][^\S\n]*(?:比|较)常年(?:同期)?(?:值)?"
    r"偏(?P<dir>高|低|多|少)了?约?[^\S\n]*"
)


def measured_items(items: list[str]) -> list[str] | None:
    """A list's items as figures' names (夏粮和早稻产量: 夏粮产量, 早稻产量), when every item
    names a measure; None when it is a list of names (阿里、小米)."""
    named = [shared_tail(items, n) for n in range(len(items))]
    return named if all(_TAIL.search(item) for item in named) else None


# 小麦和玉米产量分别为1720.4万吨和936.8万吨，比上年增加41.2万吨和8.7万吨: the list's changes,
# in the same order, said right after it.
LIST_CHANGES = re.compile(
    rf"[^\S\n]*[\u4e00-\u9fff]{{0,3}}[，,][^\S\n]*(?:比|较)(?P<base>上年同期|去年同期|上年|去年)"
    rf"(?:分别)?(?P<verb>{_VERB})了?[^\S\n]*"
)
