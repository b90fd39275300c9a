"""Slack's message markup as plain text: mentions, channel references, links, escapes.

Slack escapes `&`, `<` and `>` in message text, so every `<…>` is a control
sequence: `<@U123>` a mention, `<#C123|name>` a channel, `<!here>` a broadcast,
`<url|label>` a link. One compiled pattern and one pass handle all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TOKEN = re.compile(r"<([^<>]*)>|&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_BROADCASTS = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    """Slack's three escapes decoded (and nothing else: `&quot;` stays as written)."""
    if "&" not in text:
        return text
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class SlackText:
    """Converts message text; `users` and `channels` map ids to the names to show."""

    def __init__(self, users: Mapping[str, str], channels: Mapping[str, str]) -> None:
        self.users = users
        self.channels = channels
        self._urls: list[str] = []
        self._link = ""

    def convert(self, raw: str, link: str = "") -> tuple[str, list[str]]:
        """The text as people read it in Slack, and the URLs of its links in order.

        The event's link is `link` when given (a shared file), else the first URL
        here: that link's label stands alone; other links keep their URL in the
        text after the label, so nothing is lost.
        """
        if "<" not in raw and "&" not in raw:
            return raw, []
        self._urls = []
        self._link = link
        text = _TOKEN.sub(self._replace, raw)
        return text, self._urls

    def _replace(self, match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner is None:
            return _ENTITIES[match.group(2)]
        target, _, label = inner.partition("|")
        label = unescape(label)
        head = target[:1]
        if head == "@":
            name = self.users.get(target[1:]) or label.lstrip("@") or target[1:]
            return f"@{name}"
        if head == "#":
            return f"#{label or self.channels.get(target[1:]) or target[1:]}"
        if head == "!":
            return self._special(target[1:], label)
        url = unescape(target)
        if not url:
            return unescape(match.group(0))
        shown = label or url
        if url.startswith("mailto:"):
            return label or url[len("mailto:") :]
        is_link = url == self._link if self._link else not self._urls
        self._urls.append(url)
        if is_link or shown == url:
            return shown
        return f"{shown} ({url})"

    def _special(self, command: str, label: str) -> str:
        if command in _BROADCASTS:
            return _BROADCASTS[command]
        if label:
            return label
        kind, _, rest = command.partition("^")
        if kind == "subteam":
            return f"@{rest}"
        return f"@{kind}"
