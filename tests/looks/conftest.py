"""The meeting's fixtures: a hand-moved clock and a store holding the sample incident."""

from tests.meeting.conftest import fake_clock, meeting_pm, meeting_store

__all__ = ["fake_clock", "meeting_pm", "meeting_store"]
