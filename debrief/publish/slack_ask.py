"""`debrief ask` on Slack: the person mentioned, the section's guidance, how to contribute.

Sent with the bot token when there is one (to the person directly, by their
[slack.users] id, else to [slack] channel), else to the incoming webhook. User text
is escaped for Slack (no @channel, no links); the mention comes only from the config.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debrief.config import SlackConfig
from debrief.publish.slack import SlackError, escape, post, post_api

if TYPE_CHECKING:
    from pathlib import Path

    from debrief.store import Store
    from debrief.store.collab import Request

__all__ = ["SlackError", "configured", "tell"]

GUIDANCE_LIMIT = 400
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
WHAT = "the ask"


def configured(slack: SlackConfig) -> bool:
    return bool(
        slack.bot_token.get_secret_value().strip() or slack.webhook.get_secret_value().strip()
    )


def user_id(slack: SlackConfig, person: str) -> str:
    """The person's Slack user id from [slack.users] (names compared case-blind), or ""."""
    wanted = person.strip().lower()
    for name, value in slack.users.items():
        if name.strip().lower() == wanted and _USER_ID.match(value.strip()):
            return value.strip()
    return ""


def ask_text(
    slack: SlackConfig, request: Request, pm_title: str, section: str, guidance: str
) -> str:
    """The message: who is asked, for what, the guidance, and how to add it."""
    who = user_id(slack, request.person)
    mention = f"<@{who}>" if who else escape(request.person)
    pm = escape(request.postmortem_id)
    lines = [
        f"{mention}, {escape(request.requested_by)} asks you to contribute to "
        f"*{escape(section)}* of the post-mortem {pm}: {escape(pm_title)}"
    ]
    if request.note.strip():
        lines.append(f"What would help: {escape(request.note)}")
    if guidance.strip():
        text = escape(guidance)
        if len(text) > GUIDANCE_LIMIT:
            text = text[: GUIDANCE_LIMIT - 1] + "…"
        lines.append(f"Guidance: {text}")
    key = escape(request.key)
    lines.append(
        f"How to contribute: `debrief section set {pm} {key} -` (reads the text from stdin), "
        f"or `debrief open {pm}` and write in the {escape(section)} section"
    )
    return "\n".join(lines)


def send_ask(slack: SlackConfig, request: Request, text: str) -> str:
    """Post the ask; returns where it went (no secret in it). SlackError when it fails."""
    token = slack.bot_token.get_secret_value().strip()
    if token:
        who = user_id(slack, request.person)
        channel = who or slack.channel.strip()
        if not channel:
            raise SlackError(
                f"{request.person} has no Slack user id in [slack.users] and there is no "
                "[slack] channel to post the ask in"
            )
        post_api(slack.api_url, token, {"channel": channel, "text": text}, WHAT)
        return f"to {who} directly" if who else f"in {channel}"
    post(slack.webhook.get_secret_value(), {"text": text}, WHAT)
    return "on the webhook's channel"


def tell(slack: SlackConfig, templates: Path, store: Store, request: Request) -> str:
    """Post a recorded ask, with its section's title and guidance; returns where it went."""
    from debrief.template import TemplateError, load_template

    doc = store.document(request.postmortem_id)
    section = doc.section(request.key)
    try:
        spec = load_template(doc.postmortem.template, templates).section(request.key)
    except TemplateError:
        spec = None
    title = section.title if section is not None else request.key
    guidance = spec.guidance if spec is not None else ""
    return send_ask(slack, request, ask_text(slack, request, doc.postmortem.title, title, guidance))
