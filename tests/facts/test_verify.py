from __future__ import annotations

import pytest

from touyan.facts.entities import EntityDictionary, EntityRecord
from touyan.facts.verify import MISSING, Evidence, verify

DICT = EntityDictionary.of(
    [
        EntityRecord("小米集团", "company", ("小米", "Xiaomi"), ("1810.HK",), "hk"),
        EntityRecord("云锋基金", "fund", ("Yunfeng Capital", "Yunfeng")),
        EntityRecord("新加坡政府投资公司", "fund", ("GIC",)),
        EntityRecord("厚朴投资", "fund", ("Hopu",)),
    ]
)
ROUND = Evidence(
    1,
    "2014年12月29日，小米宣布完成11亿美元融资，估值达到450亿美元。"
    "云锋基金出资2.5亿美元，是第二大投资方。新加坡政府投资公司（GIC）投资1.5亿美元。",
    document_id=10,
)
OTHER = Evidence(2, "厚朴投资投资1亿美元。小米的高性价比策略广受好评。", document_id=11)


def run(markdown: str, *, strict: bool = False) -> tuple[str, dict[str, int], list[str]]:
    result = verify(markdown, [ROUND, OTHER], entities=DICT, strict=strict)
    return result.markdown, result.summary, [s.status for s in result.sentences]


def test_supported_figures_in_any_notation() -> None:
    _, summary, statuses = run(
        "2014年12月，小米完成11亿美元融资[1]。Xiaomi was valued at US$45 billion [1]. "
        "云锋基金出资US$250 million[1]。"
    )
    assert statuses == ["supported", "supported", "supported"]
    assert summary == {
        "claims": 3,
        "cited": 3,
        "supported": 3,
        "unsupported": 0,
        "removed_markers": 0,
    }


def test_wrong_number_scale_or_currency_is_unsupported() -> None:
    for wrong in (
        "小米完成12亿美元融资[1]。",
        "小米完成11亿元融资[1]。",
        "小米完成11万美元融资[1]。",
    ):
        _, summary, statuses = run(wrong)
        assert statuses == ["unsupported"], wrong
        assert summary["unsupported"] == 1


def test_a_number_stated_for_another_entity_does_not_support() -> None:
    # 1.5亿美元 is in the cited text, but for GIC, not for 云锋基金.
    _, _, statuses = run("云锋基金出资1.5亿美元[1]。")
    assert statuses == ["unsupported"]


def test_citing_the_wrong_source_is_unsupported() -> None:
    _, _, statuses = run("小米完成11亿美元融资[2]。")
    assert statuses == ["unsupported"]


def test_invented_markers_are_removed_and_counted() -> None:
    text, summary, statuses = run("小米完成11亿美元融资[1][7]。估值450亿美元[9]。")
    assert "[7]" not in text and "[9]" not in text and "[1]" in text
    assert summary["removed_markers"] == 2
    assert statuses == ["supported", "uncited-claim"]


def test_uncited_number_is_a_claim_and_opinions_are_not() -> None:
    _, summary, statuses = run("小米估值450亿美元。这笔投资意义深远。")
    assert statuses == ["uncited-claim", "opinion"]
    assert summary["claims"] == 1 and summary["cited"] == 0


def test_entity_missing_from_cited_evidence_is_unsupported() -> None:
    result = verify("厚朴投资与云锋基金共同投资[2]。", [ROUND, OTHER], entities=DICT)
    assert result.sentences[0].status == "unsupported"
    assert result.sentences[0].missing_entities == ["云锋基金"]


def test_dates_must_match_the_cited_text() -> None:
    _, _, ok = run("2014年12月，小米完成融资[1]。")
    _, _, bad = run("2015年3月，小米完成融资[1]。")
    assert ok == ["supported"] and bad == ["unsupported"]


def test_a_date_no_calendar_has_is_checked_as_written() -> None:
    # An altered month or year (2014年42月, 5014年) parses as no date: it must not pass unread.
    for claim in ("2014年42月，小米完成融资[1]。", "5014年12月，小米完成融资[1]。"):
        assert run(claim)[2] == ["unsupported"]


def test_markers_after_the_full_stop_belong_to_the_sentence() -> None:
    text, _, statuses = run("小米完成11亿美元融资。[1] 估值达到450亿美元。[1]")
    assert statuses == ["supported", "supported"]
    assert text.count("[1]") == 2


def test_strict_mode_replaces_unsupported_sentences() -> None:
    text, _, _ = run("小米完成11亿美元融资[1]。小米估值500亿美元[1]。", strict=True)
    assert text == f"小米完成11亿美元融资[1]。{MISSING}。"


def test_markdown_structure_headings_lists_and_tables() -> None:
    markdown = "\n".join(
        [
            "## 一、2014年融资始末",
            "- 云锋基金出资2.5亿美元[1]",
            "| 投资方 | 金额 |",
            "| --- | --- |",
            "| 新加坡政府投资公司 | 1.5亿美元[1] |",
            "| 厚朴投资 | 3亿美元[2] |",
        ]
    )
    result = verify(markdown, [ROUND, OTHER], entities=DICT, strict=True)
    statuses = [s.status for s in result.sentences]
    assert statuses == ["supported", "supported", "unsupported"]
    lines = result.markdown.split("\n")
    assert lines[0] == "## 一、2014年融资始末"
    assert lines[5] == f"| 厚朴投资 | {MISSING} |"


@pytest.mark.parametrize("marker", ["[1, 2]", "[1，2]", "[1][2]"])
def test_marker_lists(marker: str) -> None:
    result = verify(f"厚朴投资投资1亿美元{marker}。", [ROUND, OTHER], entities=DICT)
    assert result.sentences[0].citations == [1, 2]
    assert result.sentences[0].status == "supported"


def test_facts_attached_to_evidence_support_numbers() -> None:
    from touyan.text.numbers import parse_numbers

    fact = parse_numbers("1100000000美元")[0]
    evidence = Evidence(1, "小米完成了融资。", facts=(fact,))
    result = verify("小米完成11亿美元融资[1]。", [evidence], entities=DICT)
    assert result.sentences[0].status == "supported"


def test_a_range_in_the_evidence_states_both_its_ends() -> None:
    evidence = [Evidence(id=1, text="华光电子预计2024年净利润3200万元至4800万元。")]
    assert verify("华光电子预计2024年净利润最高4800万元[1]。", evidence).summary["supported"] == 1
    assert verify("华光电子预计2024年净利润最低3200万元[1]。", evidence).summary["supported"] == 1
    assert verify("华光电子预计2024年净利润5800万元[1]。", evidence).summary["unsupported"] == 1
