"""A local server speaking the OpenAI chat-completions protocol, replying from a script.

Each script entry is (status, body, headers). A body with a "stream" key is sent as
server-sent events: its list of text pieces as chunks, then a finish reason and [DONE] —
unless "truncate" is set, when the connection closes mid-answer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, dict[str, Any], dict[str, str]]
Script = list[Reply]


class FakeOpenAI:
    """`script` replies in order; or `responder(request)` decides each reply (it may block)."""

    def __init__(self, script: Script, responder: Callable[[dict[str, Any]], Reply] | None = None):
        self.script = script
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                length = int(self.headers["Content-Length"])
                request = json.loads(self.rfile.read(length))
                outer.requests.append(request)
                if responder is not None:
                    status, body, headers = responder(request)
                else:
                    status, body, headers = outer.script.pop(0) if outer.script else (500, {}, {})
                if "stream" in body:
                    self._stream(body)
                    return
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, body: dict[str, Any]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for piece in body["stream"]:
                    self._event(_chunk({"content": piece}, None))
                if body.get("truncate"):
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._event(_chunk({}, "stop"))
                usage = {"prompt_tokens": 20, "completion_tokens": 7, "total_tokens": 27}
                self._event({**_chunk({}, None), "choices": [], "usage": usage})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _event(self, data: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "s1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def completion(text: str) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}
        ],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
    }
