"""English filings, second round: a segment's capital letters that a known company goes by,
revenue's parts and an adjusted section in a statement, headers printed after the rows, and
the year an English sentence gives its figure. Invented text and figures throughout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.facts.reading import at, undated_reader, when

from touyan.facts.entities import EntityDictionary, EntityRecord, bundled_entities
from touyan.facts.extract import extract_facts

read = undated_reader("Quillmark Tools", "Harbor Lane Bancorp")

# A known bank the dictionary also knows by three letters.
_LETTERED = EntityRecord("东岸控股银行", "company", aliases=("东岸银行", "EBH"), market="cn_a")


def _read_lettered(text: str) -> list[object]:
    entities = EntityDictionary.of(
        [*bundled_entities(), _LETTERED, EntityRecord("Harbor Lane Bancorp", "company")]
    )
    return list(extract_facts(text, title="", published_at=None, entities=entities))


SEGMENTS = """Line of business highlights
Selected metrics for each of the Firm's three segments for the second quarter of 2031.
EBH
ROE
41%
Average deposits up 17%
WMS
ROE
23%
Markets revenue of $4.3 billion, up 12%
Harbor Lane Bancorp continues to serve its clients.
"""


def test_a_known_companys_letters_heading_another_companys_segment_state_no_fact_of_it() -> None:
    found = _read_lettered(SEGMENTS)
    assert not [f for f in found if getattr(f, "subject", None) == "东岸控股银行"]


def test_the_letters_still_name_the_company_in_chinese_text_and_where_it_is_the_topic() -> None:
    chinese = _read_lettered("东岸银行(EBH)公告，2031年上半年营业收入为812亿元。")
    assert [getattr(f, "subject", None) for f in chinese] == ["东岸控股银行"]
    english = _read_lettered(
        "EBH said net income was $3.2 billion. EBH also named a new chief executive. "
        "Harbor Lane Bancorp was not among its peers."
    )
    assert [getattr(f, "subject", None) for f in english] == ["东岸控股银行"]


STATEMENT = """Quillmark Tools
Consolidated Statements of Operations
(in millions, except per share data)
Year Ended December 31,
2031
2032
Net hardware sales
$
4,210 $
4,460
Net licence sales
1,130
1,290
Total net sales
5,340
5,750
Operating income
612
655
"""


def test_revenue_parts_before_their_total_are_named_and_the_total_is_revenue() -> None:
    found = read(STATEMENT)
    revenue = [(f.object, f.value) for f in found if f.metric == "revenue" and f.period == "FY2031"]
    assert revenue == [
        ("hardware", Decimal("4210000000")),
        ("licence", Decimal("1130000000")),
        (None, Decimal("5340000000")),
    ]
    later = [(f.object, f.value) for f in found if f.metric == "revenue" and f.period == "FY2032"]
    assert later == [
        ("hardware", Decimal("4460000000")),
        ("licence", Decimal("1290000000")),
        (None, Decimal("5750000000")),
    ]
    assert at(found, "612000000").metric == "operating_profit"


SALES_AND_OTHER = """Quillmark Tools
Consolidated Statements of Income
(Amounts in millions, except per share data)
2032
2031
Revenues:
Net sales
$
8,110
$
7,905
Membership income
120
115
Total revenues
8,230
8,020
"""


def test_net_sales_beside_a_total_of_revenues_is_no_revenue_and_names_no_part() -> None:
    found = read(SALES_AND_OTHER)
    revenue = [f.value for f in found if f.metric == "revenue"]
    assert revenue == [Decimal("8230000000"), Decimal("8020000000")]  # the total, each column


TRAILING_HEAD = """Quillmark Tools
Condensed Consolidated Statement of Earnings
(Unaudited; in Millions Except Per Share Figures)
Net earnings
2,410
2,205
Net earnings per share (Diluted)
$ 1.31
1.22
Adjusted net earnings (1)
Earnings before provision for taxes on income
3,020
2,870
Net earnings
2,640
2,480
Net earnings per share (Diluted)
$ 1.64
1.50
(1) See the reconciliation of non-GAAP measures.
THIRD QUARTER
2031
2030
"""


def test_headers_after_the_rows_date_them_and_an_adjusted_sections_eps_is_adjusted() -> None:
    found = read(TRAILING_HEAD)
    gaap = at(found, "1.31")
    assert (gaap.metric, when(gaap)) == ("eps", (dt.date(2031, 9, 30), "Q3 2031"))
    assert at(found, "1.64").metric == "eps_adjusted"
    assert at(found, "2410000000").metric == "net_profit"
    assert at(found, "2640000000").metric == "net_profit_adjusted"
    assert not [f for f in found if f.value == Decimal("-1")]  # the note's mark (1)


PROSE = (
    "Quillmark Tools. Net revenue for 2031 was $9.8 billion, an increase of 14% compared to "
    "2030 net revenue of $8.6 billion. Operating income for 2031 was $1.2 billion compared to "
    "operating income of $1.9 billion for 2030. Net income for 2031 was $0.7 billion compared "
    "to $1.4 billion in the prior year."
)


def test_an_english_sentences_figures_take_the_year_each_is_given() -> None:
    found = read(PROSE)
    assert when(at(found, "9800000000", "revenue")) == (dt.date(2031, 12, 31), "FY2031")
    assert when(at(found, "8600000000", "revenue")) == (dt.date(2030, 12, 31), "FY2030")
    assert when(at(found, "1200000000", "operating_profit")) == (dt.date(2031, 12, 31), "FY2031")
    assert when(at(found, "1900000000", "operating_profit")) == (dt.date(2030, 12, 31), "FY2030")
    assert when(at(found, "700000000", "net_profit")) == (dt.date(2031, 12, 31), "FY2031")


def test_a_compared_figure_a_year_ago_takes_the_year_before_the_sentences() -> None:
    found = read(
        "Quillmark Tools. For 2031, we reported net income of $2.5 billion, or $4.10 per "
        "share, compared with net income of $2.9 billion, or $4.60 per share, a year ago."
    )
    assert when(at(found, "2500000000")) == (dt.date(2031, 12, 31), "FY2031")
    assert when(at(found, "2900000000")) == (dt.date(2030, 12, 31), "FY2030")


def test_other_and_non_operating_income_are_not_operating_profit() -> None:
    found = read(
        "Quillmark Tools. Other operating income was $0.3 billion. "
        "Non-operating income was $0.2 billion."
    )
    assert not [f for f in found if f.metric == "operating_profit"]


def test_a_change_run_on_to_its_level_states_both_in_the_period_its_sentence_names() -> None:
    found = read(
        "Quillmark Tools. 2031 Fourth-Quarter reported sales decline of 3.1% to $11.2 Billion "
        "primarily driven by currency. 2031 Full-Year reported sales growth of 2.4% to $45.3 "
        "Billion primarily driven by volume."
    )
    fell = at(found, "-3.1", "revenue_yoy")
    assert when(fell) == (dt.date(2031, 12, 31), "Q4 2031")
    assert when(at(found, "11200000000", "revenue")) == (dt.date(2031, 12, 31), "Q4 2031")
    assert when(at(found, "2.4", "revenue_yoy")) == (dt.date(2031, 12, 31), "FY2031")
    assert when(at(found, "45300000000", "revenue")) == (dt.date(2031, 12, 31), "FY2031")


def test_a_change_compared_with_no_level_after_it_is_not_read_as_one() -> None:
    found = read("Quillmark Tools. Net sales rose by an increase of 9.2% compared to 2030.")
    assert not [f for f in found if f.metric == "revenue_yoy"]


def test_shares_used_to_compute_net_income_per_share_are_no_eps() -> None:
    found = read(
        """Quillmark Tools
Consolidated Statements of Income
(In thousands, except per share data)
Years Ended December 31,
2031
2030
Basic net income per share
$
3.12 $
2.95
Shares used to compute basic net income per share
512
520
"""
    )
    assert [(f.metric, f.value) for f in found] == [
        ("eps", Decimal("3.12")),
        ("eps", Decimal("2.95")),
    ]
