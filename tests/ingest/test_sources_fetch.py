"""fetch_url against httpx.MockTransport and a loopback server: never the network.

The SSRF tests give fetch_url a fake resolver, so names resolve to whatever a hostile DNS
server might answer without any real lookup.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from touyan.config import get_settings
from touyan.ingest.sources import Fetched, SourceError, fetch_url
from touyan.ingest.sources.fetch import UnsafeURLError, literal_ip

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_200_returns_body_type_and_url() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, content=b"<html>ok</html>", headers={"content-type": "text/html"}
        )

    fetched = fetch_url("https://x.example/a", client=client(handler))
    assert fetched == Fetched("https://x.example/a", "text/html", b"<html>ok</html>")
    assert seen[0].headers["user-agent"].startswith("touyan/")


def test_404_is_a_source_error() -> None:
    with pytest.raises(SourceError, match=r"^HTTP 404$"):
        fetch_url("https://x.example/missing", client=client(lambda r: httpx.Response(404)))


def test_redirect_gives_the_final_url() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://x.example/new"})
        return httpx.Response(200, content=b"moved here", headers={"content-type": "text/plain"})

    fetched = fetch_url("https://x.example/old", client=client(handler))
    assert fetched.url == "https://x.example/new" and fetched.data == b"moved here"


def test_redirect_loop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": str(request.url)})

    with pytest.raises(SourceError, match="too many redirects"):
        fetch_url("https://x.example/loop", client=client(handler))


def test_oversize_body_declared_in_content_length() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 2000)

    with pytest.raises(SourceError, match="larger than the 0.001 MB limit"):
        fetch_url("https://x.example/big", client=client(handler), max_bytes=1000)


def test_oversize_streamed_body_is_cut_off_while_reading() -> None:
    produced: list[int] = []

    def endless() -> Iterator[bytes]:
        for _ in range(1000):
            produced.append(1)
            yield b"y" * 100

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())  # no Content-Length: chunked

    with pytest.raises(SourceError, match="larger than"):
        fetch_url("https://x.example/stream", client=client(handler), max_bytes=1000)
    assert len(produced) < 20


def test_body_exactly_at_the_limit_is_fine() -> None:
    fetched = fetch_url(
        "https://x.example/ok",
        client=client(lambda r: httpx.Response(200, content=b"z" * 1000)),
        max_bytes=1000,
    )
    assert len(fetched.data) == 1000 and fetched.content_type is None


@pytest.mark.parametrize(
    "url", ["ftp://x.example/a", "file:///etc/passwd", "x.example/a", "https://"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(SourceError, match="only http and https|invalid URL"):
        fetch_url(url, client=client(lambda r: httpx.Response(200)))


def test_network_errors_become_short_reasons() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    with pytest.raises(SourceError, match="cannot connect: connection refused"):
        fetch_url("https://x.example/a", client=client(refuse))
    with pytest.raises(SourceError, match="timed out after 3 s"):
        fetch_url("https://x.example/a", client=client(slow), timeout=3)


def test_own_client_reports_connection_failures() -> None:
    # Loopback port 9 (discard) has no listener here: a refused connection, no DNS, no network.
    with pytest.raises(SourceError, match="cannot connect"):
        fetch_url("http://127.0.0.1:9/a", timeout=2, allow_private=True)


# -- SSRF: where a user-given URL may not go --------------------------------------------------


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"resolved {host}: IP literals and localhost need no DNS")


def public_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"ok", headers={"content-type": "text/plain"})


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1/", "loopback"),
        ("http://2130706433/", "loopback"),  # decimal
        ("http://0x7f000001/", "loopback"),  # hex
        ("http://0177.0.0.1/", "loopback"),  # octal
        ("http://0x7f.0.0.1:8080/admin", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback address (embedded in an IPv6"),
        ("http://[::ffff:a00:1]/", "private address (embedded in an IPv6"),
        ("http://[2002:7f00:1::]/", "loopback address (embedded in an IPv6"),  # 6to4
        ("http://[64:ff9b::c0a8:1]/", "private address (embedded in an IPv6"),  # NAT64
        ("http://10.0.0.5/", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),  # cloud metadata
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::1]/", "private"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "not a public address"),  # carrier-grade NAT
        ("http://localhost:8000/", "loopback name"),
        ("http://api.localhost/", "loopback name"),
        ("http://LOCALHOST./", "loopback name"),
        ("http://public.example@127.0.0.1/", "loopback"),  # user info is not the host
    ],
)
def test_internal_addresses_are_refused(url: str, reason: str) -> None:
    with pytest.raises(UnsafeURLError) as refused:
        fetch_url(url, resolve=no_dns, transport=httpx.MockTransport(public_ok))
    message = str(refused.value)
    assert message.startswith(f"refused {url}: ") and reason in message
    assert "TOUYAN_FETCH_ALLOW_PRIVATE=1" in message
    # A caller's own client gets the same URL checks.
    with pytest.raises(UnsafeURLError, match=reason.split(" (")[0]):
        fetch_url(url, client=client(public_ok))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "gopher://x.example/", "ftp://x.example/a", "dict://x:11211/"]
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError, match=f"refused {url}: only http and https"):
        fetch_url(url, resolve=no_dns, transport=httpx.MockTransport(public_ok))


@pytest.mark.parametrize(
    ("addresses", "bad"),
    [
        (["10.1.2.3"], "10.1.2.3, a private address"),
        (["93.184.216.34", "127.0.0.1"], "127.0.0.1, a loopback address"),  # every one counts
        (["2606:2800:220:1::1", "::1"], "::1, a loopback address"),
        (["::ffff:169.254.169.254"], "::ffff:a9fe:a9fe, a link-local address (embedded in an IPv6"),
    ],
)
def test_names_resolving_to_internal_addresses_are_refused(addresses: list[str], bad: str) -> None:
    connected: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        connected.append(request)
        return public_ok(request)

    with pytest.raises(UnsafeURLError) as refused:
        fetch_url(
            "https://rebind.example/x",
            resolve=lambda host, port: addresses,
            transport=httpx.MockTransport(handler),
        )
    assert str(refused.value).startswith(
        f"refused https://rebind.example/x: rebind.example resolves to {bad}"
    )
    assert connected == []


def test_connects_to_the_checked_address_not_a_second_lookup() -> None:
    answers = [["93.184.216.34"], ["127.0.0.1"]]  # a rebinding DNS server's two answers
    lookups: list[tuple[str, int]] = []
    seen: list[httpx.Request] = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append((host, port))
        return answers[len(lookups) - 1]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"<p>hi</p>", headers={"content-type": "text/html"})

    fetched = fetch_url(
        "https://news.example:8443/a?b=1", resolve=resolve, transport=httpx.MockTransport(handler)
    )
    assert lookups == [("news.example", 8443)]
    assert str(seen[0].url) == "https://93.184.216.34:8443/a?b=1"
    assert seen[0].headers["host"] == "news.example:8443"
    assert seen[0].extensions["sni_hostname"] == "news.example"  # certificate checked by name
    assert fetched.url == "https://news.example:8443/a?b=1" and fetched.data == b"<p>hi</p>"


def test_falls_back_to_the_next_checked_address() -> None:
    tried: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        if request.url.host == "2606:2800:220:1::1":
            raise httpx.ConnectError("network unreachable", request=request)
        return public_ok(request)

    fetched = fetch_url(
        "http://dual.example/",
        resolve=lambda host, port: ["2606:2800:220:1::1", "93.184.216.34"],
        transport=httpx.MockTransport(handler),
    )
    assert tried == ["2606:2800:220:1::1", "93.184.216.34"] and fetched.data == b"ok"


def test_every_redirect_hop_is_checked() -> None:
    targets = {
        "/to-loopback": "http://127.0.0.1/admin",
        "/to-internal-name": "http://intranet.example/secret",
        "/to-file": "file:///etc/passwd",
        "/to-public": "https://other.example/page",
    }
    dns = {"start.example": ["93.184.216.34"], "other.example": ["93.184.216.35"]}
    dns["intranet.example"] = ["192.168.0.10"]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path in targets:
            return httpx.Response(302, headers={"location": targets[request.url.path]})
        return public_ok(request)

    def get(path: str) -> Fetched:
        return fetch_url(
            f"http://start.example{path}",
            resolve=lambda host, port: dns[host],
            transport=httpx.MockTransport(handler),
        )

    with pytest.raises(UnsafeURLError, match=r"^refused redirect to http://127\.0\.0\.1/admin: "):
        get("/to-loopback")
    with pytest.raises(
        UnsafeURLError,
        match=r"^refused http://intranet\.example/secret: intranet\.example resolves to "
        r"192\.168\.0\.10, a private address",
    ):
        get("/to-internal-name")
    with pytest.raises(UnsafeURLError, match=r"^refused redirect to file://\S*/etc/passwd: only"):
        get("/to-file")
    assert get("/to-public").url == "https://other.example/page"


def test_a_given_clients_redirects_are_checked_too() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest"})

    with pytest.raises(UnsafeURLError, match="redirect to http://169.254.169.254/latest: .*link"):
        fetch_url("https://x.example/a", client=client(handler))


@pytest.mark.parametrize(
    "content_type",
    [
        "text/html; charset=utf-8",
        "Application/RSS+XML",
        "application/atom+xml",
        "application/xml",
        "application/pdf",
        "text/plain",
        "text/markdown",
        "application/json",
        "application/x-ndjson",
    ],
)
def test_readable_content_types_pass(content_type: str) -> None:
    fetched = fetch_url(
        "https://x.example/a",
        client=client(
            lambda r: httpx.Response(200, content=b"x", headers={"content-type": content_type})
        ),
    )
    assert fetched.content_type == content_type


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/zip", "video/mp4", "application/javascript"]
)
def test_other_content_types_are_refused_before_the_body_is_read(content_type: str) -> None:
    produced: list[int] = []

    def body() -> Iterator[bytes]:
        for _ in range(100):
            produced.append(1)
            yield b"z" * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body(), headers={"content-type": content_type})

    refused = f"refused https://x.example/f: content type {content_type}"
    with pytest.raises(SourceError, match=refused):
        fetch_url("https://x.example/f", client=client(handler))
    assert len(produced) <= 1


def test_literal_ip_spellings() -> None:
    assert str(literal_ip("3232235777")) == "192.168.1.1"
    assert str(literal_ip("0xC0.0250.1.1")) == "192.168.1.1"
    assert str(literal_ip("192.168.257")) == "192.168.1.1"
    assert str(literal_ip("[::1]")) == "::1"
    for name in ("example.com", "1.2.3.4.5", "256.1.1.1", "0x1g", "1..2", "08.1.1.1"):
        assert literal_ip(name) is None, name


# -- a real server on loopback, reachable only with the admin setting -------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/page":
            page = "<html><title>页</title>你好</html>".encode()
            self._send(200, "text/html; charset=utf-8", page)
        elif self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG....")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"x" * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client gave up, as it should
        else:
            self._send(404, "text/plain", b"no")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUYAN_FETCH_ALLOW_PRIVATE", "1")
    get_settings.cache_clear()


def test_loopback_server_is_refused_by_default(server: str) -> None:
    with pytest.raises(UnsafeURLError, match=f"refused {server}/page: 127.0.0.1 is a loopback"):
        fetch_url(f"{server}/page")


def test_loopback_server_with_the_admin_setting(server: str, allow_private: None) -> None:
    fetched = fetch_url(f"{server}/hop")
    assert fetched.url == f"{server}/page"
    assert fetched.content_type == "text/html; charset=utf-8"
    assert "你好" in fetched.data.decode()
    port = server.rsplit(":", 1)[1]
    assert fetch_url(f"http://localhost:{port}/page").data == fetched.data  # resolved name
    with pytest.raises(SourceError, match=f"refused {server}/image: content type image/png"):
        fetch_url(f"{server}/image")
    with pytest.raises(SourceError, match="^HTTP 404$"):
        fetch_url(f"{server}/nothing")


def test_total_time_limit_stops_a_slow_drip(server: str, allow_private: None) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError, match="timed out after 0.5 s"):
        fetch_url(f"{server}/drip", timeout=0.5)  # each read is quick; the total is not
    assert time.monotonic() - started < 2
