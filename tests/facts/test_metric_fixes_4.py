"""Values, labels and forecasts a hand-judged sample showed read wrong: a figure cut at its
thousands comma, the 其 of 其他 taken for a pronoun, the sign of a fall's size that widens, a gain
or loss named by what produced it, a largest single-day gain, an intraday extreme after a word
of manner, an expectation (应该会), a release's 本月预测 frame, and revenue marked GAAP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import ExtractedFact, extract_facts
from touyan.text.numbers import parse_numbers

PUBLISHED = dt.date(2025, 5, 15)


@pytest.fixture(scope="module")
def names() -> EntityDictionary:
    return EntityDictionary.of(
        [
            *bundled_entities(),
            EntityRecord("青岚电子", "company"),
            EntityRecord("青岚稳健混合A", "fund"),
        ]
    )


def facts(text: str, names: EntityDictionary) -> list[ExtractedFact]:
    return extract_facts(text, published_at=PUBLISHED, entities=names)


def said(found: list[ExtractedFact]) -> set[tuple[object, ...]]:
    return {(f.subject, f.metric, f.value) for f in found}


def test_a_figure_cut_at_its_thousands_comma_is_no_figure(names: EntityDictionary) -> None:
    assert parse_numbers("期末余额为2,") == []
    assert parse_numbers("期末余额为2,…") == []
    assert [q.value for q in parse_numbers("期末余额为2,315.60元")] == [Decimal("2315.60")]
    text = "2024年，青岚电子住房公积金期初余额为3,204.10元，期末余额为2,"
    got = said(facts(text, names))
    assert ("青岚电子", "住房公积金期初余额", Decimal("3204.10")) in got
    assert not any(value == 2 for _, _, value in got)


def test_the_other_lines_keep_their_qi(names: EntityDictionary) -> None:
    text = (
        "2024年，青岚电子的营业收入构成为：消费电子占比71.20%，其他制造业占比6.15%，"
        "其他业务占比1.02%。青岚电子其他营业外收入和支出为-31,214.50元。"
    )
    metrics = {f.metric for f in facts(text, names)}
    assert {"其他制造业占比", "其他业务占比", "其他营业外收入和支出"} <= metrics
    assert not any(m.startswith("他") for m in metrics)


def test_a_falls_size_that_widens_lowers_the_rate(names: EntityDictionary) -> None:
    text = (
        "国家统计局发布数据，2月份，全国工业生产者出厂价格同比下降1.9%。从环比看，PPI下降0.9%，"
        "降幅比上月扩大0.3个百分点。其中，生产资料价格下降0.8%，降幅收窄0.4个百分点；"
        "生活资料价格上涨0.6%，涨幅收窄0.1个百分点；原材料价格上涨1.3%，涨幅扩大0.7个百分点。"
        "价格降幅收窄的有纺织业下降3.6%，收窄1.5个百分点。"
    )
    got = said(facts(text, names))
    assert ("中国", "PPI_qoq_change", Decimal("-0.3")) in got
    assert ("中国", "生产资料价格_qoq_change", Decimal("0.4")) in got
    assert ("中国", "生活资料价格_qoq_change", Decimal("-0.1")) in got
    assert ("中国", "原材料价格_qoq_change", Decimal("0.7")) in got
    assert any(m.endswith("_change") and v == Decimal("1.5") for _, m, v in got)


def test_a_gain_or_loss_is_named_by_what_produced_it(names: EntityDictionary) -> None:
    text = (
        "2024年，青岚电子非经常性损益项目处置固定资产产生的利润或损失为2,140,512.36元；"
        "交易性金融资产公允价值变动产生的收益或损失为-815,220.10元。青岚电子的净损益为12万元。"
    )
    got = said(facts(text, names))
    assert (
        "青岚电子",
        "非经常性损益项目处置固定资产产生的利润或损失",
        Decimal("2140512.36"),
    ) in got
    assert ("青岚电子", "交易性金融资产公允价值变动产生的收益或损失", Decimal("-815220.10")) in got
    assert ("青岚电子", "净损益", Decimal("120000")) in got  # only the name before its 的


def test_a_largest_single_day_gain_is_not_the_days_change(names: EntityDictionary) -> None:
    text = (
        "截止2025年05月09日青岚稳健混合A单位净值为1.0847元、涨跌幅为0.37%，"
        "截止青岚稳健混合A最大单日涨幅为5.18%，单日最大跌幅为-4.26%。"
    )
    got = said(facts(text, names))
    assert ("青岚稳健混合A", "change_pct", Decimal("0.37")) in got
    assert ("青岚稳健混合A", "max_daily_gain_pct", Decimal("5.18")) in got
    assert ("青岚稳健混合A", "max_daily_fall_pct", Decimal("-4.26")) in got
    assert ("青岚稳健混合A", "change_pct", Decimal("5.18")) not in got


def test_an_intraday_extreme_after_a_word_of_manner(names: EntityDictionary) -> None:
    got = said(facts("周三，青岚电子盘中罕见一度暴跌超8%，收跌近6.4%。", names))
    assert ("青岚电子", "max_fall_pct", Decimal("8")) in got
    assert ("青岚电子", "change_pct", Decimal("-6.4")) in got
    got = said(facts("周三，青岚电子成交额盘中一度增长30%，收跌2.1%。", names))
    assert not any("一度" in m for _, m, _ in got)  # how far it went, not what grew


def test_what_the_writer_expects_is_a_forecast(names: EntityDictionary) -> None:
    text = "事实上，青岚电子未来10年的每股收益应该会增长21.5%以上，这是一个乐观的判断。"
    found = [f for f in facts(text, names) if f.value == Decimal("21.5")]
    assert [f.metric for f in found] == ["eps_yoy_forecast"]


def test_a_releases_monthly_projection_frames_its_paragraph(names: EntityDictionary) -> None:
    text = (
        "农业农村部发布供需形势分析。本月对2024/25年度中国小麦供需平衡表不作调整，小麦产量"
        "14150万吨。本月预测，2025/26年度，中国高粱种植面积765千公顷，较上年度增加9千公顷。"
        "今年气象条件总体有利，预计高粱单产每公顷4620公斤。总产量353万吨，较上年度增2.3%。"
        "本月估计，2024/25年度，中国菜籽油产量587万吨，比上年度下调6万吨。"
    )
    got = {(f.metric, f.value) for f in facts(text, names)}
    assert ("高粱总产量_forecast", Decimal("3530000")) in got
    assert ("高粱总产量_yoy_forecast", Decimal("2.3")) in got
    assert ("菜籽油产量_forecast", Decimal("5870000")) in got
    assert ("小麦产量", Decimal("141500000")) in got  # 本月对…不作调整: left as it was


def test_revenue_marked_gaap_is_another_income_line(names: EntityDictionary) -> None:
    text = "2024年青岚电子营业收入GAAP 64 亿美元；2024 年 GAAP 净收入 64 亿美元。"
    got = said(facts(text, names))
    assert ("青岚电子", "net_profit", Decimal("6400000000")) in got
    assert not any(m == "revenue" for _, m, _ in got)
