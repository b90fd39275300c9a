"""A screen whose CSS files are read as it is made (screens/first_frame.py) is styled by
them from its first frame: not once without them, then again when it is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Static

from debrief.screens.first_frame import read_css_now


def screen_with(css_file: Path) -> Screen[Any]:
    class FileStyled(Screen[Any]):
        CSS_PATH = str(css_file)

        def __init__(self) -> None:
            super().__init__()
            read_css_now(self)

        def compose(self) -> ComposeResult:
            yield Static("styled from a file", id="words")

    return FileStyled()


async def test_a_screen_is_styled_by_its_files_when_it_is_pushed(tmp_path: Path) -> None:
    css_file = tmp_path / "screen.tcss"
    css_file.write_text("FileStyled { background: #102030; }\n#words { color: #a0b0c0; }\n")
    seen: list[Color] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            screen = screen_with(css_file)
            self.push_screen(screen)
            seen.append(screen.styles.background)  # as pushing styled it, before it shows

    async with Host().run_test() as pilot:
        await pilot.pause()
        assert seen == [Color.parse("#102030")]
        assert pilot.app.screen.styles.background == Color.parse("#102030")
        assert pilot.app.screen.query_one("#words").styles.color == Color.parse("#a0b0c0")


async def test_a_file_is_read_once_however_many_screens_use_it(tmp_path: Path) -> None:
    css_file = tmp_path / "screen.tcss"
    css_file.write_text("FileStyled { background: #102030; }\n")

    class Host(App[None]):
        pass

    async with Host().run_test() as pilot:
        first, second = screen_with(css_file), screen_with(css_file)
        sources = [key for key in pilot.app.stylesheet.source if key[0] == str(css_file)]
        assert sources == [(str(css_file), "")]
        await pilot.app.push_screen(first)
        await pilot.app.push_screen(second)
        assert second.styles.background == Color.parse("#102030")
