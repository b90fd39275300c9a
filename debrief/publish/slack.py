"""The announcement, posted to a Slack incoming webhook.

The webhook URL is a secret (it lets anyone post): it never appears in messages.
User text is escaped for Slack, so a title cannot mention @channel or add links.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from debrief.literal import clean
from debrief.models import Document

IMPACT_KEY = "impact"
IMPACT_LIMIT = 280
TIMEOUT = 10.0
ATTEMPTS = 4
MAX_RETRY_AFTER = 60.0
"""A longer Retry-After gives up with a sentence instead of waiting."""

sleep: Callable[[float], None] = time.sleep
"""How waiting is done (tests replace it to record the delays)."""


class SlackError(Exception):
    """The announcement failed: one sentence, without the webhook URL."""


def escape(text: str) -> str:
    """Slack's mrkdwn escaping: &, < and > only."""
    return (
        clean(text, single_line=True)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def announcement(doc: Document, keys: list[str], where: str) -> dict[str, Any]:
    """A short message: title, severity, impact, action items, where the document is."""
    pm = doc.postmortem
    head = f"*Post-mortem published: {escape(pm.title)}* ({escape(pm.id)}"
    head += f", {escape(pm.severity)})" if pm.severity else ")"
    lines = [head]
    impact = doc.section(IMPACT_KEY)
    if impact is not None and impact.body.strip():
        first = impact.body.strip().split("\n\n")[0]
        text = escape(first)
        if len(text) > IMPACT_LIMIT:
            text = text[: IMPACT_LIMIT - 1] + "…"
        lines.append(f"Impact: {text}")
    owned = len(doc.owned_actions)
    items = f"{owned} action item{'s' if owned != 1 else ''}"
    if keys:
        items += f" tracked in Jira ({', '.join(escape(k) for k in keys)})"
    aspirational = len(doc.aspirational_actions)
    if aspirational:
        items += f", {aspirational} more if we have time"
    lines.append(items)
    lines.append(f"Document: {escape(where)}")
    return {"text": "\n".join(lines)}


def post(webhook: str, payload: dict[str, Any], what: str = "the announcement") -> None:
    """POST the payload to an incoming webhook; SlackError on anything but a 2xx answer.

    Whatever goes wrong (a malformed URL, a refusal, no network) is one sentence that
    never holds the webhook's secret path.
    """
    webhook = webhook.strip()
    _check_url(webhook, "webhook")
    _send(webhook, payload, {}, what)


def post_api(api_url: str, token: str, payload: dict[str, Any], what: str) -> None:
    """chat.postMessage with a bot token; SlackError unless Slack answers ok."""
    url = api_url.strip().rstrip("/") + "/chat.postMessage"
    _check_url(url, "API")
    answer = _send(url, payload, {"Authorization": f"Bearer {token.strip()}"}, what)
    try:
        data = json.loads(answer)
    except ValueError:
        raise SlackError(f"Slack gave an unreadable answer to {what}") from None
    if not isinstance(data, dict) or not data.get("ok"):
        error = data.get("error") if isinstance(data, dict) else ""
        raise SlackError(
            f"Slack refused {what} ({clean(str(error or 'no reason'), single_line=True)})"
        )


def _check_url(url: str, kind: str) -> None:
    from debrief.links import link_problem

    if not url.lower().startswith(("https://", "http://")):
        raise SlackError(f"the Slack {kind} is not an http(s) URL")
    problem = link_problem(url)
    if problem:
        raise SlackError(f"the Slack {kind} URL {problem}")


def _send(url: str, payload: dict[str, Any], headers: dict[str, str], what: str) -> bytes:
    """POST JSON; a 429 is retried after the Retry-After Slack asks for (up to a cap)."""
    from debrief.publish.jira_errors import retry_after

    for attempt in range(1, ATTEMPTS + 1):
        try:
            request = urllib.request.Request(
                url,
                data=json.dumps(payload).encode(),
                headers={"Content-Type": "application/json; charset=utf-8", **headers},
                method="POST",
            )
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                return bytes(answer.read())
        except urllib.error.HTTPError as exc:
            detail = exc.read(200).decode("utf-8", "replace").strip()
            if exc.code == 429 and attempt < ATTEMPTS:
                asked = retry_after(exc.headers.get("Retry-After") or "")
                delay = 1.0 if asked is None else asked
                if delay > MAX_RETRY_AFTER:
                    raise SlackError(
                        f"Slack asks to wait {delay:.0f} seconds before {what} can be posted "
                        "(rate limit)"
                    ) from None
                sleep(delay)
                continue
            raise SlackError(
                f"Slack refused {what} (HTTP {exc.code}"
                f"{': ' + clean(detail, single_line=True) if detail else ''})"
            ) from None
        except urllib.error.URLError as exc:
            reason = _reason(exc.reason) if isinstance(exc.reason, BaseException) else ""
            raise SlackError(
                f"could not reach Slack ({reason or 'the connection failed'})"
            ) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise SlackError(f"could not reach Slack ({_reason(exc)})") from None
    raise SlackError(f"Slack kept limiting the request rate; {what} was not posted")


def _reason(exc: BaseException) -> str:
    """What went wrong, in words that hold no part of the URL."""
    if isinstance(exc, TimeoutError | socket.timeout):
        return "it did not answer in time"
    if isinstance(exc, socket.gaierror):
        return "the host name could not be resolved"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, ssl.SSLError):
        return "its TLS certificate could not be verified"
    if isinstance(exc, http.client.InvalidURL | ValueError):
        return "the webhook URL is malformed"
    return "the connection failed"
