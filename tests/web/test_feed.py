from __future__ import annotations

import datetime as dt

from seed_story import SEED_SLUG, add_analysis

from touyan import accounts
from touyan.research.feed import (
    FeedFilters,
    get_analysis,
    list_analyses,
    neighbours,
    popular_tags,
    related,
)
from touyan.store.db import Database
from touyan.store.models import Analysis


def slugs(items: list[Analysis]) -> list[str]:
    return [a.slug for a in items]


def test_filters_order_and_pages(db: Database, feed: dict[str, Analysis]) -> None:
    everything = list_analyses(db)
    assert slugs(everything.items) == [
        SEED_SLUG,
        "xiaomi-2024-results",
        "tencent-2024-results",
        "catl-2024-annual",
        "fed-cut-2024-12",
    ]
    assert slugs(list_analyses(db, FeedFilters(market="hk")).items) == [
        "xiaomi-2024-results",
        "tencent-2024-results",
    ]
    assert slugs(list_analyses(db, FeedFilters(sentiment="bearish")).items) == ["fed-cut-2024-12"]
    assert slugs(list_analyses(db, FeedFilters(tag="xiaomi")).items) == [
        SEED_SLUG,
        "xiaomi-2024-results",
    ]
    assert slugs(list_analyses(db, FeedFilters(tag="#earnings", market="cn_a")).items) == [
        "catl-2024-annual"
    ]
    # a tag that is only a substring of a stored tag does not match
    assert list_analyses(db, FeedFilters(tag="xiao")).total == 0
    window = FeedFilters(since=dt.date(2025, 3, 18), until=dt.date(2025, 3, 19))
    assert slugs(list_analyses(db, window).items) == ["tencent-2024-results", "catl-2024-annual"]
    assert slugs(list_analyses(db, FeedFilters(q="云锋基金")).items) == [SEED_SLUG]
    assert slugs(list_analyses(db, FeedFilters(q="TENCENT")).items) == ["tencent-2024-results"]
    assert list_analyses(db, FeedFilters(q="100%_")).total == 0  # LIKE wildcards are literal

    first = list_analyses(db, page=1, per_page=2)
    third = list_analyses(db, page=3, per_page=2)
    assert first.total == 5 and first.pages == 3 and first.has_next and not first.has_previous
    assert slugs(third.items) == ["fed-cut-2024-12"] and not third.has_next


def test_owner_scoping(db: Database, feed: dict[str, Analysis]) -> None:
    alice = accounts.create_user(db, "alice", "alice-password")
    bob = accounts.create_user(db, "bob", "bob-password")
    add_analysis(
        db,
        slug="alice-private",
        title="Alice 的私有研究",
        body="x",
        tags=["xiaomi"],
        owner_id=alice.id,
        published_at=dt.datetime(2026, 2, 1),
    )
    assert "alice-private" not in slugs(list_analyses(db).items)
    assert "alice-private" not in slugs(list_analyses(db, viewer_id=bob.id).items)
    assert slugs(list_analyses(db, viewer_id=alice.id).items)[0] == "alice-private"
    assert get_analysis(db, "alice-private") is None
    assert get_analysis(db, "alice-private", viewer_id=bob.id) is None
    assert get_analysis(db, "alice-private", viewer_id=alice.id) is not None
    seed = feed[SEED_SLUG]
    assert neighbours(db, seed, viewer_id=bob.id)[1] is None
    newer = neighbours(db, seed, viewer_id=alice.id)[1]
    assert newer is not None and newer.slug == "alice-private"
    assert "alice-private" not in slugs(related(db, seed, viewer_id=bob.id))
    assert "alice-private" in slugs(related(db, seed, viewer_id=alice.id))


def test_neighbours_related_and_tags(db: Database, feed: dict[str, Analysis]) -> None:
    catl = feed["catl-2024-annual"]
    previous, following = neighbours(db, catl)
    assert previous is not None and previous.slug == "fed-cut-2024-12"
    assert following is not None and following.slug == "tencent-2024-results"
    oldest_prev, _ = neighbours(db, feed["fed-cut-2024-12"])
    assert oldest_prev is None
    # shared source documents outweigh shared tags; nothing shared means not related
    assert slugs(related(db, feed[SEED_SLUG])) == ["xiaomi-2024-results"]
    assert slugs(related(db, feed["xiaomi-2024-results"]))[0] == SEED_SLUG
    assert "fed-cut-2024-12" not in slugs(related(db, catl))
    tags = popular_tags(db)
    assert tags[:2] == ["earnings", "xiaomi"] or tags[:2] == ["xiaomi", "earnings"]
