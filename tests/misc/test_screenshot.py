"""The palette's Screenshot command saves even where there is no ~/Downloads."""

from __future__ import annotations

import os
from pathlib import Path

from debrief.screens.debrief_screen import DebriefScreen
from tests.screens.helpers import make_app, wait_until


async def take_screenshot(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
    await pilot.press("ctrl+p", *"Screenshot")
    await pilot.pause(0.3)
    await pilot.press("enter")


async def test_without_downloads_it_goes_to_the_data_folder(store, template, isolated_env):
    home: Path = isolated_env
    assert not (home / "Downloads").exists()
    pm = store.create_postmortem("Checkout down", template)
    app = make_app(store, pm.id)
    folder = Path(os.environ["XDG_DATA_HOME"]) / "debrief" / "screenshots"
    async with app.run_test(size=(80, 24)) as pilot:
        await take_screenshot(pilot)
        await wait_until(pilot, lambda: folder.is_dir() and any(folder.glob("*.svg")))
    (saved,) = folder.glob("*.svg")
    assert saved.read_text(encoding="utf-8").startswith("<svg") and "Checkout" in saved.read_text()
    assert not (home / "Downloads").exists()


async def test_with_downloads_it_goes_there(store, template, isolated_env):
    downloads: Path = isolated_env / "Downloads"
    downloads.mkdir()
    pm = store.create_postmortem("Checkout down", template)
    app = make_app(store, pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_screenshot(pilot)
        await wait_until(pilot, lambda: any(downloads.glob("*.svg")))
