from __future__ import annotations

import re

from touyan.analysis import label_text
from touyan.analysis.labels import Labeller
from touyan.analysis.tags import (
    MAX_TAGS,
    Idf,
    assign_tags,
    entity_tag,
    keywords,
    tag_names,
    vocabulary,
)
from touyan.facts.entities import bundled_dictionary, bundled_entities

SEED = (
    "2014年12月，小米完成了一轮高达11亿美元的融资，整体估值达到450亿美元。"
    "由马云与虞锋共同创立的私募股权基金云锋基金出资2.5亿美元，全明星基金领投，"
    "这笔风险投资也被视为阿里巴巴与小米战略合作的开端。"
)


def test_entities_and_vocabulary_tags_of_the_seed_story() -> None:
    tags = label_text(SEED, "云锋基金2014年投资小米").tags
    assert {"xiaomi", "alibaba", "ma_yun", "private_equity", "venture_capital"} <= set(tags)
    assert len(tags) <= MAX_TAGS


def test_every_tag_is_controlled() -> None:
    allowed = set(vocabulary()) | {entity_tag(e) for e in bundled_entities()}
    for text in (SEED, "英伟达发布新一代GPU芯片，数据中心业务营收大增", "美联储宣布降息"):
        tags = label_text(text).tags
        assert tags and set(tags) <= allowed


def test_tags_are_ordered_by_weight() -> None:
    result = assign_tags("芯片芯片芯片半导体行业景气。公司发布财报。", mentions=[])
    assert result.tags[0] == "semiconductors"
    weights = [result.weights[t] for t in result.tags]
    assert weights == sorted(weights, reverse=True)


def test_corpus_idf_demotes_a_common_trigger() -> None:
    text = "公司发布财报，营收增长。券商研报看好半导体芯片需求。"
    uniform = assign_tags(text).tags
    # In this corpus every document talks about earnings and none about chips.
    corpus = [["财报", "营收"] for _ in range(99)] + [["芯片"]]
    rare_chips = assign_tags(text, idf=Idf.from_documents(corpus)).tags
    assert uniform.index("earnings") < uniform.index("semiconductors")
    assert rare_chips[0] == "semiconductors"
    assert "earnings" not in rare_chips[:1]


def test_at_most_eight_tags() -> None:
    text = (
        "银行 保险 券商 房地产 芯片 光伏 白酒 医药 电商 汽车 动力电池 原油 黄金 "
        "农业 物流 化工 建材 传媒 通信 云计算 人工智能 比特币 国债 期货 汇率"
    )
    assert len(label_text(text).tags) == MAX_TAGS


def test_vocabulary_is_bilingual_and_tag_ids_are_slugs() -> None:
    for tag in vocabulary().values():
        assert re.fullmatch(r"[a-z0-9_\-]+", tag.id)
        assert re.search(r"[\u4e00-\u9fff]", tag.zh) and tag.en.isascii() and tag.triggers
    assert tag_names("venture_capital") == ("风险投资", "Venture capital")
    assert tag_names("xiaomi", bundled_entities())[0] == "小米集团"


def test_entity_tag_slugs() -> None:
    dictionary = bundled_dictionary()
    assert entity_tag(dictionary.get("小米") or _missing()) == "xiaomi"
    assert entity_tag(dictionary.get("雷军") or _missing()) == "lei_jun"
    assert entity_tag(dictionary.get("贵州茅台") or _missing()) == "moutai"


def _missing() -> object:
    raise AssertionError("entity missing from the bundled dictionary")


def test_keywords_prefer_rare_tokens() -> None:
    tokens = ["公司", "公司", "公司", "云锋", "小米"]
    idf = Idf.from_documents([["公司"]] * 50 + [["云锋"], ["小米"]])
    assert keywords(tokens, idf, k=2) == ["云锋", "小米"] or keywords(tokens, idf, k=2) == [
        "小米",
        "云锋",
    ]
    assert keywords(tokens, Idf(), k=1) == ["公司"]  # without statistics: most frequent


def test_labeller_uses_given_tokens_for_keywords() -> None:
    labels = Labeller().label("任意文本", tokens=["独角兽", "独角兽", "估值"])
    assert labels.keywords[0] == "独角兽"
