"""A live refresh keeps the cursor at the same text, so typing goes where it was."""

from __future__ import annotations

import pytest

from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import make_app, wait_until

SIZE = (110, 34)


@pytest.mark.parametrize(
    ("theirs", "expected"),
    [
        # they change a later line: the cursor stays on its line and column
        ("alpha beta\ngamma delta\nepsilon NEW", "alpha beta\ngamma Xdelta\nepsilon NEW"),
        # they add a line above: the cursor follows its text down
        ("intro\nalpha beta\ngamma delta\nepsilon", "intro\nalpha beta\ngamma Xdelta\nepsilon"),
        # they insert words before the cursor on its own line
        ("alpha beta\nsaid gamma delta\nepsilon", "alpha beta\nsaid gamma Xdelta\nepsilon"),
    ],
)
async def test_typing_after_a_live_refresh_lands_where_the_cursor_was(
    store, demo_id, other, theirs, expected
):
    store.save_section(demo_id, "impact", "alpha beta\ngamma delta\nepsilon")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one(SectionEditor)
        await wait_until(pilot, lambda: editor.text.startswith("alpha"))
        editor.move_cursor((1, 6))  # before "delta"
        await pilot.pause()
        other.save_section(demo_id, "impact", theirs)
        await wait_until(pilot, lambda: editor.text == theirs, timeout=3)
        await pilot.press("X")
        assert editor.text == expected
