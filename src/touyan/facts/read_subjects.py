"""Whom a figure is about, when no name leads its clause.

A clause that opens with a company's name no dictionary knows (…；某某生科营收…) or a sentence
that turns to another company (再看某某股份，…) starts a new subject; else the figure is the
subject carried from the fact before (while still in its line and section), a card's name
field, the text's topic or sole subject, and for a text about no company or fund the economy
it names (`read_regions`: 中国, 我国, 全国 are China). `nationwide` tells a clause about the
nation's or the world's total (全球平板电脑出货量), which is no company's figure.
"""

from __future__ import annotations

import re

from touyan.facts.economy import (
    CN_REGION,
    REGION,
)
from touyan.facts.economy_scope import (
    economy_before_label,
)
from touyan.facts.entities import EntityRecord, Mention
from touyan.facts.market import MARKET
from touyan.facts.name_forms import kind_of, plausible_name
from touyan.facts.read_regions import RegionReader
from touyan.facts.read_text import SENTENCE_END

# How an investing firm's name ends: a "fund" so named (某某资本) invests, it has no quote.
_FIRM = re.compile(r"(?:公司|集团|资本|控股|投资)$")
# How a listed company's short name ends (昊海生科, 恒瑞医药's peers 华东药业, 中信股份): a run
# ending so, right before a figure's label, names a company, not a business line.
_COMPANY_FORM = re.compile(r"(?:股份|科技|药业|生科|生物|集团|控股|实业|新材|基金)$")
# A class of funds, not one fund or fund house (公募基金, 偏股型基金, 产业投资基金).
_FUND_CLASS = re.compile(
    r"(?:公募|私募|货币|债券|股票|混合|指数|产业|引导|投资|主动|被动|偏股|偏债|权益|对冲|养老|社保|"
    r"主权|型|类|该|其|本|此|各|旗下)基金$"
)
# A sentence opening by turning to another company (再看税友股份，, 反观某某科技：); a name
# the turn calls a peer (反观同行业的某某检测，) need not end as _COMPANY_FORM does.
_TURN_TO = re.compile(
    r"\s*(?:再看看?|再来看|来看看?|反观|对比|对比之下|相比之下|隔壁的?|至于|而)\s*"
    r"(?P<peer>(?:同行业|同行|同业|竞争对手|对手)的?)?\s*(?P<name>[\u4e00-\u9fff]{2,8}?)\s*[，,：:]"
)
# A move's label (涨幅收窄至, 跌幅扩大至, 涨跌幅为).
_MOVE_LABEL = re.compile(r"(?:涨幅|跌幅|涨跌幅)(?:扩大至|收窄至|达到?|为)")
# Words no listed name holds: a session, a sum, a price, a comparison, a contract, a whole
# (日内涨幅, 油价累计涨幅, 较开盘价涨幅, 纳指期货跌幅, 某主力合约, 板块整体).
_NO_MOVER = re.compile(
    r"日内|盘[中初前后]|[早午尾]盘|全天|整体|累计|价|较|使|期货|期指|合约|指数|板块|概念"
)
_LEAD_MAX = 10  # characters: a company's short name, with a few more for a full one
# A company no dictionary knows, introduced as its sentence's subject by what it does (…系统
# 业务提供商某某股份自2019年起，营收…; 主营…的某某生物自2021年起): a bare 公司 opening a
# clause of the next sentence is that company, not the one the text is about.
_INTRODUCED = re.compile(
    r"(?:^|[，,：:；;]|(?<=[商者业头的]))"
    r"(?P<name>[\u4e00-\u9fff]{2}(?:股份|科技|药业|生科|生物|集团|控股|实业|新材))"
    r"(?=自|从|近年|近几年|今年|去年|(?:19|20)\d{2}年)"
)
_BARE_COMPANY = ("公司", "该公司")
# A field of business in a company's form (金融科技, 生物科技, 新能源汽车): a segment's name.
_SECTOR = re.compile(
    r"(?:金融|信息|数字|医疗|生物|智能|网络|互联网|能源|新能源|电子|软件|云|汽车|农业|教育|环保|"
    r"材料|新材料|制造|健康|物流|文化|传媒|消费|零售|地产)(?:科技|生物|股份|集团|控股|实业|新材)"
)
# 本集团, 该股份公司: the subject itself (but 全志科技 is a name)
_SELF = re.compile(r"(?:本|该|其|我|此|全|旗下|子|母)(?:公司)?(?:集团|股份|控股)?(?:公司)?")

# A markdown heading run into a line (#### 成本与费用控制): another section, not carried into.
_HEADING_MARK = re.compile(r"(?:^|\s)#{2,6}\s")
# A clause opening (after a heading, a source and a year, 去年 too) on the nation's or the
# world's total (据某机构，2024年全球平板电脑出货量同比…; 2025年国家燃气管网投资同比增速达…):
# an industry's or an economy's figure, not the carried company's; its share of that market
# (全球市场份额) is its own.
_NATIONWIDE = re.compile(
    r"(?:据[^，,。；;]{1,12}[，,])?(?:(?:(?:19|20)\d{2}|去|今|前|上)年(?:\d{1,2}月份?)?)?"
    r"(?:全国|全球|国家|我国)"
)
_CLAUSE_OPENING = re.compile(r"[\s，,：:]")
# A label naming a market or a trade as a whole (某品市场销量整体, 行业整体营收).
_MARKET_WHOLE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:市场|行业)[\u4e00-\u9fff]{0,4}?整体")
_MARKET_OF = re.compile(r"[\u4e00-\u9fff]{1,10}市场(?:整体)?的?")
# A markdown heading run into the clause (#### 三、宏观环境2025年全国…): its year ends the
# heading's words and opens the clause, which then reads as one opening on the nation.
_AFTER_HEADING = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?(?:全国|全球|国家|我国)")
_COMPANY_SHARE = re.compile(r"份额|市占|占有率|占比|排名|第")
# A clause opening with a name and its rank (某某排名第三，): that name's figures follow.
# So does one written by the rank before the name (第五是某某，) or right after the one before
# (某某以1个百分点之差紧随其后，).
RANKED_PEER = re.compile(
    r"\s*(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:排名|位列|位居|排在|名列|排)第"
    r"|\s*第[一二三四五六七八九十\d]{1,2}(?:名|位)?(?:是|为)(?P<after>[\u4e00-\u9fffA-Za-z]{2,8})[，,]"
    r"|\s*(?P<next>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:以[^，,。；;]{1,12})?紧随其后"
)


def ranked_name(ranked: re.Match[str]) -> tuple[str, int]:
    """The name a `RANKED_PEER` match ranks, and where it starts."""
    group = next(g for g in ("name", "after", "next") if ranked[g] is not None)
    return ranked[group], ranked.start(group)


# A group of stocks or companies a figure is among (收盘价创新高股中，今日平均上涨…; 上榜公司
# 中): the group's figure, not one of the names carried from before (but 持股中, 控股中).
_AMONG_GROUP = re.compile(r"(?<![持控参入])(?:股|股票|公司|企业|基金)中[，,]\s*$")

# The market's own money or trading written as a label's first words (北向资金今日净买入,
# 南下资金半日净流入, 两市成交): the whole market's, not a name carried from before.
# (Not 沪股通买入 on a trading list: the seat's trade in the stock.)
_MARKET_FLOW = re.compile(r"(?:北向|南向|南下|北上)资金|沪深两市|两市|全市场")
# A clause opening on the whole A-share market (…，A股市场成交额达到…): its figure, not the
# index named in the clause before (创业板指涨逾3%，).
_WHOLE_MARKET = re.compile(
    r"\s*(?:当日|当天|今日|全天)?(?:A股市场|A股|沪深两市|沪深京三市|两市|三市|全市场)"
    r"(?:整体|全天|全日|当日|今日)?的?\s*"
)
# What the whole market has (成交额, 融资余额, 涨停家数), not a company's A shares (A股每股派息).
_MARKET_LABEL = re.compile(
    r"(?:总|合计)?(?:成交|换手|融资|融券|总市值|市值|涨停|跌停|上涨|下跌|个股)"
)
# Another's filing a sentence cites (某某发布的公告显示，…): the 公司 of its clauses after is
# the filer, not a name the sentence mentions on the way (以某某收盘价为基准).
_CITED_FILING = re.compile(
    r"(?P<filer>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:发布|披露)的?(?:公告|文件|报告)(?:显示|称|指出)"
)
# A market's size a sentence states first (到2030年，某国的某芯片市场规模将…，年均复合增长率
# 达…): the growth after it is that market's, no company's carried from before.
_MARKET_SIZED = re.compile(r"市场(?:规模|容量|空间|总规模)")
# A session's turnover in a sentence about the market's breadth (个股跌多涨少，上午半天成交…).
_SESSION_TURNOVER = re.compile(r"(?:上午|下午|全天|全日|今日|早盘|午盘)?(?:半天|半日|全天)?成交")
_BREADTH = re.compile(r"个股|涨多跌少|跌多涨少|普涨|普跌|大盘|沪指|两市")
# A count of companies a sentence states a total of (逾千家上市公司实施回购，总金额…): the total
# is the group's.
_COMPANY_COUNT = re.compile(
    r"(?:逾|超|近|约|共|有)?[\d一二三四五六七八九十百千万余多]+家(?:上市)?(?:公司|企业)"
)
_TOTAL_LABEL = re.compile(r"总|合计|累计|共计")
# A sentence opening on the world or the nation as its scope (在全球不同地区，…): its figures
# are the world's, unless it turns to a company.
_WORLD_SCOPE = re.compile(r"\s*(?:在|从)?(?:全球|全世界|世界各地|全国各地)")
_COMPANY_WORD = re.compile(r"公司|集团|其")


class SubjectReader(RegionReader):
    """The subject a figure falls to: a new lead, the one carried, the text's, or an economy."""

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
        if run in _BARE_COMPANY:
            introduced = self._introduced(clause_start)
            return introduced is not None, introduced
        if not 2 <= len(run) <= _LEAD_MAX:
            return False, None
        if not _COMPANY_FORM.search(run):
            return self._listed_mover(run, label_start)
        if _SELF.fullmatch(run) or _SECTOR.fullmatch(run):
            return False, None  # 本集团毛利率; 金融科技营业收入: the subject's own line
        kind = "fund" if run.endswith("基金") else "company"  # 某某基金总资产: a fund house's
        if kind == "fund" and (len(run) < 4 or _FUND_CLASS.search(run)):
            return False, None  # 该基金单位净值, 公募基金规模: the subject's own, or a class's
        name = plausible_name(run)
        if name is None or not run.endswith(name) or kind_of(name) != kind:
            return True, None
        self.unnamed_leads.add(name)
        return True, EntityRecord(name, "company")  # (a fund house reports as a company)

    def _listed_mover(self, run: str, label_start: int) -> tuple[bool, EntityRecord | None]:
        """A clause of a list of moves that opens with a name no dictionary knows (…，中国恒大
        涨幅收窄至1.89%): that name's move, as a verb's (某某跌超6%) is, not the name's before."""
        if not _MOVE_LABEL.match(self.text, label_start) or _NO_MOVER.search(run):
            return False, None
        name = plausible_name(run)
        if name != run or kind_of(name) != "company" or _SECTOR.fullmatch(run):
            return False, None
        self.unnamed_leads.add(name)
        return True, EntityRecord(name, "company")

    def _introduced(self, clause_start: int) -> EntityRecord | None:
        """The company no dictionary knows that the sentence before the one of `clause_start`
        introduced as its subject (`_INTRODUCED`), when no figure and no known name came
        after it: what a bare 公司 opening the clause refers to."""
        start = max(self.text.rfind("。", 0, clause_start), self.text.rfind("\n", 0, clause_start))
        before = max(self.text.rfind("。", 0, start), self.text.rfind("\n", 0, start)) + 1
        if start < 0 or self.last_end > before:
            return None
        found = list(_INTRODUCED.finditer(self.text, before, start))
        if not found or self.names_between(found[-1].start(), clause_start):
            return None
        name = found[-1]["name"]
        if plausible_name(name) != name or kind_of(name) != "company" or _SECTOR.fullmatch(name):
            return None
        self.unnamed_leads.add(name)
        return EntityRecord(name, "company")

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
        if found is None and "#" in window:
            found = _AFTER_HEADING.search(opening, max(0, len(opening) - 16))
        return (
            found is not None
            and (
                found.end() >= len(opening) - 2
                # 全球纯电动车市场销量: the world's market for a product, named before its label
                or _MARKET_OF.fullmatch(opening, found.end(), len(opening) - 2) is not None
            )
            and not _COMPANY_SHARE.search(self._label_text(label_start))
        )

    def others_meant(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether a figure whose clause names no one is others' than a company carried from
        before: the nation's or the world's total (`nationwide`), a group's (`among_group`),
        the market's own money or trading (北向资金今日净买入, 个股跌多涨少，上午半天成交), a
        count of companies' total (逾千家上市公司实施回购，总金额), or the world's when the
        sentence opens on it (在全球不同地区，…电动汽车销量增长)."""
        if self.nationwide(sentence, label_start) or self.among_group(sentence, label_start):
            return True
        if "整体" in self.text[label_start : label_start + 12] and _MARKET_WHOLE.match(
            self.text, label_start
        ):
            return True  # 电动车市场销量整体大增: the whole market's, not the company's
        clause = self._clause_start(sentence, label_start)
        if self.market_flow(clause, label_start):
            return True
        run = self.text[sentence[0] : label_start]
        if ("第" in run or "其后" in run) and self.ranked_peer(sentence, label_start):
            return True
        label = self.text[label_start : label_start + 8]
        if self.names_between(sentence[0], label_start):
            return False
        if "成交" in label and _SESSION_TURNOVER.match(self.text, clause) and _BREADTH.search(run):
            return True
        if "家" in run and _TOTAL_LABEL.match(label) and _COMPANY_COUNT.search(run):
            return True
        if "市场" in run and _MARKET_SIZED.search(run) and not _COMPANY_WORD.search(run):
            return True
        return bool(_WORLD_SCOPE.match(run)) and not _COMPANY_WORD.search(run)

    def ranked_peer(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether a clause of the sentence before the label opens with a name no dictionary
        knows and its rank (…；某某排名第二，2021年共卖出…): that peer's figure, not the one
        carried from before."""
        for c in [sentence[0], *self.clause_breaks_within(sentence[0], label_start)]:
            ranked = RANKED_PEER.match(self.text, c, label_start)
            if ranked is None:
                continue
            name, at = ranked_name(ranked)
            if at not in self.mention_start_set and plausible_name(name) == name:
                return True
        return False

    def market_flow(self, clause_start: int, label_start: int) -> bool:
        """Whether a label's clause, naming no one, opens on the market's own money or trading
        (北向资金今日净买入, 南下资金半日净流入): the whole market's figure (but 某某获北向资金
        净买入 is the stock's)."""
        if self.names_between(clause_start, label_start):
            return False
        return bool(
            _MARKET_FLOW.match(self.text, label_start)
            or _MARKET_FLOW.fullmatch(self.text, clause_start, label_start)
        )

    def whole_market(self, clause_start: int, label_start: int) -> bool:
        """Whether a label's clause opens on the whole A-share market and nothing else
        (…，A股市场成交额达到…): the market's figure, not a name's of a clause before."""
        return (
            _WHOLE_MARKET.fullmatch(self.text, clause_start, label_start) is not None
            and _MARKET_LABEL.match(self.text, label_start) is not None
        )

    def filer_meant(
        self, sentence: tuple[int, int], clause_start: int, label_start: int, subject: Mention
    ) -> bool:
        """Whether a label's clause opens on a bare 公司 in a sentence citing a filing by other
        than the name found in an earlier clause (某乙发布的公告显示，以某甲股价估算，公司所持
        份额…): the filer's figure, whom no dictionary may know."""
        if not self.text.startswith(_BARE_COMPANY, clause_start) or subject.start >= clause_start:
            return False
        cited = _CITED_FILING.search(self.text, sentence[0], clause_start)
        if cited is None or subject.start < cited.end():
            return False  # (某甲：…某甲发布的公告显示，公司…: the filer is the name itself)
        filer = cited["filer"]
        return plausible_name(filer) == filer and not _SELF.fullmatch(filer)

    def among_group(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether the clause before the label's names a group of stocks or companies the
        figure is among (收盘价创新高股中，今日股价平均上涨): the group's figure. (Not a place
        in a group, 在同业公司中排名第8，: the clauses after it are the company's again.)"""
        clause = self._clause_start(sentence, label_start)
        return "中" in self.text[clause - 3 : clause] and (
            _AMONG_GROUP.search(self.text, max(sentence[0], clause - 16), clause) is not None
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
        if subject is not None and subject.start >= clause_start:
            return subject.entity
        if subject is not None and self.whole_market(clause_start, label_start):
            return MARKET  # 某指数涨3%，A股市场成交额…: the market's, not the index's
        end = min(sentence[1], label_start + 12)
        if economy := economy_before_label(self.text, clause_start, label_start, end):
            return EntityRecord(economy, "org")  # 某国12月PCE物价指数: not the speaker's
        if subject is not None:
            return subject.entity
        if self.among_group(sentence, label_start):
            return None
        record = (
            self._newer_field()
            or self._carried_subject(label_start)
            or self.field_subject
            or self.topic
            or self.sole
        )
        if (
            record is not None
            and record.kind == "company"
            and self.others_meant(sentence, label_start)
        ):
            return None
        if record is not None and record.kind == "org" and self._economy_named_since(label_start):
            # 记者从北京多家雪场了解到…。数据显示，本月全国冰雪运动相关订单: the economy the
            # figure's sentence names, not the one carried from before
            record = self._region(label_start) or record
        return record or self._region(label_start)

    def _economy_named_since(self, at: int) -> bool:
        """Whether an economy is named between the previous fact and the label at `at` (or
        opens the label)."""
        lo = max(self.last_end, 0)
        return any(lo <= r.start() <= at for r in REGION.finditer(self.text, lo, at + 2)) or any(
            lo <= r.start() <= at for r in self._cn_regions()
        )

    def _unlisted(self, record: EntityRecord) -> bool:
        """A dictionary's investor or person with no ticker (中央汇金, 云锋基金): it holds
        shares and invests, but has no share price nor shares of its own. (An organisation
        may lend its name to an index: 纳斯达克's quote is the Nasdaq Composite's.)"""
        investor = record.kind == "person" or (
            record.kind == "fund" and _FIRM.search(record.name) is not None
        )  # a mutual fund added by a user (南方创新驱动混合A) has a NAV and a day's move
        return investor and not record.tickers and record.name not in self.written

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
        if (
            record is not None
            and record.kind == "org"
            and self.last.subject != record.name
            and SENTENCE_END.search(between) is None
        ):
            # an economy the fact before in the sentence was filed under by a step that keeps
            # no record (本月全国某某订单同比…，其中某某单量…): the nation's, not the region's
            # of an earlier sentence
            if REGION.fullmatch(self.last.subject) or CN_REGION.fullmatch(self.last.subject):
                return EntityRecord(self.last.subject, "org")
        return record

    def _named_since(self, at: int) -> bool:
        """Whether a company the dictionary knows is named between the previous fact and `at`:
        the text has left a peer it turned to (one no dictionary knows) for a known one."""
        return any(
            self.last_end <= m.start < at and m.entity.kind == "company" for m in self.mentions
        )

    def _own_topics(self) -> tuple[EntityRecord | None, ...]:
        """What a text is about as a whole: its title's name, its sector, the market."""
        return (self.topic, self.sector, MARKET)

    def _topic_name(self) -> str | None:
        return self.topic.name if self.topic else None
