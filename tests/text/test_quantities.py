from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touyan.text.dates import parse_date, parse_dates
from touyan.text.numbers import Quantity, format_quantity, parse_numbers, same_quantity


def one(text: str) -> Quantity:
    found = parse_numbers(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.span[0] : q.span[1]] == q.text
    return q


@pytest.mark.parametrize(
    ("text", "value", "unit", "currency"),
    [
        ("11亿美元", "1100000000", "money", "USD"),
        ("2.5亿美元", "250000000", "money", "USD"),
        ("450亿美元", "45000000000", "money", "USD"),
        ("1050.3万股", "10503000", "shares", None),
        ("3.00%", "3.00", "%", None),
        ("一千二百万元", "12000000", "money", "CNY"),
        ("两亿", "200000000", "", None),
        ("¥1,297.3万", "12973000", "money", "CNY"),
        ("US$1.1 billion", "1100000000", "money", "USD"),
        ("$1,577.00 million", "1577000000", "money", "USD"),
        ("EUR 13.1 mn", "13100000", "money", "EUR"),
        ("1.1bn", "1100000000", "", None),
    ],
)
def test_amounts_in_base_units(text: str, value: str, unit: str, currency: str | None) -> None:
    q = one(text)
    assert (format(q.value, "f"), q.unit, q.currency) == (value, unit, currency)


def test_ranges_falls_and_accounting_negatives() -> None:
    span = one("45%-65%")
    assert (span.value, span.high, span.unit) == (Decimal(45), Decimal(65), "%")
    fall = one("下降2.76%")
    assert fall.negative and fall.value == Decimal("-2.76")
    rise = one("同比增长45%")
    assert not rise.negative and rise.value == Decimal(45)
    bracket = one("(12.6)")
    assert bracket.negative and bracket.value == Decimal("-12.6")


def test_spans_inside_a_sentence() -> None:
    text = "小米宣布完成11亿美元融资，估值达到450亿美元。"
    assert [text[q.span[0] : q.span[1]] for q in parse_numbers(text)] == ["11亿美元", "450亿美元"]


def test_dates_codes_and_list_numbers_are_not_amounts() -> None:
    assert parse_numbers("2014年12月29日") == []
    assert parse_numbers("贵州茅台(600519)") == []
    assert [q.text for q in parse_numbers("1. 小米融资11亿美元")] == ["11亿美元"]


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        ("450亿美元", "US$45 billion", True),
        ("2.5亿美元", "US$250 million", True),
        ("11亿美元", "US$1.1 billion", True),
        ("2.5亿美元", "2.6亿美元", False),
        ("11亿美元", "11亿元", False),
        ("11亿美元", "11万美元", False),
        ("3%", "3.0%", True),
        ("3%", "3个百分点", False),
        ("45%", "54%", False),
    ],
)
def test_same_quantity_within_written_rounding(a: str, b: str, equal: bool) -> None:
    assert same_quantity(one(a), one(b)) is equal
    assert same_quantity(one(b), one(a)) is equal


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2)


@settings(max_examples=150, deadline=None)
@given(
    amount=amounts, scale=st.sampled_from(["万", "亿"]), currency=st.sampled_from(["元", "美元"])
)
def test_chinese_amounts_round_trip(amount: Decimal, scale: str, currency: str) -> None:
    q = one(f"{amount}{scale}{currency}")
    for lang in ("zh", "en"):
        again = parse_numbers(format_quantity(q, lang))
        assert len(again) == 1 and same_quantity(q, again[0]), (lang, format_quantity(q, lang))


@settings(max_examples=150, deadline=None)
@given(amount=amounts)
def test_percentages_round_trip_exactly(amount: Decimal) -> None:
    q = one(f"{amount}%")
    again = one(format_quantity(q))
    assert (again.value, again.unit) == (q.value, "%")


def test_tatqa_scales(shared_data: Path) -> None:
    """Answers from TAT-QA written with their scale parse to answer × scale."""
    data = json.loads((shared_data / "eval" / "tatqa" / "tatqa_dataset_dev.json").read_text())
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
    checked, wrong = 0, []
    for item in data:
        for question in item["questions"]:
            answer, scale = question.get("answer"), question.get("scale")
            if not isinstance(answer, int | float) or scale not in (*factor, "percent"):
                continue
            written = f"{answer}%" if scale == "percent" else f"{answer} {scale}"
            found = parse_numbers(written)
            expected = Decimal(str(answer)) * (1 if scale == "percent" else factor[scale])
            checked += 1
            if len(found) != 1 or found[0].value != expected:
                wrong.append((written, found[0].value if found else None))
    assert checked > 500
    assert len(wrong) / checked <= 0.01, wrong[:10]


def test_seed_page_figures(shared_data: Path) -> None:
    text = (shared_data / "seed" / "ginlix_yunfeng_xiaomi.txt").read_text(encoding="utf-8")
    found = {text[q.span[0] : q.span[1]]: q for q in parse_numbers(text)}
    assert found["11亿美元"].value == Decimal("1100000000")
    assert found["450亿美元"].value == Decimal("45000000000")
    assert found["2.5亿美元"].value == Decimal("250000000")


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("2014年12月", "2014-12-01", "2014-12-31", "month"),
        ("截至2025年05月14日", "2025-05-14", "2025-05-14", "day"),
        ("2025-05-15", "2025-05-15", "2025-05-15", "day"),
        ("Q2 FY2023", "2023-04-01", "2023-06-30", "quarter"),
        ("2024年第一季度", "2024-01-01", "2024-03-31", "quarter"),
        ("May 15, 2025", "2025-05-15", "2025-05-15", "day"),
        ("近三年", "2022-05-15", "2025-05-15", "relative"),
        ("2023年1—7月份", "2023-01-01", "2023-07-31", "month"),
        ("2025年01月至03月", "2025-01-01", "2025-03-31", "month"),
        ("12月29日", "2024-12-29", "2024-12-29", "day"),
    ],
)
def test_dates_and_periods(text: str, start: str, end: str, granularity: str) -> None:
    (d,) = parse_dates(text, today=dt.date(2025, 5, 15))
    assert (d.start.isoformat(), d.end.isoformat(), d.granularity) == (start, end, granularity)
    assert text[d.span[0] : d.span[1]] == d.text


def test_impossible_dates_are_skipped_and_loose_metadata_dates_parse() -> None:
    assert parse_dates("2025年02月30日") == []
    assert parse_date("Thu, 15 May 2025 08:00:00 +0800") == dt.date(2025, 5, 15)
    assert parse_date("2025/5/15") == dt.date(2025, 5, 15)
    assert parse_date("") is None


def test_a_bare_month_day_takes_a_year_named_shortly_before() -> None:
    today = dt.date(2025, 5, 15)
    near = parse_dates("2014年12月，小米完成融资；12月29日宣布。", today=today)
    assert near[-1].start == dt.date(2014, 12, 29)
    far = (
        "公司成立于1999年4月29日。"
        + "主营业务涉及钢材产品的生产和销售。" * 6
        + "截至3月31日，股东户数7.53万。"
    )
    assert parse_dates(far, today=today)[-1].start == dt.date(2025, 3, 31)


def test_a_bare_year_dates_a_month_day_only_in_its_own_sentence() -> None:
    today = dt.date(2025, 6, 1)
    # A results year is reported the year after: the next sentence's day is this year's.
    after = parse_dates("2024年营收下降。5 月 12 日公司公告回购。", today=today)
    assert after[-1].start == dt.date(2025, 5, 12)
    same = parse_dates("2024年全年营收下降，其中5月12日单日最低。", today=today)
    assert same[-1].start == dt.date(2024, 5, 12)
    # A month keeps dating the days after it, across sentences.
    month = parse_dates("2014年12月，小米完成融资。12月29日，雷军宣布。", today=today)
    assert month[-1].start == dt.date(2014, 12, 29)
