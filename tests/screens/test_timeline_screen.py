"""The timeline view: milestones, gaps, metrics, filters, zones, and literal imported text."""

from __future__ import annotations

from textual.widgets import Input, Static

from debrief.importers import EventRecord
from debrief.screens.event_form import EventForm
from debrief.screens.import_screen import ImportForm
from debrief.screens.timeline_screen import TimelineScreen
from debrief.widgets.metrics_bar import MetricsBar
from debrief.widgets.timeline_table import TimelineTable
from tests.importers.timeline_fixture import START, timeline_pm
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (100, 30)


async def open_timeline(app, pilot) -> TimelineScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+t")
    await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
    await pilot.pause()
    return app.screen


def table_of(screen: TimelineScreen) -> TimelineTable:
    return screen.query_one(TimelineTable)


async def test_metrics_gaps_and_unsourced_are_shown(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_timeline(app, pilot)
        text = screen_text(app)
        assert "Time to detect: 7m" in text and "Time to mitigate: 38m" in text
        assert "Time to resolve: 50m" in text
        assert "nothing recorded for 25m" in text  # the gap row and the metrics line
        assert "2 unsourced" in text
        table = table_of(screen)
        assert table.row_count == 11  # ten events and one gap row
        assert table.event_at_row(7) is None  # the gap sits before the 14:38 message


async def test_times_are_in_the_viewers_zone_and_the_zone_is_named(store, template, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        text = screen_text(app)
        assert "Time (EST)" in text
        assert "09:00:00" in text and "14:00:00" not in text  # 14:00 UTC is 09:00 in New York
        assert "2026-11-20 09:00 → 09:52 EST" in text


async def test_imported_markup_and_escapes_show_literally(store, template):
    pm_id = timeline_pm(store, template)
    store.import_events(
        pm_id, [EventRecord(START, "bell \x07 and \x1b[2J clear", "slack #x", "eve", "", "s:esc")]
    )
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        text = screen_text(app)
        assert "literal [bold red]x[/bold red] from a paste" in text
        assert "bell ␇ and ␛[2J clear" in text


async def test_replies_and_edits_are_marked(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_timeline(app, pilot)
        text = screen_text(app)
        assert "↳ Is it the deploy?" in text
        assert "(final wording) (edited)" in text


async def test_jumping_between_milestones(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_timeline(app, pilot)
        table = table_of(screen)
        seen = []
        for _ in range(5):
            await pilot.press("right_square_bracket")
            index = table.event_at_row(table.cursor)
            assert index is not None
            seen.append(table.events[index].milestone.value)  # type: ignore[union-attr]
        assert seen == ["started", "detected", "mitigated", "resolved", "resolved"]
        await pilot.press("left_square_bracket")
        index = table.event_at_row(table.cursor)
        assert index is not None and table.events[index].milestone.value == "mitigated"  # type: ignore[union-attr]


async def test_filtering_by_source_or_author(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_timeline(app, pilot)
        await pilot.press("slash", *"ana")
        table = table_of(screen)
        assert {table.events[i].author for i in range(len(table.events))} == {"ana"}
        assert table.row_count == 4  # no gap rows while filtering
        assert "4 of 10" in screen_text(app)
        screen.query_one("#filter", Input).value = "source:slack author:bo"
        await pilot.pause()
        assert [e.text[:4] for e in table.events] == ["lite", "Pool"]
        await pilot.press("escape")  # leaves the filter, stays on the timeline
        assert isinstance(app.screen, TimelineScreen) and app.focused is table


def bar_text(bar: MetricsBar) -> str:
    """What the metrics bar shows, as drawn."""
    return "\n".join(bar.render_line(y).text for y in range(bar.size.height))


async def test_the_gap_threshold_can_be_changed(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_timeline(app, pilot)
        bar = screen.query_one(MetricsBar)
        assert "gap" in bar_text(bar)
        await pilot.press("g")  # 20 → 30 minutes: the 25-minute silence is no longer a gap
        await pilot.pause()
        assert table_of(screen).row_count == 10
        assert "gap" not in bar_text(bar)
        await pilot.press("g", "g")  # 60, then 5 minutes
        assert table_of(screen).row_count > 11


async def test_enter_edits_and_delete_removes_the_highlighted_event(store, template):
    pm_id = timeline_pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, EventForm)
        await pilot.press("escape")
        await pilot.press("delete")
        await pilot.pause()
        assert store.event_count(pm_id) == 9
        assert "Deploy 1234 rolls out" not in screen_text(app)


async def test_ten_thousand_events_open_and_filter_quickly(store, template):
    import time

    pm_id = timeline_pm(store, template, extra=10_000)
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_timeline(app, pilot)
        table = table_of(screen)
        assert table.row_count > 10_000
        screen.query_one("#filter", Input).value = "dee"
        started = time.perf_counter()
        screen._show_rows()  # filter 10,010 events and draw a screenful: well under a frame
        table.action_edge(1)
        for y in range(SIZE[1]):
            table.render_line(y)
        assert time.perf_counter() - started < 1.0  # ~20 ms here; generous for loaded machines
        assert table.row_count == 10_000
        await pilot.press("pageup", "home")
        assert table.cursor == 0


async def test_import_is_offered_from_the_timeline(store, template):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("f6")
        assert isinstance(app.screen, ImportForm)
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        title = app.screen.query_one("#timeline-title", Static)
        assert "Checkout card payments failing" in str(title.render())


async def test_a_timeline_across_a_dst_change_names_the_zone_on_each_row(
    store, template, monkeypatch
):
    import time
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    pm = store.create_postmortem("Across the clock change", template)
    store.import_events(
        pm.id,
        [
            EventRecord(datetime(2026, 10, 31, 20, tzinfo=UTC), "before", "log", "", "", "d:1"),
            EventRecord(datetime(2026, 11, 2, 20, tzinfo=UTC), "after", "log", "", "", "d:2"),
        ],
    )
    app = make_app(store, pm.id)
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        text = screen_text(app)
        assert "10-31 13:00 PDT" in text and "11-02 12:00 PST" in text
