"""Filling a document from a Markdown post-mortem cut into chunks: each chunk's
events, items or participants taken out, the rest of its text kept in its section."""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from debrief.importers.markdown import (
    OTHER_TITLE,
    Setting,
    dedupe,
    doc_zone,
    incident_day,
    incomplete,
    started,
)
from debrief.importers.markdown_report import FileReport, Placement
from debrief.importers.markdown_sections import OTHER, PARTICIPANTS, Chunk, normalized
from debrief.kinds import Milestone, Status
from debrief.template import SectionKind
from debrief.words import plural

if TYPE_CHECKING:
    from markdown_it.token import Token

    from debrief.importers.markdown_meta import Meta
    from debrief.importers.markdown_timeline import Entry
    from debrief.models import ActionItem, Document, Participant, TimelineEvent

_BLANKS = re.compile(r"\n{3,}")


class Filler:
    """One file's document, built from its chunks; `report` says what went where."""

    def __init__(
        self,
        tokens: list[Token],
        lines: list[str],
        setting: Setting,
        meta: Meta,
        title: str,
        name: str,
        references: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.references = references or {}
        self.tokens = tokens
        self.lines = lines
        self.setting = setting
        self.meta = meta
        self.title = " ".join(title.split())[:200] or "Imported post-mortem"
        self.name = name
        self.kinds = {s.key: s.kind for s in setting.template.sections}
        self.report = FileReport(file=name, title=self.title)
        self.own_zones = set()

    def kind(self, key: str) -> SectionKind | None:
        return self.kinds.get(key)

    def text(self, chunk: Chunk, used: set[int]) -> str:
        kept = [line for n, line in enumerate(self.lines[chunk.start : chunk.end], chunk.start)
                if n not in used]  # fmt: skip
        return with_references(_BLANKS.sub("\n\n", "\n".join(kept)).strip(), self.references)

    def document(self, chunks: list[Chunk], pm_id: str) -> tuple[Document, FileReport]:
        from debrief.models import Document, Participant, Postmortem, Section

        timeline = [c for c in chunks if self.kind(c.key) is SectionKind.timeline]
        zone, zone_name, zone_from = doc_zone(self.lines, timeline, self.setting)
        events, used = self._events(chunks, timeline, zone)
        items: list[ActionItem] = []
        people: list[Participant] = [Participant(name=a, role="author") for a in self.meta.authors]
        bodies: dict[str, list[tuple[Chunk, str]]] = {}
        for chunk in chunks:
            kind = self.kind(chunk.key)
            found_items: list[ActionItem] = []
            if kind in (SectionKind.actions, SectionKind.aspirational):
                found_items = self._items(chunk, used, kind is SectionKind.aspirational)
                items += found_items
            elif chunk.key == PARTICIPANTS:
                found_people = self._people(chunk, used)
                people += found_people
                chunk.took = len(found_people)
            body = self.text(chunk, used)
            target = chunk.key if chunk.key != PARTICIPANTS else OTHER
            if body:
                bodies.setdefault(target, []).append((chunk, body))
            self._place(chunk, events.get(id(chunk), []), found_items, body, target)
        if self.meta.extra:
            lines = [f"- {key}: {value}" for key, value in self.meta.extra]
            bodies.setdefault(OTHER, []).append(
                (Chunk(OTHER, "Front matter", 2, 0, 0), "\n".join(lines))
            )
            self.report.placed.insert(0, Placement(heading="(front matter)", section=OTHER_TITLE))
        all_events = [e for found in events.values() for e in found]
        from debrief.importers.markdown_timeline import mark_milestones

        marked = mark_milestones(all_events)
        if marked:
            self.report.notes.append(
                f"milestones from the entries' words: {', '.join(marked)} (check them)"
            )
        sections = []
        for position, spec in enumerate(self.setting.template.sections):
            body = _join(bodies.get(spec.key, []), spec.title)
            sections.append(Section(key=spec.key, title=spec.title, body=body, position=position))
        other = _join(bodies.get(OTHER, []), OTHER_TITLE, always=True)
        if other and OTHER not in self.kinds:  # a template's own "other" section has it
            sections.append(
                Section(key=OTHER, title=OTHER_TITLE, body=other, position=len(sections))
            )
        day = self.day
        pm = Postmortem(
            id=pm_id,
            title=self.title,
            status=self.meta.status or Status.debriefed,
            severity=self.meta.severity,
            started_at=_first_started(all_events) or self.meta.at or started(all_events, day, zone),
            classification=self.meta.classification,
            services=self.meta.services,
            tags=self.meta.tags,
            participants=dedupe(people),
            template=self.setting.template.name,
        )
        doc = Document(postmortem=pm, sections=sections, events=all_events, actions=items)
        self._summarise(doc, zone_name, zone_from)
        return doc, self.report

    def _events(
        self, chunks: list[Chunk], timeline: list[Chunk], zone: tzinfo
    ) -> tuple[dict[int, list[TimelineEvent]], set[int]]:
        from debrief.importers.markdown_timeline import find_entries, resolve

        used: set[int] = set()
        found: dict[int, list[Entry]] = {}
        for chunk in timeline:
            entries = find_entries(self.tokens, chunk.lines, chunk.end)
            found[id(chunk)] = entries.entries
            used |= entries.used
        preamble = "\n".join(self.lines[chunks[0].start : chunks[0].end][:50])
        every = [e for entries in found.values() for e in entries]
        document = "\n".join(self.lines[:400])
        self.day = incident_day(self.meta.day, self.title, preamble, every, document)
        prefix = "md"
        events: dict[int, list[TimelineEvent]] = {}
        for chunk in timeline:
            dated = resolve(found[id(chunk)], self.day, zone, prefix)
            events[id(chunk)] = dated.events
            for entry in dated.undated:
                used -= entry.lines
                self.report.kept_as_text += 1
            self.report.date_only += dated.date_only
            self.own_zones |= dated.own_zones
            self.unzoned += dated.unzoned
            if dated.rolled:
                times = plural(dated.rolled, "entry", "entries")
                self.report.notes.append(
                    f"{times} more than 12 hours before the one above taken as the next day"
                )
        if self.report.kept_as_text:
            self.report.notes.append(
                f"{plural(self.report.kept_as_text, 'timeline entry', 'timeline entries')} "
                "had no day to go with the time (no date in the title, front matter or "
                "timeline): kept as text"
            )
        return events, used

    def _items(self, chunk: Chunk, used: set[int], aspirational: bool) -> list[ActionItem]:
        from debrief.importers.markdown_actions import find_items

        near = self.day or self.setting.today  # a due date without a year: after the incident
        found = find_items(self.tokens, chunk.lines, near, aspirational)
        used |= found.used
        return found.items

    def _people(self, chunk: Chunk, used: set[int]) -> list[Participant]:
        from debrief.importers.markdown_blocks import inline_after, plain, span
        from debrief.models import Participant

        people = []
        for index in chunk.lines:
            token = self.tokens[index]
            if token.type != "list_item_open" or self.tokens[index + 1].type != "paragraph_open":
                continue
            text = plain(inline_after(self.tokens, index + 1)).text
            names = [n.strip() for n in re.split(r"[,;]", text)]
            if names and all(0 < len(n) <= 60 and "\n" not in n for n in names):
                role = "author" if "author" in normalized(chunk.heading) else "attendee"
                people += [Participant(name=n, role=role) for n in names]
                used.update(range(*span(self.tokens[index + 1])))
        return people

    def _place(
        self,
        chunk: Chunk,
        events: list[TimelineEvent],
        items: list[ActionItem],
        body: str,
        target: str,
    ) -> None:
        if not (body or events or items or chunk.heading):
            return
        spec = self.setting.template.section(target)
        section = spec.title if spec else OTHER_TITLE
        if chunk.key == PARTICIPANTS:
            section = "Participants" + (f" + {OTHER_TITLE}" if body else "")
        heading = chunk.heading or "(text before the first heading)"
        self.report.placed.append(
            Placement(
                heading=heading,
                section=section,
                events=len(events),
                items=len(items),
                text=bool(body or events or items or chunk.took),
            )
        )
        if target == OTHER and chunk.heading and (body or chunk.key != PARTICIPANTS):
            self.report.other.append(chunk.heading)

    def _summarise(self, doc: Document, zone_name: str, zone_from: str) -> None:
        r = self.report
        r.id = doc.postmortem.id
        r.events = len(doc.events)
        r.items = len(doc.actions)
        r.items_incomplete = incomplete(doc.actions)
        r.participants = len(doc.postmortem.participants)
        filled = {s.key for s in doc.sections if s.body.strip()}
        filled |= {"timeline"} if doc.events and "timeline" in self.kinds else set()
        filled |= {s.key for s in self.setting.template.sections
                   if self.kinds[s.key] is SectionKind.actions and doc.owned_actions}  # fmt: skip
        filled |= {s.key for s in self.setting.template.sections
                   if self.kinds[s.key] is SectionKind.aspirational and doc.aspirational_actions}  # fmt: skip
        r.sections = [s.title for s in doc.sections if s.key in filled]
        if doc.events and not self.unzoned and self.own_zones:
            r.zone, r.zone_from = ", ".join(sorted(self.own_zones)), "stated on each entry"
        elif doc.events:
            r.zone, r.zone_from = zone_name, zone_from
        if r.date_only:
            r.notes.append(
                f"{plural(r.date_only, 'timeline entry', 'timeline entries')} with a day but "
                "no time: placed at the start of the day"
            )
        if self.meta.status_text and self.meta.status is None:
            r.notes.append(f"front matter status {self.meta.status_text!r} is not one debrief has: "
                           f"imported as {doc.postmortem.status.value}")  # fmt: skip

    day: date | None = None
    own_zones: set[str]
    unzoned: int = 0


def with_references(body: str, references: dict[str, dict[str, str]]) -> str:
    """The body with the definitions of the reference links it uses (`[hook]`) that
    are written elsewhere in the file, so its links still lead somewhere on its own."""
    if not body or not references:
        return body
    defined = {
        " ".join(m.split()).upper() for m in re.findall(r"(?m)^ {0,3}\[([^\]\n]{1,200})\]:", body)
    }
    missing = []
    used = re.findall(r"\]\[([^\]\n]{1,200})\]|\[([^\]\n]{1,200})\](?![(:\[])", body)
    for label in dict.fromkeys(used):
        name = next((part for part in label if part), "")
        key = " ".join(name.split()).upper()
        target = references.get(key)
        if target and key not in defined:
            defined.add(key)
            missing.append(f"[{name}]: {target.get('href', '')}")
    return body + "\n\n" + "\n".join(missing) if missing else body


def _first_started(events: list[TimelineEvent]) -> datetime | None:
    return min((e.at for e in events if e.milestone is Milestone.started), default=None)


def _join(parts: list[tuple[Chunk, str]], title: str, always: bool = False) -> str:
    """The section's text: one chunk's text alone when its heading says no more than
    the section's title; otherwise each chunk under its own heading."""
    if not parts:
        return ""
    if len(parts) == 1 and not always and _says_no_more(parts[0][0].heading, title):
        return parts[0][1]
    out = []
    for chunk, body in parts:
        if chunk.heading and not (len(parts) == 1 and _says_no_more(chunk.heading, title)):
            out.append(f"### {chunk.heading}\n\n{body}")
        else:
            out.append(body)
    return "\n\n".join(out)


def _says_no_more(heading: str, title: str) -> bool:
    def stems(text: str) -> set[str]:
        return {w.removesuffix("s") for w in normalized(text).split()}

    return not heading or stems(heading) <= stems(title)
