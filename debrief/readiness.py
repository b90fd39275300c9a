"""Can the document stand on its own? A checklist anyone can read before the meeting."""

from __future__ import annotations

from collections.abc import Sequence

from debrief.models import Document, Milestone
from debrief.record import Record
from debrief.template import SectionKind, Template
from debrief.timeline import unsourced
from debrief.words import plural

NEEDED_MILESTONES = (Milestone.started, Milestone.detected, Milestone.resolved)


class Check(Record):
    """One line of the checklist."""

    name: str
    ok: bool
    detail: str = ""


class Readiness(Record):
    postmortem_id: str
    ready: bool
    checks: list[Check]

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def readiness(doc: Document, template: Template, open_conflicts: Sequence[str] = ()) -> Readiness:
    """Every check, passed or not; `open_conflicts` names where unresolved conflicts are."""
    checks: list[Check] = []
    kinds = {s.key: s.kind for s in template.sections}
    empty = [
        s.title
        for s in doc.sections
        if kinds.get(s.key, SectionKind.text) is SectionKind.text and s.is_empty
    ]
    checks.append(
        Check(
            name="Every section written",
            ok=not empty,
            detail=f"empty: {', '.join(empty)}" if empty else "",
        )
    )
    # only what the template has: no timeline section, no milestones asked for
    keys = {s.key for s in doc.sections}
    has = {s.kind for s in template.sections if s.key in keys}
    if SectionKind.timeline in has:
        checks += _timeline_checks(doc)
    if SectionKind.actions in has:
        checks.append(_actions_check(doc))
    checks.append(
        Check(
            name="No unresolved edit conflicts",
            ok=not open_conflicts,
            detail=f"open in: {', '.join(open_conflicts)}" if open_conflicts else "",
        )
    )
    return Readiness(
        postmortem_id=doc.postmortem.id, ready=all(c.ok for c in checks), checks=checks
    )


def _timeline_checks(doc: Document) -> list[Check]:
    present = {e.milestone for e in doc.events if e.milestone}
    missing = [m.value for m in NEEDED_MILESTONES if m not in present]
    count = unsourced(doc.events)
    return [
        Check(
            name="Timeline marks when it started, was detected and resolved",
            ok=not missing,
            detail=f"no {', '.join(missing)} milestone" if missing else "",
        ),
        Check(
            name="Every timeline entry has a source",
            ok=count == 0,
            detail=plural(
                count, "entry without a source or link", "entries without a source or link"
            )
            if count
            else "",
        ),
    ]


def _actions_check(doc: Document) -> Check:
    owned = doc.owned_actions
    incomplete = [a.title for a in owned if a.missing()]
    return Check(
        name="Action items have an owner and a due date",
        ok=bool(owned) and not incomplete,
        detail=(
            "no action items yet"
            if not owned
            else f"{len(incomplete)} incomplete: {', '.join(incomplete[:3])}"
            if incomplete
            else ""
        ),
    )
