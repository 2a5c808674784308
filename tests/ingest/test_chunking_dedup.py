from __future__ import annotations

from touyan.ingest.chunking import chunk_spans
from touyan.ingest.dedup import (
    NearIndex,
    canonical_url,
    content_hash,
    near_key,
    same_story,
)

STORY = (
    "2014年12月29日，小米科技创始人雷军宣布，小米完成新一轮11亿美元融资，公司估值达到450亿美元。"
    "本轮投资方包括全明星基金、DST、GIC、厚朴投资和云锋基金。"
    "雷军表示，这次融资是对小米创业4年多成绩的肯定，也揭开了小米新的发展阶段的序幕。"
    "云锋基金由马云与虞锋共同创立，此次出资约2.5亿美元，是本轮第二大投资方。"
)


def test_chunks_are_exact_slices_ending_on_sentences() -> None:
    text = STORY * 3
    spans = chunk_spans(text, max_chars=120)
    assert len(spans) > 3
    for span in spans:
        piece = text[span.start : span.end]
        assert len(piece) <= 120
        assert piece.endswith("。")
    assert spans[0].start == 0 and spans[-1].end == len(text)


def test_overlong_sentence_is_cut_hard() -> None:
    text = "无" * 1300
    spans = chunk_spans(text, max_chars=500)
    assert [(s.start, s.end) for s in spans] == [(0, 500), (500, 1000), (1000, 1300)]


def test_pdf_chunks_keep_their_page_and_never_cross_pages() -> None:
    text = "第一页内容。" * 30 + "\n\n" + "Second page text." * 10
    first_end = len("第一页内容。" * 30)
    pages = [(1, 0, first_end), (2, first_end + 2, len(text))]
    spans = chunk_spans(text, max_chars=100, pages=pages)
    assert {s.page for s in spans} == {1, 2}
    for s in spans:
        page_start, page_end = (0, first_end) if s.page == 1 else (first_end + 2, len(text))
        assert page_start <= s.start < s.end <= page_end


def test_content_hash_ignores_whitespace_only() -> None:
    assert content_hash("小米 完成\n融资") == content_hash("小米完成融资")
    assert content_hash("小米完成融资") != content_hash("小米完成了融资")


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert (
        canonical_url("HTTPS://WWW.Example.com:443/a/b/?utm_source=x&b=2&a=1#top")
        == "https://www.example.com/a/b?a=1&b=2"
    )
    assert canonical_url(None) is None


def test_near_duplicate_is_the_same_story_with_small_edits() -> None:
    edited = STORY.replace("宣布", "正式宣布").replace("共同创立", "联合创立")
    assert same_story(STORY, edited) is not None
    key, edited_key = near_key(STORY), near_key(edited)
    assert key is not None and edited_key is not None
    index = NearIndex()
    index.add(7, key)
    assert index.candidates(edited_key) == [7]


def test_changed_figure_is_not_a_duplicate() -> None:
    changed = STORY.replace("2.5亿美元", "3.5亿美元")
    assert same_story(STORY, changed) is None


def test_different_story_is_not_a_candidate() -> None:
    other = "贵州茅台发布2023年年度报告，公司实现营业总收入1505.6亿元，同比增长18.04%。" * 3
    key, other_key = near_key(STORY), near_key(other)
    assert key is not None and other_key is not None
    index = NearIndex()
    index.add(1, key)
    assert index.candidates(other_key) == []


def test_short_text_has_no_near_key() -> None:
    assert near_key("小米完成融资") is None


def test_a_text_that_fits_one_chunk_is_the_span_its_sentences_pack_into() -> None:
    """The one-chunk shortcut must give what packing the sentences gives, including for
    texts with whitespace or a boundary at either end (those take the long way)."""
    from touyan.ingest.chunking import _bounded, _pack
    from touyan.text.sentences import sentence_spans

    def packed_by_sentences(text: str, limit: int) -> list[tuple[int, int]]:
        spans = _bounded(sentence_spans(text), limit)
        if not spans:
            return []
        out = [spans[0]]
        for s, e in spans[1:]:
            if e - out[-1][0] <= limit:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    samples = [
        "小米集团营收增长35%。净利润上升！",
        "。开头就是句号",
        "Mr. Lei said revenue rose. Shares gained 5%.",
        "  前有空格。",
        "后有换行。\n",
        "单句无标点",
        "\n",
        "",
    ]
    for text in samples:
        for limit in (500, 8, 1):
            assert _pack(text, limit) == packed_by_sentences(text, limit), (text, limit)
