"""The sample incident's Slack channel is named after the day the (moved) incident happened."""

from __future__ import annotations

import re
from datetime import date

from debrief.sample import DAYS_AGO, sample_document


def test_the_channel_name_carries_the_incident_day():
    today = date(2026, 11, 22)
    doc = sample_document(today)
    assert doc.postmortem.started_at is not None
    day = doc.postmortem.started_at.date()
    assert (today - day).days == DAYS_AGO
    channels = {found for e in doc.events for found in re.findall(r"#inc-[0-9-]+[a-z-]*", e.text)}
    assert channels == {f"#inc-{day.isoformat()}-checkout"}
