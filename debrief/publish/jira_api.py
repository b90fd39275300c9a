"""Jira through the real `jira` client: connecting, retrying, and one-sentence errors.

The client's own retry loop is switched off (max_retries=0): it sleeps 20–60 s on
a refused connection and retries creates blindly. Here reads are retried on 429
(honouring Retry-After) and 5xx with exponential backoff; a create whose answer
may have been lost is never simply re-sent (see `tickets`).

Never turn a JIRAError into text with str(): it includes the request headers,
and so the credentials. Only its status code and Jira's own messages are shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from debrief.config import JiraConfig
from debrief.publish import PublishError
from debrief.publish.jira_errors import (
    FieldsRefused,
    MaybeStored,
    NotFound,
    TicketGone,
    UnclearAnswer,
    backoff,
    check_config,
    connection_reason,
    field_errors,
    quoted,
    retry_after,
    short,
    status_reason,
)
from debrief.redact import redact_url

if TYPE_CHECKING:
    from jira import JIRA
    from jira.resources import Issue

T = TypeVar("T")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ATTEMPTS = 5
MAX_RETRY_AFTER = 120.0
CONNECT_TIMEOUT = 10.0
"""Seconds to open a connection (the answer's time-out is [jira] timeout)."""
SEARCH_FIELDS = "summary,labels,duedate,assignee,priority,status,created"
LABELS_PER_SEARCH = 200
"""Labels per JQL query (sent by POST, so its length is not limited by a URL)."""

sleep: Callable[[float], None] = time.sleep
"""How waiting is done (tests replace it to record the delays)."""


@dataclass(frozen=True)
class Assignee:
    ref: dict[str, str] | None
    """The assignee field to send, or None: leave unassigned."""
    id: str = ""
    """User name (Server) or account id (Cloud); empty when unassigned."""
    note: str = ""
    """Why the ticket is unassigned, when it is."""


class JiraSession:
    """One connection to Jira for one publish (or sync)."""

    def __init__(self, config: JiraConfig, on_wait: Callable[[str], None] | None = None) -> None:
        self.config = config
        self.url = redact_url(config.url.rstrip("/"))
        self.on_wait = on_wait
        self.client: JIRA | None = None
        self.cloud = False
        self._users: dict[str, Assignee] = {}

    # -- connecting --------------------------------------------------------------

    def connect(self) -> None:
        """Reach the server, check the credentials and the project; one sentence if not."""
        from jira import JIRA

        check_config(self.config)
        token = self.config.token.get_secret_value()
        auth: dict[str, Any] = (
            {"token_auth": token}
            if self.config.auth == "pat"
            else {"basic_auth": (self.config.user, token)}
        )

        def open_client() -> JIRA:
            try:
                return JIRA(
                    self.config.url,
                    max_retries=0,
                    timeout=(min(CONNECT_TIMEOUT, self.config.timeout), self.config.timeout),
                    logging=False,
                    **auth,
                )
            except (ValueError, KeyError, TypeError):
                raise PublishError(f"{self.url} does not answer like a Jira server") from None

        self.client = self.call("connect", open_client)
        self.cloud = self.client.deploymentType == "Cloud"
        self.call("check the credentials", self.client.myself)
        try:
            self.call("find the project", lambda: self._jira.project(self.config.project))
        except NotFound:
            who = f"{self.config.user} cannot see it" if self.config.user else "it is hidden"
            raise PublishError(
                f"Jira at {self.url} has no project {self.config.project!r} (or {who}); "
                "check DEBRIEF_JIRA_PROJECT or [jira] project"
            ) from None

    @property
    def _jira(self) -> JIRA:
        assert self.client is not None, "connect() first"
        return self.client

    # -- calls with retries ----------------------------------------------------

    def call(self, what: str, fn: Callable[[], T]) -> T:
        """Run an idempotent request, retrying 429 and 5xx; errors become PublishError."""
        from jira.exceptions import JIRAError
        from requests import RequestException

        for attempt in range(1, ATTEMPTS + 1):
            try:
                return fn()
            except JIRAError as exc:
                delay = self.retry_delay(exc.status_code, exc.response, attempt)
                if delay is None or attempt == ATTEMPTS:
                    raise self.explain(exc.status_code, exc.text, what, exc.response) from None
                reason = status_reason(exc.status_code)
            except RequestException as exc:
                if self.client is None:
                    raise PublishError(
                        f"cannot reach Jira at {self.url}: {connection_reason(exc)}"
                    ) from None
                if attempt == ATTEMPTS:
                    raise PublishError(
                        f"lost the connection to Jira at {self.url} while trying to {what}: "
                        f"{connection_reason(exc)}"
                    ) from None
                delay, reason = backoff(attempt), "did not answer"
            self.wait(delay, what, reason)
        raise AssertionError("unreachable")

    def retry_delay(self, status: int | None, response: Any, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when retrying cannot help."""
        if status not in RETRY_STATUSES:
            return None
        header = response.headers.get("Retry-After") if response is not None else None
        if header:
            delay = retry_after(header)
            if delay is not None:
                if delay > MAX_RETRY_AFTER:
                    raise PublishError(
                        f"Jira at {self.url} asks to wait {delay:.0f} seconds before the next "
                        "request (rate limit); publish again later, nothing is duplicated"
                    )
                return delay
        return backoff(attempt)

    def tell(self, message: str) -> None:
        """Say what publish is waiting for (one line)."""
        if self.on_wait is not None:
            self.on_wait(message)

    def wait(self, delay: float, what: str, reason: str = "is busy") -> None:
        if self.on_wait is not None:
            self.on_wait(f"Jira {reason}; trying to {what} again in {delay:.0f} s")
        sleep(delay)

    def explain(
        self, status: int | None, text: str | None, what: str, response: Any = None
    ) -> Exception:
        if status == 404:
            return NotFound(text or "")
        if status == 400:
            errors = field_errors(response)
            return FieldsRefused(f"Jira refused to {what}: {short(text)}", errors)
        if status == 401:
            who = (
                "the personal access token"
                if self.config.auth == "pat"
                else f"the credentials of {self.config.user}"
            )
            return PublishError(
                f"Jira at {self.url} rejected {who}; check DEBRIEF_JIRA_USER and "
                "DEBRIEF_JIRA_TOKEN (or [jira] auth = pat for a personal access token)"
            )
        if status == 403:
            return PublishError(f"Jira at {self.url} refused to {what}: {short(text)}")
        code = f"HTTP {status}" if status else "no answer"
        return PublishError(f"Jira at {self.url} could not {what} ({code}): {short(text)}")

    # -- operations --------------------------------------------------------------

    def find_by_labels(self, labels: list[str]) -> dict[str, list[Issue]]:
        """Tickets carrying each label (any project), oldest first, in as few searches as
        possible."""
        found: dict[str, list[Issue]] = {}
        wanted = set(labels)
        for start in range(0, len(labels), LABELS_PER_SEARCH):
            chunk = labels[start : start + LABELS_PER_SEARCH]
            jql = f"labels in ({', '.join(quoted(x) for x in chunk)}) ORDER BY key ASC"
            issues = self.call(
                "look for existing tickets",
                lambda jql=jql: self._jira.search_issues(  # type: ignore[misc]
                    jql, maxResults=False, fields=SEARCH_FIELDS, use_post=True
                ),
            )
            for issue in issues:
                for label in issue.raw["fields"].get("labels") or []:
                    if label in wanted:
                        found.setdefault(label, []).append(issue)
        for same in found.values():
            same.sort(key=_age)
        return found

    def create(self, field_list: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Bulk create (≤ 50); raises MaybeStored when the outcome is unknown."""
        from jira.exceptions import JIRAError
        from requests import ConnectionError, ConnectTimeout, RequestException

        try:
            return self._jira.create_issues(field_list, prefetch=False)
        except (KeyError, TypeError, IndexError):
            raise UnclearAnswer(
                f"Jira at {self.url} gave an unexpected answer to a bulk create"
            ) from None
        except JIRAError as exc:
            delay = self.retry_delay(exc.status_code, exc.response, 1)
            if delay is None:
                raise self.explain(
                    exc.status_code, exc.text, "create tickets", exc.response
                ) from None
            raise MaybeStored(
                delay, stored=exc.status_code != 429, reason=status_reason(exc.status_code)
            ) from None
        except (ConnectTimeout, ConnectionError) as exc:
            stored = not isinstance(exc, ConnectTimeout)
            raise MaybeStored(
                backoff(1), stored=stored, reason="did not answer", answered=False
            ) from None
        except RequestException:
            raise MaybeStored(
                backoff(1), stored=True, reason="did not answer in time", answered=False
            ) from None

    def issue(self, key: str) -> Issue:
        try:
            return self.call(f"read {key}", lambda: self._jira.issue(key, fields=SEARCH_FIELDS))
        except NotFound:
            raise TicketGone(key) from None

    def update(self, issue: Issue, fields: dict[str, Any]) -> None:
        try:
            self.call(f"update {issue.key}", lambda: issue.update(fields=fields))
        except NotFound:
            raise TicketGone(issue.key) from None

    def assignee(self, owner: str) -> Assignee:
        """The Jira user for an owner: the [jira.users] mapping, else a user search."""
        key = owner.strip().lower()
        if key not in self._users:
            self._users[key] = self._resolve(owner.strip())
        return self._users[key]

    def assignee_ref(self, user_id: str) -> dict[str, str]:
        return {"accountId": user_id} if self.cloud else {"name": user_id}

    def _resolve(self, owner: str) -> Assignee:
        mapped = {k.strip().lower(): v for k, v in self.config.users.items()}
        if owner.lower() in mapped:
            user_id = mapped[owner.lower()]
            return Assignee(self.assignee_ref(user_id), user_id)
        if not owner:
            return Assignee(None, note="the item has no owner")
        users = self.call(
            f"look up the Jira user {owner!r}",
            lambda: (
                self._jira.search_users(query=owner)
                if self.cloud
                else self._jira.search_users(user=owner)
            ),
        )
        matches: dict[str, Any] = {}
        for user in users:
            raw = user.raw
            names = {str(raw.get(k, "")).lower() for k in ("name", "displayName", "emailAddress")}
            user_id = str(raw.get("accountId" if self.cloud else "name") or "")
            if owner.lower() in names and user_id:
                matches[user_id] = raw
        if len(matches) == 1:
            (only,) = matches
            return Assignee(self.assignee_ref(only), only)
        if not matches:
            return Assignee(None, note=f"no Jira user matches “{owner}”; not assigned")
        return Assignee(
            None,
            note=f"{len(matches)} Jira users match “{owner}”; not assigned "
            "(map the owner in [jira.users])",
        )


def _age(issue: Issue) -> tuple[str, str, int]:
    """Sort key, oldest first: creation time (as UTC text), then project and number."""
    from datetime import UTC, datetime

    created = str(issue.raw["fields"].get("created") or "")
    try:
        when = datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%f%z").astimezone(UTC).isoformat()
    except ValueError:
        when = ""
    project, _, number = issue.key.rpartition("-")
    return when, project, int(number) if number.isdigit() else 0
