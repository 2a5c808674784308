"""RSS/Atom feed subscriptions: add, list, remove, and the scheduled refresh.

A refresh claims each due subscription with a conditional UPDATE before fetching it, so when
several web processes or workers run the schedule, each feed is fetched by one of them only.
Documents read from a feed belong to the subscription's owner (None: public).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy import or_, select, update

from touyan.config import Settings, get_settings
from touyan.ingest.pipeline import IngestReport, ingest
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
    """Refuse URLs on loopback, private or link-local addresses unless allowed.

    A URL typed into the web page is fetched by the server; without this check a user could
    make it read internal services (databases, cloud metadata endpoints) and store the replies.
    """
    url = check_feed_url(url)
    host = urlsplit(url).hostname
    if not host:
        raise SubscriptionError("地址缺少主机名 / the URL has no host")
    if allow_private:
        return url
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SubscriptionError(f"无法解析主机 / cannot resolve host {host!r}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global:
            raise SubscriptionError(
                f"拒绝抓取内网地址 / refusing to fetch a non-public address ({address})"
            )
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
        check_public_url(sub.url, allow_private=settings.allow_private_urls)
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
