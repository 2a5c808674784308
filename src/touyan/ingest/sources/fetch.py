"""Fetch one URL for ingest: http(s) only, size-capped while streaming, errors as SourceError.

The body is streamed and counted as it arrives (after decompression), so a huge or endless
response — or a small gzip that inflates enormously — is cut off at the limit instead of
filling memory. Every failure becomes one short reason shown beside the URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from touyan import __version__
from touyan.ingest.sources.base import SourceError

USER_AGENT = f"touyan/{__version__} (open-source investment research assistant)"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/pdf,text/markdown,text/plain;q=0.8,*/*;q=0.5"
)
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": _ACCEPT,
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body with the address it finally came from (after redirects)."""

    url: str
    content_type: str | None
    data: bytes


def fetch_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = 20_000_000,
    timeout: float = 20.0,
) -> Fetched:
    """GET `url`, following redirects; raises SourceError on anything but a 2xx body in size."""
    _check_scheme(url)
    if client is not None:
        return _fetch(client, url, max_bytes, timeout)
    with httpx.Client(follow_redirects=True, timeout=timeout) as own:
        return _fetch(own, url, max_bytes, timeout)


def _check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise SourceError(f"invalid URL: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError("only http and https URLs can be fetched")
    if not parts.hostname:
        raise SourceError("invalid URL: no host")


def _fetch(client: httpx.Client, url: str, max_bytes: int, timeout: float) -> Fetched:
    try:
        with client.stream(
            "GET", url, headers=_HEADERS, timeout=timeout, follow_redirects=True
        ) as response:
            if not response.is_success:
                raise SourceError(f"HTTP {response.status_code}")
            _check_declared_size(response, max_bytes)
            data = _read_capped(response, max_bytes)
            return Fetched(
                url=str(response.url),
                content_type=response.headers.get("content-type"),
                data=data,
            )
    except httpx.TimeoutException as exc:
        raise SourceError(f"timed out after {timeout:g} s") from exc
    except httpx.TooManyRedirects as exc:
        raise SourceError("too many redirects") from exc
    except httpx.UnsupportedProtocol as exc:
        raise SourceError("redirected to a URL that is not http or https") from exc
    except httpx.InvalidURL as exc:
        raise SourceError(f"invalid URL: {exc}") from exc
    except httpx.ConnectError as exc:
        raise SourceError(f"cannot connect: {_short(exc)}") from exc
    except httpx.HTTPError as exc:
        raise SourceError(f"network error: {_short(exc)}") from exc


def _check_declared_size(response: httpx.Response, max_bytes: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(_too_big(max_bytes))


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    body = bytearray()
    for piece in response.iter_bytes():
        body += piece
        if len(body) > max_bytes:
            raise SourceError(_too_big(max_bytes))
    return bytes(body)


def _too_big(max_bytes: int) -> str:
    return f"response is larger than the {max_bytes / 1e6:g} MB limit (TOUYAN_MAX_FILE_BYTES)"


def _short(exc: Exception) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]
