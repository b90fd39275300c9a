"""Is an action item good tracked work? Actionable, specific and bounded: hints, never a block.

For the action-item form: `check_action(title)` returns what a facilitator would ask
about the title ("What exactly will change?"), or nothing when it reads as real work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debrief.coach.engine import Coach


@dataclass(frozen=True)
class ActionHint:
    """One way the title could be better, and a question that gets there."""

    quality: str
    """actionable, specific or bounded."""
    message: str


_NOT_A_VERB = {
    "a", "an", "the", "more", "better", "some", "any", "our", "we", "it", "this", "that",
    "there", "all", "no", "new", "improved", "improvements", "monitoring", "alerting",
    "testing", "documentation", "training", "awareness", "someone", "somebody", "need",
    "needs", "should", "must", "maybe", "possibly", "ideally", "team", "engineers",
}  # fmt: skip
_OPEN_ENDED = re.compile(
    r"\b(?:improve|better|more|investigate|look\s+into|explore|consider|think\s+about|"
    r"revisit|discuss|monitor|keep\s+an\s+eye|continue|ongoing|as\s+needed|where\s+possible|"
    r"try\s+to|make\s+sure|ensure|be\s+(?:more\s+)?(?:careful|aware|vigilant))\b",
    re.I,
)
_MEASURABLE = re.compile(
    r"\d|%|\b(?:every|each|all|before|after|when|until|by|alert|page|block|fail|reject|"
    r"runbook|dashboard|test|check|limit|timeout|owner)\b",
    re.I,
)


def check_action(title: str, coach: Coach | None = None) -> list[ActionHint]:
    """Hints for an action item's title; an empty list when it reads as real, bounded work."""
    words = re.findall(r"[\w'-]+", title)
    if not words:
        return []
    hints: list[ActionHint] = []
    first = words[0].lower()
    if first in _NOT_A_VERB or first.endswith(("ing", "ment", "tion", "ness")):
        hints.append(
            ActionHint(
                "actionable", "Start with a verb: what will someone do? (Add, Alert, Route…)"
            )
        )
    if len(words) < 3:
        hints.append(ActionHint("specific", "Say what, where: which service, setting or step?"))
    open_ended = _OPEN_ENDED.search(title)
    if open_ended and not _MEASURABLE.search(title):
        hints.append(
            ActionHint(
                "bounded",
                f"“{open_ended.group()}” has no done state: how will we know it is finished?",
            )
        )
    if coach is not None:
        for finding in coach.lint(title, actions=True):
            if finding.category != "vague-remediation":
                hints.append(ActionHint("specific", f"{finding.message} Try: {finding.suggestion}"))
    return hints
