"""One test per piece of Textual state debrief reads that Textual keeps private
(debrief.widgets.textual_adapter): a Textual upgrade that changes one fails here."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import TextAreaTheme

from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.help_screen import HelpScreen
from debrief.widgets.textual_adapter import KeyHolder, line_highlights, send_key
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


class Holding(KeyHolder, Widget):
    """A widget that holds the keys the app hands it until told to give them back."""

    can_focus = True

    def __init__(self) -> None:
        super().__init__(id="holding")
        self.holding = True
        self.held: list[events.Key] = []
        self.seen: list[str] = []

    def holds_keys(self) -> bool:
        return self.holding

    def hold_key(self, key: events.Key) -> None:
        self.held.append(key)

    def on_key(self, event: events.Key) -> None:
        self.seen.append(event.key)


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield Holding()
        yield Input(id="field")


async def test_a_key_holder_holds_keys_and_send_key_gives_them_to_a_field():
    app = Fields()
    async with app.run_test(size=(40, 10)) as pilot:
        holder, field = app.query_one(Holding), app.query_one(Input)
        app.set_focus(holder)
        await pilot.press("o", "k")
        assert [k.key for k in holder.held] == ["o", "k"] and holder.seen == []
        app.set_focus(field)
        for key in holder.held:
            send_key(field, key)
        await pilot.pause()
        assert field.value == "ok"
        holder.holding = False
        app.set_focus(holder)
        await pilot.press("x")
        assert holder.seen == ["x"]
