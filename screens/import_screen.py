"""Import timeline: a path and format form, then a preview to untick what to leave out.

Reading and storing run in worker threads (each opens its own Store: SQLite
connections belong to one thread) and report progress as messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from debrief.dates import DateError, local_zone
from debrief.importers import Format, ImportFailed, source_format, typed_options
from debrief.importers.preview import ImportRequest, Preview, read_preview
from debrief.literal import clean, literal
from debrief.models import TimelineEvent
from debrief.screens.base import BaseModal, Reaches
from debrief.screens.saving import BUSY, BUSY_HERE, RETRY_LONGEST
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.safe_text import SafeInput
from debrief.widgets.timeline_table import TimelineTable
from debrief.words import plural

if TYPE_CHECKING:
    from textual.timer import Timer

    from debrief.store import Store

T = TypeVar("T")
ERROR = "$text-error"
WARNING = "$text-warning"
"""Theme colours, resolved as drawn: 4.5:1 in every theme."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    already: int


def open_import(
    screen: Screen[Any], pm_id: str, done: Callable[[ImportResult | None], None]
) -> None:
    """The whole flow from `screen`: form, then preview; `done` gets what was imported."""

    def previewed(result: ImportResult | None) -> None:
        if result is not None:
            were = "was" if result.already == 1 else "were"
            screen.notify(
                f"{plural(result.added, 'event')} imported ({result.already} {were} already there)."
            )
        done(result)

    def chosen(request: ImportRequest | None) -> None:
        if request is not None:
            screen.app.push_screen(ImportPreview(pm_id, request), previewed)

    screen.app.push_screen(ImportForm(), chosen)


class ImportForm(BaseModal[ImportRequest | None]):
    CSS_PATH = ["forms.tcss", "import_screen.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
        Binding("ctrl+s", "preview", "Preview", id="preview-import", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Import timeline", classes="form-title")
            yield Label("File or export folder (Slack .zip or folder, .csv, .jsonl)")
            yield SafeInput(compact=True, id="path", placeholder="~/Downloads/slack-export.zip")
            yield Static(classes="field-error", id="path-error")
            with Horizontal(classes="form-row"):
                yield Select(
                    [
                        ("Slack export", Format.slack),
                        ("CSV", Format.csv),
                        ("JSON lines", Format.jsonl),
                    ],
                    compact=True,
                    prompt="format: from the name",
                    id="format",
                )
                yield SafeInput(compact=True, id="channel", placeholder="channels (all)")
            with Horizontal(classes="form-row"):
                yield SafeInput(compact=True, id="since", placeholder="since (ISO)")
                yield SafeInput(compact=True, id="until", placeholder="until (ISO)")
                yield SafeInput(
                    compact=True,
                    id="tz",
                    placeholder=f"zone ({datetime.now(local_zone()).tzname() or 'local'})",
                )
            yield Static(classes="field-error", id="options-error")
            with Horizontal(classes="form-buttons"):
                yield Button("Preview", compact=True, variant="primary", id="preview")
                yield Button("Cancel", compact=True, id="cancel")
            yield Static("Enter previews · Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _request(self) -> tuple[ImportRequest | None, str, str]:
        """The request, or the errors to show under the path and under the options."""
        raw = self.query_one("#path", Input).value.strip()
        chosen = self.query_one("#format", Select).value
        scope = self.debrief.import_scope()
        path, fmt, path_error = Path(raw), None, "Give a file or an export folder."
        if raw:
            try:
                path = scope.path(raw)
                fmt, path_error = (
                    source_format(path, chosen if isinstance(chosen, Format) else None),
                    "",
                )
            except ImportFailed as exc:
                path_error = f"{str(exc)[0].upper()}{str(exc)[1:]}."
        try:
            values = [self.query_one(f"#{name}", Input).value for name in ("since", "until", "tz")]
            options = typed_options([self.query_one("#channel", Input).value], *values)
        except DateError as exc:
            return None, path_error, str(exc)
        if fmt is None:
            return None, path_error, ""
        return ImportRequest(path, fmt, options, scope), "", ""

    @on(Input.Submitted)
    @on(Button.Pressed, "#preview")
    def action_preview(self) -> None:
        request, path_error, options_error = self._request()
        self.query_one("#path-error", Static).update(Content.styled(clean(path_error), ERROR))
        self.query_one("#options-error", Static).update(Content.styled(clean(options_error), ERROR))
        if request is not None:
            self.dismiss(request)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPreview(Reaches, Screen[ImportResult | None]):
    """What would be imported; Space leaves an event out, Enter imports the rest."""

    CSS_PATH = "import_screen.tcss"
    BINDINGS = [
        Binding("enter", "import", "Import", id="import-ticked", priority=True),
        Binding("a", "toggle_all", "All/none", id="tick-all", tooltip="Tick or untick everything."),
        Binding("w", "toggle_author", "Author", id="tick-author", tooltip="Tick or untick everything by this author."),
        Binding("escape", "cancel", "Cancel", id="cancel-import"),
    ]  # fmt: skip
    AUTO_FOCUS = "TimelineTable"

    @dataclass
    class Progress(Message):
        done: int
        total: int

    @dataclass
    class Read(Message):
        preview: Preview

    @dataclass
    class Imported(Message):
        result: ImportResult

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Locked(Message):
        """Another program holds the database: nothing was stored, the import waits."""

        events: list[TimelineEvent]
        already: int

    def __init__(self, pm_id: str, request: ImportRequest) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.request = request
        self.preview: Preview | None = None
        self.busy = True
        self.failed = False
        self.waiting: Timer | None = None
        """While the database is locked: the timer that tries the import again."""
        self._wait: float | None = None
        """Seconds before the next try while the database is locked (None: not locked yet)."""

    def compose(self) -> ComposeResult:
        yield Static(
            literal(f"Import preview — {self.request.path.name}", style="bold"), id="preview-title"
        )
        yield Static("Reading…", id="preview-status")
        yield ProgressBar(id="preview-progress", show_eta=False)
        yield Static(id="preview-problems")
        yield TimelineTable(checkable=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self._read()

    # -- workers -------------------------------------------------------------

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.post_message(self.Progress(done, total))

    def _with_store(self, use: Callable[[Store], T]) -> T:
        """Run `use` on a Store of this worker thread's own (an in-memory one stays on the UI's)."""
        from debrief.store import Store

        own = self.store
        if own.location is None:
            return self.app.call_from_thread(use, own)
        store = Store(
            own.location, author=own.author, clock=own.clock, busy_timeout=own.busy_timeout
        )
        try:
            return use(store)
        finally:
            store.close()

    @work(thread=True, exclusive=True, exit_on_error=False, group="import", description="Read")
    def _read(self) -> None:
        known = self._with_store(lambda store: store.source_ids(self.pm_id))
        try:
            preview = read_preview(self.request, known, self._progress_from_thread)
        except ImportFailed as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Read(preview))

    @work(thread=True, exclusive=True, exit_on_error=False, group="import", description="Import")
    def _write(self, events: list[TimelineEvent], already: int) -> None:
        from debrief.store import DatabaseLocked

        label, progress = f"import {self.request.fmt.value}", self._progress_from_thread
        try:
            counts = self._with_store(
                lambda store: store.import_events(self.pm_id, events, label, progress)
            )
        except DatabaseLocked:  # refused before anything was stored: the same import again
            self.post_message(self.Locked(events, already))
            return
        self.post_message(self.Imported(ImportResult(counts.added, counts.already + already)))

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "import" and event.state is WorkerState.ERROR:
            self.post_message(self.Failed(f"The import stopped: {event.worker.error}"))

    # -- what the workers report ---------------------------------------------

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total or None, progress=message.done)

    @on(Read)
    def _read_done(self, message: Read) -> None:
        self.busy, self.preview = False, message.preview
        self.query_one(ProgressBar).display = False
        problems = "\n".join(self.preview.problems())
        self.query_one("#preview-problems", Static).update(Content.styled(clean(problems), WARNING))
        table = self.query_one(TimelineTable)
        table.show(self.preview.events, gap_threshold=None, left_out=self.preview.left_out)
        self._show_status()

    def _show_status(self) -> None:
        if self.preview is not None:
            first, *rest = self.preview.summary()
            parts = [(clean(first), "bold"), *((clean(f" · {part}"), "") for part in rest)]
            hint = "\nSpace unticks · Enter imports · w: this author · a: all"
            parts.append((hint, "$foreground-muted"))
            self.query_one("#preview-status", Static).update(Content.assemble(*parts))

    @on(Locked)
    def _locked(self, message: Locked) -> None:
        if self._wait is None:
            self.notify(BUSY, severity="warning", timeout=8)
            self._wait = self.debrief.saver.retry_after
        self.query_one("#preview-status", Static).update(
            Content.styled(f"{BUSY_HERE} The import starts as soon as it is free.", WARNING)
        )
        self.waiting = self.set_timer(self._wait, lambda: self._again(message))
        self._wait = min(self._wait * 2, RETRY_LONGEST)

    def _again(self, message: Locked) -> None:
        self.waiting = None
        self.query_one("#preview-status", Static).update(
            f"Importing {plural(len(message.events), 'event')}…"
        )
        self._write(message.events, message.already)

    @on(Imported)
    def _imported(self, message: Imported) -> None:
        self.dismiss(message.result)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.busy, self.failed = False, True
        self.query_one(ProgressBar).display = False
        self.query_one("#preview-status", Static).update(
            Content.styled(clean(message.text), f"bold {ERROR}")
        )
        self.notify(message.text, severity="error", markup=False, timeout=10)

    # -- choosing ------------------------------------------------------------

    @on(TimelineTable.Toggled)
    def _toggled(self, message: TimelineTable.Toggled) -> None:
        if self.preview is not None:
            self.preview.toggle(message.index)
            self._marks_changed()

    def action_toggle_all(self) -> None:
        if self.preview is not None:
            self.preview.toggle_all()
            self._marks_changed()

    def action_toggle_author(self) -> None:
        table = self.query_one(TimelineTable)
        index = table.event_at_row(table.cursor)
        if self.preview is not None and index is not None:
            self.preview.toggle_author(index)
            self._marks_changed()

    def _marks_changed(self) -> None:
        self.query_one(TimelineTable).refresh_marks()
        self._show_status()

    def action_import(self) -> None:
        if self.busy or self.failed or self.preview is None:
            return
        chosen = self.preview.chosen()
        if not chosen:
            self.dismiss(ImportResult(0, self.preview.already))
            return
        self.busy = True
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=len(chosen), progress=0)
        self.query_one("#preview-status", Static).update(
            f"Importing {plural(len(chosen), 'event')}…"
        )
        self._write(chosen, self.preview.already)

    def action_cancel(self) -> None:
        if self.waiting is not None:  # nothing was stored yet: leave it
            self.waiting.stop()
            self.busy = False
        if self.busy and self.preview is not None:
            self.notify("The import is running; it finishes in a moment.")
            return
        self.workers.cancel_group(self, "import")
        self.dismiss(None)
