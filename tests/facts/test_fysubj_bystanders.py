"""Subjects long-form analysis articles showed wrong: the exchange a company lists on given the
company's revenue, the house whose report a headline cites given the market's rate, a
headline's news (某洲股市全线下跌, 某应用DAU破亿), an award's name or a board of an exchange
read as the company it is about, an index given the whole market's turnover, a cited filer's
figure given to the name mentioned on the way, a market's growth given to the company, and an
economy given a school's, a politician's or unnamed things' figures. All text is invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.title_names import board_name, event_name, opening_registered

_ENTITIES = EntityDictionary.of(
    [*bundled_entities(), EntityRecord("青禾股份", "company", market="cn_a")]
)
_DAY = dt.date(2031, 5, 20)


def _read(text: str, title: str = "") -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=_DAY, entities=_ENTITIES)


def _subjects(found: list[ExtractedFact]) -> set[str]:
    return {f.subject for f in found}


def test_the_exchange_a_headline_lists_a_company_on_is_not_its_subject() -> None:
    found = _read(
        "北京某某智算科技股份有限公司已通过港交所上市聆讯。\n\n"
        "港交所文件显示，该公司成立于2020年。\n\n"
        "公司2028年、2029年的收入分别为3210万元、8.76亿元。",
        title="某某智算通过港交所聆讯，冲刺算力第一股",
    )
    assert "香港交易及结算所有限公司" not in _subjects(found)
    # the body opens with the company's registered name, whose words the headline leads with
    assert at(found, "32100000").subject == "某某智算"


def test_a_house_s_registered_name_opening_its_note_makes_no_topic() -> None:
    assert opening_registered("某某智算通过聆讯", "北京某某智算科技股份有限公司通过聆讯。") == (
        "某某智算",
        "北京某某智算科技股份有限公司",
    )
    assert (
        opening_registered("青松证券：给予某某买入评级", "青松证券股份有限公司近期对某某进行研究。")
        is None
    )


def test_the_exchange_s_own_figures_are_still_its_own() -> None:
    found = _read("港交所第一季度收入为61.3亿港元。", title="港交所一季度业绩")
    assert at(found, "6130000000").subject == "香港交易及结算所有限公司"


def test_the_house_whose_report_a_headline_cites_is_not_the_subject() -> None:
    found = _read(
        "高盛集团本月初发布报告，指出某币较其公允价值低估约17%。\n\n根据其动态模型测算，"
        "某币兑美元的合理价值应接近1美元兑4元某币，而当时市场交易价约为6.37。\n\n"
        "离岸某币远期市场已在为升值定价，2032年第四季度合约报价达到6.52。",
        title="高盛报告：某币被低估17%，多家机构看升 | 汇率分析",
    )
    assert "高盛" not in _subjects(found)


def test_a_headline_s_market_move_or_milestone_is_no_company() -> None:
    found = _read(
        "黄金当日上涨0.31%。",
        title="南洋股市全线下跌：多国指数齐跌",
    )
    assert not [f for f in found if "全线" in f.subject]
    found = _read(
        "同时，加大芯片投资（预计2032年资本支出超900亿的一部分）。",
        title="某某AI的DAU破亿深度复盘：生态布局",
    )
    assert not [f for f in found if "DAU" in f.subject]


def test_an_award_the_body_calls_this_year_s_edition_is_no_company() -> None:
    found = _read(
        "本届XGA最受关注的争议点，是某作同时获得两项大奖。该游戏由约40人开发。"
        "游戏上市不到一年销量突破320万份。争议焦点在于XGA对独立游戏的定义。",
        title="XGA 2031独立游戏之争：某作获奖引发反思",
    )
    assert "XGA" not in _subjects(found)
    assert not event_name("XGA", "XGA对独立游戏的定义模糊。")  # no edition: may be a name


def test_a_board_a_headline_opens_with_is_no_company() -> None:
    assert board_name("科创板") and board_name("创业板")
    assert not board_name("科创精工")


def test_the_whole_market_s_turnover_is_not_the_index_named_before() -> None:
    found = _read("当日深证成指涨逾1%，创业板指涨逾2%，A股市场成交额达到1.47万亿元。")
    assert at(found, "1470000000000").subject == "A股"


def test_a_company_s_a_shares_are_not_the_whole_market() -> None:
    found = _read("贵州茅台宣布分红方案，A股每股派发现金红利2.5元（含税）。")
    assert at(found, "2.5").subject == "贵州茅台"


def test_a_cited_filer_s_figure_is_not_the_name_mentioned_on_the_way() -> None:
    found = _read(
        "某某网络发布的公告显示，以青禾股份2031年5月10日收盘价为基准初步估算，"
        "公司所持份额预计对2031年第二季度净利润影响金额为3.2亿元。"
    )
    assert not [f for f in found if f.value == 320000000 and f.subject == "青禾股份"]


def test_a_market_s_growth_is_not_the_company_s_carried() -> None:
    found = _read(
        "青禾股份2030年营业收入为5.6亿元。\n\n根据行业预测，到2035年，某国的某芯片市场规模"
        "将从2030年的900亿元增至5000亿元，期间年均复合增长率达41.2%。"
    )
    assert not [f for f in found if f.value == Decimal("41.2") and f.subject == "青禾股份"]


def test_a_school_s_graduates_are_no_economy_s() -> None:
    found = _read(
        "我国某领域人才缺口超过300万。\n\n就业方面，某某理工大学某工程专业毕业生"
        "近三年深造率超过60%，就业去向落实率为98%。"
    )
    assert not [f for f in found if f.value == 98 and f.subject == "中国"]


def test_a_politician_s_poll_rating_is_no_country_s() -> None:
    found = _read(
        "韩国经济增速放缓。\n\n据韩国某台最新民调显示，某某访问后，其在某项中的支持率上升了"
        "3.8个百分点。"
    )
    assert not [f for f in found if f.subject == "韩国" and "支持率" in f.metric]


def test_things_a_pronoun_points_back_to_are_no_economy_s() -> None:
    found = _read("我国游戏产业持续壮大。\n\n它们的海外收入同比增长12%。")
    assert not [f for f in found if f.subject == "中国"]
    found = _read("2030年我国游戏产业持续壮大。这些作品的海外销售额达到32亿美元。")
    assert not [f for f in found if f.subject == "中国"]


def test_a_pronoun_before_the_economy_the_sentence_names_keeps_it() -> None:
    found = _read("一季度外贸数据公布。\n\n这些数据显示，我国出口额同比增长7.3%。")
    assert at(found, "7.3").subject == "中国"
