"""A rule fact named by a free-text label is trusted less than one of the dictionary's
metrics (see `FREE_LABEL_CONFIDENCE`). Invented text."""

from __future__ import annotations

from tests.facts.reading import at, undated_reader

from touyan.facts.extract import FREE_LABEL_CONFIDENCE

read = undated_reader("青梧芯片")


def test_a_dictionary_metric_is_trusted_and_a_free_label_less() -> None:
    found = read("2031年，青梧芯片营业收入为12.5亿元，晶圆良品率为93.5%。")
    revenue = at(found, "1250000000")
    assert (revenue.metric, revenue.confidence) == ("revenue", 1.0)
    rate = at(found, "93.5")
    assert not rate.metric.isascii()
    assert rate.confidence == FREE_LABEL_CONFIDENCE < 1.0
