"""Building the real app on a test store."""

from __future__ import annotations

from debrief.app import DebriefApp
from debrief.store import Store


def make_app(store: Store, pm_id: str | None = None) -> DebriefApp:
    return DebriefApp(store=store, pm_id=pm_id)


async def wait_for_autosave(pilot) -> None:  # type: ignore[no-untyped-def]
    from debrief.screens.debrief_screen import AUTOSAVE_DELAY

    await pilot.pause(AUTOSAVE_DELAY + 0.2)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows, as plain text (from the SVG screenshot)."""
    import html
    import re

    svg = app.export_screenshot()
    parts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(re.sub(r"<[^>]+>", "", p) for p in parts)).replace("\xa0", " ")


async def wait_until(pilot, predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until `predicate()` holds (a loaded machine can be slow); fail after `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("the app did not get there in time")
        await pilot.pause(0.05)
