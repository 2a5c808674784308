"""Number shapes the first parser misread: cents, a spaced minus, a counter set apart by a
space, and 股 right after an amount of money."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from touyan.text.numbers import Quantity, format_quantity, parse_numbers, same_quantity


def one(text: str) -> Quantity:
    found = parse_numbers(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.span[0] : q.span[1]] == q.text
    return q


def test_cents_are_hundredths_of_their_currency() -> None:
    eps = one("本季每股盈利为37美分")
    assert (eps.value, eps.unit, eps.currency) == (Decimal("0.37"), "money", "USD")
    assert eps.text == "37美分"
    dividend = one("末期股息每股 8 港仙")
    assert (dividend.value, dividend.currency) == (Decimal("0.08"), "HKD")
    assert same_quantity(one("37美分"), one("0.37美元"))
    assert not same_quantity(one("37美分"), one("37美元"))


@settings(max_examples=100, deadline=None)
@given(cents=st.integers(min_value=1, max_value=999))
def test_cents_round_trip_through_dollars(cents: int) -> None:
    q = one(f"{cents}美分")
    assert q.value == Decimal(cents) / 100
    again = parse_numbers(format_quantity(q))
    assert len(again) == 1 and same_quantity(q, again[0]), format_quantity(q)


def test_a_minus_set_apart_by_a_space_signs_a_value_after_wei_or_a_colon() -> None:
    loss = one("本期净利润为 - 815.40 万元")
    assert loss.value == Decimal("-8154000") and loss.negative
    assert loss.text == "- 815.40 万元"
    assert one("涨跌幅： - 2.5%").value == Decimal("-2.5")


def test_a_spaced_dash_between_figures_is_still_a_range_or_a_gap() -> None:
    band = one("股价在 12 - 13.5 元之间震荡")
    assert (band.value, band.high, band.negative) == (Decimal(12), Decimal("13.5"), False)
    found = parse_numbers("两类产品 - 3 款新品")  # a dash used as a clause break
    assert [(q.value, q.negative) for q in found] == [(Decimal(3), False)]


@settings(max_examples=100, deadline=None)
@given(amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2))
def test_spaced_minus_after_wei_reads_as_the_unspaced_one(amount: Decimal) -> None:
    spaced = one(f"亏损额为 - {amount}万元")
    glued = one(f"亏损额为-{amount}万元")
    assert (spaced.value, spaced.unit, spaced.negative) == (glued.value, glued.unit, True)


def test_a_six_digit_count_before_a_spaced_counter_is_no_stock_code() -> None:
    made = one("本季度共交付 387215 辆新车")
    assert (made.value, made.unit, made.classifier) == (Decimal(387215), "count", "辆")
    assert one("累计开业 2156 家门店").classifier == "家"
    assert parse_numbers("证券代码 603288 ，") == []  # a bare six-digit code stays skipped


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=9_999_999), counter=st.sampled_from("辆家台人"))
def test_counts_read_the_same_with_or_without_a_space(n: int, counter: str) -> None:
    spaced, glued = one(f"共 {n} {counter}"), one(f"共{n}{counter}")
    assert (spaced.value, spaced.unit, spaced.classifier) == (Decimal(n), "count", counter)
    assert (glued.value, glued.unit) == (spaced.value, spaced.unit)


def test_an_ordinal_with_a_space_after_di_is_no_count() -> None:
    assert parse_numbers("位列行业第 4 名") == []
    assert one("入选榜单前 20 名").classifier == "名"


def test_gu_after_an_amount_of_money_starts_a_word_not_a_share_count() -> None:
    buyback = one("董事会批准500亿美元股票回购")
    assert (buyback.unit, buyback.currency, buyback.text) == ("money", "USD", "500亿美元")
    assert one("每股派发0.3元股息").unit == "money"
    assert one("持有1200万股股票").unit == "shares"


def test_a_date_run_into_its_row_of_figures_is_skipped_whole() -> None:
    row = "日期买入额偿还额2024-11-080.000.0031250.002024-11-071.500.0031240.00"
    assert parse_numbers(row) == []  # not 2024-11 as a range, nor -11-080.000
    after = one(row + "。当前余额为3.12万元")
    assert after.value == Decimal(31200)
    assert one("2024-11-08 收盘价为6.35元").value == Decimal("6.35")


def test_an_integer_with_a_full_stop_run_into_words_is_a_marker_not_a_figure() -> None:
    assert parse_numbers("其优势可归纳为2.渠道下沉更深") == []
    assert parse_numbers("流通市值3.数据来源于公告") == []  # the figure was cut off
    assert one("市盈率约为21.37.由此推算").value == Decimal("21.37")
    assert one("营收增长2.5%").value == Decimal("2.5")


def test_a_span_of_years_or_months_is_no_range_of_amounts() -> None:
    assert [q.text for q in parse_numbers("预计2026-2028年营收复合增速为12%")] == ["12%"]
    assert [q.text for q in parse_numbers("3-9月累计销量增长4.5%")] == ["4.5%"]
    assert one("目标价区间为2000-3000元").high == Decimal(3000)


def test_a_pair_with_a_leading_zero_is_a_code_not_a_range() -> None:
    assert parse_numbers("公告编号：2024-047") == []
    assert parse_numbers("联系电话 0571-88776655") == []
    assert one("市净率在0.8-1.2倍之间").high == Decimal("1.2")


def test_bare_figures_listed_before_a_unit_share_it() -> None:
    forecast = parse_numbers("预计三年净利润分别为6.2/7.4/8.9 亿元")
    assert [q.value for q in forecast] == [
        Decimal(620000000),
        Decimal(740000000),
        Decimal(890000000),
    ]
    assert {(q.unit, q.currency) for q in forecast} == {("money", "CNY")}
    narrowed = parse_numbers("降幅分别收窄2.4、0.7个百分点")
    assert [(q.value, q.unit) for q in narrowed] == [(Decimal("2.4"), "pp"), (Decimal("0.7"), "pp")]
    # a comma ends the list, and a ratio's two sides (排名12/85) are both bare
    assert [q.unit for q in parse_numbers("营收为300，同比增长4%")] == ["", "%"]
    assert [q.unit for q in parse_numbers("行业排名12/85")] == ["", ""]


def test_a_chinese_unit_word_may_run_into_latin_text() -> None:
    eps = parse_numbers("每股收益（非 GAAP）1.85 美元GAAP 净收入…")[0]
    assert (eps.value, eps.unit, eps.currency) == (Decimal("1.85"), "money", "USD")
    assert one("收入增长12%YoY").unit == "%"
    assert one("回购不超过2.5亿A股").value == Decimal("250000000")
    assert parse_numbers("5 mns") == []  # but a Latin word must end where the word does


def test_thousand_scales_a_physical_unit_but_is_part_of_kilo_units() -> None:
    area = one("较上年度增加132千公顷")
    assert (area.value, area.unit, area.text) == (Decimal("132000"), "公顷", "132千公顷")
    assert one("库存26千吨").value == Decimal("26000")
    assert one("体重65千克").value == Decimal("65")  # 千克 is a unit of its own
    assert one("续航500千米").value == Decimal("500")


def test_and_some_more_after_the_digits_or_the_scale_keeps_what_they_count() -> None:
    """2600余万元 is over 26 million yuan, not 2600; 7.3万余吨 keeps its tonnes."""
    got = {q.text: (q.value, q.unit) for q in parse_numbers("净利润2600余万元，交付7.3万余吨")}
    assert got == {
        "2600余万元": (Decimal("26000000"), "money"),
        "7.3万余吨": (Decimal("73000"), "吨"),
    }
    [firms] = parse_numbers("共有400多家公司")
    assert (firms.text, firms.value, firms.classifier) == ("400多家", Decimal("400"), "家")
    # 多 that counts nothing is no part of the number
    assert [q.text for q in parse_numbers("近20日多头占优，涨幅30%多")] == ["30%"]


def test_lots_are_their_own_unit() -> None:
    lots = one("成交量4.87万手")
    assert (lots.value, lots.unit, lots.classifier) == (Decimal("48700"), "手", None)
    assert same_quantity(lots, one("4.87万手")) and not same_quantity(lots, one("4.87万股"))
