"""The fact reader: every shape and step put together, and the order they are tried in.

`FactReader.facts` walks a text sentence by sentence and hands each figure to `_fact`, which
tries the shapes from the most specific (a market day, a filing's balance) to the most general
(a label before or after the figure); a figure whose metric is read goes through `_labelled`
(`read_labelled`), which finds whose it is and which part of them. The shapes live in the
`read_*` module named for each family; the steps these two ask live beside them:
`read_unstated` (figures that state nothing), `read_narrowed` (a label narrowed by the words
around it), `read_from_to` (a step from one level to another), `read_owner` (whose a figure is
when not the subject's), `read_flows` (whose money a flow is) and `read_repairs` (a label read
across a clause), all on the `reader.Reader` every shape extends.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.bulletin import RESTATED, crop_yield
from touyan.facts.counted_as import counted_as
from touyan.facts.economy import TURNED
from touyan.facts.english_growth import change_to_level
from touyan.facts.extract import METRIC_MAX, ExtractedFact, label_after, label_before
from touyan.facts.fields import bracketed_unit
from touyan.facts.filings import unglued
from touyan.facts.label_tails import tidied_fact
from touyan.facts.labels import DATE_IN_LABEL, LABELS, WINDOW_MOVE, amount_unit, unit_fits
from touyan.facts.market import MARKET, quoted_in_hkd
from touyan.facts.read_bulletin import BulletinShapes
from touyan.facts.read_cards import CardShapes
from touyan.facts.read_flows import FlowSteps
from touyan.facts.read_from_to import FromToShapes
from touyan.facts.read_growth import GrowthShapes
from touyan.facts.read_labelled import LabelledSteps
from touyan.facts.read_labels import LabelShapes
from touyan.facts.read_market import MarketShapes
from touyan.facts.read_named import NamedShapes
from touyan.facts.read_narrowed import BARE_PEOPLE, NarrowedLabels
from touyan.facts.read_repairs import RepairedLabels, garbled
from touyan.facts.read_results import BARE_LABELS, ResultShapes
from touyan.facts.read_series import SeriesShapes
from touyan.facts.read_unstated import UnstatedSteps
from touyan.facts.read_vague import VagueLabels
from touyan.facts.read_yields import YieldShapes
from touyan.facts.runtable import run_together_tables
from touyan.text.numbers import Quantity, is_physical, parse_numbers

# A card's name field (股票名称：): what the fields after it are about. (Not a short name
# noted in brackets after a registered one, （以下简称：某某）: a name of the prose's.)
_NAME_FIELD = re.compile(
    r"(?<![（(])(?<!以下)(?:股票|基金|公司|证券|产品)?(?:名称|简称)\s*[:：]\s*"
)
# 越来越接近当初反弹的低价1.58元, 曾经高达200元: a figure of a past the text does not date,
# which no date named near it is the date of.
_UNDATED_PAST = re.compile(r"当初|曾经|昔日|往昔|上个?世纪")  # (上个世纪只有几段时期…)
# 若2025年医保谈判降价超5%，…: a clause that opens with if states a condition, not a figure.
_CONDITION = re.compile(r"\s*(?:若(?![干羽])|如果|假如|倘若|一旦)")

# What a figure is compared with (股息率5.15%，高于乙公司的3.36%): the other one's figure.
_COMPARED_WITH = re.compile(
    r"(?:高于|低于|超过|不及|优于|弱于|好于|差于|大于|小于|超出)"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{1,12}?)的\s*$"
)
# 低于行业均值21.53%, 高于同行业平均水平的: the figure after is a group's average the subject's
# is compared with, nobody's own.
_GROUP_AVERAGE = re.compile(
    r"(?:高于|低于|超过|不及|优于|弱于|接近|略高于|略低于|远高于|远低于)?"
    r"(?:所属|同)?(?:行业|同行|同业|板块|市场|可比公司)(?:整体)?"
    r"(?:平均值?|均值|中位数|平均水平)(?:水平)?的?(?:为|是)?\s*$"
)
_PERIOD_VERB_ENDS = frozenset("至到为达")  # ，“十二五”降至0.73
_OWNED = re.compile(r"的[\u4e00-\u9fff]{2,12}$")  # 云南和广东的弹性系数分别为
# A growth against a base, written right before the figure (同比增长, 较上年末下降, yoy).
_GROWTH = re.compile(
    r"(?P<kind>(?:同比)?[较比](?:去年|上年)同期|同比上一?年度?|同比|较上年末|比上年末|[较比]上年度|较上年|比上年|较年初|比年初|环比|较上季度|较上期|"
    r"比上期|较上月|比上月|(?:同比|[比较])(?:19|20)\d{2}年(?:末|底)?|按年|按月|"
    r"year[- ]over[- ]year|yoy)\s*"
    r"(?:大幅|小幅|仅|只|则|亦|也|仍)?"  # 按年则增18%: 则 joins the base to the verb
    r"(?:增长|增加|上升|提升|上涨|提高|下降|减少|下滑|降低|下跌|回落|暴涨|大增|激增|大涨|大跌|"
    r"暴跌|骤降|锐减|大降|暴增|骤增|增产|减产|上调|下调|增|降|减|涨|跌|up|down|rose|fell|grew)?"
    r"\s*(?:了|为|达|约|超|近|逾|达到)?\s*$",
    re.IGNORECASE,
)
# What every `_GROWTH` names its base with (同比, 较上年, 环比, yoy): a cheap test first.
_GROWTH_WORDS = re.compile(r"[比较按yY]")  # 按年, 按月: year and month on (Hong Kong usage)
_GROWTH_AFTER = re.compile(r"\s*(?:year[- ]over[- ]year|yoy|y/y|from a year (?:ago|earlier))", re.I)
_DIRECTION_BEFORE = re.compile(
    r"(?P<dir>up|down|rose|fell|grew|increased|decreased)\s*(?:by\s*)?$", re.I
)
# The month a central bank's meeting is in (3月, 12月份), not a day of it.
_OWN_TIME = re.compile(r"[年月]")
_MEETING_MONTH = re.compile(r"(?<![\d.])(?:1[0-2]|[1-9])月(?:份)?(?![\d日号])")
# A time other than a meeting's month (年底前, 年内, 某事之前): a horizon of its own.
_OTHER_HORIZON = re.compile(r"年底|年末|年内|明年|今年|[上下]半年|之前|以前")
# Lines a table header's metric carries on to the percentages under it.
_HEADER_WINDOW = 6
# "<subject>的<attribute>为<value>": the generic way Chinese data text states a figure. An
# attribute without a known metric is kept under its own name (近3年年化收益, 产品综合费率).
_ATTRIBUTE = re.compile(
    r"的(?P<label>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:就|也|仍)?(?:大约|大概|几乎|约)?(?:为|是|达到|高达|达)[+]?$"
)  # 的pe大约是14.88: the label is pe; 的可能性几乎为100%: the label is 可能性 (约为: 约 too)
# A growth verb without 同比 (第二产业投资增长8.9%, 食品价格下降0.6%).
_CHANGE = re.compile(
    r"(?:大幅|小幅)?(?:骤降|骤增|大降|大增|锐减|激增|暴跌|暴涨|增长|上涨|下降|增加|减少|回落|提高|"
    r"上升|下滑|增产|减产|增|降)(?:了|约|超|近|达)?\s*$"
)
# 产量减少46万吨, 总市值上涨了9477万, 增长了超88000万人: an amount's change, a revision
# (上调, 下调) among them, a bound allowed after the verb.
_AMOUNT_CHANGE = re.compile(
    r"(?:大幅|小幅)?(?:增长|上涨|下降|增加|减少|回落|提高|上升|下滑|增产|减产|上调|下调)"
    r"了?(?:约|超|近|达|逾|超过)?\s*$"
)
# 处置交易性金融资产取得的投资收益, 持有…产生的公允价值变动损益: the part of an income line a
# dealing in some assets produced (a one-off item), not the line the company reports.
_PRODUCED_BY = ("产生的", "取得的")
_TRADE_PRODUCED = re.compile(r"(?:处置|持有|出售|转让)[^，,。；;]{0,40}?(?:产生|取得)的$")
# Labels of a code or a number that names (股票代码, 公告编号, 联系电话): no quantity.
_IDENTIFIER = re.compile(r"(?:代码|编号|编码|号码|电话|邮编|证号)$")

# The units a market day's figures are in.
_DAY_UNITS = frozenset({"money", "shares", "count", "手", "%"})
# Right after a figure, what a bulletin's change or a rate's next term starts with: a comma.
_NEAR = re.compile(
    rf"[^\S\n]*[\u4e00-\u9fff]{{0,4}}[^\S\n]*(?:\[\d{{1,3}}\][^\S\n]*)?{RESTATED}[，,、]"
)

# What units sold are counted in: vehicles, machines, sets (not 家, 人, 户).
_UNITS = frozenset("辆台部架艘套")
# The window a count so far is counted over (今年以来已经3次登上龙虎榜).
_SO_FAR = re.compile(r"今年以来|年初至今|近(?:\d{1,3}|[一二三六])个?(?:交易日|月|周|日|天|年)")


class FactReader(
    MarketShapes,
    YieldShapes,
    ResultShapes,
    SeriesShapes,
    BulletinShapes,
    GrowthShapes,
    FromToShapes,
    NarrowedLabels,
    LabelShapes,
    NamedShapes,
    CardShapes,
    RepairedLabels,
    FlowSteps,
    LabelledSteps,
    UnstatedSteps,
    VagueLabels,
):
    """Reads the facts of one text: the shapes and steps, tried in order."""

    def facts(self) -> list[ExtractedFact]:
        out: list[ExtractedFact] = []
        header: tuple[int, str, str | None] | None = None  # (line, metric, company held)
        lines_seen = 0
        # handed out per sentence; the digits in dates were found with the dates
        pending = unglued(self.text, parse_numbers(self.text, self.date_spans))
        tables = run_together_tables(self.text, self.published_at) if "日期" in self.text else []
        if tables:  # a run-together table's digits are its cells, not numbers of the prose
            spans = {c.table for c in tables}
            pending = [q for q in pending if not any(a <= q.span[0] < b for a, b in spans)]
            # nor are its rows' dates what the prose after it is dated by
            self.dates = [d for d in self.dates if not any(a <= d.span[0] < b for a, b in spans)]
        cursor = 0
        # The words some checks below need, looked for once: a text without them skips them.
        name_fields = "名称" in self.text or "简称" in self.text  # 股票名称：
        undated_past = _UNDATED_PAST.search(self.text) is not None  # 当初, 曾经
        computed = "算" in self.text  # 以…计算, 按…测算: see `_basis`
        for sentence in self.sentences:
            lines_seen += 1
            if name_fields and (named := _NAME_FIELD.search(self.text, sentence[0], sentence[1])):
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
            self.stated = []
            for q in quantities:
                if self.runs and (run := self.runs.get(q.span[0])):
                    out.extend(self._fact_for(n, run[0], q, sentence, quote, None) for n in run[1])
                    self.prev_q = q
                    continue
                q = bracketed_unit(self.text, q)
                fact = self._fact(q, sentence, quote, header, lines_seen)
                if fact is not None:
                    clause_start = self._clause_start(sentence, q.span[0])
                    if (
                        self._unnamed_fund_result(fact, sentence)
                        or self._led_by_another(fact, sentence)
                        or self._anothers_holding(fact, sentence)
                        or self._turned_away(fact, clause_start, sentence)
                        or (computed and self._basis(q, sentence))
                        or _CONDITION.match(self.text, clause_start)
                        or self.sessionless(fact)
                        or self._misnamed(fact)
                        or self._owners_budget(fact.metric, q, sentence)
                        or (
                            undated_past
                            and _UNDATED_PAST.search(self.text, clause_start, q.span[0])
                        )
                    ):
                        fact = None
                if fact is not None:
                    fact = tidied_fact(fact, self.text, q.span[0])  # 收入规模已, 飙升至, 市场份额
                if fact is not None and garbled(fact.metric):
                    out.extend(self._repaired(fact))
                elif (
                    fact is not None
                    and len(fact.metric) <= METRIC_MAX
                    and self._quoted_in(fact, q, sentence)
                ):
                    if fact.currency == "CNY" and quoted_in_hkd(
                        fact.subject, fact.metric, q.text, self.text
                    ):
                        fact = replace(fact, currency="HKD")
                    out.append(fact)
                    self.stated.append((q, fact))
                self.prev_q = q
        out = self.restated(out)
        if self.segment_labels:  # a segment's figures under its letters: no company's own
            out = [f for f in out if f.subject not in self.segment_labels]
        return out

    def _fact(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        quote: str,
        header: tuple[int, str, str | None] | None,
        line_no: int,
    ) -> ExtractedFact | None:
        """The fact a figure states, tried from the most specific shape to the most general:
        a shape of its own, a list or a growth, then the label that names it."""
        before = self.text[q.span[0] - 1 : q.span[0]]  # the character right before the figure
        if self._states_nothing(q, sentence):
            return None
        if before == "的" and (
            compared := _COMPARED_WITH.search(
                self.text, max(sentence[0], q.span[0] - 18), q.span[0]
            )
        ):
            return self._compared(q, sentence, quote, compared)
        if self.breadth and q.unit == "count" and (counted := self.breadth.get(q.span[0])):
            self.last_record = MARKET  # 整体封板率, 成交额 said next are the market's too
            return self._fact_for(MARKET.name, counted[0], q, sentence, quote, counted[1])
        near = self.text[max(sentence[0], q.span[0] - 16) : q.span[0]]  # the words right before
        if ("均" in near or "中位数" in near) and _GROUP_AVERAGE.search(near):
            return None
        if shaped := self._specific_shape(q, sentence, quote):
            return shaped
        stepped, level = self._stepped(q, sentence, quote, header, before)
        if stepped:
            return level
        if before in _PERIOD_VERB_ENDS and (carried := self._next_period(q, sentence, quote)):
            return carried
        if before == "的" and (based := self._base_level(q, sentence, quote)):
            return based
        if (
            q.unit == "%"
            and "转为" in self.text[max(sentence[0], q.span[0] - 24) : q.span[0]]
            and (turned := TURNED.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0]))
        ):
            # 鲜菜价格由上月下降7.3%转为上涨3.3%: the figure after 转为 is the current one.
            if self.text.startswith("分别", turned.start() - 2):
                return self._turned_list(q, sentence, quote, turned.start() - 2)
            at = turned.start() - self.text.startswith("是", turned.start() - 1)  # 价格是由…
            return self._change(q, sentence, quote, at)
        respectively = self.text.rfind("分别", sentence[0], q.span[0])
        if respectively >= 0 and (
            (dated := self._dated_list(q, sentence, quote, respectively))
            or (dated := self._officers_paid(q, sentence, quote, respectively))
            or (named := self._named_measures(q, sentence, quote, respectively))
            or (grown := self._stated_growths(q, sentence, quote, respectively))
        ):
            return dated or named or grown
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
            # 玉米和大豆产量分别为5321.6亿斤和407.3亿斤
            if levels := self._respectively(q, sentence, quote, respectively, levels=True):
                return levels
        if (
            respectively >= 0
            and _OWNED.search(self.text, sentence[0], respectively)
            and (owned := self._respectively(q, sentence, quote, respectively, owned=True))
        ):
            return owned
        growth = _GROWTH.search(near) if _GROWTH_WORDS.search(near) else None
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
        found = label_before(self.text, q.span[0])
        stated: tuple[str, int] | None = None
        if found and not unit_fits(found[0], q) and q.unit == "%":
            # 主力资金净流入…，占总成交额3.23%: 成交额 names the whole, not this figure.
            if follow := self._follow_on(q, sentence, quote):
                return follow
            if stated := self._share_stated(q, sentence):
                found = None  # 国内业务收入占公司营收的65%: 营收 names the whole
        if found:
            narrowed = self._narrowed_label(found, q, sentence)
            if narrowed is None:
                return None
            metric, label_start, q = narrowed
        elif after := label_after(self.text, q.span[1]):
            metric = after
        elif name := self._named_after(q, sentence):
            fact = self._labelled(q, sentence, quote, header, name, q.span[0], labelled=False)
            if fact is None or (q.unit == "%" and fact.metric.endswith("_forecast")):
                return None  # 计划…，叠加0.5%的股息率: a plan's word governs no rate after it
            a_move = fact.metric == "change_pct" or bool(WINDOW_MOVE.fullmatch(fact.metric))
            if a_move and fact.value > 0 and self._falls_after(q):
                return replace(fact, value=-fact.value)  # 4.29%的跌幅, 近一周2.27%的跌幅: a fall
            if q.unit == "count":
                return self._count_so_far(fact, sentence, q)
            return fact
        elif header and line_no - header[0] <= _HEADER_WINDOW and q.unit == "%":
            metric = header[1]
        elif attribute := _ATTRIBUTE.search(self.text, max(sentence[0], q.span[0] - 24), q.span[0]):
            if self._not_an_attribute(sentence, attribute):
                return None
            if DATE_IN_LABEL.search(attribute.group("label")) and (
                series := self._series(q, sentence, quote)
            ):
                return series
            if (said := self._attribute_label(sentence, attribute)) is None:
                return None
            metric, label_start = said
        elif shared := stated or self._share_stated(q, sentence) or self._part_count(q, sentence):
            metric, label_start = shared
        elif ("单产" in self.text or "产量" in self.text) and (
            crop := crop_yield(self.text, sentence[0], q.span[0], self._said_before(q.span[0]))
        ):
            metric, label_start = crop
        elif measured := self._measure(q, sentence):
            metric, label_start = measured
            metric = self._rate_of_change(self._order_size(metric, sentence), q)
            if metric in BARE_PEOPLE and self.text[label_start - 1 : label_start] == "的":
                # 参与某运动的人数已达3亿: those the clause before the 的 names
                if not (metric := self._narrowed_people(metric, sentence, label_start)):
                    return None
        elif series := self._series(q, sentence, quote):
            return series
        elif q.unit == "%" and (follow := self._follow_on(q, sentence, quote)):
            return follow
        elif q.unit == "%" and (move := self._move(q, sentence)):
            metric, label_start = move
            sized = metric in ("max_gain_pct", "max_fall_pct")  # told as its size, as 最大跌幅
            if "跌" in self.text[label_start : q.span[0]] and q.value > 0 and not sized:
                q = replace(q, value=-q.value, negative=True)  # 跌超9%: a fall
            if self.mover is not None and self.mover.kind == "index":
                # 通用设备指数涨6.04%: the index or sector named by its own head moved
                board, self.mover = self.mover, None
                if not board.name.endswith("概念"):
                    # (a stock's concept board is told as an aside: the text stays on the stock)
                    self.last_record = board
                return self._fact_for(board.name, metric, q, sentence, quote, None)
        elif q.unit == "%" and (
            change := _CHANGE.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0])
        ):
            return self._change(q, sentence, quote, change.start())
        elif (
            amount_unit(q.unit)
            and (
                change := _AMOUNT_CHANGE.search(
                    self.text, max(sentence[0], q.span[0] - 8), q.span[0]
                )
            )
            and (changed := self._amount_change(q, sentence, quote, change.start()))
        ):
            return changed
        if metric is None:
            level = self._level_before_growth(q, sentence, quote)
            if level is not None:
                level = self._units_sold(level, q, sentence, quote)
            if level is not None and level.object is None:
                level = self._level_of_part(level, sentence, q)
            return level or self._named(q, sentence, quote)
        if (cut := metric.rfind("情况")) > 0 and len(metric) - cut - 2 >= 4:
            metric = metric[cut + 2 :]  # 种猪销售情况种猪销售数量: a heading run into the label
        if metric in BARE_LABELS and (metric := self._bare(metric, sentence, label_start)) is None:
            return None
        if self.text.endswith(_PRODUCED_BY, 0, label_start) and _TRADE_PRODUCED.search(
            self.text, max(sentence[0], label_start - 48), label_start
        ):
            # 处置交易性金融资产取得的投资收益为…: one source's part, not the item
            if (item := self._produced_item(sentence, label_start, q.span[0])) is None:
                return None
            metric = item
        if _IDENTIFIER.search(metric):
            return None  # 小米的股票代码为1810: a code names something, it measures nothing
        if (well := self._named_well(metric, q, sentence, label_start)) is None:
            return None
        metric, q = well
        if (count := counted_as(metric, q, self.text, label_start)) is None:
            return None  # "revenue of 3 million units": a count of goods, no money
        metric, q = count  # "sales of 2.1 million units": units sold; 规模500人: the staff
        if metric == "revenue" and "GAAP" in self.text[label_start : q.span[0]].upper():
            # 营业收入GAAP 71亿美元: revenue is no figure reported on and off GAAP; a 营业收入
            # marked so is a translated income line (operating or net income), which one the
            # words do not tell
            return None
        metric = self._flow_of_last(metric, sentence, label_start)
        metric = self._held_of_last(metric, sentence, label_start)
        fact = self._labelled(
            q, sentence, quote, header, metric, label_start, labelled=found is not None
        )
        if (
            fact is not None
            and fact.metric.endswith("概率")
            and fact.period is None
            and not _OWN_TIME.search(fact.metric)  # 年底前加息40个基点的概率: its own time
        ):
            # 某央行3月…加息25个基点的概率为…；5月…: the chance is of the meeting the month
            # the sentence named last before it holds, which one label for both would lose
            months = list(_MEETING_MONTH.finditer(self.text, sentence[0], label_start))
            if months and not _OTHER_HORIZON.search(self.text, months[-1].end(), label_start):
                # (6月加息10个基点的可能性为80%，年底前加息40个基点的可能性…，而在某发布会之前，
                # 加息30个基点的可能性…: a time named since is that chance's, the month not)
                fact = replace(fact, period=months[-1].group())
        return fact

    def _specific_shape(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """The shapes tried before any list or growth: each names its figure in its own way
        (a seat's trade, a market day, a filing's balance, a bulletin's change), so the first
        that reads the figure states its fact."""
        if self.seats and q.unit == "money" and (seat := self._seat(q, sentence, quote)):
            return seat
        if card := self._card(q, sentence, quote):
            return card
        if (
            q.unit in _DAY_UNITS
            and (
                self.day_words
                or (self.last is not None and self.last.metric in ("change_pct", "price", "close"))
            )
            and (day := self._market_day(q, sentence, quote))
        ):
            return day
        if windowed := self._window_item(q, sentence, quote):
            return windowed
        if self.year_ranges and (yearly := self._year_series(q, sentence, quote)):
            return yearly
        if q.unit == "money" and (
            dated := self._dated_price(q, sentence, quote) or self._level_on_day(q, sentence, quote)
        ):
            return dated
        if filed := self._filed(q, sentence, quote):
            return filed
        if (q.unit in ("%", "money", "") or is_physical(q.unit)) and (
            across := self._across_date(q, sentence, quote)
        ):
            return across
        if q.unit == "shares" and (held := self._shares_held(q, sentence, quote)):
            return held
        if level := self._level_after_growth(q, sentence, quote):
            return level
        if self.english and (changed := self._english_change(q, sentence, quote)):
            return changed
        if (
            self.yields
            and q.unit in ("%", "bp")
            and (quoted := self._yield_figure(q, sentence, quote))
        ):
            return quoted
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
        return None

    def _english_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """Net sales growth of 2.4% to $45.3 billion: the growth, then the level reached."""
        read = change_to_level(self.text, q.span[0], q.span[1], q.unit == "%")
        if read is None:
            return None
        metric, label_start, fell = read
        record = self._subject_or_region(label_start, sentence)
        if record is None:
            return None
        fact = self._fact_for(record.name, metric, q, sentence, quote, None)
        return replace(fact, value=-fact.value) if fell and fact.value > 0 else fact

    def _units_sold(
        self, level: ExtractedFact, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact:
        """吉利中国星销售33万辆，同比增长10%: units sold (销售 before a count of vehicles or
        machines) are what 销量 names, of the line the words before 销售 name; else the level
        as the text's own words name it."""
        if not (level.metric.endswith("销售") and q.classifier and q.classifier in _UNITS):
            return level
        at = self.text.rfind("销售", sentence[0], q.span[0])
        sold = self._labelled(q, sentence, quote, None, "deliveries", at, labelled=True)
        if sold is not None and sold.object and sold.subject == level.subject:
            return sold
        self.last = level  # the part is not named: the growth after is the level's
        return level

    def _count_so_far(
        self, fact: ExtractedFact, sentence: tuple[int, int], q: Quantity
    ) -> ExtractedFact:
        """今年以来已经3次登上龙虎榜，最近一次登上龙虎榜为4月8日: a count so far, dated by no
        day before it in its clause, is the day of writing's, over the window it names (a day
        after it is another figure's)."""
        clause_start = self._clause_start(sentence, q.span[0])
        before = [d for d in self.dates if clause_start <= d.span[0] < q.span[0]]
        if any(d.granularity != "relative" for d in before) or self.published_at is None:
            return fact
        named = _SO_FAR.search(self.text, clause_start, q.span[0])
        window = named.group() if named else before[-1].text if before else None
        return replace(fact, as_of=self.published_at, period=window)
