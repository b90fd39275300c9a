"""Home: every post-mortem with its status and debrief due date; search; new; open."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static

from debrief.literal import clean, literal
from debrief.models import Postmortem, Status
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.new_postmortem import NewPostmortem, NewPostmortemForm
from debrief.store import StoreError
from debrief.template import load_template

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


class HomeScreen(BaseScreen):
    CSS_PATH = "home.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "#postmortems"

    def __init__(self) -> None:
        super().__init__()
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("debrief — post-mortems", style="bold"), id="home-title")
        yield Input(placeholder="Search every post-mortem (ctrl+f)", id="search")
        yield DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-hint")
        yield Static(id="asks")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Id", "Title", "Status", "Sev", "Incident", "Debrief due")
        self.show(self.store.list_postmortems())

    def on_screen_resume(self) -> None:
        self._run_search()

    def show(self, pms: list[Postmortem]) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear()
        today = self.today()
        for pm in pms:
            due = Text(pm.debrief_due.isoformat() if pm.debrief_due else "")
            if pm.debrief_due and pm.status in (Status.draft, Status.ready):
                if pm.debrief_due < today:
                    due = Text(f"{pm.debrief_due.isoformat()} overdue", style="bold red")
                elif (pm.debrief_due - today).days <= 2:
                    due.stylize("yellow")
            table.add_row(
                literal(pm.id),
                literal(pm.title, single_line=True),
                Text(pm.status.value, style="green" if pm.status is Status.published else ""),
                literal(pm.severity),
                Text(pm.started_at.astimezone().date().isoformat() if pm.started_at else ""),
                due,
                key=pm.id,
            )
        hint = f"{len(pms)} post-mortems" if pms else "No post-mortems yet: ctrl+n starts one."
        self.query_one("#home-hint", Static).update(Text(hint, style="dim"))
        self._show_asks()

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
                text.append(" · ", style="dim")
            text.append(clean(person, single_line=True), style="bold")
            text.append(f" → {clean(', '.join(wanted), single_line=True)}")
        asks.update(text)

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
        self.show(self.store.search(query) if query else self.store.list_postmortems())

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
        self.app.push_screen(NewPostmortemForm(self.debrief.template_names()), self._created)

    def _created(self, draft: NewPostmortem | None) -> None:
        if draft is None:
            return
        try:
            template = load_template(draft.template, self.debrief.templates_dir)
            pm = self.store.create_postmortem(
                draft.title, template, started_at=draft.started_at, severity=draft.severity
            )
        except (StoreError, ValueError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._run_search()
        self.open(pm.id)
