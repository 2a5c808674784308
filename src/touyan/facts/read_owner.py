"""Whose figure a labelled figure is, when it is not the subject's: the guards of `_labelled`.

A figure a sentence states may belong to others than the company carried from before: a
central bank's measures, a ranked group of companies, the industry, the nation's total, a
whole market's valuation; or to someone its words name though no dictionary knows them: an
investee, a holder trading the company's shares, a seat on a trading list, the officers
taken together, the industry a rank is within; or to the company it is compared with
(高于乙公司的3.36%). These steps tell `_labelled` (`read_labelled`) so, which then files the
figure under its owner, as the owner's object, or not at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from touyan.facts.entities import EntityRecord, Mention
from touyan.facts.extract import ExtractedFact
from touyan.facts.labels import (
    DAILY_METRICS,
    HOLDING_METRICS,
    RATIO_METRICS,
    YEAR_AGO,
    base_metric,
    unit_fits,
)
from touyan.facts.name_forms import plausible_name
from touyan.facts.read_subjects import RANKED_PEER, ranked_name
from touyan.facts.reader import Reader
from touyan.text.numbers import Quantity

# A streak's length after a figure (已连续涨停2天): how long, no price.
_STREAK = re.compile(r"\s*(?:天|日|板|连板|个?交易日)")
# A label right after these words is about the industry, sector or market, not the subject.
_NOT_THE_SUBJECT = re.compile(
    r"(?:所属行业|行业|板块|大盘|指数|全市场|两市)(?:整体|总体|全天|合计|共|共计|平均|均值|总)?"
    r"(?:呈现|出现)?$"
)
# A whole market written as the label's own first words, opening its clause (国际资本回流：A股
# 市盈率13倍显著低于美股): the market's valuation, when the sentence names no company before
# it; but 某某A股市盈率 is a company's A shares', and so is 最新A股总市值…，A股流通市值.
_MARKET_RATIOS = re.compile(r"(?:pe|pb|ps|dividend_yield)(?:_|$)")
_MARKET_BEFORE = re.compile(
    r"(?:(?<![\u4e00-\u9fffA-Za-z0-9])|(?<=当前|目前|整个))"
    r"(?:A股|港股|美股|中概股|全A|沪深两市)(?:市场)?(?:整体|总体|平均|的)?$"
)
# A price raised or cut from one level to another (某酒批发价由19年的750元/瓶上调至870元/瓶，
# 涨幅达12.0%): the rise is that price's, not the stock's move.
_RAISED_FROM_TO = re.compile(r"由[^，,。；;]{1,16}(?:上调|提升|提高|上涨|增长|下调|降低|下降)至")

# A central bank or regulator acting in a sentence (一行两局宣布降准、降息…，包括下调政策利率
# 0.1个百分点): the figures are its measures, not the company the text is about; so are an
# exchange's rules (两家证券交易所发布通知，将某保证金比例由50%降至40%).
_AUTHORITY_ACTS = re.compile(
    r"(?:央行|人民银行|人行|一行两局|一行一局一会|美联储|欧洲央行|欧央行|日本央行|英国央行|"
    r"金融监管总局|证监会|国务院|财政部|交易所)[^。；;！？\n]{0,20}?"
    r"(?:宣布|决定|下调|上调|降准|降息|加息|推出|出台|实施|发布(?:通知|规定|办法|细则|指引)|通知)"
)
# Words that bring such a sentence back to the company (央行降息后，公司净息差为…).
_BACK_TO_SELF = re.compile(r"[，,；;]\s*(?:(?:本|该)?(?:公司|集团)|本行|该行)")
# A clause opening with a ranked group of companies (前五名酒企营收占…，净利润占比超60%): the
# figures after it are the group's, not those of a company carried from before.
_RANKED_GROUP = re.compile(
    r"(?:^|[。！？!?\n，,；;：:])[^，,。；;\n]{0,8}?"
    r"(?:前[一二三四五六七八九十\d]{1,3}(?:名|大|家)[\u4e00-\u9fff]{0,6}?|"
    r"前[一二三四五六七八九十\d]{1,3}|头部[\u4e00-\u9fff]{0,6}?)"  # (not 前三季度公司)
    r"(?:企业|酒企|车企|房企|药企|险企|公司|厂商|品牌|银行|券商|玩家)"
)
# A share of the companies of a group (25%的公司户均持股市值在…区间, 三成的企业): the figure
# after it is where those companies fall, not the carried company's.
_SHARE_OF_COMPANIES = re.compile(
    r"(?:\d+(?:\.\d+)?%|[一二三四五六七八九]成|半数|多数|过半)的?(?:上市)?(?:公司|企业|个股|股票)"
)
# A clause saying the industry does the same (这种趋势在本行业内普遍存在，): a total or an
# overall figure (主力资金总体净流出) right after it is the industry's.
_INDUSTRY_WIDE = re.compile(
    r"(?:本|全|整个|所属|同)?行业(?:内|中|里|整体)?[^，,。；;\d]{0,10}[，,]\s*$"
)
_OVERALL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:总体|整体|合计|总计)")
# The market's penetration of new-energy cars (新能源汽车销量渗透率达…), an industry indicator
# a sentence naming no company does not state of the company carried from before.
_MARKET_PENETRATION = re.compile(
    r"(?:新能源|电动|纯电|混动|插混)(?:汽车|乘用车|车)(?:销量|零售|批发|市场)?渗透率"
)

# What stands right before a valuation label when it is a group's: an industry (…制造业), an
# average (行业平均, 车企平均).
_GROUP_BEFORE = re.compile(
    r"(?:行业|板块|同行|同业|车企|企业|公司|可比|市场)(?:整体)?(?:平均|均值|中位数)的?$"
    r"|所属[\u4e00-\u9fff]{2,16}业的?$"
    # 远高于专用设备制造业市盈率31.46: what the subject's is compared with
    r"|(?:高于|低于|超过|不及|优于|弱于)[\u4e00-\u9fff]{1,16}(?:业|板块|指数)的?$"
    # 传统车企如某甲、某乙市盈率不足10倍: the peers a group is shown by, not the subject
    r"|(?:如|例如|比如|像|包括)[\u4e00-\u9fffA-Za-z]{1,10}(?:[、和及与][\u4e00-\u9fffA-Za-z]{1,10})+"
    r"等?(?:公司|企业|车企)?的?$"
)  # but 近五年平均市盈率: the company's own history
_VALUATIONS = RATIO_METRICS | {"dividend_yield", "dividend_yield_static"}
# A circled list item opening with a company's name, its period, then the label.
_ITEM_COMPANY = re.compile(
    r"[①-⑳]\s*[\u4e00-\u9fff]{2,8}?(?:股份|科技|汽车|集团|控股|实业|药业|新材)"
    r"(?:Q[1-4]|[1-4]Q|[一二三四]季度|\d{4}年)?$"
)
# An index the sentence names and quotes (…价格指数7日报收于8559.33点).
_INDEX_CLOSE = re.compile(
    r"指数[^，,。；;\d]{0,4}\d{0,2}日?[^，,。；;\d]{0,2}(?:报?收于|收报|收跌|收涨)"
)
# A clause about a product's launch (远帆汽车X5一经发布，首月就斩获订单18420辆): the figures
# after it are the product's, which no reader names; not the company's.
_LAUNCHED = re.compile(
    r"(?:一经|一经正式|正式)?(?:发布|上市|推出|亮相|开启[^，,。；;]{0,6}预售|预售)(?:后|以来|之后)?"
    r"[，,]"
)

# Whom an investment goes to, named before its verb (对某某追加投资10亿美元, 向某某投资).
_INVESTEE_BEFORE = re.compile(
    r"(?:对|向)(?P<name>[\u4e00-\u9fffA-Za-z0-9.\-]{2,20}?)"
    r"(?:追加|增加|继续|再次|新增|累计|进行|完成)?(?:战略|股权)?$"
)
# 公司与甲、乙组建专项基金…，公司作为有限合伙人出资4.32亿元: a partner's contribution goes
# into the fund or partnership the sentence set up or joined before.
_PARTNER = re.compile(r"作为(?:有限|普通)?合伙人")
_FUND_JOINED = re.compile(
    r"(?:组建|设立|发起|参与|认购|投资|加入)(?!组建|设立|发起|参与|认购|投资|加入)"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,30}?"
    r"(?:基金|合伙企业)(?:[（(]有限合伙[）)])?)"
)
# 持有某某55%股权, 持有某某5.56%股权: the company a stake is held in.
_STAKE_IN = re.compile(
    r"持有(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:\d{1,3}(?:\.\d{1,2})?%|全部|部分)?的?股权"
)
# 公司对某某基金的持股比例将由75%增加至100%: the company a stake is held in, named with 对.
_STAKE_IN_NAMED = re.compile(r"对(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)的?(?:持股|股权)比例")
# The holder a sale or purchase of shares is announced for (持股超5%的股东某某银行计划减持):
# the figure is that holder's change in the company, not the company's own; and words that
# make the run no single holder's name (股东及其一致行动人, 股东计划减持). Two holders joined
# (某甲及某乙) trade together, and the change is theirs.
# What may stand between the holder and the trade: when (于2021年10月14日-2022年1月18日, 自…
# 期间), how (通过集中竞价和大宗交易方式) and how much (累计), never another actor.
# The run of dates is possessive: split across the loop's turns, a long one backtracked without end.
_TRADE_PATH = (
    r"(?:[于自在]?[\d年月日至\-—]++(?:期间|以来)?|计划|拟|将|已|近日|累计|合计|共计?|被动|直接|"
    r"本次|(?:通过|以)[^，,。；;]{2,24}?)*$"
)
_TRADING_HOLDER = re.compile(
    r"(?:股东|实际控制人|实控人)(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()]{2,20}?)(?:先生|女士)?"
    + _TRADE_PATH
)
# The same holder opening the clause with no word saying it is one (深圳某某及杭州某某通过集中
# 竞价…累计减持股份): the clause's actor, when it is no word for the company or its holders.
_OPENING_HOLDER = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z（）()]{2,20}?)(?:先生|女士)?" + _TRADE_PATH
)
# An officer trading the company's shares, named by title (公司董事长某某共减持公司股份…, 执行
# 副总经理某某增持…): the change is that officer's, not the company's own.
_OFFICER_HOLDER = re.compile(
    r"(?:副?董事长|副?总经理|副?总裁|财务总监|财务负责人|董事会秘书|董秘|监事会主席|职工监事|"
    r"独立董事|监事|董事|核心技术人员|高级管理人员|高管)"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6})(?:先生|女士)?"
    + _TRADE_PATH
)
# Anything but a comma between a trade's figure and the clause after it (股，占…; 股占…).
_CLAUSE_GAP = re.compile(r"[^\s，,股]")
_NOT_A_HOLDER = re.compile(
    r"^(?:计划|拟|将|已|近日|累计|合计|共|均|通过)|[、其等的]|[及和与]$|一致行动|大会|[减增]持|期间"
)
_NOT_AN_OPENING_HOLDER = re.compile(
    r"^(?:公司|本|该|此|其|上述|截至|同时|另外|此外)|股东$|(?<!有限)公司$|[前后]$"
)
# 程磊本次股份减持计划已实施完毕。其于…减持: the holder whose plan an earlier clause names, which
# 其 opening the trade's clause points back to.
_PLAN_HOLDER = re.compile(
    r"(?:(?<=[，,。；;\n])|^)(?:股东)?(?P<name>[\u4e00-\u9fffA-Za-z（）()]{2,20}?)(?:先生|女士)?"
    r"(?:的|本次|此次)*(?:股份)?(?:减持|增持)计划"
)
# 持股5.9%的股东某某信托（代表…）, 实际控制人某某（持股37.57%）: the stake is that holder's in
# the company, named right after or right before it.
_STAKE_OF_HOLDER_AFTER = re.compile(
    r"(?:以上)?的(?:控股|第一大|大)?股东(?P<name>[\u4e00-\u9fffA-Za-z]{2,24}?)"
    r"(?=[（(，,、]|计划|拟|出于|因|于|将|已|近日|通过|自|在|所持|持有)"
)
# A holder named by its role at the head of a deal in the company's shares (控股股东某某（简称
# “某某”）计划…减持, 实控人某某（持股37.57%），计划…, 股东某甲、某乙拟分别将其持有的…转让给,
# 主席及控股股东某某透过其控制的…增持): the deal's figures after it, over its clauses up to a
# semicolon, are that holder's, however far the trade's words run from it.
_DEAL_HOLDER = re.compile(
    r"(?:股东|实际控制人|实控人|增持主体|减持主体)(?:[、及和与](?:控股股东|实际控制人|实控人))*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9、]{1,23}?)(?:先生|女士)?"
    r"(?:[（(][^（）()]{0,40}[）)])?[，,]?"
    # (a reason may come first: 因平仓, 出于自身资金需要)
    r"(?=计划|拟|将|已|于|通过|以|在|自|透过|合计|累计|出售|减持|增持|因|出于|由于|基于|为了"
    # 股东甲向乙质押…, 股东甲向乙转让…: the holder is the one before 向, the other party after
    r"|向)"
)
# Such a holder whose registered name runs too long or odd for that (股东某某(上海)投资管理有限公司
# -某某创业投资合伙企业(有限合伙)(“某某”)拟通过…减持), noted with its short form: that short form.
_ALIASED_DEAL_HOLDER = re.compile(
    r"(?:股东|实际控制人|实控人|增持主体|减持主体)[^，,。；;：:“”\"]{2,60}?[（(](?:以下简称|下称|简称)?[:：]?[“\"]"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"][）)][“\"]?"
    r"(?=计划|拟|将|已|于|通过|以|在|自|透过|合计|累计|出售|减持|增持|因|出于|由于|基于|为了)"
)
# A bare name giving its shares away at a clause's head (某某拟将其持有的公司…股…转让给…).
_DEAL_OPENER = re.compile(
    r"(?:^|(?<=[，,。；;\n]))(?P<name>[\u4e00-\u9fffA-Za-z0-9、]{2,20}?)(?:先生|女士)?"
    r"(?:拟|计划|将)(?:分别)?将其(?:所)?持有"
)
# The trade such a holder makes, which must stand between it and the figure.
_DEAL_VERB = re.compile(r"减持|增持|转让|出售|受让|买入|卖出|购买|质押|冻结")
# Figures of a deal other than its shares: what it is worth and how large a part it moves.
DEAL_FIGURE = re.compile(
    r"^(?:股份)?(?:转让|交易|减持|增持)?(?:总金额|总价款|价款总额|总代价|总价|比例)$"
)
_NOT_A_DEAL_HOLDER = re.compile(
    r"^(?:计划|拟|将|已|近日|累计|合计|共|均|通过|公司|本|该|此|其|上述|及|和|与)|[的等]|期间|大会|[减增]持"
    r"|[及和与、]$|(?<!及其)一致行动(?!人[\u4e00-\u9fffA-Za-z])"
)
# A deal's price named with what it buys or sells (某某公司70%股权的收购价格为, 某商标的转让价
# 格为, 某某100%股权的交易总价为): the price is that target's, one of the deals a text may list.
_DEAL_PRICE = re.compile(r"(?:收购|转让|出售|交易)(?:总价|价格|总价款|价款|对价|作价)")
_DEAL_TARGET = re.compile(
    r"\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9“”\"（）()]{2,24}?(?:\d{1,3}(?:\.\d{1,2})?%)?"
    r"(?:股权|股份|商标|资产|专利))的$"
)
# The company a registered capital is of, named right before it (某合资公司的注册资本将从…
# 增加至…, 乙公司注册资本为…，公司出资…): not the company the text is about, whose capital
# is said with 公司 alone.
_CAPITAL_OF = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?:增资完成后|本次增资后|其中)?[，,]?"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9“”（）()]{2,24}?)的?注册资本"
)
_NOT_CAPITAL_OF = re.compile(r"^(?:公司|本公司|该公司|上市公司|其|目前|当前|截至)|[将由从为]")
_STAKE_OF_HOLDER_BEFORE = re.compile(
    r"(?:股东|实际控制人|实控人)(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)[（(]持股$"
)

# A named seat on a trading list (第一大卖出营业部为某某证券…营业部，卖出金额为…): the amount is
# that seat's, and the broker in its name is no subject.
_SEAT_NAMED = re.compile(
    r"第[一二三四五\d]大(?:买入|卖出)营业部为(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()]{4,40}?营业部)"
)
# Words of a trading list's seats: a sentence with them states the seats' trades.
SEATS_WORDS = re.compile(r"营业部|席位|机构专用|龙虎榜")
# A trade a 龙虎榜 sentence states with no seat of its own (合计买入金额, 卖出金额, 净买入), and
# the seats it names (2家机构专用席位, 前五大买卖营业部), whose trade it is.
_SEAT_TRADE = re.compile(r"(?:合计)?(?:买入|卖出|净买入|净卖出)(?:金额)?")
# (Not a bare 营业部: 第一大买入营业部为某某营业部，买入金额为… is one seat's, named.)
_SEATS_NAMED = re.compile(r"机构专用席位|机构专用|机构席位|前[五十]大?(?:买卖)?营业部")

# 财务总监林远舟在报告期内从公司领取的税前报酬: one officer's pay, not the company's total.
_PAY = re.compile(r"报酬|薪酬|薪资|年薪|工资|津贴")
# Officers taken together (董事和高级管理人员合计领取报酬…，平均薪酬…，年薪中位数…): the
# pay or age figures after them in the sentence are that group's, not all staff's.
_OFFICERS_STAT = re.compile(f"{_PAY.pattern}|年龄")
# An officer named by title and name before a pay figure (财务总监某某报告期内从公司获得…).
_OFFICER = re.compile(
    r"(?:副?董事长|副?总经理|副?总裁|财务总监|财务负责人|董事会秘书|董秘|监事会主席|职工监事|"
    r"独立董事|监事|董事|首席[\u4e00-\u9fff]{2,4}官|CEO|CFO|COO)"
    # (a Latin name too, and the year of the pay after it: 首席执行官James Gorman2021年的总薪酬;
    # a foreign name written in characters, 詹姆斯·戈尔曼, and its Latin form in brackets after)
    r"(?:[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}?|[\u4e00-\u9fff·]{2,4}?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?=报告期|从公司|在公司|税前|年薪|薪酬|报酬|获得|领取|的|，|,|[（(][A-Z]|(?:19|20)\d{2}年)"
)
# 副总经理甲乙、丙丁分别获得65.01万元、63.08万元: each officer's pay, named as the officers' pay
# just stated was (税前报酬总额), the role written once before the names it is of.
_OFFICERS_PAID = re.compile(
    r"(?P<role>副?董事长|副?总经理|副?总裁|财务总监|董事会秘书|独立董事|监事|董事)"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:、[\u4e00-\u9fff·]{2,4})+)"
)
_PAID_VERB = re.compile(r"分别(?:获得|领取)了?(?:税前)?(?:报酬|薪酬)?(?:为)?")
# Officers taken together, and the words that name one of them or their kind.
_OFFICER_GROUP = re.compile(
    r"董事、监事(?:和|及|与)高级管理人员|董事(?:和|及|与)高级管理人员|董监高|高级管理人员|高管"
)
_OFFICER_WORD = re.compile(r"董事|监事|高管|高级管理人员|总经理|总裁|总监|董秘|首席|CEO|CFO|COO")
# A list line headed by an industry or sector (- 算力基础行业：市值排名26/175): the rank is
# within that industry, not among all companies.
_RANK_HEADER = re.compile(
    r"(?:^|[\n\-•*#]|[；;。]\s*)\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{1,12}?(?:行业|产业|板块|概念|领域|赛道))\s*[:：]\s*$"
)
# 在锂电池行业，天赐材料市值排名32/119: the same, said before the name.
_RANK_IN = re.compile(
    r"在(?P<name>[\u4e00-\u9fffA-Za-z0-9]{1,12}?(?:行业|产业|板块|概念|领域|赛道))(?:中|内|里)?"
    r"[^，,。；;：:\d]{0,10}[，,]?[^，,。；;：:\d]{0,10}$"
)


class OwnerSteps(Reader):
    """Whose a figure is when others than the subject are named or meant."""

    def _no_subjects(
        self,
        q: Quantity,
        sentence: tuple[int, int],
        metric: str,
        label_start: int,
        clause_start: int,
    ) -> bool:
        """Whether a labelled figure is none of a subject's: not in a unit its metric takes, a
        streak's length, the industry's or the market's, last year's, one of a distributive
        list, a price's rise."""
        if not unit_fits(metric, q):
            return True
        if metric in DAILY_METRICS and not q.unit and _STREAK.match(self.text, q.span[1]):
            return True  # 已连续涨停2天: how long, not the limit price
        if _NOT_THE_SUBJECT.search(
            self.text[max(sentence[0], label_start - 10) : label_start]
        ) and not any(m.end == label_start for m in self.mentions):
            return True  # 行业指数上涨: but 科创50指数上涨 is the index's own move
        if self._market_ratio(metric, sentence[0], label_start):
            return True
        opening = self.text[clause_start : label_start + 6]
        if "资金" in opening or "市" in opening:
            if self.market_flow(clause_start, label_start):
                return True  # 南下资金半日净流入 after an index's move: the market's
        if (
            self.text[max(clause_start, label_start - 5) : label_start]
            .rstrip("的")
            .endswith(YEAR_AGO)
        ):
            return True  # 去年同期的每股收益为91美分: last year's figure, not this period's
        if "分别" in self.text[clause_start : q.span[0]]:
            return True  # "A、B、C分别持股67%、18%、15%": a distributive list, not one subject
        return metric == "change_pct" and bool(
            _RAISED_FROM_TO.search(self.text, sentence[0], label_start)
        )

    def _market_ratio(self, metric: str, lo: int, label_start: int) -> bool:
        """Whether a valuation ratio is a whole market's (A股市盈率13倍), not the subject's."""
        return (
            _MARKET_RATIOS.match(metric) is not None
            and _MARKET_BEFORE.search(self.text, max(lo, label_start - 10), label_start) is not None
            and not self.names_between(lo, label_start)
        )

    def _about_others(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether a sentence naming no company is about others than the one carried from
        before: a central bank's or a regulator's measures (近期一行两局宣布降准…，包括下调
        政策利率0.1个百分点), unless it turns back to the company (央行降息后，公司净息差为…);
        or a ranked group a clause of it opens with (前五名酒企营收占…，净利润占比超60%); a
        share of a group's companies (25%的公司…在…区间); an overall figure after a clause
        saying the industry does the same (在本行业内普遍存在，主力资金总体净流出); or the
        market's penetration of new-energy cars; the nation's or the world's total (据IDC，
        全球智能手机出货量同比…)."""
        lo = max(0, sentence[0] - 1)
        run = self.text[lo:label_start]
        if self.others_meant(sentence, label_start):
            return True
        if "%的" in run or "成的" in run or "数的" in run:
            if _SHARE_OF_COMPANIES.search(run):
                return True
        if "行业" in run and _OVERALL.match(self.text, label_start):
            clause = self._clause_start(sentence, label_start)
            if _INDUSTRY_WIDE.search(self.text, max(lo, clause - 24), clause):
                return True
        if _MARKET_PENETRATION.match(self.text, label_start):
            return True
        for others in (_RANKED_GROUP, _AUTHORITY_ACTS):
            if others is _RANKED_GROUP and "前" not in run and "头部" not in run:
                continue  # the common case, cheaply: no ranked group
            found = others.search(self.text, lo, label_start)
            if found and not _BACK_TO_SELF.search(self.text, found.end(), label_start):
                return True
        return False

    def _peer_between(
        self, sentence: tuple[int, int], subject: Mention | None, metric: str, label_start: int
    ) -> bool:
        """Whether another name no dictionary knows takes over between the subject and the
        label: a clause after the subject's opens with it and its rank (联想排名第三，市占率
        10.5%，某为排名第五，市占率为5.7%), or the label is the one just stated with it written
        before (甲抽样不合格率为40%，乙抽样不合格率为28.6%)."""
        lo = subject.end if subject is not None else sentence[0]
        if subject is not None and self.last is not None and self.last_end >= lo:
            stated = self.last.metric
            if metric != stated and metric.endswith(stated) and len(metric) > len(stated) + 1:
                name = plausible_name(metric[: -len(stated)])
                if name is not None and name == metric[: -len(stated)]:
                    return True
        clauses = self.clause_breaks_within(lo, label_start)
        if subject is None and sentence[0] < label_start:
            clauses.insert(0, sentence[0])
        for c in clauses:
            ranked = RANKED_PEER.match(self.text, c, label_start)
            if ranked is None:
                continue
            name, at = ranked_name(ranked)
            if at not in self.mention_start_set and plausible_name(name) == name:
                return True
        return False

    def _group_valuation(self, metric: str, clause_start: int, label_start: int) -> bool:
        """Whether a valuation is an industry's or a group's, named right before its label
        (所属化学制品制造业市盈率为23.92, 新能源车企平均市盈率约20倍), not the subject's (but
        海能实业的股息率 is the company's)."""
        if metric not in _VALUATIONS:
            return False
        group = _GROUP_BEFORE.search(self.text, max(clause_start, label_start - 20), label_start)
        return group is not None and not any(
            m.start <= group.start() < m.end for m in self.mentions
        )

    def _item_company(
        self, sentence: tuple[int, int], label_start: int, subject: Mention | None
    ) -> bool:
        """Whether a circled list item opens with a company of its own before the label
        (主因包括①深蓝科技Q1销量10.1万台): the item's company's figure, not the subject's."""
        item = _ITEM_COMPANY.search(self.text, max(sentence[0], label_start - 16), label_start)
        return item is not None and (subject is None or subject.end <= item.start())

    def _unknown_index(self, sentence: tuple[int, int], label_start: int) -> bool:
        """Whether the sentence quotes an index no dictionary knows (《金融时报》100种股票平均
        价格指数收于…，跌幅为): its move is that index's, not the subject's."""
        index = _INDEX_CLOSE.search(self.text, sentence[0], label_start)
        return index is not None and not any(
            m.start < index.end() and index.start() < m.end for m in self.mentions
        )

    def _after_launch(self, sentence: tuple[int, int], clause_start: int) -> bool:
        """The clause right before the label's tells of a product's launch (…一经发布，)."""
        if clause_start <= sentence[0]:
            return False
        run_start = self._run_start(sentence, clause_start)
        return bool(_LAUNCHED.search(self.text, max(run_start, clause_start - 12), clause_start))

    def _deal_target(self, metric: str, clause_start: int, label_start: int) -> str | None:
        """What a deal's price buys or sells, named with its stake before the price's 的
        (乙公司70%股权的收购价格为…、某系列商标的转让价格为…): that target's price."""
        if not _DEAL_PRICE.fullmatch(metric):
            return None
        lo = max(clause_start, self.text.rfind("、", clause_start, label_start) + 1)
        found = _DEAL_TARGET.fullmatch(self.text, lo, label_start)
        return found["name"] if found else None

    def _capital_of(self, record: EntityRecord, lo: int, hi: int, label_start: int) -> str | None:
        """The company the last registered capital named between `lo` and `hi` is of (乙公司的
        注册资本将增加至…; 乙公司注册资本为…，公司出资…), when it is not `record`."""
        found = [*_CAPITAL_OF.finditer(self.text, lo, hi)]
        if not found or found[-1].end() > label_start + 4:
            return None
        name = found[-1]["name"]
        if _NOT_CAPITAL_OF.search(name) or any(
            m.entity is record and found[-1].start("name") <= m.start < found[-1].end("name")
            for m in self.mentions
        ):
            return None
        return name

    def _investee(self, investor: str, clause_start: int, label_start: int) -> str | None:
        """The company an investment is in, named after 对 or 向 before the verb (某某对某某
        追加投资10亿美元): the amount is the investor's stake in it, not its own spending at
        large. A run that is no name (对外投资, 对子公司投资) names nobody. A partner's
        contribution (作为有限合伙人出资) goes into the fund the sentence set up before it."""
        found = _INVESTEE_BEFORE.search(self.text, clause_start, label_start)
        if found is None and _PARTNER.search(self.text, clause_start, label_start):
            funds = list(_FUND_JOINED.finditer(self.text, max(0, clause_start - 120), clause_start))
            return funds[-1]["name"] if funds else None
        if found is None:
            return None
        named = next(
            (m.entity.name for m in self.mentions if (m.start, m.end) == found.span("name")), None
        )
        if named is None and plausible_name(found["name"]) == found["name"]:
            named = found["name"]
        if named is None and "股权" in self.text and found["name"] in self._stakes_held():
            named = found["name"]  # 向某某投资…，公司持有某某55%股权: a stake the text names
        return named if named != investor else None

    def _stakes_held(self) -> set[str]:
        """The names the text says a stake is held in (持有某某55%股权, 某某的股权)."""
        return {m["name"] for m in _STAKE_IN.finditer(self.text)}

    def _trading_holder(
        self, record: EntityRecord, sentence: tuple[int, int], clause_start: int, label_start: int
    ) -> str | None:
        """The holder named right before a sale or purchase of the company's shares (股东某某
        银行计划减持不超过…; 某甲及某乙通过集中竞价…累计减持): the change is that holder's, the
        company's shares its object. 其 opening the clause points back to the holder whose plan
        the text named before (`_PLAN_HOLDER`)."""
        found = _TRADING_HOLDER.search(self.text, clause_start, label_start)
        if found is None:
            found = _OFFICER_HOLDER.search(self.text, clause_start, label_start)
        if found is None:
            found = _OPENING_HOLDER.match(self.text, clause_start, label_start)
            if found is not None and _NOT_AN_OPENING_HOLDER.search(found["name"]):
                found = None
        if found is None and self.text.startswith("其", clause_start):
            if re.fullmatch(_TRADE_PATH, self.text[clause_start + 1 : label_start]):
                plans = list(_PLAN_HOLDER.finditer(self.text, 0, clause_start))
                found = plans[-1] if plans else None
        if found is None or _NOT_A_HOLDER.search(found["name"]) or found["name"] == record.name:
            return self._deal_holder(record, sentence, label_start) or self._trade_share_of(
                record, sentence, label_start
            )
        if any(
            m.entity is record and found.start("name") <= m.start < found.end("name")
            for m in self.mentions
        ):
            return None  # the company trading its own shares
        return found["name"]

    def _trade_share_of(
        self, record: EntityRecord, sentence: tuple[int, int], label_start: int
    ) -> str | None:
        """The holder of the trade stated right before a share's label (某某共减持公司股份…万股，
        占公司总股本…): the share is that trade's."""
        last = self.last
        if (
            last is None
            or last.object is None
            or last.subject != record.name
            or last.metric not in ("shares_sold", "shares_bought")
            or not sentence[0] <= self.last_end <= label_start
            or _CLAUSE_GAP.search(self.text, self.last_end, label_start)
        ):
            return None
        return last.object

    def _deal_holder(
        self, record: EntityRecord, sentence: tuple[int, int], label_start: int
    ) -> str | None:
        """The holder a deal in the company's shares is of, named by its role or giving its
        shares away at the head of the deal's clauses (`_DEAL_HOLDER`, `_DEAL_OPENER`), when
        the clause of the figure does not name it: the clauses in between state the deal."""
        lo = max(
            sentence[0],
            *(self.text.rfind(c, sentence[0], label_start) + 1 for c in "；;"),
        )
        ends = [self.text.find(c, label_start, sentence[1]) for c in "；;"]
        hi = min([sentence[1], *(at for at in ends if at >= 0)])
        found = [*_DEAL_HOLDER.finditer(self.text, lo, label_start)]
        found += [*_DEAL_OPENER.finditer(self.text, lo, label_start)]
        if not found and any(c in self.text[lo:label_start] for c in '“"'):
            found = [*_ALIASED_DEAL_HOLDER.finditer(self.text, lo, label_start)]
        if not found:
            return None
        last = max(found, key=lambda m: m.start())
        name = last["name"]
        if (
            _NOT_A_DEAL_HOLDER.search(name)
            or name == record.name
            or not _DEAL_VERB.search(self.text, last.end("name"), hi)
            or any(
                m.entity is record and last.start("name") <= m.start < last.end("name")
                for m in self.mentions
            )
        ):
            return None
        return name

    def _stake_held_in(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The company a stake is in, named with 对 before the label (公司对某某基金的持股比例)."""
        found = _STAKE_IN_NAMED.search(self.text, sentence[0], label_start + 6)
        return found["name"] if found and found.end() >= label_start else None

    def _stake_holder(self, q: Quantity) -> str | None:
        """The holder a stake is of, named right after it (持股5.9%的股东某某信托) or right
        before it in brackets (实际控制人某某（持股37.57%）)."""
        after = _STAKE_OF_HOLDER_AFTER.match(self.text, q.span[1])
        if after is not None and not _NOT_AN_OPENING_HOLDER.search(after["name"]):
            return after["name"]
        before = _STAKE_OF_HOLDER_BEFORE.search(self.text, max(0, q.span[0] - 24), q.span[0])
        return before["name"] if before else None

    def _holder_pointed_back(
        self, record: EntityRecord, sentence: tuple[int, int], label_start: int
    ) -> str | None:
        """其 before a stake points back to the holder whose sale or purchase of the company's
        shares the sentence just stated (股东某某银行计划减持不超过…股，可能导致其持股比例降至
        5%以下): the stake is that holder's in the company, not the company's own."""
        last = self.last
        if (
            last is None
            or last.object is None
            or last.subject != record.name
            or self.text[label_start - 1 : label_start] != "其"
            or self.last_end < sentence[0]
            or base_metric(last.metric) not in HOLDING_METRICS
        ):
            return None
        return last.object

    def _named_seat(self, sentence: tuple[int, int], label_start: int) -> re.Match[str] | None:
        """The seat the clause before a trade amount names (第一大买入营业部为某某营业部，
        买入金额为…), when no other clause comes between."""
        seats = list(_SEAT_NAMED.finditer(self.text, sentence[0], label_start))
        if not seats:
            return None
        between = self.text[seats[-1].end() : label_start]
        return seats[-1] if between.count("，") + between.count(",") <= 1 else None

    def _seats_traded(
        self, metric: str, seat: re.Match[str] | None, quote: str, lo: int, label_start: int
    ) -> str | None:
        """The seat a trade on a trading list is of: the seat its clause names (`_named_seat`),
        else the seats the sentence counts (上榜营业部中有3家机构专用席位，合计买入金额5120万元，
        卖出金额860万元: those seats' trades together, not all of the stock's buying)."""
        if not _SEAT_TRADE.fullmatch(metric):
            return None
        if seat is not None:
            return seat["name"]
        if SEATS_WORDS.search(quote):
            seats = list(_SEATS_NAMED.finditer(self.text, lo, label_start))
            return seats[-1].group() if seats else None
        return None

    def _officer(self, metric: str, lo: int, label_start: int) -> str | None:
        """The officer a pay figure names with it (财务总监某某报告期内从公司获得的税前报酬总额:
        one officer's pay, not the company's total), else the officers taken together a pay
        or age figure is of (`_officer_group`)."""
        if _PAY.search(metric):
            officers = list(_OFFICER.finditer(self.text, lo, label_start))
            if officers:
                return officers[-1].group()
        if _OFFICERS_STAT.search(metric):
            return self._officer_group(metric, lo, label_start)
        return None

    def _officers_paid(
        self, q: Quantity, sentence: tuple[int, int], quote: str, at: int
    ) -> ExtractedFact | None:
        """The n-th officer's pay in a list after 分别获得 (`_OFFICERS_PAID`), when the figure
        just stated is another officer's pay: its company's, under its metric."""
        last = self.last
        verb = _PAID_VERB.match(self.text, at)
        if verb is None or q.unit != "money" or last is None or last.object is None:
            return None
        if not _PAY.search(last.metric) or not _OFFICER.match(last.object + "，"):
            return None
        clause_start = self._clause_start(sentence, at)
        found = _OFFICERS_PAID.fullmatch(self.text, clause_start, at)
        if found is None:
            return None
        names = found["names"].split("、")
        chain = self._list_run([v for v in self.sentence_qs if v.span[0] >= verb.end()])
        if (
            q not in chain
            or len(chain) != len(names)
            or self.text[verb.end() : chain[0].span[0]].strip()
        ):
            return None
        officer = found["role"] + names[chain.index(q)]
        return self._fact_for(last.subject, last.metric, q, sentence, quote, officer)

    def _officer_group(self, metric: str, lo: int, label_start: int) -> str | None:
        """The officers taken together a pay or age figure is of, named earlier in its
        sentence, unless the label names them or one of them itself (董事和高级管理人员平均
        年龄, 董事长某某税前薪酬)."""
        groups = list(_OFFICER_GROUP.finditer(self.text, lo, label_start))
        if not groups or _OFFICER_WORD.search(metric):
            return None
        return groups[-1].group()

    def _ranked_within(self, sentence: tuple[int, int], label_start: int) -> str | None:
        """The industry a list line is headed by (- 算力基础行业：市值排名26/175)."""
        start = self._run_start(sentence, label_start)
        header = _RANK_HEADER.search(self.text, max(0, start - 20), start)
        if header and start == label_start:
            return header["name"]
        within = _RANK_IN.search(self.text, max(sentence[0], label_start - 30), label_start)
        return within["name"] if within else None

    def _compared(
        self, q: Quantity, sentence: tuple[int, int], quote: str, compared: re.Match[str]
    ) -> ExtractedFact | None:
        """股息率5.15%，高于乙公司的3.36%: the figure after 高于…的 is what the subject's is
        compared with. It is the other one's figure, of what was just stated, when the
        dictionary knows the other one; else nobody's."""
        other = next(
            (
                m
                for m in self.mentions
                if m.start == compared.start("name") and m.end == compared.end("name")
            ),
            None,
        )
        last = self.last
        if (
            other is None
            or last is None
            or not sentence[0] <= self.last_end <= compared.start()
            or last.unit != q.unit
        ):
            return None
        if q.value > 0 > last.value and "跌" in self.text[self.last_end : compared.start()]:
            q = replace(q, value=-q.value, negative=True)  # 下跌2.61%，跌幅高于乙指数的1.62%
        return self._fact_for(other.entity.name, last.metric, q, sentence, quote, None)
