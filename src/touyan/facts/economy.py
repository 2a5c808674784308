"""Economies as subjects: macro figures are about a country, not a company.

A statistical release states figures of an economy it often does not name ("8月份，商品零售额
同比增长3.7%"); the figure's subject is the last economy the text names before it, else China
for a Chinese text with no company vocabulary. Agencies that publish national figures stand
for the economy (财政部, 国家统计局). The changes of a rate in percentage points and rates that
turned (由上月下降7.3%转为上涨3.3%) are phrasings of these releases.
"""

from __future__ import annotations

import re

from touyan.facts.entities import EntityRecord

# Macro figures are about an economy: the last one the text names before the figure.
REGION = re.compile(
    r"中华人民共和国|中国|我国|全国|国内|美国|日本|欧元区|欧盟|欧洲|英国|德国|法国|意大利|西班牙|韩国|印度|"
    r"俄罗斯|俄|土耳其|巴西|加拿大|澳大利亚|新加坡|越南|香港|台湾|全球|沙特阿拉伯|沙特|墨西哥|阿根廷|"
    r"南非|印度尼西亚|印尼|马来西亚|菲律宾|瑞士|荷兰|新西兰"
)
REGION_NAMES = {
    "我国": "中国",
    "全国": "中国",
    "国内": "中国",
    "中华人民共和国": "中国",
    "沙特": "沙特阿拉伯",
    "印尼": "印度尼西亚",
}
CHINA = EntityRecord("中国", "org")
# National statistics are the economy's, not the agency's that publishes them (财政部:
# 全国一般公共预算支出45096亿元).
ECONOMY_OF = dict.fromkeys(
    (
        "国家统计局",
        "统计局",
        "财政部",
        "国家外汇管理局",
        "外汇局",
        "海关总署",
        "商务部",
        "农业农村部",
        "国家发展和改革委员会",
        "国家发改委",
        "发改委",
        "工业和信息化部",
        "工信部",
        "国家能源局",
        "国家铁路局",
        "交通运输部",
    ),
    "中国",
)
HAN = re.compile(r"[\u4e00-\u9fff]{4}")
# Words of a text about a listed company, not an economy: its unnamed figures are the
# company's, never China's (主力成交额1.49亿, 最近四个季度ROE为-4.56%).
COMPANY_VOCABULARY = re.compile(
    r"公司|股份|股价|个股|该股|主力|筹码|换手率|市盈率|市净率|市值|股东|营收|营业收入|净利润|ROE|"
    r"每股|涨停|跌停|龙虎榜|融资余额|融券|特大单|大单|成交额|研报|评级|减持|增持|回购|"
    r"净利率|毛利率|财报|季报|年报|基金|净值|跟踪误差|赛道|申购|赎回|费率|持有期|该产品|董事|高管|"
    r"管理层|报酬|薪酬|大宗交易|收盘价|收盘报价|成交价|成交金额"
)

TURNED = re.compile(r"由[^，,。；;由]{0,16}?转为(?:上涨|下降|增长|下跌|上升|回落)(?:了|约)?\s*$")
# Between a rate and the change of that rate (…12.5%，涨幅较上月回落1.2个百分点).
RATE_CHANGE = re.compile(
    r"\s*[，,]?\s*(?:同比|环比)?(?P<rate>涨幅|降幅|增速|增幅|跌幅|增长率|降速)?\s*"
    r"(?:(?:比|较)(?:上月|上年|上季度|上期|前值|去年同期|上年同期|上年末|年初|[\d—\-～~至月份]{1,12}))?"
    r"(?:小幅|大幅|明显)?(?P<verb>扩大|收窄|回落|加快|放缓|提高|下降|回升|上升|提升|缩小|降低|增加|减少)"
    r"(?:了|约)?\s*"
)
# The verbs of RATE_CHANGE that make a rate lower; but a fall's size (降幅, 跌幅) that widens
# (降幅扩大0.1个百分点) makes the rate lower, one that narrows makes it higher. A size verb
# after a fall names the fall's size too (下降14.7%，收窄4.0个百分点).
RATE_FALLS = frozenset({"收窄", "回落", "放缓", "下降", "缩小", "降低", "减少"})
FALL_SIZES = frozenset({"降幅", "跌幅", "降速"})
SIZE_VERBS = frozenset({"扩大", "收窄", "缩小"})
# A text that names no economy is China's only when it reads like a Chinese release: an
# agency, a national word or amounts in yuan (a Kazakh city's 1126亿坚戈 is not China's).
# (Not 非洲国家, 发达国家, 沿线国家: other countries, named as a group.)
CHINESE_RELEASE = re.compile(
    r"统计|财政部|海关|人民银行|(?<![欧英俄韩])央行|国务院|发改委|商务部|农业农村部|工信部|外汇局|铁路|"
    r"(?<![洲方达他些员个多各线等])国家|全国|我国|国内|中央|地方政府|(?<![美港欧日韩台坚])元|人民币"
)

# China's provinces, municipalities, autonomous regions and larger cities: a figure a text
# states of one of them (福建居民人均可支配收入, 嘉兴市生产总值, 深圳市本外币贷款余额) is that
# region's, not the nation's. Each is filed under one form: a province's short name and 省, a
# municipality's or a city's and 市, an autonomous region's short name. Source: the PRC's
# administrative divisions as the National Bureau of Statistics lists them (统计用区划代码).
_PROVINCES = (
    "黑龙江 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 "
    "贵州 云南 陕西 甘肃 青海"
).split()
_MUNICIPALITIES = "北京 天津 上海 重庆".split()
_AUTONOMOUS = "内蒙古 广西 西藏 宁夏 新疆".split()
# Cities written bare as often as with 市 (深圳, 苏州): their names are no common words.
_CITIES = (
    "石家庄 哈尔滨 乌鲁木齐 呼和浩特 深圳 广州 杭州 南京 苏州 成都 武汉 西安 宁波 厦门 青岛 大连 "
    "沈阳 长沙 郑州 济南 合肥 福州 昆明 南昌 长春 太原 贵阳 南宁 海口 三亚 兰州 西宁 银川 拉萨 "
    "无锡 常州 南通 徐州 扬州 盐城 镇江 泰州 淮安 连云港 宿迁 佛山 东莞 珠海 惠州 汕头 湛江 "
    "江门 肇庆 温州 嘉兴 绍兴 湖州 金华 台州 衢州 丽水 舟山 泉州 漳州 莆田 烟台 潍坊 淄博 "
    "临沂 济宁 威海 日照 洛阳 开封 南阳 唐山 保定 邯郸 廊坊 沧州 秦皇岛 芜湖 蚌埠 安庆 宜昌 "
    "襄阳 株洲 湘潭 岳阳 衡阳 赣州 九江 柳州 桂林 绵阳 宜宾 遵义 大同 包头 鄂尔多斯 鞍山 "
    "榆林 宝鸡"
).split()
_SHORT_FORM = {
    **dict.fromkeys(_PROVINCES, "省"),
    **dict.fromkeys(_MUNICIPALITIES, "市"),
    **dict.fromkeys(_AUTONOMOUS, ""),
    **dict.fromkeys(_CITIES, "市"),
}
CN_REGION = re.compile(
    r"(?P<short>"
    + "|".join(sorted(_SHORT_FORM, key=len, reverse=True))
    + r")(?:省|市|(?:壮族|回族|维吾尔)?自治区)?(?!时间)"  # 北京时间: a clock, not the city
)


def cn_region_name(found: re.Match[str]) -> str:
    """The one form a Chinese region is filed under (福建 and 福建省 are 福建省)."""
    short = found["short"]
    return short + _SHORT_FORM[short]
