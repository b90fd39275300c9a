"""The store's bulk path: idempotent, fast, and the same rows as one-by-one adds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from debrief.event_rows import stamp
from debrief.importers import EventRecord, Format, ImportOptions, ImportReport, import_file
from debrief.models import Milestone, TimelineEvent
from debrief.store.base import iso
from tests.importers import slack_export as fx


def test_stamp_is_iso_for_every_kind_of_instant():
    for value in (
        datetime(2026, 11, 20, 14, 3, tzinfo=UTC),
        datetime(2016, 3, 28, 8, 33, 34, 18, tzinfo=UTC),
        datetime(2026, 11, 20, 9, 3, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2026, 11, 20, 9, 3),
    ):
        assert stamp(value) == iso(value)


def test_reimporting_the_same_export_adds_nothing(store, template, tmp_path):
    pm = store.create_postmortem("Checkout outage", template)
    export = fx.write_folder(tmp_path)
    first = import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    again = import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    zipped = fx.write_zip(tmp_path / "same.zip")
    from_zip = import_file(store, pm.id, zipped, Format.slack, ImportOptions(), ImportReport())
    assert (first.added, first.already) == (fx.EXPECTED_EVENTS, 0)
    assert (again.added, again.already) == (0, fx.EXPECTED_EVENTS)
    assert from_zip.added == 0
    assert store.event_count(pm.id) == fx.EXPECTED_EVENTS


def test_a_window_then_a_wider_window_adds_only_the_rest(store, template, tmp_path):
    pm = store.create_postmortem("Checkout outage", template)
    export = fx.write_folder(tmp_path)
    early = ImportOptions(until=datetime(2026, 11, 20, 3, 0, tzinfo=UTC))
    first = import_file(store, pm.id, export, Format.slack, early, ImportReport())
    rest = import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    assert first.added + rest.added == fx.EXPECTED_EVENTS and rest.already == first.added


def test_imported_events_read_back_like_added_ones(store, template):
    pm = store.create_postmortem("Checkout outage", template)
    at = datetime(2026, 11, 20, 14, 3, 0, 7, tzinfo=UTC)
    record = EventRecord(
        at, "Alert", "pagerduty", "ana", "https://x", "pd:1", Milestone.detected, True, True
    )
    counts = store.import_events(pm.id, [record, record])
    assert (counts.added, counts.already) == (1, 1)
    (event,) = store.events(pm.id)
    assert isinstance(event, TimelineEvent) and len(event.id) == 12
    assert (event.at, event.text, event.milestone, event.is_reply, event.edited, event.rev) == (
        at,
        "Alert",
        Milestone.detected,
        True,
        True,
        1,
    )
    assert event.source_id == "pd:1"
    assert store.add_event(pm.id, record.to_event()).id == event.id  # add_event agrees
    assert store.event_count(pm.id) == 1


def test_one_revision_records_a_bulk_import(store, template, tmp_path):
    pm = store.create_postmortem("Checkout outage", template)
    import_file(
        store, pm.id, fx.write_folder(tmp_path), Format.slack, ImportOptions(), ImportReport()
    )
    bulk = [r for r in store.history(pm.id) if r.entity == "timeline"]
    assert len(bulk) == 1 and bulk[0].new == {"added": fx.EXPECTED_EVENTS}
    assert bulk[0].entity_id == "import slack"


def test_progress_is_reported_while_inserting(store, template):
    pm = store.create_postmortem("Checkout outage", template)
    base = datetime(2026, 11, 20, tzinfo=UTC)
    records = [
        EventRecord(base + timedelta(seconds=i), f"e{i}", "log", "", "", f"x:{i}")
        for i in range(12_000)
    ]
    seen: list[tuple[int, int]] = []
    store.import_events(pm.id, records, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(5000, 12000), (10000, 12000), (12000, 12000)]
