"""SVG snapshots of the timeline view (milestones, a 25-minute gap, imported Slack text)
and of the import preview, at the meeting's two sizes."""

from __future__ import annotations

import pytest

from tests.importers import slack_export as fx
from tests.importers.timeline_fixture import timeline_pm
from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_timeline_with_milestones_and_a_gap(snap_compare, store, template, size):
    app = make_app(store, timeline_pm(store, template))
    assert snap_compare(app, terminal_size=size, press=["ctrl+t", "down", "down"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_import_preview(snap_compare, store, template, tmp_path, size):
    from textual.widgets import Input

    from debrief.screens.import_screen import ImportPreview

    export = fx.write_folder(tmp_path)
    app = make_app(store, timeline_pm(store, template))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        from tests.screens.helpers import wait_until

        await pilot.press("ctrl+t", "f6")
        app.screen.query_one("#path", Input).value = str(export)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreview))
        screen = app.screen
        await wait_until(pilot, lambda: not screen.busy, timeout=10)
        await pilot.press("down", "space")

    assert snap_compare(app, terminal_size=size, run_before=run_before)
