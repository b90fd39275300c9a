"""Quitting before the first screen is shown (ctrl+q the moment the app starts, a
browser tab closed as its session opens) leaves quietly: exit code 0, no traceback."""

from __future__ import annotations

import pytest

from debrief.app import DebriefApp


@pytest.mark.parametrize(("opened", "mode"), [(False, "edit"), (True, "edit"), (True, "present")])
def test_leaving_before_the_first_screen_is_quiet(
    store, demo_id, capsys, opened: bool, mode: str
) -> None:  # type: ignore[no-untyped-def]
    async def leave_at_once(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.exit()

    app = DebriefApp(store=store, pm_id=demo_id if opened else None, mode=mode)
    app.run(headless=True, size=(80, 24), auto_pilot=leave_at_once)
    err = capsys.readouterr().err
    assert app.return_code == 0, err
    assert "Traceback" not in err and "Error" not in err


def test_the_app_still_opens_its_first_screen(store, demo_id) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []

    async def look(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        shown.append(type(pilot.app.screen).__name__)
        pilot.app.exit()

    DebriefApp(store=store, pm_id=demo_id).run(headless=True, size=(80, 24), auto_pilot=look)
    assert shown == ["DebriefScreen"]
