"""A configured URL as it may be shown: with its secrets masked.

Jira and Slack URLs come from the config or the environment and may carry secrets: a
`user:token@` part, a token in the query string, or (a Slack incoming webhook) a secret
path. Wherever such a URL is printed, logged, put in `--json`, shown in the app or put
in an error message, it goes through `redact_url()` first.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

MASK = "***"
UNREADABLE = "(a URL that cannot be read)"

_SECRET_PARAM = re.compile(
    r"token|key|sig|secret|pass|auth|credential|session|code|jwt|hmac|signature", re.I
)
_SECRET_PATH = re.compile(r"^(.*?/(?:services|workflows|triggers|hooks|webhooks))/.+$", re.I)
"""Slack's `/services/T…/B…/xxxx` (and its workflow and trigger URLs), generic webhook
paths: everything after the marker is the secret."""


def redact_url(url: str) -> str:
    """`url` with its secrets masked: `https://***@host`, `?token=***`, `/services/***`.

    Control characters and line breaks are made visible (it is meant to be shown); a
    URL that cannot even be split into its parts is not shown at all.
    """
    from debrief.literal import clean

    text = url.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return UNREADABLE
    masked = _masked(parts)
    return clean(text if masked == parts else urlunsplit(masked), single_line=True)


def without_userinfo(url: str) -> str:
    """`url` without a `user:password@` part (for a link put in a document); the rest
    unchanged. "" when the URL cannot be read."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018
    except ValueError:
        return ""
    return urlunsplit(parts._replace(netloc=_host(parts)))


def _masked(parts: SplitResult) -> SplitResult:
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{_host(parts)}"
    path = parts.path
    secret_path = _SECRET_PATH.match(path)
    if secret_path:
        path = f"{secret_path.group(1)}/{MASK}"
    query = "&".join(_param(p) for p in parts.query.split("&")) if parts.query else ""
    fragment = MASK if parts.fragment and _SECRET_PARAM.search(parts.fragment) else parts.fragment
    return parts._replace(netloc=netloc, path=path, query=query, fragment=fragment)


def _host(parts: SplitResult) -> str:
    """`host[:port]` of the netloc, without anything before an `@`."""
    return parts.netloc.rpartition("@")[2]


def _param(pair: str) -> str:
    name, eq, value = pair.partition("=")
    if eq and value and _SECRET_PARAM.search(name):
        return f"{name}={MASK}"
    return pair
