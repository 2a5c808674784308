"""Subjects short news items showed wrong, third round: a conjunction or a session glued to a
name (但某某板块, 某某美股盘前跌超), a country's stock market or a bare month taking a move, a
name written with its ticker (某某（ABCD）涨超5%) or ranked in its own clause (某某排名第五，
市占率为) taking the figure from a name before it, the market's own flows and a count of
companies' total filed under a company, another country's 央行 read as China's, a fund's whole
filed under one partner, and a broker or research firm a headline leads with taken for what its
report is about."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.name_forms import plausible_name


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def _subjects(found: list[ExtractedFact], value: str) -> list[str]:
    return [f.subject for f in found if f"{f.value}" == value]


def test_a_conjunction_or_a_session_is_no_part_of_a_name() -> None:
    assert plausible_name("但本月") is None
    assert plausible_name("青屿科技美股盘前跌超") == "青屿科技"
    assert plausible_name("Zentrix美股盘前") == "Zentrix"


def test_a_sector_after_but_is_named_without_it(entities: EntityDictionary) -> None:
    text = "周二收盘，某指数成分板块多数下跌，建材板块跌超1.3%，但航运板块收涨逾3.7%。"
    found = _read(text, "某指数成分板块多数下跌", entities)
    assert at(found, "3.7").subject == "航运板块"


def test_a_premarket_move_is_the_stock_s(entities: EntityDictionary) -> None:
    text = "Zentrix美股盘前跌4.6%，报27.30美元。Zentrix四季度营收为6.10亿美元。"
    found = _read(text, "Zentrix美股盘前跌超4%", entities)
    assert {f.subject for f in found} == {"Zentrix"}
    assert at(found, "-4.6").metric == "change_pct"


def test_a_country_s_stock_market_and_a_bare_month_move_no_one_carried(
    entities: EntityDictionary,
) -> None:
    text = (
        "标普500指数下跌了3.1%。以本币计算，甲国股市1月份上涨了6%，乙国股市上涨4.4%。"
        "某运价指数涨21点，但本月暴跌近37%。"
    )
    found = _read(text, "拉美股市1月表现亮眼", entities)
    assert "标普500指数" not in _subjects(found, "6") + _subjects(found, "4.4")
    assert _subjects(found, "-37") == [] and _subjects(found, "37") == []


def test_a_name_with_its_ticker_owns_its_move(entities: EntityDictionary) -> None:
    text = "美股收盘，特斯拉跌超2.2%，溯岚医疗（SLMD）涨3.1%，澜石能源（LSNE）涨超4.4%。"
    found = _read(text, "美股收盘涨跌互现", entities)
    assert _subjects(found, "-2.2") == ["特斯拉"]
    assert "特斯拉" not in _subjects(found, "3.1") + _subjects(found, "4.4")


def test_a_name_ranked_in_its_own_clause_takes_over(entities: EntityDictionary) -> None:
    text = "2023年，苹果排名第一，市占率31.2%；澜石排名第五，市占率为4.9%。"
    found = _read(text, "2023年某品类出货量排名出炉", entities)
    assert "苹果公司" not in _subjects(found, "4.9")


def test_a_label_stated_again_under_another_name_is_not_the_first_s(
    entities: EntityDictionary,
) -> None:
    text = "抽查结果显示，快手抽样不合格率为33%，青屿抽样不合格率为21.5%。"
    found = _read(text, "某平台抽样不合格率高", entities)
    assert _subjects(found, "33") == ["快手科技"]
    assert _subjects(found, "21.5") == []


def test_the_market_s_own_flows_are_no_company_s(entities: EntityDictionary) -> None:
    text = "北向资金今日大幅净买入41.37亿元。中国平安、招商银行分别获净买入6.21亿元、3.02亿元。"
    found = _read(text, "北向资金今日净买入超41亿元 中国平安获净买入超6亿元", entities)
    assert _subjects(found, "4137000000") == []
    text = "恒生科技指数跌1.28%，南下资金半日净流入17.36亿港元。"
    assert _subjects(_read(text, "港股午评", entities), "1736000000") == []
    text = "宁德时代盘中跌超6%。总体而言，个股跌多涨少，上午半天成交近4870亿元。"
    assert _subjects(_read(text, "宁德时代重挫", entities), "487000000000") == []


def test_a_count_of_companies_total_is_the_group_s(entities: EntityDictionary) -> None:
    text = (
        "京东方等9家公司回购金额超过1亿元。"
        "今年以来已有逾七百家上市公司实施回购，总金额超过860亿元。"
    )
    found = _read(text, "逾七百家公司实施回购", entities)
    assert _subjects(found, "86000000000") == []


def test_the_world_s_total_is_no_company_s(entities: EntityDictionary) -> None:
    text = "据某机构统计，2023年全球共计出货平板电脑1.41亿台，较上年增长2.6%。苹果排名第一。"
    found = _read(text, "全球平板出货量出炉：苹果第一", entities)
    assert _subjects(found, "141000000") == []
    text = "特斯拉一位前高管表示：“转变已经开始。在全球不同地区，电动汽车销量几乎增长了90%。”"
    assert _subjects(_read(text, "特斯拉前高管谈电动车", entities), "90") == []


def test_another_country_s_central_bank_is_not_china_s(entities: EntityDictionary) -> None:
    text = "英国央行上周维持利率不变，交易员预期加息25个基点的可能性为40%。"
    found = _read(text, "交易员押注主要央行加息", entities)
    assert "中国人民银行" not in _subjects(found, "40")


def test_a_fund_s_whole_is_not_one_partner_s(entities: EntityDictionary) -> None:
    text = (
        "澜舟科技公告，拟出资800万元参与投资某某创业投资合伙企业（有限合伙），"
        "基金本次总认缴出资额为5320万元。"
    )
    found = _read(text, "澜舟科技：拟出资800万元投资产业基金", entities)
    assert _subjects(found, "53200000") == []
    assert _subjects(found, "8000000") == ["澜舟科技"]


def test_a_headline_s_broker_cites_what_its_report_is_about(
    entities: EntityDictionary,
) -> None:
    text = "中金公司研报认为，某材料需求加速增长。未来五年，某材料（需求CAGR+17%）推动行业增长。"
    found = _read(text, "中金：某材料价格或前高后低", entities)
    assert not [s for s in _subjects(found, "17") if s.startswith("中金")]
    text = "记者从澜舟超市获悉，春节期间澜舟超市全渠道销售额同比增长近12%。"
    found = _read(text, "澜舟超市：春节销售开门红", entities)
    assert _subjects(found, "12") == ["澜舟超市"]


def test_ministries_are_no_name() -> None:
    assert plausible_name("七部门") is None
