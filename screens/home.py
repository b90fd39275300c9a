"""Home: every post-mortem with its status and debrief due date; search; new; open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from debrief.kinds import Status
from debrief.literal import clean, literal
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.insights_controls import InsightsControls, insights_command
from debrief.screens.theme_style import rich_style
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.safe_text import SafeInput
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.models import Postmortem
    from debrief.screens.new_postmortem import NewPostmortem

COMMANDS = [
    Command(
        "New post-mortem",
        "ctrl+n",
        "new",
        "New",
        "Start a post-mortem from a template.",
        "new-postmortem",
    ),
    Command(
        "Search post-mortems",
        "ctrl+f",
        "search",
        "Search",
        "Full-text search over every post-mortem.",
        "search",
    ),
    Command(
        "Action items",
        "f5",
        "action_items",
        "Actions",
        "Outstanding and overdue action items across every post-mortem.",
        "action-items",
    ),
    insights_command("f6"),
    Command(
        "Open post-mortem",
        "enter",
        "open",
        "Open",
        "Open the highlighted post-mortem.",
        "open",
        show=False,
        priority=False,
    ),
]

SEARCH_DELAY = 0.25
FIRST_PAGE = 50
"""Rows in the first frame (more than a screenful): the home screen shows at once."""
PAGE = 250
PAGE_DELAY = 0.05
"""Seconds between later pages, so the first frame is drawn before they are added."""

FIXED_WIDTHS = {"id": 8, "status": 9, "sev": 5, "incident": 10}
DUE_WIDE, DUE_NARROW = 18, 11
"""The due column fits "2026-11-15 overdue" on one line, or wraps "overdue" under the date."""
TITLE_ROOM = 40
"""Below this the incident date makes way for the title (the due date follows from it)."""
MIN_TITLE, MAX_TITLE = 16, 72
HEADERS = {
    "id": "Id",
    "title": "Title",
    "status": "Status",
    "sev": "Sev",
    "incident": "Incident",
    "due": "Debrief due",
}


def column_widths(width: int) -> dict[str, int]:
    """Column widths for a list `width` cells wide: the title takes what is left.

    Every column has one cell of padding each side, and the vertical scrollbar
    takes two.
    """
    room = width - 2

    def title_room(widths: dict[str, int]) -> int:
        return room - sum(widths.values()) - 2 * (len(widths) + 1)

    widths = {**FIXED_WIDTHS, "due": DUE_WIDE}
    if title_room(widths) < TITLE_ROOM:
        widths["due"] = DUE_NARROW
    if title_room(widths) < TITLE_ROOM:
        del widths["incident"]
    title = min(MAX_TITLE, max(MIN_TITLE, title_room(widths)))
    order = ["id", "title", "status", "sev", "incident", "due"]
    return {
        key: title if key == "title" else widths[key]
        for key in order
        if key in widths or key == "title"
    }


class HomeScreen(InsightsControls, BaseScreen):
    CSS_PATH = "home.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "#postmortems"

    def __init__(self) -> None:
        super().__init__()
        self._search_timer: Timer | None = None
        self._listing = 0
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text("debrief — post-mortems", style="bold"), id="home-title")
        yield SafeInput(placeholder="Search every post-mortem (ctrl+f)", id="search")
        yield DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-hint")
        for note in ("asks", "follow-ups", "soaks"):
            static = Static(id=note)
            static.display = False  # until there is something to show
            yield static
        yield KeyBar()

    def on_mount(self) -> None:
        self._fit_columns(self.app.size.width)
        self.watch(self.app, "theme", self._rethemed, init=False)

    def _fit_columns(self, width: int) -> bool:
        """Size the columns to the screen (True if they changed; the rows must be added again)."""
        widths = column_widths(width)
        if widths == self._widths:
            return False
        self._widths = widths
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for key, cells in widths.items():
            table.add_column(HEADERS[key], width=cells, key=key)
        return True

    def on_resize(self) -> None:
        if self._fit_columns(self.size.width) and self.app.screen is self:
            self._run_search()

    def _rethemed(self) -> None:
        if self.is_attached:
            self._run_search()  # the colours of the cells are the theme's

    def on_screen_resume(self) -> None:
        if self.app.screen is self:  # not when another screen was pushed straight over it
            self._run_search()

    def show(self, pms: list[Postmortem], total: int | None = None) -> None:
        """Show these post-mortems (the first of `total`, when more will be appended)."""
        self._listing += 1
        self.query_one(DataTable).clear()
        self._add_rows(pms)
        count = len(pms) if total is None else total
        hint = plural(count, "post-mortem") if count else "No post-mortems yet: ctrl+n starts one."
        self.query_one("#home-hint", Static).update(Text(hint, style="italic"))

    def _add_rows(self, pms: list[Postmortem]) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        today = self.today()
        widths = self._widths
        late, soon, done = (
            rich_style(self.app, s) for s in ("bold $text-error", "$text-warning", "$text-success")
        )
        for pm in pms:
            due = Text(pm.debrief_due.isoformat() if pm.debrief_due else "")
            if pm.debrief_due and pm.status in (Status.draft, Status.ready):
                if pm.debrief_due < today:
                    due = Text(f"{pm.debrief_due.isoformat()} overdue", style=late)
                elif (pm.debrief_due - today).days <= 2:
                    due.stylize(soon)
            title = literal(pm.title, single_line=True)
            cells = {
                "id": literal(pm.id),
                "title": title,
                "status": Text(
                    pm.status.value, style=done if pm.status is Status.published else ""
                ),
                "sev": literal(pm.severity, single_line=True),
                "incident": Text(
                    pm.started_at.astimezone().date().isoformat() if pm.started_at else ""
                ),
                "due": due,
            }
            wraps = title.cell_len > widths["title"] or due.cell_len > widths["due"]
            table.add_row(
                *(cells[key] for key in widths),
                key=pm.id,
                height=None if wraps else 1,
            )

    def _show_all(self) -> None:
        """Every post-mortem: the first page now, the others a page at a time just after."""
        total = self.store.count_postmortems()
        self.show(self.store.list_postmortems(limit=FIRST_PAGE), total)
        if total > FIRST_PAGE:
            self._next_page(self._listing, FIRST_PAGE)

    def _next_page(self, listing: int, offset: int) -> None:
        self.set_timer(PAGE_DELAY, lambda: self._show_more(listing, offset))

    def _show_more(self, listing: int, offset: int) -> None:
        if listing != self._listing or not self.is_attached:
            return  # a search (or a newer listing) replaced this one
        pms = self.store.list_postmortems(limit=PAGE, offset=offset)
        self._add_rows(pms)
        if len(pms) == PAGE:
            self._next_page(listing, offset + PAGE)

    def _show_asks(self) -> None:
        """What each person is asked to contribute, across every post-mortem."""
        by_person: dict[str, list[str]] = {}
        for request in self.store.requests():
            by_person.setdefault(request.person, []).append(
                f"{request.key} of {request.postmortem_id}"
            )
        asks = self.query_one("#asks", Static)
        asks.display = bool(by_person)
        text = Text("Asked to contribute: ", style="bold")
        for i, (person, wanted) in enumerate(sorted(by_person.items())):
            if i:
                text.append(" · ")
            text.append(clean(person, single_line=True), style="bold")
            text.append(f" → {clean(', '.join(wanted), single_line=True)}")
        asks.update(text)

    def _show_follow_ups(self) -> None:
        """Post-mortems whose follow-up review (set at wrap-up) is due today or past."""
        due = self.store.follow_ups_due(self.today())
        note = self.query_one("#follow-ups", Static)
        note.display = bool(due)
        note.styles.padding = (0, 1)
        text = Text("Follow-up review due: ", style="bold $text-warning")
        for i, pm in enumerate(due[:3]):
            text.append(" · " if i else "")
            text.append(f"{clean(pm.id)} ", style="bold")
            text.append(clean(pm.title, single_line=True))
            text.append(f" ({pm.follow_up.isoformat() if pm.follow_up else ''})")
        if len(due) > 3:
            text.append(f" and {len(due) - 3} more")
        note.update(text)

    def action_action_items(self) -> None:
        from debrief.screens.actions_screen import ActionsScreen

        self.app.push_screen(ActionsScreen())

    # -- search -----------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def _search_typed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._run_search()
        self.query_one(DataTable).focus()

    def _run_search(self) -> None:
        query = self.query_one("#search", Input).value.strip()
        if query:
            self.show(self.store.search(query))
        else:
            self._show_all()
        self.set_timer(PAGE_DELAY, self._show_notes)  # after the first frame

    def _show_notes(self) -> None:
        if self.is_attached:
            self._show_asks()
            self._show_follow_ups()
            from debrief.screens.practice_home import show_soaks

            show_soaks(self)

    # -- open and new -----------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key:
                self.open(key)

    def open(self, pm_id: str) -> None:
        from debrief.screens.debrief_screen import DebriefScreen

        self.app.push_screen(DebriefScreen(pm_id))

    def action_new(self) -> None:
        from debrief.screens.new_postmortem import NewPostmortemForm

        self.app.push_screen(NewPostmortemForm(self.debrief.template_names()), self._created)

    def _created(self, draft: NewPostmortem | None) -> None:
        if draft is None:
            return
        from debrief.template import load_template

        try:
            template = load_template(draft.template, self.debrief.templates_dir)
        except ValueError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        store, waited = self.store, False

        def created(pm: Postmortem) -> None:
            self._run_search()
            if not waited or self.is_current:  # after a wait, only over this list
                self.open(pm.id)

        waited = not self.save_change(
            lambda: store.create_postmortem(
                draft.title, template, started_at=draft.started_at, severity=draft.severity
            ),
            created,
        )
