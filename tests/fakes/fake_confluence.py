"""A Confluence that answers like Confluence does (REST API v1 content), in memory, on 127.0.0.1.

Pages with titles unique per space (a clash is HTTP 409), version numbers that an
update must increment (409 otherwise), labels, CQL search by label, space and type,
and lookups by title. Faults as the fake Jira injects them: an error before or
after storing, a dropped answer, 429 with Retry-After, 401. A search index that
lags (`index_lag`): new pages show in CQL search only after `reindex()`, while a
read by title or id sees them at once, as in Confluence.

    with FakeConfluence() as wiki:      # or the `fake_confluence` fixture
        env = wiki.env()                # DEBRIEF_CONFLUENCE_* for the CLI
        wiki.add_fault("create", status=500, after_store=True, disconnect=True)
        wiki.pages()                    # what is stored
        wiki.count("create", "update")
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.fakes.fake_jira import Fault

API = "/wiki/rest/api/"
FIRST_ID = 65537


@dataclass
class Page:
    id: str
    title: str
    space: str
    body: str
    version: int = 1
    labels: list[str] = field(default_factory=list)
    ancestors: list[str] = field(default_factory=list)
    message: str = ""
    """The version's message."""


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class FakeConfluence:
    def __init__(
        self,
        *,
        user: str = "wiki-bot@example.com",
        token: str = "fake-confluence-token-9d4b7a",
        spaces: tuple[str, ...] = ("OPS",),
    ) -> None:
        self.user = user
        self.token = token
        self.spaces = set(spaces)
        self.stored: dict[str, Page] = {}
        self.indexed: set[str] = set()
        self.index_lag = False
        """New pages stay out of CQL search until `reindex()`."""
        self.rewrites = False
        """Store bodies rewritten, as Confluence does (here: the line breaks between tags
        dropped), so a body read back differs from the one sent."""
        self.requests: list[tuple[str, str, int]] = []
        """(kind, method, status) of every request."""
        self.authorizations: list[str] = []
        self.faults: list[Fault] = []
        self._next = FIRST_ID
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    # -- life ------------------------------------------------------------------

    def start(self) -> FakeConfluence:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/wiki"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeConfluence:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "DEBRIEF_CONFLUENCE_URL": self.url,
            "DEBRIEF_CONFLUENCE_USER": self.user,
            "DEBRIEF_CONFLUENCE_TOKEN": self.token,
            "DEBRIEF_CONFLUENCE_SPACE": "OPS",
            **extra,
        }

    # -- what tests look at ----------------------------------------------------

    def add_fault(self, endpoint: str, **kwargs: Any) -> Fault:
        """Kinds: space, search, by-title, get, create, update, label."""
        fault = Fault(endpoint, **kwargs)
        with self._lock:
            self.faults.append(fault)
        return fault

    def pages(self) -> list[Page]:
        with self._lock:
            return list(self.stored.values())

    def add_page(
        self, title: str, body: str = "<p>Written by hand.</p>", space: str = "OPS"
    ) -> Page:
        with self._lock:
            return self._store(title, space, body, [], [])

    def count(self, *kinds: str) -> int:
        with self._lock:
            return sum(1 for kind, _, _ in self.requests if not kinds or kind in kinds)

    def reindex(self) -> None:
        with self._lock:
            self.indexed = set(self.stored)

    # -- HTTP ------------------------------------------------------------------

    def handle(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        kind, route = self._route(handler.command, parts.path, query)
        with self._lock:
            self.authorizations.append(handler.headers.get("Authorization") or "")
            fault = next((f for f in self.faults if f.endpoint == kind and f.hits()), None)
            answer = self._authenticate(handler.headers.get("Authorization"))
            if answer is None and fault is not None and not fault.after_store:
                if fault.disconnect:
                    self.requests.append((kind, handler.command, 0))
                    handler.close_connection = True
                    return
                answer = _fault_answer(fault)
            if answer is None:
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = None
                answer = route(query, body) if route else Answer(404, _error(404, "Not found"))
                if fault is not None and fault.after_store:
                    if fault.disconnect:
                        self.requests.append((kind, handler.command, 0))
                        handler.close_connection = True
                        return
                    answer = _fault_answer(fault)
            self.requests.append((kind, handler.command, answer.status))
        _send(handler, answer)

    def _authenticate(self, header: str | None) -> Answer | None:
        ok = False
        if header and header.startswith("Basic "):
            user, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            ok = user == self.user and secret == self.token
        elif header and header.startswith("Bearer "):
            ok = header[7:] == self.token
        if ok:
            return None
        return Answer(401, _error(401, "This request requires authentication."))

    def _route(self, method: str, path: str, query: dict[str, str]) -> tuple[str, Any]:
        if not path.startswith(API):
            return "other", None
        rest = path[len(API) :].rstrip("/")
        parts = rest.split("/")
        if method == "GET" and parts[0] == "space" and len(parts) == 2:
            return "space", lambda q, b: self._space(parts[1])
        if method == "GET" and rest == "content/search":
            return "search", lambda q, b: self._search(q)
        if method == "GET" and rest == "content":
            return "by-title", lambda q, b: self._by_title(q)
        if method == "POST" and rest == "content":
            return "create", lambda q, b: self._create(b)
        if parts[0] == "content" and len(parts) == 2:
            if method == "GET":
                return "get", lambda q, b: self._get(parts[1], q)
            if method == "PUT":
                return "update", lambda q, b: self._update(parts[1], b)
        if method == "POST" and parts[0] == "content" and len(parts) == 3 and parts[2] == "label":
            return "label", lambda q, b: self._label(parts[1], b)
        return "other", None

    # -- endpoints ---------------------------------------------------------------

    def _space(self, key: str) -> Answer:
        if key not in self.spaces:
            return Answer(404, _error(404, f"No space found with key : {key}"))
        return Answer(200, {"key": key, "name": key, "type": "global"})

    def _search(self, query: dict[str, str]) -> Answer:
        wanted = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', query.get("cql", "")))
        found = [
            p
            for p in self.stored.values()
            if p.id in self.indexed
            and ("label" not in wanted or wanted["label"] in p.labels)
            and ("space" not in wanted or wanted["space"] == p.space)
            and ("title" not in wanted or wanted["title"] == p.title)
        ]
        return self._results(found, query)

    def _by_title(self, query: dict[str, str]) -> Answer:
        found = [
            p
            for p in self.stored.values()
            if p.space == query.get("spaceKey") and p.title == query.get("title")
        ]
        return self._results(found, query)

    def _get(self, page_id: str, query: dict[str, str]) -> Answer:
        page = self.stored.get(page_id)
        if page is None:
            return Answer(404, _error(404, f"No content found with id: {page_id}"))
        return Answer(200, self._json(page, query.get("expand", "")))

    def _create(self, body: Any) -> Answer:
        if not isinstance(body, dict) or body.get("type") != "page" or not body.get("title"):
            return Answer(400, _error(400, "A page needs a type and a title"))
        space = (body.get("space") or {}).get("key", "")
        if space not in self.spaces:
            return Answer(404, _error(404, f"No space found with key : {space}"))
        if self._title_taken(space, body["title"]):
            return Answer(409, _error(409, _TAKEN))
        labels = [str(x["name"]) for x in (body.get("metadata") or {}).get("labels") or []]
        ancestors = [str(a["id"]) for a in body.get("ancestors") or []]
        storage = self._rewritten(body["body"]["storage"]["value"])
        page = self._store(body["title"], space, storage, labels, ancestors)
        return Answer(200, self._json(page, "body.storage"))

    def _update(self, page_id: str, body: Any) -> Answer:
        page = self.stored.get(page_id)
        if page is None:
            return Answer(404, _error(404, f"No content found with id: {page_id}"))
        number = int((body.get("version") or {}).get("number") or 0)
        if number != page.version + 1:
            return Answer(
                409,
                _error(
                    409,
                    f"Version must be incremented on update. Current version is: {page.version}",
                ),
            )
        if body["title"] != page.title and self._title_taken(page.space, body["title"]):
            return Answer(409, _error(409, _TAKEN))
        page.title, page.version = body["title"], number
        page.message = str(body["version"].get("message") or "")
        page.body = self._rewritten(body["body"]["storage"]["value"])
        return Answer(200, self._json(page, "body.storage"))

    def _label(self, page_id: str, body: Any) -> Answer:
        page = self.stored.get(page_id)
        if page is None:
            return Answer(404, _error(404, f"No content found with id: {page_id}"))
        for label in body or []:
            if label["name"] not in page.labels:
                page.labels.append(label["name"])
        return Answer(200, {"results": [{"prefix": "global", "name": n} for n in page.labels]})

    # -- helpers -----------------------------------------------------------------

    def _store(
        self, title: str, space: str, body: str, labels: list[str], ancestors: list[str]
    ) -> Page:
        page = Page(str(self._next), title, space, body, 1, labels, ancestors)
        self._next += 1
        self.stored[page.id] = page
        if not self.index_lag:
            self.indexed.add(page.id)
        return page

    def _rewritten(self, storage: str) -> str:
        return storage.replace(">\n<", "><") if self.rewrites else storage

    def _title_taken(self, space: str, title: str) -> bool:
        return any(p.space == space and p.title == title for p in self.stored.values())

    def _results(self, pages: list[Page], query: dict[str, str]) -> Answer:
        expand = query.get("expand", "")
        results = [self._json(p, expand) for p in pages]
        return Answer(200, {"results": results, "start": 0, "limit": 25, "size": len(results)})

    def _json(self, page: Page, expand: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": page.id,
            "type": "page",
            "status": "current",
            "title": page.title,
            "space": {"key": page.space},
            "version": {"number": page.version, "message": page.message},
            "_links": {"base": self.url, "webui": f"/spaces/{page.space}/pages/{page.id}"},
        }
        if "body.storage" in expand:
            data["body"] = {"storage": {"value": page.body, "representation": "storage"}}
        if "metadata.labels" in expand:
            labels = [{"prefix": "global", "name": n} for n in page.labels]
            data["metadata"] = {"labels": {"results": labels, "size": len(labels)}}
        return data


_TAKEN = (
    "A page with this title already exists: A page already exists with the same TITLE in this space"
)


def _error(status: int, message: str) -> dict[str, Any]:
    return {"statusCode": status, "data": {"authorized": status != 401}, "message": message}


def _fault_answer(fault: Fault) -> Answer:
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
    messages = {429: "Rate limit exceeded", 401: "This request requires authentication."}
    return Answer(
        fault.status, _error(fault.status, messages.get(fault.status, "Server error")), headers
    )


def _send(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    data = b"" if answer.body is None else json.dumps(answer.body).encode()
    handler.send_response(answer.status)
    for name, value in answer.headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Type", "application/json;charset=UTF-8")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _dispatch(self) -> None:
        self.server.fake.handle(self)  # type: ignore[attr-defined]

    do_GET = do_POST = do_PUT = do_DELETE = _dispatch

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_confluence() -> Iterator[FakeConfluence]:
    with FakeConfluence() as server:
        yield server


@pytest.fixture
def confluence_env(
    fake_confluence: FakeConfluence, monkeypatch: pytest.MonkeyPatch
) -> FakeConfluence:
    """DEBRIEF_CONFLUENCE_* point at the fake Confluence, so the real CLI talks to it."""
    for name, value in fake_confluence.env().items():
        monkeypatch.setenv(name, value)
    return fake_confluence
