"""Physical units (吨, 公顷, 千瓦时, 吉瓦时 …) are read with their figure, kept, compared and
written back; a word that only starts with a unit's character is no unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touyan.text.numbers import (
    Quantity,
    format_quantity,
    parse_numbers,
    quantity_in,
    same_quantity,
)


def one(text: str) -> Quantity:
    found = parse_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("今年油菜籽产量6.4亿吨", "640000000", "吨", "6.4亿吨"),
        ("库存为3.5万吨", "35000", "吨", "3.5万吨"),
        ("库存12千吨", "12000", "吨", "12千吨"),
        ("人均消费量为48公斤", "48", "千克", "48公斤"),
        ("单产为412千克/亩", "412", "千克/亩", "412千克/亩"),
        ("每袋25千克", "25", "千克", "25千克"),
        ("每件重80克", "80", "克", "80克"),
        ("夏粮产量3120.5亿斤", "312050000000", "斤", "3120.5亿斤"),
        ("播种面积87千公顷", "87000", "公顷", "87千公顷"),
        ("果园面积2.6亿亩", "260000000", "亩", "2.6亿亩"),
        ("销售面积1.2亿平方米", "120000000", "平方米", "1.2亿平方米"),
        ("用地规模约12平方公里", "12", "平方公里", "12平方公里"),
        ("占地8平方千米", "8", "平方公里", "8平方千米"),
        ("全年用电量9.6亿千瓦时", "960000000", "千瓦时", "9.6亿千瓦时"),
        ("储能部署量为 27.5 吉瓦时", "27.5", "吉瓦时", "27.5 吉瓦时"),
        ("出货量达12GWh，", "12", "吉瓦时", "12GWh"),
        ("发电量4.2 TWh.", "4.2", "太瓦时", "4.2 TWh"),
        ("合同规模300MWh", "300", "兆瓦时", "300MWh"),
        ("装机容量达到120万千瓦", "1200000", "千瓦", "120万千瓦"),
        ("新增装机45GW。", "45", "吉瓦", "45GW"),
        ("电站规模200 MW，", "200", "兆瓦", "200 MW"),
        ("储气量1.8亿立方米", "180000000", "立方米", "1.8亿立方米"),
        ("日产原油3.2万桶", "32000", "桶", "3.2万桶"),
        ("改造管网6万公里", "60000", "公里", "6万公里"),
        ("钻机深度10000米，", "10000", "米", "10000米"),
        ("降水量220毫米", "220", "毫米", "220毫米"),
        ("货运周转量980.5亿吨公里", "98050000000", "吨公里", "980.5亿吨公里"),
        ("集装箱吞吐量410.3万标箱", "4103000", "标箱", "410.3万标箱"),
        ("产能15万吨/年", "150000", "吨/年", "15万吨/年"),
        ("熔化量 3600 吨/日", "3600", "吨/日", "3600 吨/日"),
    ],
)
def test_a_physical_unit_is_read_into_the_figure(
    text: str, value: str, unit: str, written: str
) -> None:
    q = one(text)
    assert (q.value, q.unit, q.text) == (Decimal(value), unit, written)
    assert q.currency is None


def test_a_range_of_physical_figures_keeps_its_unit() -> None:
    q = one("年产量8万吨-9万吨")
    assert (q.value, q.high, q.unit) == (Decimal("80000"), Decimal("90000"), "吨")
    q = one("约15至20平方公里")
    assert (q.value, q.high, q.unit) == (Decimal("15"), Decimal("20"), "平方公里")


def test_a_listed_bare_figure_shares_the_physical_unit_after_it() -> None:
    first, second = parse_numbers("产量分别为312.6、298.4万吨")
    assert (first.value, first.unit) == (Decimal("3126000"), "吨")
    assert (second.value, second.unit) == (Decimal("2984000"), "吨")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("2023年度产量4万吨", ["吨"]),  # 度: never a unit here
        ("拿地41万方，面积9万平方米", ["", "平方米"]),  # 方: left out
        ("钻石重5克拉，金条重50克", ["", "克"]),
        ("推出808升级方案，容量1.5升，", ["", "升"]),
        ("指数从3升至5，储量12升", ["", "", "升"]),
        ("持有10亿元 米哈游股份，高3米", ["money", "米"]),
        ("分红5瓦解了疑虑，功率60瓦", ["", "瓦"]),
    ],
)
def test_a_word_that_starts_with_a_unit_character_is_no_unit(text: str, units: list[str]) -> None:
    assert [q.unit for q in parse_numbers(text)] == units


def test_money_per_a_physical_unit_is_a_price_per_unit() -> None:
    # a price per ton: not an amount of money, nor a weight (its currency stays the money's)
    price, capacity = parse_numbers("均价为5200元/吨，产能10万吨")
    assert (price.unit, price.currency, price.text) == ("/吨", "CNY", "5200元/吨")
    assert (capacity.unit, capacity.text) == ("吨", "10万吨")


def test_different_physical_units_are_different_quantities() -> None:
    tons, jin = one("产量7.2亿吨"), one("产量7.2亿斤")
    assert not same_quantity(tons, jin)
    assert not same_quantity(one("面积3.1亿亩"), one("面积3.1亿公顷"))
    assert not same_quantity(one("产量5万吨"), one("面积5万亩"))  # other dimension
    assert not same_quantity(one("产量5万吨"), one("收入5万元"))


def test_one_unit_spelled_two_ways_or_converted_exactly_compares_equal() -> None:
    assert same_quantity(one("用电12 kWh"), one("用电12千瓦时"))
    assert same_quantity(one("重48公斤"), one("重48千克"))
    assert same_quantity(one("产量6200万吨"), one("产量1240亿斤"))
    assert same_quantity(one("储能3.5GWh"), one("储能3500兆瓦时"))
    assert not same_quantity(one("产量6200万吨"), one("产量1300亿斤"))


def test_a_bare_figure_may_stand_for_a_physical_one() -> None:
    # a table's 万吨 header, or a unit word not read (58万方): the unit is not contradicted
    harvest = one("产量6.2亿吨")
    assert harvest.unit == "吨"
    assert same_quantity(one("产量为6.2亿"), harvest)


def test_a_physical_figure_is_written_back_with_its_unit() -> None:
    assert format_quantity(one("产量8.3亿吨")) == "8.3亿吨"
    assert format_quantity(one("装机45GW。")) == "45吉瓦"
    assert format_quantity(one("产量8.3亿吨"), "en") == "830 million t"
    assert format_quantity(one("储能27.5 吉瓦时"), "en") == "27.5 GWh"


def test_a_fact_stored_as_a_plain_figure_is_found_in_its_quote() -> None:
    q = quantity_in("全年粮食产量7.06亿吨。", Decimal("706000000"), "")
    assert q is not None and q.unit == "吨"
    assert quantity_in("全年粮食产量7.06亿吨。", Decimal("706000000"), "斤") is None


_ROUND_TRIP_UNITS = ["吨", "斤", "公顷", "平方米", "千瓦时", "吉瓦时", "兆瓦", "公里", "立方米"]


@settings(max_examples=150, deadline=None)
@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2),
    scale=st.sampled_from(["", "万", "亿"]),
    unit=st.sampled_from(
        ["吨", "斤", "公顷", "平方米", "千瓦时", "吉瓦时", "兆瓦", "公里", "立方米"]
    ),
)
def test_physical_amounts_round_trip(amount: Decimal, scale: str, unit: str) -> None:
    q = one(f"产量{amount}{scale}{unit}，")
    again = one(format_quantity(q) + "，")
    assert again.unit == q.unit == unit
    assert same_quantity(q, again)
