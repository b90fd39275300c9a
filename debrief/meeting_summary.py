"""What the meeting ends with: the wrap-up to read out, and the record's document appendix."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING

from debrief.dates import show_duration, show_instant
from debrief.literal import clean
from debrief.meeting import MeetingRecord, clock_text
from debrief.models import ActionItem, Document
from debrief.render_markdown import cell
from debrief.template import SectionKind, Template
from debrief.timeline import metrics
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.coach import Coach

FOLLOW_UP_AFTER = timedelta(weeks=2)
FINDING_LIMIT = 160
SENTENCE_LIMIT = 400
"""A candidate sentence longer than this (a paragraph without full stops) is shortened."""
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+")
_INLINE_MARKS = re.compile(r"`|\*\*")
"""Inline code and strong emphasis marks: read out as plain words."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


@dataclass(frozen=True)
class Finding:
    """One section's key finding, to read out, and the sentences it could be instead."""

    title: str
    text: str
    key: str = ""
    candidates: list[str] = field(default_factory=list)
    """The section's sentences, in order (the facilitator may pick another)."""
    flagged: list[str] = field(default_factory=list)
    """The candidates the blameless coach flags: never picked by default."""


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


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentences(body: str, limit: int = SENTENCE_LIMIT) -> list[str]:
    """A section's sentences, one line each, list markers dropped; a sentence ending in an
    introducing colon keeps the first sentence of what follows."""
    lines = [_MARKER.sub("", line).strip() for line in body.splitlines()]
    found: list[str] = []
    joining = False
    for line in (clean(_INLINE_MARKS.sub("", line), single_line=True) for line in lines if line):
        parts = [p for p in _SENTENCE_END.split(line) if p.strip()]
        if joining and parts:
            found[-1] = f"{found[-1]} {parts[0]}"
            parts = parts[1:]
        found += parts
        joining = bool(found) and found[-1].endswith(":")
    return [_shorten(s, limit) for s in found]


def key_finding(body: str, limit: int = FINDING_LIMIT) -> str:
    """The first sentence of a section (and of its first point, after an introducing colon)."""
    first = sentences(body)
    return _shorten(first[0], limit) if first else ""


def _flagged(coach: Coach, texts: list[str], people: Iterable[str]) -> list[str]:
    names = tuple(people)
    return [t for t in texts if coach.lint(t, people=names)]


def wrap_up(
    doc: Document,
    template: Template,
    today: date,
    chosen: dict[str, str] | None = None,
    coach: Coach | None = None,
) -> WrapUp:
    """Key findings per section, every action item, the "if we have time" list.

    A section's finding is what the facilitator `chosen` for it (by section key; ""
    leaves it out), else its first sentence that the blameless `coach` does not flag.
    """
    if coach is None:
        from debrief.coach import coach_for

        coach = coach_for()
    chosen = chosen or {}
    pm = doc.postmortem
    people = [p.name for p in pm.participants] + [
        n for n in (pm.facilitator, pm.lead_investigator) if n
    ]
    findings: list[Finding] = []
    for section in doc.sections:
        spec = template.section(section.key)
        kind = spec.kind if spec else SectionKind.text
        candidates = sentences(section.body)
        if kind is SectionKind.timeline:
            m = metrics(doc.events, pm.started_at)
            known = [f"{label} {show_duration(v)}" for label, v in m.rows() if v is not None]
            if known:
                candidates.append(" · ".join(known))
        elif kind is not SectionKind.text:
            continue
        flagged = _flagged(coach, candidates, people)
        if section.key in chosen:
            text = clean(chosen[section.key], single_line=True)
        else:
            text = next((c for c in candidates if c not in flagged), "")
        if text or candidates:
            title = clean(section.title, single_line=True)
            findings.append(Finding(title, text, section.key, candidates, flagged))
    follow_up = pm.follow_up or today + FOLLOW_UP_AFTER
    return WrapUp(findings, doc.owned_actions, doc.aspirational_actions, follow_up)


@dataclass(frozen=True)
class MeetingTime:
    """The meeting's time against its plan, and the sections that ran over."""

    spent_s: float
    planned_s: int
    overruns: list[tuple[str, float]]
    """(section title, seconds over), in agenda order."""

    @property
    def text(self) -> str:
        """`08:30 of 13:00 planned`."""
        return f"{clock_text(self.spent_s)} of {clock_text(self.planned_s)} planned"


def meeting_time(record: MeetingRecord) -> MeetingTime:
    """What both the wrap-up and the exported appendix say of the meeting's time.

    Give it the record as of now (`AgendaClock.snapshot().record`) so the section
    running at the moment counts.
    """
    over = [(s.title, s.over_s) for s in record.overruns]
    return MeetingTime(record.spent_s, record.planned_s, over)


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
    timing = meeting_time(record)
    time = timing.text
    over = timing.overruns
    if over:
        time += f"; over time in {plural(len(over), 'section')}: "
        time += ", ".join(f"{cell(title)} +{clock_text(s)}" for title, s in over)
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
    read_out = [
        (s.title, record.findings[s.key]) for s in record.sections if s.key in record.findings
    ]
    read_out = [(title, text) for title, text in read_out if text.strip()]
    if read_out:
        out.append("- **Key findings read out:**")
        out += [f"  - **{cell(title)}:** {cell(text)}" for title, text in read_out]
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
    held = [r for r in records if r.started_at is not None or r.speakers() or r.findings]
    return [meeting_appendix(r, people) for r in held]


def document_markdown(doc: Document, meetings: list[MeetingRecord], jira_url: str = "") -> str:
    """The whole document with an appendix per meeting held: what export and publish write."""
    from debrief.render_markdown import render_markdown

    return render_markdown(doc, jira_url=jira_url, appendices=meeting_appendices(meetings, doc))
