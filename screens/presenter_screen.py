"""The presenter view (`debrief present ID`): a read-only screen for the terminal that is shared.

It follows the facilitator's current section and timer, which their screen publishes in
the store, and shows what is typed as it is saved. It polls the store's data version
(one cheap pragma) twice a second and reads again only when another process committed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from debrief.dates import show_instant
from debrief.literal import clean
from debrief.meeting import AgendaClock, ClockState, Phase, Presence, new_record
from debrief.meeting_summary import wrap_up
from debrief.models import Document
from debrief.screens.base import BaseScreen
from debrief.screens.meeting_sync import WRAP_UP_VIEW
from debrief.screens.wrapup_screen import wrap_up_view
from debrief.template import SectionKind, Template, TemplateError, load_template
from debrief.widgets.agenda import Agenda, AgendaItem
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.meeting_timer import MeetingSide, MeetingTimer

QUIET = "$foreground-muted"
"""Quieter words (ids, hints): still 4.5:1 on the theme's backgrounds."""
POLL_SECONDS = 0.5
TICK_SECONDS = 0.25
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|~"})


def md_text(value: str) -> str:
    """User text shown literally inside Markdown: one line, no formatting characters."""
    return clean(value, single_line=True).translate(_MD_SPECIAL) or " "


def section_markdown(doc: Document, key: str, kind: SectionKind) -> str:
    """What the room sees for a section: its body, and its items or events."""
    section = doc.section(key)
    out = [clean(section.body).strip()] if section and section.body.strip() else []
    if kind is SectionKind.timeline and doc.events:
        rows = ["| Time | Event | Milestone |", "|---|---|---|"]
        for e in sorted(doc.events, key=lambda e: e.at):
            milestone = e.milestone.value if e.milestone else ""
            rows.append(f"| {show_instant(e.at)} | {md_text(e.text)} | {milestone} |")
        out.append("\n".join(rows))
    elif kind is SectionKind.actions and doc.owned_actions:
        rows = ["| Action | Owner | Due |", "|---|---|---|"]
        for a in doc.owned_actions:
            owner = md_text(a.owner) if a.owner.strip() else "**no owner**"
            due = a.due.isoformat() if a.due else "**no date**"
            rows.append(f"| {md_text(a.title)} | {owner} | {due} |")
        out.append("\n".join(rows))
    elif kind is SectionKind.aspirational and doc.aspirational_actions:
        out.append("\n".join(f"- {md_text(a.title)}" for a in doc.aspirational_actions))
    return "\n\n".join(out) or "_Nothing written yet._"


class PresenterScreen(BaseScreen):
    """Read-only: the facilitator's current section, large, with the agenda and the timer."""

    CSS_PATH = "presenter_screen.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "#present-scroll"

    def __init__(self, pm_id: str) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.template: Template
        self.key = ""
        self.clock: AgendaClock | None = None
        self._markdown = ""

    def compose(self) -> ComposeResult:
        yield Static(id="pm-header")
        with Horizontal(id="body"):
            agenda = Agenda(id="agenda")
            agenda.can_focus = False
            timer = MeetingTimer(id="meeting-timer", hint="not started")
            yield MeetingSide(agenda, timer, id="side")
            with Vertical(id="main"):
                yield Static(id="section-title")
                yield Static(id="section-meta")
                with VerticalScroll(id="present-scroll"):
                    yield Markdown(id="present-body")
                    yield Static(id="present-wrapup")
        yield KeyBar()

    def on_mount(self) -> None:
        pm = self.store.get_postmortem(self.pm_id)
        try:
            self.template = load_template(pm.template, self.debrief.templates_dir)
        except TemplateError:
            self.template = load_template("default")
        self.reload()
        self.follow_changes(self.reload, POLL_SECONDS)
        self.set_interval(TICK_SECONDS, self._tick)

    def reload(self) -> None:
        doc = self.store.document(self.pm_id)
        view = self.store.meeting_view(self.pm_id)
        keys = [s.key for s in doc.sections]
        key = view.section if view is not None else ""
        if key != WRAP_UP_VIEW and key not in keys:
            key = keys[0]
        moved = key != self.key
        self.key = key
        self.clock = self._clock(doc, view)
        self._show_header(doc, view)
        if key == WRAP_UP_VIEW:
            self._show_wrap_up(doc)
        else:
            self._show_section(doc, key, moved)
        self._show_agenda(doc)
        self._tick()

    def _clock(self, doc: Document, view: Presence | None) -> AgendaClock:
        if view is not None and view.timer is not None:
            return AgendaClock(view.timer, self.store.now)
        agenda = []
        for section in doc.sections:
            spec = self.template.section(section.key)
            agenda.append((section.key, section.title, spec.timebox if spec else 0))
        current = self.key if self.key in {k for k, _, _ in agenda} else ""
        state = ClockState(record=new_record(self.pm_id, agenda), current=current)
        return AgendaClock(state, self.store.now)

    def _tick(self) -> None:
        if self.clock is not None:
            self.query_one(MeetingTimer).show(self.clock.view())

    # -- drawing -------------------------------------------------------------------------

    def _show_header(self, doc: Document, view: Presence | None) -> None:
        pm = doc.postmortem
        parts = [(clean(pm.title, single_line=True), "bold"), (f"  {clean(pm.id)}", QUIET)]
        if pm.severity:
            parts.append((f"  {clean(pm.severity)}", "bold $text-error"))
        if view is None:
            parts.append(("  · waiting for the facilitator", f"italic {QUIET}"))
        self.query_one("#pm-header", Static).update(Content.assemble(*parts))

    def _show_section(self, doc: Document, key: str, moved: bool) -> None:
        section = doc.section(key)
        spec = self.template.section(key)
        title = section.title if section else key
        self.query_one("#section-title", Static).update(
            Text(clean(title, single_line=True), style="bold")
        )
        position = [s.key for s in doc.sections].index(key) + 1
        meta = f"Section {position} of {len(doc.sections)}"
        if spec is not None and spec.timebox:
            meta += f" · {spec.timebox} min"
        self.query_one("#section-meta", Static).update(Content.styled(meta, QUIET))
        kind = spec.kind if spec else SectionKind.text
        markdown = section_markdown(doc, key, kind)
        scroll = self.query_one("#present-scroll", VerticalScroll)
        body = self.query_one("#present-body", Markdown)
        body.display = True
        self.query_one("#present-wrapup", Static).display = False
        at_end = scroll.max_scroll_y > 0 and scroll.scroll_y >= scroll.max_scroll_y - 1
        if moved or markdown != self._markdown:
            self._markdown = markdown
            body.update(markdown)
        if moved:
            scroll.scroll_home(animate=False)
        elif at_end:
            self.call_after_refresh(scroll.scroll_end, animate=False)

    def _show_wrap_up(self, doc: Document) -> None:
        self.query_one("#section-title", Static).update(Text("Wrap up", style="bold"))
        live = self.clock is not None and self.clock.phase is not Phase.idle
        record = self.clock.snapshot().record if self.clock is not None and live else None
        self.query_one("#section-meta", Static).update(
            Content.styled("Findings, owned actions and the follow-up review", QUIET)
        )
        summary = wrap_up(doc, self.template, self.today())
        self.query_one("#present-body", Markdown).display = False
        wrapup = self.query_one("#present-wrapup", Static)
        wrapup.display = True
        wrapup.update(wrap_up_view(summary, record, self.app.theme_variables))
        self._markdown = ""

    def _show_agenda(self, doc: Document) -> None:
        items = []
        for section in doc.sections:
            spec = self.template.section(section.key)
            written = not section.is_empty
            if spec is not None and spec.kind is SectionKind.timeline:
                written = written or bool(doc.events)
            elif spec is not None and spec.kind is SectionKind.actions:
                written = written or bool(doc.owned_actions)
            elif spec is not None and spec.kind is SectionKind.aspirational:
                written = written or bool(doc.aspirational_actions)
            items.append(
                AgendaItem(section.key, section.title, written, spec.timebox if spec else 0)
            )
        self.query_one(Agenda).show(items, self.key)
