"""What can go wrong talking to Jira, and the small helpers that put it in one sentence."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from typing import Any

from debrief.config import JiraConfig
from debrief.publish import PublishError
from debrief.redact import redact_url

BASE_DELAY = 1.0
MAX_BACKOFF = 30.0


class MaybeStored(Exception):
    """A create failed in a way that Jira may nevertheless have stored (5xx, lost answer).

    `stored` False: Jira cannot have stored it (429, no connection made). `answered`:
    Jira sent an answer (5xx), so it is done with the request; when it did not (a time-out,
    a dropped connection), it may still be working on it.
    """

    def __init__(self, delay: float, stored: bool, reason: str, answered: bool = True) -> None:
        super().__init__("create interrupted")
        self.delay = delay
        self.stored = stored
        self.reason = reason
        self.answered = answered


class UnclearAnswer(PublishError):
    """Jira answered a create with something unreadable: it may have stored the tickets."""


class TicketGone(Exception):
    """The ticket behind a key no longer exists (or is hidden from this user)."""


class FieldsRefused(PublishError):
    """Jira refused some fields of a ticket (HTTP 400): field → Jira's message."""

    def __init__(self, message: str, errors: dict[str, str]) -> None:
        super().__init__(message)
        self.errors = errors


def check_config(
    jira: JiraConfig, alone: str = "or publish the document alone with --no-jira"
) -> None:
    """Refuse, in one sentence, a [jira] configuration that cannot work.

    `alone` ends the sentence about missing settings: how to publish without Jira.
    """
    missing = [
        env
        for env, value in (
            ("DEBRIEF_JIRA_URL", jira.url),
            ("DEBRIEF_JIRA_PROJECT", jira.project),
            ("DEBRIEF_JIRA_TOKEN", jira.token.get_secret_value()),
        )
        if not value.strip()
    ]
    if jira.auth == "basic" and not jira.user.strip():
        missing.append("DEBRIEF_JIRA_USER")
    if missing:
        raise PublishError(
            f"Jira is not configured: set {', '.join(missing)} (or the [jira] table of the "
            f"config file), {alone}"
        )
    if jira.auth not in ("basic", "pat"):
        raise PublishError(
            f"unknown Jira auth mode {jira.auth!r}: use basic (Cloud e-mail + API token) "
            "or pat (Server/Data Center personal access token)"
        )
    if not jira.url.startswith(("http://", "https://")):
        raise PublishError(f"the Jira URL must start with https:// (got {redact_url(jira.url)!r})")


class NotFound(Exception):
    """HTTP 404 from Jira."""


def status_reason(status: int | None) -> str:
    if status == 429:
        return "is limiting the request rate (HTTP 429)"
    return f"answered HTTP {status}"


def field_errors(response: Any) -> dict[str, str]:
    try:
        errors = response.json().get("errors") or {}
    except (AttributeError, ValueError):
        return {}
    return {str(k): str(v) for k, v in errors.items()} if isinstance(errors, dict) else {}


def backoff(attempt: int) -> float:
    return min(MAX_BACKOFF, BASE_DELAY * 2 ** (attempt - 1)) * random.uniform(0.8, 1.2)


def retry_after(header: str) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def quoted(label: str) -> str:
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'


def short(text: str | None, limit: int = 200) -> str:
    one_line = " ".join((text or "no details").split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def connection_reason(exc: Exception) -> str:
    from requests import ConnectTimeout, ReadTimeout
    from requests.exceptions import SSLError

    text = repr(exc).lower()
    if isinstance(exc, ConnectTimeout | ReadTimeout):
        return "it did not answer in time"
    if isinstance(exc, SSLError):
        return "its TLS certificate could not be verified"
    if (
        "name or service not known" in text
        or "nodename nor servname" in text
        or "getaddrinfo" in text
    ):
        return "the host name could not be resolved"
    if "refused" in text:
        return "the connection was refused"
    return "the connection failed"
