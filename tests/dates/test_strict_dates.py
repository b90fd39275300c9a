"""Dates on the command line are ISO 8601 (or a documented relative due date), nothing guessed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debrief.dates import DateError, future_warning, parse_due, parse_instant

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "Friday 3pm",  # the coming Friday to a lenient parser: an incident in the future
        "03/04/2026 14:00",  # 3 April or 4 March
        "20/11/2026",
        "20 Nov 2026 14:03",
        "Fri, 20 Nov 2026 14:03:00 +0100",
        "tomorrow",
        "yesterday noon",
    ],
)
def test_anything_but_iso_8601_is_refused_with_what_to_type(text):
    with pytest.raises(
        DateError, match=r"is not a time: use ISO 8601, e\.g\. 2026-11-20T14:03:00Z"
    ):
        parse_instant(text)


@given(
    st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 30), timezones=st.just(UTC)
    ),
    st.sampled_from(["T", " "]),
    st.sampled_from(["Z", "+00:00", ""]),
)
def test_every_iso_instant_reads_back_as_itself(value, separator, suffix):
    text = value.strftime(f"%Y-%m-%d{separator}%H:%M:%S.%f") + suffix
    assert parse_instant(text) == value


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(9998, 12, 31)))
def test_day_first_and_month_first_spellings_of_any_day_are_refused(day):
    for text in (day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y"), day.strftime("%d.%m.%Y")):
        with pytest.raises(DateError):
            parse_instant(text)


@given(st.text(alphabet="0123456789/:. apmAPMFridayNovT-+Z", max_size=24))
def test_what_is_accepted_is_iso_shaped(text):
    try:
        parsed = parse_instant(text)
    except DateError:
        return
    assert text.strip()[:4].isdigit() and parsed.tzinfo is UTC


def test_the_documented_relative_due_dates_still_work():
    assert parse_due("+3d", TODAY) == date(2026, 11, 26)
    assert parse_due("fri", TODAY) == date(2026, 11, 27)
    assert parse_due("tomorrow", TODAY) == date(2026, 11, 24)
    with pytest.raises(DateError):
        parse_due("03/04/2026", TODAY)


def test_an_instant_in_the_future_is_warned_about():
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert future_warning("the incident start", now - timedelta(days=1), now) == ""
    assert future_warning("the incident start", now + timedelta(minutes=1), now) == ""
    assert future_warning("the incident start", datetime(2026, 11, 27, 15, tzinfo=UTC), now) == (
        "the incident start 2026-11-27 15:00 UTC is in the future: check the date and the time zone"
    )
