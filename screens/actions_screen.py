"""Action items across every post-mortem: filter by owner, status and overdue; change status."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, DataTable, Input, Label, Select, Static
from textual.widgets.data_table import ColumnKey

from debrief.followup.listing import ActionFilter, ActionRow, counts, select
from debrief.models import ActionItem, ActionStatus
from debrief.screens.action_form import ActionDraft, ActionForm
from debrief.screens.action_rows import COLUMNS, RowColours, cells, layout
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.status_form import StatusChoice, StatusForm
from debrief.store import Conflict, StoreError
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.safe_text import SafeInput

POLL_SECONDS = 2.0
OUTSTANDING, EVERY = "outstanding", "all"
STATUS_CHOICES = [
    ("Outstanding", OUTSTANDING),
    ("All", EVERY),
    *[(s.value, s.value) for s in ActionStatus],
]

COMMANDS = [
    Command(
        "Change status",
        "f2",
        "change_status",
        "Status",
        "Open, in progress, done, or not doing (with the reason).",
        "change-status",
    ),
    Command(
        "Open post-mortem",
        "f3",
        "open_postmortem",
        "Post-mortem",
        "Open the highlighted item's post-mortem.",
        "open-item-postmortem",
    ),
    Command(
        "Overdue only",
        "f4",
        "toggle_overdue",
        "Overdue",
        "Show only overdue items, or everything again.",
        "overdue-only",
    ),
    Command(
        "Filter by owner",
        "ctrl+f",
        "filter_owner",
        "Owner",
        "Show only one owner's items.",
        "filter-owner",
    ),
    Command(
        "Back to the post-mortems",
        "escape",
        "back",
        "Back",
        "Return to the list of post-mortems.",
        "back",
        priority=False,
    ),
]


class ActionsScreen(BaseScreen):
    CSS_PATH = "actions_screen.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "#action-rows"

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, ActionRow] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text("Action items — every post-mortem", style="bold"), id="actions-title")
        with Horizontal(id="action-filters"):
            yield Label("Owner")
            yield SafeInput(compact=True, placeholder="anyone (ctrl+f)", id="owner-filter")
            yield Select(
                STATUS_CHOICES,
                value=OUTSTANDING,
                allow_blank=False,
                compact=True,
                id="status-filter",
            )
            yield Checkbox("Overdue only (f4)", compact=True, id="overdue-filter")
        yield DataTable(id="action-rows", cursor_type="row", zebra_stripes=True)
        yield Static(id="actions-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#action-rows", DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name, width=len(name))
        self.reload()
        self.follow_changes(self.reload, POLL_SECONDS)
        self.app.theme_changed_signal.subscribe(self, lambda _: self.reload())

    def on_screen_resume(self) -> None:
        if self.is_current:
            self.reload()

    # -- the rows ----------------------------------------------------------------

    def where(self) -> ActionFilter:
        choice = self.query_one("#status-filter", Select).value
        status = None if choice in (OUTSTANDING, EVERY) else ActionStatus(str(choice))
        return ActionFilter(
            include_all=choice != OUTSTANDING,
            overdue=self.query_one("#overdue-filter", Checkbox).value,
            owner=self.query_one("#owner-filter", Input).value,
            status=status,
        )

    def reload(self) -> None:
        try:
            found = select(self.store.action_rows(), self.where(), self.today())
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        table: DataTable[Text] = self.query_one("#action-rows", DataTable)
        keep = table.cursor_row
        table.clear()
        self.rows = {}
        lay = layout(found, self.size.width)
        theme = self.app.theme_variables
        colours = RowColours(late=f"bold {theme['text-error']}", done=theme["text-success"])
        for name, width in lay.widths.items():
            table.columns[ColumnKey(name)].width = width
        table.columns[ColumnKey("Post-mortem")].label = Text(
            "Post-mortem" if lay.pm_titles else "PM"
        )
        for row in found:
            self.rows[row.id] = row
            table.add_row(*cells(row, lay, colours), key=row.id)
        if found:
            table.move_cursor(row=min(keep, len(found) - 1))
        hint = counts(found) if found else "No action items match these filters."
        self.query_one("#actions-hint", Static).update(Content.styled(hint, "$foreground-muted"))

    def on_resize(self) -> None:
        if self.is_mounted:
            self.reload()

    def current(self) -> ActionRow | None:
        table = self.query_one("#action-rows", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    # -- filters -----------------------------------------------------------------

    @on(Input.Changed, "#owner-filter")
    @on(Select.Changed, "#status-filter")
    @on(Checkbox.Changed, "#overdue-filter")
    def _filters_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#owner-filter")
    def _owner_done(self) -> None:
        self.query_one("#action-rows", DataTable).focus()

    def action_filter_owner(self) -> None:
        self.query_one("#owner-filter", Input).focus()

    def action_toggle_overdue(self) -> None:
        self.query_one("#overdue-filter", Checkbox).toggle()

    # -- status and editing --------------------------------------------------------

    def action_change_status(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(StatusForm(row), lambda choice: self._set_status(row, choice))

    def _set_status(self, row: ActionRow, choice: StatusChoice | None) -> None:
        if choice is None:
            return
        store, base = self.store, _item(row)

        def done(item: ActionItem) -> None:
            title = " ".join(item.title.split())
            self.notify(f"“{title}” is now {item.status.value}.", markup=False)
            self.reload()

        def failed(exc: Exception) -> None:
            if isinstance(exc, Conflict):
                self.notify(
                    "Someone else changed this item's status meanwhile; the list now shows theirs.",
                    severity="warning",
                )
            else:
                self.notify(str(exc), severity="error", markup=False)
            self.reload()

        self.save_change(
            lambda: store.set_action_status(
                row.postmortem_id, row.id, choice.status, choice.reason, base=base
            ),
            done,
            failed,
        )

    @on(DataTable.RowSelected, "#action-rows")
    def _edit(self, event: DataTable.RowSelected) -> None:
        row = self.rows.get(event.row_key.value or "")
        if row is None:
            return
        participants = [p.name for p in self.store.get_postmortem(row.postmortem_id).participants]
        self.app.push_screen(
            ActionForm(participants, self.today(), item=_item(row)),
            lambda draft: self._edited(row, draft),
        )

    def _edited(self, row: ActionRow, draft: ActionDraft | None) -> None:
        """Save the form like the post-mortem does; a new not-doing status asks why first."""
        if draft is None:
            return
        store, base = self.store, _item(row)

        def failed(exc: Exception) -> None:
            if isinstance(exc, Conflict):
                self.notify(
                    "Someone else changed this item meanwhile; the list now shows theirs.",
                    severity="warning",
                )
            else:
                self.notify(str(exc), severity="error", markup=False)
            self.reload()

        if draft.delete:

            def deleted(_: object) -> None:
                self.notify("Action item deleted (it stays in the history).")
                self.reload()

            self.save_change(
                lambda: store.delete_action(row.postmortem_id, row.id), deleted, failed
            )
            return
        mine = {k: v for k, v in draft.changes().items() if k != "status" and getattr(base, k) != v}
        if mine:
            self.save_change(
                lambda: store.update_action(row.postmortem_id, row.id, mine, base=base),
                lambda saved: self._status_after_edit(row, draft, saved),
                failed,
            )
        else:
            self._status_after_edit(row, draft, base)

    def _status_after_edit(self, row: ActionRow, draft: ActionDraft, base: ActionItem) -> None:
        fresh = row.model_copy(update=base.model_dump())
        if draft.status is ActionStatus.not_doing and draft.status_reason:
            self._set_status(fresh, StatusChoice(draft.status, draft.status_reason))
        elif draft.status is ActionStatus.not_doing and base.status is not ActionStatus.not_doing:
            self.app.push_screen(
                StatusForm(base, start=ActionStatus.not_doing),
                lambda choice: self._set_status(fresh, choice),
            )
        elif draft.status is not base.status:
            self._set_status(fresh, StatusChoice(draft.status))
        else:
            self.reload()

    def action_open_postmortem(self) -> None:
        from debrief.screens.debrief_screen import DebriefScreen

        row = self.current()
        if row is not None:
            self.app.push_screen(DebriefScreen(row.postmortem_id))

    def action_back(self) -> None:
        self.dismiss()


def _item(row: ActionRow) -> ActionItem:
    """The plain item of a row (what the store compares a save with)."""
    return ActionItem.model_validate(row.model_dump(include=set(ActionItem.model_fields)))
