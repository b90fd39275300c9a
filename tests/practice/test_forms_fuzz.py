"""Seeded random keys in the practice's forms: the app keeps running, nothing raises, and
whatever was saved is a valid note or count (`DEBRIEF_FUZZ_EXAMPLES`, as tests/screens)."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from debrief.notes import MAX_TEXT
from debrief.screens.note_form import LearningForm, NoteForm
from debrief.store import Store
from tests.conftest import NOW
from tests.screens.test_forms_fuzz import FUZZ, drive, key_lists


def _valid(folder) -> None:  # type: ignore[no-untyped-def]
    store = Store(folder / "fuzz.db", author="tester", clock=lambda: NOW)
    try:
        for note in store.notes("PM-DEMO"):
            assert note.text.strip() and len(note.text) <= MAX_TEXT and "\n" not in note.text
        count = store.learning("PM-DEMO")
        assert count is None or not count.problem()
    finally:
        store.close()


@FUZZ
@given(keys=key_lists, open_key=st.sampled_from(["alt+i", "alt+n", "alt+u", "alt+q"]))
def test_random_keys_never_crash_the_note_forms(tmp_path_factory, keys, open_key):
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(drive(folder, open_key, NoteForm, keys, "timeline"))
    _valid(folder)


@FUZZ
@given(keys=key_lists, start=st.sampled_from(["present", "learned", "would_return", "save"]))
def test_random_keys_never_crash_the_learning_check(tmp_path_factory, keys, start):
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(drive(folder, "alt+k", LearningForm, keys, "impact", start))
    _valid(folder)
