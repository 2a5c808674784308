"""What a run of text must look like to be a name, and which kind of name it is.

A run is cut to a name (`plausible_name`: after its last date, without leading time and
function words) and refused when it is a generic noun or a statement's words; its ending tells
a fund from a company (`kind_of`). Every shape of `names` and the headline rules of
`title_names` share these tests, so they live apart from both: the headline rules need them,
and `names.written_names` needs the headline rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A fund's name ends in its type or share class; a company's in its legal or trade form.
FUND_TYPES = (
    "债券",
    "债",
    "混合",
    "股票",
    "指数",
    "增强",
    "货币",
    "ETF",
    "LOF",
    "FOF",
    "QDII",
    "联接",
    "基金",
    "理财",
    "持有期",
    "定开",
    "REIT",
    "资产管理计划",  # 澜石稳益短债债券型集合资产管理计划A类: a broker's plan, sold as a fund
)
_FUNDISH = re.compile(r"(?:" + "|".join(FUND_TYPES) + r")", re.IGNORECASE)
_DATE_PREFIX = re.compile(
    r"^.*?(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})"
)
LEADING = re.compile(
    r"^(?:截至|截止到|截止|截至到|目前|当前|今日|今天|昨日|昨天|当日|当天|本周|本月|上周|"
    r"近[一二三四五六七八九十两\d]+个?(?:交易日|日|天|周|月|年)|今年以来|年初至今|"
    r"关于|据|根据|其中|另外|此外|同时|数据显示|显示|消息|公告|公告称|称|个股|丨|港股|美股|A股|"
    # a broker's rating verbs (首予 = first gives, 首次覆盖): what it does to the name after
    r"中概股|热门股|给予|维持|上调|下调|首次覆盖|予以|首次给予|首予|"
    r"美东时间|北京时间|周[一二三四五六日]|收盘|盘中|盘后|盘前|早盘|午盘|尾盘|晚盘|夜盘|盘初|"
    r"[)）\]】:：]|\s|"
    # a conjunction a clause opens with (但能源板块, 而本月): no part of the name after it
    r"但是|但|然而|不过|而且|并且|而)+"
)
# A market's session and the start of a move written on to a name (某某美股盘前跌超): the
# stock's trading, no part of its name.
_SESSION_SUFFIX = re.compile(
    r"(?:美股|港股|A股|中概股)?(?:盘前|盘后|盘中|早盘|午盘|尾盘|开盘|收盘|晚盘|夜盘|夜市|盘初|复盘"
    r"|(?:午后|盘中)?复牌(?:后|首日)?)"
    r"(?:大?[涨跌](?:超|逾|近|约)?)?$|(?:美股|港股|A股)$"
)
# Words that head a data statement without naming anyone, and nouns too generic to be a name.
_GENERIC = re.compile(
    r"^(?:该|本|其|此|各|每|全|总|同|旗下|所属|公司|股票|基金|产品|个股|主力|游资|散户|机构|"
    r"北向|南向|融资|融券|大盘|两市|沪指|市场|行业|板块|指数|资金|今年|去年|上年|本年|"
    r"近|最近|最新|过去|当前|目前|今日|当日|报告期|期末|期内|上市以来|成立以来|股价|总|净|"
    r"营业|营收|收入|利润|毛利|净利|每股|单位|累计|前|在|于|从|向|对|由|被|将|把|与|和|及|或|"
    r"等|如|这|那|加息|降息|区间|滚动|静态|动态|上月|本月|上周|本周|买入|卖出|计入|获|第一大|上一|"
    r"下一|全球|全国|我国|国内|尚未|未|已|正|仍|均|共|约|超|逾|本次|此次|大宗交易|龙虎榜|融资融券|"
    r"两融|涨停|跌停|归属|扣除|扣非|归母|占)"
    r"|(?:制造|加工|服务|零售|批发|采矿|开采|采选|建筑|运输|餐饮|住宿|农|林|牧|渔|工|商)业$"
    r"|(?:资金|行业|市场|公司|板块|份额|净值|收益|价格|数据|情况|表现|方面|排名|占比|区间)$"
    r"|^[一二三四五六七八九十多\d]+(?:个|家)?(?:部门|部委)$"  # 九部门联合印发: ministries, no name
    r"|股权$"  # 某某100%股权的交易总价为: the stake sold, not who sells or buys it
    # 财务状况 (as 情况), 春节假期: a state or a span of time, nobody's name
    r"|(?:状况|假期|长假|黄金周)$"
    r"|(?:股指|债市|楼市|车市|汇市)$"  # 某国股指上涨1.1%: a market, no company's name
    # 支付备付金突破2万亿: a sum of money held (reserves, deposits, loans), nobody's name
    r"|(?:备付金|准备金|保证金|公积金|存款|贷款|外汇储备)$"
    # 某国肉类, 酒类: a class of goods (not a fund's share class, 某某债券A类)
    r"|(?<![人A-Za-z])类$"
    # 限制性股票的授予价格为, 新工厂的目标是: a kind of security or a facility, nobody's name
    r"|^(?:限制性股票|股票期权|期权|认股权证|可转债|优先股|普通股)$"
    r"|^新(?:工厂|厂|厂房|项目|基地|园区|产线|生产线|公司|门店)$"
    r"|^(?:证券|股票|债券)(?:代码|简称)$"  # 证券代码601952: a filing's field, not a name
    # 暗盘收跌1%: the grey market before a listing; 日图跌0.5%: a chart's span; 购回的本金: a
    # verb (bought back) — a session, a chart and an act, nobody's name
    r"|^(?:暗盘|(?:日|周|月|年|小时|分钟)[图线]|购回)$"
    r"|设备$"  # 某某检测设备的在手订单: a product line, not who holds the orders
    # 文中所述的总额为, 申请一手的中签率为: a clause (what a text says, who applies for a lot of
    # shares), nobody's name
    r"|所(?:涉|述|指|列|提|称|说|载|示)$|[一二三四五六七八九十两每]手$"
    # 小型股下跌0.1%, 大盘股的市盈率: a size band of an index's members, no company
    r"|^(?:超?大型|中型|小型|微型|大盘|中盘|小盘|微盘|权重|蓝筹)股$"
)
# A company's name does not contain the vocabulary of a financial statement (投资活动产生,
# 静态); fund names may (稳健收益债券A), so this applies to companies only.
STATEMENT_WORDS = re.compile(
    r"资金|活动|现金|流量|产生|静态|动态|市盈|市净|收益|利润|收入|营收|资产|负债|费用|比率|增长|"
    r"同比|环比|交易日|上一|下一|过去|未来|期间|合计|总计|平均|最高|最低|季度|年度|报告|"
    r"涨跌|涨幅|跌幅|成交|换手|价格|股价|净值|规模|占比|比例|数量|金额|余额|持仓|持股|主营|业务|"
    r"分析|数据|显示|预计|预期|同类|赛道|基准|排名|评分|概念|题材|"
    r"\d+\s*(?:个|次|家|只|名|位|项|基点)|限售|解除|质押|减持|增持|回购|股东|归属|"
    r"买入|卖出"  # 以买入的股价为…计算: the basis of a sum, not a company's
    # 某洲股市全线下跌, 某应用DAU破亿: a market's move or a product's milestone, a headline's
    # news rather than who it is about
    r"|全线|下跌|上涨|破[百千万亿]|(?<![A-Za-z])(?:DAU|MAU|GMV)(?![A-Za-z])"
)
_HAS_DATE = re.compile(r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}-\d")
_REPORT_SUFFIX = re.compile(
    r"(?:(?:第?[一二三四1-4]季度|年度|半年度|中期)?报告|季报|年报|中报|公告)$"
)
# 平安短债债券I近一周的基金收益率: the window belongs to the figure, not to the name.
_WINDOW_SUFFIX = re.compile(
    r"(?:(?:近|过去|最近|前)[一二两三四五六七八九十\d]+个?(?:交易日|日|天|周|月|年)内?|今年以?来|年内|成立以来|"
    r"周[一二三四五六日]|今日|昨日)$"
)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .&\-]+")
_MIN_NAME = 2
_MAX_NAME = 40
# A digit written on to a Latin letter may open a name (5G通信ETF, 3D打印, 8K显示).
_DIGIT_NAME = re.compile(r"\d[A-Za-z](?![A-Za-z])")
MAX_LEAD = 8  # characters of a headline's lead name
SHORT_NAME = 5  # listed companies' short names: 4 characters in A-shares, a few more in HK
# A listed company's short name ends in a trade or a legal form more often than not.
COMPANY_ENDING = re.compile(
    r"(?:科技|智能|股份|集团|控股|实业|电子|材料|药业|医药|制药|汽车|银行|证券|保险|能源|新能|钢铁|"
    r"电缆|精工|生物|信息|电力|化工|化学|食品|机械|电气|通信|光电|技术|发展|地产|置业|建设|环保|"
    r"传媒|网络|软件|重工|航空|物流|电器|催化|酒店|管业|环球|矿业|水务|农业|农发)$"
)


@lru_cache(maxsize=4096)
def _trim(raw: str) -> str | None:
    """The name inside a captured run: after its last date, without leading function words.
    (Cached: a text and the next write the same runs, and each costs a dozen patterns.)"""
    name = raw.strip()
    cut = _DATE_PREFIX.match(name)
    if cut and cut.end() < len(name):
        name = name[cut.end() :]
    while True:
        lead = LEADING.match(name)
        if not lead or lead.end() == 0:
            break
        name = name[lead.end() :]
    name = name.strip("-·*＊ ") if not name.startswith(("*ST", "＊ST")) else name
    if not (_MIN_NAME <= len(name) <= _MAX_NAME) or (
        name[0].isdigit() and not _DIGIT_NAME.match(name)
    ):
        return None
    if not re.search(r"[\u4e00-\u9fff]", name) and not re.fullmatch(
        r"[A-Za-z][A-Za-z .&\-]+", name
    ):
        return None
    name = _WINDOW_SUFFIX.sub("", _REPORT_SUFFIX.sub("", name))
    if "盘" in name or "股" in name or "牌" in name:
        name = _SESSION_SUFFIX.sub("", name)
    if len(name) < _MIN_NAME or _GENERIC.search(name) or _HAS_DATE.search(name):
        return None
    if not _FUNDISH.search(name) and STATEMENT_WORDS.search(name):
        return None
    return name


# What a company's announcement is, written between its name and 公告 or a headline's colon
# (某某澄清公告, 某某回应：…): the kind of statement, no part of the name.
_STATEMENT_KIND = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]{2})(?:澄清|更正|补充|回应|辟谣|致歉)$")


def without_statement_kind(run: str) -> str:
    """A run before 公告 or a headline's colon without the kind of statement it ends with."""
    return _STATEMENT_KIND.sub("", run)


def plausible_name(run: str) -> str | None:
    """The name a run of text could be, cut as written names are, or None."""
    return _trim(run)


@lru_cache(maxsize=4096)
def kind_of(name: str) -> str:
    return "fund" if _FUNDISH.search(name) and not name.endswith(("公司", "集团")) else "company"


def plain_company(name: str) -> bool:
    """Whether a run is a company's name as it stands: cut to itself, no fund's, and free of a
    statement's words."""
    return _trim(name) == name and kind_of(name) == "company" and not STATEMENT_WORDS.search(name)
