"""Is the post-mortem ready to publish? A short checklist.

Blocking: an owned action item without an owner or a due date. Warnings (blocking
only with --strict): empty sections, no action items, items that do not read as
actionable work, and blameless-language findings once a coach module provides them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from debrief.literal import clean
from debrief.models import ActionItem, Document
from debrief.render_markdown import ACTIONS_KEY, ASPIRATIONAL_KEY, TIMELINE_KEY
from debrief.words import plural


class Level(StrEnum):
    ok = "ok"
    warning = "warning"
    blocking = "blocking"


MARKS = {Level.ok: "✓", Level.warning: "!", Level.blocking: "✗"}


@dataclass(frozen=True)
class Finding:
    level: Level
    text: str

    @property
    def line(self) -> str:
        return f"{MARKS[self.level]} {self.text}"


@dataclass(frozen=True)
class Preflight:
    findings: list[Finding]
    strict: bool = False

    @property
    def blocking(self) -> list[Finding]:
        """What stops the publish (warnings too, when strict)."""
        stop = {Level.blocking, Level.warning} if self.strict else {Level.blocking}
        return [f for f in self.findings if f.level in stop]

    @property
    def ready(self) -> bool:
        return not self.blocking

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.warning]

    def reason(self) -> str:
        """Why the publish stops, as one sentence."""
        count = len(self.blocking)
        noun = "problem" if count == 1 else "problems"
        extra = " (--strict treats warnings as blocking)" if self.strict else ""
        return f"not ready to publish: {count} {noun} in the checklist above{extra}"


# A title that starts like this is usually a wish, not work someone can finish.
_VAGUE = re.compile(
    r"^(investigate|look into|consider|think about|explore|discuss|try to|be more|"
    r"remember to|make sure|improve|better)\b",
    re.IGNORECASE,
)

BlamelessCheck = Callable[[str], list[str]]
"""Short descriptions of the blameless-language findings in a text."""


def check(
    doc: Document, strict: bool = False, blameless: BlamelessCheck | None = None
) -> Preflight:
    """The checklist for `doc`; `blameless` is the coach's check of a section's text."""
    findings: list[Finding] = []
    owned = doc.owned_actions
    incomplete = [a for a in owned if a.missing()]
    for item in incomplete:
        findings.append(
            Finding(Level.blocking, f"{_quote(item)} needs {' and '.join(item.missing())}")
        )
    if owned and not incomplete:
        noun = "item has" if len(owned) == 1 else "items have"
        findings.append(Finding(Level.ok, f"{len(owned)} action {noun} an owner and a due date"))
    if not owned:
        findings.append(Finding(Level.warning, "There are no owned action items to track"))
    for item in owned:
        if not item.missing() and _vague(item.title):
            findings.append(
                Finding(
                    Level.warning,
                    f"{_quote(item)} may not be actionable: say what will be done, "
                    "so that someone can finish it",
                )
            )
    empty = [s.title for s in doc.sections if _is_empty(doc, s.key, s.body)]
    if empty:
        names = ", ".join(f"“{clean(t, single_line=True)}”" for t in empty)
        noun = "Section" if len(empty) == 1 else f"{len(empty)} sections"
        verb = "is" if len(empty) == 1 else "are"
        findings.append(Finding(Level.warning, f"{noun} {verb} empty: {names}"))
    if doc.sections and not empty:
        findings.append(Finding(Level.ok, f"All {len(doc.sections)} sections are written"))
    if blameless is not None:
        for section in doc.sections:
            notes = blameless(section.body) if section.body.strip() else []
            if notes:
                title = clean(section.title, single_line=True)
                more = f" and {len(notes) - 1} more" if len(notes) > 1 else ""
                findings.append(
                    Finding(
                        Level.warning,
                        f"“{title}” has blaming wording: {clean(notes[0], single_line=True)}"
                        f"{more} (see `debrief lint`)",
                    )
                )
    aspirational = len(doc.aspirational_actions)
    if aspirational:
        items = plural(aspirational, "“if we have time” item")
        findings.append(Finding(Level.ok, f"{items}: listed, never ticketed"))
    return Preflight(findings, strict)


def _is_empty(doc: Document, key: str, body: str) -> bool:
    if body.strip():
        return False
    if key == TIMELINE_KEY:
        return not doc.events
    if key == ACTIONS_KEY:
        return not doc.owned_actions
    return key != ASPIRATIONAL_KEY  # an empty "if we have time" list is normal


def _vague(title: str) -> bool:
    return bool(_VAGUE.match(title.strip())) or len(title.split()) < 3


def _quote(item: ActionItem) -> str:
    title = clean(item.title, single_line=True)
    return f"“{title[:60]}{'…' if len(title) > 60 else ''}”"
