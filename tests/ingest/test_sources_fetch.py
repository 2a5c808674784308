"""fetch_url against httpx.MockTransport: never the network."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from touyan.ingest.sources import Fetched, SourceError, fetch_url

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
        fetch_url("http://127.0.0.1:9/a", timeout=2)
