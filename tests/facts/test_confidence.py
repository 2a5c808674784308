"""A rule fact's confidence weighs where its parts are written (`touyan.facts.confidence`):
a subject and a date in the figure's own clause, a dictionary metric, a sentence of figures
make it likelier right; a subject or date only sentences away, no date, a label read off the
text or a forecast word less. Invented text."""

from __future__ import annotations

import datetime as dt

from tests.facts.reading import at, undated_reader

from touyan.facts.confidence import CHECK_BELOW, WEIGHTS, confidence, signals

read = undated_reader("青梧芯片", "蓝汀电子")


def _signals(text: str, value: str, *names: str, dated: dt.date | str | None = None) -> list[str]:
    start = text.index(value)
    return list(
        signals(
            text,
            "",
            (start, start + len(value)),
            names,
            "revenue",
            dated=dated,
            period_only=False,
            has_object=False,
        )
    )


def test_the_traces_say_where_the_subject_and_the_date_are_written() -> None:
    text = "青梧芯片发布年报。2031年公司营业收入为12.5亿元，同比增长8%。蓝汀电子预计营收为3亿元。"
    traces = _signals(text, "12.5亿元", "青梧芯片", dated=dt.date(2031, 12, 31))
    assert "subject=before" in traces and "date=clause" in traces
    assert "forecast=False" in traces and "metric=change" not in traces
    later = _signals(text, "3亿元", "蓝汀电子")
    assert "subject=clause" in later and "date=undated" in later and "forecast=True" in later
    nowhere = _signals(text, "3亿元", "紫川科技", dated=dt.date(2030, 6, 30))
    assert "subject=none" in nowhere and "date=none" in nowhere


def test_a_month_without_its_year_and_a_period_s_year_are_found() -> None:
    text = "截至6月末，青梧芯片的存货为2亿元。"
    assert "date=month" in _signals(text, "2亿元", "青梧芯片", dated=dt.date(2031, 6, 30))
    text = "青梧芯片2031年上半年营收为2亿元。"
    assert "date=clause" in _signals(text, "2亿元", "青梧芯片", dated="2031H1")


def test_the_weights_rate_a_fact_read_close_at_hand_above_one_read_from_afar() -> None:
    near = [
        "subject=clause", "date=clause", "metric=other", "period_only=False", "object=False",
        "forecast=False", "numbers_in_sentence=2", "numbers_in_clause=1", "into_sentence=0",
    ]  # fmt: skip
    far = [
        "subject=none", "date=undated", "metric=free_label", "period_only=False",
        "object=False", "forecast=True", "numbers_in_sentence=0", "numbers_in_clause=1",
        "into_sentence=1",
    ]  # fmt: skip
    assert all(trace in WEIGHTS for trace in near + far)
    assert confidence(far) < CHECK_BELOW < confidence(near) < 1.0


def test_extracted_facts_carry_their_rating() -> None:
    found = read("2031年，青梧芯片营业收入为12.5亿元，晶圆良品率为93.5%。")
    revenue, rate = at(found, "1250000000"), at(found, "93.5")
    assert revenue.metric == "revenue" and not rate.metric.isascii()
    assert CHECK_BELOW <= revenue.confidence < 1.0
    assert rate.confidence < revenue.confidence  # a label read off the text
