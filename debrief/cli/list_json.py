"""`debrief list --json` written straight from the stored rows.

The text is exactly what `say_json` prints for `[p.model_dump(mode="json") for p in
store.list_postmortems()]`: the same keys in the same order, two-space indentation,
instants as `...Z`, every character outside printable ASCII written as a `\\u` escape.
Reading 1,000 post-mortems into records, dumping them and encoding the dumps took
about 110 ms of CPU (warm, without loading the records' modules and the encoder);
querying the rows and writing the text from them takes about 22 ms. A row whose values are not in their usual stored form (a
damaged instant, a list that is not a list of text, a number written as text) goes
through the record, as before, so its JSON (or its error) is the record's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache
from itertools import chain
from json.encoder import encode_basestring_ascii
from operator import itemgetter
from typing import Any

_text: Callable[[str], str] = encode_basestring_ascii
"""A JSON string, quoted, with every character outside ASCII escaped (C, in CPython)."""

_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
"""`(value, end)` of the JSON value starting at an index: json.loads's C scanner."""

_STATUSES = frozenset({"draft", "ready", "debriefed", "published"})
"""debrief.kinds.Status's values (tests/cli/test_list_json.py checks they agree)."""

_YEAR = r"(?:19[7-9][0-9]|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])"
"""1970 to 9998: the years debrief accepts (debrief.dates.EARLIEST and LATEST)."""
_INSTANT = re.compile(
    _YEAR + r"-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6}Z"
)
"""An instant as the store writes it (debrief.dates.stored_instant)."""
_DAY = re.compile(_YEAR + r"-[0-9]{2}-[0-9]{2}")
"""A date as the store writes it."""

_WHOLE = 2**63
_ITEM = ",\n      "
_PARTICIPANT = '{\n        "name": %s,\n        "role": %s,\n        "email": %s\n      }'
_PERSON = itemgetter("name", "role", "email")
_ROW = """\
  {
    "id": %s,
    "title": %s,
    "status": "%s",
    "severity": %s,
    "started_at": %s,
    "ended_at": %s,
    "classification": %s,
    "services": %s,
    "tags": %s,
    "facilitator": %s,
    "lead_investigator": %s,
    "participants": %s,
    "debrief_due": %s,
    "follow_up": %s,
    "template": %s,
    "created_at": %s,
    "updated_at": %s,
    "rev": %s
  }"""
"""A post-mortem's JSON as `json.dumps(records, indent=2)` writes it, its fields in
the record's order; each %s is a value's JSON text."""


class _Unusual(Exception):
    """A stored value not in its usual form: the row goes through its record."""


def postmortems_json(rows: Iterable[tuple[Any, ...]]) -> str:
    """The JSON text of these rows (`debrief.store.listing.LISTED` order), as `say_json`
    writes the records' dumps: built whole, so a row that cannot be read fails before
    anything is printed."""
    blocks = []
    for row in rows:
        try:
            blocks.append(_row_json(*row))
        except _Unusual:
            blocks.append(_record_json(row))
    if not blocks:
        return "[]"
    # The only character a terminal acts on that the encoder leaves raw: DEL (the C1
    # and bidi controls are outside ASCII, so already escaped), escaped as say_json does.
    return ("[\n" + ",\n".join(blocks) + "\n]").replace("\x7f", "\\u007f")


def _row_json(
    pm_id: Any,
    title: Any,
    status: Any,
    severity: Any,
    started_at: Any,
    ended_at: Any,
    classification: Any,
    services: Any,
    tags: Any,
    facilitator: Any,
    lead_investigator: Any,
    participants: Any,
    debrief_due: Any,
    follow_up: Any,
    template: Any,
    created_at: Any,
    updated_at: Any,
    rev: Any,
) -> str:
    """One post-mortem's JSON, when every stored value is in its usual form."""
    if type(pm_id) is not str or type(title) is not str:
        raise _Unusual
    if status is None:
        status = "draft"
    elif type(status) is not str or status not in _STATUSES:
        raise _Unusual
    if rev is None:
        rev = 0
    elif type(rev) is not int or not -_WHOLE <= rev < _WHOLE:
        raise _Unusual
    return _ROW % (
        _text(pm_id),
        _text(title),
        status,
        _plain(severity, '""'),
        _instant(started_at),
        _instant(ended_at),
        _plain(classification, '""'),
        _texts(services),
        _texts(tags),
        _plain(facilitator, '""'),
        _plain(lead_investigator, '""'),
        _participants(participants),
        _day(debrief_due),
        _day(follow_up),
        _plain(template, '"default"'),
        _instant(created_at),
        _instant(updated_at),
        rev,
    )


def _plain(value: Any, default: str) -> str:
    if type(value) is str:
        return _text(value)
    if value is None:
        return default
    raise _Unusual


def _instant(value: Any) -> str:
    """A stored instant as its record dumps it: `2026-11-20T14:03:00.000000Z` as
    `"2026-11-20T14:03:00Z"` (microseconds only when there are some)."""
    if value is None:
        return "null"
    if type(value) is not str or _INSTANT.fullmatch(value) is None:
        raise _Unusual
    try:
        datetime.fromisoformat(value)  # a real day of a real month
    except ValueError:
        raise _Unusual from None
    if value[20:26] == "000000":
        return '"' + value[:19] + 'Z"'
    return '"' + value + '"'


def _day(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is not str or _DAY.fullmatch(value) is None:
        raise _Unusual
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _Unusual from None
    return '"' + value + '"'


def _stored_list(value: Any) -> list[Any]:
    """A stored JSON list (services, tags, participants); nothing stored is no list."""
    if value is None:
        return []
    if type(value) is not str:
        raise _Unusual
    try:
        found, end = _scan(value, 0)  # json.loads without its checks around the C scanner
    except (StopIteration, ValueError):
        raise _Unusual from None
    if end != len(value):
        raise _Unusual
    if not found:
        return []
    if type(found) is not list:
        raise _Unusual
    return found


def _texts(value: Any) -> str:
    found = _stored_list(value)
    if not found:
        return "[]"
    try:
        return "[\n      " + _ITEM.join(map(_text, found)) + "\n    ]"
    except TypeError:  # an item that is not text
        raise _Unusual from None


def _participants(value: Any) -> str:
    found = _stored_list(value)
    if not found:
        return "[]"
    try:  # each person with a name, role and e-mail as text, as the store writes them
        fields = tuple(map(_text, chain.from_iterable(map(_PERSON, found))))
    except (KeyError, TypeError):
        return "[\n      " + _ITEM.join([_participant(p) for p in found]) + "\n    ]"
    return _people(len(found)) % fields


@cache
def _people(count: int) -> str:
    """The JSON of a list of `count` people, with a %s for each of their fields."""
    return "[\n      " + _ITEM.join([_PARTICIPANT] * count) + "\n    ]"


def _participant(one: Any) -> str:
    """A person whose role or e-mail may be missing (the record's default, empty)."""
    if type(one) is not dict:
        raise _Unusual
    name, role, email = one.get("name"), one.get("role"), one.get("email")
    if role is None:
        role = ""
    if email is None:
        email = ""
    if type(name) is not str or type(role) is not str or type(email) is not str:
        raise _Unusual
    return _PARTICIPANT % (_text(name), _text(role), _text(email))


def _record_json(row: tuple[Any, ...]) -> str:
    """One post-mortem's JSON from its record (which may refuse the row, as when
    listing records)."""
    from debrief.store.listing import postmortem_of

    dumped = postmortem_of(row).model_dump(mode="json")
    return "  " + json.dumps(dumped, indent=2).replace("\n", "\n  ")
