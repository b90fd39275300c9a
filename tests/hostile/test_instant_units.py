"""The accepted window of instants, their stored form, and reading stored values back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from debrief.dates import DateError, parse_instant, read_stored, stored_instant


def test_the_edges_of_the_window():
    assert parse_instant("1970-01-01T00:00:00Z") == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_instant("9998-12-31T23:59:59Z").year == 9998
    for text in ("1969-12-31T23:59:59Z", "9999-01-01T00:00:00Z", "0001-01-01", "-1"):
        with pytest.raises(DateError):
            parse_instant(text)


def test_stored_instants_are_zero_padded_and_fixed_width():
    assert stored_instant(datetime(1970, 1, 1, tzinfo=UTC)) == "1970-01-01T00:00:00.000000Z"
    assert stored_instant(datetime(2026, 11, 20, 14, 3, 0, 7, tzinfo=UTC)) == (
        "2026-11-20T14:03:00.000007Z"
    )
    with pytest.raises(DateError):
        stored_instant(datetime(206, 11, 20, tzinfo=UTC))


@pytest.mark.parametrize(
    "value",
    [
        "206-11-20T10:00:00.000000Z",
        "0206-11-20T10:00:00.000000Z",
        "garbage",
        "",
        "9999-12-31T23:59:59Z",
    ],
)
def test_a_stored_value_that_cannot_be_read_is_none(value):
    assert read_stored(value) is None


def test_the_bulk_path_refuses_an_instant_outside_the_window(store, template):
    from debrief.importers.record import EventRecord

    pm = store.create_postmortem("x", template)
    good = EventRecord(datetime(2026, 11, 20, tzinfo=UTC), "ok", "csv", "", "", "csv:1")
    for at in (datetime(206, 11, 20, tzinfo=UTC), datetime(9999, 6, 1, tzinfo=UTC)):
        bad = good._replace(at=at, source_id="csv:2")
        with pytest.raises(DateError):
            store.import_events(pm.id, [good, bad])
        assert store.event_count(pm.id) == 0
