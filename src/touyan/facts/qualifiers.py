"""Words written between a figure's subject and its label: a segment, a product, a sector.

"宁德时代2024年动力电池系统营业收入2530亿元" states the revenue of one business line, not of
the company; "基础设施投资同比增长7.2%" is the growth of infrastructure investment, not an
investment by anyone. The run of words right before a known label (营业收入, 投资, 销量) that is
neither a time word nor a filler (公司, 实现, 其中) qualifies the label: the reader makes it the
fact's object (a company's segment) or folds it into the metric's name (an economy's
indicator), instead of reporting the whole's figure.
"""

from __future__ import annotations

import re

# Fillers and time words that may stand between a subject and its label without narrowing it.
_LEAD = re.compile(
    r"(?:公司|本公司|该公司|该行|该银行|本行|集团|母公司|上市公司|企业|实现|共实现|累计|合计|共计|总计|其中|此外|同时|"
    r"全国|全省|全市|我国|"  # (the economy's own word: 全国规模以上工业企业 is the part)
    r"特别是|尤其是|尽管|虽然|其(?![他它余])|"
    r"全年|上半年|下半年|前三季度|[一二三四1-4]季度|第[一二三四1-4]季度|单季度?|季度|年度|半年度|"
    r"当月|单月|本月|当季度?|本季度?|该季度?|该期|当期|本期|期内|报告期内?|同期|今年以来|今年|去年|上年|"
    r"本年度|本年|年内|"
    r"(?:\d{2}|(?:19|20)\d{2})?\s*[QH][1-4]|(?:19|20)\d{2}\s*年(?:度|末|底|初)?|\d{1,2}\s*月份?|"
    r"(?:前|近|过去|最近|连续)?[一二三四五六七八九十两\d]+个?(?:月|季度|年|周|日|天)|"
    r"\d{1,2}日|不过|但|而|和|及|与|、|并|且|也|还|则|均|总|最新|目前|当前|首次|再次|"
    r"[\s：:（）()“”\"'「」]|的)+"
)
# A numbered or marked heading, then a space, before the body's words (2. 海外布局加速 某市场).
_HEADING = re.compile(
    r"\s*(?:#+|(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、](?!\d))\s*"
    r"[\u4e00-\u9fff][^\s，,。；;]{1,15}\s+(?=\S)"
)
_TAIL = re.compile(
    r"(?:实现|共实现|累计实现|累计|合计|全年|单季度?|当季|单月|当期|本期|的|之|总|预计|预期)+$"
)
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9\-]{2,14}(?:、[\u4e00-\u9fffA-Za-z0-9\-]{2,14})*")
# A run holding these is a clause, not a name (营收增速放缓, 预计营收, 带动营收).
_CLAUSE = re.compile(
    r"[为是在将已被把对从了等由使让向]|实现|录得|显示|预计|分别|达到|同比|环比|较|带动|推动|贡献|拉动|"
    r"增长|下降|增加|减少|提升|主要|来自|整体|合并|综合|总体|全部|(?<!及)相关|对应|包括|占|约|超|近|"
    # (营业 but not the 营业 a 运营业务 or 自营业务 segment's name runs over)
    r"归属|归母|扣非|扣除|经调整|调整后|(?<![运自])营业|毛|净|税前|税后|利润|收入|总额|"
    # how the figure is counted or meant, not what it covers (含税营收, 确保单月交付)
    r"含税|不含税|确保|力争|目标|计划|有望|可望|"
    # how a sum is paid or reckoned, not what it goes into (拟以自有资金认缴出资, 估算总投资)
    r"认缴|实缴|自有资金|自筹|估算|拟|"
    # a heading's judgement run on into the label (盈利能力持续增强归属于…净利润), not a line
    r"增强|改善|优化|稳步|显著|大幅|亮眼|强劲|承压|回暖|向好|能力|持续|"
    # who states the figure, not what it covers (季度报告的净利润, 市场预测净利润)
    r"报告|财报|年报|季报|公告|预测"
)
# A word of the label's own name, not a part (销售净利率 is the net margin on sales).
_OF_THE_LABEL = frozenset({"销售", "营收", "经营"})
# A word naming no part of the whole (极氪品牌交付: the company's own figure).
_NO_PART = frozenset({"品牌", "产品", "业务", "整体", "总体"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
# 通过“某某”数字平台实现酒类收入: what a channel the text names in quotes brought in is that
# channel's figure (the liquor sold there), not all of the goods' (酒类).
_NAMED_CHANNEL = re.compile(
    r"通过[“\"「](?P<name>[^”\"」，,。；;]{1,12})[”\"」][\u4e00-\u9fff]{0,6}?"
    r"(?:平台|渠道|商城|APP|App|app|小程序)[\u4e00-\u9fff]{0,2}?实现[\u4e00-\u9fff]{0,8}$"
)
_BREAK = re.compile(r"[，,；;。！？!?\n、：:（）()|【】\[\]「」“”\"]")
# A segment named in quotes, then the bare word for a segment (“家居及新兴业务”分部收入): the
# quoted words are the segment's name, whatever they hold (等, 及); the bare word is no part.
_QUOTED_SEGMENT = re.compile(r"[“「\"](?P<name>[^“”「」\"，,。；;：:\n]{2,20})[”」\"]$")
_BARE_SEGMENT = frozenset({"分部", "业务", "板块", "事业部", "事业群", "部门"})


def qualifier(text: str, lo: int, label_start: int, bounds: list[int]) -> str | None:
    """The words right before a label at `label_start` that narrow what it names, if any.

    `lo` is the clause start; `bounds` are offsets a qualifier cannot reach back across
    (the ends of names and dates before the label).
    """
    if "通过" in text[lo:label_start] and (
        channel := _NAMED_CHANNEL.search(text, max(lo, label_start - 40), label_start)
    ):
        return channel["name"]  # 通过“某某”数字平台实现酒类收入: the platform's revenue
    start = max([lo, *(b for b in bounds if b <= label_start)])
    breaks = [m.end() for m in _BREAK.finditer(text, start, label_start)]
    if breaks:
        start = list_start(text, max([start, *breaks[:-1]]), breaks[-1])
    run = text[start:label_start]
    for verb in ("实现", "完成"):  # 通过数字平台实现酒类收入: what was achieved; 酒店业务实现
        if verb in run:  # 营收: who did; 本年度完成铝板带箔销量: what was sold
            before, _, after = run.rpartition(verb)
            run = after if len(after.strip()) >= 2 else before
    if heading := _HEADING.match(run):
        run = run[heading.end() :]  # 2. 全球化布局加速 海外市场销量: the heading is no part
    lead = _LEAD.match(run)
    while lead and lead.end():
        run = run[lead.end() :]
        lead = _LEAD.match(run)
    run = _TAIL.sub("", run.strip())
    if run in _BARE_SEGMENT and (quoted := _QUOTED_SEGMENT.search(text, lo, start)):
        return quoted["name"]
    if not _RUN.fullmatch(run) or not _HAN.search(run) or _CLAUSE.search(run) or run[0].isdigit():
        return None
    if run in _OF_THE_LABEL or run in _NO_PART:
        return None
    return run


# A verb that opens a list of what a label covers: 带动汽车、家电产品销售额 is both goods' sales.
_LIST_OPENER = re.compile(r"带动|拉动|推动|包括|涵盖|其中")


def list_start(text: str, lo: int, start: int) -> int:
    """Where the qualifier starts when the run before it ends with 、: at the list a verb
    opens (带动汽车、家电产品), else at the last item alone."""
    if text[start - 1 : start] != "、":
        return start
    verbs = list(_LIST_OPENER.finditer(text, lo, start))
    if not verbs or "、" not in text[verbs[-1].end() : start]:
        return start
    items = text[verbs[-1].end() : start - 1].split("、")
    return verbs[-1].end() if all(_RUN.fullmatch(item) for item in items) else start
