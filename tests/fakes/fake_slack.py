"""Slack on 127.0.0.1: an incoming webhook and the bot API's chat.postMessage.

Records what is posted (`posts`, with the channel for the bot API), answers `status`
on the webhook, and limits the rate like Slack when asked: the next `rate_limited`
posts are answered 429 with `Retry-After: retry_after`. The bot API wants
`Authorization: Bearer <bot_token>` and answers {"ok": false, "error": …} otherwise.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


class FakeSlack:
    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.posts: list[dict[str, Any]] = []
        self.rate_limited = 0
        self.retry_after = 1
        self.refused = 0
        """Posts answered 429."""
        self.bot_token = "xoxb-fake-bot-token-77aa"
        self._server: ThreadingHTTPServer | None = None
        self.url = ""
        self.api_url = ""

    def start(self) -> FakeSlack:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.url = f"{base}/services/T000/B000/secret"
        self.api_url = f"{base}/api"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        fake: FakeSlack = self.server.fake  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if fake.rate_limited > 0:
            fake.rate_limited -= 1
            fake.refused += 1
            self._answer(429, b"rate_limited", {"Retry-After": str(fake.retry_after)})
            return
        if self.path == "/api/chat.postMessage":
            if self.headers.get("Authorization") != f"Bearer {fake.bot_token}":
                self._answer(200, json.dumps({"ok": False, "error": "invalid_auth"}).encode())
                return
            fake.posts.append(json.loads(body))
            self._answer(200, json.dumps({"ok": True, "ts": "1.0"}).encode())
            return
        fake.posts.append(json.loads(body))
        self._answer(fake.status, b"ok" if fake.status == 200 else b"no_service")

    def _answer(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()
