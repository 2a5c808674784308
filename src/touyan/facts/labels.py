"""The vocabulary of figures: which written labels name which metric, and what a metric's
value may be, and which runs of words are no figure's label.

A label is read before its figure (营业收入3620亿元, 换手率：2.42%) or right after it (11亿美元的
融资). The reader in `extract` finds labels with these tables; `research.question` finds the
metrics a question asks for with the same words, so both read the text one way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from touyan.facts.line_items import LINE_ITEM_LABELS
from touyan.text.numbers import Quantity, is_physical

# metric -> labels written before the number (longest first wins).
BEFORE_LABELS: dict[str, tuple[str, ...]] = {
    "valuation": ("估值", "valuation of", "valued at", "市场估值"),
    "invested": ("出资", "投资", "注资", "认购", "invested", "put in"),
    "raised": ("融资额", "募资", "募集资金", "raised", "raising"),
    "revenue": (
        "营业总收入",
        "营业收入",
        "营收",
        "总营收",
        "收入",
        "销售收入",
        "销售额",
        "净收入",
        "revenue",
        "revenues",
        "sales",
    ),
    # A bank's income lines, not its revenue (营业收入 is their sum).
    "net_interest_income": ("净利息收入", "利息净收入"),
    "non_interest_income": ("非利息收入", "非息收入", "非利息净收入", "非息净收入"),
    "fee_income": ("手续费及佣金收入", "手续费及佣金净收入", "净手续费及佣金收入"),
    "net_profit": (
        "归母净利润",
        "归属于母公司股东的净利润",
        "归属于上市公司股东的净利润",
        "净利润",
        "税后纯益",  # Taiwan's word for net profit
        "GAAP净收入",  # a US company's net income; 净收入 alone is net revenue (网易)
        "GAAP 净收入",
        "net income",
        "net earnings",
        "net profit",
    ),
    "net_profit_adjusted": (
        "扣非净利润",
        "扣非归母净利润",
        "经调整净利润",
        "经调整归母净利润",
        "扣除非经常性损益后的净利润",
        "扣除非经常性损益的净利润",
        "扣除非经常性损益后归属于母公司股东的净利润",
        "非GAAP净收入",
        "非 GAAP 净收入",
        "非GAAP净利润",
        "非 GAAP 净利润",
        "adjusted net profit",
    ),
    "gross_margin": ("毛利率", "销售毛利率", "gross margin"),  # 销售 names no segment
    "net_margin": ("净利率", "净利润率", "net margin"),
    # (net earnings per share: the per-share figure, not net earnings' label before it)
    "eps": (
        "每股收益",
        "基本每股收益",
        "每股盈余",
        "earnings per share",
        "net earnings per share",
        "net income per share",
        "eps",
    ),
    "eps_adjusted": (
        "扣非每股收益",
        "扣非后每股收益",
        "扣除非经常性损益后的每股收益",
        "扣除非经常性损益后的基本每股收益",
    ),
    "pledged_market_value": ("质押市值", "累计质押市值"),  # not the company's market value
    "total_assets": ("总资产", "total assets"),
    "total_liabilities": ("总负债", "total liabilities"),
    # what institutions' or a fund's holding of the stock is worth, not the stock's value
    "holding_value": ("持股市值", "持仓市值"),
    # what the shares a lock-up frees are worth, not the company's (or a market's) value
    "unlocked_value": ("解禁市值", "解禁股市值", "解禁股份市值"),
    "market_cap": ("总市值", "市值", "market value", "market capitalisation", "market cap"),
    "price": ("当前价", "股价", "最新价", "现价", "报收于", "收于", "收报", "报", "share price"),
    "open": ("开盘价", "今开", "开盘"),
    "prev_close": ("昨收价", "昨收", "前收盘价"),
    "amplitude": ("振幅", "股价振幅"),
    "margin_balance": ("融资余额",),
    "short_balance": ("融券余额",),
    "margin_short_balance": ("融资融券余额", "融资融券余额合计", "两融余额"),
    "margin_buy": ("融资买入额", "融资买入"),
    "margin_repay": ("融资偿还额", "融资偿还"),
    "margin_net_buy": ("融资净买入", "融资净买入额"),
    "margin_net_repay": ("融资净偿还",),
    "short_repay": ("融券偿还量", "融券偿还"),  # in shares, as 融券卖出 and 融券余量
    "diagnosis_score": ("诊断分数", "综合诊断分数"),
    # The 龙虎榜 seats' net buying of the day the stock was listed.
    "lhb_net_buy": ("总净买", "总净买额", "龙虎榜净买入", "龙虎榜净买额"),
    "ma5": ("5日均线", "5日均线价格", "五日均线"),  # the moving averages of the close
    "ma10": ("10日均线", "10日均线价格", "十日均线"),
    "ma20": ("20日均线", "20日均线价格"),
    "ma30": ("30日均线", "30日均线价格"),
    "ma60": ("60日均线", "60日均线价格"),
    "diagnosis_beat_pct": ("打败股票",),  # not 资金面打败了32%: one side's score
    "margin_share_of_exchange": ("融资占交易所融资余额比",),
    "short_share_of_exchange": ("融券占交易所融券余额比",),
    "close": ("收盘价", "closing price"),
    "high": ("最高价", "最高", "盘中最高价", "最高价格"),
    "low": ("最低价", "最低", "盘中最低价", "最低价格"),
    "limit_up": ("涨停价", "涨停"),
    "limit_down": ("跌停价", "跌停"),
    "change_pct": ("涨跌幅", "涨幅", "跌幅"),
    # the window's peak gain or deepest fall (最高涨幅超过70%), not its change to the end
    "max_gain_pct": ("最高涨幅", "最大涨幅", "最高涨超"),
    "max_fall_pct": ("最大跌幅", "最大跌超"),
    # a fund's or a stock's largest move in one session over its history, not the day's
    "max_daily_gain_pct": ("最大单日涨幅", "单日最大涨幅"),
    "max_daily_fall_pct": ("最大单日跌幅", "单日最大跌幅"),
    "change": ("涨跌额",),
    "turnover": ("成交额", "成交金额", "成交"),
    "main_turnover": ("主力成交额",),  # the main force's trades, a part of the turnover
    "turnover_rate": ("换手率",),
    "main_net_inflow": ("主力净流入", "主力资金净流入"),
    "northbound_net_inflow": ("北向资金净流入", "北向资金净买入"),
    "nav": ("单位净值", "最新净值", "净值"),
    "nav_cumulative": ("累计净值",),
    "max_drawdown": ("最大回撤",),
    "return_3y": ("近三年收益率", "近三年收益", "近3年收益率", "近3年收益"),
    "return_1y": ("近一年收益率", "近一年收益", "近1年收益率", "近1年收益"),
    "seven_day_yield": ("七日年化收益率", "七日年化", "7日年化收益率", "7日年化"),
    "per_10k_income": ("万份收益", "每万份收益", "万份基金单位收益"),
    "fund_size": ("基金规模", "最新规模", "资产规模"),
    "total_shares": ("总股本",),
    "float_shares": ("流通股本", "流通A股", "流通股"),
    "stake_pct": ("持股比例", "持股", "持有", "股权比例", "stake of"),
    "shares_sold": ("减持",),
    "shares_bought": ("增持",),
    "buyback_shares": ("回购",),
    "buyback_amount": ("耗资",),
    "stake_change_pct": (
        "占公司总股本",
        "占总股本",
        "占公司已发行股本",
        "占已发行股本",
        "占公司总股本的比例",  # 约占公司总股本的比例为5.3%: the same share, its noun written
        "占总股本的比例",
        "占公司目前总股本",  # the share capital at the filing, as 总股本 is
        "占公司当前总股本",
        "占目前总股本",
    ),
    "deliveries": ("交付量", "交付", "销量", "deliveries"),
    "dividend_per_share": ("每股派息", "每股派发现金红利", "dividend per share"),
    "volume": ("成交量",),
    "pe_ttm": ("滚动市盈率", "市盈率(TTM)", "市盈率（TTM）", "市盈率TTM"),
    "pe_static": ("静态市盈率", "市盈率(静)", "市盈率（静）", "市盈率(静态)", "市盈率（静态）"),
    "pe_forward": ("动态市盈率", "市盈率(动)", "市盈率（动）", "市盈率(动态)", "市盈率（动态）"),
    "pe": ("市盈率", "P/E"),
    "pb": ("市净率", "P/B"),
    "ps_ttm": ("滚动市销率",),
    "ps": ("市销率",),
    "dividend_yield": ("股息率", "滚动股息率", "dividend yield"),
    "dividend_yield_static": ("静态股息率",),  # last full year's dividends, not the trailing
    "roe": ("净资产收益率", "ROE"),
    "debt_ratio": ("资产负债率", "负债率"),
    "net_debt_ratio": ("净负债率",),
    # 运营利润: how Chinese text often writes a US company's operating income.
    "operating_profit": ("营业利润", "运营利润", "operating profit", "operating income"),
    "operating_margin": ("营业利润率", "运营利润率", "经营利润率", "operating margin"),
    "financial_expenses": ("财务费用",),
    "book_value_per_share": ("每股净资产",),
    "main_inflow": ("主力资金流入", "主力流入", "主力资金总流入"),
    "main_outflow": ("主力资金流出", "主力流出", "主力资金总流出"),
    "main_net_outflow": ("主力资金净流出", "主力净流出"),
    "main_net_buy": ("主力资金净买入", "主力净买入"),
    "hot_money_net_inflow": ("游资资金净流入", "游资净流入"),
    "hot_money_net_outflow": ("游资资金净流出", "游资净流出"),
    "retail_net_inflow": ("散户资金净流入", "散户净流入"),
    "retail_net_outflow": ("散户资金净流出", "散户净流出"),
    "avg_cost": ("平均交易成本", "筹码平均交易成本"),
    "change_1w_pct": ("近一周涨跌幅", "近1周涨跌幅"),
    "change_1m_pct": ("近一月涨跌幅", "近1月涨跌幅", "近一个月涨跌幅"),
    "change_3m_pct": ("近三月涨跌幅", "近3月涨跌幅", "近三个月涨跌幅", "近3个月涨跌幅"),
    "change_6m_pct": (
        "近六月涨跌幅",
        "近6月涨跌幅",
        "近六个月涨跌幅",
        "近6个月涨跌幅",
        "近半年涨跌幅",
    ),
    "change_ytd_pct": ("今年以来涨跌幅", "今年以来收益率"),
    "change_1y_pct": ("近一年涨跌幅", "近1年涨跌幅"),
    # Banks.
    "net_interest_margin": ("净息差", "净利差"),
    "npl_ratio": ("不良贷款率", "不良率"),
    "provision_coverage": ("拨备覆盖率",),
    "capital_adequacy": ("资本充足率",),
    "core_tier1_ratio": ("核心一级资本充足率",),
    # Cash flow and spending.
    "operating_cash_flow": (
        "经营活动产生的现金流量净额",
        "经营活动现金流量净额",
        "经营活动现金流净额",
        "经营活动净现金流",
        "经营性现金流净额",
        "经营现金流净额",
        "经营活动现金净流入",
        "经营性现金流",
        "经营现金流",
    ),
    # Not the operating figure: a list of all three must not file these under a bare label.
    "investing_cash_flow": (
        "投资活动产生的现金流量净额",
        "投资活动现金流量净额",
        "投资活动现金流净额",
        "投资活动净现金流",
    ),
    "financing_cash_flow": (
        "筹资活动产生的现金流量净额",
        "融资活动产生的现金流量净额",
        "筹资活动现金流量净额",
        "融资活动现金流量净额",
        "筹资活动现金流净额",
    ),
    "capex": ("资本支出", "资本开支"),
    "rd_expense": ("研发投入", "研发费用", "研发支出", "研发总投入"),
    "rd_intensity": ("研发投入强度", "研发强度"),  # R&D spending over revenue
    # Per share: not the company's cash flow, which the longer label would otherwise hide.
    "ocf_per_share": (  # operating cash flow per share, short enough for its _yoy to fit the column
        "每股经营现金流",
        "每股经营性现金流",
        "每股经营活动现金流",
        "每股经营活动现金流量净额",
        "每股经营活动产生的现金流量净额",
    ),
    "cash_to_short_debt": ("现金短债比",),
    "asset_impairment": ("资产减值", "资产减值损失"),
    "credit_impairment": ("信用减值", "信用减值损失"),
    "float_market_cap": ("流通市值", "流通值"),
    "avg_holding_value": ("户均持股市值", "户均持有流通股市值", "户均流通股市值", "户均流通市值"),
    "avg_holding_shares": (
        "户均持股数量",
        "户均持有流通股数量",
        "户均持股数",
        "人均流通股",  # not 流通股: the shares per holder
        "户均流通股",
    ),
}
BEFORE_LABELS["price"] = (*BEFORE_LABELS["price"], "最新价格")  # 最新价格是40.45元
# 人民币对美元中间价报7.1元: the central bank's daily fixing of a currency, not a price
# traded (报 alone would read it as one).
BEFORE_LABELS["central_parity"] = ("中间价", "人民币中间价", "对美元中间价", "人民币对美元中间价")
# Company-report KPIs written in Latin letters (RevPAR 134元, Occ 61.1%, EBITDA 12亿元). A
# Latin label is read only as a word of its own: not ADR in CADR (see `extract.label_before`).
BEFORE_LABELS.update(
    {
        "revpar": ("RevPAR",),  # a hotel's revenue per available room
        "adr": ("ADR",),  # a hotel's average daily rate (read only in a text about hotels)
        "occupancy": ("OCC", "出租率", "入住率"),
        "arpu": ("ARPU",),
        "gmv": ("GMV",),
        "dau": ("DAU",),
        "mau": ("MAU",),
        "ebitda": ("EBITDA",),
        "ebit": ("EBIT",),
        "fcf": ("FCF", "自由现金流"),
        "cagr": ("CAGR",),
        # a quote card's 分红方面，X A股上市后累计派现14.20亿元: all cash paid out since listing
        "dividends_since_listing": (
            "上市后累计派现",
            "上市以来累计派现",
            "上市后累计分红",
            "上市以来累计分红",
        ),
    }
)
BEFORE_LABELS["capex"] = (*BEFORE_LABELS["capex"], "capex")
# A US filing's statement lines (Purchases of property, plant and equipment, Inventories).
for _metric, _english in LINE_ITEM_LABELS.items():
    BEFORE_LABELS[_metric] = (*BEFORE_LABELS.get(_metric, ()), *_english)
# PDF text may run a statement's words together (Netcashprovidedbyoperatingactivities,
# Totalcurrentassets, Propertyandequipment,net): each English label of several words is
# read so written too.
for _metric, _labels in list(BEFORE_LABELS.items()):
    _joined = tuple(label.replace(" ", "") for label in _labels if label.isascii() and " " in label)
    BEFORE_LABELS[_metric] = (*_labels, *_joined)
# Quote pages space out two-character labels (最 高：13.96, 换 手：2.42%).
for _metric, _spaced in (
    ("high", "最 高"),
    ("low", "最 低"),
    ("open", "今 开"),
    ("prev_close", "昨 收"),
    ("amplitude", "振 幅"),
    ("turnover_rate", "换 手"),
    ("turnover_rate", "换手"),
    ("turnover", "成 交 额"),
    ("limit_up", "涨 停"),
    ("limit_down", "跌 停"),
    ("pe_ttm", "市盈率 TTM"),
):
    BEFORE_LABELS[_metric] = (*BEFORE_LABELS[_metric], _spaced)
# What a metric's value may be: an amount (money, or a bare number whose unit the text set
# earlier), a percentage, or a count. A label followed by the wrong kind of value is not that
# metric (主力成交额……占总成交额的8.71% is a share, not a turnover).
PERCENT_METRICS = frozenset(
    {
        "gross_margin",
        "net_margin",
        "operating_margin",
        "change_pct",
        "turnover_rate",
        "max_drawdown",
        "max_gain_pct",
        "max_fall_pct",
        "max_daily_gain_pct",
        "max_daily_fall_pct",
        "return_3y",
        "return_1y",
        "stake_pct",
        "stake_change_pct",
        "dividend_yield",
        "dividend_yield_static",
        "roe",
        "debt_ratio",
        "change_1w_pct",
        "change_1m_pct",
        "change_3m_pct",
        "change_6m_pct",
        "change_ytd_pct",
        "change_1y_pct",
        "amplitude",
        "seven_day_yield",
        "net_interest_margin",
        "npl_ratio",
        "provision_coverage",
        "capital_adequacy",
        "core_tier1_ratio",
        "margin_share_of_exchange",
        "short_share_of_exchange",
        "net_debt_ratio",
        "rd_intensity",
        "diagnosis_beat_pct",
        "occupancy",
        "cagr",
    }
)
RATIO_METRICS = frozenset(
    {"pe_ttm", "pe_static", "pe_forward", "pe", "pb", "ps_ttm", "ps", "cash_to_short_debt"}
)
COUNT_METRICS = frozenset(
    {
        "volume",
        "shares_sold",
        "shares_bought",
        "buyback_shares",
        "deliveries",
        "total_shares",
        "avg_holding_shares",
        "float_shares",
        "short_repay",
        "dau",
        "mau",
    }
)
# metric -> labels written right after the number (11亿美元的融资).
AFTER_LABELS: dict[str, tuple[str, ...]] = {
    "raised": ("融资", "的融资", "financing", "funding"),
    "valuation": ("估值", "的估值", "valuation"),
}

# Figures of one trading day.
DAILY_METRICS = frozenset(
    {
        "price",
        "open",
        "close",
        "prev_close",
        "high",
        "low",
        "limit_up",
        "limit_down",
        "change_pct",
        "change",
        "turnover",
        "turnover_rate",
        "volume",
        "amplitude",
        "main_net_inflow",
        "main_net_outflow",
        "main_inflow",
        "main_outflow",
        "hot_money_net_inflow",
        "hot_money_net_outflow",
        "retail_net_inflow",
        "retail_net_outflow",
        "lhb_net_buy",
        "ma5",
        "ma10",
        "ma20",
        "ma30",
        "ma60",
    }
)

# Company-results labels a segment, product or sector may narrow (动力电池系统营业收入).
SEGMENTED_METRICS = frozenset(
    {
        "revenue",
        "net_profit",
        "net_profit_adjusted",
        "operating_profit",
        "operating_margin",
        "gross_margin",
        "net_margin",
        "deliveries",
        "invested",
    }
)
HOLDING_METRICS = ("shares_sold", "shares_bought", "stake_change_pct")

KNOWN_METRICS = frozenset(BEFORE_LABELS) | frozenset(AFTER_LABELS)
LABEL_METRIC: dict[str, str] = {}
for _metric, _labels in BEFORE_LABELS.items():
    for _label in _labels:
        LABEL_METRIC.setdefault(_label.lower(), _metric)
# Longest first, so the alternation prefers 营业总收入 over 收入 at the same position.
LABELS = re.compile(
    "|".join(re.escape(label) for label in sorted(LABEL_METRIC, key=len, reverse=True)),
    re.IGNORECASE,
)


AFTER_METRIC = {label.lower(): metric for metric, ls in AFTER_LABELS.items() for label in ls}
AFTER_LABEL = re.compile(
    "|".join(re.escape(label) for label in sorted(AFTER_METRIC, key=len, reverse=True)),
    re.IGNORECASE,
)


def unit_fits(metric: str, q: Quantity) -> bool:
    if metric in PERCENT_METRICS:
        return q.unit == "%"
    if metric in RATIO_METRICS:
        return q.unit in ("", "times")
    if metric in COUNT_METRICS:
        return q.unit in ("shares", "count", "") or is_physical(q.unit)  # 销量50万吨
    if metric not in BEFORE_LABELS and metric not in AFTER_LABELS:
        return True  # an attribute named by the text itself: its unit is what the text says
    if metric in PRICE_METRICS and q.currency is not None and q.unit.startswith("/"):
        return True  # 报3350.5美元/盎司: a price per ounce
    return q.unit in ("money", "")


# A label that compares or apportions (占总成交额, 较上期, 超过基准) is not the figure's name.
NOT_A_LABEL = re.compile(
    r"^(?:略|远|明显)?(?:占|较|比|与|和|及|跑赢|跑输|超过|超越|低于|高于|相对|相比|同比|环比)"
    r"|^(?:当(?![年期月日天前季时周])|如果|若|假如|假设)"  # 当利润超过300万元: a condition
)
YEAR_AGO = ("去年同期", "上年同期")  # 去年同期的每股收益: last year's figure
DATE_IN_LABEL = re.compile(r"\d{1,4}\s*[年月日号]")
# Verbs make a run a clause (会上宣布…复工率, 中回购了500万利率), not a figure's name.
# (可能推升美元指数: a scenario's outcome, no measure's name)
CLAUSE_LIKE = re.compile(
    r"[了将被把]|宣布|表示|显示|预计|认为|指出|其中|告知|开始|多次|触及|可能(?!性)"
)
# Words a label may open with that are not its name (并表, consolidated, is: 并表收入); not
# the 其 of 其他 (其他业务占比 names the other lines, 他业务 nothing).
LABEL_LEAD = re.compile(
    r"^(?:产品|该产品|该基金|本基金|该股|公司|当前|最新|目前|其中|其(?![他它余])|合计|共计|总计|不过|但|而|且|并(?!表)|全年|"
    r"同时|此外|另外|以及|导致|当年|当月)+"
)
# Where a label's run stops (a break, 的, a heading's mark).
LABEL_BREAK = re.compile(r"[，,；;。！？!?\n、：:\s的|【】\[\]#*]")
# 期初余额, 期末余额: a balance, of the item named with it (`ResultShapes._bare`).
BALANCES = ("期初余额", "期末余额")
# A move over a window (近一周涨跌幅, change_1m_pct), and the metrics of a price.
WINDOW_MOVE = re.compile(r"change_(?:ytd|\d[wmy])_pct|近\S{1,6}涨跌幅")
PRICE_METRICS = frozenset(
    {"price", "open", "close", "prev_close", "high", "low", "limit_up", "limit_down", "change"}
)
AMOUNT_UNITS = ("money", "count", "", "shares")


def amount_unit(unit: str) -> bool:
    """An amount of something: money, a count, shares, a plain figure or a physical quantity
    (8.3亿吨, 31.4吉瓦时), not a rate or multiple."""
    return unit in AMOUNT_UNITS or is_physical(unit)


_DERIVED = re.compile(r"(?:_(?:yoy|qoq|ytd|change|forecast|cagr|avg_annual))+$")


# The results an annual report states, and a preannouncement estimates.
ANNUAL_METRICS = frozenset(
    {
        "revenue",
        "net_profit",
        "net_profit_adjusted",
        "eps",
        "eps_adjusted",
        "roe",
        "operating_cash_flow",
    }
)
# A period's results: a figure of a quarter or a year, never of the day it is written on.
PERIOD_RESULTS = ANNUAL_METRICS | {
    "gross_margin",
    "gross_profit",
    "net_margin",
    "operating_profit",
    "operating_margin",
}


@lru_cache(maxsize=1024)
def base_metric(metric: str) -> str:
    """The figure a derived metric is about: net_profit for net_profit_yoy_change_forecast.
    (Cached, bounded: texts name the same few hundred metrics, each asked for many times.)"""
    # (every suffix opens with _: a label kept in its own words, most of them, has none)
    return _DERIVED.sub("", metric) if "_" in metric else metric


# The verb the shares a 占总股本 share counts were moved by: sold or given up (减持, 出售,
# 转让) is a fall of the holder's stake, bought or taken (增持, 受让) a rise, and held (持有,
# 持股, but not 持有的, which only says whose shares are moved) is the stake itself.
_STAKE_VERB = re.compile(
    r"(?P<out>减持|出售|卖出|转让|抛售)|(?P<in>增持|买入|受让|认购)|(?P<held>持有(?!的)|持股(?![比数市]))"
    # 质押500万股，占总股本0.99%; 将有197万股限售股份解禁上市，占总股本0.32%: shares pledged,
    # frozen or unlocked, which change nobody's stake (解禁后…限售股份: those still locked)
    r"|(?P<pledged>解除质押|解押|质押)|(?P<frozen>冻结)|(?P<unlocked>(?:解禁|解除限售)(?!后))|(?P<locked>(?<![无非])限售)"
)
# What a share of the stock counts when the shares were pledged, frozen or (un)locked: a
# holder's, named as the holder of a stake change is (`ENCUMBERED_SHARE` ends the metric).
ENCUMBERED_SHARE = "股份占总股本比例"
_ENCUMBERED = {
    "pledged": "质押",
    "frozen": "冻结",
    "unlocked": "解禁",
    "locked": "限售",
}


def stake_move(
    text: str, lo: int, label_start: int, metric: str, q: Quantity
) -> tuple[str, Quantity]:
    """累计减持股份202万股，占公司总股本的2.76%: the share of the stock a holder gave up, a
    negative change; 持有公司股票8460万股，占公司总股本的13.16%: the holder's stake. The last
    such verb in the sentence before the label decides. A stake 持有的 names and the clause
    gives away after it (将其持有的公司5.9%股份转让给某某) is a fall too, not a holding."""
    if (
        metric == "stake_pct"
        and text.startswith("持有的", label_start)
        and q.value > 0
        and _GIVEN_AWAY.match(text, q.span[1])
    ):
        return "stake_change_pct", _fall(q)  # 拟将其持有的公司5.9%股份转让给某某: given away
    if metric != "stake_change_pct" or q.unit != "%" or q.value <= 0:
        return metric, q
    verbs = list(_STAKE_VERB.finditer(text, max(lo, label_start - 40), label_start))
    if not verbs:
        # 拟将其持有的2000万股(占总股本4%)转让给某某: the verb comes after the share
        given = _GIVEN_AWAY.match(text, q.span[1])
        return (metric, _fall(q)) if given else (metric, q)
    if any(v["held"] for v in verbs):
        # 持有公司限售股1000万股，占总股本5%: the holder's stake, all of it locked
        verbs = [v for v in verbs if not v["locked"]]
    last = verbs[-1]
    if kind := next((k for k in _ENCUMBERED if last[k]), None):
        word = "解除质押" if last.group() in ("解除质押", "解押") else _ENCUMBERED[kind]
        return f"{word}{ENCUMBERED_SHARE}", q
    if last["out"]:
        return metric, _fall(q)
    if last["held"]:
        return "stake_pct", q
    return metric, q


# The rest of a clause that gives the shares just counted away (…)无限售流通股份以每股5元价格
# 通过协议转让给某某, …)出售给某某).
_GIVEN_AWAY = re.compile(r"[^，,。；;！？]{0,40}?(?:转让|出售|划转)给")


def _fall(q: Quantity) -> Quantity:
    """A share given up, as the holder's stake change: its value (and range) turned negative."""
    low, high = (-q.high, -q.value) if q.high is not None else (-q.value, None)
    return replace(q, value=low, high=high, negative=True)
