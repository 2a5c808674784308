"""Places short news items took for a country where the figure was another place's: a foreign
country's own 全国, a state run on after a country's name (某国某某州), a country in an aside
in brackets, a label opening with a city or a state CN_REGION does not know, a country's stocks
of one sector, a sentence opening on an unnamed firm, other countries named as a group
(某洲国家) read as a Chinese release, a list's item cut at the bracket its figure opens, the
places a list opens with, peers ranked by their place (第四是某某，, 某某紧随其后，) and a good
named for its province with its grade in brackets (某省优混(5500大卡)), and the home market a firm
turns to (转向国内发债), and a public body opening its sentence (某国某某公社同期…)."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_foreign_country_s_own_nation_is_that_country(entities: EntityDictionary) -> None:
    text = "卫生部门称，上周德国全国共完成检测80万次，检测阳性率为31%，环比上升了4%。"
    found = _read(text, "德国检测阳性率上升", entities)
    assert at(found, "31").subject == "德国"
    text = "卫生部门称，上周全国共完成检测80万次，检测阳性率为31%，环比上升了4%。"
    assert at(_read(text, "检测阳性率上升", entities), "31").subject == "中国"


def test_a_state_after_a_country_s_name_is_no_economy(entities: EntityDictionary) -> None:
    text = "美国得克萨斯州卫生部门表示，该州近一周的检测阳性率为12.5%，较上周明显回落。"
    found = _read(text, "美国得克萨斯州疫情回落", entities)
    assert all(f.subject != "美国" for f in found)
    text = "美国卫生部门表示，全美近一周的检测阳性率为12.5%。美国住院人数为9万人。"
    assert at(_read(text, "美国疫情回落", entities), "90000").subject == "美国"


def test_a_country_in_an_aside_is_no_economy(entities: EntityDictionary) -> None:
    text = "去年，新西兰企业对东南亚（含新加坡，下同）的出口额为80亿美元，同比增长9.1%。"
    found = _read(text, "新西兰出口增长", entities)
    assert at(found, "9.1").subject == "新西兰"


def test_a_label_opening_with_a_foreign_city_is_no_country_s(
    entities: EntityDictionary,
) -> None:
    text = "日本总务省的报告显示，京都净迁入人数为1200人，同比减少300人。"
    found = _read(text, "日本人口迁移", entities)
    assert all(f.subject != "日本" for f in found)
    text = "日本总务省的报告显示，日本净迁入外国人数为1200人，同比减少300人。"
    assert at(_read(text, "日本人口迁移", entities), "1200").subject == "日本"


def test_a_country_s_sector_stocks_are_no_economy(entities: EntityDictionary) -> None:
    text = "今年以来价值风格占优，其中英国银行类股的回报率约为18%，居各行业之首。"
    assert all(f.subject != "英国" for f in _read(text, "价值风格回归", entities))
    text = "今年以来价值风格占优，英国去年的失业率约为4.1%。"
    assert at(_read(text, "价值风格回归", entities), "4.1").subject == "英国"


def test_an_unnamed_firm_opening_the_sentence_owns_its_figures(
    entities: EntityDictionary,
) -> None:
    text = (
        "国内茶叶价格持续上涨。一家茶叶连锁店的店长介绍，2021年店里的茶叶销售额为200万元，"
        "同比增长了12%。"
    )
    assert all(f.subject != "中国" for f in _read(text, "茶叶涨价", entities))
    text = "国内茶叶价格持续上涨。统计显示，2021年全国茶叶销售额为2000亿元，同比增长了12%。"
    assert at(_read(text, "茶叶涨价", entities), "12").subject == "中国"


def test_countries_named_as_a_group_make_no_chinese_release(
    entities: EntityDictionary,
) -> None:
    text = "本届运动会在内罗毕举行，约有3000人接受检测，阳性率为1.2%。这为非洲国家提供了经验。"
    assert all(f.subject != "中国" for f in _read(text, "运动会防疫", entities))
    text = "本届运动会在杭州举行，约有3000人接受检测，阳性率为1.2%。国家卫健委介绍了经验。"
    assert at(_read(text, "运动会防疫", entities), "1.2").subject == "中国"


def test_a_list_item_cut_at_its_figure_s_bracket_is_no_label(
    entities: EntityDictionary,
) -> None:
    text = (
        "2021年，中国品牌汽车在巴西的销量最高的两个州分别为：圣保罗州（3120台，同比增加"
        "12.5%），里约热内卢州（2210台，同比增加8.5%）。"
    )
    found = _read(text, "中国品牌汽车在巴西", entities)
    assert all(not f.metric.endswith("（") for f in found)
    text = "2021年，中国品牌汽车在巴西的销量为3120台，同比增加12.5%。"
    assert at(_read(text, "中国品牌汽车在巴西", entities), "12.5").metric == "deliveries_yoy"


def test_a_clause_opening_on_the_company_names_no_economy(entities: EntityDictionary) -> None:
    text = "起亚汽车英国法人（KUK）表示，公司2月在英国市场售出新车12345辆，同比增加8%。"
    assert all(f.subject != "英国" for f in _read(text, "某新闻", entities))
    text = "英国统计局表示，2月英国市场售出新车12345辆，同比增加8%。"
    assert at(_read(text, "某新闻", entities), "12345").subject == "英国"


def test_what_a_world_epithet_names_owns_the_figure(entities: EntityDictionary) -> None:
    text = (
        "随着今年2月英国股市大幅波动，全球最大的交易所交易基金（ETF）、管理资产超600亿美元的"
        "某某ETF遭遇了严重的资金外流。这只基金跟踪的指数上月下跌了4.1%。"
    )
    assert all(f.subject != "英国" for f in _read(text, "全球最大ETF遭遇赎回", entities))
    text = "随着今年2月英国股市大幅波动，英国2月的失业率为4.5%。这只基金跟踪的指数上月下跌了4.1%。"
    assert at(_read(text, "全球最大ETF遭遇赎回", entities), "4.5").subject == "英国"


def test_the_places_a_list_opens_with_are_every_item_s(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，3月份，一线城市写字楼和商铺租金同比分别下降2.1%和3.4%。"
        "汽油和柴油价格同比分别上涨5.2%和4.8%。"
    )
    found = _read(text, "统计局：租金下降", entities)
    assert at(found, "-3.4").metric == "一线城市商铺租金_yoy"
    assert at(found, "4.8").metric == "柴油价格_yoy"


def test_a_peer_ranked_by_its_place_owns_the_share_after(entities: EntityDictionary) -> None:
    text = (
        "Canalys最新报告显示，vivo抢占2021年中国市场平板市占率第一宝座，达30%，Zeta以2个百分点"
        "之差紧随其后，市占率28%，小米以12%市占率排第三，第四是银河，市场份额9%。"
        "小米2021年平板出货量同比增长35%。"
    )
    found = _read(text, "Canalys：平板市场份额", entities)
    assert all(f.value not in (28, 9) for f in found)
    assert at(found, "35").subject == "小米集团"


def test_a_good_named_for_its_province_is_no_province_s(entities: EntityDictionary) -> None:
    text = (
        "国家统计局数据显示，1月下旬与中旬相比，其中液化天然气价格环比下降7.9%，普通混煤环比上涨"
        "14.5%，山西优混(5500大卡)环比上涨12.1%。浙江省统计局数据显示，一季度浙江生产总值增长6.1%。"
    )
    found = _read(text, "统计数据", entities)
    assert at(found, "12.1").subject == "中国"
    assert at(found, "6.1").subject == "浙江省"


def test_the_home_market_a_firm_turns_to_is_no_economy(entities: EntityDictionary) -> None:
    head = "2月10日，某某控股有限公司公告，发行了2022年度第一期中期票据，补充公司营运资金。"
    text = head + "此前，某某主要在海外融资，后来转向国内发债，境内存续债券总额达到200亿元人民币。"
    assert all(f.subject != "中国" for f in _read(text, "某某境内发债", entities))
    text = head + "数据显示，国内存续债券总额达到200亿元人民币。"
    assert at(_read(text, "某某境内发债", entities), "20000000000").subject == "中国"


def test_a_public_body_opening_the_sentence_owns_its_figures(
    entities: EntityDictionary,
) -> None:
    text = (
        "去年30家日本国企新招录正式工4200人，较2019年减少21.5%。日本住宅金融公社同期增幅"
        "（40.2%）也较高，新招录正式工由50人增至70人。"
    )
    found = _read(text, "日本国企新招正式工缩减", entities)
    assert all(f.value != 70 for f in found)
    assert at(found, "4200").subject == "日本"
