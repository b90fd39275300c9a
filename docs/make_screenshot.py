"""Regenerate docs/screenshot.svg: the sample incident's debrief screen at 120×36.

.venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from debrief.app import DebriefApp
from debrief.cli.documents import load_demo
from debrief.store import Store


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "shot.db", author="Priya Raman")
        pm_id = load_demo(store)
        app = DebriefApp(store=store, pm_id=pm_id)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
            await pilot.pause(0.5)
            svg = app.export_screenshot(title="debrief")
        Path(__file__).with_name("screenshot.svg").write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
