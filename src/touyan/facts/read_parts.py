"""Which part of its subject a figure is of: a segment, a product line, a brand, a project.

A company's figure is often a part's (动力电池系统营业收入, 谷歌云营收, 某某品牌交付): the
part is kept as the fact's object, so that the figure is not taken for the company's total.
The qualifier before a label names it (`_qualifier`); so may a name run on from the company's
(某某福特 under 某某汽车), the words between a name and its attribute's 的, a clause before
the label's that names and judges a part, a line headed by a business, a project a run of
clauses opens with, an app named with its users, the product whose volume was stated just
before its revenue, or the line whose revenue was stated just before a rate. A sentence that
leaves something out (剔除某类门店后) states what remains. For an economy, a bare total or
rate is of the product or the thing its paragraph was about (玉米单产…。总产量…).
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.clause_parts import opening_part
from touyan.facts.economy import REGION
from touyan.facts.entities import EntityRecord
from touyan.facts.extract import MEASURE_HEAD, ExtractedFact
from touyan.facts.filings import line_rate
from touyan.facts.labels import CLAUSE_LIKE, SEGMENTED_METRICS, base_metric
from touyan.facts.qualifiers import qualifier
from touyan.facts.read_text import TextReader
from touyan.text.numbers import Quantity

# How the name of a business ends (云业务, 汽车板块, 消费者事业群).
_SEGMENT_WORDS = ("业务", "板块", "事业部", "事业群", "分部")
# 公司 right before a short run of words, which the period follows.
_OWNED_BEFORE = re.compile(r"公司(?=[\u4e00-\u9fff]{2,8}\s*$)")
_LINE_WORDS = (*_SEGMENT_WORDS, "品牌", "系列", "车型")  # a business, or a line of products
# Words after a name that name the company's own stock or itself, not a part of it.
# (nor a verb of having: 某某持有的货币资金, 某某拥有的专利: the name's own, no part of it)
_NOT_A_PART = re.compile(
    r"股票|股价|股份|[AHB]股|公司|集团|证券|控股|^(?:所|目前|当前|现)?(?:持有|拥有|手握|账上|账面上?)$"
)
# 其中 before a consolidated scope: a group's total that counts its joint ventures is split
# into what its own books report (其中合并报表销量) and the rest, so the figure is a part.
_CONSOLIDATED_PART = re.compile(r"其中[，,]?\s*(?:合并报表|并表|合并口径)的?$")
# The same scope written as the label's own first word (实现并表销量49.8万台): a group's units
# sold count its joint ventures' unless the scope is named, so this is a part too. Only units:
# 并表营收 is the revenue the company reports, not a part of it.
_CONSOLIDATED_LABEL = re.compile(r"(?:合并报表|并表|合并口径)的?$")
_CONSOLIDATED_COUNTS = frozenset({"deliveries"})

# A short name in brackets right before a label (云基础设施（IaaS）收入), and where the run
# that names the line before it opens.
_ASIDE_BEFORE = re.compile(r"[（(][A-Za-z0-9\u4e00-\u9fff]{1,12}[）)]\s*$")
_RUN_OPENS = re.compile(r"[，,；;。！？!?\n：:\-]")


def _find_all(text: str, word: str) -> list[int]:
    """Where `word` starts in `text`, every time."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


# What an economy's earlier figure measured of one product (玉米单产每公顷, 大豆播种面积): the
# product a later bare total (总产量) opening a sentence of the same paragraph is of.
_PRODUCT_MEASURE = re.compile(
    r"(?P<part>[\u4e00-\u9fff]{1,6}?)(?:单产|产量|种植面积|播种面积|收获面积|消费量|进口量|出口量)"
)
# A sentence opening with a crop or good and what it achieved (棉花实现质量效益“双提升”，总产量
# 达…): the bare total after it is that good's.
_GOOD_OPENS = re.compile(r"\s*(?P<part>[\u4e00-\u9fff]{2,4}?)(?:实现|继续|再获|喜获|保持)")

# What a sentence leaves out of its figures (剔除某类门店后, 不含某类门店的): not 不含税.
_LEFT_OUT = re.compile(
    r"(?:剔除|不含|不包括|除去)(?P<part>(?!税)[\u4e00-\u9fffA-Za-z]{2,10}?)(?:之?后|以?外|的)"
)
# An app named with its users' label (某某银行APP注册用户数, 某某App的月活跃用户数): the
# users are the app's, not its maker's as a whole.
_APP = r"(?P<app>[\u4e00-\u9fffA-Za-z0-9]{1,12}?(?:APP|App|app|客户端|小程序))"
_APP_IN_METRIC = re.compile(_APP + r"(?=[\u4e00-\u9fff])")
_APP_BEFORE = re.compile(_APP + r"的?$")

# One kind of income written before the income it is part of (手续费及佣金收入的非利息收入).
_INCOME_KIND = re.compile(r"[\u4e00-\u9fff]{1,10}收入")
# A heading on the main subsidiaries run into their figures (主要子公司分析实现营业总收入…).
_SUBSIDIARIES = re.compile(
    r"主要(?:控股|参股)?子公司(?:及参股公司)?的?(?:分析|情况|经营情况|经营业绩|业绩)"
)
# A part, then its share of a whole (某某业务在一季度仍贡献了75%的): before the whole's label.
_CONTRIBUTED = re.compile(
    r"(?:但|而|且|其|则|仍|也)*(?P<part>[\u4e00-\u9fffA-Za-z0-9]{1,10}?(?:业务|板块|分部|产品|品牌|系列|市场))"
    r"[^，,。；;]{0,20}?贡献了?(?:约|超过?|近)?[\d.]+%的$"
)
# Words that turn a sentence about a part back to the whole or to another part.
_WHOLE_NAMED = re.compile(r"公司|集团|整体|总体|全部|合计|其中|此外|另外|业务|板块")
# Parts joined by 及, 和, 与 or 、 (精细化工及日化材料和特种化学品), too long for one qualifier.
_JOINED_PARTS = re.compile(r"[\u4e00-\u9fff]{2,14}(?:[及和与、][\u4e00-\u9fff]{2,14})+")
_PART_JOIN = re.compile(r"[及和与、]")
# A product's model number or series glued to its maker's name (某某酒1618白酒).
_MODEL_AFTER_NAME = re.compile(r"[A-Za-z0-9]{2,8}[\u4e00-\u9fff]{0,4}")
# A car model's code right after its maker's name (远帆P9交付量), before what it sold.
_MODEL_GLUED = re.compile(r"\s?[A-Z][A-Za-z]{0,4}\s?\d{1,3}[A-Za-z+]{0,3}\s?")
_MODEL_FIGURE = re.compile(r"(?:交付量?|销量|批发销量|零售销量|上险量|出货量)")
# 青虾苗销售数量2,614.70万尾，销售收入8,305.92万元: the revenue of the clause right
# after a product's sales volume, which names nothing of its own, is that product's.
_VOLUME_CLAUSE = re.compile(
    r"(?P<head>销售数量|销量|产量|出货量|交付量)(?:为|达到?|约|共)?\s*[-+]?[\d,.]+\s*"
    r"[万亿千]?[\u4e00-\u9fff]{0,2}\s*[，,]\s*$"
)

# A list line headed by a business (- 云业务：收入122.6亿美元): the line's figures are its.
_SEGMENT_HEADER = re.compile(
    r"(?:^|[\n\-•*#]|[；;。]\s*)\s*"
    rf"(?P<name>[\u4e00-\u9fffA-Za-z]{{1,12}}?(?:{'|'.join(_SEGMENT_WORDS)}))\s*[:：]\s*$"
)

# A clause that names a part and judges it (其中银河品牌表现尤为亮眼，销量达26万辆): the
# figures of the clause right after it, which names nothing of its own, are that part's.
_PART_JUDGED = (
    r"(?:其中|特别是|尤其是|而)?[，,]?\s*"
    rf"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{{1,10}}?(?:品牌|系列|车型|市场|{'|'.join(_SEGMENT_WORDS)}))"
    r"(?:的)?(?:持续|依然|依旧|仍然|继续|一直)?(?:表现|方面|同样|也|则|更是|"
    # 某某业务为营收主要驱动力: the part judged the driver of the whole
    r"(?:成为|为|是)(?=[^，,。；;\d]{0,8}(?:驱动力|引擎|支柱|主力|亮点)))"
    r"[^，,。；;\d]{0,8}[，,]\s*$"
)
_PART_CLAUSE = re.compile(
    # (or a heading run into it: #### 核心业务表现某某业务为…)
    r"(?:^|[，,；;。\n]|#\s*[\u4e00-\u9fff]{2,8}?(?:表现|分析|情况|概况))\s*" + _PART_JUDGED
)
# The same clause with the company's name before the part (某某科技云业务持续表现强劲，): the
# part is the words after the name.
_NAMED_PART_CLAUSE = re.compile(_PART_JUDGED)
# What may stand between that clause and the label (销量达, 营收为).
_PART_FILLER = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年(?:度|全年)?)?\s*(?:其|其中|全年|单季度?|当季|[一二三四1-4]季度|期内)?\s*"
)
# Where the words before a bracket start, a judgement of a business they may open with, and
# what names a business or a line of products.
_CLAUSE_OPENS = re.compile(r"[，,；;。！？!?\n：:（）()、]")
_JUDGED_PART = re.compile(r"[高低](?:毛利|利润|增长|估值)率?的?")
_ASIDE_PARTS = (*_SEGMENT_WORDS, "产品", "系列", "品牌", "车型")
# The thing a clause opens with before its period (中欧班列一季度, 我国新能源汽车1-4月), and
# words that make the run a measure or a statement rather than a thing.
_TOPIC_BEFORE = re.compile(
    r"\s*(?:尤其|特别|其中|此外|同时|而)?(?:是)?(?:中国|我国|全国|国内)?"
    r"(?P<topic>[\u4e00-\u9fffA-Za-z]{2,10})"
)
_TOPIC_NOT = re.compile(rf"{MEASURE_HEAD}$|[在于为是了的将已从截至]|方面|期间|以来|数据|显示")
_PROJECT = re.compile(r"\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,20}?项目)")
# A run opening with a product and its spec in brackets, then its price (某型硅片（210mm/160μm）
# 价格区间在…，成交均价维持在…): the run's prices are that product's.
_PRICED_PRODUCT = re.compile(
    r"\s*(?:本周|上周|当周|今日|当日)?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)"
    r"[（(][^（）()，,。；;]{1,30}[）)](?=价格|均价|报价|成交|售价)"
)
# 项目 is also an account's items (具体项目包括工资…, 非经常性损益项目): no project.
_ITEMS = re.compile(
    r"(?:具体|主要|相关|其他|其它|各|上述|下列|以下|该|本|损益|报表|科目|调整|收支|费用|资产|负债)项目$"
)


# A work's title in 《》 right before a label (其中《某游戏》全球注册用户突破1亿): the figure is
# that game's, book's or film's, not its maker's.
_WORK_BEFORE = re.compile(r"《(?P<name>[^《》\n]{1,20})》(?:全球|国内|海外|累计|总)*$")

# A clause naming the part a text turns to (来料加工业务方面的数据显示，): what a 相关 label
# right after it (相关收入, 相关金额) is of.
_ASPECT = re.compile(
    r"(?:^|[，,；;。\n])\s*(?:在|而|其中|此外|另外)?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)方面"
    r"[^，,。；;\d]{0,12}[，,]\s*$"
)


# 研发投入222亿元，其中自主品牌研发投入102亿元: the words between 其中 and the whole's own
# label name the part the figure is of.
_PART_AFTER_QIZHONG = re.compile(
    r"\s*其中[，,]?\s*(?P<part>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:的)?$"
)
# Clauses a sentence may open with before its first figure's: a source, a year.
_LEAD_IN = re.compile(
    r"(?:据[^，,。；;]{0,30}[，,]|[^，,。；;]{0,30}(?:显示|表示|指出)[，,：:]"
    r"|(?:19|20)\d{2}\s*年[，,]|\s)+"
)
# Words a list's next item may open with before its part's name (；其中货物贸易收入…).
_ITEM_LEAD = re.compile(r"\s*(?:其中|而|另外|此外|同时)?[，,]?\s*")


class PartReader(TextReader):
    """The part of a company a figure is of, when the words name one."""

    # The metric of the last figure of a part of the text's company, and where it ends.
    topic_part: tuple[str, int] | None = None

    def _line_of_rate(
        self, subject: str, rate: str, sentence: tuple[int, int], label_start: int
    ) -> str | None:
        """The business line a rate (or its change) written after that line's revenue is of
        (A设备营收4.15亿元，同比+27%，毛利率43.62%, 云业务收入…，营业利润率提升9个百分点),
        not the company's."""
        last = self.last
        if (
            last is None
            or not last.object
            or last.subject != subject
            or not sentence[0] <= self.last_end <= label_start
            or not line_rate(rate, last.metric, self.text[self.last_end : label_start])
        ):
            return None
        return last.object

    def _opening_part(self, metric: str, clause_start: int, label_start: int) -> str | None:
        """The part a clause naming no one opens with before its label's 的 (`opening_part`),
        unless the metric's name holds it already (参与某运动的人数) or opens with its first
        word (回购成交的最高价, filed as 回购最高价)."""
        if self.text[label_start - 1 : label_start] != "的":
            return None  # the common case, cheaply
        found = opening_part(self.text, clause_start, label_start)
        if (
            found is None
            or found[0] in metric
            or found[0][:2] == metric[:2]
            or self.names_between(found[1], found[1] + len(found[0]))
        ):
            return None
        return found[0]

    def _qualifier(self, metric: str, clause_start: int, label_start: int) -> str | None:
        """The segment or sector narrowing a company-results label (动力电池系统营业收入)."""
        if metric not in SEGMENTED_METRICS:
            return None
        if aside := _ASIDE_BEFORE.search(self.text, max(0, label_start - 16), label_start):
            # 云基础设施（IaaS）收入: the line named before its short name in brackets
            label_start = aside.start()
            opened = list(_RUN_OPENS.finditer(self.text, max(0, label_start - 30), label_start))
            clause_start = opened[-1].end() if opened else max(0, label_start - 30)
        bounds = [m.end for m in self.mentions if clause_start <= m.end <= label_start]
        dates = [
            d
            for d in self.dates
            if clause_start <= d.span[1] <= label_start
            and d.text != "全年"  # 酱油类全年实现收入: a time word the qualifier skips
        ]
        found = qualifier(self.text, clause_start, label_start, bounds + [d.span[1] for d in dates])
        if found is None and _CONSOLIDATED_PART.search(self.text, clause_start, label_start):
            return "合并报表"  # 总销量70万辆，其中合并报表销量50万辆: the consolidated part
        if (
            found is None
            and metric in _CONSOLIDATED_COUNTS
            and _CONSOLIDATED_LABEL.search(
                self.text, max(clause_start, label_start - 5), label_start
            )
        ):
            return "合并报表"
        if (
            found is None
            and self.text[label_start - 1 : label_start] == "云"
            and any(m.end == label_start - 1 for m in self.mentions)
        ):
            return "云"  # 谷歌云营收, 腾讯云收入: the cloud business, named with its company
        if found is None and (brand := self._listed_brand(clause_start, label_start)):
            return brand
        before = dates[-1].span[0] if dates and dates[-1].span[1] == label_start else None
        if found is None and before is not None:
            # 澜石云业务2025年第一季度收入37.4亿元: a business named before the period; so
            # is a product line (某某新能源车型2024年销量同比增长60%, 某某高端系列一季度营收)
            named = self._named_before_period(clause_start, label_start)
            if named and named.endswith(_LINE_WORDS):
                return named
            # 公司某某材料2024全年交付…: what 公司 names of itself before the period
            owned = _OWNED_BEFORE.search(self.text, max(clause_start, before - 12), before)
            return qualifier(self.text, owned.end(), before, []) if owned else None
        return found

    def _named_before_period(self, clause_start: int, label_start: int) -> str | None:
        """The words before a period written right before a label (某某系列2024年销量), which
        the qualifier does not reach across the period to read."""
        dates = [
            d for d in self.dates if clause_start <= d.span[1] <= label_start and d.text != "全年"
        ]
        if not dates or dates[-1].span[1] != label_start:
            return None
        before = dates[-1].span[0]
        bounds = [m.end for m in self.mentions if clause_start <= m.end <= before]
        earlier = [d.span[1] for d in dates if d.span[1] <= before]
        return qualifier(self.text, clause_start, before, bounds + earlier)

    def _namesake_part(self, owner: str, clause_start: int, label_start: int) -> str | None:
        """A name opening with the company's own first characters but not the company's (某某
        福特 under 某某汽车: a joint venture or brand carrying its parent's name), written
        before the period and the label (某某福特4月销量), is the part the figure is of. (With
        no period between, the qualifier reads it already.)"""
        named = self._named_before_period(clause_start, label_start)
        if (
            named is None
            or len(named) < 3
            or not named.startswith(owner[:2])
            or owner.startswith(named)
            or _NOT_A_PART.search(named)
        ):
            return None
        return named

    def _listed_brand(self, clause_start: int, label_start: int) -> str | None:
        """A brand named with the company's name (某某品牌交付2.1万辆) is the company's own
        figure, unless the text lists its brands (…，某某品牌交付2.1万辆，另一品牌交付1.3万辆):
        then it is one brand's, a part of the group's total."""
        if "品牌" not in self.text[clause_start:label_start]:
            return None
        named = next(
            (
                m
                for m in self.mentions
                if clause_start <= m.start
                and self.text.startswith("品牌", m.end)
                and self.text[m.end + 2 : label_start] in ("", "的")
            ),
            None,
        )
        if named is None:
            return None
        brand = named.text + "品牌"
        said = self.text[named.end : label_start + 2]  # 品牌交付, 品牌的销量
        listed = (self.text[max(0, at - 4) : at] for at in _find_all(self.text, said))
        return brand if any(not b.endswith(named.text) for b in listed) else None

    def _sibling_line(self, record: EntityRecord | None, metric: str) -> EntityRecord | None:
        """The text's company, for a business line listed after one of its units named like it
        (澜石教育净收入8亿元，澜石音乐净收入11亿元，创新及其他业务净收入6亿元): the line is
        the unit's sibling, not a part of it. `record` is the subject carried from the unit's
        figure, which states the same metric with no line of its own."""
        parent = self.topic or self.sole
        last = self.last
        if record is None or parent is None or last is None or record is parent:
            return None
        if last.subject != record.name or last.metric != metric or last.object:
            return None
        named_after = any(
            record.name.startswith(name) and len(record.name) > len(name) for name in parent.names()
        )
        return parent if named_after else None

    def _app_users(
        self, record: EntityRecord, metric: str, clause_start: int, label_start: int
    ) -> tuple[str, str | None]:
        """The app a figure is of, named in its label or right before it (某某口袋银行APP注册
        用户数达1.7亿户): the metric without the app's name, and the app as its object. A
        name glued to the app's (平安 of 平安口袋银行APP) is read as part of it."""
        app_end = label_start
        if found := _APP_IN_METRIC.match(metric):
            app, metric = found["app"], metric[found.end() :]
        elif found := _APP_BEFORE.search(self.text, clause_start, label_start):
            app, app_end = found["app"], found.start("app")
        else:
            return metric, None
        glued = next(
            (
                self.text[m.start : m.end]
                for m in self.mentions
                if m.end == app_end and m.entity.name != record.name
            ),
            "",
        )
        return metric, glued + app

    def _product_total(
        self, region: str, metric: str, sentence: tuple[int, int], label_start: int
    ) -> str:
        """An economy's bare total opening a sentence (…，预计大豆单产每公顷2150公斤。总产量
        2084万吨) is the total of the product the paragraph's last figure measured, not of
        the whole economy's output; so is one after a clause opening with a good and what it
        achieved (棉花实现质量效益“双提升”，总产量达…)."""
        last = self.last
        opened = self.text[sentence[0] : label_start]
        if (
            "，" in opened
            and (good := _GOOD_OPENS.match(self.text, sentence[0], label_start))
            and not REGION.match(good["part"])
        ):
            return good["part"] + metric
        if (
            last is None
            or last.subject != region
            or opened.strip()
            or "\n" in self.text[self.last_end : label_start]
            or (part := _PRODUCT_MEASURE.match(last.metric)) is None
        ):
            return metric
        return part["part"] + metric

    def _sibling_part(self, record: EntityRecord | None, metric: str) -> EntityRecord | None:
        """The text's company, for a part named after another company's figure in a list of
        the company's parts (吉利中国星销售33万辆；极氪交付4.1万辆；领克品牌销量为7.3万辆): the
        part is the company's, like the parts listed before, not the carried company's."""
        said = self.topic_part
        if (
            record is None
            or self.topic is None
            or record is self.topic
            or said is None
            or said[0] != base_metric(metric)
            or not said[1] <= self.last_end
            or "\n" in self.text[said[1] : self.last_end]
        ):
            return None
        return self.topic

    def _owned_part(self, name: str, name_end: int, label_start: int) -> str | None:
        """The words between a name and the 的 of its attribute (某某汽车狭义乘用车批发销量的
        市场份额, 某某酒业1618白酒的行情价) name a part or a product of it: the figure is that
        part's, not the whole's. A model number glued to the name is read with the name; one
        kind of income before an income (某某银行手续费及佣金收入的非利息收入) is that kind."""
        if _MODEL_GLUED.fullmatch(self.text, name_end, label_start) and _MODEL_FIGURE.match(
            self.text, label_start
        ):
            # 某某汽车P7交付6,707台, 某某ET5销量: a model's code glued to the maker's name, its
            # figure right after, is that model's
            return name + self.text[name_end:label_start].strip()
        if self.text[label_start - 1 : label_start] != "的" or label_start - name_end < 3:
            return None
        words = self.text[name_end : label_start - 1]
        if _MODEL_AFTER_NAME.fullmatch(words):
            return name + words  # 某某酒1618白酒: the product the name and its number name
        if _INCOME_KIND.fullmatch(words) and self._label_text(label_start).endswith("收入"):
            return words
        part = qualifier(self.text, name_end, label_start - 1, [])
        if part is None and _JOINED_PARTS.fullmatch(words):
            # 某某化工精细化工及日化材料和特种化学品的销量: parts joined, each one a part
            pieces = _PART_JOIN.split(words)
            part = words if all(qualifier(p, 0, len(p), []) == p for p in pieces) else None
        return None if part is None or part != words or _NOT_A_PART.search(part) else part

    def _sentence_scope(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """A sentence that first leaves something out (剔除某类门店后，…; 不含某类门店的全部门店
        收入为…；…): its figures, over its semicolons, are of what remains, not the whole's.
        One run on from a heading on the main subsidiaries (主要子公司分析实现营业总收入…，
        实现净利润…) states theirs, unless it turns back to the company."""
        lo = max(self.text.rfind("。", 0, sentence[0]), self.text.rfind("\n", 0, sentence[0]))
        lo = max(lo + 1, sentence[0] - 200)
        found = list(_LEFT_OUT.finditer(self.text, lo, label_start))
        if found and self.text[found[-1].start() - 1 : found[-1].start()] not in "（(":
            return "不含" + found[-1]["part"]
        if "子公司" not in self.text[lo:label_start]:
            return None
        heading = list(_SUBSIDIARIES.finditer(self.text, lo, label_start))
        if not heading or _WHOLE_NAMED.search(self.text, heading[-1].end(), label_start):
            return None
        return None if self.names_between(heading[-1].end(), label_start) else "主要子公司"

    def _contributor(self, sentence: tuple[int, int], label_start: int, q: Quantity) -> str | None:
        """The amount in brackets after a part's share of a whole (某某业务贡献了75%的营收（600
        亿元）) is that part's, not the whole's; so is the share itself (75%)."""
        lo = max(sentence[0], label_start - 40)
        if label_start == q.span[0] and self.text.startswith("的", q.span[1]):
            label_start = q.span[1] + 1  # the share, its whole named after it
        elif self.text[q.span[0] - 1 : q.span[0]] not in "（(":
            return None
        if "贡献" not in self.text[lo:label_start]:
            return None
        found = _CONTRIBUTED.search(self.text, lo, label_start)
        return found["part"] if found else None

    def _part_opening_sentence(self, record: EntityRecord, label_start: int) -> str | None:
        """A sentence that opens with a part's figure (某某云营收为…，同比增28%；不过运营利润达…)
        is about that part: a later figure naming nothing else is the part's too. So is a run
        of clauses after a semicolon (…；服务贸易收入412亿元，支出492亿元): a list's next item."""
        last = self.last
        if last is None or last.object is None or last.subject != record.name:
            return None
        lo = max(self.text.rfind("。", 0, label_start), self.text.rfind("\n", 0, label_start)) + 1
        if lead := _LEAD_IN.match(self.text, lo, last.span[0]):
            lo = lead.end()  # 据某研究院数据，2021年，某市全市二手房累计成交金额…: after them
        if last.span[0] < lo or last.object not in self.text[lo : lo + 16]:
            lo = max(self.text.rfind(c, lo, label_start) for c in "；;") + 1
            item = _ITEM_LEAD.match(self.text, lo)
            if last.span[0] < lo or not item or not self.text.startswith(last.object, item.end()):
                return None
        between = self.text[last.span[1] : label_start]
        if _WHOLE_NAMED.search(between) or any(
            last.span[1] <= m.start < label_start for m in self.mentions
        ):
            return None
        return last.object

    def _part_of_whole(
        self, record: EntityRecord, metric: str, clause_start: int, label_start: int
    ) -> str | None:
        """The part 其中 opens a clause with, before the label the whole's figure was just
        stated with (研发投入222亿元，其中自主品牌研发投入102亿元): that part's figure."""
        last = self.last
        if (
            last is None
            or last.object is not None
            or last.subject != record.name
            or base_metric(last.metric) != base_metric(metric)
            or not clause_start - 2 <= self.last_end <= clause_start
        ):
            return None
        found = _PART_AFTER_QIZHONG.fullmatch(self.text, clause_start, label_start)
        if (
            found is None
            or CLAUSE_LIKE.search(found["part"])
            or self.names_between(clause_start, label_start)
            or any(clause_start <= d.span[0] < label_start for d in self.dates)
        ):
            return None
        return found["part"]

    def _part_pointed_back(self, record: EntityRecord, label_start: int) -> str | None:
        """其 before a label points back to the part the last figure was of (4月某某福特销量为
        1.2万辆…；1-4月其销量为6万辆): the figure is that part's, not the company's."""
        last = self.last
        if (
            last is None
            or last.object is None
            or last.subject != record.name
            or self.text[label_start - 1 : label_start] != "其"
            or "。" in self.text[last.span[1] : label_start]
        ):
            return None
        return last.object

    def _project(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The project a clause run opens with is what its figures measure (贵金属前驱体项目
        预计…，产能利用率为31.99%，总投资额约2亿元), not the company as a whole; so is a
        product priced with its spec (某型硅片（210mm）价格区间在…，成交均价…)."""
        start = self._run_start(sentence, label_start)
        found = _PROJECT.match(self.text, start, label_start)
        if found and not _ITEMS.search(found["name"]):
            return found["name"]
        priced = _PRICED_PRODUCT.match(self.text, start, label_start)
        if priced is None and any(b in self.text[start:label_start] for b in "（("):
            # 某分会消息，本周某型硅片（210mm）价格区间在…: the run's first clause is the source's
            opened = self.text.find("，", start, label_start) + 1
            priced = _PRICED_PRODUCT.match(self.text, opened, label_start) if opened else None
        if priced and not any(
            m.start < priced.end("name") and priced.start("name") < m.end for m in self.mentions
        ):
            return priced["name"]
        # - 云业务：收入122.6亿美元: a line headed by a business is that business's
        if start == sentence[0]:
            return None
        header = _SEGMENT_HEADER.search(self.text, max(0, start - 16), start)
        return header["name"] if header else None

    def _clause_topic(self, sentence: tuple[int, int], clause_start: int) -> str | None:
        """What an economy's earlier clause in the sentence opens with, before its period
        (江海联运一季度共发运2146批，同比增长18.2%，满载率提升至91.6%; 我国新能源汽车1-4月
        销量…，渗透率达到42.7%): a rate whose clause names nothing else is that thing's."""
        for d in reversed(self.dates):
            if d.span[0] >= clause_start:
                continue
            if d.span[0] < sentence[0]:
                return None
            opened = self._clause_start(sentence, d.span[0])
            found = _TOPIC_BEFORE.fullmatch(self.text, opened, d.span[0])
            if found is None:
                continue
            topic = found["topic"]
            return None if _TOPIC_NOT.search(topic) else topic
        return None

    def _part_aside(self, clause_start: int, label_start: int) -> str | None:
        """The business a bracket right after its name gives a figure of (低毛利系列酒业务（毛利
        率约55%）盈利承压): that part's figure, not the company's."""
        if (
            clause_start < 2
            or self.text[clause_start - 1] not in "（("
            or self.text[clause_start:label_start].strip()
        ):
            return None
        opened = list(
            _CLAUSE_OPENS.finditer(self.text, max(0, clause_start - 20), clause_start - 1)
        )
        lo = opened[-1].end() if opened else max(0, clause_start - 20)
        if judged := _JUDGED_PART.match(self.text, lo, clause_start - 1):
            lo = judged.end()  # 低毛利系列酒业务: the business, not the judgement of it
        bounds = [m.end for m in self.mentions if lo <= m.end < clause_start]
        found = qualifier(self.text, lo, clause_start - 1, bounds)
        return found if found and found.endswith(_ASIDE_PARTS) else None

    def _part_before(
        self, sentence: tuple[int, int], clause_start: int, label_start: int
    ) -> str | None:
        """The part a clause before the label's names and judges (其中银河品牌表现尤为亮眼，
        销量达26万辆), when the label's own clause names nothing before the label."""
        if clause_start <= sentence[0] or not _PART_FILLER.fullmatch(
            self.text, clause_start, label_start
        ):
            return None
        # (from the break before the sentence: a part clause may open it)
        lo = max(sentence[0] - 1, clause_start - 30, 0)
        found = next(
            (
                named
                for m in self.mentions
                if lo <= m.end < clause_start
                and (named := _NAMED_PART_CLAUSE.match(self.text, m.end, clause_start))
            ),
            None,
        ) or _PART_CLAUSE.search(self.text, lo, clause_start)
        return found["name"] if found else None

    def _level_of_part(
        self, level: ExtractedFact, sentence: tuple[int, int], q: Quantity
    ) -> ExtractedFact:
        """欧洲市场表现尤为突出，销售超过12万辆，同比增长86%: a company's figure named in
        the text's own words, in a clause after one naming and judging a part, is that
        part's (and so is the growth after it)."""
        clause_start = self._clause_start(sentence, q.span[0])
        filler = _PART_FILLER.match(self.text, clause_start)
        if (
            filler is None
            or not self.text.startswith(level.metric, filler.end())
            or not any(
                m.entity.name == level.subject and m.entity.kind == "company" for m in self.mentions
            )
        ):
            return level
        part = self._part_before(sentence, clause_start, filler.end())
        if part is None:
            return level
        self.last = replace(level, object=part)
        return self.last

    def _product_before(
        self, sentence: tuple[int, int], clause_start: int, label_start: int
    ) -> str | None:
        """The product whose sales volume the clause before the label's states (青虾苗销售
        数量2,614.70万尾，销售收入…), when the label's clause names nothing before the label."""
        if clause_start <= sentence[0] or not _PART_FILLER.fullmatch(
            self.text, clause_start, label_start
        ):
            return None
        volume = _VOLUME_CLAUSE.search(self.text, max(sentence[0], clause_start - 40), clause_start)
        if volume is None:
            return None
        lo = max(sentence[0], volume.start() - 24)
        heading = self.text.rfind("情况", lo, volume.start())  # 种猪销售情况种猪销售数量
        lo = heading + 2 if heading >= 0 else self._clause_start(sentence, volume.start())
        bounds = [m.end for m in self.mentions if lo <= m.end <= volume.start()]
        return qualifier(self.text, lo, volume.start(), bounds)

    def _work(self, clause_start: int, label_start: int) -> str | None:
        """The work whose title in 《》 stands right before a label (其中《某游戏》全球注册用户突破
        1亿): the figure is that game's, book's or film's, not its maker's."""
        if self.text[label_start - 1 : label_start] not in "》球内外计总":
            return None
        work = _WORK_BEFORE.search(self.text, clause_start, label_start)
        return work["name"] if work else None

    def _aspect(self, metric: str, sentence: tuple[int, int], clause_start: int) -> str | None:
        """The part a 相关 label points back to, named by the clause before it (来料加工业务方面
        的数据显示，相关收入为3.2亿元)."""
        if not metric.startswith("相关") or clause_start <= sentence[0]:
            return None
        aspect = _ASPECT.search(self.text, max(sentence[0] - 1, clause_start - 30, 0), clause_start)
        return aspect["name"] if aspect else None
