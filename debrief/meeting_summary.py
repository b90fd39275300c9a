"""What the meeting ends with: the wrap-up to read out, and the record's document appendix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from debrief.dates import show_duration, show_instant
from debrief.literal import clean
from debrief.meeting import MeetingRecord, clock_text
from debrief.models import ActionItem, Document
from debrief.render_markdown import cell
from debrief.template import SectionKind, Template
from debrief.timeline import metrics
from debrief.words import plural

FOLLOW_UP_AFTER = timedelta(weeks=2)
FINDING_LIMIT = 160
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


@dataclass(frozen=True)
class Finding:
    """One section's key finding, to read out."""

    title: str
    text: str


@dataclass(frozen=True)
class WrapUp:
    """The summary read out at the end of the meeting."""

    findings: list[Finding]
    actions: list[ActionItem]
    aspirational: list[ActionItem]
    follow_up: date

    @property
    def unowned(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.owner.strip()]

    @property
    def undated(self) -> list[ActionItem]:
        return [a for a in self.actions if a.due is None]


def key_finding(body: str, limit: int = FINDING_LIMIT) -> str:
    """The first sentence of a section (and of its first point, after an introducing colon)."""
    lines = [_MARKER.sub("", line).strip() for line in body.splitlines()]
    lines = [clean(line, single_line=True) for line in lines if line]
    if not lines:
        return ""
    text = _SENTENCE_END.split(lines[0], maxsplit=1)[0]
    if text.endswith(":") and len(lines) > 1:
        text = f"{text} {_SENTENCE_END.split(lines[1], maxsplit=1)[0]}"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_up(doc: Document, template: Template, today: date) -> WrapUp:
    """Key findings per section, every action item, the "if we have time" list."""
    findings: list[Finding] = []
    for section in doc.sections:
        spec = template.section(section.key)
        kind = spec.kind if spec else SectionKind.text
        if kind is SectionKind.timeline:
            m = metrics(doc.events, doc.postmortem.started_at)
            known = [f"{label} {show_duration(v)}" for label, v in m.rows() if v is not None]
            text = key_finding(section.body) or " · ".join(known)
        elif kind is SectionKind.text:
            text = key_finding(section.body)
        else:
            continue
        if text:
            findings.append(Finding(clean(section.title, single_line=True), text))
    follow_up = doc.postmortem.follow_up or today + FOLLOW_UP_AFTER
    return WrapUp(findings, doc.owned_actions, doc.aspirational_actions, follow_up)


def meeting_appendix(
    record: MeetingRecord, people: list[str] | None = None, where: tzinfo | None = None
) -> str:
    """The meeting record as a short Markdown appendix for the exported document."""
    out = ["## Appendix: the debrief meeting", ""]
    if record.started_at is not None:
        held = show_instant(record.started_at, where)
        if record.ended_at is not None:
            same_day = record.ended_at.date() == record.started_at.date()
            held += f" – {show_instant(record.ended_at, where, with_date=not same_day)}"
        else:
            held += " (not finished)"
        out.append(f"- **Held:** {held}")
    over = record.overruns
    time = f"{clock_text(record.spent_s)} of {clock_text(record.planned_s)} planned"
    if over:
        time += f"; over time in {plural(len(over), 'section')}"
    out.append(f"- **Time:** {time}")
    questions = sum(len(s.questions) for s in record.sections)
    out.append(f"- **Redirects shown:** {record.redirects} · **Questions asked:** {questions}")
    speakers = record.speakers()
    if speakers:
        spoke = ", ".join(f"{cell(name)} ({n})" for name, n in speakers.items())
        out.append(f"- **Who spoke** (sections): {spoke}")
    quiet = [p for p in people or [] if p not in speakers]
    if speakers and quiet:
        out.append(f"- **Not heard from:** {', '.join(cell(p) for p in quiet)}")
    out += [
        "",
        "| Section | Planned | Spent | Over | Questions | Spoke |",
        "|---|---|---|---|---|---|",
    ]
    for s in record.sections:
        if not s.spent_s and not s.spoke and not s.questions:
            continue
        over_text = f"**+{clock_text(s.over_s)}**" if s.over_s >= 1 else "—"
        spoke_text = ", ".join(cell(n) for n in s.spoke) or "—"
        out.append(
            f"| {cell(s.title)} | {clock_text(s.planned_s)} | {clock_text(s.spent_s)} | "
            f"{over_text} | {len(s.questions)} | {spoke_text} |"
        )
    return "\n".join(out) + "\n"


def meeting_appendices(records: list[MeetingRecord], doc: Document) -> list[str]:
    """One appendix per meeting that was held (timed, or with speakers marked)."""
    people = [p.name for p in doc.postmortem.participants]
    held = [r for r in records if r.started_at is not None or r.speakers()]
    return [meeting_appendix(r, people) for r in held]
