"""The post-mortem's own fields as a person edits them: checked before anything is stored.

One check for the command line (`debrief edit`) and the app's "Edit details" form: the
classification must be one the config allows, and the incident cannot end before it
started. Dates arrive already parsed by `debrief.dates.parse_instant`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from debrief.models import Postmortem

SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")
"""The severities offered in the app; any other text typed on the command line is kept."""

FIELDS = ("title", "severity", "classification", "started_at", "ended_at", "services", "tags")
"""The fields "Edit details" changes, in the order they are shown."""


class DetailsError(ValueError):
    """A change refused before anything is stored; the message is one sentence."""


def split_list(text: str) -> list[str]:
    """Services or tags typed comma-separated: trimmed, empty ones and repeats dropped."""
    return clean_list(text.split(","))


def clean_list(values: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(value.split())
        if value:
            seen[value] = None
    return list(seen)


def check_changes(
    pm: Postmortem, changes: dict[str, Any], classifications: Sequence[str]
) -> dict[str, Any]:
    """`changes` (a subset of FIELDS) tidied and checked against `pm` as it is stored;
    DetailsError when one is refused. Only the fields whose value differs are returned."""
    tidy = dict(changes)
    if "title" in tidy:
        tidy["title"] = " ".join(str(tidy["title"]).split())
        if not tidy["title"]:
            raise DetailsError("a post-mortem needs a title")
    for key in ("severity", "classification"):
        if key in tidy:
            tidy[key] = " ".join(str(tidy[key]).split())
    for key in ("services", "tags"):
        if key in tidy:
            tidy[key] = clean_list(tidy[key])
    classification = tidy.get("classification", "")
    if classification and classification not in classifications:
        allowed = ", ".join(classifications) or "none configured"
        raise DetailsError(f"{classification!r} is not a classification (allowed: {allowed})")
    started: datetime | None = tidy.get("started_at", pm.started_at)
    ended: datetime | None = tidy.get("ended_at", pm.ended_at)
    if started is not None and ended is not None and ended < started:
        raise DetailsError(
            f"the incident cannot end ({ended.isoformat()}) before it started "
            f"({started.isoformat()})"
        )
    return {key: value for key, value in tidy.items() if getattr(pm, key) != value}


def describe(changed: dict[str, Any]) -> str:
    """The changes in one line, e.g. `title → "Queue stalls", tags → db, queue`."""
    parts = []
    for key, value in changed.items():
        if isinstance(value, datetime):
            shown = value.isoformat()
        elif isinstance(value, list):
            shown = ", ".join(value) or "(none)"
        else:
            shown = str(value) if value else "(none)"
        parts.append(f"{key.removesuffix('_at')} → {shown}")
    return "; ".join(parts)
