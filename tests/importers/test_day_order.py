"""CSV dates like 03/04/2026: one day/month order per file, or the file is refused."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, read_events
from debrief.importers.day_order import DateOrder


def read(path: Path, order: DateOrder | None = None):
    report = ImportReport()
    events = list(read_events(path, Format.csv, ImportOptions(date_order=order), report))
    return events, report


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "timeline.csv"
    path.write_text("time,text\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def test_a_day_above_12_makes_the_whole_file_day_first(tmp_path):
    path = write(tmp_path, "03/04/2026 14:00,Alert fired", "20/04/2026 15:30,Rolled back")
    events, report = read(path)
    assert [e.at for e in events] == [
        datetime(2026, 4, 3, 14, 0, tzinfo=UTC),
        datetime(2026, 4, 20, 15, 30, tzinfo=UTC),
    ]
    assert report.problems == []


def test_a_second_number_above_12_makes_it_month_first(tmp_path):
    path = write(tmp_path, "03/04/2026 14:00,Alert fired", "11/20/2026 15:30:05,Rolled back")
    events, _ = read(path)
    assert [e.at for e in events] == [
        datetime(2026, 3, 4, 14, 0, tzinfo=UTC),
        datetime(2026, 11, 20, 15, 30, 5, tzinfo=UTC),
    ]


def test_a_file_mixing_both_orders_is_refused_in_one_sentence(tmp_path):
    path = write(tmp_path, "20/11/2026 14:00,a", "03/04/2026 14:00,b", "11/21/2026 09:00,c")
    with pytest.raises(ImportFailed) as caught:
        read(path)
    assert str(caught.value) == (
        "timeline.csv mixes day/month/year ('20/11/2026 14:00', line 2) and month/day/year "
        "('11/21/2026 09:00', line 4) dates; nothing was imported"
    )


def test_a_file_of_only_ambiguous_dates_asks_for_the_order(tmp_path):
    path = write(tmp_path, "03/04/2026 14:00,a", "05/06/2026 14:00,b")
    with pytest.raises(ImportFailed, match=r"line 2: '03/04/2026 14:00' could be day/month or "
                       r"month/day .* --date-order dmy or --date-order mdy"):  # fmt: skip
        read(path)
    events, _ = read(path, DateOrder.mdy)
    assert [e.at.date() for e in events] == [date(2026, 3, 4), date(2026, 5, 6)]
    events, _ = read(path, DateOrder.dmy)
    assert [e.at.date() for e in events] == [date(2026, 4, 3), date(2026, 6, 5)]


def test_a_date_against_the_given_order_refuses_the_file(tmp_path):
    path = write(tmp_path, "03/04/2026 14:00,a", "20/04/2026 14:00,b")
    with pytest.raises(ImportFailed, match=r"line 3: '20/04/2026 14:00' cannot be month/day/year"):
        read(path, DateOrder.mdy)


def test_iso_dates_need_no_order_and_mix_with_numeric_ones(tmp_path):
    path = write(tmp_path, "2026-04-03T14:00:00Z,a", "20.04.2026 15:00,b")
    events, _ = read(path)
    assert [e.at for e in events] == [
        datetime(2026, 4, 3, 14, tzinfo=UTC),
        datetime(2026, 4, 20, 15, tzinfo=UTC),
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(
        st.dates(min_value=date(1971, 1, 1), max_value=date(2025, 12, 31)), min_size=1, max_size=8
    ),
    order=st.sampled_from(list(DateOrder)),
    separator=st.sampled_from("/.-"),
)
def test_a_file_is_read_in_its_own_order_or_refused_never_misread(tmp_path, days, order, separator):
    shape = "%d{0}%m{0}%Y" if order is DateOrder.dmy else "%m{0}%d{0}%Y"
    rows = [f"{d.strftime(shape.format(separator))} 10:00,event {i}" for i, d in enumerate(days)]
    path = write(tmp_path, *rows)
    telling = any((d.day > 12) for d in days if d.day != d.month)
    try:
        events, _ = read(path)
    except ImportFailed as exc:
        assert not telling, exc  # refused only when no date tells the order
        assert "--date-order" in str(exc)
    else:
        assert [e.at.date() for e in events] == days
    events, _ = read(path, order)  # with the order given, always read right
    assert [e.at.date() for e in events] == days


def test_the_import_command_takes_date_order_and_refuses_in_one_sentence(cli, tmp_path):
    pm_id = cli("new", "Checkout down", "--started", "2026-04-03T13:00:00Z").stdout.strip()
    path = write(tmp_path, "03/04/2026 14:00,Alert fired", "05/04/2026 15:00,Rolled back")
    refused = cli("import-timeline", pm_id, str(path))
    assert refused.exit_code == 1
    assert refused.stderr.count("\n") == 1 and "could be day/month or month/day" in refused.stderr
    assert json.loads(cli("export", pm_id, "--format", "json").stdout)["events"] == []
    done = cli("import-timeline", pm_id, str(path), "--date-order", "dmy")
    assert done.exit_code == 0, done.stderr
    events = json.loads(cli("export", pm_id, "--format", "json").stdout)["events"]
    assert [e["at"][:10] for e in events] == ["2026-04-03", "2026-04-05"]


def test_events_in_the_future_are_imported_with_a_note(tmp_path):
    path = write(tmp_path, "2026-04-03T14:00:00Z,a", "2099-01-01T10:00:00Z,b", "01/02/2099,c")
    events, report = read(path, DateOrder.dmy)
    assert len(events) == 3
    assert report.notes == [
        "2 events in the future (the latest at 2099-02-01 00:00 UTC): "
        "check the dates and the time zone"
    ]
