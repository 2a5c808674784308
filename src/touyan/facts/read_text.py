"""What a text holds, read once, and where its clauses start.

`TextReader` reads a text's names (the dictionary's and the ones written in a recognisable
shape), dates, sentences, title, topic and sole subject when it is made, and flags the words
the steps after it look for, so that a text without them costs those steps nothing. Every
step of the reader (`reader.Reader`) and every shape builds on this state; the ones here are
those the reading itself needs: which name can lead a clause (`subject_before`) and where a
clause or a run of clauses starts.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from touyan.facts.bulletin import national_statistics, plan_mentions
from touyan.facts.bystanders import filing_source, listing_venue, report_author
from touyan.facts.economy import CN_REGION, COMPANY_VOCABULARY, ECONOMY_OF, REGION
from touyan.facts.english_names import heading_names
from touyan.facts.entities import EntityDictionary, EntityRecord, Mention, units
from touyan.facts.extract import (
    CLAUSE_BREAK,
    QUOTED_KINDS,
    TOPIC_KINDS,
    ExtractedFact,
    flatten,
    sentence_rows,
)
from touyan.facts.figure_dates import figure_dates
from touyan.facts.holidays import holiday_mentions
from touyan.facts.implied_dates import (
    data_as_of,
    named_title_year,
    reviewed_month,
    reviewed_quarter,
    title_day,
    title_month,
    title_year,
    with_bare_months,
)
from touyan.facts.labels import LABEL_METRIC, LABELS
from touyan.facts.letter_aliases import segment_letters
from touyan.facts.market import DAY_WORDS, breadth_counts, limit_up_runs, sector_of_title
from touyan.facts.names import fund_key, written_names
from touyan.facts.periods import (
    crop_year_mentions,
    fiscal_mentions,
    full_year_mentions,
    latest_session_mentions,
    report_period_mentions,
    short_year_mentions,
    year_ranges,
)
from touyan.facts.sessions import session_mentions
from touyan.facts.since_windows import since_year_windows
from touyan.facts.title_names import opening_registered
from touyan.text.dates import DateMention, read_dates
from touyan.text.numbers import Quantity

# Function words whose second character can start a name (其中石油 → 中石油).
_WORDS_ACROSS = frozenset({"其中", "之中", "当中", "集中", "其他", "对此", "因此"})
# A bare 央行 after another country's name (英国央行, 日本央行, 欧央行): that country's central
# bank, not the one a bare 央行 names in Chinese text.
_FOREIGN_COUNTRY = (
    r"(?:英国|美国|日本|欧洲|欧元区|韩国|加拿大|澳洲|澳大利亚|澳|新西兰|瑞士|瑞典|挪威|印度|俄罗斯|"
    r"德国|法国|土耳其|巴西|墨西哥|南非|各国|多国|全球|主要|海外|外国|其他"
    r"|欧|英|俄|韩"  # 欧央行, 英央行: a one-character short form
    # any other country written with 国 (蒙古国央行, 泰国央行), but China's own (中国, 我国央行)
    r"|(?<![中我本全])(?<=[\u4e00-\u9fff])国"
    # countries whose names carry no 国 (匈牙利央行, 波兰央行)
    r"|匈牙利|波兰|捷克|罗马尼亚|以色列|阿根廷|智利|秘鲁|哥伦比亚|菲律宾|印尼|印度尼西亚|马来西亚|"
    r"新加坡|越南|乌克兰|哈萨克斯坦|冰岛|丹麦|芬兰|奥地利|比利时|荷兰|意大利|西班牙|葡萄牙|希腊|"
    r"爱尔兰|埃及|尼日利亚|沙特|阿联酋|卡塔尔|伊朗|巴基斯坦|斯里兰卡|孟加拉|蒙古)"
)
_FOREIGN_BANK = re.compile(_FOREIGN_COUNTRY + "$")
# A foreign country's central bank named anywhere (某某国央行, 某国中央银行): a text about abroad.
FOREIGN_CENTRAL_BANK = re.compile(_FOREIGN_COUNTRY + "(?:央行|中央银行)")
# 超出预期, 不及预期: a result measured against a forecast is no forecast; 假设: a scenario;
# 应该会增长: what the writer expects. Each word starts with its own first character, the
# lookbehinds after it (预(?<!的预)期 is (?<!的)预期): a pattern whose every branch opens with a
# literal is scanned for those characters in native code, not tried at each position.
FORECAST = re.compile(
    r"预计|应该会|应当会|预(?<!的预)期(?<!超出预期)(?<!超预期)(?<!低于预期)(?<!高于预期)"
    r"(?<!不及预期)(?<!好于预期)(?<!符合预期)(?!提振|升温|增强|改善|落空)|预(?<!走势预)测(?!分析)"
    # 少于计划29口井, 比计划提前: the plan as the base a result is measured on, no plan
    r"|预估|估(?<!据估)计|有望|力争|确保|计(?<![于比较超]计)划|假设"
    r"|预料(?<!出乎预料)(?<!超出预料)(?!之外|之中)"
    # 未来三年净利润复合增长率, 未来12个月: a window ahead of the day, which no one has seen
    r"|未来(?:[一二两三四五六七八九十]|\d{1,2})个?(?:年|季度|月)"
    # 目标，到某年末，覆盖率80%: a clause opening on 目标 lists the goals after it
    r"|目(?<=[，,。；;：:\s】]目)标(?:是|为)?[，,：:]"
    r"|主要目标(?:是|为)?[，,：:]"  # 会议提出，明年工作的主要目标是：…: the goals listed
)  # but 附走势预测 (a headline's promise) and 高分红预期提振信心 (a mood) forecast no figure

# A seat on a trading list (营业部, 机构专用): see `seats`.
_SEAT_WORDS = ("营业部", "专用", "交易单元", "席位", "证券")

# An entity right after these words is where or through which something happened (在香港交易所).
_LOCATIVE = ("在", "于", "经", "从", "向", "通过", "属于")
# ... or what a speaker spoke of (谈及某央行货币政策调整，她指出…): a topic, not who the
# figures after are about.
_SPOKEN_OF = ("谈及", "谈到", "提及", "提到", "说起")

# A branch, a terminal or a research arm after a name (某某证券营业部, 东方财富Choice数据): the
# name is where the figure comes from, not its subject.
_BRANCH_AFTER = re.compile(r"(?:证券|Choice|数据显示|数据中心|研究所)", re.IGNORECASE)
# How a broker's or a research house's name ends, and what it does when it writes about
# others (国信证券认为…, 诊断服务由国信证券提供).
_BROKERS = ("证券", "研究所", "研究院")
# A name's report cited (某某研报认为, 某某报告显示): its author's research on others, whatever
# kind of name the author is.
_REPORT_SAYS = re.compile(r"\s*(?:研报|研究报告|报告显示|报告称|报告指出|测算)")
_BROKER_SAYS = re.compile(r"\s*(?:认为|指出|表示|预计|预测|称|提供|发布|研报|给予|维持|分析|点评)")

# A bracket's close, and the marks that list names in an aside (（银河/极氪/领克）).
_CLOSE = re.compile(r"[）)]")
_ASIDE_LIST = re.compile(r"[/、]")
# A run of clauses about one project: it opens the sentence or follows a ；or ：.
_RUN_BREAK = re.compile(r"[；;：:]")

# A short name run on into a financial firm's name (平安+口袋银行, 某某+证券): a subsidiary or
# its product, not the group the short name stands for.
_GLUED_FIRM = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:银行|证券|保险|信托|期货|资管|租赁|寿险|产险|财险)"
)
# A name followed by these reports a figure rather than being its subject (外汇局数据显示).
_SOURCE_AFTER = re.compile(
    r"\s*(?:[:：]|数据显示|显示|发布|公布|消息|表示|称|指出|统计|(?:微信)?公众号)"
)

# A data compiler a headline leads with (某某协会：1月乘用车零售…, 某某地产：某市新房供应…)
# that the body names only as the source of its figures: what an association (…会, …协) says
# it compiled, or what any firm's research arm, data or monitoring shows (据某某研究院…监控
# 数据, 某某数据显示): the market's or a region's figures, not the compiler's own.
_COMPILED = re.compile(r"\s*(?:研究院|研究中心|研究所|数据显示|数据|统计|监测)")
_ASSOCIATION_SAYS = re.compile(
    r"[”\"]?\s*(?:消息|公布|发布|微信公众号|公众号|秘书长|最新|调研|调查|报告)"
)
_ASSOCIATION = re.compile(r"(?:会|协|联盟)$")

# 今年以来, 今年来, 今年至今: the year so far, to the day of writing (see `_ytd_windows`).
_YTD_WINDOW = re.compile(r"今年(?:以来|来|至今|迄今)")


def _ytd_windows(text: str, published_at: dt.date | None) -> list[DateMention]:
    """A window mention for each 今年以来 of `text`, ending on the day of writing; with no
    publication date, a window of days no one can date (今年以来累计回购3亿股 is the year so
    far, whichever year that is)."""
    end = published_at or dt.date.today()
    start = dt.date(end.year, 1, 1)
    return [
        DateMention(start, end, "relative", m.span(), m.group(), published_at is not None)
        for m in _YTD_WINDOW.finditer(text)
    ]


# A card that opens with its product (“X”是一只债券型基金): what the card is about.
_CARD_LEAD = re.compile(r"\s*([“\"]?)[^“”\"，,。]{2,60}[”\"]?(?:是一只|是一家|是一款)")
# 这是关于你咨询的基金 X 的加减仓建议：…产品分析：“X”是一只…: an advice card's product part
# opens with its product after a market part that names sectors.
_ADVICE_HEAD = "产品分析："

# Where a sentence, or a clause run as one (；), ends.
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
# A text that speaks of 公司 or 该股 is about a company, even one it does not name.
_COMPANY_WORDS = re.compile(
    r"该公司|本公司|我公司|该股|本行|子公司"
    # a filing's words (募集资金, 非公开发行, 股东大会): an issuer's, never an economy's
    r"|募集资金|非公开发行|公开发行公司债|股东大会|董事会决议"
)
LIST_SEP = re.compile(r"\s*(?:、|和|及|与|,|，|/)\s*")
_UNIT_LIST_SEP = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,3}?[^\S\n]*(?:、|和|及|与|,|，|/)\s*")

# A site's name after the headline (_网易订阅, | 新浪财经, -网易订阅): a hyphen joined to a name
# (理想汽车-W) ends a site's name only when a known site follows it.
_COLUMN_NAME = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:热点|快讯|早餐|早报|晚报|要闻|速递|精选|聚焦|直击)"
)
_TITLE_PARTS = re.compile(
    r"\s*(?:[_|｜]|\s-\s|-(?=(?:网易订阅|网易新闻|新浪财经|新浪网|腾讯新闻|搜狐|凤凰网)\s*$))\s*"
)

# A clause a name opens that ends by saying what its data show (某行调查统计司对某类企业的
# 调查数据显示：…, 某机构发布的某报告显示，…): the name is the source of the figures after.
_SOURCE_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]{0,40}?显示\s*[：:，,]")

# A firm named for its country (某国银行, 某国银联, 某国石油): a trade's form after the name.
_REGIONAL_FIRM = re.compile(
    r"[\u4e00-\u9fff]{2,8}(?:银行|银联|集团|公司|证券|保险|航空|石油|石化|电信|移动|电网|控股|股份)"
)

# A partner a company does something with (与某某共同投资, 和某某合资设立).
_WITH = ("与", "同", "和")
_JOINTLY = re.compile(r"\s*(?:共同|合资|联合|合作)")
# A compiler of a survey or an index, alone or with others (某某联合调查的, 某某编制的).
_COMPILER_OF = re.compile(r"\s*(?:联合|共同)?(?:调查|编制|监测)(?:的|发布的)")
# A contract or a fund on an index or an instrument, named by it (富时中国A50指数期货, 标普500
# 期指, 纳指100ETF, 美国布伦特原油基金, 比特币期货, BTC主力合约); a commodity quoted by its
# futures is named with them (布伦特原油期货), as one name.
_TRACKER_AFTER = {
    "index": re.compile(r"\s*(?:期货|期指|ETF|基金)"),
    "instrument": re.compile(r"\s*(?:ETF|基金|期货|期权|主力合约|合约)"),
}

# The words that set a hypothesis (假设26年利润增长7%): `in_hypothesis` looks only after them.
_HYPOTHESIS_WORDS = ("假设", "假如", "倘若", "假定")


def _headline(title: str) -> str:
    """A title's headline without the site after it or the column before it: 凯大催化股价下跌
    2.64%_网易订阅 is not about 网易, 公司热点｜业绩刚回暖 凯大催化被立案调查 is about 凯大催化."""
    parts = _TITLE_PARTS.split(title)
    return parts[1] if len(parts) > 1 and _COLUMN_NAME.fullmatch(parts[0]) else parts[0]


def _broker(record: EntityRecord) -> bool:
    return any(name.endswith(_BROKERS) for name in record.names())


def _compiler_only(name: str, text: str) -> bool:
    """Whether the body names `name` only as the compiler of its figures (`_COMPILED`)."""
    says = (_COMPILED, _ASSOCIATION_SAYS) if _ASSOCIATION.search(name) else (_COMPILED,)
    pos, seen = text.find(name), False
    while pos >= 0:
        end = pos + len(name)
        if not any(s.match(text, end) for s in says):
            return False
        seen, pos = True, text.find(name, end)
    return seen


def _announced_by(title: str, written: Sequence[EntityRecord]) -> bool:
    """Whether a headline opens with a company's written name that holds a country's
    one-character short form (俄铝：…) and a colon: the company's announcement, not a
    statistics release, though the short form opens the headline. (A name holding a whole
    country's name, 中国某某院：, is more often a compiler's.)"""
    head = title.lstrip()
    return any(
        r.kind == "company"
        and head.startswith(r.name)
        and head[len(r.name) : len(r.name) + 1] in ("：", ":")
        and any(len(m.group()) == 1 for m in REGION.finditer(r.name))
        for r in written
    )


def _written_records(
    text: str,
    original: str,
    title: str,
    entities: EntityDictionary | None,
    compilers: list[str],
) -> list[EntityRecord]:
    """Entities the text names in a recognisable shape that the dictionary does not know
    (`original` is the text before its line breaks were joined: a heading is a line).

    Names of one fund written two ways (short and registered) become one entity. A headline's
    name the body names only as its figures' compiler goes to `compilers` instead.
    """
    records: list[EntityRecord] = []
    by_key: dict[str, int] = {}
    # (a heading naming a company the dictionary knows, by a longer name: that company's)
    headings = [
        h
        for h in heading_names(original)
        if entities is None
        or not any(m.entity.kind == "company" for m in entities.find(h.aliases[0]))
    ]
    for written in written_names(text, title) + headings:
        if entities is not None and entities.get(written.name) is not None:
            continue
        if written.name.lower() in LABEL_METRIC:
            continue  # 振幅, 成交额: a figure's label, never a name
        if written.name in title and _compiler_only(written.name, text):
            compilers.append(written.name)
            continue  # 某某协会：…, over 某某协会数据显示…: the source, not the subject
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
    """Where the names are written: leftmost first, the longest name at a position, each after
    the one before, as an alternation of the names longest first would find them. (Found with
    `str.find`: compiling that alternation anew for each text cost more than the rest.)"""
    if not records or not text:
        return []
    owner = {name: r for r in records for name in r.names()}
    hits: list[tuple[int, int, str]] = []  # (start, -length, name): by start, longest first
    for name in owner:
        at = text.find(name)
        while at >= 0:
            hits.append((at, -len(name), name))
            at = text.find(name, at + 1)
    hits.sort()
    found: list[Mention] = []
    end = 0
    for start, length, name in hits:
        if start >= end:
            end = start - length
            found.append(Mention(owner[name], start, end, name))
    return found


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


_HAN = re.compile(r"[\u4e00-\u9fff]")
# A bank's name run on into 业 (某市银行业支持…): the banks of a place as a trade, not the
# bank so named (but 某某银行业务, 某某银行业绩 are the bank's business and results).
_TRADE_AFTER = re.compile(r"业(?![务绩])")


def _trade_of(text: str, m: Mention) -> bool:
    """Whether a bank's name is read out of the name of a place's banking trade."""
    return m.text.endswith("银行") and _TRADE_AFTER.match(text, m.end) is not None


def _after_last(breaks: list[int], start: int, end: int) -> int:
    """The end of the last of `breaks` (sorted ends of break marks) by `end`, not before
    `start`."""
    before = bisect_right(breaks, end)
    return max(start, breaks[before - 1]) if before else start


def _card_in_advice(text: str) -> re.Match[str] | None:
    """The card lead of an advice's product part (产品分析：“X”是一只…), if it has one."""
    at = text.find(_ADVICE_HEAD)
    return _CARD_LEAD.match(text, at + len(_ADVICE_HEAD)) if at >= 0 else None


class TextReader:
    """What a text holds, read once: its names, dates and sentences, and whom it is about."""

    def __init__(
        self,
        text: str,
        title: str,
        published_at: dt.date | None,
        entities: EntityDictionary | None,
        mentions: Sequence[Mention] | None = None,
    ) -> None:
        self.original = text
        self.entities = entities
        text, self.index = flatten(text)
        self.text = text
        # where each clause break (，；。…) ends, in order: `_clause_start` looks them up
        self.clause_breaks = [b.end() for b in CLAUSE_BREAK.finditer(text)]
        self.run_breaks = [b.end() for b in _RUN_BREAK.finditer(text)]  # and each ；or ：
        self.published_at = published_at
        known: list[Mention] = []
        if entities is not None:
            reuse = mentions is not None and text == self.original
            known = list(mentions) if reuse and mentions is not None else entities.find(text)
        title = _headline(title)
        self.title = title
        title_mentions = entities.find(title) if entities else []
        # Compilers of the text's figures a headline leads with (某某协会：…): a Chinese one
        # makes its unnamed figures China's market's, as a Chinese release's are.
        self.compilers: list[str] = []
        written = _written_records(text, self.original, title, entities, self.compilers)
        self.written = {r.name for r in written}
        # Words of a listed company's report (营收, 股价, 换手率): a text that names no economy
        # is then not taken for China's statistics.
        self.company_text = COMPANY_VOCABULARY.search(text) is not None
        self.statistics: bool | None = None  # a national statistics text: read on first need
        # written companies named for a country (某国银行): its name is no economy's there
        self.regional_firms = [
            r.name for r in written if _REGIONAL_FIRM.fullmatch(r.name) and REGION.match(r.name)
        ]
        if (
            any(r.kind == "company" for r in written)
            and not _announced_by(title, written)
            and self._is_statistics()
        ):
            written = [r for r in written if r.kind != "company"]
        # 其中石油和天然气开采业: a name read across a word (中石油) names nothing, ends no label.
        self.mentions = [
            m
            for m in _merge(units(text, known), _occurrences(text, written))
            if not (m.start and text[m.start - 1 : m.start + 1] in _WORDS_ACROSS)
            and not (m.text == "央行" and _FOREIGN_BANK.search(text, max(0, m.start - 5), m.start))
            and not _trade_of(text, m)
        ]
        # CCB in another company's English filing: its segment's letters, not the bank
        self.segment_labels = segment_letters(text, self.mentions)
        self.english = _HAN.search(text) is None  # a page of an English filing or release
        # where each name starts, in the mentions' order (by start): looked up, not walked
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_start_set = frozenset(self.mention_starts)
        self.leads: dict[int, bool] = {}  # whether the i-th mention can lead, once asked
        title_mentions = [
            m
            for m in _merge(units(title, title_mentions), _occurrences(title, written))
            if not _trade_of(title, m)
        ]
        # 某某通过港交所聆讯, 某行报告：…: the exchange and the report's author are not the topic.
        authors = {m.entity.name for m in title_mentions if report_author(title, m)}
        title_mentions = [
            m
            for m in title_mentions
            if m.entity.name not in authors and not listing_venue(title, m)
        ]
        # A date a span starts from (2002年9月以来) is not a date figures are as of, nor is
        # the base of a comparison (比1978年增长, 较2010年增加).
        found_dates, self.date_spans = read_dates(text, today=published_at)
        dates = figure_dates(text, found_dates)
        if "今年" in text:
            dates = sorted([*dates, *_ytd_windows(text, published_at)], key=lambda d: d.span[0])
        if since := since_year_windows(text, published_at):  # 2023年以来
            dates = sorted([*dates, *since], key=lambda d: d.span[0])
        short = short_year_mentions(text, dates, published_at)  # 24年营收
        short += crop_year_mentions(text)  # 2025/26年度
        short += plan_mentions(text)  # “十一五”
        if short:
            dates = sorted([*dates, *short], key=lambda d: d.span[0])
        titled = title_month(title, published_at)
        self.dates = with_bare_months(text, dates, published_at, titled)
        self.reviewed = reviewed_month(titled, published_at) if "本月" in text else None
        self.quarter = reviewed_quarter(title, published_at) if "本季" in text else None
        self.title_day = title_day(title, published_at) if "当日" in text else None
        own_period = report_period_mentions(
            text, title, published_at
        )  # 报告期内 in a report's text
        own_period += latest_session_mentions(text, published_at)  # 最近一个交易日
        if "全年" in text:
            own_period += full_year_mentions(
                text,
                [*self.dates, *own_period],
                published_at,
                named_title_year(title, published_at),
            )
        own_period += session_mentions(text, self.dates, published_at)  # 周三, 隔夜美股
        own_period += holiday_mentions(text, self.dates, published_at)  # 春节假期, no year
        if own_period:
            self.dates = sorted([*self.dates, *own_period], key=lambda d: d.span[0])
        self.data_as_of = data_as_of(text, self.dates)
        self.title_year = title_year(title, published_at)
        # 花旗对腾讯和拼多多的业绩预期: a title naming two names neither as what the text is about.
        topics = {m.entity.name: m.entity for m in title_mentions if m.entity.kind in TOPIC_KINDS}
        self.topic: EntityRecord | None = next(iter(topics.values())) if len(topics) == 1 else None
        if self.topic is not None and self._source_only(self.topic):
            self.topic = None  # 某某：预计… over 某某研报指出…: the text cites it on others
        if self.topic is None and (registered := opening_registered(title, text)):
            # 某某华章通过…聆讯 over 北京某某华章科技股份有限公司通过…: the company no
            # dictionary knows that the body opens with by its registered name
            self.topic = EntityRecord(registered[0], "company", aliases=(registered[1],))
        # 通信板块近期有什么事件和观点: the sector's day, for the figures of a day that name no one.
        self.sector = sector_of_title(title) if self.topic is None else None
        self.topic = self.topic or self.sector
        # The one company or fund a text names, if it names only one: what 该产品, 公司 and
        # unnamed statements are about.
        # A broker writes about others: its name alone does not make the text its own (中国银河
        # …财政收支概览), unless the title names it.
        in_title = {m.entity.name for m in title_mentions}
        named = {
            m.entity.name: m.entity
            for i, m in enumerate(self.mentions)
            if m.entity.kind in TOPIC_KINDS
            and self._leads(i)
            and (not _broker(m.entity) or m.entity.name in in_title)
            and m.entity.name not in authors
        }
        self.sentences = sentence_rows(text)  # read once: `FactReader.facts` walks them
        first_end = next((e for _, e in self.sentences), len(text))
        sole = next(iter(named.values())) if len(named) == 1 else None
        if (
            sole is not None
            and not any(m.entity is sole and m.start < first_end for m in self.mentions)
            and not any(m.entity is sole for m in title_mentions)
        ):
            sole = None  # named only in passing, not what the text is about
        if sole is None and (card := _CARD_LEAD.match(text) or _card_in_advice(text)):
            # “X”是一只债券型基金…同产品的主份额“Y”: a card is about the product it opens with.
            sole = next((m.entity for m in self.mentions if m.start == card.end(1)), None)
        self.sole: EntityRecord | None = sole
        # 甲骨文2025财年第三季度: a fiscal period on the company's own calendar
        self.dates = fiscal_mentions(text, self.dates, self._fiscal_year_end, published_at)
        # A text that names a company, or speaks of 公司 or 该股, is about a company.
        self.names_a_company = (
            bool(named) or bool(_COMPANY_WORDS.search(text)) or text.count("公司") > 2
        )
        self.round_subject: EntityRecord | None = None
        self.last: ExtractedFact | None = None  # the previous fact, in view offsets
        self.last_end = -1
        self.last_record: EntityRecord | None = None
        # Companies a clause led with or a sentence turned to that no dictionary knows.
        self.unnamed_leads: set[str] = set()
        self.prev_q: Quantity | None = None  # the figure before, in the same sentence
        self.sentence_qs: list[Quantity] = []
        # 预计2025-2027年营收分别为…: a forecast row, one figure a year.
        self.year_ranges = year_ranges(text) if "年" in text else []
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
        self.day_words = {w for w in DAY_WORDS if w in text}
        self.views: list[tuple[int, str]] | None = None  # 从环比看 …: read on first need
        # (subject, metric, value) → the date a figure was told with in its own sentence
        self.told: dict[tuple[str, str, Decimal], tuple[dt.date | None, str | None]] = {}
        # each fact stated with no date at all → its (subject, metric, value), for `restated`
        self.undated: dict[ExtractedFact, tuple[str, str, Decimal]] = {}
        # (subject, metric, value) → the date a figure was first told with, once one was
        # told with none: `restated` dates it so
        self.dated_as: dict[tuple[str, str, Decimal], tuple[dt.date | None, str | None]] = {}
        # a result compared with last year was read (`_annual_result`): the text is an annual
        # report's, published in the season of annual reports
        self.annual_text = False
        self.climate = "常年" in text  # 较常年同期偏高: `_anomaly` looks only then
        # a forecast word (预计, 计划) written anywhere: `_forecast_before` looks only then
        self.forecast_words = FORECAST.search(text) is not None
        self.month_frames = "本月" in text  # `_framed` looks only then
        # a hypothesis (假设, 假如) set anywhere: `in_hypothesis` looks only then
        self.hypotheses = any(w in text for w in _HYPOTHESIS_WORDS)
        self.listed: tuple[list[str], int] | None = None  # a release's list of levels, and its end
        # 截至2023年末、2024年末…分别为: the dates a list of figures is read against, and where
        self.dated_list: tuple[list[DateMention], int] | None = None
        # the figures read in this sentence so far, with their facts (同比变动分别为… reads them)
        self.stated: list[tuple[Quantity, ExtractedFact]] = []
        self.averages = "均" in text  # 年均增长, 平均每年: `_bulletin_change` looks only then
        # 10年期美债收益率上涨5个基点: `_yield_figure` looks only then
        self.yields = "收益率" in text
        self.cn_regions: list[re.Match[str]] | None = None  # China's regions: read on need
        self.region_ends = [  # where an economy's name ends (我国|城镇化率), 国内生产总值 aside
            r.end()
            for r in REGION.finditer(text)
            if r.group() != "国内" and not text.startswith("人", r.end())
        ]

    def _fiscal_year_end(self, at: int) -> int | None:
        """The month the fiscal year ends in of the company a fiscal period at `at` is about:
        the last company named before it in its sentence, else the text's."""
        line = max(self.text.rfind(stop, 0, at) for stop in "。！？!?\n")
        named = [
            m.entity
            for m in self.mentions
            if line < m.start and m.end <= at and m.entity.kind == "company"
        ]
        record = named[-1] if named else (self.topic or self.sole)
        return record.fiscal_year_end if record is not None else None

    def subject_before(self, start: int, lo: int) -> Mention | None:
        """The last name that can lead, written within lo..start."""
        # Mentions are in order of their starts: those starting by `start`, walked back to `lo`.
        for i in range(bisect_right(self.mention_starts, start) - 1, -1, -1):
            m = self.mentions[i]
            if m.start < lo:
                return None
            if m.end <= start and self._leads(i):
                return m
        return None

    def names_between(self, lo: int, hi: int) -> bool:
        """Whether a name starts within lo..hi (hi excluded)."""
        # looked up in the sorted starts: every figure's guards ask, so no walk over all names
        at = bisect_left(self.mention_starts, lo)
        return at < len(self.mention_starts) and self.mention_starts[at] < hi

    def _leads(self, i: int) -> bool:
        """`_can_lead` of the i-th mention, read once a text: every figure after it asks."""
        if (known := self.leads.get(i)) is None:
            known = self.leads[i] = self._can_lead(self.mentions[i])
        return known

    def _source_only(self, record: EntityRecord) -> bool:
        """Whether the body names a headline's name only as the author or source of what it
        says (某某研报指出…, 据某某报告显示…): a broker's or a research firm's text on others."""
        named = [
            i
            for i, m in enumerate(self.mentions)
            if m.entity.name == record.name or m.entity.name.startswith(record.name)
        ]  # (中金 in the headline, 中金公司 in the body)
        if not named or any(self._leads(i) for i in named):
            return False
        # (but 记者从某某获悉: where the news came from, about the company itself)
        return any(
            says.match(self.text, self.mentions[i].end)
            for i in named
            for says in (_REPORT_SAYS, _BROKER_SAYS)
        )

    def _can_lead(self, m: Mention) -> bool:
        """Not where something happened (在港交所) nor who reports it (外汇局数据显示), nor what
        a speaker spoke of (谈及某央行…), nor a name read across a word (其中石油 is not 中石油)."""
        if m.start > 0 and self.text[m.start - 1 : m.start + 1] in _WORDS_ACROSS:
            return False
        if self.text[max(0, m.start - 2) : m.start].endswith(_LOCATIVE + _SPOKEN_OF):
            return False
        if self.text[m.start : m.end] != m.entity.name and _GLUED_FIRM.match(self.text, m.end):
            return False  # 平安口袋银行APP注册用户数: the bank's, not 中国平安's
        if m.entity.name.endswith("交易所") or _BRANCH_AFTER.match(self.text, m.end):
            return False  # 北京证券交易所, 东方财富证券…营业部, 东方财富Choice数据
        if listing_venue(self.text, m) or filing_source(self.text, m):
            return False  # 某某登陆港交所, 港交所文件显示: where a company lists, not who
        if _broker(m.entity) and (
            _BROKER_SAYS.match(self.text, m.end) or self.text[m.start - 1 : m.start] == "由"
        ):
            return False  # 国信证券认为…, 诊断服务由国信证券提供: a broker on another company
        if _REPORT_SAYS.match(self.text, m.end):
            return False  # 某某研报认为…: the author of a report, not what it is about
        if m.entity.name in ECONOMY_OF and self._local_agency(m):
            return False  # 某省统计局, 德国联邦统计局: a region's own agency, not China's
        if self._in_listed_aside(m):
            return False  # 吉利通过多品牌矩阵（银河/极氪/领克）分摊…，毛利率: 吉利's, not 极氪's
        if self.text[m.start - 1 : m.start] in _WITH and _JOINTLY.match(self.text, m.end):
            return False  # 公司拟与某某共同投资设立…，公司出资: a partner, not the lead
        if _COMPILER_OF.match(self.text, m.end):
            return False  # 某会和某某集团联合调查的某指数: who compiles it, not what it measures
        if m.entity.kind in QUOTED_KINDS and _TRACKER_AFTER[m.entity.kind].match(self.text, m.end):
            return False  # 某指数期货跌幅扩大至2%, 某原油基金跌1.3%: the contract's or the fund's
        return m.entity.kind in TOPIC_KINDS or not (
            _SOURCE_AFTER.match(self.text, m.end) or _SOURCE_CLAUSE.match(self.text, m.end)
        )

    def _local_agency(self, m: Mention) -> bool:
        """Whether a national agency's name is a region's agency (省统计局, 某市统计局, 德国联邦
        统计局): the figures it publishes are that region's, not China's."""
        before = self.text[max(0, m.start - 6) : m.start]
        return before.endswith(("省", "市", "县", "区", "州", "联邦")) or any(
            r.end() == len(before) and r.group() not in ("国内", "全国", "我国", "中国")
            for pattern in (REGION, CN_REGION)
            for r in pattern.finditer(before)
        )

    def _in_listed_aside(self, m: Mention) -> bool:
        """Whether a name is one item of a list in brackets (（银河/极氪/领克）): an aside
        naming examples, which states no figure of its own."""
        opened = max(
            self.text.rfind("（", max(0, m.start - 20), m.start),
            self.text.rfind("(", max(0, m.start - 20), m.start),
        )
        if opened < 0 or _CLOSE.search(self.text, opened, m.start):
            return False
        closed = _CLOSE.search(self.text, m.end, m.end + 20)
        return (
            closed is not None and _ASIDE_LIST.search(self.text, opened, closed.start()) is not None
        )

    def _after_name(self, lo: int, hi: int) -> int:
        """Where a label may start: after the last name written in lo..hi."""
        return max([lo] + [m.end for m in self.mentions if lo <= m.start and m.end <= hi])

    def _label_text(self, label_start: int) -> str:
        found = LABELS.match(self.text, label_start)
        return found.group() if found else ""

    def _clause_start(self, sentence: tuple[int, int], end: int) -> int:
        """Where the clause holding `end` starts: after the sentence's last break before it."""
        return _after_last(self.clause_breaks, sentence[0], end)

    def clause_breaks_within(self, lo: int, hi: int) -> list[int]:
        """The ends of the clause breaks within lo..hi (hi excluded), in order."""
        breaks = self.clause_breaks
        return breaks[bisect_left(breaks, lo) : bisect_left(breaks, hi)]

    def _run_start(self, sentence: tuple[int, int], end: int) -> int:
        """Where the run of clauses holding `end` starts: the sentence's start or its last ；
        or ： before `end` (a run of clauses about one project, one business)."""
        return _after_last(self.run_breaks, sentence[0], end)

    def _list_run(self, values: Sequence[Quantity], units: bool = False) -> list[Quantity]:
        """The figures from the first of `values` on that a list joins (9.48、10.84和11.95),
        with `units` each written with its unit word (2948.1亿斤和562.5亿斤)."""
        run = list(values[:1])
        sep = _UNIT_LIST_SEP if units else LIST_SEP
        for v in values[1:]:
            if not sep.fullmatch(self.text, run[-1].span[1], v.span[0]):
                break
            run.append(v)
        return run

    def _is_statistics(self) -> bool:
        if self.statistics is None:
            text, title = self.text, self.title
            for name in self.regional_firms:
                # 某国银行：…, 某国银联公布: a firm named for its country, not the economy
                text, title = text.replace(name, "", -1), title.replace(name, "", -1)
            self.statistics = not self.company_text and national_statistics(text, title)
        return self.statistics
