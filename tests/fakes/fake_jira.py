"""A Jira that answers like Jira does (REST API v2), in memory, on 127.0.0.1.

Tests drive it only through the real `jira` client over HTTP. It holds issues,
users and projects; counts requests per endpoint; and injects faults (an error
before or after storing, a dropped connection, 429 with Retry-After, 401). Like a
real Jira under load, a create can be slow (`create_delay`: the issue is stored
after the delay even when the client has given up) and the search index can lag
(`search_lag`: a new issue is not found by JQL for that long; GET by key finds it).
A test can also hold creates in flight until it lets them go (`hold_creates`).

    with FakeJira() as jira:            # or the `fake_jira` fixture
        env = jira.env()                # DEBRIEF_JIRA_* for the CLI
        jira.add_fault("create", nth=1, status=500, after_store=True)
        ...
        jira.count("create", "bulk-create", "search")
        jira.set_status("OPS-1", "Done")
        jira.create_delay, jira.search_lag = 2.0, 1.5
        jira.hold_creates(after=1)      # the 2nd create on waits for release_creates()
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.fakes.fake_jira_api import Answer, JiraEndpoints
from tests.fakes.fake_jira_state import FIELDS, STATUSES, error_body

API = "/rest/api/2/"


@dataclass
class Fault:
    """Answer `status` to the nth..nth+times-1 request of `endpoint` (times=0: from nth on)."""

    endpoint: str
    nth: int = 1
    status: int = 500
    after_store: bool = False
    """Do the work first, then answer with the error (the answer is lost)."""
    disconnect: bool = False
    """Close the connection without answering instead of sending `status`."""
    retry_after: int | None = None
    times: int = 1
    seen: int = 0

    def hits(self) -> bool:
        self.seen += 1
        if self.seen < self.nth:
            return False
        return self.times == 0 or self.seen < self.nth + self.times


@dataclass
class Request:
    method: str
    path: str
    endpoint: str
    status: int = 0
    jql: str = ""
    """For a search: its JQL."""


class FakeJira(JiraEndpoints):
    """The server: start() (or `with`), then point the client at `.url`."""

    def __init__(
        self,
        *,
        deployment: str = "Server",
        project: str = "OPS",
        user: str = "bot@example.com",
        token: str = "fake-jira-token-5f1c2e",
        max_results: int = 100,
        latency: float = 0.0,
        create_delay: float = 0.0,
        search_lag: float = 0.0,
    ) -> None:
        super().__init__(deployment=deployment, project=project, search_lag=search_lag)
        self.user = user
        self.token = token
        self.max_results = max_results
        self.latency = latency
        """Seconds each answer takes (to watch progress in a terminal)."""
        self.create_delay = create_delay
        """Seconds a create (single or bulk) works before storing; the issues are stored
        even when the client has stopped waiting or gone away."""
        self.requests: list[Request] = []
        self.in_flight = 0
        """Creates received and not yet done (held or slow)."""
        self._creates_go = threading.Event()
        self._creates_go.set()
        self._let_through = 0
        self.faults: list[Fault] = []
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life ------------------------------------------------------------------

    def start(self) -> FakeJira:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release_creates()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeJira:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def env(self, **extra: str) -> dict[str, str]:
        """The DEBRIEF_JIRA_* variables that point debrief at this server."""
        return {
            "DEBRIEF_JIRA_URL": self.url,
            "DEBRIEF_JIRA_USER": self.user,
            "DEBRIEF_JIRA_TOKEN": self.token,
            "DEBRIEF_JIRA_PROJECT": self.project_key,
            **extra,
        }

    # -- what tests look at ----------------------------------------------------

    def add_fault(self, endpoint: str, **kwargs: Any) -> Fault:
        """Inject a fault; `endpoint` is a request kind (see `count`) or "create" for both creates."""
        fault = Fault(endpoint, **kwargs)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def count(self, *endpoints: str) -> int:
        """Requests to these kinds: serverInfo, myself, field, project, user-search, create,
        bulk-create, search, issue-get, issue-update, issue-delete (none given: all)."""
        with self._lock:
            return sum(1 for r in self.requests if not endpoints or r.endpoint in endpoints)

    def hold_creates(self, after: int = 0) -> None:
        """Let `after` more creates through, then hold each one (received, not stored)
        until `release_creates`, as a Jira stuck on them would."""
        with self._lock:
            self._let_through = after
            self._creates_go.clear()

    def release_creates(self) -> None:
        self._creates_go.set()

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- HTTP ------------------------------------------------------------------

    def handle(self, handler: _Handler, method: str) -> None:
        parts = urlsplit(handler.path)
        path, query = parts.path, parse_qs(parts.query)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        endpoint, route = self._route(method, path)
        request = Request(method, path, endpoint, jql=_jql(endpoint, query, raw))
        creating = endpoint in ("create", "bulk-create")
        with self._lock:
            self.requests.append(request)
            self.in_flight += creating
            held = creating and not self._creates_go.is_set() and self._let_through <= 0
            self._let_through -= creating
        try:
            if held:
                self._creates_go.wait(timeout=60)
            if creating and self.create_delay:
                time.sleep(self.create_delay)  # outside the lock: searches go on meanwhile
            self._answer(handler, endpoint, route, query, raw, request)
        finally:
            with self._lock:
                self.in_flight -= creating

    def _answer(
        self,
        handler: _Handler,
        endpoint: str,
        route: Any,
        query: dict[str, list[str]],
        raw: bytes,
        request: Request,
    ) -> None:
        with self._lock:
            fault = next((f for f in self.faults if self._fault_applies(f, endpoint)), None)
            answer = self._authenticate(handler.headers.get("Authorization"), endpoint)
            if answer is None and fault is not None and not fault.after_store:
                answer = _fault_answer(fault)
                if fault.disconnect:
                    handler.close_connection = True
                    return
            if answer is None:
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    body = None
                if body is None:
                    answer = Answer(400, error_body("Unexpected character in the request body."))
                else:
                    answer = route(query, body) if route else Answer(404, error_body("Not found"))
                if fault is not None and fault.after_store:
                    if fault.disconnect:
                        handler.close_connection = True
                        return
                    answer = _fault_answer(fault)
            request.status = answer.status
        if self.latency:
            time.sleep(self.latency)
        try:
            _send(handler, answer)
        except OSError:  # the client stopped waiting (timeout) or was killed
            handler.close_connection = True

    def _fault_applies(self, fault: Fault, endpoint: str) -> bool:
        kinds = {"create", "bulk-create"} if fault.endpoint == "create" else {fault.endpoint}
        return endpoint in kinds and fault.hits()

    def _authenticate(self, header: str | None, endpoint: str) -> Answer | None:
        ok: bool | None = None
        if header and header.startswith("Basic "):
            user, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            ok = user == self.user and secret == self.token
        elif header and header.startswith("Bearer "):
            ok = header[7:] == self.token
        if ok or (ok is None and endpoint == "serverInfo"):
            return None
        return Answer(
            401,
            error_body(
                "You are not authenticated. Authentication required to perform this operation."
            ),
            {"X-Seraph-LoginReason": "AUTHENTICATED_FAILED", "WWW-Authenticate": "Basic"},
        )

    def _route(self, method: str, path: str) -> tuple[str, Any]:
        if not path.startswith(API):
            return "other", None
        rest = path[len(API) :].rstrip("/")
        head, _, tail = rest.partition("/")
        simple = {
            ("GET", "serverInfo"): ("serverInfo", self._server_info),
            ("GET", "myself"): ("myself", lambda q, b: Answer(200, self.user_json(self.me()))),
            ("GET", "field"): ("field", lambda q, b: Answer(200, FIELDS)),
            ("GET", "user/search"): ("user-search", self._user_search),
            ("POST", "issue"): ("create", self._create_one),
            ("POST", "issue/bulk"): ("bulk-create", self._create_bulk),
            ("GET", "search"): ("search", self._search_get),
            ("POST", "search"): ("search", lambda q, b: self._search(b)),
            ("GET", "search/jql"): ("search", self._search_get),
            ("POST", "search/jql"): ("search", lambda q, b: self._search(b)),
        }
        if (method, rest) in simple:
            return simple[(method, rest)]
        if head == "project" and method == "GET" and tail:
            return "project", lambda q, b: self._project(tail)
        if head == "issue" and tail and "/" not in tail:
            kinds = {"GET": "issue-get", "PUT": "issue-update", "DELETE": "issue-delete"}
            if method in kinds:
                return kinds[method], lambda q, b: self._issue(method, tail, q, b)
        return "other", None


def _jql(endpoint: str, query: dict[str, list[str]], raw: bytes) -> str:
    if endpoint != "search":
        return ""
    try:
        body = json.loads(raw) if raw else {}
    except ValueError:
        body = {}
    posted = body.get("jql") if isinstance(body, dict) else None
    return str(posted or (query.get("jql") or [""])[0])


def _fault_answer(fault: Fault) -> Answer:
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
    messages = {429: "Rate limit exceeded.", 401: "Authentication failed."}
    return Answer(
        fault.status, error_body(messages.get(fault.status, "Internal server error")), headers
    )


def _send(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    data = b"" if answer.body is None else json.dumps(answer.body).encode()
    handler.send_response(answer.status)
    for name, value in answer.headers.items():
        handler.send_header(name, value)
    if data:
        handler.send_header("Content-Type", "application/json;charset=UTF-8")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _dispatch(self) -> None:
        self.server.fake.handle(self, self.command)  # type: ignore[attr-defined]

    do_GET = do_POST = do_PUT = do_DELETE = _dispatch

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_jira() -> Iterator[FakeJira]:
    """A running fake Jira (Server flavour, project OPS, users alice, Bob Brown, carol)."""
    with FakeJira() as server:
        yield server


__all__ = ["STATUSES", "FakeJira", "Fault", "Request", "fake_jira", "jira_env"]


@pytest.fixture
def jira_env(fake_jira: FakeJira, monkeypatch: pytest.MonkeyPatch) -> FakeJira:
    """DEBRIEF_JIRA_* point at the fake Jira, so the real CLI talks to it."""
    for name, value in fake_jira.env().items():
        monkeypatch.setenv(name, value)
    return fake_jira
