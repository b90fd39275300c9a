"""People a timeline names besides its authors: @mentions in event text, and the roles
(facilitator, lead investigator) of the post-mortem. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MENTION = re.compile(r"(?<![\w.@])@([A-Za-z][\w.-]{0,38}[\w])")


def mentions(texts: Iterable[str]) -> list[str]:
    """Every @name in `texts`, first seen first, once each (emails are not mentions)."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _MENTION.finditer(text):
            found.setdefault(match.group(1).casefold(), match.group(1))
    return list(found.values())


def named(
    authored: list[tuple[str, list[str]]], texts: Iterable[str], roles: Iterable[str]
) -> list[tuple[str, list[str]]]:
    """`authored` (author, sources) pairs, then the mentions and the roles as people
    named by the timeline: what `debrief.participants.named_in_timeline` filters."""
    return [
        *authored,
        *((name, ["mention"]) for name in mentions(texts)),
        *((role, ["role"]) for role in roles if role.strip()),
    ]
