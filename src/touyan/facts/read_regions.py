"""Which economy a figure no name owns is about: the one the text names, if any.

`RegionReader._region` files a figure that no company, fund or person owns under the economy
the text names last before it (a country, 全球, or a Chinese province or city), else the one
named after it in its text or title, else China for a Chinese release; and under none when the
figure is a firm's, a project's, an area's or a group's that the text does not name as one.
Split from `read_subjects`, whose readers ask it last.
"""

from __future__ import annotations

import re

from touyan.facts.bilateral import BILATERAL
from touyan.facts.economy import (
    CHINA,
    CHINESE_RELEASE,
    CN_REGION,
    HAN,
    REGION,
    REGION_NAMES,
    cn_region_name,
)
from touyan.facts.economy_scope import (
    GRADE_AFTER,
    INDEX_AFTER,
    brand_opens,
    company_bulletin,
    country_before,
    in_aside,
    owner_pointed,
    place_label,
    share_in_economy,
    state_after,
    state_opens,
    stocks_after,
    unnamed_firm_opens,
)
from touyan.facts.entities import EntityRecord
from touyan.facts.read_text import FOREIGN_CENTRAL_BANK, SENTENCE_END, TextReader

# A short phrase in quotation marks around a region's name (“全国玩家”).
_QUOTED_BEFORE = re.compile(r"[“\"][^”\"，,。；;]{0,6}$")
_QUOTED_AFTER = re.compile(r"[^“”\"，,。；;]{0,6}[”\"]")
_ORG_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:委员会|协会|交易所|集团|公司|证券|研究院)"
    # a firm the name describes by its trade (某国游戏开发商某某): the firm's
    r"|[\u4e00-\u9fff]{0,6}?(?:开发商|制造商|运营商)"
    # a laboratory or a school in a city (某地病毒所, 某地大学): where a test was done
    r"|[\u4e00-\u9fff]{0,4}?(?:病毒所|研究所|大学|医院)"
)
# A clock a region's name opens (某国当地时间周一, 某洲中部时间1月6日): when, not the economy.
_CLOCK_AFTER = re.compile(r"(?:当地|东部|中部|西部|太平洋|山地)?时间")
# Economies no pattern of REGION names (Macau, and countries named less often): a text naming
# one is about abroad, whose unowned figures are not China's by default.
_ABROAD = re.compile(
    r"澳门|伊拉克|伊朗|以色列|泰国|哈萨克斯坦|乌克兰|波兰|瑞典|挪威|丹麦|芬兰|比利时|奥地利|"
    r"爱尔兰|葡萄牙|希腊|智利|秘鲁|哥伦比亚|埃及|尼日利亚|阿联酋|卡塔尔|科威特|巴基斯坦|缅甸|柬埔寨"
)
# What a region's name is compared with, not about (居全国第4位, 占全国的89.5%, 高于全国平均
# 水平, 位于全国前列): the figure is the region the text is about, not the nation's.
_COMPARED_BEFORE = ("占", "于", "居", "较", "比")
_COMPARED_AFTER = re.compile(r"平均|前列|第[一二三四五六七八九十\d]{1,3}(?!产业)")
# A Chinese region's name run on into a firm's (上海银行, 重庆燃气, 深圳机场) or an event's, or
# one item of a list of regions (广东、广西…等南方五省区): no economy of its own.
_FIRM_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:银行(?!间)|农商|证券|期货|机场|燃气|港务|电力|能源|国际|控股|股份)"
    r"|[\u4e00-\u9fff]{0,6}?(?:峰会|论坛|博览会|大会)"  # 某地某某峰会上表示: where one spoke
)
_LISTED_REGION = ("、", "等", "和", "及", "与")
_CHINA_WORDS = frozenset({"中国", "我国", "全国", "国内", "中华人民共和国", "香港", "台湾"})
# 全球 is the world's economy at a word's start: after a mark, or after these words (的全球,
# 据全球, 而全球, 2025年全球); glued after other characters it ends a name (兴证全球) or a verb's
# phrase (领先全球).
# A source's tag in brackets (（券商中国）, （中国证券报）): the publisher, not an economy.
_SOURCE_TAG = re.compile(r"[（(][\u4e00-\u9fff]{0,6}$")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_OPENS_WORLD = frozenset("的据而但且及和与是为从对将使让令去今明前后上本年月日份度季天周期")
# 在国内, 转向国内, 回到国内: where something is done or goes, not the economy.
_MOVED_TO = frozenset("在于赴到向回")
# 位于某国, 总部设在某国: where an organisation sits.
_LOCATED = ("位于", "设在", "地处", "坐落于")
# 全球顶级的, 全球最大的, 中国领先的: an epithet of what the sentence is about.
_WORLD_EPITHET = re.compile(
    r"(?:顶级|顶尖|最大|最多|最高|领先|知名|著名|头部|第一|前列)[\u4e00-\u9fff]{0,3}的"
    # (全球最大黄金ETF--某某信托: the holder it names, with no 的)
    r"|最大[\u4e00-\u9fff]{0,6}?(?:ETF|基金|银行|公司|企业|集团|交易所|生产商|制造商)"
)

# What a country's name may open that is not its economy: a market trading one thing by its
# own name (全国碳排放权交易市场).
_NOT_ITS_ECONOMY = re.compile(r"[\u4e00-\u9fff]{1,10}?交易市场")
# A China word opening a market's name (全国碳排放权交易市场): the text is about that market.
_MARKET_NAMED = re.compile(r"(?:全国|中国|我国)[\u4e00-\u9fff]{1,10}?交易市场")
# A full firm's name a Chinese region opens (某市某区国有资产投资经营有限公司): no economy.
_FIRM_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{2,20}?有限(?:责任)?公司")
# An area a figure is of, named by its own word (某组织地区, 某海外区域的): no country's. (Not
# a part of the country the text is about, 东部地区, 农村地区, 沿海地区, nor 该地区: the one named.)
_AREA_WORD = r"(?<![部村镇城市海远他分数些各困山该本此这])(?:地区|区域)"
_AREA_BEFORE = re.compile(rf"{_AREA_WORD}的?$")
_AREA_LABEL = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{_AREA_WORD}(?!的?(?:生产总值|GDP))")
# Some unnamed members of a group a label opens with (甚至有酒商…, 也有部分企业…).
_SOME_OF = re.compile(
    r"(?:甚至|还|也|更|亦)?有(?:部分|一些|个别|少数|不少)?[\u4e00-\u9fff]{0,4}?"
    r"(?:商|企业|公司|厂|家|户|机构|银行|城市|地区|门店)"
)
# A label pointing back to a figure just stated (这一比率, 二季度该比例): whoever owns that one.
_ANAPHOR = re.compile(
    r"[\u4e00-\u9fff\d]{0,8}?(?:这一|这个|该|此)(?:比率|比例|比重|数字|指标|数据|水平|数值)"
)
# A clause opening on a pronoun for things (它们通常成本数百万, 这些企业营收): the things the
# sentence before named, no economy. (Not 他们: people who speak of the economy, 他们指出.)
_PRONOUN_OPENS = re.compile(r"\s*(?:它们|这些|那些|此类|这类)")
# A school a sentence names (某某大学某专业毕业生…就业率) or a poll's rating (支持率, 好感度):
# a school's or a politician's figure, never an economy's (not 科学院, an academy that
# publishes the nation's figures).
# (Not 全国大学生, 中小学: the nation's students, whose figures are its own.)
_SCHOOL = re.compile(r"(?!全国|我国|中国|国内|各地)[\u4e00-\u9fff]{2,10}(?:大学|(?<!科)学院)(?!生)")
_POLL_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:支持率|好感度|得票率|民调)")
# A project's or a works' own figure (项目总投资, 工程投资, 该项目建设规模).
_PROJECT_LABEL = re.compile(r"\s*(?:包括|其中)?(?:该|本|此)?(?:项目|工程)")
# A firm a sentence or a clause opens with, after a day or a year (某某集团, 某某有限公司), or
# a zone of a city run by its own board (某市自贸试验区某新片区管委会…表示): the zone's figures.
_FIRM_LEAD = re.compile(
    r"\s*(?:\d{1,2}月\d{1,2}日[，,]?\s*)?(?:(?:19|20)\d{2}年(?:度)?\s*)?"
    r"(?P<firm>[\u4e00-\u9fffA-Za-z]{2,12}?(?:集团|公司|电网|控股|新片区|新区|开发区|试验区|园区"
    # a public body (某国不动产院同期增幅…, 某某公社): not 住院人数, whose 院 runs on
    r"|(?:院|公社|公团)(?=同期|表示|称|发布|数据|的|[（(，,、]))"
    # a name and its group's in brackets (某某康（某某集团）1月10日发布消息称)
    r"|[\u4e00-\u9fffA-Za-z]{2,8}[（(][\u4e00-\u9fffA-Za-z]{2,10}?(?:集团|公司|控股)[）)])"
)
# A sentence opening on a company's report (某某的财报显示，, 某某年报中): its figures.
_REPORT_LEAD = re.compile(
    r"\s*[\u4e00-\u9fffA-Za-z]{2,12}?的?(?:财报|年报|季报|半年报|业绩报告|业绩快报)(?:显示|称|指出|中)"
)
# A class of firms, not one (国有控股, 上市公司, 规模以上企业, 全国各类公司); a firm that
# compiles others' figures (某某研究公司表示, 某某咨询公司数据); names joined (某会与某集团);
# a preposition before the name (从某某集团获悉: where the news came from).
_NOT_A_FIRM = re.compile(
    r"国有|上市|规模|全国|我国|国务院|各|等|企业|这些|部分|多家|子公司|母公司"
    r"|研究|咨询|数据|调研|调查|统计|评级|信息|[与和及、]|^(?:从|据|由|向|在|经|对|记者)"
)
# The whole of a province or city the text is about (全省305家企业, 本市居民).
# (Not what a figure is compared with: 和全省持平, 高于全省.)
_WHOLE_LOCAL = re.compile(r"(?<![和与于较比占同])(?:全|本)(?:省|市)(?![场值委政])")


class RegionReader(TextReader):
    """The economy a figure falls to when no name owns it."""

    def _region(self, before: int) -> EntityRecord | None:
        """The economy a text about no company or fund names last before a figure: a
        country's, or a Chinese region's (`_names_cn_region`)."""
        if self.names_a_company or company_bulletin(self.text):
            return None  # (某某：12月销售生猪…: the company's bulletin, no economy's)
        if "区" in self.text[max(0, before - 3) : before + 12] and self._area_named(before):
            return None
        if self._firm_led(before) or self._project_figure(before):
            return None
        clause = max(self.text.rfind(c, 0, before) for c in "，,。；;：:！？!?\n") + 1
        if place_label(self.text, before) or state_opens(self.text, clause):
            return None  # 东京都净迁入人数, 该州的住院人数, 某州一套住宅的…: that place's
        opened = max(self.text.rfind(c, 0, before) for c in "。！？!?\n") + 1
        if (
            _PRONOUN_OPENS.match(self.text, clause) or _PRONOUN_OPENS.match(self.text, opened)
        ) and not any(p.search(self.text, opened, before + 2) for p in (REGION, CN_REGION)):
            # 它们通常成本…，售价…: the things named before, no economy's (but 这些数据显示，
            # 某国…: the economy the sentence goes on to name)
            return None
        if _POLL_LABEL.match(self.text, before):
            return None  # 某某访问后，其支持率上升: a politician's, no economy's
        if (school := _SCHOOL.search(self.text, opened, before)) and not any(
            p.search(self.text, school.end(), before + 2) for p in (REGION, CN_REGION)
        ):
            return None  # 某大学某专业毕业生就业率 (but 某大学报告显示，我国…: the nation's)
        if share_in_economy(self.text, before):
            return None  # 某币在全球外汇储备中占比: the currency's share, no economy's
        if owner_pointed(self.text, before) or brand_opens(self.text, clause, before):
            return None  # 她的粉丝数, 该炼油厂日产量, 某某品牌累计销量: theirs, no economy's
        if "全球" in self.text[max(0, before - 60) : before] and self._epithet_before(before):
            return None  # 某国股市…，全球最大的某基金、管理资产超…: what the epithet names
        if "有" in self.text[before : before + 3] and _SOME_OF.match(self.text, before):
            return None  # 甚至有酒商春节档销售下滑: some of them, no economy's
        if self.prev_q is not None and _ANAPHOR.match(self.text, before):
            # 某组织地区就业率达到68%，上季度这一比率为…: the figure before it in the sentence
            # is what it points back to, whose owner no economy named elsewhere is
            return None
        last = max(
            (r for r in REGION.finditer(self.text, 0, before) if self._names_economy(r, before)),
            key=lambda r: r.start(),
            default=None,
        )
        opening = REGION.match(self.text, before)  # a label that opens with it (全国某某订单)
        if opening is not None and self._names_economy(opening, opening.end()):
            last = opening
        if (
            last is not None
            and last is not opening
            and not self.text.startswith(BILATERAL, before)  # 双边贸易额: the pair's (bilateral)
            and self._listed_economy(last)
        ):
            return None  # 甲国、乙国和丙国跌幅超过5%。…: the group's, no one economy's
        if "全" in self.text or "本" in self.text:
            whole = self._whole_local(before, last.start() if last is not None else -1)
            if whole is not None:
                return whole if isinstance(whole, EntityRecord) else None
        since = last.start() if last is not None else -1
        # (<= before: a label may open with the region, 某市生产总值)
        for local in reversed([r for r in self._cn_regions() if since < r.start() <= before]):
            own = self._names_cn_region(local, before)
            if own is None and last is None and self._listed(local):
                return None  # 广东、广西…等五省区…。其中，第三产业: still the group's
            if own is not None:
                return EntityRecord(cn_region_name(local), "org") if own else None
        regions = [last] if last is not None else []
        if not regions and self._headline_local(before):
            return None  # 【某某外送电量…】某区…数据显示: the region's, which the head omits
        if not regions:
            # a region named after the figure (增长5%，…美国…), not in a source's tag
            # ((券商中国)) nor glued into a name; none when the figure's sentence is about
            # what a world epithet describes (全球顶级的某某基金…业绩为)
            after = REGION.search(self.text, before)
            regions = (
                [after]
                if after
                and self._names_economy(after, before)
                and not in_aside(self.text, after, len(self.text))
                and not _SOURCE_TAG.search(self.text, max(0, after.start() - 8), after.start())
                and not self._epithet_before(before)
                and not self._firm_led(after.start())  # 某某（某某集团）发布消息称，全球…
                # (…渗透率为42%，受惠于其他中国品牌…: a class of brands named after it)
                and not self.text.startswith("品牌", after.end())
                else []
            )
        if not regions:
            regions = [
                r
                for r in REGION.finditer(self.title)
                if not self._glued_world(r) and not state_after(self.title, r)
            ]
        if not regions:
            # A Chinese statistical text that names no economy is about China's (国家统计局:
            # "8月份，商品零售额同比增长3.7%").
            if HAN.search(self.text) and not self.company_text:
                if _MARKET_NAMED.search(self.text) or self._names_foreign():
                    # 全国某某交易市场…累计成交额: the market's; 某某（某集团）…其中以美国和日本
                    # 为主: a text about abroad, whose unowned figures are not China's
                    return None
                release = CHINESE_RELEASE.search(self.text) or CHINESE_RELEASE.search(self.title)
                return CHINA if release or self.compilers else None
            return None
        name = regions[-1].group()
        return EntityRecord(REGION_NAMES.get(name, name), "org")

    def _headline_local(self, before: int) -> bool:
        """Whether a figure in the headline a flash opens with (【…】) is followed by a first
        sentence naming a Chinese region before any economy: the headline speaks of that
        region's figure in a short form (某地电外送电量), not of the nation's."""
        if not self.text.startswith("【"):
            return False
        head_end = self.text.find("】")
        if not 0 < before < head_end:
            return False
        end = SENTENCE_END.search(self.text, head_end)
        stop = end.start() if end is not None else len(self.text)
        local = next((r for r in self._cn_regions() if head_end < r.start() < stop), None)
        if local is None:
            return False
        economy = REGION.search(self.text, head_end, stop)
        return economy is None or local.start() < economy.start()

    def _names_foreign(self) -> bool:
        """Whether the text names a foreign economy (or 全球) anywhere: then it is no Chinese
        release naming no economy, whose figures are China's by default."""
        if _ABROAD.search(self.text):
            return True  # 某某国家石油营销组织…, 访澳旅客: that economy's, not China's
        if any(r.group() not in _CHINA_WORDS for r in REGION.finditer(self.text)):
            return True
        # 某某国央行…收购总量: a country REGION does not know, named by its central bank
        return FOREIGN_CENTRAL_BANK.search(self.text) is not None

    def _project_figure(self, before: int) -> bool:
        """Whether the label or its clause opens with a project or works (项目总投资, 包括工程
        投资): the project's figure, no economy's."""
        near = self.text[max(0, before - 12) : before + 2]
        if "项目" not in near and "工程" not in near:
            return False  # the common case, cheaply
        clause = max(self.text.rfind(c, 0, before) for c in "，,。；;：:！？!?\n") + 1
        return bool(
            _PROJECT_LABEL.match(self.text, before) or _PROJECT_LABEL.match(self.text, clause)
        )

    def _firm_led(self, before: int) -> bool:
        """Whether the figure's sentence or clause opens (after a day or a year) with a firm
        the reader does not know (2022年某某电网计划总投入…, 某某集团发布消息，…): the firm's
        figure, which no economy named near it owns."""
        sentence = max(self.text.rfind(c, 0, before) for c in "。！？!?；;\n】") + 1
        clause = max(sentence, *(self.text.rfind(c, 0, before) + 1 for c in "，,：:"))
        if unnamed_firm_opens(self.text, sentence) or unnamed_firm_opens(self.text, clause):
            return True  # 一家某某平台的负责人表示，…; 公司1月在某国市场…: that firm's
        for start in {sentence, clause}:
            lead = _FIRM_LEAD.match(self.text, start, before)
            if lead is not None and not _NOT_A_FIRM.search(lead["firm"]):
                return True
        # 某某的财报显示，…: a company's own report, whatever economy the text names
        return _REPORT_LEAD.match(self.text, sentence, before) is not None

    def _whole_local(self, before: int, since: int) -> EntityRecord | bool | None:
        """某省…，全省305家企业…，累计成交额: a figure whose sentence speaks of the whole of a
        province or city (全省, 本市) after naming any country is that Chinese region's, the
        last one named before; False when none is named (whose whole is unknown); None when
        the sentence has no such word."""
        start = max(since, *(self.text.rfind(c, 0, before) for c in "。！？!?\n")) + 1
        found = [m for m in _WHOLE_LOCAL.finditer(self.text, start, before)]
        if not found:
            return None
        at = found[-1].start()
        named = [r for r in self._cn_regions() if r.end() <= at]
        return EntityRecord(cn_region_name(named[-1]), "org") if named else False

    def _area_named(self, label_start: int) -> bool:
        """Whether a label opens with an area of its own (某组织地区就业率) or follows one
        (除某海外区域的新增病例): the area's figure, which no country's name before or after
        it is the economy of."""
        if _AREA_BEFORE.search(self.text, max(0, label_start - 4), label_start):
            return True
        return _AREA_LABEL.match(self.text, label_start) is not None

    def _cn_regions(self) -> list[re.Match[str]]:
        """The Chinese regions the text names as an economy, not as a place something happens
        in (在乌鲁木齐开幕) nor in a firm's name (上海银行); read once."""
        if self.cn_regions is None:
            self.cn_regions = [
                r
                for r in CN_REGION.finditer(self.text)
                if self.text[max(0, r.start() - 1) : r.start()] not in ("在", "于", "赴", "到")
                and not _FIRM_AFTER.match(self.text, r.end())
                and not GRADE_AFTER.match(self.text, r.end())  # 某省大混(5000大卡): a good's
                and not _ORG_AFTER.match(self.text, r.end())
                and not _FIRM_NAME_AFTER.match(self.text, r.end())
            ]
        return self.cn_regions

    def _names_cn_region(self, region: re.Match[str], before: int) -> bool | None:
        """Whether a Chinese region is the economy of a figure: in the figure's own sentence,
        and for the figures after when the title names it too (去年某省GDP…: the text is about
        that province); a national release listing regions (其中，某省增长8%) goes back to the
        nation's figures after that sentence (None: the region says nothing there). False for
        one item of a list of regions in the figure's sentence (广东、广西…等五省区): a group's
        figure, nobody's."""
        own_sentence = SENTENCE_END.search(self.text, region.end(), before) is None
        if self.text[region.end() : region.end() + 1] == "至" or (
            self.text[region.start() - 1 : region.start()] == "至"
        ):
            return None  # 甲地至乙地高速铁路: a route's ends, no economy of the figure
        if self._listed(region):
            return False if own_sentence else None
        if own_sentence:
            return True
        name = cn_region_name(region)
        return (
            True if any(cn_region_name(t) == name for t in CN_REGION.finditer(self.title)) else None
        )

    def _listed(self, region: re.Match[str]) -> bool:
        """Whether a region is one item of a list (广东、广西…等)."""
        return self.text[region.start() - 1 : region.start()] in _LISTED_REGION or (
            self.text[region.end() : region.end() + 1] in _LISTED_REGION
        )

    def _listed_economy(self, region: re.Match[str]) -> bool:
        """Whether a country is one item of a list of countries (甲国、乙国和丙国; 我国和乙国):
        the figures after are the group's or the pair's. (中国与东盟: a country and a bloc no
        pattern names, whose trade is the country's.)"""
        lo, hi = region.start(), region.end()
        if self.text[hi : hi + 1] == "等":
            return True
        if self.text[lo - 1 : lo] in _LISTED_REGION:
            before = self.text[max(0, lo - 8) : lo - 1]
            if any(r.end() == len(before) for r in REGION.finditer(before)):
                return True
        if self.text[hi : hi + 1] in _LISTED_REGION:
            return REGION.match(self.text, hi + 1) is not None
        return False

    def _names_economy(self, region: re.Match[str], before: int) -> bool:
        """全球 is a subject only in its own sentence, and not as what a figure is compared
        with: 中国在全球制造业中的占比 is China's, and after "4月全球油价大跌" the CPI is still
        the country's the text is about."""
        if _ORG_AFTER.match(self.text, region.end()):
            return False  # 中国证券监督管理委员会核准: an agency's name, not the economy
        if _CLOCK_AFTER.match(self.text, region.end()) or INDEX_AFTER.match(
            self.text, region.end()
        ):
            return False  # 某国当地时间周一, 某国富时100指数: a clock's or an index's name
        if _QUOTED_BEFORE.search(self.text, max(0, region.start() - 8), region.start()) and (
            _QUOTED_AFTER.match(self.text, region.end())
        ):
            return False  # 从“区域王者”到“全国玩家”: a figure of speech, not the economy
        before_region = self.text[region.start() - 1 : region.start()]
        if region.end() != before and _NOT_ITS_ECONOMY.match(self.text, region.end()):
            return False  # 全国某某交易市场: a market's name (but 全国交易市场成交额: its own)
        if self.text.startswith("品牌", region.end()) and self.text.endswith(
            ("其他", "其它", "各"), 0, region.start()
        ):
            return False  # 某甲、某乙与其他中国品牌扩大导入…: a class of brands, no economy
        if _WORLD_EPITHET.match(self.text, region.end()):
            return False  # 是中国最大的某某中心: an epithet of what the sentence is about
        if self.text.endswith(_LOCATED, max(0, region.start() - 4), region.start()):
            return False  # 总部位于某国某市的某组织: where it sits, not the economy
        if region.group() == "国内" and (
            REGION.search(self.text, region.start() - 6, region.start())
            or self.text.startswith("外", region.end())
            or before_region in _MOVED_TO
        ):
            # 德国国内新订单: that country's home market, not China's; 接待国内外游客: home
            # and abroad, no economy; 转向国内发债: where a firm goes, not the economy
            return False
        if region.group() == "全国" and country_before(self.text, region.start()):
            return False  # 某国全国: that country's whole, not China's
        if state_after(self.text, region) or stocks_after(self.text, region):
            return False  # 某国某某州, 某国能源类股: the state's, the sector's
        if in_aside(self.text, region, before):
            return False  # …（含某地，下同）的订单: an aside, not the economy meant
        if region.group() not in ("全国", "全球"):
            return True
        if before_region in _COMPARED_BEFORE or _COMPARED_AFTER.match(self.text, region.end()):
            return False  # 居全国第4位, 高于全国平均水平: what a region's figure is compared with
        if region.group() != "全球":
            return True
        if before_region in ("在", "全"):
            return False
        if self._glued_world(region):
            return False
        return SENTENCE_END.search(self.text, region.end(), before) is None

    def _epithet_before(self, at: int) -> bool:
        """Whether the sentence up to `at` opens on what a world epithet describes (全球顶级的
        某某基金): its figures are that one's, no economy's."""
        start = max(self.text.rfind(c, 0, at) for c in "。！？\n") + 1
        world = self.text.find("全球", start, at)
        while world >= 0:
            if _WORLD_EPITHET.match(self.text, world + 2):
                return True
            world = self.text.find("全球", world + 2, at)
        return False

    def _glued_world(self, region: re.Match[str]) -> bool:
        """Whether 全球 is glued after other characters (兴证全球基金, 领先全球: a name's or a
        phrase's word) or opens an epithet (全球顶级的某某基金: what it describes is the
        subject), in the text or the title `region` was found in: not the world's economy."""
        if region.group() != "全球":
            return False
        source = region.string
        before = source[region.start() - 1 : region.start()]
        return bool(_HAN_CHAR.fullmatch(before) and before not in _OPENS_WORLD) or bool(
            _WORLD_EPITHET.match(source, region.end())
        )
