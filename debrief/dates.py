"""Parsing the dates people type: ISO dates and instants, and relative due dates.

Strict on purpose: ISO 8601 (`2026-11-20T14:03:00Z`) and the documented relative due
dates (`+3d`, `fri`) only. "03/04/2026" is March in one country and April in the next,
and "Friday 3pm" is a different day depending on when it is read; a CSV import decides
day/month order once per file (`debrief.importers.day_order`).

python-dateutil (already required by sqlite-utils) does the calendar arithmetic and
the ISO parsing, so month ends, leap years and offsets are handled by a library that
has seen them all.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo

# dateutil is imported where it is used: a fifth of start-up otherwise, and most
# runs (the first frame, a Slack import) never parse a typed date.

_DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# "fri", "frid", "friday" ... every prefix of three letters or more names its weekday.
_WEEKDAYS = {
    name[:length]: index
    for index, name in enumerate(_DAY_NAMES)
    for length in range(3, len(name) + 1)
}
_RELATIVE = re.compile(r"^\+(\d{1,4})\s*([dwm])$")
_ISO_START = re.compile(r"[0-9]{4}-?[0-9]{2}", re.ASCII)
"""ISO 8601 starts with a four-digit year and a month (`2026-11`, `202611`)."""

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
"""The first instant debrief accepts (inclusive)."""
LATEST = datetime(9999, 1, 1, tzinfo=UTC)
"""The end of the accepted window (exclusive): a year of margin below datetime's
limit, so that an instant plus a week, or shown in any zone, is still a datetime."""
WINDOW = "between 1970 and 9998"


class DateError(ValueError):
    """A date that could not be understood; the message says what is accepted."""


def parse_due(text: str, today: date) -> date:
    """A due date: `2026-12-01`, `+3d`, `+1w`, `+2m`, `today`, `tomorrow` or a weekday (`fri`).

    A weekday means the next one strictly after today.
    """
    from dateutil.relativedelta import relativedelta

    value = text.strip().lower()
    if not value:
        raise DateError("a due date is required (2026-12-01, +3d, +1w or fri)")
    if value == "today":
        return today
    if value == "tomorrow":
        return today + relativedelta(days=1)
    match = _RELATIVE.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {
            "d": relativedelta(days=amount),
            "w": relativedelta(weeks=amount),
            "m": relativedelta(months=amount),
        }[unit]
        return today + delta
    if value in _WEEKDAYS:
        ahead = (_WEEKDAYS[value] - today.weekday() - 1) % 7 + 1
        return today + relativedelta(days=ahead)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return check_day(date.fromisoformat(value), text)
        except ValueError as exc:
            if isinstance(exc, DateError):
                raise
            raise DateError(f"{text!r} is not a real date") from exc
    raise DateError(f"{_shown(text)} is not a date: use 2026-12-01, +3d, +1w or a weekday like fri")


def parse_instant(text: str, default_tz: tzinfo | None = None) -> datetime:
    """An ISO 8601 date or date-time; naive values are taken in `default_tz` (UTC if none).

    Only ISO 8601: no guessing of "03/04/2026" (March or April?) or "Friday 3pm"
    (which Friday?). The result is always timezone-aware, in UTC.
    """
    from dateutil import parser as _parser

    value = text.strip()
    if not value:
        raise DateError("a time is required, e.g. 2026-11-20T14:03:00Z")
    wrong = f"{_shown(text)} is not a time: use ISO 8601, e.g. 2026-11-20T14:03:00Z"
    if len(value) > 64 or not _ISO_START.match(value):
        raise DateError(wrong)
    try:
        parsed = _parser.isoparse(value)
    except (ValueError, OverflowError) as exc:
        raise DateError(wrong) from exc
    if parsed.tzinfo is None:
        try:
            parsed = parsed.replace(tzinfo=default_tz or UTC)
        except (ValueError, OverflowError) as exc:
            raise DateError(wrong) from exc
    return check_instant(parsed, text)


FUTURE_MARGIN = timedelta(minutes=5)
"""Clocks disagree a little: an instant this close ahead is not "in the future"."""


def in_future(value: datetime | None, now: datetime | None = None) -> bool:
    """Whether `value` lies ahead of `now` (beyond FUTURE_MARGIN)."""
    return value is not None and value > (now or datetime.now(UTC)) + FUTURE_MARGIN


def future_warning(what: str, value: datetime | None, now: datetime | None = None) -> str:
    """A warning when `value` lies in the future (an incident has already happened), else ""."""
    if value is None or not in_future(value, now):
        return ""
    stamp = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{what} {stamp} is in the future: check the date and the time zone"


def _shown(text: object) -> str:
    """A value quoted for a message, cut short when long."""
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def check_instant(value: datetime, text: object = None) -> datetime:
    """`value` in UTC (naive taken as UTC) if it lies in the accepted window; else DateError."""
    if value.tzinfo is UTC and EARLIEST <= value < LATEST:  # the common case, read back
        return value
    what = _shown(text if text is not None else value.isoformat())
    if not 1969 <= value.year <= 9998:
        raise DateError(f"{what} is outside the times debrief accepts ({WINDOW})")
    try:
        utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise DateError(f"{what} is outside the times debrief accepts ({WINDOW})") from exc
    if not EARLIEST <= utc < LATEST:
        raise DateError(f"{what} is outside the times debrief accepts ({WINDOW})")
    return utc


def check_day(value: date, text: object = None) -> date:
    """`value` if its year lies in the accepted window; else DateError."""
    if not EARLIEST.year <= value.year < LATEST.year:
        what = _shown(text if text is not None else value.isoformat())
        raise DateError(f"{what} is outside the dates debrief accepts ({WINDOW})")
    return value


def stored_instant(value: datetime) -> str:
    """The one stored form of an instant: UTC, zero-padded, fixed width
    (`2026-11-20T14:03:00.000000Z`), so text order is time order.

    Refuses (DateError) an instant outside the accepted window.
    """
    return check_instant(value).isoformat(timespec="microseconds")[:26] + "Z"


def read_stored(value: object) -> datetime | None:
    """A stored instant read back; None when it cannot be (damaged, or outside the
    window): reading never fails on a stored value."""
    if isinstance(value, datetime):
        found = value
    elif isinstance(value, str):
        text = value.strip()
        if not 10 <= len(text) <= 40:
            return None
        try:
            found = datetime.fromisoformat(text)
        except ValueError:
            return None
    else:
        return None
    try:
        return check_instant(found)
    except DateError:
        return None


def read_stored_day(value: object) -> date | None:
    """A stored date read back; None when it cannot be."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        found = value
    elif isinstance(value, str) and len(value.strip()) == 10:
        try:
            found = date.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    try:
        return check_day(found)
    except DateError:
        return None


def zone(name: str | None) -> tzinfo | None:
    """A time zone by IANA name (`Europe/Paris`), or None for the local zone."""
    if not name:
        return None
    from dateutil import tz as _tz

    found = _tz.gettz(name)
    if found is None:
        raise DateError(f"{name!r} is not a time zone name (try Europe/Paris or UTC)")
    return found


def local_zone() -> tzinfo:
    from dateutil import tz as _tz

    return _tz.tzlocal()


def show_instant(value: datetime, where: tzinfo | None = None, with_date: bool = True) -> str:
    """An instant in the viewer's zone, with the zone named: `2026-11-20 14:03 CET`.

    Without `where`, the system's zone at that instant (as `local_zone()` gives it)."""
    local = value.astimezone(where) if where is not None else value.astimezone()
    name = local.tzname() or ""
    stamp = local.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")
    return f"{stamp} {name}".strip()


def show_duration(seconds: float | None) -> str:
    """`1h 05m`, `12m`, `45s`; an em dash when unknown."""
    if seconds is None:
        return "—"
    seconds = round(seconds)
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m"
    return f"{sign}{secs}s"
