"""Publish preview: checklist, ticket plan, Slack announcement, rendered document; then publish.

Everything shown is worked out locally (no network). Publishing runs in a worker
thread with its own Store connection (SQLite connections belong to one thread)
and reports progress back as messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    DataTable,
    Markdown,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from debrief.literal import clean, literal
from debrief.publish import PublishError
from debrief.publish.jira_errors import check_config
from debrief.publish.runner import Prepared, PublishOptions, PublishSummary, prepare
from debrief.publish.targets import configured
from debrief.publish.targets import line as target_line
from debrief.redact import redact_url
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.theme_style import rich_style
from debrief.store import StoreError
from debrief.widgets.key_bar import KeyBar
from debrief.words import plural

COMMANDS = [
    Command(
        "Publish now",
        "p",
        "publish(True)",
        "Publish",
        "Create or update the Jira tickets, write the documents, announce.",
        "publish-now",
        priority=False,
    ),
    Command(
        "Publish without Jira",
        "n",
        "publish(False)",
        "No Jira",
        "Write the documents only; no tickets.",
        "publish-no-jira",
        priority=False,
    ),
    Command(
        "Toggle document",
        "d",
        "toggle_document",
        "Document",
        "Switch between the ticket plan and the rendered document.",
        "toggle-document",
        priority=False,
    ),
    Command(
        "Back to the debrief",
        "escape",
        "back",
        "Back",
        "Return to the section you were in.",
        "back",
    ),
]
CHANGE_STYLE = {"create": "bold", "update": "bold italic", "keep": "italic"}
LEVEL_STYLE = {"ok": "$text-success", "warning": "$text-warning", "blocking": "bold $text-error"}
OWNER_WIDTH = 16
MIN_TITLE_WIDTH = 16


class PublishScreen(BaseScreen):
    CSS_PATH = "publish_screen.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "#ticket-plan"

    @dataclass
    class Progress(Message):
        """Progress of the publish running in the worker (total < 0: only a note)."""

        text: str
        done: int
        total: int

    @dataclass
    class Published(Message):
        summary: PublishSummary

    @dataclass
    class Failed(Message):
        text: str

    def __init__(self, pm_id: str) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.prepared: Prepared | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        yield Static(id="publish-header")
        with TabbedContent(id="panes"):
            with TabPane("Checklist & tickets", id="plan-pane"), VerticalScroll():
                yield Static(id="checklist")
                yield Static(id="jira-target")
                yield DataTable(id="ticket-plan", cursor_type="row", zebra_stripes=True)
                yield Static(id="documents")
                yield Static(id="targets")
                yield Static(id="announcement")
            with TabPane("Document", id="document-pane"), VerticalScroll():
                yield Markdown(id="document")
        with Horizontal(id="progress-row"):
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="progress-text")
        yield Static(id="result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#progress-row").display = False
        self.refresh_preview()
        if self.off_here:
            self.query_one("#result", Static).update(Content.styled(self.off_here, "$text-warning"))

    @property
    def off_here(self) -> str:
        """Why publishing is off in this session ('' when it is not): a browser session
        would publish with the server's credentials unless the server allows it."""
        app = self.debrief
        if app.in_browser and not app.config.serve.allow_publish:
            return "Publishing from a browser is off on this server ([serve] allow_publish)."
        return ""

    # -- the preview -------------------------------------------------------------

    def refresh_preview(self) -> None:
        config = self.debrief.config
        options = PublishOptions(**configured(config))
        self.prepared = prepared = prepare(self.store, self.pm_id, config, options)
        pm = prepared.doc.postmortem
        header = Text("Publish preview  ", style="bold")
        header.append_text(literal(f"{pm.id}  {pm.status.value}  ", style="italic"))
        header.append_text(literal(pm.title, single_line=True))
        self.query_one("#publish-header", Static).update(header)

        checklist = Content("\n").join(
            Content.styled(clean(f.line), LEVEL_STYLE[f.level.value])
            for f in prepared.preflight.findings
        )
        self.query_one("#checklist", Static).update(checklist)
        self.query_one("#jira-target", Static).update(self._jira_target())

        self._fill_plan()
        aspirational = len(prepared.doc.aspirational_actions)
        docs = Text("Documents", style="bold")
        for path in prepared.paths:
            docs.append_text(literal(f"\n  {path}"))
        if aspirational:
            docs.append(
                f"\n{plural(aspirational, '“if we have time” item')}: in the document, never ticketed."
            )
        self.query_one("#documents", Static).update(docs)
        targets = Text()
        for target in prepared.target_plans():  # Confluence and git, when configured
            name = {"confluence": "Confluence", "git": "Git repository"}[target.target]
            targets.append(f"\n{name} " if targets else f"{name} ", style="bold")
            targets.append_text(literal(target.where, single_line=True))
            for note in target.notes:
                targets.append_text(literal(f"\n  {note}", single_line=False))
        self.query_one("#targets", Static).update(targets)
        self.query_one("#targets", Static).display = bool(targets)
        self.query_one("#announcement", Static).update(self._announcement(prepared))
        self.query_one("#document", Markdown).update(self._document(prepared))

    def _announcement(self, prepared: Prepared) -> Text:
        """The exact Slack text publishing would post, and where (its secret masked)."""
        if not prepared.webhook:
            return Text("No Slack announcement (no webhook configured).")
        text = Text("Slack announcement to ", style="bold")
        text.append_text(literal(redact_url(prepared.webhook), single_line=True))
        for line in prepared.announcement().splitlines():
            text.append_text(literal(f"\n  {line}"))
        return text

    def _document(self, prepared: Prepared) -> str:
        """The document as it stands, its status the current one (publishing marks it published)."""
        from debrief.meeting_summary import document_markdown

        return document_markdown(prepared.doc, prepared.meetings, self.debrief.config.jira.url)

    def _fill_plan(self) -> None:
        """The ticket plan, its title column fitted to the width so nothing scrolls sideways."""
        if self.prepared is None:
            return
        planned = self.prepared.planned
        rows = [
            (
                Text(
                    p.change.value + (f" ({', '.join(p.changed)})" if p.changed else ""),
                    style=rich_style(self.app, CHANGE_STYLE[p.change.value]),
                ),
                literal(p.key or "—"),
                Text(p.fields.due.isoformat() if p.fields.due else "—"),
                literal(p.fields.owner, single_line=True),
                literal(p.fields.priority),
                literal(p.fields.summary, single_line=True),
            )
            for p in planned
        ]
        names = ["Change", "Ticket", "Due", "Owner", "Priority", "Action item"]
        widths = [max([len(n), *(r[i].cell_len for r in rows)]) for i, n in enumerate(names)]
        widths[3] = min(widths[3], OWNER_WIDTH)
        spare = self.size.width - sum(widths[:5]) - 2 * len(names) - 8  # margins, scrollbar
        widths[5] = max(MIN_TITLE_WIDTH, min(widths[5], spare))
        table = self.query_one("#ticket-plan", DataTable)
        table.clear(columns=True)
        for name, width in zip(names, widths, strict=True):
            table.add_column(name, width=width)
        for p, row in zip(planned, rows, strict=True):
            for cell in row:
                cell.no_wrap, cell.overflow = True, "ellipsis"
            table.add_row(*row, key=p.item.id)

    def on_resize(self) -> None:
        self._fill_plan()

    def _jira_target(self) -> Text | Content:
        jira = self.debrief.config.jira
        try:
            check_config(jira, alone="or press n to publish the document alone")
        except PublishError as exc:
            return Content.styled(clean(f"{exc}."), "$text-warning")
        text = Text("Tickets in Jira ", style="bold")
        text.append_text(literal(f"{jira.project} at {redact_url(jira.url)}", single_line=True))
        return text

    # -- actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "publish" and self.running)

    def action_publish(self, use_jira: bool) -> None:
        if self.running:
            return
        if self.off_here:
            self.notify(self.off_here, severity="warning", markup=False)
            return
        if self.store.location is None:
            self.notify("Publishing needs a database file.", severity="error", markup=False)
            return
        self.running = True
        self.refresh_bindings()
        self.query_one("#progress-row").display = True
        self.query_one("#result", Static).update(Text("Publishing…", style="italic"))
        self._publish(use_jira)

    def action_toggle_document(self) -> None:
        panes = self.query_one(TabbedContent)
        panes.active = "document-pane" if panes.active == "plan-pane" else "plan-pane"

    def action_back(self) -> None:
        if self.running:
            self.notify("Publishing is still running; it is safe to wait for it.", markup=False)
            return
        self.dismiss()

    @work(thread=True, exclusive=True, exit_on_error=False, group="publish", description="Publish")
    def _publish(self, use_jira: bool) -> None:
        from debrief.publish.runner import run
        from debrief.store import Store

        own = self.store
        store = Store(own.location, author=own.author, clock=own.clock)

        def progress(text: str, done: int, total: int) -> None:
            self.post_message(self.Progress(text, done, total))

        def waiting(text: str) -> None:
            self.post_message(self.Progress(text, -1, -1))

        try:
            prepared = prepare(
                store,
                self.pm_id,
                self.debrief.config,
                PublishOptions(jira=use_jira, **configured(self.debrief.config)),
            )
            summary = run(store, prepared, progress=progress, on_wait=waiting)
            self.post_message(self.Published(summary))
        except (PublishError, StoreError, OSError) as exc:
            self.post_message(self.Failed(str(exc)))
        finally:
            store.close()

    # -- what the worker reports -------------------------------------------------------

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if message.total >= 0:
            self.query_one(ProgressBar).update(total=message.total or None, progress=message.done)
        if message.text:
            self.query_one("#progress-text", Static).update(literal(message.text))

    @on(Published)
    def _published(self, message: Published) -> None:
        self._finished()
        summary = message.summary
        counts: dict[str, int] = {}
        for ticket in summary.tickets:
            counts[ticket.result] = counts.get(ticket.result, 0) + 1
        parts = ", ".join(f"{n} {result}" for result, n in counts.items()) or "no tickets"
        text = f"Published {summary.postmortem_id}: {parts}; documents written."
        notes = list(dict.fromkeys(n for t in summary.tickets for n in t.notes))
        if summary.slack.startswith("failed"):
            notes.append(f"Slack: {summary.slack.removeprefix('failed: ')}")
        result = Content.styled(clean(text), "bold $text-success")
        for target in summary.targets:  # where the Confluence page and the commit are
            result = result.append_text(clean(f"\n{target_line(target)}"), "$text-success")
        for note in notes[:3]:
            result = result.append_text(clean(f"\n{note}"), "$text-warning")
        self.query_one("#result", Static).update(result)
        self.notify(text, markup=False)
        self.refresh_preview()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self._finished()
        self.query_one("#result", Static).update(
            Content.styled(clean(message.text), "bold $text-error")
        )
        self.notify(message.text, severity="error", markup=False, timeout=10)
        self.refresh_preview()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "publish" and event.state is WorkerState.ERROR:
            error: Any = event.worker.error
            # Only the type: an unexpected error's text could carry request details.
            self.post_message(
                self.Failed(f"Publishing stopped on an unexpected {type(error).__name__}")
            )

    def _finished(self) -> None:
        self.running = False
        self.refresh_bindings()
        self.query_one("#progress-row").display = False
