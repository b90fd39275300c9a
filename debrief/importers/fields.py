"""Events from named fields, shared by CSV rows and JSON lines.

Column and key names are matched loosely (`time`, `timestamp`, `when`, ...), so
files written by other tools import without renaming. Without an id of its own,
an entry's source id is a hash of its content, numbered when the same content
occurs more than once, so re-importing the same file adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from debrief.dates import DateError, check_instant, parse_instant
from debrief.importers.day_order import DateOrder, is_numeric_date, numeric_instant
from debrief.importers.record import EventRecord
from debrief.kinds import Milestone
from debrief.links import LinkError, check_link

FIELDS = ("at", "text", "source", "author", "link", "milestone", "id", "is_reply", "edited")
SYNONYMS = {
    "at": ("at", "time", "timestamp", "when", "date", "datetime", "ts", "instant"),
    "text": ("text", "message", "what", "event", "description", "summary", "body"),
    "source": ("source", "origin", "channel"),
    "author": ("author", "who", "user", "by", "person"),
    "link": ("link", "url", "evidence", "permalink", "href"),
    "milestone": ("milestone", "phase", "marker", "kind"),
    "id": ("id", "source_id", "uid", "key"),
    "is_reply": ("is_reply", "reply"),
    "edited": ("edited",),
}
_LOOKUP = {alias: name for name, aliases in SYNONYMS.items() for alias in aliases}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_TEXT = re.compile(r"[0-9]{9,12}(?:\.[0-9]{1,9})?", re.ASCII)
"""Seconds since the epoch written as text (ASCII digits only: `²` is a digit to isdigit())."""
_TRUE = {"1", "true", "yes", "y"}


class BadEntry(ValueError):
    """An entry that cannot become an event; `reason` is how the summary counts it."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(what)
        self.reason = reason


def field_for(name: str) -> str | None:
    """The event field a column or key name means, if any."""
    return _LOOKUP.get(name.strip().lower().replace(" ", "_").replace("-", "_"))


def instant(value: Any, zone: tzinfo | None, order: DateOrder | None = None) -> datetime:
    """ISO 8601 text (naive in `zone`) or seconds since the epoch; with `order`, also
    a numeric date in that order (`20/11/2026 14:03`, a CSV file's own)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return check_instant(_EPOCH + timedelta(seconds=value))
        except (OverflowError, ValueError) as exc:  # NaN, inf, 10**5000
            if isinstance(exc, DateError):
                raise
            raise DateError("not a time") from exc
    if not isinstance(value, str):
        raise DateError("not a time")
    text = value.strip()
    if _EPOCH_TEXT.fullmatch(text):
        return instant(float(text), zone)
    if order is not None and is_numeric_date(text):
        return numeric_instant(text, order, zone)
    return parse_instant(text, zone)


class EventMaker:
    """Builds events from {field: value}; one per file, for stable content ids."""

    def __init__(
        self, prefix: str, source: str, zone: tzinfo | None, order: DateOrder | None = None
    ) -> None:
        self.prefix = prefix
        self.source = source
        self.zone = zone
        self.order = order
        self.seen: Counter[str] = Counter()
        self.notes: list[str] = []

    def make(self, values: dict[str, Any]) -> EventRecord:
        """Raises BadEntry naming what is wrong; notes smaller issues in `notes`."""
        from debrief.importers import report as why

        raw_at = values.get("at")
        if raw_at is None or str(raw_at).strip() == "":
            raise BadEntry("no time", why.NO_TIME)
        try:
            at = instant(raw_at, self.zone, self.order)
        except (DateError, ValueError, OverflowError, TypeError) as exc:
            raise BadEntry(f"{_shown(raw_at)} is not a time", why.NO_TIME) from exc
        text = str(values.get("text") or "").strip()
        if not text:
            raise BadEntry("no text", why.NO_TEXT)
        source = str(values.get("source") or "").strip() or self.source
        author = str(values.get("author") or "").strip()
        milestone = self._milestone(values.get("milestone"))
        link = self._link(values.get("link"))
        own_id = str(values.get("id") or "").strip()
        return EventRecord(
            at=at,
            text=text,
            source=source,
            author=author,
            link=link,
            source_id=f"{self.prefix}:{own_id}" if own_id else self._content_id(at, text, author),
            milestone=milestone,
            is_reply=_flag(values.get("is_reply")),
            edited=_flag(values.get("edited")),
        )

    def _link(self, value: Any) -> str:
        """The evidence link, or "" (noted) when it is not one the documents may link to."""
        try:
            return check_link(str(value or ""))
        except LinkError as exc:
            self.notes.append(f"{exc}; imported without it")
            return ""

    def _milestone(self, value: Any) -> Milestone | None:
        name = str(value or "").strip().lower()
        if not name:
            return None
        try:
            return Milestone(name)
        except ValueError:
            known = ", ".join(m.value for m in Milestone)
            self.notes.append(f"milestone {name!r} is not one of {known}; imported without it")
            return None

    def _content_id(self, at: datetime, text: str, author: str) -> str:
        digest = hashlib.blake2b(
            f"{at.isoformat()}\x1f{author}\x1f{text}".encode(), digest_size=10
        ).hexdigest()
        count = self.seen[digest]
        self.seen[digest] += 1
        return f"{self.prefix}:{digest}" + (f":{count}" if count else "")


def _shown(value: Any) -> str:
    """A value quoted for a problem line, cut short when long."""
    try:
        text = repr(str(value)) if not isinstance(value, int) else repr(value)
    except ValueError:  # an integer too long to write out
        text = "a very long number"
    return text if len(text) <= 40 else text[:37] + "..."


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in _TRUE
