"""The home screen's light listing (`Store.listed_postmortems`) shows what the records
would: the same post-mortems, in the same order and pages, with the same six fields."""

from __future__ import annotations

from datetime import date, timedelta

from debrief.kinds import Status
from debrief.store.listed import SHOWN
from tests.conftest import NOW


def test_the_listing_matches_the_records_field_for_field(store, template):  # type: ignore[no-untyped-def]
    for n in range(7):
        store.create_postmortem(
            f"Incident {n} — «{n}»",
            template,
            started_at=None if n == 3 else NOW - timedelta(hours=n * 5),
            severity=["SEV1", "", "SEV3"][n % 3],
            debrief_due=date(2026, 11, 20 + n) if n % 2 else None,
        )
    store.update_postmortem("PM-2", status=Status.published)
    records = store.list_postmortems()
    listed = store.listed_postmortems()
    assert [pm.id for pm in listed] == [pm.id for pm in records]
    for light, record in zip(listed, records, strict=True):
        assert {f: getattr(light, f) for f in SHOWN} == {f: getattr(record, f) for f in SHOWN}
    assert [pm.id for pm in store.listed_postmortems(limit=3, offset=2)] == [
        pm.id for pm in records[2:5]
    ]
    assert store.listed_postmortems(limit=3, offset=7) == []
