"""Numeric dates in a CSV file (`03/04/2026 14:00`): one day/month order per file.

Spreadsheets write dates the way their locale does, so `03/04/2026` is 3 April in one
file and 4 March in the next. Guessing row by row would mix the two in one timeline;
instead the whole file is read first. A date whose first number is above 12 shows the
file is day-first (`20/11/2026`), one whose second number is above 12 that it is
month-first (`11/20/2026`). A file with only dates like `03/04/2026` says neither, and
one with both kinds says both: each is refused in one sentence (unless `--date-order`
says the order, and every date fits it). ISO 8601 and epoch seconds need no order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from enum import StrEnum

from debrief.dates import DateError, check_instant
from debrief.importers.report import ImportFailed


class DateOrder(StrEnum):
    dmy = "dmy"
    mdy = "mdy"


NUMERIC = re.compile(
    r"\s*(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})"
    r"(?:(?:\s+|T)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,6}))?)?"
    r"\s*(?P<offset>Z|[+-][0-9]{2}:?[0-9]{2})?)?\s*",
    re.ASCII,
)
"""Day and month as one or two digits in either order, a four-digit year, an optional
time (24-hour) and offset: `20/11/2026`, `11.20.2026 14:03`, `3-4-2026 09:15:00Z`."""

_NAMES = {DateOrder.dmy: "day/month/year", DateOrder.mdy: "month/day/year"}


def is_numeric_date(text: str) -> bool:
    return NUMERIC.fullmatch(text) is not None


def _order_shown(text: str) -> DateOrder | None:
    """The order a date shows by itself (a number above 12 first or second), else None."""
    match = NUMERIC.fullmatch(text)
    if match is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    if a > 12 >= b:
        return DateOrder.dmy
    if b > 12 >= a:
        return DateOrder.mdy
    return None


def decide(
    cells: Iterable[tuple[int, str]], given: DateOrder | None, name: str
) -> DateOrder | None:
    """The order to read `name`'s numeric dates in (None when it has none).

    `cells` are (line, time cell). ImportFailed, in one sentence, for a file whose
    numeric dates contradict each other or `given`, or could be either order.
    """
    first_ambiguous: tuple[int, str] | None = None
    seen: dict[DateOrder, tuple[int, str]] = {}
    for line, cell in cells:
        text = cell.strip()
        if NUMERIC.fullmatch(text) is None:
            continue
        order = _order_shown(text)
        if order is None:
            first_ambiguous = first_ambiguous or (line, text)
        else:
            seen.setdefault(order, (line, text))
    if given is not None:
        other = DateOrder.mdy if given is DateOrder.dmy else DateOrder.dmy
        if other in seen:
            line, text = seen[other]
            raise ImportFailed(
                f"{name} line {line}: {text!r} cannot be {_NAMES[given]} as --date-order "
                f"{given.value} says; nothing was imported"
            )
        return given
    if len(seen) == 2:
        (l1, t1), (l2, t2) = seen[DateOrder.dmy], seen[DateOrder.mdy]
        raise ImportFailed(
            f"{name} mixes day/month/year ({t1!r}, line {l1}) and month/day/year "
            f"({t2!r}, line {l2}) dates; nothing was imported"
        )
    if seen:
        return next(iter(seen))
    if first_ambiguous is not None:
        line, text = first_ambiguous
        raise ImportFailed(
            f"{name} line {line}: {text!r} could be day/month or month/day and no date in "
            "the file tells which: import it with --date-order dmy or --date-order mdy"
        )
    return None


def numeric_instant(text: str, order: DateOrder, zone: tzinfo | None) -> datetime:
    """A numeric date read in `order` (naive in `zone`, UTC when None); DateError otherwise."""
    match = NUMERIC.fullmatch(text)
    if match is None:
        raise DateError(f"{text!r} is not a date")
    a, b = int(match["a"]), int(match["b"])
    day, month = (a, b) if order is DateOrder.dmy else (b, a)
    fraction = (match["fraction"] or "").ljust(6, "0")
    try:
        value = datetime(
            int(match["year"]),
            month,
            day,
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            int(match["second"] or 0),
            int(fraction or 0),
        )
    except ValueError as exc:
        raise DateError(f"{text.strip()!r} is not a real {_NAMES[order]} date") from exc
    offset = match["offset"]
    if offset == "Z":
        where: tzinfo = UTC
    elif offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        span = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if span >= timedelta(hours=24):
            raise DateError(f"{text.strip()!r} has an offset beyond a day")
        where = timezone(sign * span)
    else:
        where = zone or UTC
    return check_instant(value.replace(tzinfo=where), text)
