"""The announcement, posted to a Slack incoming webhook.

The webhook URL is a secret (it lets anyone post): it never appears in messages.
User text is escaped for Slack, so a title cannot mention @channel or add links.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from debrief.literal import clean
from debrief.models import Document

IMPACT_KEY = "impact"
IMPACT_LIMIT = 280
TIMEOUT = 10.0


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
    """POST the payload as JSON; SlackError on anything but a 2xx answer."""
    if not webhook.startswith(("https://", "http://")):
        raise SlackError("the Slack webhook is not an http(s) URL")
    request = urllib.request.Request(
        webhook,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            answer.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(200).decode("utf-8", "replace").strip()
        raise SlackError(
            f"Slack refused the announcement (HTTP {exc.code}{': ' + detail if detail else ''})"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SlackError(f"could not reach Slack to announce it ({reason})") from None
