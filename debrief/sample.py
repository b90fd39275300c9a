"""The bundled sample incident, moved in time so that it happened three days ago."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

from debrief.models import Document
from debrief.package_files import package_file

SAMPLE_ID = "PM-DEMO"
DAYS_AGO = 3
_CHANNEL_DAY = re.compile(r"(#inc-)([0-9]{4}-[0-9]{2}-[0-9]{2})")
"""An incident channel named after its day (`#inc-2026-01-13-checkout`)."""


def _move_channel_days(text: str, shift: timedelta) -> str:
    """`text` with the day in incident channel names moved like the incident."""

    def moved(match: re.Match[str]) -> str:
        return match.group(1) + (date.fromisoformat(match.group(2)) + shift).isoformat()

    return _CHANNEL_DAY.sub(moved, text)


def sample_document(today: date) -> Document:
    """The sample post-mortem, with every date shifted so the incident was DAYS_AGO days ago."""
    raw = json.loads(package_file("data", "sample.json").read_text("utf-8"))
    doc = Document.model_validate(raw)
    started = doc.postmortem.started_at
    assert started is not None
    shift = timedelta(days=(today - timedelta(days=DAYS_AGO) - started.date()).days)

    def move(value: datetime | None) -> datetime | None:
        return None if value is None else value + shift

    pm = doc.postmortem
    pm.started_at = move(pm.started_at)
    pm.ended_at = move(pm.ended_at)
    pm.debrief_due = pm.debrief_due + shift if pm.debrief_due else None
    for event in doc.events:
        event.at = event.at + shift
        event.text = _move_channel_days(event.text, shift)
    for item in doc.actions:
        if item.due:
            item.due = item.due + shift
    return doc
