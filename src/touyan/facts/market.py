"""A market day's breadth: how many stocks rose, fell, stayed flat, hit the limit up or down.

Market wraps count stocks in a few fixed shapes (上涨个股有1595只, 1417只个股上涨, 涨停的有60只,
共有76只涨停股, 78股涨停, 下跌个股3916只). Those counts are the market's, so they are filed under
the A-share market; a count said of a sector, a board or another market (板块内, 创业板, 港股)
names a different whole, and is left alone rather than filed under the wrong one.
"""

from __future__ import annotations

import re

from touyan.facts.entities import EntityRecord
from touyan.facts.name_forms import kind_of, plausible_name

MARKET = EntityRecord("A股", "index", market="cn_a")
# The yuan's central parity against the dollar, which the daily fixing names first (人民币中间价
# 报6.3779): the dictionary's instrument of that name.
YUAN_PARITY = EntityRecord("人民币对美元汇率", "instrument", market="other")
_YUAN_PARITY_LABELS = ("人民币中间价", "人民币对美元中间价", "人民币兑美元中间价")


def yuan_parity(text: str, label_start: int) -> bool:
    """Whether the label at `label_start` names the yuan's central parity and no other pair."""
    return text.startswith(_YUAN_PARITY_LABELS, label_start)


_MOVES = {
    "上涨": "advancers",
    "下跌": "decliners",
    "平盘": "unchanged",
    "涨停": "limit_up_count",
    "跌停": "limit_down_count",
}
_MOVE = r"(?P<move>上涨|下跌|平盘|涨停|跌停)(?!板|价|天|日|[个只家]?交易日)"
_UNIT = r"\s*(?:只|家|股)(?![交月季年百点])"
# 上涨个股有1595只, 跌停股有9只, 涨停的有60只, 涨停76只
_MOVE_FIRST = re.compile(
    _MOVE + r"(?:的)?(?:个股|股票|股)?(?:数量?|家数)?(?:有|共|共有|为|达)?\s*"
    r"(?:近|约|超|逾)?(?P<n>\d+)" + _UNIT
)
# 1417只个股上涨, 78股涨停, 76只涨停股: not 连收8个涨停板 (a streak, not a count)
_COUNT_FIRST = re.compile(
    r"(?=[近约超逾\d])"  # the first character read: a position holding none fails at once
    r"(?<![连第\d.])(?:近|约|超|逾)?(?P<n>\d+)" + _UNIT + r"(?:个股|股票)?" + _MOVE
)
# The count is some other whole's: a sector's, a board's, another market's, a portfolio's.
_OTHER_WHOLE = re.compile(
    r"板块|行业|概念|成分|题材|沪市|深市|创业板|科创板|北交所|主板|港股|美股|恒指|分别|新高|新低|"
    r"名单|榜|持仓|重仓|基金|组合"
)
_CLAUSE = re.compile(r"[。！？!?；;\n]")
_REACH = 80


# How a wrap breaks the day's limit-ups down (涨停个股中，主板有57只，创业板3只; 涨停股中，甲、乙等
# 28只股为ST股; 剔除掉27只ST板块个股后51股涨停) and counts those that did not hold (34股封板未遂):
# the market's figures too, a board's count with the board as its part.
_AMONG = r"(?P<move>涨停|跌停)(?:的)?(?:个股|股票|股)中[，,]\s*"
_BY_BOARD = re.compile(_AMONG + r"(?=主板|创业板|科创板|北交所|中小板)")
_BOARD_ITEM = re.compile(
    r"\s*[，,、]?\s*(?P<board>主板|创业板|科创板|北交所|中小板)(?:有|共有|为)?(?P<n>\d+)只"
)
_ST_AMONG = re.compile(
    _AMONG + r"[^。；;，,\n]{0,40}?(?P<n>\d+)只(?:个?股)?(?:为|是)\*?ST(?:股|个股|板块个股)"
)
_EX_ST = re.compile(
    r"剔除(?:掉|了)?(?P<st>\d+)只\*?ST(?:板块)?(?:个股|股)后[，,]?\s*(?P<n>\d+)(?:只|股)"
    r"(?P<move>涨停|跌停)"
)
_FAILED_SEALS = re.compile(
    r"(?<![\d.])(?P<n>\d+)(?:只|股)(?:个股)?(?:封板未遂|炸板)"
    r"|(?:封板未遂|炸板)(?:的)?(?:个股|股票|股)?(?:有|共有|共)?(?P<n2>\d+)只"
)
_ST_METRICS = {"涨停": "limit_up_st_count", "跌停": "limit_down_st_count"}


def breadth_counts(text: str) -> dict[int, tuple[str, str | None]]:
    """The start of each market-breadth count in `text`, with its metric and the board it
    counts, if it names one."""
    out: dict[int, tuple[str, str | None]] = {}
    for shape in (_MOVE_FIRST, _COUNT_FIRST):
        for found in shape.finditer(text):
            if not _other_whole(text, found.start()):
                out[found.start("n")] = (_MOVES[found["move"]], None)
    if "中" in text:
        for found in _BY_BOARD.finditer(text):
            if _other_whole(text, found.start()):
                continue
            at = found.end()
            while item := _BOARD_ITEM.match(text, at):
                out[item.start("n")] = (_MOVES[found["move"]], item["board"])
                at = item.end()
        for found in _ST_AMONG.finditer(text):
            if not _other_whole(text, found.start()):
                out[found.start("n")] = (_ST_METRICS[found["move"]], None)
    if "剔除" in text:
        for found in _EX_ST.finditer(text):
            if not _other_whole(text, found.start()):
                out[found.start("st")] = (_ST_METRICS[found["move"]], None)
                out[found.start("n")] = (_MOVES[found["move"]] + "_ex_st", None)
    if "封板未遂" in text or "炸板" in text:
        for found in _FAILED_SEALS.finditer(text):
            if not _other_whole(text, found.start()):
                n = "n" if found["n"] is not None else "n2"
                out[found.start(n)] = ("failed_seal_count", None)
    return out


def _other_whole(text: str, start: int) -> bool:
    """Whether the words of the sentence before `start` name another whole the count is of.
    (Not the ST stocks a count leaves out: after the ST names are taken out, 40 stocks hit the
    limit and 20 failed to hold it — the market's failed seals, not a sector's.)"""
    lo = max(0, start - _REACH)
    lead = max((m.end() for m in _CLAUSE.finditer(text, lo, start)), default=lo)
    words = text[lead:start]
    if "剔除" in words:
        words = _EX_ST.sub("", words)
    return _OTHER_WHOLE.search(words) is not None


# 近一周、近一月及近一年分别录得0.92%、4.15%及9.38%的涨幅: one move per trailing window.
_WINDOW = (
    r"(?:近(?:一|两|二|三|六|十二|1|2|3|6|12)个?(?:周|月|季度|年)|今年以来|年初至今|"
    r"近\d{1,3}个?(?:交易日|日|天))"
)
_WINDOW_LIST = re.compile(
    rf"(?P<list>{_WINDOW}(?:\s*(?:、|和|及|与|以及)\s*{_WINDOW})+)"
    r"(?:的?(?:股价|涨跌幅|涨幅|跌幅|收益率?))?\s*$"
)
_WINDOW_SPLIT = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_WINDOW_VERB = re.compile(r"(?:录得|上涨|下跌|涨|跌|为|是|达|分别)*")
_WINDOW_KIND = re.compile(r"\s*的?(?P<kind>涨跌幅|涨幅|跌幅|收益率?|回报率?)")
_FALLS = ("下跌", "跌", "跌幅")


def window_moves(head: str, verb: str, tail: str, count: int) -> list[tuple[str, bool]] | None:
    """(label, falls) per window of `head` (the text before 分别), when there are `count` of
    them and the words around the figures say a move or a return: 分别录得…的涨幅, 分别上涨,
    涨幅分别为. `tail` is the text right after the last figure."""
    found = _WINDOW_LIST.search(head)
    if found is None or _WINDOW_VERB.fullmatch(verb) is None:
        return None
    windows = _WINDOW_SPLIT.split(found["list"])
    if len(windows) != count:
        return None
    after = _WINDOW_KIND.match(tail)
    named = head[found.end("list") :].strip().removeprefix("的").removeprefix("股价")
    kind = after["kind"] if after else named
    if not kind and any(v in verb for v in ("上涨", "下跌", "涨", "跌")):
        kind = "涨跌幅"
    if not kind:
        return None  # 近一周、近一月分别为3%、5%: of what, the text does not say here
    falls = kind in _FALLS or "跌" in verb
    what = "收益率" if kind.startswith(("收益", "回报")) else "涨跌幅"
    return [(w + what, falls) for w in windows]


# A title about a sector (通信板块近期有什么事件和观点？, 半导体板块午后拉升): the text's market-day
# figures that name no one else are the sector's. Not 该板块, 相关板块, a list (煤炭等板块).
_SECTOR_TITLE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10}?板块)")
_NOT_A_SECTOR = re.compile(r"^(?:该|各|相关|其他|多个|部分|整个|所属|热门|两|本)|[等和及与、]")
# What a sector's day is told in: its move and the money that moved in or out of it.
SECTOR_METRICS = frozenset(
    {"change_pct", "main_net_inflow", "main_net_outflow", "main_inflow", "main_outflow", "turnover"}
)


def sector_of_title(title: str) -> EntityRecord | None:
    found = _SECTOR_TITLE.match(title)
    if found is None or _NOT_A_SECTOR.search(found["name"][:-2]):
        return None
    return EntityRecord(found["name"], "index", market="cn_a")


# 龙虎榜: a broker seat's buying or selling of the stock listed that day (A营业部、B营业部分别买入
# 3126.40万元、957.18万元; 机构专用买入4100万元). The seat is the subject, the stock the object.
# A seat is a broker's branch (…证券营业部, 国信证券浙江互联网分公司, 开源证券西安太华路) or
# the institutions' (机构专用, 机构席位).
_SEAT = (
    r"[\u4e00-\u9fffA-Za-z0-9()（）]{2,40}?(?:营业部|专用|交易单元|机构席位|"
    r"证券[\u4e00-\u9fff]{2,16}?(?:分公司|路|街|大道))"
)
_SEATS = re.compile(
    rf"(?P<list>{_SEAT}(?:、{_SEAT})*)(?P<each>分别)?(?P<verb>买入|卖出)(?:金额)?(?:为|了)?\s*$"
)
_NOT_A_SEAT = re.compile(r"买入|卖出|显示|其中|合计|前五|累计|榜")
SEAT_METRICS = {"买入": "seat_buy", "卖出": "seat_sell"}


def seat_figures(head: str, count: int) -> tuple[list[str], str] | None:
    """The seats named in `head` (the clause before the figures) and the metric, when they are
    `count` and each is a seat's name: one seat for one figure, or a list before 分别."""
    found = _SEATS.search(head)
    if found is None:
        return None
    seats = found["list"].split("、")
    if len(seats) != count or (count > 1 and not found["each"]):
        return None
    if any(_NOT_A_SEAT.search(s) for s in seats):
        return None
    return seats, SEAT_METRICS[found["verb"]]


# Limit-up runs (连板): how many limit-up days in a row a stock has closed at. Wraps write them
# after the names (*ST亚振8连板, 苏州龙杰、迎丰股份5连板, 宁波海运、宁波远洋等9股3连板), as a
# ladder's rung before them (【2连板】 青禾股份（600999）、澜石科技（300999）), as days held
# (已连收8个涨停板) or as limit-ups within a few days (拉芳家化3天2板). A list before 等 names
# some of the stocks, each of which has the run; the count of all (9股) is not a run.
_STOCK = r"(?:\*?ST)?[\u4e00-\u9fffA-Za-z]{2,6}?"
_CODE_ASIDE = r"(?:\s*[（(](?:\d{6}(?:\.[A-Z]{2})?|维权)[)）])?"
_STOCKS = rf"(?P<names>{_STOCK}{_CODE_ASIDE}(?:、{_STOCK}{_CODE_ASIDE})*)"
_STOCKS_LEAD = r"(?:^|(?<=[，,。；;：:\s】]))(?:其他还有|还有|另有)?"
_STREAKS = (
    # (某某涨停2连板: the day's limit-up written before the run, no part of the name)
    re.compile(
        _STOCKS_LEAD + _STOCKS + r"(?:等(?:\d{1,3}只?股)?)?(?:涨停|封板)?(?P<k>\d{1,2})连板(?!股)"
    ),
    re.compile(_STOCKS_LEAD + _STOCKS + r"已?连收(?P<k>\d{1,2})个涨停板?"),
    re.compile(_STOCKS_LEAD + _STOCKS + r"(?P<days>\d{1,2})[天日](?P<k>\d{1,2})板"),
)
_LADDER = re.compile(r"【(?P<k>\d{1,2})连板】\s*" + _STOCKS + r"(?=\s*(?:[。；;【\n]|$))")
# What each shape needs, looked for before the shape is.
_STREAK_NEEDS = tuple(re.compile(w) for w in ("连板", "连收", r"\d[天日]\d{1,2}板", "连板】"))
_ASIDE_OF = re.compile(_CODE_ASIDE[3:-2])
# Words a run of characters before 连板 may be that name no stock (迎来3连板, 个股2连板).
_NOT_A_STOCK = re.compile(
    r"方面|板块|概念|个股|股票|该股|市场|指数|龙头|题材|迎来|收获|录得|走出|实现|斩获|拿下|晋级|"
    r"达成|冲击|挑战|打出|再度|继续|高度|空间|最高|今日|昨日|今天|合计|共有|其中|其他|还有|"
    r"分别|连续|已经|成功|其余|有过|曾经|出现|获得|达到|创下|收出|走出|"
    r"止步|终结|中断|告别|断板"  # 止步12连板: the run that ended, with no name before it
)
# Nor a run that starts with a word that leads a verb (曾4连板, 又2连板, 已3连板),
_VERB_LEAD = re.compile(r"^(?:曾|已|又|都|也|还|或|即)")  # not 有研新材, 均胜电子, 再升科技


def _stock_names(run: str) -> list[str] | None:
    """The stock names of a list (A、B（600000）、C), or None when any item is no name."""
    names = [_ASIDE_OF.sub("", item).strip() for item in run.split("、")]
    for name in names:
        if _NOT_A_STOCK.search(name) or _VERB_LEAD.match(name):
            return None
        if plausible_name(name) != name or kind_of(name) != "company":
            return None
    return names


_NAME_LEAD = re.compile(r"^(?:热门股|人气股|龙头股|妖股|个股|其中)")


def name_before(run: str) -> str | None:
    """The stock a clause names right before a figure's label (热门股宁波海运|封单量), if the
    whole run before the label is one stock's name."""
    names = _stock_names(_NAME_LEAD.sub("", run.strip()))
    return names[0] if names and len(names) == 1 else None


# 某某海运最受资金追捧，上午收盘涨停板封单有2.3亿股: the clause before the figure names the
# stock it singles out, and the figure is that stock's.
_FAVOURED = re.compile(r"(?P<run>[^，,。；;]{2,12}?)(?:最受|备受|颇受)(?:资金|市场)?(?:追捧|青睐)$")


def favoured_before(clause: str) -> str | None:
    """The stock the clause `clause` says the market favours most, if it opens with one."""
    found = _FAVOURED.fullmatch(clause.strip())
    return name_before(found["run"]) if found else None


def limit_up_runs(text: str) -> dict[int, tuple[str, list[str]]]:
    """Where each limit-up run's count starts in `text`, with its metric and the stocks."""
    out: dict[int, tuple[str, list[str]]] = {}
    for shape, needed in zip((*_STREAKS, _LADDER), _STREAK_NEEDS, strict=True):
        if not needed.search(text):
            continue
        for found in shape.finditer(text):
            names = _stock_names(found["names"])
            if names is None:
                continue
            days = found.groupdict().get("days")
            metric = f"limit_ups_in_{days}d" if days else "limit_up_streak"
            out[found.start("k")] = (metric, names)
    return out


# 封单: the buy orders left at the limit-up price, in shares or lots (涨停板封单有23847.13万股,
# 封单量最高，有134.89万手) or in money (封单资金4.36亿元, 封板资金0.87亿元).
_SEAL = r"(?:(?:上午|午间)?收盘)?(?:涨停板?)?封(?:单|板)(?P<kind>资金|金额|量)?"
_SEAL_BEFORE = re.compile(_SEAL + r"(?:(?:最高|最多|最大)[，,]?)?(?:有|为|达|达到|约)?\s*$")
# A list: 青禾股份、远帆汽车、澜石酒店等涨停板封单资金最多，分别有4.36亿元、3.92亿元、2.58亿元;
# 其次是华光水务、岭南绿能等，涨停板封单分别有…; 青禾股份、澜石酒店、远帆汽车封单资金居前，分别为….
_SEAL_LIST = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?:其次是|其次为|依次是|依次为)?" + _STOCKS + r"等?[，,]?"
    r"(?P<label>" + _SEAL.replace("?P<kind>", "?:") + r")?(?:最多|居前|最高|较多|靠前)?[，,]?"
    r"(?P<label2>" + _SEAL.replace("?P<kind>", "?:") + r")?分别(?:有|为|是|达)?\s*$"
)


def seal_metric(kind: str | None, unit: str) -> str | None:
    """The metric of a sealed-order figure: its money or its size, as its unit and label say."""
    if unit == "money" and kind in ("资金", "金额"):
        return "seal_amount"
    if unit in ("shares", "count", "手") and kind in (None, "量"):
        return "seal_volume"
    return None


def seal_before(head: str, unit: str) -> tuple[str, int] | None:
    """The metric and where its label starts, when `head` ends in a sealed-order label."""
    found = _SEAL_BEFORE.search(head)
    if found is None:
        return None
    metric = seal_metric(found["kind"], unit)
    return (metric, found.start()) if metric else None


def seal_list(head: str, unit: str, count: int) -> tuple[str, list[str]] | None:
    """The metric and the `count` stocks of a sealed-order list that `head` ends with."""
    found = _SEAL_LIST.search(head)
    if found is None:
        return None
    label = found["label"] or found["label2"]
    if label is None:
        return None
    kind = next((k for k in ("资金", "金额", "量") if label.endswith(k)), None)
    metric = seal_metric(kind, unit)
    names = _stock_names(found["names"])
    if metric is None or names is None or len(names) != count:
        return None
    return metric, names


# 龙虎榜: how the stock did after its past listings (上榜次日股价平均涨14.63%, 上榜后5日平均
# 跌2.1%), the average move the day after and over the days after.
_AFTER_LISTING = re.compile(
    r"上榜(?:次日|后(?P<n>\d{1,2})[日天]|后(?P<cn>一|二|两|三|五|十)[日天])(?:股价)?平均"
    r"(?P<dir>上涨|下跌|涨|跌)(?:幅)?(?:为|达)?\s*$"
)
_CN_DAYS = {"一": 1, "二": 2, "两": 2, "三": 3, "五": 5, "十": 10}


def after_listing(head: str) -> tuple[str, bool, int] | None:
    """(metric, falls, where the phrase starts) when `head` ends in a post-listing average."""
    found = _AFTER_LISTING.search(head)
    if found is None:
        return None
    days = int(found["n"]) if found["n"] else _CN_DAYS.get(found["cn"] or "", 1)
    metric = "lhb_next_day_avg_change_pct" if days == 1 else f"lhb_{days}d_avg_change_pct"
    return metric, "跌" in found["dir"], found.start()


# The day's open (以25.11元低开) and its change from the day before in money or per cent
# (较前一交易日下跌0.07元); a margin balance's change from the day before (融资余额13.72亿元，
# 较前一日下降0.41%).
_OPENED = re.compile(r"\s*(?:大幅|小幅)?(?:低开|高开|平开)")
_OPENED_BEFORE = re.compile(r"以\s*$")
_DAY_BEFORE = re.compile(
    r"(?:较|比)(?:前一(?:个)?交易日|前一日|上一(?:个)?交易日|昨日|前日)"
    r"(?:微|小幅|大幅)?(?P<dir>上涨|下跌|上升|下降|增加|减少|涨|跌)(?:了)?\s*$"
)


def opened_at(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a price the stock opened at: 以25.11元低开."""
    return bool(_OPENED_BEFORE.search(text, max(0, start - 2), start)) and bool(
        _OPENED.match(text, end)
    )


def day_change(head: str) -> tuple[bool, int] | None:
    """(falls, where the phrase starts) when `head` ends in a change from the day before."""
    found = _DAY_BEFORE.search(head)
    if found is None:
        return None
    return found["dir"] in ("下跌", "下降", "减少", "跌"), found.start()


# Words of the shapes above: a text with none of them holds none of their figures. Read only
# when a text has no label at all, so the breadth of a wrap that names no other figure counts.
ANY_MARKET_DAY = re.compile(
    r"连板|封单|封板|连收|[只股](?:个股|股票)?[涨跌]停|[涨跌]停(?:的|个?股)"
)


# 该股当日涨跌幅高达19.98%，上涨3.47元: the move in money right after the move in per cent.
_MOVE_AMOUNT = re.compile(r"[，,]\s*(?P<dir>上涨|下跌|涨|跌)了?\s*$")


def move_amount(between: str) -> bool | None:
    """Whether the change in money after a change in per cent is a fall (None: no such)."""
    found = _MOVE_AMOUNT.fullmatch(between)
    return None if found is None else "跌" in found["dir"]


# 融资余额超过近一年60%分位水平, 融券余额218.36万元，低于近一年40%分位水平: where a margin
# balance stands among the past year's, above or below a percentile.
_PERCENTILE_BEFORE = re.compile(r"(?P<dir>超过|高于|低于|处于)(?P<span>近一年|历史)\s*$")
_PERCENTILE_AFTER = re.compile(r"\s*分位")


def percentile_side(head: str, text: str, end: int) -> tuple[str, int] | None:
    """("above_1y" | "below_hist" | …, where the phrase starts) for 超过近一年60%分位 and
    低于历史30%分位."""
    found = _PERCENTILE_BEFORE.search(head)
    if found is None or not _PERCENTILE_AFTER.match(text, end):
        return None
    side = {"超过": "above", "高于": "above", "低于": "below"}.get(found["dir"], "at")
    return f"{side}_{'1y' if found['span'] == '近一年' else 'hist'}", found.start()


# Money flows over a window of days (5日主力流入达3.95亿元, 过去5日的主力资金总流入为9.92亿,
# 过去5日，主力资金净流入为…, 20日主力净流入为…): the window's total, not the day's
# (main_inflow_5d). A date (5月9日主力资金净流入) is no window.
FLOW_METRICS = frozenset(
    {
        "main_net_inflow",
        "main_net_outflow",
        "main_inflow",
        "main_outflow",
        "main_net_buy",
        "hot_money_net_inflow",
        "hot_money_net_outflow",
        "retail_net_inflow",
        "retail_net_outflow",
    }
)
_FLOW_WINDOW = re.compile(
    r"(?<![月\d.])(?P<n>\d{1,3})个?(?:交易)?日(?:内)?(?:的|[，,])?\s*(?:主力|游资|散户)"
    r"[\u4e00-\u9fff]{0,8}?(?:为|达|约|是|[:：])?\s*[+]?$"
)


def flow_window(head: str) -> int | None:
    """The days of the window a money flow's label in `head` (its end) is written after."""
    found = _FLOW_WINDOW.search(head)
    return int(found["n"]) if found else None


# Words of a stock's day: an open against the close before (低开), a change against the
# session before (较前); with them, the words every market-day shape needs (`DAY_WORDS`), so a
# text without any costs the reader nothing.
OPEN_WORDS = frozenset({"低开", "高开", "平开"})
BEFORE_WORDS = frozenset({"较前", "比前", "较上一", "比上一", "较昨", "比昨"})
DAY_WORDS = ("封", "上榜", "分位", *OPEN_WORDS, *BEFORE_WORDS)


# 吉利汽车(00175)…报19.54元/股: a name with a five-digit code in brackets is quoted in Hong
# Kong, whose prices and turnover are in Hong Kong dollars even when a mainland text writes 元.
_HK_CODE_AFTER = re.compile(r"\s*[（(](?:HK\.?)?\d{5}(?:\.HK)?[)）]")
# What a Hong Kong listing's quote states: its prices, turnover and market value.
_QUOTED = frozenset(
    {"price", "open", "close", "prev_close", "high", "low", "limit_up", "limit_down", "change"}
    | {"turnover", "market_cap", "float_market_cap"}
)


def quoted_in_hkd(subject: str, metric: str, written: str, text: str) -> bool:
    """Whether a quote written in bare 元 (not 人民币) is a Hong Kong listing's, by the code
    its text writes after the subject's name."""
    return (
        metric in _QUOTED
        and written.endswith("元")
        and "人民币" not in written
        and _coded_after(subject, text, _HK_CODE_AFTER)
    )


def _coded_after(name: str, text: str, code: re.Pattern[str]) -> bool:
    """Whether `code` is written right after some place `text` writes `name`: each place found
    by `str.find` and the code matched there (a pattern built for each name would be compiled
    anew for most, a text's names being more than the `re` module's cache keeps)."""
    at = text.find(name)
    while at >= 0:
        if code.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False
