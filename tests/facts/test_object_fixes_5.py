"""Figures of a part filed as the whole's: a product or scope named between a name and its
attribute, a part 其 points back to, a consolidated part after 其中, what a sentence leaves out,
a market under a numbered heading, a business judged the driver, a part's share in brackets and
a sentence opening with a part; read here in our own sentences with invented names and figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 13)
NAMES = EntityDictionary.of(
    [
        EntityRecord("远帆汽车", "company", ("远帆",)),
        EntityRecord("澜石酒店", "company"),
        EntityRecord("星河酒业", "company"),
        EntityRecord("蓝湾材料", "company"),
        EntityRecord("云图科技", "company"),
    ]
)


def facts(text: str) -> list[ExtractedFact]:
    return extract_facts(text, title="", published_at=DAY, entities=NAMES)


def parts(text: str) -> dict[Decimal, str | None]:
    return {f.value: f.object for f in facts(text)}


def test_words_between_a_name_and_its_attribute_name_the_part() -> None:
    text = (
        "2025年02月的远帆汽车狭义乘用车零售销量的市场份额累计值为6.40%、"
        "远帆汽车广义乘用车零售销量的市场份额累计值为6.10%。"
    )
    got = parts(text)
    assert got[Decimal("6.40")] == "狭义乘用车零售销量"
    assert got[Decimal("6.10")] == "广义乘用车零售销量"
    text = (
        "星河酒业今日收盘。2025年05月12日的星河酒业特曲白酒的行情价为260.00元/瓶、"
        "星河酒业1573白酒的行情价为880.00元/瓶。"
    )
    got = parts(text)
    assert got[Decimal("880.00")] == "星河酒业1573白酒"


def test_qi_points_back_to_the_last_figures_part() -> None:
    text = (
        "合资品牌方面，3月远帆本田销量为9120辆，同比下降12.40%；"
        "今年1-3月其销量为30150辆，同比下降8.30%。"
    )
    got = parts(text)
    assert got[Decimal("9120")] == got[Decimal("30150")] == "本田"
    assert got[Decimal("-8.30")] == "本田"


def test_the_consolidated_part_after_qizhong() -> None:
    text = (
        "远帆汽车2025Q1 实现营收210.5 亿元，同期总销量52.3 万辆，同比+3.1%，"
        "其中合并报表销量37.6 万辆，同比+4.2%，环比-5.5%。"
    )
    got = parts(text)
    assert got[Decimal("523000")] is None
    assert got[Decimal("376000")] == "合并报表"
    assert got[Decimal("4.2")] == "合并报表"
    assert got[Decimal("-5.5")] == "合并报表"


def test_what_a_sentence_leaves_out_scopes_its_figures_over_semicolons() -> None:
    text = (
        "澜石酒店一季报发布。报告期内，公司全部酒店RevPAR为120元，同比下降5.1%。"
        "不含加盟酒店的全部酒店RevPAR为133元，同比下降3.6%；Occ为63.2%，同比下降1.1个百分点；"
        "ADR为210元，同比下降1.8%。"
    )
    got = parts(text)
    assert got[Decimal("120")] is None
    for value in ("133", "-3.6", "63.2", "210", "-1.8"):
        assert got[Decimal(value)] == "不含加盟酒店", value
    text = "澜石酒店四季度经营回顾。剔除加盟酒店后，全部酒店RevPAR 148元/同比-2.2%，其中ADR 226元。"
    got = parts(text)
    assert got[Decimal("148")] == "不含加盟酒店"
    assert got[Decimal("226")] == "不含加盟酒店"


def test_a_market_after_a_numbered_heading_is_the_part() -> None:
    text = "远帆汽车年报点评。 2. 出海步伐加快 海外市场销量23.6万辆，同比增长41%。"
    got = parts(text)
    assert got[Decimal("236000")] == "海外市场"
    assert got[Decimal("41")] == "海外市场"
    # a figure's decimal point is no heading's number
    text = "远帆汽车年报点评。每股收益0.52 美元 营业收入12 亿美元。"
    assert parts(text)[Decimal("1200000000")] is None


def test_a_business_judged_the_driver_then_its_volume() -> None:
    text = (
        "蓝湾材料年报。---### 产品与业务分析#### 主营业务表现隔膜业务为营收主要驱动力，"
        "2024年销量超12万吨，同比增长18%，产能利用率较高。"
    )
    got = parts(text)
    assert got[Decimal("120000")] == "隔膜业务"
    assert got[Decimal("18")] == "隔膜业务"


def test_an_amount_in_brackets_after_a_parts_share_is_the_parts() -> None:
    text = (
        "云图科技竞争力较强。但其订阅业务在2025年第一季度仍贡献了62%的营收（311.5亿美元），"
        "增长稳健。"
    )
    assert parts(text)[Decimal("31150000000")] == "订阅业务"


def test_a_sentence_opening_with_a_part_keeps_it_over_a_semicolon() -> None:
    text = (
        "2025年一季度，云图科技收入同比增长9%。云图科技云营收为88.4亿美元，同比增24.5%，"
        "增速有所放缓；不过运营利润达15.32亿美元，同比增96%。本季度支付股息12.1亿美元。"
    )
    got = parts(text)
    assert got[Decimal("1532000000")] == "云"
    assert got[Decimal("96")] == "云"
    assert got[Decimal("1210000000")] is None
