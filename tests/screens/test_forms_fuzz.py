"""Seeded random keys in the action and event forms: the app keeps running, nothing raises.

`DEBRIEF_FUZZ_EXAMPLES` sets how many key sequences each form gets (15 by default);
the sequences are derived from the test, not from a random seed, so a failure repeats.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.app import DebriefApp
from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.event_form import EventForm
from debrief.store import Store
from tests.conftest import NOW

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "15"))
KEYS = [
    *"aZ09+-/[] ",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "up",
    "down",
    "backspace",
]
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
key_lists = st.lists(st.sampled_from(KEYS), min_size=1, max_size=40)


async def drive(folder: Path, open_key: str, form: type, keys: list[str], section: str) -> None:
    from debrief.cli.documents import load_demo

    store = Store(folder / "fuzz.db", author="tester", clock=lambda: NOW)
    try:
        pm_id = load_demo(store)
        app = DebriefApp(store=store, pm_id=pm_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.go_to(section)
            await pilot.pause()
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


@FUZZ
@given(keys=key_lists, section=st.sampled_from(["action-items", "if-we-have-time"]))
def test_random_keys_never_crash_the_action_form(tmp_path_factory, keys, section):
    asyncio.run(drive(tmp_path_factory.mktemp("fuzz"), "ctrl+o", ActionForm, keys, section))


@FUZZ
@given(keys=key_lists)
def test_random_keys_never_crash_the_event_form(tmp_path_factory, keys):
    asyncio.run(drive(tmp_path_factory.mktemp("fuzz"), "ctrl+l", EventForm, keys, "timeline"))
