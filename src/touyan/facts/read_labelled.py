"""How a labelled figure is filed: whose it is, and which part of them.

Every shape that reads a figure's metric hands it to `LabelledSteps._labelled`, which finds
the subject (the clause's name, a card's field, an industry, a holder, else the subject the
text is about), asks the guards of `read_owner` whether the figure is someone else's, and the
steps of `read_parts` which part of the subject it is of. Kept apart from `read_facts`, which
tries the shapes in order: this is the one step they all end in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from touyan.facts.bilateral import market_of
from touyan.facts.clause_parts import (
    BARE_SHARE,
    kind_of_subject,
    opening_qizhong_part,
    share_part,
)
from touyan.facts.connect_trades import connect_flow, connect_trader
from touyan.facts.counted_parts import BARE_SUM, counted_thing
from touyan.facts.economy import CN_REGION, REGION, REGION_NAMES, cn_region_name
from touyan.facts.economy_scope import economy_before_label
from touyan.facts.entities import EntityRecord
from touyan.facts.extract import CLAUSE_BREAK, QUOTED_KINDS, TOPIC_KINDS, ExtractedFact
from touyan.facts.fields import field_subject, industry_subject
from touyan.facts.filings import names_line_rate
from touyan.facts.fund_trades import fund_meant, fund_trade
from touyan.facts.holders import (
    holding_share_holder,
    invested_stake_target,
    new_holder,
    registered_company,
    traded_stake_holder,
)
from touyan.facts.investees import investment_target, named_project
from touyan.facts.labels import (
    CLAUSE_LIKE,
    DAILY_METRICS,
    ENCUMBERED_SHARE,
    HOLDING_METRICS,
    KNOWN_METRICS,
    SEGMENTED_METRICS,
    WINDOW_MOVE,
    base_metric,
    stake_move,
)
from touyan.facts.market import MARKET, SECTOR_METRICS, YUAN_PARITY, yuan_parity
from touyan.facts.named_parts import cause_of, pointed_kind, tranche_of, valued_part
from touyan.facts.plans import projected_return
from touyan.facts.qualifiers import qualifier
from touyan.facts.read_narrowed import goods_price_move, sold_property
from touyan.facts.read_owner import DEAL_FIGURE, OwnerSteps
from touyan.facts.volume_parts import volume_part
from touyan.text.numbers import Quantity

# How the name of an investing fund or firm ends (产业投资基金三期, 某某资本, 某某创投).
# A sum an economy's part may own (全球对冲基金的管理资产总规模): see `_region_owned`.
_OWNED_SUM = re.compile(r"(?:规模|总额|余额)$")
_OWNER_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,8}")
# A clause naming what a bare sum is of (，即某某的总额): the words, after a linking word.
_BARE_OWNER = re.compile(r"\s*(?:即|其中|而|但)?(?P<words>[\u4e00-\u9fff]{2,8})")
_INVESTOR = re.compile(r"(?:基金(?:[一二三四五六七八九十]期)?|资本|创投|有限公司)$")
# Measures only a company has (注册用户, 门店, 盈利): never an economy's, even one just named.
_COMPANY_HEAD = re.compile(
    r"(?:盈利|毛利|净利|股息|门店|月活|日活|注册用户|活跃用户|估值|芯片市占率|市占率)$"
)
# An economy's bare total (总产量): the total of what its paragraph measured (`_product_total`).
_BARE_TOTAL = re.compile(r"总(?:产量|消费量|需求量?|供给量?|进口量|出口量)")
# How an app's name ends: a cheap test before `_app_users` (one scan of the clause, not a
# copy of it searched five times).
_APP_WORDS = ("APP", "App", "app", "客户端", "小程序")
_APP_WORD = re.compile("|".join(_APP_WORDS))
# What only a listed security has: a quote, a market value, shares others hold.
_QUOTED_METRICS = DAILY_METRICS | {"market_cap", "float_market_cap", "shares_held"}
# A label opening on the total of a fund, partnership or venture a company joins (基金此次总认
# 缴出资额, 合资公司总投资): all partners' together, not the company's.
_OTHERS_TOTAL = re.compile(r"(?:基金|合伙企业|合资公司|合资企业)(?:此次|本次|的)?(?:总|合计)")
# A clause opening with a set of parts it does not name (多个单品, 多家门店, 多只基金): a figure
# each of them reached, neither the subject's nor one part's.
_UNNAMED_SET = re.compile(r"\s*(?:其中)?(?:多个|多款|多家|多只|多位)")

# The share of those a poll asked (基金经理占比, 受访者比例): the poll's finding.
_POLLED_SHARE = re.compile(
    r"(?:基金经理|受访者|受访企业|受访机构|经济学家|分析师|企业家)(?:的)?(?:占比|比例|比重)"
)
# Words pointing back to a company or a stock (对该公司的评级, 该股上涨): a listed name's
# figure, never an agency's or an economy's.
_COMPANY_POINTER = re.compile(r"该公司|该股|该集团")
# A joint venture or a fund opening a clause as the doer (，合资公司在某地建设…): a total
# named after it in the sentence is its project's, which all partners fund.
_JOINT_DOER = re.compile(r"(?:^|[，,；;。])(?:该|此|本)?(?:合资公司|合资企业|合营公司|合伙企业)")
# A company's officer or founder and what is theirs (某公司创始人兼CEO某某的造车项目，…): the
# name qualifies the person; the figures of the clauses after are that thing's, not the
# company's. (Not 首席财务官某某的总薪酬: the officer's own pay, its label right after.)
_PERSON_S_THING = re.compile(
    r"(?:联合)?(?:创始人|董事长|总裁|首席[\u4e00-\u9fff]{2,4}官|CEO)"
    r"(?:兼(?:CEO|总裁|董事长|首席[\u4e00-\u9fff]{2,4}官))?[\u4e00-\u9fff·]{2,5}?的"
)
# A sentence opening on a bare verb of achieving (实现利润…): the subject of the one before goes on.
_BARE_ACHIEVED = re.compile(r"\s*(?:全年)?(?:实现|完成)(?:了)?")
# A company another bought (以18亿元收购乙。, 并购了乙的股权): a clause opening with its name
# states the target's figures.
_BOUGHT = re.compile(
    r"(?:收购|并购|购买|购入)了?(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?=[。，,；;]|的|股权|全部|\d)"
)
_TRADED_COUNTS = ("shares_bought", "shares_sold")
# What a figure is per, written before its label (单位千瓦动态投资, 每吨投资): not 每年投资.
_PER_UNIT = re.compile(r"(?:单位|每(?![年月季日天周期]))[\u4e00-\u9fffA-Za-z]{0,6}$")
# A sum a bare 项目 opens the label of (项目计划总投资额): the project's, named before it.
_PROJECT_SUM = "项目"
_PROJECT_REACH = 300
# What a buyer paid a share (买入价为57.58元/股): of the stock it bought, which a filing by the
# company whose stock it is names as its own (买入本次发行的股票, 买入公司股票).
_PRICE_PAID = frozenset({"买入价", "买入均价", "增持均价", "购买价格"})
_OWN_STOCK_BOUGHT = re.compile(
    r"(?:买入|增持|购买)(?:了)?(?:本次发行的|公司|本公司|该公司)的?(?:A股|H股)?股(?:票|份)"
)
# 均持股, 各持股: a stake each of several companies listed before is held at.
_EACH_HELD = re.compile(r"[均各]$")
# Who raises a funding round, which an investment stated after it goes into.
_ROUND_SUBJECT_KINDS = ("company",)


class LabelledSteps(OwnerSteps):
    """Files a labelled figure under its owner, with the part of them it is of."""

    # The part of an economy the last sentence's figure was of (全年轻工业实现营业收入), and where
    # that sentence ends: a sentence opening on a bare verb after it goes on with it.
    economy_part: tuple[str, int] | None = None

    if TYPE_CHECKING:
        # The holders' steps of `read_results` and the volume's of `read_growth`, which the
        # fact reader puts beside this one.

        def _row_holder(self, sentence: tuple[int, int]) -> EntityRecord | str | None: ...

        def _stake_target(self, before: int, holder: str) -> str | None: ...

        def _holder(self, sentence_start: int, label_start: int) -> str | None: ...

        def _group_holder(self, lo: int, hi: int) -> str | None: ...

        def _index_mover(self, clause: int, verb: int) -> int | None: ...

    def _labelled(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        header: tuple[int, str, str | None] | None,
        metric: str,
        label_start: int,
        labelled: bool,
    ) -> ExtractedFact | None:
        """The fact of a figure whose metric is read (`labelled`: from a label before it), once
        its subject is known: the clause's name, a card's field, an industry, a holder, else
        the subject the text is about."""
        clause_start = self._clause_start(sentence, q.span[0])
        if self._no_subjects(q, sentence, metric, label_start, clause_start):
            return None
        metric, q = stake_move(self.text, sentence[0], label_start, metric, q)
        metric, label_start = sold_property(self.text, metric, label_start, q.span[1])
        metric = connect_flow(self.text, metric, sentence, label_start)
        if metric == "invested" and (
            unit := _PER_UNIT.search(self.text, max(clause_start, label_start - 8), label_start)
        ):
            # 单位千瓦静态投资4000元: a cost per unit of capacity, named as written, no sum
            metric = self.text[unit.start() : label_start + 2]
        from_header = not labelled and metric == "stake_pct"
        subject = self.subject_before(label_start, clause_start) or self.subject_before(
            label_start, sentence[0]
        )
        if subject is not None and subject.start < clause_start and self._peer_since(subject.end):
            subject = None  # 甲公布乙业绩，乙总资产…，总负债…: still the peer's, carried
        if (
            subject is not None
            and (thing := _PERSON_S_THING.match(self.text, subject.end, label_start))
            and CLAUSE_BREAK.search(self.text, thing.end(), label_start)
        ):
            return None  # 某公司创始人某某的造车项目某某，完成1亿美元融资: the project's
        seat = (
            self._named_seat(sentence, label_start)
            if "营业部" in self.text[sentence[0] : label_start]
            else None
        )
        if seat is not None and subject is not None and subject.start >= seat.start("name"):
            subject = None  # 第一大卖出营业部为某某证券…营业部，卖出金额为: not the broker's
        # 中证800近一周的市场基准收益率是: a card's field naming its own index or track; a name
        # the dictionary knows (沪深300) is read as the dictionary reads it.
        field = field_subject(self.text, sentence[0], label_start)
        if field is not None and (subject is None or subject.start < field[1]):
            return self._fact_for(field[0], metric, q, sentence, quote, None)
        if (subject is None or subject.start < clause_start) and (
            industry := industry_subject(self.text, clause_start, q.span[0])
        ):
            return self._fact_for(industry[0], metric, q, sentence, quote, industry[1])
        if subject is not None and subject.start < clause_start:
            if self.whole_market(clause_start, label_start):
                # 某指数涨3%，A股市场成交额…: the market's, not the index's
                return self._fact_for(MARKET.name, metric, q, sentence, quote, None)
            if self.filer_meant(sentence, clause_start, label_start, subject):
                return None  # 某乙发布的公告显示，…，公司所持份额…: 某乙's, not the name before
        if from_header:
            holder = self._row_holder(sentence)
            if holder is None:
                return None
            target = header[2] if header else self._stake_held_in(sentence, label_start)
            name = holder if isinstance(holder, str) else holder.name
            return self._fact_for(name, metric, q, sentence, quote, target)
        if self._group_valuation(metric, clause_start, label_start):
            return None
        led, lead = self.unknown_lead(clause_start, label_start, subject)
        if led and lead is None:
            return None  # …；某某科技营收…: an unknown company's figure, not the carried one's
        if self._item_company(sentence, label_start, subject):
            return None
        if (subject is None or subject.start < clause_start) and self._bought_leads(
            clause_start, label_start
        ):
            return None  # 甲收购乙。乙2017-2020年累计实现净利润…: the target's, not the buyer's
        if (subject is None or subject.start < clause_start) and self._peer_between(
            sentence, subject, metric, label_start
        ):
            return None
        if subject is None and not led:
            led, lead = self.turned_to(sentence, label_start)
            if led and lead is None:
                return None
            if self._unknown_index(sentence, label_start):
                return None
            if (metric == "change_pct" or WINDOW_MOVE.match(metric)) and self._index_led(
                clause_start, label_start
            ):
                return None
        record: EntityRecord | None = lead
        if record is None and subject is not None:
            record = subject.entity
        if self.mover is not None:
            record, self.mover = self.mover, None
        if (
            (subject is None or subject.start < clause_start)
            and not led
            and metric not in KNOWN_METRICS
            and (economy := economy_before_label(self.text, clause_start, label_start, q.span[0]))
        ):
            record = EntityRecord(economy, "org")  # 某国12月PCE物价指数: not the speaker's
        if record is None and metric in HOLDING_METRICS:
            named = self._holder(sentence[0], label_start)
            if named is not None:
                return self._fact_for(named, metric, q, sentence, quote, self._topic_name())
        narrowed = (
            self._qualifier(metric, clause_start, label_start) if labelled and not led else None
        )
        if (
            narrowed is not None
            and (subject is None or subject.start < clause_start)
            and _INVESTOR.search(narrowed)
        ):
            # 某某产业投资基金二期注资500亿元: a fund or firm the dictionary does not know,
            # not a part of the subject carried from before
            return None
        if _UNNAMED_SET.match(self.text, clause_start, label_start):
            return None  # 多个生鲜单品的销售额达到1000万元: each of parts no one names
        if record is None and metric == "central_parity" and yuan_parity(self.text, label_start):
            record = YUAN_PARITY
        if record is None:
            record = (
                self.round_subject
                or self._newer_field()
                or self._carried_subject(label_start)
                or self.field_subject
                or self.topic
                or self.sole
            )
            last = self.last
            if (
                metric == "valuation"
                and record is not None
                and last is not None
                and last.metric == "invested"
                and last.subject == record.name
            ):
                return None  # 某某投资超过5000万美元。某某正以20亿美元估值: not the investor's
            if (
                record is not None
                and record.kind in QUOTED_KINDS
                and record not in self._own_topics()
            ):
                # 沪指下跌0.52%。…收盘股价最高的是澜石科技，今日收盘价为317.60元: an index is
                # what a sentence is about only when the sentence names it.
                record = None
            if record is None and narrowed is not None and "公司" not in self.text:
                # 基础设施投资 in a text naming no company: the economy's indicator.
                metric = narrowed + self._label_text(label_start)
                self.economy_part = (narrowed, sentence[1])
            # A company figure (营收, 出资) in a text naming no company is about a company
            # the text names in a way not recognised, not about the economy.
            # 其高压电缆收入占比: 其 refers to someone the text names, not to an economy; a
            # window's move is a security's.
            pronoun = self.text[label_start - 1 : label_start] == "其"
            if (
                record is None
                and metric not in KNOWN_METRICS
                and not pronoun
                and not WINDOW_MOVE.match(metric)
            ):
                record = self._region(label_start)
                if record is not None:
                    metric = self._region_owned(metric, clause_start, label_start)
        if (
            narrowed is not None
            and (subject is None or subject.start < clause_start)
            and (parent := self._sibling_line(record, metric) or self._sibling_part(record, metric))
        ):
            record = parent
        if record is None or (record is self.sector and metric not in SECTOR_METRICS):
            return None
        if narrowed is None and subject is None and record.kind == "org":
            # 全年轻工业实现营业收入…。实现利润…: the part the sentence before named
            metric = self._part_continued(record, sentence, label_start) + metric
        if (
            record.kind == "company"
            and (subject is None or subject.start < sentence[0])
            and (fund_words := fund_meant(self.text, sentence[0], label_start))
            and not self.names_between(*fund_words)
        ):
            return None  # 某某引导基金近日完成备案，规模为…: the fund's, not the manager's
        if (
            subject is None
            and record.kind == "company"
            and self._about_others(sentence, label_start)
        ):
            return None
        if "占" in metric or "比" in metric:
            if _POLLED_SHARE.search(metric):
                return None  # 预计某央行将…的基金经理占比: the poll's share, no one's named
        if (
            record.kind not in TOPIC_KINDS
            and "该" in self.text[clause_start:label_start]
            and _COMPANY_POINTER.search(self.text, clause_start, label_start)
        ):
            return None  # 获某局和某储批准后，保持了对该公司的评级及目标价: no agency's
        if record.kind == "company" and _OTHERS_TOTAL.match(self.text, label_start):
            return None  # 基金此次总认缴出资额为…: the fund's whole, not the partner's share
        if (
            record.kind == "company"
            and "总" in self.text[label_start - 1 : q.span[0]]  # (总投资: 总 before 投资)
            and _JOINT_DOER.search(self.text, sentence[0], label_start)
        ):
            return None  # 合资公司在某地建设某项目，项目建设总投资约为…: all partners' project
        if (
            record.kind == "company"
            # (the move's test first: it rules most figures out cheaper than a dictionary look-up)
            and goods_price_move(self.text, self.sentence_qs, label_start, metric)
            and self.entities is not None
            and self.entities.get(record.name) is not None  # a listed name, not a metal's (LME锡)
        ):
            return None  # 新品的市场价格涨至1350元/瓶，涨幅近30%: the good's, not the stock's
        if record.kind == "org" and _COMPANY_HEAD.search(metric) and REGION.fullmatch(record.name):
            return None  # 注册用户超过3亿 after a sentence about China: some company's users
        if (
            record.kind == "org"
            and _BARE_TOTAL.fullmatch(metric)
            and (REGION.fullmatch(record.name) or CN_REGION.fullmatch(record.name))
        ):
            metric = self._product_total(record.name, metric, sentence, label_start)
        obj = narrowed if metric in KNOWN_METRICS else None  # 动力电池系统营业收入: a segment's
        obj = obj or self._project(sentence, label_start)
        if obj is None and subject is not None and not led:
            obj = self._owned_part(subject.text, subject.end, label_start)
            if (
                obj is None
                and subject.start > clause_start
                and "其中" in self.text[clause_start : subject.start]
            ):
                # 其中袋装某某销售收入: a kind of the subject, a part of the whole before
                obj = kind_of_subject(self.text, clause_start, subject.start, subject.text)
        if obj is None and not led and (subject is None or subject.start < clause_start):
            obj = self._opening_part(metric, clause_start, label_start)  # 港股通的成交额
            if obj is None and BARE_SHARE.fullmatch(metric):
                obj = self._share_owner(record.name, sentence, clause_start)  # 其中X28家，数量占比
        if obj is None and not led and record.kind == "org" and metric not in KNOWN_METRICS:
            # 上海全市二手房累计成交金额: the words after the region's name
            obj = self._region_part(record.name, metric, clause_start, label_start)
        if obj is None and not led:
            obj = self._part_pointed_back(record, label_start) or self._part_of_whole(
                record, metric, clause_start, label_start
            )
        if obj is None and not led and labelled and metric in SEGMENTED_METRICS:
            obj = self._namesake_part(record.name, clause_start, label_start)
        if obj is None and _APP_WORD.search(self.text, clause_start, label_start + 12):
            metric, obj = self._app_users(record, metric, clause_start, label_start)
        if obj is None:
            obj = self._work(clause_start, label_start)
        if obj is None:
            obj = self._deal_target(metric, clause_start, label_start)
        if metric in _TRADED_COUNTS and not q.unit:
            return None  # 增持2050024400注：a table's cells run together, no count of shares
        if obj is None and metric in _TRADED_COUNTS:
            starts = [m.start for m in self.mentions if m.entity is record]
            fund = fund_trade(self.text, sentence, label_start, starts)
            if fund == "":
                return None  # 加仓了甲…，甲…增持了…万股: an unnamed holder's trade in it
            obj = fund  # 某某基金…，加仓了甲…，甲…增持了343.69万股: the fund's trade in it
        if obj is None and (
            metric in HOLDING_METRICS
            or DEAL_FIGURE.match(metric)
            or metric.endswith(ENCUMBERED_SHARE)  # 股东某某质押…，占总股本: that holder's
        ):
            obj = self._trading_holder(record, sentence, clause_start, label_start)
        if obj is None:
            obj = connect_trader(self.text, metric, sentence, q.span[0])  # 北向资金减持…万股
        if obj is None:
            obj = self._sentence_scope(sentence, label_start)
        if obj is None and not led:
            obj = self._contributor(sentence, label_start, q)
        if obj is None and not led and metric not in _QUOTED_METRICS and "排名" not in metric:
            obj = self._part_opening_sentence(record, label_start)
        if obj is None and labelled and metric in SEGMENTED_METRICS and not led:
            obj = self._part_aside(clause_start, label_start)
        if obj is None and "排名" in metric:
            obj = self._ranked_within(sentence, label_start)
        if (
            obj is None
            and not led
            and ((labelled and metric in SEGMENTED_METRICS) or names_line_rate(metric))
        ):
            obj = self._part_before(sentence, clause_start, label_start)
        if obj is None:
            obj = self._officer(metric, sentence[0], label_start)
        if obj is None:
            obj = self._seats_traded(metric, seat, quote, sentence[0], label_start)
        if obj is None:
            obj = self._aspect(metric, sentence, clause_start)
        if obj is None and metric == "holding_value":
            obj = self._group_holder(sentence[0], label_start)  # 2家机构…，持股市值0.61亿元
        if obj is None and labelled and metric in SEGMENTED_METRICS and not led:
            obj = self._product_before(sentence, clause_start, label_start)
        if obj is None and self._after_launch(sentence, clause_start):
            return None
        if (
            obj is None
            and record.kind == "org"
            and REGION.fullmatch(record.name)
            and metric.endswith("率")
            and not self.text[clause_start:label_start].strip()
        ):
            obj = self._clause_topic(sentence, clause_start)
        if (
            obj is None
            and record.kind == "org"
            and BARE_SUM.fullmatch(metric)
            and not self.text[clause_start:label_start].strip()
        ):
            obj = counted_thing(self.text, sentence[0], clause_start)  # …达773单，财产规模达
        if obj is None:
            obj = self._line_of_rate(record.name, metric, sentence, label_start)
        if obj is None and labelled and metric in SEGMENTED_METRICS:
            obj = volume_part(
                self.text, self.last, self.last_end, record.name, sentence, label_start
            )
        if obj is None:
            obj = cause_of(
                self.text, clause_start, label_start, sentence[1]
            )  # 因某事导致的收益: that gain
        if obj is None:
            obj = tranche_of(self.text, clause_start, label_start)  # 品种二为某债券，规模为…
        if obj is None and not led:
            # 广告+电商给予5.1xPS，估值…; 或核心业务预测市盈率16倍: that part's value
            obj = valued_part(self.text, metric, sentence[0], clause_start, label_start)
        if obj is None and metric in _PRICE_PAID and record is not self.topic:
            obj = self._shares_bought_of(sentence, label_start)  # 买入公司股票…，买入价为…
        if obj is None and "该" in metric:
            obj = pointed_kind(self.text, metric, sentence[0], label_start)  # 占该笔票据的
        if obj is None and record.kind == "company":
            obj = market_of(self.text, clause_start, label_start)  # 在印度的出货量: that market's
        if metric == "raised" and record.kind in _ROUND_SUBJECT_KINDS:
            self.round_subject = record
        if metric == "invested" and self.round_subject and record.name != self.round_subject.name:
            obj = self.round_subject.name
        if metric == "invested" and obj is None:
            obj = self._investee(record.name, clause_start, label_start) or self._capital_of(
                record, sentence[0], clause_start, label_start
            )
        if metric == "invested":
            # 出资1000万元参与投资某某合伙企业, 其中公司认缴出资…, 项目总投资…: the target
            obj = investment_target(self.text, obj, sentence, clause_start, label_start, q.span[1])
        if obj is None and (
            (metric.startswith(_PROJECT_SUM) and "投资" in metric)
            or projected_return(self.text, metric, sentence[0], q.span[0])
        ):
            # 建设某某改扩建项目，项目计划总投资额…: the project the text named before (and
            # 经测算，总投资收益率…: the return worked out for it)
            obj = named_project(self.text, max(0, label_start - _PROJECT_REACH), label_start)
        if metric == "注册资本" and obj is None:
            obj = self._capital_of(record, clause_start, label_start + 4, label_start)
        if metric == "stake_pct" and _EACH_HELD.search(self.text, clause_start, label_start):
            if "、" in self.text[sentence[0] : clause_start]:
                return None  # 包括甲公司、乙公司，退出前均持股100%: each one's, in which unsaid
        if metric == "stake_pct":
            holder = (
                self._holder_pointed_back(record, sentence, label_start)
                or self._stake_holder(q)
                or holding_share_holder(
                    self.text, self.last, self.last_end, label_start, record.name
                )
                or traded_stake_holder(
                    self.text, self.last, self.last_end, label_start, record.name
                )
                or self._new_holder(sentence, label_start)
            )
            # 某某有限公司发生工商变更，新增股东…，持股25%: the stake is in that company
            held = registered_company(self.text, sentence[0], label_start)
            if holder is not None and holder != record.name:
                return self._fact_for(holder, metric, q, sentence, quote, held or record.name)
            obj = (
                self._stake_held_in(sentence, label_start)
                or self._stake_target(sentence[0], record.name)
                or held
                # 公司出资金额为…万元，持股比例为…: the stake bought in the company paid into
                or invested_stake_target(
                    self.text, self.last, self.last_end, label_start, record.name
                )
            )
        if metric in _QUOTED_METRICS and self._unlisted(record):
            return None  # 国电电力当前股价4.61元 under a title about 汇金: an investor has no quote
        self.last_record = record
        if obj is not None and record is self.topic:
            self.topic_part = (base_metric(metric), q.span[1])
        return self._fact_for(record.name, metric, q, sentence, quote, obj)

    def _part_continued(
        self, record: EntityRecord, sentence: tuple[int, int], label_start: int
    ) -> str:
        """The part of an economy the sentence right before named (全年轻工业实现营业收入22.4万亿
        元。实现利润1.4万亿元), when this one opens on a bare verb of achieving before its label
        and the last fact was that part's: it goes on with that part. "" when it does not."""
        part, last = self.economy_part, self.last
        if part is None or part[1] != sentence[0] or last is None:
            return ""
        if last.subject != record.name or not last.metric.startswith(part[0]):
            return ""
        if _BARE_ACHIEVED.fullmatch(self.text, sentence[0], label_start) is None:
            return ""
        return part[0]

    def _bought_leads(self, clause_start: int, label_start: int) -> bool:
        """Whether the clause opens with a company the text said was bought (甲以18亿元收购乙。
        乙2017-2020年累计实现净利润…): the target's figure, which no name carried from
        before (the buyer) owns."""
        if "购" not in self.text[:clause_start]:
            return False  # the common case, cheaply
        run = self.text[clause_start:label_start].lstrip()
        return any(
            run.startswith(bought["name"])
            for bought in _BOUGHT.finditer(self.text, 0, clause_start)
        )

    def _region_part(
        self, region: str, metric: str, clause_start: int, label_start: int
    ) -> str | None:
        """The part of an economy the words between its name and the label name (上海全市二手房
        累计成交金额: second-hand homes', not all the city's deals)."""
        named = [m for m in REGION.finditer(self.text, clause_start, label_start)]
        named += [m for m in CN_REGION.finditer(self.text, clause_start, label_start)]
        if not named:
            return None
        end = max(m.end() for m in named)
        if "的" in self.text[end:label_start]:
            return None  # 境外机构在中国债券市场的托管余额: see `_opening_part`
        if label_start - end < 2 or region not in (
            REGION_NAMES.get(named[0].group(), named[0].group()),
            *(cn_region_name(m) for m in named if m.re is CN_REGION),
        ):
            return None
        part = qualifier(self.text, end, label_start, [])
        return part if part and part not in metric else None

    def _shares_bought_of(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The company whose own stock the sentence says a buyer bought (某机构…从二级市场买入
        本次发行的股票…，买入价为…): the price is of that company's shares."""
        if _OWN_STOCK_BOUGHT.search(self.text, sentence[0], label_start) is None:
            return None
        filer = self.topic or next(
            (m.entity for m in self.mentions[:1] if self.text.startswith("公告", m.end)), None
        )  # (中国移动公告，… under a title naming the buyer too: the filer's)
        return filer.name if filer is not None and filer.kind == "company" else None

    def _share_owner(
        self, subject: str, sentence: tuple[int, int], clause_start: int
    ) -> str | None:
        """Whose a share is when its label names no part: the part of the share stated just
        before it in the sentence (某子公司营收占公司营收的比例为…，净利润占比为…), else the part
        the sentence opens with after 其中 (其中某类管理人28家，数量占比为…)."""
        last = self.last
        if (
            last is not None
            and last.subject == subject
            and last.object is None
            and sentence[0] <= self.last_end <= clause_start
            and (part := share_part(last.metric))
        ):
            return part
        if clause_start == sentence[0] or "其中" not in self.text[sentence[0] : sentence[0] + 4]:
            return None
        found = opening_qizhong_part(self.text, sentence[0])
        if found is None or self.names_between(found[1], clause_start):
            return None
        return found[0]

    def _new_holder(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The holder a register's change adds (新增股东某某有限公司，持股100%), by the name the
        dictionary files it under when it knows it."""
        found = new_holder(self.text, sentence[0], label_start)
        if found is None:
            return None
        name, lo, hi = found
        known = next((m.entity.name for m in self.mentions if lo <= m.start < hi), None)
        return known or name

    def _peer_since(self, named_end: int) -> bool:
        """Whether the last fact, stated after a name that ends at `named_end`, was a peer's
        no dictionary knows that led its clause (`unknown_lead`): the clauses after it that
        name no one are that peer's, not the name's written before."""
        last, record = self.last, self.last_record
        return (
            last is not None
            and record is not None
            and self.last_end > named_end
            and record.name in self.unnamed_leads
            and last.subject == record.name
        )

    def _index_led(self, clause_start: int, label_start: int) -> bool:
        """Whether the clause opens with an index or a sector no dictionary knows, named by
        its head (某行业指数累计跌幅达到14%): its move, not the subject carried from before's.
        (Which window a 累计 move spans the clause does not say: the figure is dropped.)"""
        if self._index_mover(clause_start, label_start) is None:
            return False
        self.mover = None
        return True

    def _region_owned(self, metric: str, clause_start: int, label_start: int) -> str:
        """中国某类投资者的渗透率达到50%: the words between an economy's name and the 的 of a
        rate no lexicon holds name who or what the rate is of (某类投资者渗透率), not the
        economy as a whole. So do they of a sum when the economy opens the clause (全球对冲基金
        的管理资产总规模; not 境外机构在中国债券市场的托管余额, whose holder is named before),
        and the words before a bare sum's 的 when its clause names no economy (即某某备付金的
        总额)."""
        sum_of = _OWNED_SUM.search(metric)
        if self.text[label_start - 1 : label_start] != "的" or not (
            metric.endswith("率") or sum_of
        ):
            return metric
        named = [r for r in REGION.finditer(self.text, clause_start, label_start - 1)]
        if not named and sum_of and sum_of.start() == 0:
            # 即支付备付金的总额达到…: a bare sum is of what its clause names before the 的
            owner = _BARE_OWNER.fullmatch(self.text, clause_start, label_start - 1)
            if owner is None or CLAUSE_LIKE.search(owner["words"]):
                return metric
            return owner["words"] + metric
        if not named or (
            sum_of and not metric.endswith("率") and self.text[clause_start : named[0].start()]
        ):
            return metric
        words = self.text[named[-1].end() : label_start - 1]
        if not metric.endswith("率"):
            # (a name of a kind of holder, 对冲基金, may hold a word qualifier() reads as a verb)
            plain = _OWNER_WORDS.fullmatch(words) and not CLAUSE_LIKE.search(words)
            return words + metric if plain else metric
        part = qualifier(self.text, named[-1].end(), label_start - 1, [])
        return words + metric if part == words and len(words) <= 8 else metric
