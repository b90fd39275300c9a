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


def post(webhook: str, payload: dict[str, Any]) -> None:
    """POST the payload as JSON; SlackError on anything but a 2xx answer.

    Whatever goes wrong (a malformed URL, a refusal, no network) is one sentence that
    never holds the webhook's secret path.
    """
    from debrief.links import link_problem

    webhook = webhook.strip()
    if not webhook.lower().startswith(("https://", "http://")):
        raise SlackError("the Slack webhook is not an http(s) URL")
    problem = link_problem(webhook)
    if problem:
        raise SlackError(f"the Slack webhook URL {problem}")
    try:
        request = urllib.request.Request(
            webhook,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            answer.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(200).decode("utf-8", "replace").strip()
        raise SlackError(
            f"Slack refused the announcement (HTTP {exc.code}"
            f"{': ' + clean(detail, single_line=True) if detail else ''})"
        ) from None
    except urllib.error.URLError as exc:
        reason = _reason(exc.reason) if isinstance(exc.reason, BaseException) else ""
        raise SlackError(f"could not reach Slack ({reason or 'the connection failed'})") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise SlackError(f"could not reach Slack ({_reason(exc)})") from None


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
