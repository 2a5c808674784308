"""Fetch one URL a user gave us, safely: no internal addresses, bounded size, time and type.

A URL from a user must not make the server talk to itself or its private network (SSRF):
every host is resolved once, every address it resolves to must be public, and the
connection goes to that checked address (so DNS cannot answer differently a moment later).
Redirects are followed one hop at a time and each hop is checked the same way. An admin
may allow private addresses (TOUYAN_FETCH_ALLOW_PRIVATE=1) for an intranet source.

The body is streamed and counted as it arrives (after decompression), so a huge or endless
response — or a small gzip that inflates enormously — is cut off at the limit instead of
filling memory. The whole fetch, redirects included, has one time budget. Every failure
becomes one short reason shown beside the URL.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from touyan import __version__
from touyan.config import get_settings
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
MAX_REDIRECTS = 10

# What the parsers can read (see detect.py). Generic types are let through because the
# parsers sniff the bytes; a missing Content-Type is sniffed too.
ALLOWED_CONTENT_TYPES: frozenset[str] = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+xml",
        "application/xml",
        "text/xml",
        "application/pdf",
        "application/x-pdf",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/json",
        "application/jsonl",
        "application/x-jsonlines",
        "application/jsonlines",
        "application/x-ndjson",
        "application/octet-stream",
    }
)

# host, port -> the addresses it resolves to (injectable so tests need no DNS)
Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class UnsafeURLError(SourceError):
    """The URL (or a redirect) leads somewhere a user-given URL may not go."""


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
    allow_private: bool | None = None,
    resolve: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """GET `url`, following checked redirects; raises SourceError on anything but an allowed
    2xx body within size and time.

    Without `client`, our own client resolves and pins every host (with `resolve`, the
    system resolver by default) and connects through `transport` (tests pass a mock). A
    given `client` is used as it is: its transport decides where connections go, and only
    the URLs themselves (schemes, IP literals, localhost names) are checked.
    """
    if allow_private is None:
        allow_private = get_settings().fetch_allow_private
    check_url(url, allow_private=allow_private)
    deadline = time.monotonic() + timeout
    if client is not None:
        return _fetch(client, url, max_bytes, timeout, deadline, allow_private)
    # No keep-alive: a TLS connection made for one name is never reused for another name
    # on the same address. trust_env=False: a proxy from the environment would resolve
    # names itself, past our check.
    inner = transport or httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    guarded = GuardedTransport(inner, resolve or system_resolve, allow_private)
    with httpx.Client(transport=guarded, trust_env=False, timeout=timeout) as own:
        return _fetch(own, url, max_bytes, timeout, deadline, allow_private)


# -- URL and address checks ---------------------------------------------------------------
def check_url(url: str, *, allow_private: bool, hop: str = "") -> None:
    """Refuse what can be refused from the URL alone: schemes, IP literals, localhost.

    The URL is parsed by httpx, the parser that will send the request, so a URL written to
    look different to two parsers (`http://a@b`, backslashes) is judged as it will be sent.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        _refuse_unparsable(url, allow_private)
        raise SourceError(f"invalid URL {url}: {exc}") from exc
    if parsed.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"refused {hop}{url}: only http and https URLs can be fetched")
    host = parsed.host.rstrip(".").lower()
    if not host:
        raise SourceError(f"invalid URL {url}: no host")
    if allow_private:
        return
    if host == "localhost" or host.endswith(".localhost"):
        raise UnsafeURLError(f"refused {hop}{url}: {host} is a loopback name{_HINT}")
    address = literal_ip(host)
    if address is not None:
        reason = unsafe_reason(address)
        if reason:
            raise UnsafeURLError(f"refused {hop}{url}: {host} is {reason}{_HINT}")


def _refuse_unparsable(url: str, allow_private: bool) -> None:
    """httpx rejects some legacy IP spellings (0177.0.0.1); say what they point at."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return
    address = literal_ip(host)
    reason = unsafe_reason(address) if address is not None and not allow_private else None
    if reason:
        raise UnsafeURLError(f"refused {url}: {host} is {reason}{_HINT}")


_HINT = " (an admin may allow it with TOUYAN_FETCH_ALLOW_PRIVATE=1)"


def literal_ip(host: str) -> IPAddress | None:
    """The address a host written as an IP means, in any spelling a resolver accepts:
    dotted, IPv6 (with or without brackets), and inet_aton's decimal, octal and hex forms
    (2130706433, 0177.0.0.1, 0x7f.1 are all 127.0.0.1)."""
    text = host.strip("[]")
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    parts = text.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    try:
        numbers = [_inet_aton_part(part) for part in parts]
    except ValueError:
        return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = 0
    for n in head:
        value = value * 256 + n
    value = value * 256 ** (5 - len(numbers)) + last
    return ipaddress.IPv4Address(value)


def _inet_aton_part(part: str) -> int:
    lowered = part.lower()
    if lowered.startswith("0x"):
        return int(lowered[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    if not part.isdigit():
        raise ValueError(part)
    return int(part)


def unsafe_reason(address: IPAddress) -> str | None:
    """Why a fetch may not go to `address` (None when it is a public unicast address)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            inner = unsafe_reason(embedded)
            return f"{inner} (embedded in an IPv6 address)" if inner else None
        if address.teredo is not None:
            return "a Teredo tunnel address"
    for reason, hit in (
        ("an unspecified address", address.is_unspecified),
        ("a loopback address", address.is_loopback),
        ("a link-local address", address.is_link_local),
        ("a multicast address", address.is_multicast),
        ("a reserved address", address.is_reserved),
        ("a private address", address.is_private),
        ("not a public address", not address.is_global),
    ):
        if hit:
            return reason
    return None


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise httpx.ConnectError(f"cannot resolve {host}: {exc}") from exc
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%")[0]  # drop an IPv6 zone
        if address not in addresses:
            addresses.append(address)
    return addresses


class GuardedTransport(httpx.BaseTransport):
    """Resolves each request's host once, checks every address, connects to a checked one."""

    def __init__(self, inner: httpx.BaseTransport, resolve: Resolver, allow_private: bool):
        self.inner = inner
        self.resolve = resolve
        self.allow_private = allow_private

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.raw_host.decode("ascii")  # IDNA-encoded, as DNS wants it
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        literal = literal_ip(host)
        names = [str(literal)] if literal is not None else self.resolve(host, port)
        if not names:
            raise httpx.ConnectError(f"cannot resolve {host}", request=request)
        addresses = [ipaddress.ip_address(name) for name in names]
        if not self.allow_private:
            for address in addresses:
                reason = unsafe_reason(address)
                if reason:
                    raise UnsafeURLError(
                        f"refused {request.url}: {host} resolves to {address}, {reason}{_HINT}"
                    )
        extensions = dict(request.extensions)
        if request.url.scheme == "https" and literal is None:
            extensions["sni_hostname"] = host  # TLS checks the certificate against the name
        failure: httpx.ConnectError | None = None
        for address in addresses:  # in the resolver's order, like a browser's fallback
            pinned = httpx.Request(
                request.method,
                request.url.copy_with(host=str(address)),
                headers=request.headers,  # keeps Host: the name, not the address
                stream=request.stream,
                extensions=extensions,
            )
            try:
                return self.inner.handle_request(pinned)
            except httpx.ConnectError as exc:
                failure = exc
        assert failure is not None
        raise failure

    def close(self) -> None:
        self.inner.close()


# -- fetching -------------------------------------------------------------------------------
def _fetch(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    timeout: float,
    deadline: float,
    allow_private: bool,
) -> Fetched:
    request = client.build_request("GET", url, headers=_HEADERS)
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            left = _time_left(deadline, timeout)
            request.extensions["timeout"] = httpx.Timeout(left).as_dict()
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                if response.is_redirect and response.next_request is not None:
                    request = response.next_request
                    check_url(str(request.url), allow_private=allow_private, hop="redirect to ")
                    continue
                return _read(response, max_bytes, timeout, deadline)
            finally:
                response.close()
        raise SourceError("too many redirects")
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


def _read(response: httpx.Response, max_bytes: int, timeout: float, deadline: float) -> Fetched:
    if not response.is_success:
        raise SourceError(f"HTTP {response.status_code}")
    content_type = response.headers.get("content-type")
    _check_content_type(str(response.url), content_type)
    _check_declared_size(response, max_bytes)
    body = bytearray()
    for piece in response.iter_bytes():
        body += piece
        if len(body) > max_bytes:
            raise SourceError(_too_big(max_bytes))
        _time_left(deadline, timeout)
    return Fetched(url=str(response.url), content_type=content_type, data=bytes(body))


def _time_left(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise SourceError(f"timed out after {timeout:g} s")
    return left


def _check_content_type(url: str, content_type: str | None) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in ALLOWED_CONTENT_TYPES:
        raise SourceError(
            f"refused {url}: content type {media} is not one touyan reads "
            "(HTML, RSS/Atom/XML, PDF, text, Markdown, JSON/JSONL)"
        )


def _check_declared_size(response: httpx.Response, max_bytes: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(_too_big(max_bytes))


def _too_big(max_bytes: int) -> str:
    return f"response is larger than the {max_bytes / 1e6:g} MB limit (TOUYAN_MAX_FILE_BYTES)"


def _short(exc: Exception) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]
