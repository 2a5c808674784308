from __future__ import annotations

import pytest

from touyan.analysis import label_text
from touyan.analysis.market import classify_market


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("贵州茅台(600519.SH)发布年报", "cn_a"),
        ("某公司(300750.SZ)公告称拟回购股份", "cn_a"),
        ("腾讯控股(0700.HK)宣布回购股份", "hk"),
        ("Apple (NASDAQ:AAPL) reported record revenue", "us"),
        ("瓦莱罗能源(VLO.N)目标价下调", "us"),
        ("北交所发布新规，优化上市公司融资机制", "cn_a"),
        ("国务院常务会议部署稳增长政策，推动经济回升向好", "cn_a"),
        ("统计局：10月份全国居民消费价格同比上涨2.1%", "cn_a"),
        ("日本央行维持超宽松货币政策不变", "other"),
        ("美元兑瑞郎USD/CHF日内涨0.3%", "other"),
        ("美联储宣布加息25个基点", "us"),
        ("恒指收涨1.2%，科技股领涨", "hk"),
    ],
)
def test_market_cases(text: str, market: str) -> None:
    assert label_text(text).market == market


def test_chinese_news_naming_no_place_is_mainland_news() -> None:
    result = classify_market("行业协会发布新能源汽车产销数据", language="zh")
    assert result.market == "cn_a" and result.domestic
    assert "mainland" in result.reason


def test_english_news_naming_no_place_is_other() -> None:
    assert classify_market("A company announced a new product.", language="en").market == "other"


def test_a_mainland_company_also_listed_in_hong_kong_counts_as_hong_kong() -> None:
    # 阿里巴巴 lists BABA (its primary listing) and 9988.HK.
    assert label_text("阿里巴巴发布季度财报").market == "hk"


def test_title_and_lead_outweigh_a_later_mention() -> None:
    text = "港股恒生指数收涨。" + "市场情绪平稳。" * 30 + "美国公布就业数据。"
    assert label_text(text).market == "hk"


def test_code_inside_a_longer_number_is_not_a_ticker() -> None:
    scores = classify_market("订单号 9600519.SH2 已确认", language="zh").scores
    assert scores["cn_a"] == 0


def test_a_new_york_code_of_a_mainland_company_is_domestic() -> None:
    # 京东 is in the dictionary as a mainland company also listed in Hong Kong.
    assert label_text("京东(JD.O)盘前涨2%，公司宣布扩大回购计划").market == "hk"
    # 中概股 are US-listed Chinese companies: every New York code in such an item is one.
    assert label_text("热门中概股走强，某教育(ABCD.N)涨5%，某汽车(EFGH.O)涨3%").market == "hk"
    # …but a US company the dictionary knows keeps its market in such an item.
    assert label_text("中概股收盘涨跌不一，苹果(AAPL.O)跌1%，特斯拉(TSLA.O)涨5%").market == "us"
    # A New York code alone is a US listing.
    assert label_text("某制药(PFE.N)：新药获批上市").market == "us"


def test_a_code_in_parentheses_after_a_latin_name_is_read() -> None:
    assert label_text("fuboTV(FUBO.N)：预计全年营收增长超过一倍").market == "us"


def test_an_institution_after_a_foreign_country_is_that_countrys() -> None:
    result = classify_market("哈萨克斯坦外交部：保护外国投资者的合法权益", language="zh")
    assert result.market == "other"


def test_a_speaker_with_a_foreign_name_is_not_a_mainland_company() -> None:
    result = classify_market("美国本田汽车：全年销量同比增长8%", language="zh")
    assert result.market == "us"
