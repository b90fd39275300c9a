"""What the document says about the meeting's practice: Surprises, Themes, Open questions
and Parked ideas (each only when it holds anything), the learning check and the soak
follow-up; the timeline's confirmation and what responders could see then.

Every value from people goes through `debrief.safe_markdown`.
"""

from __future__ import annotations

from debrief.models import Document, TimelineEvent
from debrief.notes import HEADINGS, NoteKind
from debrief.safe_markdown import text


def confirmation_line(doc: Document) -> list[str]:
    """Under the timeline: that the room confirmed it (nothing when it did not)."""
    found = doc.practice.confirmation if doc.practice else None
    if found is None:
        return []
    when = f", {found.at.date().isoformat()}" if found.at else ""
    return [f"_Timeline confirmed by the room ({text(found.by)}{when})._", ""]


def known_then(event: TimelineEvent) -> str:
    """Markdown after an event's text: what the responder could see then."""
    return f" — _known then:_ {text(event.known_then)}" if event.known_then else ""


def practice_markdown(doc: Document) -> list[str]:
    out: list[str] = []
    titles = {a.id: a.title for a in doc.actions}
    for kind in (NoteKind.surprise, NoteKind.theme, NoteKind.question, NoteKind.idea):
        notes = [n for n in doc.notes if n.kind is kind]
        if not notes:
            continue
        out += [f"## {HEADINGS[kind]}", ""]
        for note in notes:
            outcome = f" — _{text(note.outcome())}_" if kind is NoteKind.idea else ""
            if note.action_id in titles:
                outcome = f" — _turned into the item “{text(titles[note.action_id])}”_"
            out.append(f"- {text(note.text)}{outcome}")
        out.append("")
    practice = doc.practice
    if practice is not None and practice.learning is not None:
        c = practice.learning
        out += [
            "## Learning check",
            "",
            f"{c.learned} of {c.present} learned something that changes how they work; "
            f"{c.would_return} of {c.present} would come to another debrief.",
            "",
        ]
    if practice is not None and practice.soak is not None:
        soak = practice.soak
        held = "held" if soak.done else f"due {soak.due.isoformat()}"
        out += [f"_Soak follow-up to turn parked ideas into items: {held}._", ""]
    return out
