"""Confluence's REST API (`/rest/api/content`, the same on Cloud and Data Center) through
`requests`: retries, and errors as one sentence.

`requests` is already installed with the `jira` client; a whole client library
(atlassian-python-api) would add a dependency for the five calls used here, and it
retries by itself in ways this module must control (a create is never re-sent blindly).
Reads and version-numbered updates are retried on 429 (honouring Retry-After, up to a
cap) and 5xx; a create is retried only on 429, which means nothing was stored.

Credentials go in the Authorization header only; no error text ever includes a
request's headers or the token.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from debrief.config import ConfluenceConfig
from debrief.publish import PublishError
from debrief.publish.jira_errors import backoff, connection_reason, retry_after, short
from debrief.redact import redact_url

if TYPE_CHECKING:
    import requests

ATTEMPTS = 5
MAX_RETRY_AFTER = 120.0
"""A longer Retry-After stops the publish with a sentence instead of waiting."""
CONNECT_TIMEOUT = 10.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

sleep: Callable[[float], None] = time.sleep
"""How waiting is done (tests replace it to record the delays)."""


class NotFound(Exception):
    """HTTP 404."""


class Conflict(Exception):
    """HTTP 409 (or a 400 about the title): Confluence's message."""


class LostAnswer(Exception):
    """A create whose answer never came (or came as 5xx): it may have been stored."""


def check_config(config: ConfluenceConfig) -> None:
    """Refuse, in one sentence, a [confluence] configuration that cannot work."""
    missing = [
        env
        for env, value in (
            ("DEBRIEF_CONFLUENCE_URL", config.url),
            ("DEBRIEF_CONFLUENCE_SPACE", config.space),
            ("DEBRIEF_CONFLUENCE_TOKEN", config.token.get_secret_value()),
        )
        if not value.strip()
    ]
    if config.auth == "basic" and not config.user.strip():
        missing.append("DEBRIEF_CONFLUENCE_USER")
    if missing:
        raise PublishError(
            f"Confluence is not configured: set {', '.join(missing)} "
            "(or the [confluence] table of the config file)"
        )
    if config.auth not in ("basic", "pat"):
        raise PublishError(
            f"unknown Confluence auth mode {config.auth!r}: use basic (user + API token) "
            "or pat (Data Center personal access token)"
        )
    if not config.url.startswith(("http://", "https://")):
        raise PublishError(
            f"the Confluence URL must start with https:// (got {redact_url(config.url)!r})"
        )


class ConfluenceSession:
    """One connection to Confluence for one publish."""

    def __init__(
        self, config: ConfluenceConfig, on_wait: Callable[[str], None] | None = None
    ) -> None:
        import requests

        check_config(config)
        self.config = config
        self.base = config.url.rstrip("/")
        self.shown = redact_url(self.base)
        self.on_wait = on_wait
        self.http = requests.Session()  # proxies from the environment apply, as for Jira
        token = config.token.get_secret_value()
        # An auth object either way, so that no ~/.netrc entry replaces the credentials.
        self.http.auth = _Bearer(token) if config.auth == "pat" else (config.user, token)
        self.http.headers["Accept"] = "application/json"
        self.http.headers["X-Atlassian-Token"] = "no-check"

    def close(self) -> None:
        self.http.close()

    def get(self, path: str, what: str, **params: Any) -> dict[str, Any]:
        return self.send("GET", path, what, params=params)

    def send(
        self,
        method: str,
        path: str,
        what: str,
        params: dict[str, Any] | None = None,
        body: Any = None,
        create: bool = False,
    ) -> dict[str, Any]:
        """One request, retried as it safely can be; its JSON answer (or {})."""
        import requests

        for attempt in range(1, ATTEMPTS + 1):
            try:
                answer = self.http.request(
                    method,
                    f"{self.base}/rest/api/{path}",
                    params=params,
                    json=body,
                    timeout=(min(CONNECT_TIMEOUT, self.config.timeout), self.config.timeout),
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                if create and not isinstance(exc, requests.ConnectTimeout):
                    raise LostAnswer(connection_reason(exc)) from None
                if attempt == ATTEMPTS:
                    raise PublishError(
                        f"cannot reach Confluence at {self.shown} to {what}: "
                        f"{connection_reason(exc)}"
                    ) from None
                self.wait(backoff(attempt), what, "did not answer")
                continue
            status = answer.status_code
            if status < 300:
                return _json(answer)
            if status in RETRY_STATUSES and attempt < ATTEMPTS:
                if create and status != 429:
                    raise LostAnswer(f"HTTP {status}")
                self.wait(self.delay(answer, attempt), what, _reason(status))
                continue
            raise self.explain(answer, what)
        raise AssertionError("unreachable")

    def delay(self, answer: requests.Response, attempt: int) -> float:
        header = answer.headers.get("Retry-After")
        delay = retry_after(header) if header else None
        if delay is None:
            return backoff(attempt)
        if delay > MAX_RETRY_AFTER:
            raise PublishError(
                f"Confluence at {self.shown} asks to wait {delay:.0f} seconds before the next "
                "request (rate limit); publish again later, nothing is duplicated"
            )
        return delay

    def wait(self, delay: float, what: str, reason: str) -> None:
        if self.on_wait is not None:
            self.on_wait(f"Confluence {reason}; trying to {what} again in {delay:.0f} s")
        sleep(delay)

    def explain(self, answer: requests.Response, what: str) -> Exception:
        status = answer.status_code
        message = _message(answer)
        if status == 404:
            return NotFound(message)
        if status == 409 or (status == 400 and "title" in message.lower()):
            return Conflict(message)
        if status == 401:
            who = (
                "the personal access token"
                if self.config.auth == "pat"
                else f"the credentials of {self.config.user}"
            )
            return PublishError(
                f"Confluence at {self.shown} rejected {who}; check DEBRIEF_CONFLUENCE_USER and "
                "DEBRIEF_CONFLUENCE_TOKEN (or [confluence] auth = pat for a personal access token)"
            )
        if status == 403:
            return PublishError(f"Confluence at {self.shown} refused to {what}: {short(message)}")
        if 300 <= status < 400:
            return PublishError(
                f"Confluence at {self.shown} redirects (HTTP {status}); check the URL "
                "(Cloud sites end in /wiki)"
            )
        return PublishError(
            f"Confluence at {self.shown} could not {what} (HTTP {status}): {short(message)}"
        )


class _Bearer:
    """A personal access token in the Authorization header (Data Center)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def __repr__(self) -> str:
        return "_Bearer(***)"


def _reason(status: int) -> str:
    return "is limiting the request rate (HTTP 429)" if status == 429 else f"answered HTTP {status}"


def _json(answer: requests.Response) -> dict[str, Any]:
    if not answer.content:
        return {}
    try:
        data = answer.json()
    except ValueError:
        raise PublishError("Confluence gave an answer that is not JSON; check the URL") from None
    return data if isinstance(data, dict) else {"results": data}


def _message(answer: requests.Response) -> str:
    try:
        data = answer.json()
    except ValueError:
        return answer.text[:200]
    if isinstance(data, dict):
        return str(data.get("message") or data.get("reason") or "")
    return ""
