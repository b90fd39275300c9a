"""The kinds and states of things in a post-mortem, as plain enums.

Apart from the models so that code needing only a name (an importer's milestone
column, a status filter) does not build every model to get it.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a post-mortem is in its life."""

    draft = "draft"
    ready = "ready"
    debriefed = "debriefed"
    published = "published"


class Milestone(StrEnum):
    """Timeline events that mark the incident's phases."""

    started = "started"
    detected = "detected"
    mitigated = "mitigated"
    resolved = "resolved"
    trigger = "trigger"


class Priority(StrEnum):
    highest = "highest"
    high = "high"
    medium = "medium"
    low = "low"


class ActionKind(StrEnum):
    prevent = "prevent"
    detect = "detect"
    mitigate = "mitigate"
    process = "process"


class ActionStatus(StrEnum):
    open = "open"
    in_progress = "in-progress"
    done = "done"
    not_doing = "not-doing"


class FactorKind(StrEnum):
    """What a recorded factor is: one that contributed, something that went right, or luck."""

    factor = "factor"
    went_right = "went-right"
    lucky = "lucky"
