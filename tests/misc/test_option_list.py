"""Page up and page down on an option list with no room never crash (a crash found by
the random-key fuzz on the note-as screen at 80×24)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList as TextualOptionList

from debrief.widgets.option_list import OptionList


class _NoRoom(App[None]):
    CSS = "OptionList { height: 0; }"

    def __init__(self, kind: type[TextualOptionList]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind("Ana", "Bo", "Cy", "Di")


@pytest.mark.parametrize("key, expected", [("pageup", 0), ("pagedown", 3)])
async def test_page_keys_on_a_list_with_no_room_move_to_an_end(key: str, expected: int) -> None:
    app = _NoRoom(OptionList)
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.query_one(OptionList)
        options.highlighted = 2
        options.focus()
        await pilot.press(key)
        await pilot.pause()
        assert options.highlighted == expected
        await pilot.press("down", key)  # and again, after another key
        assert app.return_code is None  # still running: nothing raised


async def test_textual_own_list_still_crashes_there() -> None:
    """When this fails, Textual has fixed it and debrief's OptionList can go."""
    app = _NoRoom(TextualOptionList)
    with pytest.raises(KeyError):
        async with app.run_test(size=(80, 24)) as pilot:
            options = app.query_one(TextualOptionList)
            options.highlighted = 2
            options.focus()
            await pilot.press("pageup")
            await pilot.pause()


async def test_page_keys_still_move_a_page_where_there_is_room() -> None:
    class Roomy(App[None]):
        CSS = "OptionList { height: 4; }"

        def compose(self) -> ComposeResult:
            yield OptionList(*(f"person {i}" for i in range(20)))

    app = Roomy()
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.query_one(OptionList)
        options.highlighted = 0
        options.focus()
        await pilot.press("pagedown")
        assert 2 <= (options.highlighted or 0) <= 6
