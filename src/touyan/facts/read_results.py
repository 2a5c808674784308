"""Shapes of company results and holdings: filings prose (期初余额…本期增加), shares held
by a named holder, a holdings table's rows and header, a stake's target and a balance's
bare label."""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.entities import EntityRecord
from touyan.facts.extract import CLAUSE_BREAK, TOPIC_KINDS, ExtractedFact
from touyan.facts.filings import (
    BALANCE_ENDINGS,
    PERIODS,
    across_tail,
    contributed_part,
    date_after_label,
    from_to,
    growth_over_base,
    loss,
    movement_metric,
    named_rate_change,
    opening_metric,
    per_ten_shares,
    points_on_quarter,
    points_over_base,
)
from touyan.facts.holders import opening_holder, self_holds, trader_holds
from touyan.facts.labels import BALANCES, DAILY_METRICS, base_metric, unit_fits
from touyan.facts.name_forms import plausible_name
from touyan.facts.reader import Reader
from touyan.facts.runtable import Cell
from touyan.text.numbers import Quantity

_HOLDER = re.compile(
    r"(?:股东|董事|监事|高管|董事长|总经理|实际控制人|实控人)"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=先生|女士|于|通过|以|在|累计|计划|拟|已|减持|增持)"
)
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
# A group of holders a text counts rather than names (前十大股东持股数量, 共有2家机构持仓…，
# 合计持股数): whose holding it is, which is not the company's own.
_GROUP_HOLDER = re.compile(
    r"前(?:十|10|五|5)大(?:流通)?股东|(?:\d{1,4}|[一二三四五六七八九十两]{1,3})只?家?"
    r"(?:机构|基金|公募基金|券商|QFII|社保|险资|私募|保险)(?=持|合计|共|，|,)|机构投资者"
)
# 持有, 持股, 配置 (a fund's or the state's allocation), not 增持/减持 (a change).
_HOLD_VERB = re.compile(r"(?<![增减])(?:持有|持股|配置)")
_HELD_TAIL = re.compile(
    r"的?(?:公司)?(?:股份|股票|A股|(?:无限售(?:条件)?|有限售(?:条件)?|限售)?流通股|限售股)?(?:数量?)?\s*"
    r"(?:为|达到|达|高达|约|近|超过|超|逾|共计|共|合计|累计|\s)*"
)
# A name written right before the kind of shares held (某某银行持有某某发展无限售流通股1875万
# 股): the company held, though the dictionary does not know it.
_HELD_NAME = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?=的?(?:股份|股票|A股|(?:无限售|有限售|限售)(?:条件)?流通股|流通股))"
)
_PER_ACCOUNT = re.compile(r"户均|人均|平均")
# The Stock Connect channels, which hold shares as one holder (深股通持有某某2104.5万股).
_CONNECT_HOLDER = re.compile(r"(?:沪深股通|沪股通|深股通|陆股通|北向资金|港股通)$")
_CODE_BEFORE = re.compile(r"[(（]\d{6}(?:\.[A-Z]{2})?[)）]$")


def _cells(line: str) -> list[str]:
    """Cells of a table line: pipe-separated Markdown, or whitespace-separated plain text."""
    line = line.strip()
    parts = line.strip("|").split("|") if "|" in line else line.split()
    return [p.strip() for p in parts if p.strip()]


# Labels that name no figure alone (see `ResultShapes._bare`).
BARE_LABELS = frozenset({"增幅", "降幅", "金额", *BALANCES})


class ResultShapes(Reader):
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
                # 期间费用率同比下降0.8个百分点至15.6%: the rate's new level.
                metric = last.metric.removesuffix("_change")
                return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
            fell = growth_over_base(between)
            if fell is None:
                return None
            q = replace(q, value=-abs(q.value), negative=True) if fell else q
            metric = base_metric(last.metric) + "_yoy"
            return self._fact_for(last.subject, metric, q, sentence, quote, last.object)
        if last is not None and unit == "pp" and between:
            # 毛利率为21.35%，较上年同期的23.02%，下滑1.67pct, 毛利率47.3%，同比-2.15pct，
            # 环比+0.42pct: the rate's change in points, on the year, then on the quarter.
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
        breaks = CLAUSE_BREAK.finditer(self.text, lo, q.span[0])
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
        rate = metric.removesuffix("_change")
        line = self._line_of_rate(record.name, rate, sentence, start) if q.unit == "pp" else None
        fact = self._fact_for(record.name, metric, q, sentence, quote, line)
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
        if record is None or record.kind not in TOPIC_KINDS:
            return None
        return self._fact_for(record.name, found[0], q, sentence, quote, None)

    def _table_facts(
        self, cells: list[Cell], sentence: tuple[int, int], quote: str
    ) -> list[ExtractedFact]:
        """The cells of the run-together tables that start in this sentence, about the stock
        the sentence or the text is about (近日该股表现日期涨跌幅…)."""
        mine = [c for c in cells if sentence[0] <= c.table[0] < sentence[1]]
        if not mine:
            return []
        record = self._subject_or_region(mine[0].table[0], sentence)
        if record is None or record.kind not in TOPIC_KINDS:
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

    def _shares_held(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """中央汇金持有软控股份3325万股, 汇金持股2987万股: a holding in shares.

        Filed under the company held, which a text names exactly or writes right before the
        kind of shares (持有某某发展无限售流通股), with the holder as object
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
        held_name: str | None = None
        if inside:
            held, rest = inside[0].entity, inside[0].end
        elif (named := _HELD_NAME.match(self.text, rest, q.span[0])) and plausible_name(
            named["name"]
        ) == named["name"]:
            held_name, rest = named["name"], named.end()
        if not _HELD_TAIL.fullmatch(self.text, rest, q.span[0]):
            return None
        holder = self._named_holder(clause_start, verb.start())
        if holder is None and (
            ranked := _RANKED_HOLDER.search(self.text, sentence[0], verb.start())
        ):
            # 香港中央结算有限公司位居第三大流通股东，持股2529.91万股: the holder ranked before.
            holder = self._named_holder(sentence[0], ranked.start())
        if holder is None:
            holder = self._group_holder(sentence[0], verb.start())
        if holder is None:
            # 某某投资公司周三卖出了15万股甲公司，…，目前仅持有3600多股: the trader's holding
            holder = trader_holds(self.text, sentence[0], clause_start, verb.start())
        metric = "shares_held"
        starts = [clause_start]  # (or after the company named first: 某某公司股东某某持有)
        starts += [m.end for m in self.mentions if clause_start < m.end < verb.start()]
        if holder is None and (
            opening := opening_holder(self.text, starts, verb.span(), q.span[1])
        ):
            # 股东某某合计出售所持有的公司1132万股: a holder no dictionary knows, and its sale
            holder = opening.name
            if opening.sells:
                metric = "shares_sold_forecast" if opening.planned else "shares_sold"
        own = self.topic or self.sole
        if (
            holder is None
            and held_name is not None
            and own is not None
            and self_holds(self.text, clause_start, verb.start())
        ):
            holder = own.name  # 公司持有某某的股份为…: the company's holding in another
        if held_name is not None and held_name != holder:
            return self._fact_for(held_name, metric, q, sentence, quote, holder)
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
            # 远帆汽车当前股价7.38元汇金持股1.46亿股 under a title about 汇金: the investor's
            # holding in a company the text names in a way not recognised.
            return self._fact_for(held.name, "holding_shares", q, sentence, quote, None)
        return self._fact_for(held.name, metric, q, sentence, quote, holder)

    def _group_holder(self, lo: int, hi: int) -> str | None:
        """The group of holders counted before `hi` (前十大股东, 2家机构), the last one."""
        found = list(_GROUP_HOLDER.finditer(self.text, lo, hi))
        return found[-1].group() if found else None

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
        if connect := _CONNECT_HOLDER.search(self.text, max(clause_start, end - 4), end):
            return connect.group()
        return orgs[-1].group() if orgs and orgs[-1].end() == end else None

    def _bare(self, label: str, sentence: tuple[int, int], label_start: int) -> str | None:
        """增幅, 金额 name no figure alone: 股东户数增加至3.84万户，增幅为2.63% is the count's
        rise, 主力资金出现流出，金额为… the main force's outflow; else nothing is said."""
        if label == "金额":
            flow = _FLOW_BEFORE.search(self.text, sentence[0], label_start)
            return f"main_net_{'outflow' if flow['way'] == '出' else 'inflow'}" if flow else None
        last = self.last
        if label in BALANCES:
            # 职工福利费期初余额为…，期末余额为…: the item of the balance just stated; 公司的应收
            # 票据主要由商业承兑汇票构成，期末余额为…: the item the sentence is about.
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
        return f"{base_metric(last.metric)}{label}"

    def _holder(self, sentence_start: int, label_start: int) -> str | None:
        """A named shareholder or officer (股东张三) not in the dictionary."""
        found = list(_HOLDER.finditer(self.text, sentence_start, label_start))
        return found[-1].group("name") if found else None

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
