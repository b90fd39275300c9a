"""Home: every post-mortem with its status and debrief due date; search; new; open."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from debrief.kinds import Status
from debrief.literal import clean, literal
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.first_frame import read_css_now
from debrief.screens.home_page import HEADERS, column_widths
from debrief.screens.insights_controls import InsightsControls, insights_command
from debrief.screens.theme_style import rich_style
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.textual_adapter import KeyHolder, send_key
from debrief.words import plural

if TYPE_CHECKING:
    from textual.widgets import DataTable, Input

    from debrief.models import Postmortem
    from debrief.screens.new_postmortem import NewPostmortem
    from debrief.store.listed import Listed

    Shown = Postmortem | Listed
    """What the list draws: the listing's light rows, or a search's records."""

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

SEARCH_PLACEHOLDER = "Search every post-mortem (ctrl+f)"
SEARCH_DELAY = 0.25
FIRST_PAGE = 50
"""Rows read before the first frame at most: as many as the terminal has lines (always
more than the list shows), so the home screen shows at once; the rest follow."""
PAGE = 250
PAGE_DELAY = 0.05
"""Seconds between later pages, so the first frame is drawn before they are added."""


class HomeScreen(KeyHolder, InsightsControls, BaseScreen):
    CSS_PATH = "home.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "#postmortems"

    def __init__(self, first_page: bool | None = None) -> None:
        """`first_page`: draw the first frame with the list as text (`home_page.py`),
        the table and search field replacing it just after; None: when the app draws
        on a terminal (not headless)."""
        super().__init__()
        read_css_now(self)
        self._search_timer: Timer | None = None
        self._listing = 0
        self._widths: dict[str, int] = {}
        self._first_page = first_page
        self._real = False
        """The table and the search field are on the screen (not the first page's text)."""
        self._early_keys: list[events.Key | None] | None = []
        """Keys pressed on the first page (None once the table is on its way); a None
        in it is ctrl+f, whose keys after it go to the search field."""
        self._late_keys: list[events.Key | None] = []
        """Keys pressed while the table is being mounted."""
        self._shown: list[Shown] = []
        self._resumed = False
        self._total = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("debrief — post-mortems", style="bold"), id="home-title")
        light = self._first_page
        if light is None:
            light = not self.app.is_headless
        if light:
            yield Static(Text(SEARCH_PLACEHOLDER), id="search-page")
            yield Static(id="first-page")
        else:
            self._real = True
            yield from self._real_widgets()
        yield Static(id="home-hint")
        for note in ("asks", "follow-ups", "soaks"):
            static = Static(id=note)
            static.display = False  # until there is something to show
            yield static
        yield KeyBar()

    def _real_widgets(self) -> tuple[Input, DataTable[Text]]:
        from textual.widgets import DataTable

        from debrief.widgets.safe_text import SafeInput

        search = SafeInput(placeholder=SEARCH_PLACEHOLDER, id="search")
        return search, DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)

    async def _make_real(self) -> None:
        """The table and the search field in place of the first page's text, holding
        what it showed; the table focused, then the keys pressed meanwhile sent to it
        in order (and the later pages following)."""
        if self._real or self._early_keys is None or not self.is_attached:
            return
        keys, self._early_keys = self._early_keys, None  # from now on keys wait here
        search, table = self._real_widgets()
        if self.app.is_headless:
            search.cursor_blink = False  # as BaseScreen does for the fields it mounts with
        await self.mount(search, table, after="#home-title")
        self.query("#search-page, #first-page").remove()
        self._real = True
        self._widths = {}
        self._fit_columns(self.size.width)
        self._add_rows(self._shown)
        target: Widget = table
        self.set_focus(table)
        for key in [*keys, *self._late_keys]:
            if key is None:  # ctrl+f
                target = search
                self.set_focus(search)
            else:
                send_key(target, key)
        self._late_keys = []
        if self._total > len(self._shown):
            self._next_page(self._listing, len(self._shown))

    def holds_keys(self) -> bool:
        """Keys the app sends here while the first page shows (nothing is focused yet)
        wait for the table, which then gets them as if it had been focused all along."""
        return not self._real

    def hold_key(self, key: events.Key) -> None:
        self._wait_for_table(key)

    def _wait_for_table(self, key: events.Key | None) -> None:
        if self._early_keys is None:
            self._late_keys.append(key)  # the table is being mounted
        else:
            self._early_keys.append(key)
            if len(self._early_keys) == 1:
                self.call_later(self._make_real)

    def on_mount(self) -> None:
        self._fit_columns(self.app.size.width)
        self.watch(self.app, "theme", self._rethemed, init=False)

    def _fit_columns(self, width: int) -> bool:
        """Size the columns to the screen (True if they changed; the rows must be added again)."""
        widths = column_widths(width)
        if widths == self._widths:
            return False
        self._widths = widths
        if not self._real:
            return True
        table = self._table()
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

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # Shown the first time: its widgets took their styles as they were mounted,
            # so Textual's restyling of the whole screen (before the first frame) is skipped.
            self._resumed = True
            event.refresh_styles = False
        if self.app.screen is self:  # not when another screen was pushed straight over it
            self._run_search()
            if not self._real:
                self.call_after_refresh(self._make_real)  # after the first frame

    def _table(self) -> DataTable[Text]:
        from textual.widgets import DataTable

        return self.query_one("#postmortems", DataTable)

    def show(self, pms: Sequence[Shown], total: int | None = None) -> None:
        """Show these post-mortems (the first of `total`, when more will be appended)."""
        self._listing += 1
        count = len(pms) if total is None else total
        self._shown, self._total = list(pms), count
        if self._real:
            self._table().clear()
            self._add_rows(pms)
        else:
            self._draw_first_page()
        hint = plural(count, "post-mortem") if count else "No post-mortems yet: ctrl+n starts one."
        self.query_one("#home-hint", Static).update(Text(hint, style="italic"))

    def _draw_first_page(self) -> None:
        from debrief.screens.home_page import PageLook, page_text

        pages = self.query("#first-page").results(Static)
        page = next(pages, None)
        if page is None:
            return  # the table is taking its place: it shows the rows
        height = self.size.height or self.app.size.height
        rows = list(self.rows(self._shown[:height]))
        look = PageLook(self.app)
        page.update(page_text(HEADERS, rows, self._widths, height, look, self.app.console))

    def _add_rows(self, pms: Sequence[Shown]) -> None:
        table = self._table()
        for pm, (cells, wraps) in zip(pms, self.rows(pms), strict=True):
            table.add_row(
                *(cells[key] for key in self._widths),
                key=pm.id,
                height=None if wraps else 1,
            )

    def rows(self, pms: Sequence[Shown]) -> Iterator[tuple[dict[str, Text], bool]]:
        """Each post-mortem's cells by column, and whether the row wraps (title or due
        date wider than its column)."""
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
            yield cells, title.cell_len > widths["title"] or due.cell_len > widths["due"]

    def _show_all(self) -> None:
        """Every post-mortem: the first page now, the others a page at a time just after."""
        total = self.store.count_postmortems()
        first = min(FIRST_PAGE, max(self.app.size.height, 1))
        self.show(self.store.listed_postmortems(limit=first), total)
        if total > first and self._real:  # else when the table replaces the first page
            self._next_page(self._listing, first)

    def _next_page(self, listing: int, offset: int) -> None:
        self.set_timer(PAGE_DELAY, lambda: self._show_more(listing, offset))

    def _show_more(self, listing: int, offset: int) -> None:
        if listing != self._listing or not self.is_attached:
            return  # a search (or a newer listing) replaced this one
        pms = self.store.listed_postmortems(limit=PAGE, offset=offset)
        self._shown = [*self._shown, *pms]
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
        if self._real:
            self._search_field().focus()
        else:  # the keys typed after it go to the search field once it is there
            self._wait_for_table(None)

    def _search_field(self) -> Input:
        from textual.widgets import Input

        return self.query_one("#search", Input)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self._run_search()
        self._table().focus()

    def _run_search(self) -> None:
        query = self._search_field().value.strip() if self._real else ""
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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open(event.row_key.value)

    def action_open(self) -> None:
        if not self._real:
            return
        table = self._table()
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
