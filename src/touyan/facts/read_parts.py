"""Which part of its subject a figure is of: a segment, a product line, a brand, a project.

A company's figure is often a part's (动力电池系统营业收入, 谷歌云营收, 某某品牌交付): the
part is kept as the fact's object, so the figure is not taken for the company's total. The
qualifier before a label names it; so may a name run on from the company's (某某福特 under
某某汽车), a brand the text lists beside others, or the line whose revenue was stated just
before a rate (…营收4.15亿元，毛利率43.62%).
"""

from __future__ import annotations

import re

from touyan.facts.entities import EntityRecord
from touyan.facts.filings import line_rate
from touyan.facts.labels import (
    SEGMENTED_METRICS,
)
from touyan.facts.qualifiers import qualifier
from touyan.facts.read_text import TextReader

# How the name of a business ends (云业务, 汽车板块, 消费者事业群).
SEGMENT_WORDS = ("业务", "板块", "事业部", "事业群", "分部")
# 公司 right before a short run of words, which the period follows.
_OWNED_BEFORE = re.compile(r"公司(?=[\u4e00-\u9fff]{2,8}\s*$)")
_LINE_WORDS = (*SEGMENT_WORDS, "品牌", "系列", "车型")  # a business, or a line of products
# Words after a name that name the company's own stock or itself, not a part of it.
NOT_A_PART = re.compile(r"股票|股价|股份|[AHB]股|公司|集团|证券|控股")
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


class PartReader(TextReader):
    """The part of a company a figure is of, when the words name one."""

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
            # 谷歌云业务2025年第一季度收入122.6亿美元: a business named before the period; so
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
            or NOT_A_PART.search(named)
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
        (网易有道净收入13亿元，网易云音乐净收入19亿元，创新及其他业务净收入16亿元): the line is
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
