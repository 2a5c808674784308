"""Places that are not the economy of a flash's figure: a clock (某国当地时间), a stock index
named with its count of members (某国某某50指数), a firm a country's name describes (某国游戏
开发商), a city's laboratory (某市病毒所), a company's announcement (某某公告，拟在某市…),
an economy abroad no list of REGION names (澳门, 秘鲁), and a headline's short form of the
region its first sentence names."""

from __future__ import annotations

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

_ENTITIES = EntityDictionary.of(bundled_entities())


def _read(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=None, entities=_ENTITIES)


def _subjects(text: str, value: float) -> list[str | None]:
    return [f.subject for f in _read(text) if float(f.value) == value]


def test_a_clock_and_a_firms_trade_are_no_economy() -> None:
    text = (
        "【星岚互娱收购青芒游戏 整体溢价达37%】美国当地时间周二，美国游戏开发商星岚互娱宣布以"
        "现金形式收购青芒游戏，整体交易的估值达到58亿美元。"
    )
    assert "美国" not in _subjects(text, 37)


def test_a_clock_zone_is_not_the_economy() -> None:
    text = (
        "欧洲中部时间3月8日，某国际组织发布报告称，"
        "该组织食品价格指数2月平均为128.4点，环比下降1.2%。"
    )
    assert "欧洲" not in _subjects(text, -1.2)


def test_an_index_with_its_count_is_not_the_country() -> None:
    assert "德国" not in _subjects("德国星河50指数今年累计上涨17%，创9年来最好表现。", 17)
    assert "英国" not in _subjects("英国远帆250指数突破8300点，日内涨0.85%。", 0.85)


def test_a_citys_laboratory_is_not_the_city() -> None:
    text = "经某省科学院成都病毒所检测显示：该疫苗在成人组第28天的GMT为433.8。"
    assert "成都市" not in _subjects(text, 433.8)


def test_a_companys_announcement_is_not_the_citys() -> None:
    text = (
        "【岚峰科技：拟投建杭州基地项目】岚峰科技公告，拟在杭州经开区投资建设"
        "岚峰科技杭州基地项目，总投资额约7亿元。"
    )
    assert "杭州市" not in _subjects(text, 700000000)
    text = "青岩材料：公司拟在广东佛山投资建设新材料一期项目，投资总额为人民币3亿元。"
    assert "佛山市" not in _subjects(text, 300000000)


def test_an_economy_abroad_is_not_china_by_default() -> None:
    text = (
        "记者从澳门特区政府旅游局获悉，统计显示，过去一周的日均旅客达21870人次，酒店入住率57.3%。"
    )
    assert "中国" not in _subjects(text, 57.3)
    text = "秘鲁国家统计局称，当地消费者价格较上年同期上涨4.21%。价格比上月上涨了0.55%。"
    assert "中国" not in _subjects(text, 0.55)


def test_a_headlines_short_form_is_the_region_its_text_names() -> None:
    text = (
        "【2022年黔电外送电量480亿千瓦时】贵州省间外送电量结算数据显示，"
        "2022年全年黔电外送电量480亿千瓦时，同比增长超9%，送达广东等全国6个省市。"
    )
    facts = [f for f in _read(text) if float(f.value) in (48000000000, 9)]
    assert facts and all(f.subject != "中国" for f in facts)
