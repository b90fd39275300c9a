"""Where random runs start in the practice's forms (added to tests/fuzz's start points)."""

from __future__ import annotations

from typing import Any

from tests.fuzz.harness import StartPoint

PRACTICE_FORMS = {"NoteForm", "LearningForm", "WordForm", "IdeaTriage"}


def _parked(store: Any) -> None:
    from debrief.sample import SAMPLE_ID

    store.add_note(SAMPLE_ID, "idea", "Alert on queue age, not depth")
    store.add_note(SAMPLE_ID, "idea", "Rewrite the consumer")


def practice_start_points(keys_from: Any) -> list[StartPoint]:
    return [
        StartPoint(
            "park-idea", "sample", "NoteForm", keys_from("timeline", "alt+i", screen="NoteForm")
        ),
        StartPoint("note-as", "sample", "NoteForm", keys_from(None, "alt+n", screen="NoteForm")),
        StartPoint(
            "learning-check",
            "sample",
            "LearningForm",
            keys_from(None, "alt+k", screen="LearningForm"),
        ),
        StartPoint(
            "parked-ideas",
            "sample",
            "IdeaTriage",
            keys_from("action-items", screen="IdeaTriage"),
            prepare=_parked,
        ),
        StartPoint(
            "drop-idea",
            "sample",
            "WordForm",
            keys_from(None, "alt+p", "d", screen="WordForm"),
            prepare=_parked,
        ),
    ]
