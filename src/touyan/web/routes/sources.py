"""Bringing data in from the browser: URLs, file uploads and RSS subscriptions.

Everything a user adds is private to them (owner_id = the user); an admin may tick 「公开」
to add to the public corpus. Each input is ingested on its own so the page can say, per
item, what was added, what was already there and what failed, and why.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.status import HTTP_303_SEE_OTHER

from touyan.config import Settings
from touyan.ingest import subscriptions
from touyan.ingest.pipeline import IngestReport, ingest
from touyan.store.db import Database
from touyan.store.documents import list_documents
from touyan.web.deps import LOGIN_AND_CSRF, DbDep, SettingsDep, UserDep, Viewer
from touyan.web.templating import render

router = APIRouter(include_in_schema=False)
MAX_URLS = 20
_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


@dataclass(slots=True)
class ItemResult:
    name: str
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @classmethod
    def from_report(cls, name: str, report: IngestReport) -> ItemResult:
        return cls(
            name=name,
            added=report.added + report.updated,
            duplicates=report.duplicates + report.near_duplicates,
            errors=[reason for _, reason in report.failed],
            document_ids=list(report.document_ids),
        )


def owner_for(viewer: Viewer, public: bool) -> int | None:
    assert viewer.user is not None
    return None if public and viewer.is_admin else viewer.user.id


def sources_view(
    request: Request,
    db: Database,
    viewer: Viewer,
    results: list[ItemResult] | None = None,
    action: str | None = None,
    status_code: int = 200,
) -> Response:
    assert viewer.user is not None
    return render(
        request,
        "sources.html",
        {
            "results": results,
            "action": action,
            "subscriptions": subscriptions.list_subscriptions(db, viewer.user.id),
            "documents": list_documents(db, viewer_id=viewer.user.id, owned_only=True, limit=30),
        },
        status_code=status_code,
    )


@router.get("/sources")
def sources_page(request: Request, db: DbDep, viewer: UserDep) -> Response:
    return sources_view(request, db, viewer)


@router.post("/sources/urls", dependencies=LOGIN_AND_CSRF)
def add_urls(
    request: Request,
    db: DbDep,
    viewer: UserDep,
    settings: SettingsDep,
    urls: Annotated[str, Form(max_length=40_000)],
    public: Annotated[bool, Form()] = False,
) -> Response:
    items = [line.strip() for line in urls.splitlines() if line.strip()]
    results: list[ItemResult] = []
    for item in items[:MAX_URLS]:
        try:
            subscriptions.check_public_url(item, allow_private=settings.fetch_allow_private)
        except subscriptions.SubscriptionError as exc:
            results.append(ItemResult(item, errors=[str(exc)]))
            continue
        report = ingest(db, [item], owner_id=owner_for(viewer, public), settings=settings)
        results.append(ItemResult.from_report(item, report))
    if len(items) > MAX_URLS:
        results.append(
            ItemResult(
                f"+{len(items) - MAX_URLS}", errors=[f"每次最多 {MAX_URLS} 个 / at most {MAX_URLS}"]
            )
        )
    return sources_view(request, db, viewer, results, "urls")


def safe_name(name: str) -> str:
    stem = _UNSAFE.sub("_", Path(name or "upload").name).strip("._") or "upload"
    return stem[-120:]


def save_upload(upload: UploadFile, folder: Path, limit: int) -> Path:
    """Copy an upload to disk, refusing it once it passes the size limit."""
    target = folder / safe_name(upload.filename or "upload")
    n = 1
    while target.exists():
        target = target.with_name(f"{n}-{target.name}")
        n += 1
    written = 0
    with target.open("wb") as out:
        while chunk := upload.file.read(1 << 20):
            written += len(chunk)
            if written > limit:
                raise ValueError(
                    f"文件超过 {limit / 1e6:.0f} MB 上限 / over the {limit / 1e6:.0f} MB limit"
                )
            out.write(chunk)
    return target


def ingest_uploads(
    db: Database, files: list[UploadFile], owner_id: int | None, settings: Settings
) -> list[ItemResult]:
    results: list[ItemResult] = []
    with tempfile.TemporaryDirectory(prefix="touyan-upload-") as tmp:
        for upload in files[: settings.upload_max_files]:
            name = upload.filename or "upload"
            try:
                path = save_upload(upload, Path(tmp), settings.max_file_bytes)
            except ValueError as exc:
                results.append(ItemResult(name, errors=[str(exc)]))
                continue
            report = ingest(db, [str(path)], owner_id=owner_id, settings=settings)
            results.append(ItemResult.from_report(name, report))
            path.unlink(missing_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return results


@router.post("/sources/upload", dependencies=LOGIN_AND_CSRF)
def upload_files(
    request: Request,
    db: DbDep,
    viewer: UserDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File()],
    public: Annotated[bool, Form()] = False,
) -> Response:
    real = [f for f in files if f.filename]
    if not real:
        raise HTTPException(400, "请选择文件 / choose at least one file")
    results = ingest_uploads(db, real, owner_for(viewer, public), settings)
    if len(real) > settings.upload_max_files:
        results.append(
            ItemResult(f"+{len(real) - settings.upload_max_files}", errors=["too many files"])
        )
    return sources_view(request, db, viewer, results, "upload")


@router.post("/sources/feeds", dependencies=LOGIN_AND_CSRF)
def subscribe_feed(
    request: Request,
    db: DbDep,
    viewer: UserDep,
    settings: SettingsDep,
    url: Annotated[str, Form(max_length=2000)],
    interval_minutes: Annotated[int, Form(ge=5, le=10080)] = 60,
) -> Response:
    assert viewer.user is not None
    try:
        sub = subscriptions.subscribe(
            db,
            url,
            owner_id=viewer.user.id,
            interval_minutes=interval_minutes,
            allow_private=settings.fetch_allow_private,
        )
    except subscriptions.SubscriptionError as exc:
        return sources_view(request, db, viewer, [ItemResult(url, errors=[str(exc)])], "feeds", 400)
    report = subscriptions.refresh_subscription(db, sub, settings=settings)
    result = ItemResult.from_report(sub.url, report) if report else ItemResult(sub.url)
    return sources_view(request, db, viewer, [result], "feeds")


@router.post("/sources/feeds/{subscription_id}/refresh", dependencies=LOGIN_AND_CSRF)
def refresh_feed(
    request: Request, subscription_id: int, db: DbDep, viewer: UserDep, settings: SettingsDep
) -> Response:
    assert viewer.user is not None
    owned = {s.id: s for s in subscriptions.list_subscriptions(db, viewer.user.id)}
    sub = owned.get(subscription_id)
    if sub is None:
        raise HTTPException(404)
    report = subscriptions.refresh_subscription(db, sub, settings=settings)
    result = ItemResult.from_report(sub.url, report) if report else ItemResult(sub.url)
    return sources_view(request, db, viewer, [result], "feeds")


@router.post("/sources/feeds/{subscription_id}/delete", dependencies=LOGIN_AND_CSRF)
def delete_feed(subscription_id: int, db: DbDep, viewer: UserDep) -> Response:
    assert viewer.user is not None
    if not subscriptions.unsubscribe(db, subscription_id, owner_id=viewer.user.id):
        raise HTTPException(404)
    return RedirectResponse("/sources", status_code=HTTP_303_SEE_OTHER)
