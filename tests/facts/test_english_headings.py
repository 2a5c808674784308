"""A statement page heads itself with its registrant's legal name; a company the dictionary
does not know is read from that heading (`touyan.facts.english_names`). Invented companies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import undated_reader

from touyan.facts.english_names import heading_names
from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import extract_facts

read = undated_reader()

PAGE = """Table of Contents
QUILLFEATHER OPTICS, INC. AND SUBSIDIARIES
CONSOLIDATED BALANCE SHEETS
(Amounts in millions)
December 31,
2031
2030
Cash and cash equivalents
$
1,215 $
1,090
Total assets
$
6,480 $
6,025
"""


def test_a_heading_s_legal_name_names_the_page_s_company() -> None:
    [name] = heading_names(PAGE)
    assert (name.name, name.aliases) == ("Quillfeather Optics", ("QUILLFEATHER OPTICS, INC.",))
    found = read(PAGE)
    assert {f.subject for f in found} == {"Quillfeather Optics"}
    assert Decimal("6480000000") in {f.value for f in found if f.metric == "total_assets"}


def test_legal_forms_and_the_article_are_read_and_short_capitals_stay() -> None:
    page = PAGE.replace("QUILLFEATHER OPTICS, INC. AND SUBSIDIARIES", "The Harrow-Lane Company")
    assert [n.name for n in heading_names(page)] == ["Harrow-Lane"]
    page = PAGE.replace("QUILLFEATHER OPTICS, INC. AND SUBSIDIARIES", "QFO HOLDINGS PLC")
    assert [n.name for n in heading_names(page)] == ["QFO Holdings"]
    # no legal form, but "and Subsidiaries" says the name is the group's
    page = PAGE.replace("QUILLFEATHER OPTICS, INC.", "QUILLFEATHER RESORTS INTERNATIONAL")
    [name] = heading_names(page)
    assert (name.name, name.aliases) == (
        "Quillfeather Resorts International",
        ("QUILLFEATHER RESORTS INTERNATIONAL",),
    )


def test_a_known_company_s_heading_keeps_the_dictionary_s_name() -> None:
    # the heading's name (Ferrowick.com) is not the dictionary's, which holds the alias
    entities = EntityDictionary.of(
        [*bundled_entities(), EntityRecord("费罗维克", "company", aliases=("Ferrowick",))]
    )
    page = PAGE.replace("QUILLFEATHER OPTICS, INC.", "FERROWICK.COM, INC.")
    found = extract_facts(page, title="", published_at=None, entities=entities)
    assert found and {f.subject for f in found} == {"费罗维克"}


def test_a_legal_name_away_from_a_statement_s_title_names_nothing() -> None:
    note = (
        "Note 7. Commitments\nWe lease our offices from\nHarrow-Lane Properties, Inc.\n"
        "under a lease that ends in 2035. Rent was $12 million in 2031.\n"
    )
    assert heading_names(note) == []
    # a Chinese page is read by the Chinese rules alone
    assert heading_names("青梧芯片股份有限公司\nQUILLFEATHER OPTICS, INC.\n合并资产负债表\n") == []


def test_unbilled_revenues_are_a_receivable_and_a_run_together_day_dates_a_balance() -> None:
    page = """QUILLFEATHER OPTICS, INC.
CONSOLIDATED BALANCE SHEETS
December31,
(Inmillions)
2031
2030
Unbilled revenues
275
240
Total assets
$
6,480 $
6,025
"""
    found = read(page)
    assert not [f for f in found if f.metric == "revenue"]  # earned, not yet billed: an asset
    assets = [(f.value, f.as_of) for f in found if f.metric == "total_assets"]
    assert assets == [
        (Decimal("6480000000"), dt.date(2031, 12, 31)),
        (Decimal("6025000000"), dt.date(2030, 12, 31)),
    ]


def test_a_caption_on_a_line_of_its_own_scales_without_brackets() -> None:
    page = """Quillfeather Optics, Inc.
Consolidated Statements of Cash Flows
$ in millions
Fiscal Years Ended December 31,
2031
2030
Net cash provided by operating activities
1,402
1,288
"""
    flows = [(f.value, f.currency) for f in read(page) if f.metric == "operating_cash_flow"]
    assert flows == [(Decimal("1402000000"), "USD"), (Decimal("1288000000"), "USD")]
    # a sentence saying so runs on: it is no caption
    prose = page.replace("$ in millions", "All amounts in this report are in millions.")
    assert Decimal("1402000000") not in {f.value for f in read(prose)}


def test_labels_whose_words_run_together_are_read() -> None:
    page = """QUILLFEATHER OPTICS, INC.
CONSOLIDATED STATEMENTS OF CASH FLOWS
(In thousands)
Year Ended December 31,
2031
2030
Netcashprovidedbyoperatingactivities
381,603
295,080
Purchasesofpropertyandequipment
(138,402)
(61,203)
"""
    found = read(page)
    assert [f.value for f in found if f.metric == "operating_cash_flow"] == [
        Decimal("381603000"), Decimal("295080000"),
    ]  # fmt: skip
    assert [f.value for f in found if f.metric == "capex"] == [
        Decimal("138402000"), Decimal("61203000"),
    ]  # fmt: skip


def test_a_former_name_in_a_heading_is_the_company_it_became() -> None:
    page = PAGE.replace("QUILLFEATHER OPTICS, INC. AND SUBSIDIARIES", "SQUARE, INC.")
    assert {f.subject for f in read(page)} == {"Block, Inc."}
