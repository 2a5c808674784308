"""RSS/Atom feed subscriptions: add, list, remove, and the scheduled refresh.

A refresh claims each due subscription with a conditional UPDATE before fetching it, so when
several web processes or workers run the schedule, each feed is fetched by one of them only.
Documents read from a feed belong to the subscription's owner (None: public).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass

import httpx
from sqlalchemy import or_, select, update

from touyan.config import Settings, get_settings
from touyan.ingest.pipeline import IngestReport, ingest
from touyan.ingest.sources.base import SourceError
from touyan.ingest.sources.fetch import UnsafeURLError, check_url, system_resolve, unsafe_reason
from touyan.store.db import Database
from touyan.store.models import FeedSubscription, utcnow

MAX_STATUS = 500


class SubscriptionError(ValueError):
    """A subscription request the user can fix (bad URL); the message says how."""


@dataclass(frozen=True, slots=True)
class RefreshResult:
    subscription_id: int
    url: str
    report: IngestReport


def check_feed_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url) > 2000 or " " in url:
        raise SubscriptionError("地址需以 http:// 或 https:// 开头 / URLs start with http(s)://")
    return url


def check_public_url(url: str, *, allow_private: bool = False) -> str:
    """Refuse, before anything is stored, a URL the fetcher would refuse anyway.

    The fetcher (`ingest.sources.fetch`) checks again at connection time and pins the
    address it checked; this early check only gives the user a clear answer at once.
    """
    url = check_feed_url(url)
    try:
        check_url(url, allow_private=allow_private)
        if not allow_private:
            host = httpx.URL(url).host
            for address in system_resolve(host, 443):
                reason = unsafe_reason(ipaddress.ip_address(address))
                if reason:
                    raise UnsafeURLError(f"refused {url}: {host} resolves to {reason}")
    except (SourceError, httpx.ConnectError) as exc:
        raise SubscriptionError(f"拒绝抓取 / {exc}") from exc
    return url


def subscribe(
    db: Database,
    url: str,
    *,
    owner_id: int | None,
    title: str = "",
    interval_minutes: int = 60,
    allow_private: bool = False,
) -> FeedSubscription:
    """The owner's subscription to `url` (the existing one if they have it already)."""
    url = check_public_url(url, allow_private=allow_private)
    interval = max(5, min(interval_minutes, 7 * 24 * 60))
    with db.session() as session:
        owner = (
            FeedSubscription.owner_id.is_(None)
            if owner_id is None
            else FeedSubscription.owner_id == owner_id
        )
        existing = session.scalar(
            select(FeedSubscription).where(owner, FeedSubscription.url == url)
        )
        if existing is not None:
            session.expunge(existing)
            return existing
        row = FeedSubscription(
            owner_id=owner_id, url=url, title=title.strip()[:200], interval_minutes=interval
        )
        session.add(row)
        session.flush()
        session.expunge(row)
    return row


def list_subscriptions(db: Database, owner_id: int | None) -> list[FeedSubscription]:
    owner = (
        FeedSubscription.owner_id.is_(None)
        if owner_id is None
        else FeedSubscription.owner_id == owner_id
    )
    with db.sessions() as session:
        return list(
            session.scalars(select(FeedSubscription).where(owner).order_by(FeedSubscription.id))
        )


def unsubscribe(db: Database, subscription_id: int, *, owner_id: int | None) -> bool:
    owner = (
        FeedSubscription.owner_id.is_(None)
        if owner_id is None
        else FeedSubscription.owner_id == owner_id
    )
    with db.session() as session:
        row = session.scalar(
            select(FeedSubscription).where(FeedSubscription.id == subscription_id, owner)
        )
        if row is None:
            return False
        session.delete(row)
    return True


def _claim(db: Database, sub: FeedSubscription, now: dt.datetime) -> bool:
    """Mark the subscription as being fetched now, unless another process just did."""
    seen = sub.last_fetched_at
    with db.session() as session:
        result = session.execute(
            update(FeedSubscription)
            .where(
                FeedSubscription.id == sub.id,
                FeedSubscription.last_fetched_at.is_(None)
                if seen is None
                else FeedSubscription.last_fetched_at == seen,
            )
            .values(last_fetched_at=now)
        )
        return bool(getattr(result, "rowcount", 0))


def _status(report: IngestReport) -> str:
    text = f"added {report.added}, duplicates {report.duplicates + report.near_duplicates}"
    if report.failed:
        text += "; failed: " + "; ".join(f"{name}: {reason}" for name, reason in report.failed)
    return text[:MAX_STATUS]


def refresh_subscription(
    db: Database,
    sub: FeedSubscription,
    *,
    client: httpx.Client | None = None,
    settings: Settings | None = None,
    now: dt.datetime | None = None,
) -> IngestReport | None:
    """Fetch one feed now and store its new entries; None when another process has it."""
    now = now or utcnow()
    if not _claim(db, sub, now):
        return None
    settings = settings or get_settings()
    try:
        check_public_url(sub.url, allow_private=settings.fetch_allow_private)
    except SubscriptionError as exc:
        report = IngestReport(failed=[(sub.url, str(exc))])
    else:
        report = ingest(db, [sub.url], owner_id=sub.owner_id, client=client, settings=settings)
    with db.session() as session:
        session.execute(
            update(FeedSubscription)
            .where(FeedSubscription.id == sub.id)
            .values(last_status=_status(report))
        )
    return report


def due_subscriptions(db: Database, now: dt.datetime) -> list[FeedSubscription]:
    with db.sessions() as session:
        rows = session.scalars(
            select(FeedSubscription).where(
                or_(
                    FeedSubscription.last_fetched_at.is_(None),
                    FeedSubscription.last_fetched_at <= now,
                )
            )
        ).all()
    return [
        sub
        for sub in rows
        if sub.last_fetched_at is None
        or sub.last_fetched_at + dt.timedelta(minutes=sub.interval_minutes) <= now
    ]


def refresh_due_feeds(
    db: Database,
    *,
    now: dt.datetime | None = None,
    client: httpx.Client | None = None,
    settings: Settings | None = None,
) -> list[RefreshResult]:
    """Refresh every subscription whose interval has passed; one failing feed stops nothing."""
    now = now or utcnow()
    results: list[RefreshResult] = []
    for sub in due_subscriptions(db, now):
        report = refresh_subscription(db, sub, client=client, settings=settings, now=now)
        if report is not None:
            results.append(RefreshResult(sub.id, sub.url, report))
    return results
