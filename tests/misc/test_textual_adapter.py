"""One test per piece of Textual state debrief reads that Textual keeps private
(debrief.widgets.textual_adapter): a Textual upgrade that changes one fails here."""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.help_screen import HelpScreen
from debrief.widgets.textual_adapter import line_highlights
from tests.screens.helpers import make_app, screen_text, wait_until


class Editor(App[None]):
    def compose(self) -> ComposeResult:
        yield TextArea("Lee should have paused the rollout", id="editor")


async def test_f1_shows_a_remapped_key(store, template):
    pm = store.create_postmortem("Checkout down", template)
    app = make_app(store, pm.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        app.set_keymap({"next-section": "f7"})
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await wait_until(pilot, lambda: "f7Nextsection" in screen_text(app).replace(" ", ""))
        assert "^nNextsection" not in screen_text(app).replace(" ", "")


def _styled_cells(editor: TextArea) -> str:
    strip = editor.render_line(0)
    return "".join(s.text for s in strip if s.style is not None and s.style.underline)


async def test_line_highlights_are_the_spans_the_editor_draws():
    app = Editor()
    async with app.run_test(size=(60, 5)) as pilot:
        editor = app.query_one(TextArea)
        editor.register_theme(TextAreaTheme("marks", syntax_styles={"mark": Style(underline=True)}))
        editor.theme = "marks"
        await pilot.pause()
        assert _styled_cells(editor) == ""  # drawn once, and cached
        line_highlights(editor)[0].append((0, len("Lee should"), "mark"))
        editor.notify_style_update()  # the public way to drop the cached lines
        assert _styled_cells(editor) == "Lee should"
        line_highlights(editor).clear()
        editor.notify_style_update()
        assert _styled_cells(editor) == ""
