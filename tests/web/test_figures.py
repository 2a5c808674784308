"""How the pages write a fact's value: the unit a reader needs comes with it."""

from __future__ import annotations

from decimal import Decimal

from touyan.web.templating import format_figure


def test_money_shares_and_percentages() -> None:
    assert format_figure(Decimal("45000000000"), "money", "USD", "zh") == "450亿美元"
    assert format_figure(Decimal("3000"), "shares", None, "zh") == "3000股"
    assert format_figure(Decimal("12.5"), "%", None, "zh") == "12.5%"


def test_physical_units_and_lots_keep_their_unit() -> None:
    assert format_figure(Decimal("830000000"), "吨", None, "zh") == "8.3亿吨"
    assert format_figure(Decimal("48700"), "手", None, "zh") == "4.87万手"
    assert format_figure(Decimal("830000000"), "吨", None, "en") == "830 million 吨"
    assert format_figure(Decimal("48700"), "count", None, "zh") == "4.87万"
