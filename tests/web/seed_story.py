"""Realistic feed data for web tests, screenshots and bench/web.py.

Demo documents are ingested from src/touyan/data/demo, and Analysis rows are written directly,
modelled on the seed page (Xiaomi's Dec 2014 round: US$1.1 billion at a US$45 billion
valuation, Yunfeng Capital US$250 million). References are built from the stored Document
records, as the research engine builds them.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from touyan.ingest.pipeline import ingest
from touyan.store.db import Database
from touyan.store.models import Analysis, Document

DEMO_FILES = (
    "01-xiaomi-financing-thepaper.md",
    "02-xiaomi-valuation-caixin.md",
    "03-xiaomi-round-reuters.md",
    "10-xiaomi-su7-deliveries-jiwei.md",
    "12-xiaomi-2024-results-chinatimes.md",
    "13-alibaba-xiaomi-cooperation-sohu.md",
    "14-zhiping-jv-lankeji.md",
    "15-xiaomi-aliexpress-stheadline.md",
    "17-catl-2024-annual.md",
    "26-tencent-2024-annual-results.md",
    "35-fed-rate-cut-2024-12.md",
)

SEED_SLUG = "yunfeng-xiaomi-2014"
SEED_TITLE = "云锋基金2014年投资小米：从资本联姻到生态共建"

SEED_BODY = """# 云锋基金与小米：从资本联姻到生态共建

## 一、云锋基金2014年投资小米始末

### 1.1 投资背景与规模

2014年12月，小米完成了一轮高达**11亿美元**的融资，整体估值达到**450亿美元**，创下当时全球未上市科技公司估值之最[1][2]。在这轮融资中，由马云与虞锋共同创立的私募股权基金——**云锋基金**出资**2.5亿美元**[2]。

参与此轮融资的机构投资者还包括：

- 全明星基金（领投）
- 俄罗斯DST
- 新加坡GIC
- 厚朴投资

### 1.2 投资意义解析

云锋基金虽为独立市场化机构，但其创始人的特殊身份使其常被视为**阿里系资本的重要延伸**[1]。

| 层面 | 分析 |
|---|---|
| 财务投资 | 看好小米的高速成长与商业模式创新 |
| 战略认可 | 隐含对小米"智能硬件+互联网服务"生态模式的肯定 |
| 理念共鸣 | 高性价比策略与用户社群运营的内在契合 |

## 二、估值是否合理

财新当时的分析认为，450亿美元的估值意味着投资者押注小米从硬件走向互联网服务[3]。

## 三、从资本联动到生态共建

### 3.1 关键合作里程碑

近年来阿里与小米的合作逐步走向**实质性业务协同**[1]：

1. 智能电视领域合资：阿里、小米与海信成立浙江智屏视界[1]
2. 出海合作：小米加入速卖通"超级品牌出海计划"[1]

## 四、总结与展望

财务投资（2014）→ 私人信任建立（2018 IPO）→ 业务协同试点（2025）→ 生态共建（2026）[1]。
"""

OTHER_STORIES: tuple[dict[str, Any], ...] = (
    {
        "slug": "xiaomi-2024-results",
        "title": "小米2024年营收3659亿元创新高：汽车业务打开第二曲线",
        "tags": ["xiaomi", "earnings", "smart_ev"],
        "sentiment": "bullish",
        "market": "hk",
        "published_at": dt.datetime(2025, 3, 20, 9, 0),
        "docs": ("12-xiaomi-2024-results-chinatimes.md", "10-xiaomi-su7-deliveries-jiwei.md"),
        "body": "## 一、业绩概览\n\n小米2024年营收**3659亿元**，创历史新高[1]。"
        "\n\n## 二、汽车业务\n\n小米SU7五月交付8630辆[2]。\n",
        "summary": "小米2024年营收3659亿元创新高，第四季度营收首破千亿，SU7交付持续爬坡。",
    },
    {
        "slug": "catl-2024-annual",
        "title": "宁德时代2024年报：净利增长15%，营收首次负增长",
        "tags": ["catl", "earnings", "battery"],
        "sentiment": "neutral",
        "market": "cn_a",
        "published_at": dt.datetime(2025, 3, 18, 20, 0),
        "docs": ("17-catl-2024-annual.md",),
        "body": "## 一、年报要点\n\n宁德时代2024年净利润同比增长15.01%，营收首次出现负增长[1]。\n",
        "summary": "宁德时代2024年净利增15.01%，营收首次出现负增长，电池价格下行。",
    },
    {
        "slug": "tencent-2024-results",
        "title": "Tencent 2024 results: revenue and profit grow on games and ads",
        "tags": ["tencent", "earnings"],
        "sentiment": "bullish",
        "market": "hk",
        "language": "en",
        "published_at": dt.datetime(2025, 3, 19, 18, 0),
        "docs": ("26-tencent-2024-annual-results.md",),
        "body": "## 1. Highlights\n\nTencent announced its 2024 annual results [1].\n",
        "summary": "Tencent's 2024 annual and fourth-quarter results.",
    },
    {
        "slug": "fed-cut-2024-12",
        "title": "美联储年内第三次降息：目标区间降至4.25%至4.5%",
        "tags": ["fed", "rates", "macro"],
        "sentiment": "bearish",
        "market": "us",
        "published_at": dt.datetime(2024, 12, 19, 8, 0),
        "docs": ("35-fed-rate-cut-2024-12.md",),
        "body": "## 一、决议\n\n美联储降息25个基点，联邦基金利率目标区间降至4.25%至4.5%[1]。\n",
        "summary": "美联储降息25个基点，点阵图显示2025年降息次数减少。",
    },
)


def demo_paths(names: tuple[str, ...] = DEMO_FILES) -> list[str]:
    folder = resources.files("touyan.data").joinpath("demo")
    return [str(folder.joinpath(name)) for name in names]


def _docs_by_file(db: Database) -> dict[str, Document]:
    with db.sessions() as session:
        docs = list(
            session.scalars(
                select(Document)
                .options(selectinload(Document.chunks))
                .where(Document.owner_id.is_(None))
            )
        )
    by_url = {d.url: d for d in docs}
    out: dict[str, Document] = {}
    for path in demo_paths():
        text = Path(path).read_text(encoding="utf-8")
        url = next(
            line.split(":", 1)[1].strip().strip('"')
            for line in text.splitlines()
            if line.startswith("source_url:")
        )
        if url in by_url:
            out[path.rsplit("/", 1)[-1]] = by_url[url]
    return out


def reference(n: int, doc: Document) -> dict[str, Any]:
    chunk_id = doc.chunks[0].id if doc.chunks else None
    return {
        "n": n,
        "document_id": doc.id,
        "chunk_id": chunk_id,
        "title": doc.title,
        "publisher": doc.publisher,
        "url": doc.url,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
    }


def add_analysis(db: Database, **fields: Any) -> Analysis:
    with db.session() as session:
        row = Analysis(**fields)
        session.add(row)
        session.flush()
        session.expunge(row)
    return row


def load_feed(db: Database) -> dict[str, Analysis]:
    """Ingest the demo documents and write the seed story plus four other analyses."""
    ingest(db, demo_paths())
    docs = _docs_by_file(db)
    refs = [
        reference(1, docs["13-alibaba-xiaomi-cooperation-sohu.md"]),
        reference(2, docs["01-xiaomi-financing-thepaper.md"]),
        reference(3, docs["02-xiaomi-valuation-caixin.md"]),
    ]
    out = {
        SEED_SLUG: add_analysis(
            db,
            slug=SEED_SLUG,
            title=SEED_TITLE,
            question="云锋基金2014年投资小米的来龙去脉，以及后续如何升级为生态共建？",
            body=SEED_BODY,
            summary="2014年12月小米完成11亿美元融资、估值450亿美元，云锋基金出资2.5亿美元；"
            "此后阿里与小米从资本联动走向电视合资与速卖通出海等生态共建。",
            tags=[
                "private_equity",
                "venture_capital",
                "xiaomi",
                "alibaba",
                "strategic_partnership",
                "ma_yun",
                "lei_jun",
            ],
            sentiment="neutral",
            market="cn_a",
            language="zh",
            published_at=dt.datetime(2026, 1, 21, 10, 0),
            references=refs,
            verification={
                "claims": 14,
                "cited": 12,
                "supported": 12,
                "unsupported": 0,
                "removed_markers": 0,
            },
        )
    }
    for story in OTHER_STORIES:
        story_refs = [reference(i, docs[name]) for i, name in enumerate(story["docs"], 1)]
        out[story["slug"]] = add_analysis(
            db,
            slug=story["slug"],
            title=story["title"],
            body=story["body"],
            summary=story["summary"],
            tags=story["tags"],
            sentiment=story["sentiment"],
            market=story["market"],
            language=story.get("language", "zh"),
            published_at=story["published_at"],
            references=story_refs,
            verification={
                "claims": 2,
                "cited": 2,
                "supported": 2,
                "unsupported": 0,
                "removed_markers": 0,
            },
        )
    return out
