"""Subjects short news items showed wrong, fourth round: words that are no name taken for one
(财务状况, 国庆假期, 限制性股票, 新工厂), the kind of a company's statement glued to its name
(某某澄清公告, 某某澄清：…), a clause before 公告 taken for a name (某某承担的停运公告), and a
name that only opens the clause saying what its data show (某行某司…的调查数据显示：…)."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.name_forms import plausible_name


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_state_a_holiday_a_security_kind_or_a_new_plant_is_no_name() -> None:
    assert plausible_name("澜石科技财务状况") is None
    assert plausible_name("国庆假期") is None
    assert plausible_name("限制性股票") is None
    assert plausible_name("新工厂") is None
    assert plausible_name("澜石科技") == "澜石科技"
    assert plausible_name("新华联") == "新华联"


def test_a_holiday_heading_the_title_is_no_subject(entities: EntityDictionary) -> None:
    text = "据文旅部门统计，国庆假期，杭州共接待游客800万人次，实现旅游收入95.2亿元。"
    found = _read(text, "国庆假期杭州接待游客800万人次", entities)
    assert at(found, "9520000000").subject == "杭州市"


def test_a_grant_price_is_the_company_s_not_the_security_kind_s(
    entities: EntityDictionary,
) -> None:
    text = "澜石股份披露激励计划。限制性股票的授予价格为12.5元/股，限制性股票合计授予300万股。"
    found = _read(text, "某公司激励计划出炉", entities)
    assert at(found, "12.5").subject == "澜石股份"


def test_a_clarifying_announcement_names_the_company_without_its_kind(
    entities: EntityDictionary,
) -> None:
    text = (
        "澜石材料澄清公告，网传公司将出售青禾陶瓷。"
        "截至目前，公司出资金额为3000万元，持股比例为60%。"
    )
    found = _read(text, "澜石材料澄清：青禾陶瓷仍为控股子公司", entities)
    assert {f.subject for f in found} == {"澜石材料"}
    assert at(found, "60").metric == "stake_pct"


def test_a_clause_before_the_announcement_is_no_name(entities: EntityDictionary) -> None:
    text = "青禾保将于下月停运。青禾保承担的停运公告后3期费用（3月至5月），累计金额为5亿元。"
    found = _read(text, "青禾保下月停运", entities)
    assert at(found, "500000000").subject == "青禾保"


def test_a_name_opening_what_its_survey_shows_is_its_source(entities: EntityDictionary) -> None:
    text = (
        "人民银行调查统计司对3000户企业经营状况的调查数据显示：四季度，"
        "企业主营业务收入两年平均增速为5.1%，比三季度上升0.3个百分点。"
    )
    found = _read(text, "工业企业利润增速回升", entities)
    assert at(found, "5.1").subject == "中国"


def test_a_bank_s_name_run_on_into_trade_names_the_place_s_banks(
    entities: EntityDictionary,
) -> None:
    text = (
        "目前，上海银行业支持科创企业融资规模超过5200亿元，各项融资余额900亿元。"
        "上海银行业绩快报显示，营业收入为500亿元。"
    )
    found = _read(text, "上海银行业加大科创支持", entities)
    assert "上海银行" not in {at(found, "520000000000").subject}
    assert all(f.subject != "上海银行" for f in found if f.value == 90000000000)
    assert at(found, "50000000000").subject == "上海银行"


def test_a_firm_named_for_its_country_makes_no_statistics_text(
    entities: EntityDictionary,
) -> None:
    text = (
        "中国银联公布，国庆七天，银联网络交易金额1.2万亿元，交易笔数20.5亿笔，"
        "相比去年国庆分别增长12.4%和8.4%。"
    )
    found = _read(text, "中国银联：国庆网络交易额超1万亿元", entities)
    assert at(found, "2050000000").subject == "中国银联"
    text = "日本银行公布，客户在信用卡的支出较去年同期增长16%至650亿日元。"
    found = _read(text, "日本银行：某月消费支出创新高", entities)
    assert at(found, "16").subject == "日本银行"


def test_a_one_character_country_s_central_bank_is_not_china_s(
    entities: EntityDictionary,
) -> None:
    found = _read("市场预期欧央行9月加息25个基点的概率为60%。", "债市观察", entities)
    assert all(f.subject not in ("中国人民银行", "中国") for f in found)
    found = _read("市场预期央行9月降息10个基点的概率为30%。", "债市观察", entities)
    assert at(found, "30").subject == "中国人民银行"


def test_a_company_s_word_in_a_list_of_futures_is_the_contract(
    entities: EntityDictionary,
) -> None:
    text = "国内商品期货收盘涨跌互现，玻璃涨超3%，纯碱、棉纱、苹果涨超2%；美股方面，苹果涨1.5%。"
    found = _read(text, "商品期货收盘涨跌互现", entities)
    assert all(f.subject != "苹果公司" for f in found if f.value == 2)
    assert at(found, "1.5").subject == "苹果公司"
