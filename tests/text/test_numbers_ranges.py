"""Ranges whose two ends each write their unit (0.21元/股至0.26元/股, US$2.0 billion to
US$2.4 billion) are one quantity; two figures of different things joined by a dash are not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from touyan.text.numbers import Quantity, parse_numbers


def one(text: str) -> Quantity:
    found = parse_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "currency"),
    [
        ("预计每股收益0.21元/股至0.26元/股。", "0.21", "0.26", "money", "CNY"),
        ("每股派息0.3元/股-0.45元/股", "0.3", "0.45", "money", "CNY"),
        ("铜价或在9000美元/吨～9800美元/吨之间波动", "9000", "9800", "/吨", "USD"),
        ("预计净利润2.4亿元-2.9亿元", "240000000", "290000000", "money", "CNY"),
        ("毛利率有望提升至31%~34%", "31", "34", "%", None),
        ("全年盈利5200万元–6100万元", "52000000", "61000000", "money", "CNY"),
        ("单季利润区间为800万元—950万元", "8000000", "9500000", "money", "CNY"),
        ("expects revenue of US$2.0 billion to US$2.4 billion", "2e9", "2.4e9", "money", "USD"),
        ("guides to HK$300 million - HK$350 million in FY26", "3e8", "3.5e8", "money", "HKD"),
        ("the target is a yield of 4% to 5%", "4", "5", "%", None),
    ],
)
def test_a_range_whose_ends_both_write_the_unit_is_one_quantity(
    text: str, low: str, high: str, unit: str, currency: str | None
) -> None:
    q = one(text)
    assert (q.value, q.high, q.unit, q.currency) == (Decimal(low), Decimal(high), unit, currency)


def test_a_ranges_span_covers_both_ends_and_stops_where_the_upper_figure_does() -> None:
    text = "预计每股收益0.21元/股至0.26元/股。"
    q = one(text)
    assert q.text == "0.21元/股至0.26元"  # the upper end's /股 follows, as after 0.26元 alone
    assert text[q.span[1] :] == "/股。"


def test_the_upper_end_may_name_the_money_for_both() -> None:
    q = one("拟回购金额为5000万至8000万元")
    assert (q.value, q.high, q.unit, q.currency) == (
        Decimal(50000000),
        Decimal(80000000),
        "money",
        "CNY",
    )


@pytest.mark.parametrize(
    "text",
    [
        "收入3.2亿元-4.1亿美元",  # two currencies
        "油价80美元/桶-90美元",  # only the first is per barrel
        "股息50美分-0.6美元",  # cents and dollars
        "售价10元-12",  # the second names nothing
        "营收10亿元-净利润2亿元",  # two figures with their own labels
        "margin rose 3% to 18%",  # a change from one figure to another
        "sales grew from US$1.5 billion to US$1.8 billion",
    ],
)
def test_two_figures_not_in_one_set_of_units_or_said_to_change_are_no_range(text: str) -> None:
    found = parse_numbers(text)
    assert len(found) == 2, found
    assert all(q.high is None for q in found)


@pytest.mark.parametrize(
    ("text", "second"), [("油价80美元/桶-90美元", "90"), ("股息50美分-0.6美元", "0.6")]
)
def test_a_hyphen_after_a_price_per_unit_or_in_cents_is_a_dash(text: str, second: str) -> None:
    assert parse_numbers(text)[1].value == Decimal(second)  # no minus


def test_a_comma_between_per_share_figures_makes_a_list_with_a_fall() -> None:
    first, second = parse_numbers("两年每股收益分别为0.6元/股,-0.2元/股")
    assert (first.value, first.high) == (Decimal("0.6"), None)
    assert (second.value, second.negative) == (Decimal("-0.2"), True)


@pytest.mark.parametrize("text", ["2023-2026年复合增速", "公司1-9月销量", "公告编号2026-031"])
def test_spans_of_time_and_codes_stay_out(text: str) -> None:
    assert all(q.high is None for q in parse_numbers(text))
    assert parse_numbers(text) == []
    # a range of figures is one
    (growth,) = parse_numbers("预计复合增速为12%-15%")
    assert (growth.value, growth.high) == (Decimal("12"), Decimal("15"))


def test_a_figure_starting_a_line_is_read_whatever_ends_the_line_before() -> None:
    # the word check once matched across the line break ($ before a final \n): Q1's 1 hid 3.5
    assert [q.text for q in parse_numbers("营收\nQ1\n3.5亿元")] == ["3.5亿元"]
    assert [q.value for q in parse_numbers("两季营收\n12.5\n13.6")] == [
        Decimal("12.5"),
        Decimal("13.6"),
    ]


def test_a_loss_word_makes_both_ends_a_fall_and_a_minus_sign_only_its_own() -> None:
    loss = one("预计亏损2,000万元至2,800万元")
    assert (loss.value, loss.high) == (Decimal("-28000000"), Decimal("-20000000"))
    fall = one("同比下降4%-6%")
    assert (fall.value, fall.high) == (Decimal("-6"), Decimal("-4"))
    across = one("扣非净利润-800万元至500万元")
    assert (across.value, across.high) == (Decimal("-8000000"), Decimal("5000000"))
