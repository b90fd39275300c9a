"""Questions keyed to what was just said (Etsy's Debriefing Facilitation Guide question
table): an observation asks for the cues noticed, a decision for the options considered,
"I knew…" for how they knew, "I asked for help…" for what made them ask then.

The table is a data file (`data/followups.json`); the matcher reads the line being
typed. Pure: no Textual.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from debrief.package_files import package_file


@dataclass(frozen=True)
class FollowUp:
    said: str
    """What kind of thing was said: "an observation", "a decision", "I knew", ..."""
    question: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def table() -> tuple[FollowUp, ...]:
    text = package_file("data", "followups.json").read_text("utf-8")
    return tuple(
        FollowUp(
            said=row["said"],
            question=row["question"],
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in row["patterns"]),
        )
        for row in json.loads(text)["followups"]
    )


def follow_up(said: str) -> FollowUp | None:
    """The follow-up question for what was just typed (its last sentence), if any.

    The table is in priority order: "I asked for help" before "I knew", before a
    decision, before an observation.
    """
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n", said.strip()) if s.strip()]
    if not sentences:
        return None
    last = sentences[-1][-400:]
    for row in table():
        if any(p.search(last) for p in row.patterns):
            return row
    return None


def line_at(text: str, row: int) -> str:
    """The editor's line `row` (the one being typed), or '' past the end."""
    lines = text.split("\n")
    return lines[row] if 0 <= row < len(lines) else ""
