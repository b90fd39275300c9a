"""Seeded random keys in the action and event forms: the app keeps running, nothing raises.

`DEBRIEF_FUZZ_EXAMPLES` sets how many key sequences each form gets (8 by default);
the sequences are derived from the test, not from a random seed, so a failure repeats.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from debrief.app import DebriefApp
from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.event_form import EventForm
from debrief.store import Store
from tests.conftest import NOW

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "8"))
TYPED = "aZ09+-/[] "
KEYS = ["tab", "shift+tab", "enter", "escape", "up", "down", "backspace", "space"]
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Runs of typed characters between special keys, as people type: a field gets a few
# characters, then Tab or Enter or an arrow.
runs = st.one_of(
    st.sampled_from(KEYS).map(lambda key: [key]),
    st.text(alphabet=TYPED, min_size=1, max_size=6).map(list),
)
key_lists = st.lists(runs, min_size=1, max_size=12).map(
    lambda parts: [key for part in parts for key in part]
)


async def drive(
    folder: Path, open_key: str, form: type, keys: list[str], section: str, start: str = ""
) -> None:
    """Open the form from `section`, focus the field `start` (if any), then press `keys`."""
    from debrief.cli.documents import load_demo

    store = Store(folder / "fuzz.db", author="tester", clock=lambda: NOW)
    try:
        pm_id = load_demo(store)
        app = DebriefApp(store=store, pm_id=pm_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.go_to(section)
            await pilot.pause()
            await pilot.press(open_key)
            await pilot.pause()
            if start and isinstance(app.screen, form):
                app.screen.query_one(f"#{start}").focus()
            for key in keys:
                if not isinstance(app.screen, form):
                    # Saved or cancelled: open the form again, as a facilitator would.
                    if not isinstance(app.screen, DebriefScreen):
                        break
                    await pilot.press(open_key)
                    await pilot.pause()
                await pilot.press(key)
                assert app.is_running, f"the app stopped after {key!r}"
            await pilot.pause()
            assert app.is_running
            assert app._exception is None
    finally:
        store.close()


ACTION_FIELDS = ["title", "owner", "due", "priority", "kind", "aspirational", "save"]
EVENT_FIELDS = ["when", "text", "milestone", "source", "link", "save"]


@FUZZ
@given(
    keys=key_lists,
    section=st.sampled_from(["action-items", "if-we-have-time"]),
    start=st.sampled_from(ACTION_FIELDS),
)
# Sequences that once crashed the form run every time, before the generated ones.
@example(keys=["tab", "tab", "+"], section="if-we-have-time", start="title")
@example(keys=[*"next week", "tab", "tab", "tab", "space"], section="action-items", start="due")
def test_random_keys_never_crash_the_action_form(tmp_path_factory, keys, section, start):
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(drive(folder, "ctrl+o", ActionForm, keys, section, start))


@FUZZ
@given(keys=key_lists, start=st.sampled_from(EVENT_FIELDS))
@example(keys=["backspace", "+", "enter"], start="when")
def test_random_keys_never_crash_the_event_form(tmp_path_factory, keys, start):
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(drive(folder, "ctrl+l", EventForm, keys, "timeline", start))
