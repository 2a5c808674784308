"""Figures read against another figure: growths (同比增长), changes, a level written
before or after its growth, paired growths (同环比+2.7%/-2.7%) and a share of, or margin over,
the figure just stated."""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.bulletin import change_suffix, restated
from touyan.facts.economy import CN_REGION, REGION
from touyan.facts.extract import (
    MEASURE_HEAD,
    ExtractedFact,
    label_before,
)
from touyan.facts.labels import (
    DATE_IN_LABEL,
    KNOWN_METRICS,
    LABEL_METRIC,
    SEGMENTED_METRICS,
    amount_unit,
    base_metric,
    stake_move,
    unit_fits,
)
from touyan.facts.plans import contribution_stake
from touyan.facts.read_indicators import CUMULATIVE_WINDOW, INDICATOR
from touyan.facts.reader import Reader
from touyan.facts.volume_parts import volume_part
from touyan.text.numbers import Quantity

# 营收341.6亿元，同环比+2.7%/-2.7%: year on year, then quarter on quarter.

# A market index and the session its move is of (某某225指数开盘, 某某指数收盘): the index's
# move; an economy's price index (居民消费价格指数) names no session.
_SESSION_INDEX = re.compile(
    r"(?P<index>[\u4e00-\u9fffA-Za-z0-9]{2,12}?指数)(?:开盘|收盘|早盘|午盘|尾盘|盘中|午间)"
)

_PAIR_FIRST = re.compile(r"\s*[，,]?\s*同环比(?:分别)?(?:为)?\s*$")
# 营收529.14亿/+7%, 营收341.6亿元，同环比+2.7%/-2.7%: a slash between two figures.
_SLASH = re.compile(r"\s*/\s*")
_LEVEL_AFTER = re.compile(r"\s*[，,]\s*(?:达到|达|至|升至|增至|降至|为)了?\s*")
# A quote after an instrument's move (上涨0.1%至86.17美元/桶, 跌1%，报每盎司3300美元).
_QUOTE_AFTER = re.compile(
    r"\s*[，,]?\s*(?:至|报|收于|收报|报收于)\s*(?:每(?:桶|盎司|吨|磅|克|蒲式耳))?\s*"
)
_VERSUS = re.compile(
    r"[，,]\s*(?P<verb>超过|跑赢|跑输|低于|高于|超越)(?P<base>[\u4e00-\u9fffA-Za-z0-9\-]{0,14}?)\s*"
)
_SHARE_OF = re.compile(
    r"\s*[，,、]?\s*(?:占|约占)(?P<base>[\u4e00-\u9fffA-Za-z]{1,10}?)的?(?:比例|比重|比)?(?:为|达|约)?\s*"
)
_GROWTH_REACH = 24
# 净亏损大幅收窄，同比降低超60%: a loss that narrowed or widened, its growth in the next clause.
_LOSS_MOVED = re.compile(
    r"(?P<label>(?:净|经营|营业|扣非)?亏损(?:额)?)(?:大幅|明显|显著|进一步|持续|有所)?"
    r"(?:收窄|扩大|减少|增加)[^\S\n]*[，,][^\S\n]*$"
)
# A note in brackets right after a figure (人均薪酬23.1万元（注：按…计算而来），同比增5.68%):
# no figure in it, it stands between the figure and its growth without taking the growth.
_NOTE_AFTER = re.compile(r"[^\S\n]*[（(][^（）()\n\d]{1,80}[)）]")


def _aside_length(text: str, end: int, growth_start: int) -> int:
    """How long the note in brackets right after a figure ending at `end` is, else 0."""
    if growth_start - end <= _GROWTH_REACH or text[end : end + 2].strip()[:1] not in "（(":
        return 0
    found = _NOTE_AFTER.match(text, end, growth_start)
    return len(found.group()) if found else 0


# A ；-clause opening with words of its own between a figure and a growth (but ；环比下降0.3%:
# the same measure's growth on another base).
_OTHER_CLAUSE = re.compile(r"[；;][^，,；;]*[\u4e00-\u9fff]{2}")
_YEAR_AGO_BASE = re.compile(r"(?:上年|去年)同期(?:为|是)?\s*$")
# 比上年度下调5万吨: a forecast's revision is its change too.
_CHANGE_VERB = re.compile(
    r"增长|增加|上升|提升|上涨|提高|下降|减少|下滑|降低|下跌|回落|上调|下调|增|降"
)
_THE_STOCK = frozenset({"该股", "股价", "个股", "该股股价", "公司股价", "其股价"})
# 股价突然暴涨6.73%, 该股再度大跌5%, 股价逆势上涨2%: the stock's move, with a word of manner
# or sequence between (not 一度, which tells of a peak within the session).
_STOCK_ADVERB = re.compile(
    r"(?:该股|股价|个股|该股股价|公司股价|其股价)"
    r"(?:突然|骤然|再度|再次|应声|随即|随之|也|亦|更是|逆势|逆市|强势)"
)
# A stock's move in one session (股价一天暴涨29.99%, 单日大涨): the day's move, not a growth.
_ONE_DAY = re.compile(r"(?:该股|股价|个股)?(?:一天|单日|一日|当天|当日)(?:内)?")
# What names no figure that changed: a time word only (本月暴跌近48%: the month's move of what
# the sentence named before), a country's stock market (某国股市1月份上涨了7%: that market's
# move, which no name carried from before owns), or a company related to the one named (某某
# 母公司上涨9%: the parent's share price, not a figure of the name before it).
_NOT_AN_INDICATOR = re.compile(
    r"(?:但|而)?(?:本|当|这个?|上个?)(?:月|周|季度?)(?:以来)?|.*股市(?!值).*"
    r"|(?:其|该)?(?:母|子|控股|参股|关联)公司|(?:其|该)?(?:母|控股)集团"
    # 保费一夜暴涨: a jump overnight, over no base a growth is measured against
    r"|.{0,12}(?:一夜|一夜之间|一夕之间)"
)
# A trailing window's price or net value (近三年净值, 近6个月股价): what moves over it.
_WINDOW_PRICE = re.compile(
    r"(?:近|过去|最近)(?:\d+|[一二两三四五六七八九十半]+)个?(?:年|月|季度|周|交易日|日|天)"
    r"(?:以来)?(?:的)?(?:单位)?(?:净值|股价)(?:累计)?"
)
# A stock's move since a point the text names (本期筹码集中以来股价累计上涨3.44%, 上市以来):
# over that span, not year on year.
_SINCE_MOVE = re.compile(r"(?P<since>[\u4e00-\u9fff]{2,12}?以来)(?:该股|股价|个股)?(?:累计)?")
# A level's growth written right after it: 3.82亿人次，同比增长6.0%.
_GROWTH_NEXT = re.compile(
    r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,][^\S\n]*"
    r"(?:同比|环比|较上年同期|比上年同期|较上年|比上年|较去年同期|较(?:19|20)\d{2}年)[^\S\n]*"
    r"(?:大幅|小幅)?(?:增长|增加|上升|提升|提高|下降|减少|下滑|回落|增|降|减|[+-]\d)"
)
_LEVEL_CONNECTORS = re.compile(
    r"(?:首次|再次|一举)?(?:累计|合计|共)?(?:达到|达|完成|实现|突破|超过|超|逾|约|近|为)?了?[^\S\n]*$"
)
# 同比减2.83%, 较上年下滑5%: a fall the number's own parse may not sign.
_FALL_AFTER_BASE = re.compile(
    r"(?:下降|减少|下滑|降低|下跌|回落|大跌|减产|锐减|骤降|暴跌|大降|下调|减|降|跌)\s*"
    r"(?:了|为|达|约|超|近|逾|达到)?\s*$"
)
_COMPANY_LEAD = re.compile(r"(?:当年|当期|本期|报告期内?)?(?:该公司|本公司|公司)")
# The figure just stated's window from the year's start, opening the next clause.
_WINDOW_NEXT = re.compile(rf"[^\S\n]*[，,；;][^\S\n]*(?:{CUMULATIVE_WINDOW.pattern})[^\S\n]*")
# What an amount's change is the change of: a measure counted or summed (产量, 面积, 市值,
# 收入), not a rate or a price, whose change a bare amount would not state in its own unit.
_AMOUNT_HEAD = re.compile(
    r"(?:产量|销量|面积|市值|规模|收入|营收|利润|净利|人口|人数|产能|资产|负债|支出|投资|用户|"
    r"户数|股本|余额|订单|出口额|进口额|成交额|总额|存量|储量|库存)$"
)
# A change over a span of years (经过70多年, 40年来): dated by no year the sentence names.
_YEARS_SPAN = re.compile(r"[\d一二三四五六七八九十]+[多余]?年(?:来|间|里|中)|经过|历经")
# The figure just stated, its unit word allowed between (早稻产量2812万吨，减产0.4%).
# A part a clause opens with (其中集装箱运输), and how a measure's name ends.
_PART_LEAD = re.compile(r"其中[，,]?\s*$")
_MEASURED = re.compile(rf"(?:{MEASURE_HEAD}|量|总额|指数|价格|外资)$")
# The next part of a list a 其中 opened (其中甲业增长10.7%，乙业增长19.2%): a comma or a 、
# between the part just read and this one.
_BASE_YEAR = re.compile(r"(?:同比|[比较])(?P<year>(?:19|20)\d{2})年")
_NEXT_PART = re.compile(r"[^\S\n]*[，,、][^\S\n]*")
# A span a move is summed over (本周累计上涨, 开年以来涨): the span's move, not a growth on the
# year.
_SPAN_MOVE = re.compile(
    r"(?P<span>本周|上周|当周|本月|上月|当月|今年以来|年初以来|开年以来|年初至今|年内)(?:累计)?"
)
# A stock market's index (某某综合指数, 某某225指数, 某某成分指数): a move of its level is the
# index's price change, not a growth of an economy's measure on the year.
_MARKET_INDEX = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,10}?(?:综合|成分|成份|\d{2,4})指数|(?:股|股价|股票)指数"
    # an index house's series (恒生某某企业指数, 中证某某指数): a stock market's, by its name
    r"|(?:恒生|中证|上证|深证|国证|标普|富时|道琼斯|纳斯达克|日经|MSCI)"
    r"[\u4e00-\u9fffA-Za-z0-9]{0,24}指数"
)
# 将某商品的价格提高了15%: someone raising a price (the text's doer, not the subject named
# before), not the price's growth on the year.
_RAISED_BY = re.compile(r"[将把][\u4e00-\u9fffA-Za-z0-9]{1,16}的$")
_JUST_STATED = re.compile(r"[^\S\n]*[\u4e00-\u9fffA-Za-z]{0,3}[，,]\s*")  # (434.9万TB，增长)
# Names that are no good priced: a price or an index of its own (出厂价格（PPI）, 核心CPI), a
# list (A和B均), an average or a scope of the whole (城市, 农村) whose index it is.
_NOT_A_GOOD = re.compile(
    r"价|指数|[CPR]PI|PMI|^[A-Za-z]+$|[和及与、均]|平均|实际|名义|经济|进口|出口|贸易|消费|投资|生产|"
    r"^(?:城市|农村|城镇|乡村|全国)$"
)
# A price index's name (居民消费价格, 出厂价格): a figure of its own, no list of goods' prices.
_PRICE_INDEX = re.compile(r"(?:消费|出厂|购进|零售)价格|价格因素")  # (扣除价格因素: a deflator)
# A measure named anywhere in a run, a price among them (`_priced`).
_ANY_HEAD = re.compile(rf"价格|{MEASURE_HEAD}")
# Between the whole's figure (or its growth) and a part's name: 其中 opening the next clause.
_PART_AFTER = re.compile(r"[^\S\n]*[\u4e00-\u9fff]{0,3}[，,；;][^\S\n]*其中[，,]?[^\S\n]*")
# 两年平均增长4.8%, 实际增长9.4%, 两年平均名义增长6.9%: words that say how a growth is
# measured and name nothing that grew; what grew is the level the sentence stated last.
_GROWTH_KIND_ONLY = re.compile(
    r"(?:扣除价格因素)?(?P<kind>(?:(?:两|三|[二三四五])年)?(?:平均)?(?:名义|实际)?)"
)
_KIND_TAIL = re.compile(r"(?:(?:两|三|[二三四五])年)?(?:平均)?(?:名义|实际)?$")
_AGAINST_TAIL = re.compile(r"较(?:19|20)\d{2}年增幅$")  # see `_against_year`
_CHANGED_BY = re.compile(r"(?:增加|减少|增长|下降|提高|降低|上升|增|减)了?\s*$")
_ACHIEVED = re.compile(r"实现(?=[\u4e00-\u9fff]{2,12}$)")
_OUR_PLACE = re.compile(r"^(?:我|本)(?:市|省|区|县)")  # 我市地区生产总值: the region's own


class GrowthShapes(Reader):
    def _level_before_growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """全省公路发送旅客1.26亿人次，同比增长4.3%: a figure named in the text's own words.

        A name no label list holds is taken only when the growth of the figure follows it
        (，同比增长, ，较上年增加): a figure with a change beside it is a measured quantity, so
        the words before it name a metric, not a clause. The growth then follows it as usual.
        """
        if (
            q.unit == "shares"
            or not amount_unit(q.unit)
            or not _GROWTH_NEXT.match(self.text, q.span[1])
        ):
            return None
        lead = _LEVEL_CONNECTORS.search(self.text, max(sentence[0], q.span[0] - 8), q.span[0])
        end = lead.start() if lead else q.span[0]
        named = self._indicator(sentence, end)
        if named is None or len(named[0]) > 12 or named[0] in _THE_STOCK:
            return None
        metric, label_start = named
        if not unit_fits(metric, q) or DATE_IN_LABEL.search(metric):
            return None
        record = self._subject_or_region(label_start, sentence)
        if record is None or ("公司" in metric and record.kind != "company"):
            return None  # 公司营收突破35亿元 is a company's, not the economy's
        if stated := _COMPANY_LEAD.match(metric):
            metric = metric[stated.end() :]  # 当年公司员工总数: the figure is 员工总数
        if whole := self._whole_of_part(record.name, metric, label_start, q):
            return self._fact_for(record.name, whole, q, sentence, quote, metric)
        part = self._part_opening_sentence(record, label_start)  # 某市二手房成交金额…，成交套数
        return self._fact_for(record.name, metric, q, sentence, quote, part)

    def _whole_of_part(self, subject: str, part: str, label_start: int, q: Quantity) -> str | None:
        """销量45万辆，同比增长13%；其中某类车型7万辆，同比增长25%: a name with no measure
        of its own, opened by 其中 right after the whole's figure or its growth, is a part of
        that whole; the figure is the whole's measure, of the part."""
        last = self.last
        if last is None or last.subject != subject or last.object is not None:
            return None
        if _MEASURED.search(part) or not _PART_AFTER.fullmatch(
            self.text, self.last_end, label_start
        ):
            return None
        whole = base_metric(last.metric)
        if whole == last.metric and last.unit != q.unit:
            return None  # 毛利率31%，其中某业务5亿元: not a part of a rate
        if whole.endswith("率") or not unit_fits(whole, q) or DATE_IN_LABEL.search(whole):
            return None
        return whole

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
                and _SLASH.fullmatch(self.text, pair.span[1], q.span[0])
                and _PAIR_FIRST.search(self.text, max(sentence[0], pair.span[0] - 8), pair.span[0])
                and self.last.metric.endswith("_yoy")
            ):
                base = self.last.metric.removesuffix("_yoy")
                return self._fact_for(
                    self.last.subject, base + "_qoq", q, sentence, quote, self.last.object
                )
            return None
        between = self.text[self.last_end : q.span[0]]
        if _PAIR_FIRST.fullmatch(between) or _SLASH.fullmatch(between):
            base = base_metric(last.metric)
            return self._fact_for(last.subject, base + "_yoy", q, sentence, quote, last.object)
        return None

    def _level_after_growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """净利润同比暴涨412%，达到18.64亿美元: the level the grown figure reached."""
        last = self.last
        if last is None or self.last_end < sentence[0] or last.unit != "%":
            return None
        if last.metric == "change_pct" and q.unit != "%" and self._quoted(last.subject):
            # 布伦特原油价格上涨0.1%至86.17美元/桶: the quote the move reached
            if not _QUOTE_AFTER.fullmatch(self.text, self.last_end, q.span[0]):
                return None
            return self._fact_for(last.subject, "price", q, sentence, quote, None)
        if not last.metric.endswith(("_yoy", "_qoq")) or q.unit == "%":
            return None
        if not _LEVEL_AFTER.fullmatch(self.text, self.last_end, q.span[0]):
            return None
        base = last.metric.removesuffix("_yoy").removesuffix("_qoq")
        if base in LABEL_METRIC.values() and not unit_fits(base, q):
            return None
        return self._fact_for(last.subject, base, q, sentence, quote, last.object)

    def _quoted(self, subject: str) -> bool:
        """Whether `subject` is an instrument the text names (a commodity, a rate, a coin)."""
        return any(
            m.entity.kind == "instrument" and m.entity.name == subject for m in self.mentions
        )

    def _follow_on(
        self, q: Quantity, sentence: tuple[int, int], quote: str
    ) -> ExtractedFact | None:
        """A percentage read against the figure just stated, about the same subject: the share
        it is of a whole (主力资金净流入734.58万元，占总成交额2.61%) or its margin over a
        benchmark (近3年年化收益5.17%，超过基准指数2.08%)."""
        last = self.last
        if last is None or self.last_end < sentence[0] or q.span[0] - self.last_end > 16:
            return None
        between = self.text[self.last_end : q.span[0]]
        # After a growth the share is the grown figure's (高端系列收入41.63亿元，同比增长12.7%，
        # 占总营收的22.45%); a segment's figure may be a share of the same metric's total.
        base = base_metric(last.metric)
        if (
            (found := _SHARE_OF.fullmatch(between))
            and (last.unit != "%" or base != last.metric)
            and (LABEL_METRIC.get(found["base"].lstrip("总").lower()) != base or last.object)
        ):
            # 占比升至38.6%: the share of the whole the text does not name.
            whole = "" if found["base"].startswith("比") else found["base"]
            if last.object and REGION.fullmatch(last.subject):
                # 全省港口货物吞吐量…，其中集装箱吞吐增长14.6%，占港口吞吐总量的37.2%: the
                # part's share of the economy's whole, named by the part
                base, whole = last.object, whole or base
                last = replace(last, object=None)
            metric = f"{base}占{whole}比例" if whole else f"{base}占比"
            if (held_in := contribution_stake(base, whole)) is not None:
                # 拟出资4亿元，占某公司注册资本的80%: the stake the contribution buys, planned
                # when the contribution is
                metric = "stake_pct" + ("_forecast" if "_forecast" in last.metric else "")
                return self._fact_for(last.subject, metric, q, sentence, quote, held_in or None)
            if (capital := LABEL_METRIC.get(f"占{whole}")) is not None and whole:
                # 减持100万股，占公司目前总股本比例0.01%: the stake moved; 持股数量为2亿股，
                # 占总股本比例为62.8%: the stake held
                metric = "stake_pct" if base == "shares_held" else capital
                metric, q = stake_move(self.text, sentence[0], q.span[0], metric, q)
        elif (found := _VERSUS.fullmatch(between)) and last.unit == "%":
            metric = f"{last.metric}{found['verb']}{found['base']}"
        else:
            return None
        return self._fact_for(last.subject, metric, q, sentence, quote, last.object)

    def _growth(
        self, q: Quantity, sentence: tuple[int, int], quote: str, growth: re.Match[str]
    ) -> ExtractedFact | None:
        """同比增长45%: the growth of the figure just stated, or of the label just before."""
        kind = growth.groupdict().get("kind") or ""
        suffix = (
            "_qoq"
            if kind in ("环比", "较上季度", "较上期", "比上期", "较上月", "比上月", "按月")
            else "_yoy"
        )
        if kind.endswith(("年末", "年底", "年初")):
            suffix = "_ytd"
        elif q.unit == "%" and (year := _BASE_YEAR.fullmatch(kind)):
            # 较2019年增长: on the year only when 2019 is the year before the figure's
            suffix = self._against_year(int(year["year"]), q.span[0]) or suffix
        if q.unit != "%":
            # 比上年增加1336万吨: a change in the figure's own unit, not a rate.
            if not _CHANGE_VERB.search(growth.group()) or not amount_unit(q.unit):
                return None
            suffix += "_change"
        direction = (growth.groupdict().get("dir") or "").lower()
        fell = _FALL_AFTER_BASE.search(growth.group()) is not None
        if (fell or direction in ("down", "fell", "decreased")) and q.value > 0:
            q = replace(q, value=-q.value, negative=True)
        phrase_start = q.span[0] - len(growth.group())
        found = label_before(self.text, phrase_start)
        if (
            found is None
            and "亏损" in self.text[max(sentence[0], phrase_start - 24) : phrase_start]
        ):
            if narrowed_loss := self._loss_moved(q, sentence, quote, phrase_start, suffix):
                return narrowed_loss
        if found is None and (named := self._indicator(sentence, phrase_start)):
            record = self._subject_or_region(named[1], sentence)
            if record is None or (record.kind == "company" and self.nationwide(sentence, named[1])):
                return None  # 据IDC，全球智能手机出货量同比…: the world's, not the company's
            metric = named[0] + self._priced(named[0], named[1]) + suffix
            clause_start = self._clause_start(sentence, named[1])
            part = self._opening_part(metric, clause_start, named[1])  # 全球某产品的出货量
            return self._fact_for(record.name, metric, q, sentence, quote, part)
        if found is not None:
            clause_start = self._clause_start(sentence, found[1])
            subject = self.subject_before(found[1], clause_start) or self.subject_before(
                found[1], sentence[0]
            )
            led, lead = self.unknown_lead(clause_start, found[1], subject)
            if led:
                if lead is None:
                    return None  # 同业科技营收同比下降3.1%: nobody's, not the carried subject's
                self.last_record = lead  # 某某生科营收同比下降4.25%: the clauses after are its
                return self._fact_for(lead.name, found[0] + suffix, q, sentence, quote, None)
            record = (
                subject.entity
                if subject
                else self._newer_field()
                or self._carried_subject(found[1])
                or self.topic
                or self.sole
            )
            if (
                subject is None
                and record is not None
                and record.kind == "company"
                and self.nationwide(sentence, found[1])
            ):
                return None  # 据IDC，全球智能手机出货量同比…: the world's, not the company's
            narrowed = self._qualifier(found[0], clause_start, found[1])
            if narrowed is None and record is not None and found[0] in SEGMENTED_METRICS:
                narrowed = volume_part(
                    self.text, self.last, self.last_end, record.name, sentence, found[1]
                ) or self._namesake_part(record.name, clause_start, found[1])
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
            # 营收9.7亿元，上年同期为5.7亿元，同比增长70%: the base told between is not what grew
            and not _YEAR_AGO_BASE.search(self.text, max(0, prev.span[0] - 8), prev.span[0])
        ):
            # 面积8000万亩，…供应总量1.7亿吨，同比增加350万吨: the growth of the figure right
            # before it, which no label named, not of the last fact.
            return self._growth_of_unnamed(q, sentence, quote, phrase_start, suffix)
        if last is None or phrase_start - self.last_end > _GROWTH_REACH + _aside_length(
            self.text, self.last_end, phrase_start
        ):
            return self._growth_of_unnamed(q, sentence, quote, phrase_start, suffix)
        base = base_metric(last.metric)
        between = self.text[self.last_end : phrase_start]
        if last.metric == base + suffix and _WINDOW_NEXT.fullmatch(between):
            # 7月份CPI同比上涨0.5%，1-7月份比上年同期上涨0.2%: the same figure's growth over
            # the year so far, dated by its window
            return self._fact_for(
                last.subject, base + "累计" + suffix, q, sentence, quote, last.object
            )
        if "\n" in between or last.metric == base + suffix:
            return None
        if _OTHER_CLAUSE.search(between):
            return None  # 收入12亿元；用户数按季持平，按年则增21%: another clause's measure
        return self._fact_for(last.subject, base + suffix, q, sentence, quote, last.object)

    def _loss_moved(
        self, q: Quantity, sentence: tuple[int, int], quote: str, phrase_start: int, suffix: str
    ) -> ExtractedFact | None:
        """净亏损大幅收窄，同比降低超60%: the growth of the loss the clause before says narrowed
        or widened, the company's it names there (or the one the text is about)."""
        moved = _LOSS_MOVED.search(self.text, max(sentence[0], phrase_start - 24), phrase_start)
        if moved is None:
            return None
        clause_start = self._clause_start(sentence, moved.start())
        subject = self.subject_before(moved.start(), clause_start)
        record = subject.entity if subject else self._carried_subject(moved.start()) or self.topic
        if record is None or record.kind != "company":
            return None
        return self._fact_for(record.name, moved["label"] + suffix, q, sentence, quote, None)

    def _priced(self, name: str, label_start: int) -> str:
        """生产资料市场价格的监测显示，…。焦炭环比上涨11.7%: a good's bare name, in a paragraph
        whose last measure named was a price, names the good's price ("价格"), else ""."""
        if (
            _MEASURED.search(name)
            or _NOT_A_GOOD.search(name)
            or "价格" not in self.text[max(0, label_start - 200) : label_start]
        ):
            return ""
        paragraph = self.text.rfind("\n", 0, label_start) + 1
        heads = list(_ANY_HEAD.finditer(self.text, max(paragraph, label_start - 200), label_start))
        if not heads or heads[-1].group() != "价格":
            return ""
        index = _PRICE_INDEX.search(self.text, max(0, heads[-1].start() - 2), heads[-1].end() + 2)
        return "" if index else "价格"

    def _growth_of_unnamed(
        self, q: Quantity, sentence: tuple[int, int], quote: str, phrase_start: int, suffix: str
    ) -> ExtractedFact | None:
        """新能源零售71349辆，同比增长46.7%: the growth of a figure no label made a fact of,
        named by what stands before it."""
        prev = self.prev_q
        if prev is None or not _JUST_STATED.fullmatch(self.text, prev.span[1], phrase_start):
            return None
        end = prev.span[0]
        if lead := _LEVEL_CONNECTORS.search(self.text, max(sentence[0], end - 8), end):
            end = lead.start()  # 某日销售额突破2亿元，同比增长21%: the name ends before 突破
        indicator = self._indicator(sentence, end)
        if indicator is None:
            return None
        about = self._subject_or_region(indicator[1], sentence)
        if about is None:
            return None
        return self._fact_for(about.name, indicator[0] + suffix, q, sentence, quote, None)

    def _level_grown(
        self, sentence: tuple[int, int], verb_start: int
    ) -> tuple[str, str | None] | None:
        """第一产业增加值3360.6亿元，增长7.4%，两年平均增长4.8%: the name of the amount the
        sentence stated last before a growth whose words name only its kind, None when no
        name stands before that amount; and the part the growth stated last was of, when the
        growth goes on with it (某类企业营业收入…增长16.0%；两年平均增长8.9%)."""
        level = next(
            (
                v
                for v in reversed(self.sentence_qs)
                if v.span[1] <= verb_start
                and v.unit not in ("%", "pp")
                and amount_unit(v.unit)
                # 比上年增加3457元，增长9.3%: a change, not the level that grew
                and not _CHANGED_BY.search(self.text, max(sentence[0], v.span[0] - 4), v.span[0])
            ),
            None,
        )
        if level is None:
            # 收入…，两年平均名义增长6.9%；扣除价格因素实际增长8.1%: the clause after a ； goes
            # on with the measure whose growth was stated last
            last = self.last
            said = self.text[self.last_end : verb_start]
            if last is None or len(said) > 40 or "。" in said or "\n" in said:
                return None
            if not last.metric.endswith(("_yoy", "年增幅")):
                return None
            grown = _AGAINST_TAIL.sub("", base_metric(last.metric))
            grown = _KIND_TAIL.sub("", grown)
            return (grown, last.object) if grown else None
        end = level.span[0]
        if lead := _LEVEL_CONNECTORS.search(self.text, max(sentence[0], end - 8), end):
            end = lead.start()
        named = self._indicator(sentence, end)
        if named is None and (
            dated := [
                d for d in self.dates if sentence[0] <= d.span[0] and end - 16 < d.span[1] < end
            ]
        ):
            named = self._indicator((dated[-1].span[1], sentence[1]), end)  # 山东2021年生产总值
        if named is None and (
            achieved := _ACHIEVED.search(self.text, max(sentence[0], end - 16), end)
        ):
            # 第一产业实现增加值1922亿元, 重庆实现地区生产总值…: the sector before the verb (a
            # place is the subject's) and the measure after it
            measure = self.text[achieved.end() : end]
            part = self._indicator(sentence, achieved.start())
            name = (part[0] if part and part[0].endswith("业") else "") + measure
            named = (name, achieved.start()) if INDICATOR.fullmatch(measure) else None
        if named is None or _GROWTH_KIND_ONLY.fullmatch(named[0]):
            return None
        return _OUR_PLACE.sub("", base_metric(named[0])), None

    def _amount_change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, verb_start: int
    ) -> ExtractedFact | None:
        """豆油产量减少46万吨, 总市值上涨了9477万: the change of the measure named right before
        the verb, in the measure's own unit. Against last year when the paragraph last named
        that base (比上年度…，其中豆油产量减少), else a plain change."""
        indicator = self._indicator(sentence, verb_start)
        if indicator is None or not _AMOUNT_HEAD.search(self.text, indicator[1], verb_start):
            return None
        if _YEARS_SPAN.search(self.text, sentence[0], verb_start):
            return None  # 1949年末…为5765万人，经过70多年，增长了…: the span's, not the year's
        about = self._subject_or_region(indicator[1], sentence)
        if about is None:
            return None
        paragraph = self.text.rfind("\n", 0, verb_start) + 1
        metric = indicator[0] + change_suffix(self.text, paragraph, verb_start, None)
        if q.value > 0 and _FALL_AFTER_BASE.search(
            self.text, max(verb_start, q.span[0] - 6), q.span[0]
        ):
            q = replace(q, value=-q.value, negative=True)
        return self._fact_for(about.name, metric, q, sentence, quote, None)

    def _change(
        self, q: Quantity, sentence: tuple[int, int], quote: str, verb_start: int
    ) -> ExtractedFact | None:
        """第二产业投资增长8.9%: the change of the figure named right before the verb."""
        if q.value > 0 and _FALL_AFTER_BASE.search(
            self.text, max(verb_start, q.span[0] - 6), q.span[0]
        ):
            q = replace(q, value=-q.value, negative=True)  # 早稻产量2812万吨，减产0.4%
        indicator = self._indicator(sentence, verb_start)
        grown_part: str | None = None  # the part a growth that goes on is of
        if indicator is not None and _NOT_AN_INDICATOR.fullmatch(indicator[0]):
            return None
        if indicator is not None and (
            indicator[0] in _THE_STOCK
            or _STOCK_ADVERB.fullmatch(indicator[0])
            or indicator[0] == "price"
            or _ONE_DAY.fullmatch(indicator[0])
        ):
            indicator = ("change_pct", indicator[1])  # 该股上涨1.3%: its price
        elif indicator is not None and _WINDOW_PRICE.fullmatch(indicator[0]):
            # 某ETF近三年净值上涨12.5%: the price's or net value's move over the window (its
            # 近三年涨跌幅), not a growth on the year
            indicator = ("change_pct", indicator[1])
        if (
            indicator is not None
            and (kind := _GROWTH_KIND_ONLY.fullmatch(indicator[0]))
            and indicator[0] != "平均"  # 全年平均下降3.0%: a year's average rate, kept as it was
        ):
            grown = self._level_grown(sentence, verb_start)
            if grown is None:
                return None  # a growth of nothing named
            indicator, grown_part = (grown[0] + kind["kind"], indicator[1]), grown[1]
        if indicator is not None and _RAISED_BY.search(
            self.text, max(sentence[0], indicator[1] - 20), indicator[1]
        ):
            return None
        if indicator is not None and (span := _SPAN_MOVE.fullmatch(indicator[0])):
            # 某指数本周累计上涨0.77%: the span's move of what moved (the clause's name)
            label = span["span"] + "涨跌幅"
            indicator = (LABEL_METRIC.get(label, label), indicator[1])
        since = _SINCE_MOVE.fullmatch(indicator[0]) if indicator is not None else None
        last = self.last
        if indicator is None:
            # 乡村消费品零售额5841亿元，增长6.3%: the change of the figure just stated.
            if last is None or not _JUST_STATED.fullmatch(self.text, self.last_end, verb_start):
                return None
            base = base_metric(last.metric)
            base += self._bare_suffix(verb_start, base)
            return self._fact_for(last.subject, base, q, sentence, quote, last.object)
        about = self._subject_or_region(indicator[1], sentence)
        if (
            about is not None
            and about.kind == "org"
            and (index := _SESSION_INDEX.fullmatch(indicator[0]))
        ):
            # 某某225指数开盘上涨1%: a market index's move in a session is the index's own,
            # not the move of an economy named before or after it
            return self._fact_for(index["index"], "change_pct", q, sentence, quote, None)
        if _MARKET_INDEX.fullmatch(indicator[0]):
            # 某某综合指数上涨1.1%: the index's own move
            return self._fact_for(indicator[0], "change_pct", q, sentence, quote, None)
        if about is None or (
            (indicator[0] == "change_pct" or indicator[0].endswith("涨跌幅"))
            and about.kind == "org"
        ):
            return None  # a price move is a listed name's, not an economy's
        metric = indicator[0]
        if since is not None and about.kind == "company":
            label = since["since"] + "涨跌幅"
            fact = self._fact_for(
                about.name, LABEL_METRIC.get(label, label), q, sentence, quote, None
            )
            return replace(fact, period=since["since"])
        part = None
        if (
            metric != "change_pct"
            and about.kind == "org"
            and (last := self.last) is not None
            and last.subject == about.name
            and last.object is None
            and sentence[0] <= self.last_end <= indicator[1]
            and not _MEASURED.search(metric)
            and _MEASURED.search(base_metric(last.metric))
            and _PART_LEAD.search(self.text, max(sentence[0], indicator[1] - 4), indicator[1])
        ):
            # 全省港口货物吞吐量同比增长2.7%，其中集装箱吞吐增长14.6%: a part of the measure
            # just stated, which the part's name alone does not name
            part, metric = metric, base_metric(last.metric)
        elif (
            metric != "change_pct"
            and about.kind == "org"
            and (last := self.last) is not None
            and last.subject == about.name
            and last.object is not None
            and last.unit == "%"
            and sentence[0] <= self.last_end <= indicator[1]
            and _NEXT_PART.fullmatch(self.text, self.last_end, indicator[1])
            and not _MEASURED.search(metric)
        ):
            # 其中甲业增长10.7%，乙业增长19.2%: the next part of the same whole
            part, metric = metric, base_metric(last.metric)
        if metric != "change_pct" and not metric.endswith("涨跌幅"):
            if part is None:
                metric += self._priced(metric, indicator[1])
            if (
                part is None
                and about.kind == "company"
                and "其中" in self.text[sentence[0] : indicator[1]]
                and metric not in KNOWN_METRICS
                and not _MEASURED.search(metric)
                and not REGION.fullmatch(about.name)  # (a region a title named, as 安徽)
                and not CN_REGION.fullmatch(about.name)
            ):
                return None  # 某超市销售额…。其中牛肉增长109%: a product's growth of what, unsaid
            point = self._point_base_before(sentence, verb_start)
            if point == "":
                return None  # 与去年初相比，…价格上涨: since a day the text does not give
            if point is not None:
                metric += point
            elif (
                q.unit == "%"
                and "平均" not in metric  # 与2019年相比，两年平均增长: a yearly average
                and (against := self._year_base_before(sentence, verb_start))
            ):
                metric += against
            elif self._session_move(metric, verb_start):
                return None  # 当地时间下午5:53，某交易所铝价上涨0.6%: the session's move
            else:
                metric += self._bare_suffix(verb_start, metric)
        return self._fact_for(about.name, metric, q, sentence, quote, part or grown_part)
