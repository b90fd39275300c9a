"""What the room reads on the shared screen: titles and events in full, keys never cut."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from debrief.models import ActionItem, TimelineEvent
from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.widgets.action_table import ActionTable
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.timeline_table import TimelineTable
from tests.screens.helpers import make_app, screen_text, wait_until

SIZES = [(80, 24), (120, 36), (200, 50)]
LONG_TITLE = (
    "Add a pre-deploy check that compares the connection pool settings of every payments "
    "service against the values load-tested in staging, and blocks the rollout on a change"
)
LONG_EVENT = (
    "Ana notices in the pool dashboard that idle connections dropped from fifty to five "
    "exactly when the rollout reached one hundred percent, and posts the graph in the channel"
)


def in_order(words: list[str], text: str) -> bool:
    """Every word of `words` appears in `text`, in this order (other words may come between,
    as a wrapped cell shares its lines with the cells beside it)."""
    seen = text.split()
    position = 0
    for word in words:
        try:
            position = seen.index(word, position) + 1
        except ValueError:
            return False
    return True


async def go_to(pilot, key: str) -> DebriefScreen:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    screen.go_to(key)
    await pilot.pause()
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_action_title_reads_in_full(store, demo_id, size):
    store.add_action(
        demo_id,
        ActionItem(title=LONG_TITLE, owner="Søren Kierkegaard", due=date(2026, 12, 20)),
    )
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, "action-items")
        table = app.screen.query_one("#actions-table", ActionTable)
        items = [item for item in store.actions(demo_id) if not item.aspirational]
        assert table.row_count == len(items)
        for row, item in enumerate(items):  # scrolled to, each one reads whole
            table.move_cursor(row=row)
            await pilot.pause()
            shown = screen_text(app)
            assert in_order(item.title.split(), shown), item.title
        assert "Søren" in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_timeline_events_read_in_full(store, demo_id, size):
    first = store.events(demo_id)[0]
    store.add_event(
        demo_id,
        TimelineEvent(at=first.at - timedelta(minutes=1), text=LONG_EVENT, author="Ana Souza"),
    )
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, "timeline")
        table = app.screen.query_one(TimelineTable)
        assert in_order(LONG_EVENT.split(), screen_text(app))
        for event in store.events(demo_id)[1:6]:  # scrolled to, each one reads whole
            table.cursor = table.row_of(event.id)
            await pilot.pause()
            assert in_order(event.text.split(), screen_text(app)), event.text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("section", ["impact", "timeline", "action-items", "if-we-have-time"])
async def test_the_key_bar_fits_with_help_and_palette(store, demo_id, size, section):
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, section)
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert len(line) <= size[0]
        assert line.rstrip().endswith("^p Palette") and "f1 Help" in line
        labels = {label for _, _, label in bar.entries()}
        shown = [part.strip() for part in line.split("  ") if part.strip()]
        for part in shown:  # every entry is a whole key and label, never cut
            _, _, label = part.partition(" ")
            assert label in labels, part
        assert "^n Next" in line


async def test_the_key_bar_shows_the_meeting_keys_when_there_is_room(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=(200, 50)) as pilot:
        await go_to(pilot, "impact")
        line = app.screen.query_one(KeyBar).render().plain
        for wanted in ("f5 Timer", "f12 Present", "^f Wrap up", "^s Who spoke", "^g Question"):
            assert wanted in line
        await pilot.press("f5")  # starts the clock (and shows the opening)
        await pilot.press("escape")
        await pilot.pause()
        await wait_until(pilot, lambda: "f5 Pause" in app.screen.query_one(KeyBar).render().plain)


async def test_the_key_bar_runs_a_key_when_clicked(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "impact")
        line = app.screen.query_one(KeyBar).render().plain
        x = line.index("Next")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert app.screen.current == "trigger"


async def test_a_form_keeps_the_meeting_visible_behind_it(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "action-items")
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
        assert app.screen.styles.background.a < 1  # dimmed, not blacked out
        assert "Checkout card payments failing" in screen_text(app)


async def test_in_a_browser_the_keys_it_keeps_are_not_used(store, demo_id):
    from debrief.app import DebriefApp

    app = DebriefApp(store=store, pm_id=demo_id, in_browser=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "impact")
        keys = set(app.screen.active_bindings)
        assert "ctrl+n" not in keys and "ctrl+t" not in keys
        line = app.screen.query_one(KeyBar).render().plain
        assert "Next" in line and "^n" not in line
        await pilot.press("ctrl+down")
        assert app.screen.current == "trigger"
        await pilot.press("ctrl+up")
        assert app.screen.current == "impact"


async def test_the_timeline_screen_has_the_key_bar(store, demo_id):
    """The timeline screen shows whole keys, with help and the palette at the right, at
    the smallest size the room reads."""
    app = make_app(store, demo_id)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: app.screen is not first)
        line = app.screen.query_one(KeyBar).render().plain
        assert len(line) <= 80
        assert line.rstrip().endswith("^p Palette") and "f1 Help" in line
