"""Which part a figure is of when its clause names no one and opens with the part before its
label's 的: a channel (港股通的成交额), an area, a kind of household or holder (工薪家庭的,
境外机构在某市场的), a list of contracts after a colon (…如下：铜、铝、锌期货合约的) or of goods
after the world's name (全球台式机、笔记本和工作站的出货量); but not a time (今天的, 期末的) nor a
relative clause (计入当期损益的); read here in our own sentences with invented figures."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts

DAY = dt.date(2025, 5, 15)
NAMES = EntityDictionary.of(bundled_entities())


def facts(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=DAY, entities=NAMES)


def test_a_channel_opening_its_clause_is_the_turnovers_part() -> None:
    text = (
        "香港交易所公布2024年市场数据，港股市场成交总额为30.2万亿港元。其中，"
        "沪深股通的成交总额为31.5万亿元人民币；港股通的成交额为8.1万亿元人民币，同比增长15%。"
    )
    got = facts(text)
    assert at(got, "8100000000000").object == "港股通"
    assert at(got, "30200000000000").object is None  # the exchange's own total


def test_a_kind_of_household_or_area_opening_its_clause_is_the_figures_part() -> None:
    text = (
        "日本总务省数据显示，2024年日本家庭消费支出同比下降1.2%。"
        "工薪家庭的平均储蓄率为33.5%，连续三年维持高位。"
    )
    got = facts(text)
    assert at(got, "33.5").object == "工薪家庭"
    assert at(got, "-1.2").object is None
    text = (
        "统计显示，2024年上海市甲级写字楼净吸纳量为52万平方米。"
        "其中，核心商务区的净吸纳量为31万平方米。"
    )
    got = facts(text)
    assert at(got, "310000").object == "核心商务区"
    assert at(got, "520000").object is None
    # a time or a relative clause before the label is no part
    text = "贵州茅台公告，截至2024年6月末，期末的抵押借款为1.2亿元，保证借款为0.7亿元。"
    assert at(facts(text), "120000000").object is None
    text = "贵州茅台2024年年报显示，计入当期损益的政府补助为4100万元。"
    assert at(facts(text), "41000000").object is None


def test_a_holder_in_a_market_is_the_balances_part() -> None:
    text = (
        "央行公布2024年金融市场运行情况，截至2024年末，境外机构在我国债券市场的托管余额为"
        "3.8万亿元，占我国债券市场托管余额的比重为2.4%。"
    )
    got = facts(text)
    assert at(got, "3800000000000").object == "境外机构"
    # the share after it is still named by the balance it is a share of
    assert at(got, "2.4").metric == "托管余额占我国债券市场托管余额比重"


def test_a_list_after_a_colon_or_the_worlds_name_is_the_part() -> None:
    text = (
        "上期所：自2025年3月3日收盘结算时起，交易保证金比例调整如下："
        "铜、铝、锌期货合约的交易保证金比例调整为12%，涨跌停板幅度调整为10%。"
    )
    assert at(facts(text, "上期所：调整期货交易保证金比例"), "12").object == "铜、铝、锌期货合约"
    text = "某机构数据显示，全球台式机、笔记本和工作站的出货量同比增长3%，达到8500万台。"
    assert at(facts(text), "3").object == "台式机、笔记本和工作站"


def test_a_bare_share_after_a_parts_share_is_that_parts() -> None:
    text = (
        "贵州茅台公告，公司拟收购某某酒业有限公司控股权。2024年，某某酒业营业收入占公司营业收入"
        "的比例为2.15%，净利润占比为1.08%。"
    )
    got = facts(text)
    assert at(got, "1.08").object == "某某酒业"
    assert at(got, "2.15").metric == "某某酒业营业收入占公司营业收入比重"


def test_a_bare_share_in_a_sentence_opening_with_a_part_is_that_parts() -> None:
    text = (
        "数据显示，截至2024年末，国内百亿私募管理人增至90家。"
        "其中主观私募管理人40家，数量占比为44.4%。"
    )
    assert at(facts(text), "44.4").object == "主观私募管理人"
    text = "数据显示，截至2024年末，国内百亿私募管理人增至90家，数量占比为1.1%。"
    assert at(facts(text), "1.1").object is None
    text = (
        "国家统计局数据显示，2024年全国网上零售额15.5万亿元。其中，实物商品网上零售额13.1万亿元，"
        "同比增长6.5%，对社会消费品零售总额增长的贡献率为30.1%。"
    )
    got = facts(text)
    assert at(got, "30.1").object == "实物商品网上零售额"
    assert at(got, "15500000000000").object is None


def test_a_bilateral_figure_is_with_the_country_the_text_pairs_with_china() -> None:
    text = (
        "商务部发言人表示，智利是中国在南美地区重要的贸易伙伴。"
        "2024年，双边贸易额增长了12.5%，达到650亿美元。"
    )
    got = facts(text)
    assert (at(got, "12.5").subject, at(got, "12.5").object) == ("中国", "智利")
    assert at(got, "65000000000").object == "智利"


def test_the_words_between_a_region_and_its_label_name_its_part() -> None:
    text = "据某研究院监控数据，2024年，杭州全市二手房累计成交金额为2150亿元，同比下降6%。"
    got = facts(text)
    assert (at(got, "215000000000").subject, at(got, "215000000000").object) == (
        "杭州市",
        "二手房",
    )
    assert at(got, "-6").object == "二手房"
    text = "据某研究院监控数据，2024年，杭州全市累计成交金额为2150亿元，同比下降6%。"
    assert at(facts(text), "215000000000").object is None


def test_a_kind_of_the_subject_after_qizhong_is_the_part() -> None:
    text = "2024年贵州茅台销售收入为1700亿元，其中线上贵州茅台销售收入为240亿元，同比增长20%。"
    got = facts(text)
    assert at(got, "24000000000").object == "线上贵州茅台"
    assert at(got, "20").object == "线上贵州茅台"
    assert at(got, "170000000000").object is None
    text = "2024年贵州茅台销售收入为1700亿元，其中今年贵州茅台销售收入为240亿元。"
    assert at(facts(text), "24000000000").object is None


def test_a_part_a_clause_names_and_judges_is_the_next_clauses_figures() -> None:
    text = (
        "2024年，全国实际使用外资金额8262亿元，同比下降27%。"
        "服务业引资增长较快，实际使用外资同比增长12.5%。"
    )
    got = facts(text)
    assert at(got, "12.5").metric == "服务业实际使用外资_yoy"
    assert at(got, "-27").metric == "实际使用外资金额_yoy"
    text = text.replace("引资增长较快", "引资情况稳定")
    assert at(facts(text), "12.5").metric == "实际使用外资_yoy"


def test_the_part_a_sentence_opens_with_after_a_source_and_a_year_carries_on() -> None:
    text = (
        "据某研究院监控数据，2024年，杭州全市二手房累计成交金额为2150亿元，同比下降6%，"
        "成交套数8.2万套，同比下降5%。"
    )
    got = facts(text)
    assert at(got, "82000").object == "二手房"
    assert at(got, "-5").object == "二手房"
    text = text.replace("二手房累计成交金额", "累计成交金额")
    assert at(facts(text), "82000").object is None
