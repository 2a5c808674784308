"""Where a country's name does not make a figure that country's.

`read_subjects.SubjectReader._region` files a figure no name owns under the economy the text
names last before it. These are the ways of writing that name a country while the figure is
another place's or another body's: 全国 after a foreign country (某国全国: that country's whole,
not China's), a country followed by one of its states (某国某某州), a country's name in an
aside in brackets (（含某地，下同）), a label opening with a place CN_REGION does not know
(某某都, 某某州, 某某县: a city's or a state's own figure), a country's stocks of one sector
(某国能源类股), a sentence opening on an unnamed firm (一家某某平台的负责人表示), and a
flash that is a company's own bulletin (某某：12月销售生猪…, `company_bulletin`). And the
other way round: an economy written right before a label (某国12月PCE物价指数, 全球平均利率)
owns the figure over a speaker, a forecaster or a company carried from before
(`economy_before_label`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from touyan.facts.economy import CHINESE_RELEASE, CN_REGION, ECONOMY_OF, REGION, REGION_NAMES

# China's own words for itself: no foreign country's.
_CHINA_WORDS = frozenset({"中国", "我国", "全国", "国内", "中华人民共和国", "香港", "台湾"})
# A state or prefecture run on after a country's name (某国某某州, 俄 in 俄亥俄州): the state's
# figures. (Not 各州, 多州, 全州: the country's states as a whole.)
_STATE_AFTER = re.compile(r"(?![各多全该每数几本两])[\u4e00-\u9fff]{1,4}?州")
# A label opening with a place of its own CN_REGION does not know (东京都, 某某州, 某某县):
# the place's figure, no country's. (Not 全县, 该州 alone: handled as the place before.)
_PLACE_LABEL = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,3}?(?:州|都|县))(?=[\u4e00-\u9fff])")
_STATE_OPENS = re.compile(r"[\u4e00-\u9fff]{1,4}?州(?=[\u4e00-\u9fff])")
_NOT_A_PLACE = re.compile(r"^(?:首都|全|大都|全都|都|各|多)")
# A place pointed back to right before the label (该州的住院人数, 该县的): the state, county or
# city named before, whose figure no country's is.
_PLACE_POINTED = re.compile(r"(?:该|本|全)(?:州|县)的?$")
# A country's stocks of one sector (某国能源类股, 某国科技板块): the sector's return, not the
# economy's.
_STOCKS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:类股|板块|概念股|个股)")
# A sentence or a clause opening on a firm it does not name (一家某某平台的负责人表示，…;
# ，公司1月在某国市场售出…): that firm's figures.
_UNNAMED_FIRM = re.compile(r"\s*(?:(?:有|据)?(?:一家|某家|一位|某位)|(?:该|本)?公司(?![债股]))")
_OPEN, _CLOSE = "（(", "）)"
# A good named for where it comes from, with its grade in brackets (某省大混(5000大卡), 某地优质
# 米(一级)): the good's price, not the province's economy.
GRADE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}[(（][\d.]+[\u4e00-\u9fff]{0,3}[)）]")


def country_before(text: str, at: int) -> bool:
    """Whether a foreign country's name ends right at `at` (某国全国, 某国国内): what follows
    is that country's whole, not China's."""
    return any(
        r.end() == at and r.group() not in _CHINA_WORDS
        for r in REGION.finditer(text, max(0, at - 8), at)
    )


def state_after(text: str, region: re.Match[str]) -> bool:
    """Whether a foreign country's name runs on into one of its states (某国某某州; 俄 in
    俄亥俄州): the state's figure, not the country's."""
    if region.group() in _CHINA_WORDS or "州" not in text[region.end() : region.end() + 5]:
        return False
    return _STATE_AFTER.match(text, region.end()) is not None


def in_aside(text: str, region: re.Match[str], before: int) -> bool:
    """Whether a country is named in brackets that close before `before` (…（含某地，下同）的
    订单; a bracket after the figure, when `before` is past it): an aside, not the economy the
    sentence is about."""
    start = region.start()
    opened = max(text.rfind(c, max(0, start - 30), start) for c in _OPEN)
    if opened < 0 or any(text.find(c, opened, start) >= 0 for c in _CLOSE):
        return False
    closed = min(
        (i for c in _CLOSE if (i := text.find(c, region.end(), region.end() + 30)) >= 0),
        default=-1,
    )
    return 0 <= closed < before and "。" not in text[opened:closed]


def place_label(text: str, at: int) -> bool:
    """Whether the label at `at` opens with a place CN_REGION does not know (东京都净迁入人数,
    某某州的), or follows one pointed back to (该州的住院人数): that place's own figure."""
    if _PLACE_POINTED.search(text, max(0, at - 3), at):
        return True
    found = _PLACE_LABEL.match(text, at)
    if found is None or _NOT_A_PLACE.match(found["place"]):
        return False
    region = CN_REGION.match(text, at)
    return region is None or region.end() < found.end()


def state_opens(text: str, clause_start: int) -> bool:
    """Whether the clause opens on a state or a prefecture CN_REGION does not know (某州一套
    住宅的销售价格中值): that place's figure, no country's."""
    found = _STATE_OPENS.match(text, clause_start)
    if found is None or _NOT_A_PLACE.match(found.group()):
        return False
    region = CN_REGION.match(text, clause_start)
    return region is None or region.end() < found.end()


def stocks_after(text: str, region: re.Match[str]) -> bool:
    """Whether a country's name opens a sector of its stocks (某国能源类股): their return."""
    return _STOCKS_AFTER.match(text, region.end()) is not None


def unnamed_firm_opens(text: str, start: int) -> bool:
    """Whether the sentence or clause at `start` opens on a firm or person it does not name
    (一家某某平台的负责人表示，…; 公司1月在某国市场售出…): the figures after are that firm's,
    no economy's."""
    return _UNNAMED_FIRM.match(text, start) is not None


# Between an economy and a label it owns: a month or a year, 国家 or 地区, a 的 (某国12月PCE物价
# 指数, 某区国家的通胀率, 全球平均利率).
_OWNED_LABEL = re.compile(
    r"(?:(?:19|20)\d{2}年|\d{1,2}月份?|[今去明]年|[上本]月|年[底末初])*(?:国家|地区)?的?"
)
# What a company measures of a market (某国销量, 全球出货量, 中国区营收): its own figure there.
_COMPANY_MEASURE = re.compile(
    r"销|出货|交付|营收|收入|利润|份额|市占|订单|用户|门店|业务|工厂|产能|估值|股价|市值|市场"
)
# A share of a whole a label names after 在 and an economy (某币在全球外汇储备中占比): what
# stands before 在 owns it.
_SHARE_IN = re.compile(r"[\u4e00-\u9fff]{0,10}?中的?(?:占比|占|份额|比重|比例)")
# What may stand right before an economy's name opening its label (年底全球, 在全球, ，美国).
_OPENS_ECONOMY = frozenset(
    "的据而但且及和与是为从对将在使让令今明前后上本年月日份度季天周期底末初计测示称"
)


def share_in_economy(text: str, label_start: int) -> bool:
    """Whether the label names a share of an economy's whole after 在 and the economy
    (某币在全球外汇储备中占比): what stands before 在 owns it, no economy."""
    return bool(
        _SHARE_IN.match(text, label_start)
        and any(
            r.end() == label_start and text[r.start() - 1 : r.start()] == "在"
            for r in REGION.finditer(text, max(0, label_start - 9), label_start)
        )
    )


# A stock index named with its count of members (某国富时100指数, 某国某某40指数): the index's
# level or move, not the economy's.
INDEX_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,4}\d{2,3}指数")


def economy_before_label(text: str, clause_start: int, label_start: int, end: int) -> str | None:
    """The economy written in the label's clause right before the label (某国12月PCE物价指数,
    在2021年全球经济增长, 某区国家的通胀率): the figure is that economy's, not a speaker's, a
    forecaster's or the company carried from before. None for what a company measures in a
    market (全球出货量, 某国销量) and for China's 国内 and 全国."""
    if label_start - clause_start < 2 or _COMPANY_MEASURE.search(text, label_start, end):
        return None
    region = next(
        reversed(list(REGION.finditer(text, max(clause_start, label_start - 16), label_start))),
        None,
    )
    if region is None or region.group() in ("国内", "全国"):
        return None  # (a company's home market; a film's 全国排片: `nationwide` reads those)
    if INDEX_AFTER.match(text, region.end()):
        return None  # 某国富时100指数今年累计上涨: the index's move
    if _OWNED_LABEL.fullmatch(text, region.end(), label_start) is None:
        return None
    if state_after(text, region) or place_label(text, label_start):
        return None  # 某国某某州山火失踪人数: the state's, not the country's
    if share_in_economy(text, label_start):
        return None  # 某币在全球外汇储备中占比: the currency's share of the world's
    before = text[region.start() - 1 : region.start()]
    if before in "、和与及" and any(
        r.end() == region.start() - 1 for r in REGION.finditer(text, max(0, region.start() - 9))
    ):
        return None  # 某某在甲国和乙国的专利合计占比: the pair's, neither economy's
    if region.start() > clause_start and "\u4e00" <= before <= "\u9fff":
        if before not in _OPENS_ECONOMY:
            return None  # 兴证全球, 领先全球: a name's or a phrase's word
    return REGION_NAMES.get(region.group(), region.group())


# A flash, or the headline in 【】 it opens with, led by a name and a colon, then a company's
# operating figures of a month, a quarter or a year (某某：12月销售生猪8万头, 【某某汽车：2021年
# 销量突破9万辆】, 某某：第四季度某国销售…): the company's own bulletin.
_BULLETIN = re.compile(
    r"\s*【?(?P<name>[\u4e00-\u9fffA-Za-z]{2,10})[：:]\s*"
    r"(?:(?:19|20)\d{2}\s*年(?:度|全年)?)?\s*"
    r"(?:第?[一二三四1-4]\s*季度|\d{1,2}\s*[-—至]\s*\d{1,2}\s*月|\d{1,2}\s*月份?|[上下]半年|前三季度)?"
    r"\s*(?:全年|累计|合计|共)?(?:实现|完成)?[\u4e00-\u9fffA-Za-z]{0,8}?"
    r"(?:销售|销量|收入|营收|交付|出货|产量|签约|合同)"
)
# A flash led by a name and its announcement (某某公告，拟…; 某某：公司拟…): the company's own.
_ANNOUNCED = re.compile(
    r"\s*(?:【[^】]{0,60}】)?\s*(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)"
    r"(?:公告[，,：:]|[：:]\s*(?:公司|本公司|本集团))"
)
# A lead that compiles or comments on others' figures (某某统计局：, 某某协会：, 某某证券：,
# 市场消息：): a source, not a company reporting its own.
_SOURCE_LEAD = re.compile(
    r"(?:部|局|委|署|办|会|协|院|所|厅|处|中心|政府|组织|机构|研究|咨询|分析|数据|报告|消息|"
    r"显示|报|社|网|台|媒|人士|证券|期货|银行|央行|评|讯)$"
)


@lru_cache(maxsize=64)
def company_bulletin(text: str) -> bool:
    """Whether a flash is a company's own bulletin (某某：12月销售生猪8万头…; 某某汽车：2021年
    销售…, a country's name in it or not): its figures are that company's, which no economy
    the text names (某国, a Chinese release's 元) owns. Not a lead that is an economy (某国：,
    某省：) or a source (`_SOURCE_LEAD`, an agency's)."""
    lead = _BULLETIN.match(text) or _ANNOUNCED.match(text)
    if lead is None:
        return False
    name = lead["name"]
    if _SOURCE_LEAD.search(name) or name in ECONOMY_OF or CHINESE_RELEASE.search(name):
        return False
    return len(CN_REGION.sub("", REGION.sub("", name))) >= 2  # not 某国：, 某省某市：


# A label owned by a person a pronoun points back to (她的推特粉丝数量), or by a thing (该炼油厂
# 日产量, 这家工厂产能) the text named before: theirs, no economy's. (Not 该国, 该省, 该地区:
# the place named before.)
_OWNER_POINTED = re.compile(
    r"(?:(?<!其)[他她](?:们)?的?$)"
    r"|(?:该|此|这家|这座|这个|这一)(?![国省市州县区地城镇乡村])[\u4e00-\u9fff]{0,4}?"
    r"(?:厂|矿|港|公司|企业|集团|中心|平台|机构|银行|油田|电站|园区|门店|产品|药物|疫苗|品牌|"
    r"车型|机型|航线|交易所|医院|学校|大楼|基地)"
)
# A clause opening on a brand (某某品牌2021年累计销量): the brand's figures.
_BRAND_OPENS = re.compile(r"\s*(?P<name>[\u4e00-\u9fffA-Za-z]{1,8}?)品牌")


def owner_pointed(text: str, at: int) -> bool:
    """Whether the label at `at` is a person's a pronoun points back to (她的推特粉丝数量) or
    opens on a thing pointed back to (该炼油厂日产量): theirs, no economy's."""
    return bool(_OWNER_POINTED.search(text, max(0, at - 3), at) or _OWNER_POINTED.match(text, at))


def brand_opens(text: str, clause_start: int, at: int) -> bool:
    """Whether the label's clause opens on a brand (某某品牌2021年累计销量): its figures. (Not
    a country's brands, 中国品牌汽车在某国的销量: a class the country's name owns.)"""
    brand = _BRAND_OPENS.match(text, clause_start, at)
    return brand is not None and REGION.search(brand["name"]) is None
