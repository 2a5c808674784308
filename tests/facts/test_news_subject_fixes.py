"""Subjects short news items showed wrong: a stake (股权) read as a name, a headline's run after
a count (12股获…) or before a trade's maker (…代工厂) read as a name, a person's role (联合
创始人) read as a company, a run before 今日 and no market word read as a stock, a short name
noted after a full one (（以下简称…）) not read, a country's one-character form in a company's
name (俄…) taking a headline for a statistics release, 全球 inside a fund house's name or
before an epithet read as the world, 国内外 (home and abroad) taken for
the figure's economy, and a market index's session move filed under a country."""

from __future__ import annotations

from tests.facts.reading import at

from touyan.facts.entities import EntityDictionary
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.facts.names import written_names


def _read(text: str, title: str, entities: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, title=title, published_at=None, entities=entities)


def test_a_stake_sold_is_no_name() -> None:
    text = (
        "澜舟制药公告，拟出售甲乙丙三家公司股权，甲公司60%股权的交易总价为3.6亿元；"
        "乙公司100%股权的交易总价为7200万元。"
    )
    names = [w.name for w in written_names(text, "澜舟制药：拟出售三家子公司")]
    assert "股权" not in names


def test_a_headline_run_after_a_count_is_no_name() -> None:
    title = "37股获外资加仓超40% 青屿科技居首"
    text = "截至3月9日，共有418只个股获外资加仓。其中，加仓幅度在40%以上的共有37只。"
    assert [w.name for w in written_names(text, title)] == []


def test_a_trade_s_maker_opening_a_headline_is_no_name() -> None:
    title = "芯片封测厂远芯半导体毛利率升至31% 年内再扩产"
    text = (
        "芯片封测厂远芯半导体发布年度业绩，芯片封测价格走高，毛利率升至31%。"
        "芯片封测商正在加紧扩产，芯片封测订单排至年底。"
    )
    assert "芯片封测" not in [w.name for w in written_names(text, title)]


def test_a_person_s_role_at_a_company_is_no_headline_name() -> None:
    title = "青鸟汽车创始人：电池成本明年或降两成"
    text = "青鸟汽车创始人李青舟在采访中表示，电池成本明年或降两成，电动汽车销量将增长50%。"
    assert "青鸟汽车创始人" not in [w.name for w in written_names(text, title)]


def test_a_run_before_today_and_no_market_word_is_no_stock() -> None:
    title = "元宵返乡汽车票今日开售，多地加开班次"
    text = "2月3日，元宵返乡汽车票正式开售，客运部门每日可提供座位80万个以上。"
    assert [w.name for w in written_names(text, title)] == []
    moved = written_names("3月2日，青屿科技今日涨停，成交额放大。", "青屿科技今日涨停")
    assert [w.name for w in moved] == ["青屿科技"]


def test_a_short_name_noted_after_the_full_one_names_the_company(
    entities: EntityDictionary,
) -> None:
    text = (
        "中国台湾芯片厂远联电子（以下简称远联）于3月2日发布年度业绩。"
        "2024年，远联全年的净利达到312.5亿新台币，按年大增27.4%。"
    )
    fact = at(_read(text, "芯片厂远联毛利率再创新高", entities), "27.4")
    assert fact.subject == "远联"


def test_a_holder_s_short_name_is_left_to_the_holder_reading() -> None:
    text = "青屿创业投资基金管理有限公司（简称“青屿创投”）计划减持公司股份不超过120万股。"
    assert "青屿创投" not in [w.name for w in written_names(text)]


def test_a_country_s_short_form_in_a_company_s_name_is_no_statistics_release(
    entities: EntityDictionary,
) -> None:
    title = "俄镍：第四季度镍销售量为5.6万吨"
    text = (
        "俄镍公布第四季度营运业绩。于第四季度，镍产量共5.2万吨；镍销售量为5.6万吨（按季上升3.1%）。"
    )
    fact = at(_read(text, title, entities), "56000")
    assert fact.subject == "俄镍"


def test_a_fund_house_named_with_global_is_not_the_world(entities: EntityDictionary) -> None:
    title = "兴远全球基金再出资2000万元自购 5月以来已自购3000万"
    text = (
        "兴远全球基金公告称，公司2023年5月运用固有资金自购旗下偏股型基金3000万元，将继续"
        "自购旗下偏股型基金2000万元。自购金额共计达5000万元，持有期不少于一年。"
    )
    assert all(f.subject != "全球" for f in _read(text, title, entities))


def test_global_before_an_epithet_is_not_the_world(entities: EntityDictionary) -> None:
    text = "全球顶级的宏观对冲基金某某资本旗下的旗舰基金开年首月业绩为6.3%，创下十年来最佳。"
    assert all(f.subject != "全球" for f in _read(text, "", entities))


def test_home_and_abroad_is_no_economy(entities: EntityDictionary) -> None:
    text = "会上通报，2023年贵州省接待国内外游客6200.5万人次；旅游总收入812.4亿元，同比增长21.3%。"
    fact = at(_read(text, "2023年贵州旅游总收入812.4亿元", entities), "81240000000")
    assert fact.subject == "贵州省"


def test_a_market_index_s_session_move_is_the_index_s(entities: EntityDictionary) -> None:
    text = "周三亚太股市高开，某某300指数开盘上涨1.2%，报3120.5点。澳大利亚股市随后回落。"
    fact = at(_read(text, "亚太股市高开", entities), "1.2")
    assert (fact.subject, fact.metric) == ("某某300指数", "change_pct")
