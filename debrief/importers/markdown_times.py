"""Times as people write them in post-mortems: `[03-26 23:04]`, `**± 17:20 UTC:**`,
`2:54 PM PST`, `2021-12-10 15:40`, `Sep 29 2017 08:59`, `January 31st 2017`.

A stamp is read at the start of a timeline entry; what it leaves out (the year, the
day, the zone) is filled in by the caller from the document around it. Written zone
abbreviations mean their fixed offset (`PDT` is UTC-7 whatever the date), as the
author wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0,
    "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4,
    "AKST": -9, "AKDT": -8, "HST": -10,
    "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "JST": 9, "KST": 9, "SGT": 8, "HKT": 8,
    "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_GENERIC = {"PT": "America/Los_Angeles", "MT": "America/Denver", "CT": "America/Chicago",
            "ET": "America/New_York"}  # fmt: skip
_ABBR = "|".join(sorted([*_OFFSETS, *_GENERIC], key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ZONE = rf"(?:(?:UTC|GMT)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|(?:{_ABBR})\b)"
_CLOCK = r"(?P<h>\d{1,2})[:h.](?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?\s*(?P<ap>[ap]\.?m\.?)?"
_ISO_DAY = r"(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})"
_NAMED_DAY = (
    rf"(?:(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?P<mn>{_MONTH})\.?\s+(?P<nd>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<nd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn2>{_MONTH})\.?)"
    rf"(?:,?\s+(?P<ny>\d{{4}}))?"
)
_SHORT_DAY = r"(?P<sm>\d{1,2})[-/](?P<sd>\d{1,2})"
_DAY = rf"(?:{_ISO_DAY}|{_NAMED_DAY}|{_SHORT_DAY}(?=[\sT,]+\d{{1,2}}[:h.]\d{{2}}))"
_STAMP = re.compile(
    rf"""^(?P<lead>[\s\[(`*_>~±≈]*(?:about|around|approx\.?|circa|ca\.)?\s*)
    (?:(?P<day>{_DAY})(?:[\s,T@]+|\s*[-–]\s*|\s+at\s+)?)?
    (?P<clock>{_CLOCK})?
    (?:\s*(?P<zone>{_ZONE}))?
    (?:\s*[-–]\s*\d{{1,2}}[:h.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE})?)?
    (?P<tail>[\s\])`*_~]*(?:[:|)\]–—-]+|\s)|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_ANY_DAY = re.compile(rf"(?<![\d/-]){_ISO_DAY}(?![\d/])|\b{_NAMED_DAY}", re.IGNORECASE)
_STATED = re.compile(
    rf"\b(?:all\s+)?(?:times?|timestamps?|hours)\b[^.\n]{{0,30}}?\b(?:in\s+|are\s+)?"
    rf"(?P<zone>(?:UTC|GMT)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|(?:{_ABBR})\b|[A-Z][a-z]+/[A-Za-z_]+)",
    re.IGNORECASE,
)
_HEADER_ZONE = re.compile(rf"\(\s*(?P<zone>{_ZONE})\s*\)", re.IGNORECASE)


STAMP_WITHIN = 160
"""How far into an entry its stamp may reach."""


@dataclass(frozen=True)
class Stamp:
    """What a stamp says; None for each part it leaves out."""

    year: int | None
    month: int | None
    day: int | None
    clock: time | None
    zone: tzinfo | None
    zone_name: str
    rest: str
    """The entry's text after the stamp."""

    @property
    def dated(self) -> bool:
        return self.day is not None


def zone_named(name: str) -> tzinfo | None:
    """The zone an abbreviation, an offset or an IANA name means; None if unknown."""
    text = name.strip()
    upper = text.upper().replace(" ", "")
    if upper in _OFFSETS:
        return timezone(timedelta(hours=_OFFSETS[upper]), upper)
    if upper in _GENERIC or "/" in text:
        from dateutil import tz

        return tz.gettz(_GENERIC.get(upper, text))
    match = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", upper)
    if match:
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes), f"UTC{text[-6:]}")
    return None


def stated_zone(text: str) -> tuple[tzinfo, str] | None:
    """The zone a sentence like "All times in PDT" or a header "Time (UTC)" states."""
    for pattern in (_STATED, _HEADER_ZONE):
        for match in pattern.finditer(text[:20000]):
            found = zone_named(match.group("zone"))
            if found is not None:
                return found, match.group("zone").strip()
    return None


def leading_stamp(text: str) -> Stamp | None:
    """The stamp an entry starts with, or None when it starts with none."""
    head = text[:STAMP_WITHIN]  # a stamp is at the start: never scan a long text
    match = _STAMP.match(head)
    if not match or not (match.group("day") or match.group("clock")):
        return None
    year, month, day = _day_parts(match)
    if match.group("day") and day is None:
        return None
    clock = _clock(match)
    if match.group("clock") and clock is None:
        return None
    if clock is None and not match.group("tail").strip() and match.end() < len(text):
        # a date-only stamp needs punctuation after it ("2021-12-10:" or a table cell)
        rest = text[match.end() : match.end() + 200]
        if not re.match(r"\s*\n|\s*$", rest) and match.group("y") is None:
            return None
    zone_text = match.group("zone") or ""
    zone = zone_named(zone_text) if zone_text else None
    rest = text[match.end() :].strip()
    rest = rest[2:].lstrip() if rest.startswith(("**", "__")) else rest
    return Stamp(year, month, day, clock, zone, zone_text.strip(), rest)


def _day_parts(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    if not match.group("day"):
        return None, None, None
    year: int | None
    if match.group("y"):
        year, month, day = int(match.group("y")), int(match.group("mo")), int(match.group("d"))
    elif match.group("mn") or match.group("mn2"):
        month = _MONTHS[(match.group("mn") or match.group("mn2")).lower()]
        day = int(match.group("nd") or match.group("nd2"))
        year = int(match.group("ny")) if match.group("ny") else None
    else:
        month, day, year = int(match.group("sm")), int(match.group("sd")), None
        if month > 12 >= day:
            month, day = day, month
    if not _real(year or 2000, month, day):
        return None, None, None
    return year, month, day


def _clock(match: re.Match[str]) -> time | None:
    if not match.group("clock"):
        return None
    hour, minute = int(match.group("h")), int(match.group("m"))
    second = int(match.group("s") or 0)
    half = (match.group("ap") or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1970 <= year <= 9998


def first_date(text: str) -> date | None:
    """The first date written with its year in `text` (ISO or with a month name)."""
    for match in _ANY_DAY.finditer(text[:20000]):
        if match.group("y"):
            parts = int(match.group("y")), int(match.group("mo")), int(match.group("d"))
        elif match.group("ny"):
            month = _MONTHS[(match.group("mn") or match.group("mn2")).lower()]
            parts = int(match.group("ny")), month, int(match.group("nd") or match.group("nd2"))
        else:
            continue
        if _real(*parts):
            return date(*parts)
    return None


def day_of(text: str, near: date | None = None) -> date | None:
    """A due date or front-matter date: `2026-12-01`, `Dec 1, 2026`, or `Dec 1`/`12/01`
    taken in the year of `near` (the next one when that day is already past)."""
    stamp = leading_stamp(text.strip() + " ")
    if stamp is None or stamp.day is None or stamp.month is None:
        return None
    year = stamp.year
    if year is None:
        if near is None:
            return None
        year = near.year
        if date(year, stamp.month, stamp.day) < near - timedelta(days=31):
            year += 1
    return date(year, stamp.month, stamp.day) if _real(year, stamp.month, stamp.day) else None


def instant(day: date, clock: time | None, zone: tzinfo) -> datetime:
    """The instant of a day and clock time in a zone (the start of the day without one)."""
    return datetime.combine(day, clock or time(0, 0), tzinfo=zone)
