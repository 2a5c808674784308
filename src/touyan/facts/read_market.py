"""Shapes of market text: a stock's day (封单, 上榜, 分位, 高开), a seat's trade on the
龙虎榜, limit-up lists, a dated close, a move named by its verb (上涨3%) and quoted prices."""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.entities import EntityRecord, Mention
from touyan.facts.extract import (
    CLAUSE_BREAK,
    QUOTED_KINDS,
    TOPIC_KINDS,
    WINDOW,
    ExtractedFact,
    label_before,
)
from touyan.facts.labels import KNOWN_METRICS, LABEL_LEAD, LABEL_METRIC, PRICE_METRICS
from touyan.facts.market import (
    BEFORE_WORDS,
    MARKET,
    OPEN_WORDS,
    after_listing,
    day_change,
    favoured_before,
    move_amount,
    name_before,
    opened_at,
    percentile_side,
    seal_before,
    seal_list,
    seat_figures,
)
from touyan.facts.name_forms import kind_of, plausible_name
from touyan.facts.read_text import LIST_SEP
from touyan.facts.reader import Reader
from touyan.text.dates import cn_int
from touyan.text.numbers import Quantity

_WINDOW_ITEM = re.compile(
    rf"(?P<label>[\u4e00-\u9fffA-Za-z]{{2,12}})\s*[:：]\s*(?:{WINDOW}\s*[+\-]?[\d.]+%?\s*[,，、;；]\s*)*"
    rf"(?P<window>{WINDOW})\s*[+]?$"
)
_WINDOW_END = re.compile(rf"{WINDOW}\s*[+]?$")
_MOVER = re.compile(r"[\u4e00-\u9fffA-Za-z*\-]{2,12}")
_NOT_A_MOVER = re.compile(
    r"[由较比已也则均仍再亦和与及、]|逆势|继续|大幅|小幅|一度|集体|纷纷|盘中|收盘|开盘|股价|指数|"
    r"板块|价格|期指|期货|成功|再次|再度|随后|最终|终于|依然|仍然|尽管|虽然|但是|当日|今日|"
    # a superlative or a span of time (最惨暴跌, 保费一夜暴涨): how a thing moved, not who
    r"最惨|最多|最少|最高|最低|最大|一夜|止步"
)
# A move's first character that also ends names (中国恒大, 士兰微): 大跌 or 跌, 微涨 or 涨.
_NAME_OR_VERB = "大微"
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_HEAD_END = re.compile(r"(?:率|额|值|价|量|规模|收益|指数|价格|板块|行业|市场|资金)$")
# A price move: the verb right before the percentage, with only time words between the name
# and the verb (营收下跌5% is not a price move: 营收 stands between).
_MOVE = re.compile(
    r"(?:上涨|下跌|上升|下降|收涨|收跌|大涨|大跌|暴涨|暴跌|微涨|微跌|领涨|领跌|累涨|累跌|涨|跌)(?:了|超过|超|逾|近|约|达)?\s*$"
)
_MOVE_LEAD = re.compile(
    r"(?:\s|[，,]|今日|今天|当日|盘中|盘前|盘后|美股|港股|早盘|午盘|尾盘|收盘|该股|股价|指数|全天|日内|周[一二三四五]|今年以?来|年内|"
    # a session or a halt's end (晚盘盘初, 焦炭夜盘, 复牌后) and a turn (现转跌): no name
    r"晚盘|夜盘|夜市|盘初|午后|复盘|复牌(?:后|首日)?|现|转|"
    r"(?:开年|年初)以来|年初至今|今年(?:至今|迄今)|"
    r"区间|累计|一度|罕见|大幅|小幅|持续|报收|[0-9:：]{1,5}|最?近\d+个?(?:交易日|日|天|周|月|年)|"
    # a day (5月14日当天涨超11%, a wire's 8日上涨: the day, no window, which 近 or 连续
    # opens), the stock's price after a name in quotes (“X”）的股价)
    r"\d{1,2}月\d{1,2}日|(?<![\d近续第前])\d{1,2}日|当天|的股价|[”\"]?[）)](?=的股价)|"
    # 其股价在5月7日暴跌, 股价在4月24日季报盘后上涨: the day it moved on, and what it followed
    r"其(?=股价)|[在于](?=\d{1,2}月\d{1,2}日)|(?:季报|财报|年报)(?=盘后|发布后|公布后)|发布后|公布后|"
    # a window, 最近 as 近 (最近20个交易日上涨13%: the window's move, no growth on the year)
    r"最?近[一二两三四五六七八九十]+个?(?:交易日|日|天|周|月|年)|截至|截止|已经|已|"
    # adverbs and conjunctions a move's clause opens with (成功上涨, 尽管当日下跌): no name
    r"成功|再次|再度|又|随后|最终|终于|依然|仍然|仍|尽管|虽然|虽|但是?|却|而)*"
)
# A clause ranking a name first among movers, right before the move's clause (某某涨幅最大，
# 上涨20%): the move is that name's, never the subject carried from an earlier sentence.
_RANKED_BEFORE = re.compile(r"(?:涨幅|跌幅)(?:最大|居首|居前|第一)[，,]\s*$")
# Before a move that names no one: another move, or a market's mood (多数上涨, 涨跌不一).
_LINKS_LOST = re.compile(r"(?:%|上涨|下跌|涨跌不一|普涨|普跌|[、，,]{2})[\s，,。；;、]*$")
# A ticker in brackets after a name (某某（ABCD）): the name the move after it is of.
_TICKER_BEFORE = re.compile(r"[（(][A-Z][A-Z.]{0,7}[）)]$")
_TICKER = re.compile(r"[（(][A-Z][A-Z]{0,5}(?:\.[A-Z]{1,2})?[）)]")
_SHARE_OF_BALANCE = re.compile(r"占\S*比例$")
# An index or a sector the dictionary does not know, named by its own head right before its
# move (纳斯达克中国金龙指数收跌2.34%, 建筑材料板块下跌0.69%): its own subject.
# A concept board a stock is sorted into (该股为甲，乙概念热股，当日甲概念上涨1.2%) is such a
# sector too: its move is the board's, not the stock's; the day word before it is no part of
# its name.
_INDEX_MOVER = re.compile(
    r"(?:与|而|但是?|不过|同期|同时|其中|此外|另外|以及|当日|今日|当天|今天)*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,16}?(?:指数|板块|概念))"
    rf"(?P<lead>{_MOVE_LEAD.pattern})"
)
# Heads that name no one index or sector (行业指数, 该板块, 三大指数, 公司锂电板块) and lists.
_NOT_AN_INDEX = re.compile(
    r"^(?:该|各|相关|其他|其它|多个|部分|整个|所属|热门|两|本|三大|主要|行业|同类|对应|上述|这些|"
    r"其|跟踪|标的|基准|成分|大盘|全部|多数|少数|个股|概念|公司|业务|市场|指数|板块)"
    r"|[等和及与、涨跌均或的]|^\d(?![A-Za-z])"  # (but 3D感应概念, 5G板块: a name)
)
# Verbs a statistic's change is told with, which are a move only after an index's or an
# instrument's name.
_STATISTIC_VERBS = ("上升", "下降")
# A move said of a session, not of the day's close: its peak (一度大跌超9%) or its course
# (盘中上涨超过2%, 早盘跌1%, …抹去之前的涨幅，现跌0.5%: where it stands now).
_SESSION_MOVE = re.compile(r"盘中|日内|早盘|(?:^|[，,\s])(?:现|目前)转?$")
# An item of a list (硅铁、原油、): the words before a 、.
_LIST_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}(?=、)")
# 今年以来股价涨, 近5个交易日跌: a window's move, dated like a day's quote.
_MOVE_WINDOW = re.compile(
    r"近[\d一二两三四五六七八九十]+个?(?:交易日|[日天周月年])|今年以来|今年来|年内"
    r"|(?:开年|年初)以来|年初至今|今年(?:至今|迄今)"
    r"|(?<![\d.])(?P<days>\d{1,3})个?(?:交易)?日内"  # 5日内股价下跌2.41%: five days', not the day's
)
# The windows from the year's start to the day of writing (开年以来 and 年初以来 are 今年以来).
_YEAR_SO_FAR = frozenset(
    {"今年以来", "今年来", "年内", "开年以来", "年初以来", "年初至今", "今年至今", "今年迄今"}
)
# The year so far written right before the name that moved (今年迄今油价累计上涨15%).
_SO_FAR_BEFORE = re.compile(r"(?:今年|开年|年初)(?:以来|迄今|至今)\s*$")
# A window a 累计 move may be summed over, anywhere in its sentence (but 年初至今，沪指累计跌
# 超3%，创业板指累计跌逾6%: a window of one clause, which a later clause's move is not told in).
_SPAN_WINDOW = re.compile(
    r"近[\d一二两三四五六七八九十]+个?(?:交易日|[日天周月年])|今年以来|今年来|年内"
    r"|(?<![\d.])\d{1,3}个?(?:交易)?日内"
)
# A window from a year's start up to now, opening a sentence (今年以来，2022年迄今，).
_OPENING_SINCE = re.compile(
    r"[^\u4e00-\u9fffA-Za-z0-9]{0,3}(?:今年|(?P<year>(?:19|20)\d{2})年(?:初)?)(?:以来|迄今|至今)[，,]"
)
_CHINESE_DIGITS = re.compile(r"(?<=近)(?:十[一二]|[一二三四五六七八九十])(?=个?[周月年])")
_POINTS_AFTER = re.compile(r"\s*点(?![位多])")
_DAY_BEFORE = re.compile(r"\s*的?\s*$")
# A price the stock went to on a day the text names right before (4月28日甚至跌至7.28元,
# 5月13日，股价又跌回8.37元); not a level reached 一度 within a span, nor one of no named day.
_LEVEL_ON_DAY = re.compile(
    r"\s*[，,]?\s*(?:该股|股价)?\s*(?:又|再|甚至|进一步|最终|则)?\s*(?:股价)?\s*"
    r"(?:下跌|上涨|回落|回升|大跌|大涨|跌|涨)(?:至|到|回)\s*$"
)
# 股价收盘下跌2.71%，至21.16元: where the move took the price.
_LEVEL_AFTER_MOVE = re.compile(r"[，,]\s*(?:收|报)?(?:至|到)\s*$")
# Between 股价 and a dated figure, words that make the figure something else than the price.
_MONEY_LABEL_BETWEEN = re.compile(r"市值|成交|营收|收入|利润|目标价|估值|资金|分红|派息|每股")
_ORDER_SIZE = re.compile(r"(?:超大单|特大单|大单|中单|小单|主力)(?=买入|卖出)")


def _written_apart(text: str, pair: str, rest: str) -> bool:
    """Whether `pair` is written in `text` once at least with no `rest` of a move after it
    (恒大概念股, 恒大汽车: a name's; not 股价微跌 again, a headline the body repeats)."""
    at = text.find(pair)
    while at >= 0:
        if not text.startswith(rest, at + 2):
            return True
        at = text.find(pair, at + 1)
    return False


class MarketShapes(Reader):
    def _quoted_in(self, fact: ExtractedFact, q: Quantity, sentence: tuple[int, int]) -> bool:
        """An index is quoted in points and a stock in money: 创新高股平均股价49.01元 is no
        index's level, 富时100指数报收于8559.33点 no company's price, whoever the text was about.
        A price per unit (报3350.5美元/盎司) is only an instrument's, one its sentence names."""
        if fact.metric not in PRICE_METRICS:
            return True
        named = [m for m in self.mentions if m.entity.name == fact.subject]
        if q.unit.startswith("/"):
            return any(
                m.entity.kind == "instrument" and sentence[0] <= m.start < q.span[0] for m in named
            )
        kinds = {m.entity.kind for m in named}
        if "instrument" in kinds:
            return True  # 收于每桶61.62美元, 报7.2050: a commodity in money, a rate in neither
        index = fact.subject == MARKET.name or "index" in kinds
        if index or fact.subject == (self.sector.name if self.sector else None):
            return q.unit != "money"
        return not _POINTS_AFTER.match(self.text, q.span[1])

    def _window_item(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """普通定投收益：近1年0.0318,近2年-0.0094: one figure per trailing window, under the
        label before the colon."""
        if not _WINDOW_END.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0]):
            return None  # the common case, cheaply: no window right before the figure
        lo = max(sentence[0], q.span[0] - 120)
        found = _WINDOW_ITEM.search(self.text, lo, q.span[0])
        if found is None:
            return None
        label = found["label"]
        lead = LABEL_LEAD.match(label)
        label = label[lead.end() :] if lead else label
        if len(label) < 2:
            return None
        record = self._subject_or_region(found.start("label"), sentence)
        if record is None:
            return None
        metric = LABEL_METRIC.get(label.lower(), label) + found["window"]
        return self._fact_for(record.name, metric, q, sentence, quote, None)

    def _move(self, q: Quantity, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """常山北明下跌3.09%, 近5个交易日跌3.34%, 通用设备指数涨6.04%: a listed name's, an index's
        or a sector's price change (盘中下跌3.09%: the session's, named so)."""
        found = _MOVE.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0])
        if found is None:
            return None
        verb = self._verb_start(found, sentence)
        named = [m for m in self.mentions if sentence[0] <= m.start and m.end <= verb]
        breaks = [b.end() for b in CLAUSE_BREAK.finditer(self.text, sentence[0], verb)]
        lead = max([named[-1].end if named else sentence[0], *breaks])
        if self.text.startswith(_STATISTIC_VERBS, verb) and not (
            named and named[-1].end == lead and named[-1].entity.kind in QUOTED_KINDS
        ):
            return None  # 产量下降2%: a statistic's change; 恒生指数上升17.7%: an index's move
        if (
            lead > sentence[0]
            and self.text[lead - 1] in "）)"
            and (ticker := _TICKER_BEFORE.search(self.text, max(sentence[0], lead - 12), lead))
            and not any(m.end == ticker.start() for m in self.mentions)
        ):
            return None  # 某某（ABCD）涨超5%: a name no dictionary knows, written with its ticker
        index = self._index_mover(max([sentence[0], *breaks]), verb)
        if index is not None:
            lead = index
        elif named and named[-1].entity.kind not in (*TOPIC_KINDS, *QUOTED_KINDS):
            return None
        elif named and self._listed_contract(named[-1], sentence):
            return None
        if not named and _LINKS_LOST.search(self.text, max(0, lead - 8), lead):
            # 热门中概股多数上涨…涨逾15%，涨近3%: a list whose names were links, now lost.
            if not self.text[lead:verb].strip():
                return None
        if (
            named
            and named[-1].end == lead
            and named[-1].entity.kind == "instrument"
            and self.text.startswith("价格", lead)
        ):
            lead += 2  # 轻质原油期货价格下跌1.07%: the instrument's price is the instrument
        if not _MOVE_LEAD.fullmatch(self.text, lead, verb):
            if index is not None:
                return None
            named_end = self._name_end(lead, verb)
            if not self._unknown_mover(lead, named_end, named_end < verb):
                return None
            lead = named_end
        elif not named and index is None and self._unknown_ticker(sentence[0], lead):
            return None  # 某某(ABCD.O)盘前拉升，现涨1%: that name's, not one carried from before
        elif not named and index is None and _RANKED_BEFORE.search(self.text, sentence[0], lead):
            return None  # 某某涨幅最大，上涨20%: the name no dictionary knows ranked first's
        said = self.text[lead:verb]
        if "一度" in said:
            # 股价一度大跌超9%: the deepest the price went, not where it closed
            falls = "跌" in self.text[verb : found.end()]
            return ("max_fall_pct" if falls else "max_gain_pct"), verb
        if window := _MOVE_WINDOW.search(self.text, lead, verb):
            # 今年以来股价涨24.63%, 近5个交易日涨2.78%: the window's move, not the day's
            if window.group() in _YEAR_SO_FAR:
                return "change_ytd_pct", verb
            label = _CHINESE_DIGITS.sub(lambda d: str(cn_int(d.group())), window.group())
            label = f"近{window['days']}日" if window["days"] else label
            return LABEL_METRIC.get(label + "涨跌幅", label + "涨跌幅"), verb
        name_start = named[-1].start if named and named[-1].end == lead else lead
        if _SO_FAR_BEFORE.search(self.text, max(sentence[0], name_start - 8), name_start):
            return "change_ytd_pct", verb  # 今年迄今油价累计上涨15%, 年初至今，沪指跌
        if (opened := _OPENING_SINCE.match(self.text, sentence[0])) and opened.end() <= lead:
            # 今年以来，某指数下跌5%; 2022年迄今，某指数下跌超过5%: the sentence's window
            year = opened["year"]
            if year is None or self.published_at is None or int(year) == self.published_at.year:
                return "change_ytd_pct", verb
            return f"{year}年以来涨跌幅", verb
        if "累计" in self.text[lead:verb] and not _SPAN_WINDOW.search(self.text, sentence[0], verb):
            return None  # 连续涨停期间，该股累计上涨15.93%: a span's move, not the day's
        if session := _SESSION_MOVE.search(said):
            # 盘中上涨超过2%: where the price stood during the session, not the day's change
            return ("盘中" if session.group() != "早盘" else "早盘") + "涨跌幅", verb
        return "change_pct", verb

    def _verb_start(self, found: re.Match[str], sentence: tuple[int, int]) -> int:
        """Where a move's verb starts when its 大 or 微 may end the name before it (某某恒大跌7%,
        某某兰微涨3%): in the name when a known name holds it, or when the name's last character
        and it are written together elsewhere in the text (the short name 恒大 of the stocks
        listed beside it); else the verb's (美光科技大跌5%)."""
        at = found.start()
        if found.group()[0] not in _NAME_OR_VERB or at <= sentence[0]:
            return at
        if any(m.start < at < m.end for m in self.mentions):
            return at + 1
        if any(m.end == at for m in self.mentions) or not _NAME_CHAR.match(self.text, at - 1):
            return at
        pair, rest = self.text[at - 1 : at + 1], found.group()[1:]
        return (
            at + 1
            if _written_apart(self.text, pair, rest) or _written_apart(self.title, pair, rest)
            else at
        )

    def _unknown_ticker(self, lo: int, hi: int) -> bool:
        """Whether a name no dictionary knows is written with its ticker between `lo` and `hi`
        (某某(ABCD.O)快速拉升，): the move after is that name's."""
        for ticker in _TICKER.finditer(self.text, lo, hi):
            if not any(m.end == ticker.start() for m in self.mentions):
                return True
        return False

    def _listed_contract(self, named: Mention, sentence: tuple[int, int]) -> bool:
        """Whether a company's name is one item of a list of futures contracts (期货…硅铁、
        某果涨超4%): a good traded under the word the company's name shares, not the stock."""
        if "期货" not in self.text and "合约" not in self.text and "期货" not in self.title:
            return False  # the common case, cheaply: no futures
        lo = max(sentence[0], self.text.rfind("，", sentence[0], named.start) + 1)
        items = [(m.start(), m.end()) for m in _LIST_ITEM.finditer(self.text, lo, named.start)]
        if not items or self.text[items[-1][1] : items[-1][1] + 1] != "、":
            return False  # not written in a list after another item
        starts = self.mention_start_set
        return any(a not in starts for a, _ in items)

    def _index_mover(self, clause: int, verb: int) -> int | None:
        """Where the name of an index or sector no dictionary knows ends, when the clause
        before a move is that name (通用设备指数涨6.04%, 大盘下跌1.62%、建筑材料板块下跌0.69%:
        each item of a list of moves, not a list of names sharing one move)."""
        said = self.text[clause:verb]
        if not ("指数" in said or "板块" in said or "概念" in said):
            return None  # the common case, cheaply
        start = self.text.rfind("、", clause, verb)
        if start >= 0:
            if self.text[start - 1 : start] != "%":
                return None  # 上证指数、深证成指均下跌: a list of names
            clause = start + 1
        found = _INDEX_MOVER.fullmatch(self.text, clause, verb)
        if found is None or _NOT_AN_INDEX.search(found["name"]):
            return None
        if any(m.end == found.end("name") for m in self.mentions):
            return None  # 创业板指数: a name the dictionary knows, read as it reads it
        self.mover = EntityRecord(found["name"], "index", market=None)
        return found.end("name")

    def _name_end(self, lead: int, verb: int) -> int:
        """Where a run before a move stops being a name: the move's window follows it
        (风华高科今年来上涨2.11%, X近5个交易日跌3%)."""
        window = _MOVE_WINDOW.search(self.text, lead + 2, verb)
        if window is None or not _MOVE_LEAD.fullmatch(self.text, window.start(), verb):
            return verb
        return window.start()

    def _unknown_mover(self, lead: int, end: int, windowed: bool = False) -> bool:
        """美光科技跌3%, in a list of moves: a name no dictionary knows, right before the verb
        (or its window, 今年来), is what moved. It becomes this figure's subject. Before a
        window the run must show it is a name: written again, or in the title."""
        run = self.text[lead:end].strip()
        if not _MOVER.fullmatch(run) or _HEAD_END.search(run) or _NOT_A_MOVER.search(run):
            return False
        if run.lower() in LABEL_METRIC:
            return False  # 振幅跌1.59%: a figure's label, not what moved
        if any(m.end == lead for m in self.mentions):
            return False  # 平安好医生: the run goes on from a known name, it is not one itself
        if self._is_statistics():
            return False  # 城市上涨0.1%，农村持平: a price index's part, not a listed name
        name = plausible_name(run)
        if name is None or kind_of(name) != "company":
            return False
        if name != run and not (run.startswith(name) and _MOVE_LEAD.fullmatch(run, len(name))):
            return False  # (but 某某美股盘前, 某某午盘: the name, then its session)
        if windowed and self.text.count(name) < 2 and name not in self.title:
            return False
        self.mover = EntityRecord(name, "company")
        return True

    def _order_size(self, metric: str, sentence: tuple[int, int]) -> str:
        """大单买入87.15万元，占比5.42%，卖出193.60万元: the sale is of the size just bought."""
        last = self.last
        if metric not in ("买入", "卖出") or last is None or self.last_end < sentence[0]:
            return metric
        size = _ORDER_SIZE.match(last.metric)
        return size.group() + metric if size else metric

    def _dated_price(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """股价…从 6 月 3 日的 27.45 元跌到 7 月 3 日的 25.18 元: the price on each day named
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

    def _level_on_day(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """4月28日甚至跌至7.28元: the price a listed stock went to on the day named right
        before the verb."""
        if q.currency not in (None, "CNY", "USD", "HKD") or q.scale != 1:
            return None
        moved = _LEVEL_ON_DAY.search(self.text, max(sentence[0], q.span[0] - 16), q.span[0])
        if moved is None:
            return None
        day = next(
            (
                d
                for d in self.dates
                if d.granularity == "day"
                and d.span[1] <= moved.start()
                and not self.text[d.span[1] : moved.start()].strip()
            ),
            None,
        )
        if day is None or (self.published_at is not None and day.start > self.published_at):
            return None
        record = self._subject_or_region(day.span[0], sentence)
        if (
            record is None
            or record.kind != "company"
            or "股价" not in self.text[max(0, sentence[0] - 200) : q.span[0]]
        ):
            return None  # a price is told of a stock in a text about its price
        return self._fact_for(record.name, "price", q, sentence, quote, None)

    def _seat(self, q: Quantity, sentence: tuple[int, int], quote: str) -> ExtractedFact | None:
        """A营业部、B营业部分别买入3126.40万元、957.18万元: the n-th seat's trade in the stock
        the text is about, filed under the stock with the seat as its object: a figure of the
        stock's trading list, as a seat named before its 买入金额 is (`_seats_traded`)."""
        values = [v for v in self.sentence_qs if v.unit == "money"]
        at = values.index(q)
        start = at
        while start > 0 and LIST_SEP.fullmatch(
            self.text, values[start - 1].span[1], values[start].span[0]
        ):
            start -= 1
        chain = self._list_run(values[start:])
        clause_start = self._clause_start(sentence, chain[0].span[0])
        seats = seat_figures(self.text[clause_start : chain[0].span[0]], len(chain))
        stock = self.topic or self.sole or self._carried_subject(chain[0].span[0])
        if seats is None or stock is None or stock.kind != "company":
            return None
        names, metric = seats
        return self._fact_for(stock.name, metric, q, sentence, quote, names[chain.index(q)])

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
        if words & OPEN_WORDS and q.unit == "money" and opened_at(self.text, *q.span):
            return self._stock_fact("open", q, q.span[0], sentence, quote)
        if words & BEFORE_WORDS and (changed := self._day_change(q, sentence, quote, lo)):
            return changed
        last = self.last
        if last is None or not sentence[0] <= self.last_end <= q.span[0]:
            return None
        between = self.text[self.last_end : q.span[0]]
        if (
            q.unit == "money"
            and last.metric == "change_pct"
            and _LEVEL_AFTER_MOVE.fullmatch(between)
            and any(d.granularity == "day" and sentence[0] <= d.span[0] for d in self.dates)
            and self.published_at is not None
            and last.as_of is not None
            and last.as_of <= self.published_at
        ):
            # 11月18日，…股价收盘下跌2.71%，至21.16元: the price the named day's move ended at
            moved = self.text[self._clause_start(sentence, self.last_end - 1) : self.last_end]
            metric = "close" if "收盘" in moved or "收跌" in moved or "收涨" in moved else "price"
            return self._fact_for(last.subject, metric, q, sentence, quote, None)
        if q.unit == "money" and last.metric in ("change_pct", "price", "close"):
            # 涨幅3.66%，上涨5.84美元; 收盘价报165.37美元，上涨5.84美元: the day's move in money
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
        found = label_before(self.text, lo + at)
        if found is not None and found[1] > self.last_end:
            base = found[0]
        elif last is not None and lo + at - self.last_end <= 3:
            # 融资余额…，占流通市值的1.97%，低于历史40%分位: the balance's rank, not its share's
            base = _SHARE_OF_BALANCE.sub("", last.metric)
        else:
            return None
        if not base.startswith(("margin", "short")) or base not in KNOWN_METRICS or last is None:
            return None
        return self._fact_for(last.subject, f"{base}_{side}_pctile", q, sentence, quote, None)

    def _day_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, lo: int
    ) -> ExtractedFact | None:
        """股价报12.43元，较前一交易日下跌0.31元: the day's change of the price just stated;
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
        elif (found := label_before(self.text, phrase)) is not None:
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
        """青禾股份、澜石科技等涨停板封单资金最多，分别有6.32亿元、5.87亿元: the n-th stock's
        sealed orders."""
        values = [v for v in self.sentence_qs if v.unit == q.unit]
        at = values.index(q)
        start = at
        while start > 0 and LIST_SEP.fullmatch(
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
            or self._favoured(sentence, clause_start)
        ):
            return self._fact_for(written, metric, q, sentence, quote, None)
        record = self._subject_or_region(label_start, sentence)
        if record is None or record.kind != "company":
            return None
        self.last_record = record
        return self._fact_for(record.name, metric, q, sentence, quote, None)

    def _favoured(self, sentence: tuple[int, int], clause_start: int) -> str | None:
        """The stock the clause right before names as the market's favourite (`favoured_before`),
        when no figure stands between."""
        if clause_start - 1 <= sentence[0]:
            return None
        lo = max(self.text.rfind(c, sentence[0], clause_start - 1) for c in "，,") + 1
        lo = max(lo, sentence[0])
        if any(lo <= q.span[0] < clause_start for q in self.sentence_qs):
            return None
        return favoured_before(self.text[lo : clause_start - 1])
