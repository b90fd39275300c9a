"""The home screen's first frame on a terminal: the list drawn as text, which the table
and the search field replace just after. Keys pressed meanwhile are not lost."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Input

from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.home import HEADERS, HomeScreen
from debrief.screens.home_page import PageLook, page_text
from tests.conftest import NOW
from tests.screens.helpers import make_app, screen_text, wait_until

TITLES = ["Checkout down", "Search slow", "Login loops", "Queue backlog"]


def add_postmortems(store, template) -> None:  # type: ignore[no-untyped-def]
    for n, title in enumerate(TITLES):
        store.create_postmortem(title, template, started_at=NOW - timedelta(hours=10 - n))


async def first_page_home(app, pilot) -> HomeScreen:  # type: ignore[no-untyped-def]
    """The home screen as a terminal gets it (drawn first as text), switched in and
    not waited for."""
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
    home = HomeScreen(first_page=True)
    app.switch_screen(home)
    return home


async def test_down_and_enter_right_away_open_the_second_postmortem(store, template):
    add_postmortems(store, template)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        home = await first_page_home(app, pilot)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        table = home.query_one(DataTable)
        second = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert table.cursor_row == 1
        assert app.screen.pm_id == second  # type: ignore[attr-defined]
        assert store.get_postmortem(second).title == TITLES[-2]  # newest first


async def test_a_search_typed_right_away_is_run_whole(store, template):
    add_postmortems(store, template)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        home = await first_page_home(app, pilot)
        await pilot.press("ctrl+f", *"backlog", "enter")
        table = home.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 1)
        assert home.query_one("#search", Input).value == "backlog"
        assert app.focused is table
        assert "Queue backlog" in screen_text(app) and "Checkout down" not in screen_text(app)


async def test_the_table_replaces_the_first_page_with_every_row(store, template):
    add_postmortems(store, template)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        home = await first_page_home(app, pilot)
        await wait_until(pilot, lambda: bool(home.query("#postmortems")))
        table = home.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == len(TITLES))
        assert not home.query("#first-page, #search-page")
        assert app.focused is table and table.cursor_row == 0
        assert "4 post-mortems" in screen_text(app)


async def test_the_first_page_shows_the_tables_text(store, template):
    """Header and rows as the table draws them, each row on one line at this width."""
    add_postmortems(store, template)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == len(TITLES))
        pms = [store.get_postmortem(str(key.value)) for key in table.rows]
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        page = page_text(HEADERS, list(home.rows(pms)), widths, 36, PageLook(app), app.console)
        lines = page.plain.splitlines()
        assert len(lines) == 1 + len(TITLES)
        shown = " ".join(screen_text(app).split())
        for line in lines:
            assert " ".join(line.split()) in shown, line


async def test_more_postmortems_than_lines_all_follow_the_first_page_in_order(store, template):
    """The first frame reads only as many rows as the terminal has lines; the table
    that replaces it still ends up with every post-mortem, newest first, none twice."""
    for n in range(60):
        store.create_postmortem(f"Incident {n:02d}", template, started_at=NOW - timedelta(hours=n))
    app = make_app(store)
    read: list[int | None] = []
    listed_postmortems = store.listed_postmortems

    def counting(limit=None, offset=0):  # type: ignore[no-untyped-def]
        read.append(limit)
        return listed_postmortems(limit=limit, offset=offset)

    store.listed_postmortems = counting
    async with app.run_test(size=(100, 24)) as pilot:
        # The app's own home screen reads its pages on a timer: let it finish, so that its
        # last read cannot land among the switched-in screen's (it did on a busy machine).
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        started = app.screen
        await wait_until(
            pilot,
            lambda: (
                bool(started.query("#postmortems")) and started.query_one(DataTable).row_count == 60
            ),
        )
        home = await first_page_home(app, pilot)
        await wait_until(pilot, lambda: bool(home.query("#postmortems")))
        table = home.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 60)
        titles = [store.get_postmortem(str(key.value)).title for key in table.rows]
        assert titles == [f"Incident {n:02d}" for n in range(60)]
        assert read[-2] == 24  # the switched-in home screen's first page: the terminal's lines
        assert "60 post-mortems" in screen_text(app)
