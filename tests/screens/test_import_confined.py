"""Import timeline in a browser session (`debrief serve`): only below the import root."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Static

from debrief.app import DebriefApp
from debrief.config import Config
from debrief.screens.import_screen import ImportForm, ImportPreview
from tests.importers.timeline_fixture import timeline_pm
from tests.screens.helpers import wait_until
from tests.screens.test_timeline_import import open_form

SIZE = (100, 30)


def served_app(store, pm_id: str, import_root: str) -> DebriefApp:  # type: ignore[no-untyped-def]
    config = Config.model_validate({"serve": {"import_root": import_root}})
    return DebriefApp(store=store, config=config, pm_id=pm_id, in_browser=True)


async def _typed(app, pilot, form: ImportForm, typed: str) -> str:  # type: ignore[no-untyped-def]
    """Type a path, ask for the preview; what the form says under the path."""
    form.query_one("#path", Input).value = typed
    await pilot.press("ctrl+s")
    await pilot.pause()
    return str(form.query_one("#path-error", Static).render())


async def test_paths_outside_the_import_root_are_refused(store, template, tmp_path: Path):
    root = tmp_path / "imports"
    root.mkdir()
    (root / "events.csv").write_text("at,text\n2026-11-20T14:00:00Z,Pager fired\n", "utf-8")
    secret = tmp_path / "secret.csv"
    secret.write_text("at,text\n2026-11-20T14:00:00Z,server secret\n", "utf-8")
    os.symlink(secret, root / "link.csv")
    app = served_app(store, timeline_pm(store, template), str(root))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, from_timeline=False)
        where = f"Only files below {root.resolve()} may be imported, not"
        for typed in ("../secret.csv", "../../../../etc/passwd", str(secret), "link.csv"):
            assert await _typed(app, pilot, form, typed) == f"{where} {typed}."
            assert app.screen is form  # nothing was read
        form.query_one("#path", Input).value = "events.csv"  # relative to the root
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreview))
        screen = app.screen
        await wait_until(pilot, lambda: not screen.busy, timeout=10)
        assert [e.text for e in screen.preview.events] == ["Pager fired"]


async def test_without_an_import_root_a_browser_imports_no_file(store, template, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("at,text\n2026-11-20T14:00:00Z,server secret\n", "utf-8")
    app = served_app(store, timeline_pm(store, template), "")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, from_timeline=False)
        said = await _typed(app, pilot, form, str(secret))
        assert said.startswith("Importing files is off in the browser;")
        assert app.screen is form
