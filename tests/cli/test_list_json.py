"""`debrief list --json` written from the rows is, byte for byte, what the records give.

The reference is what the command printed when it read every post-mortem into its
record: `say_json([p.model_dump(mode="json") for p in store.list_postmortems()])`.
Rows are written as the store writes them and also as a damaged or hand-edited database
holds them (instants and dates in other forms, lists that are not lists of text,
numbers as text), with hostile text everywhere; seeded, so a failure repeats.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from debrief.cli.list_json import _STATUSES, postmortems_json
from debrief.cli.output import json_text, safe_json
from debrief.kinds import Status
from debrief.store.base import iso, to_json
from debrief.store.listing import LISTED

TEXTS = [
    "",
    " ",
    "plain",
    "Zoë Łukasz Ørsted",
    "日本語のタイトル",
    "rocket \U0001f680 and \U0001d11e",
    "\x01\x02\x1b[31mred\x1b[0m\x1f",
    "tab\there\nnew line\r\x08\x0c",
    "del \x7f and C1 \x80\x85\x9b\x9f",
    "bidi \u202e\u202a\u2066\u2069 \u200f",
    "lines \u2028 and \u2029",
    "[bold red]markup[/bold red] <script>alert(1)</script>",
    '"quoted" \\ back\\slash \\u0041 \\n',
    "%s %d {0} {x}",
    "x" * 300,
    "\ufeffbom \ufffe\uffff",
    "null",
]
NUL = "nul \x00 inside"
"""SQLite keeps a NUL in text; PostgreSQL refuses it."""

EARLY = datetime(1970, 1, 1, tzinfo=UTC)
ODD = 0.04
"""How often a value is in an unusual stored form (most rows are as the store writes them)."""


def _text(rnd: random.Random, engine: str) -> str:
    if engine == "sqlite" and rnd.random() < 0.05:
        return NUL
    return rnd.choice(TEXTS) + rnd.choice(["", "", str(rnd.randrange(10**6))])


def _instant(rnd: random.Random) -> str | None:
    kind = rnd.random()
    moment = EARLY + timedelta(seconds=rnd.randrange(0, 253_370_764_800 - 86_400))
    if kind < 0.7:
        return iso(moment)  # as the store writes it (some with microseconds)
    if kind < 0.85:
        return iso(moment.replace(microsecond=rnd.randrange(1, 10**6)))
    if kind < 1 - ODD:
        return None
    return rnd.choice(
        [
            "2026-11-20T14:03:00Z",
            "2026-11-20T14:03:00+01:00",
            "2026-11-20T14:03:00.000000+00:00",
            "2026-11-20T14:03:00",
            " 2026-11-20T14:03:00.000000Z",
            "2026-11-20T14:03:00.000000Z ",
            "2026-02-30T10:00:00.000000Z",
            "2026-11-20T24:00:00.000000Z",
            "1969-12-31T23:59:59.999999Z",
            "1970-01-01T00:00:00.000000Z",
            "9998-12-31T23:59:59.999999Z",
            "9999-01-01T00:00:00.000000Z",
            "2026-11-20",
            "2026-W47-1T10:00:00.000000Z",
            "20261120T140300Z",
            "2026-11-20T14:03:00.123Z",
            "",
            "not a time",
            "2026-11-20t14:03:00.000000z",
        ]
    )


def _day(rnd: random.Random) -> str | None:
    kind = rnd.random()
    if kind < 0.7:
        return (EARLY + timedelta(days=rnd.randrange(0, 2_932_500))).date().isoformat()
    if kind < 1 - ODD:
        return None
    return rnd.choice(
        [
            "2026-11-07",
            "2026-W47-1",
            "20261107",
            "2026-311",
            " 2026-11-07",
            "2026-11-07 ",
            "2026-02-30",
            "1969-12-31",
            "1970-01-01",
            "9998-12-31",
            "9999-01-01",
            "2026-11-07T10:00:00Z",
            "",
            "soon",
        ]
    )


def _texts(rnd: random.Random, engine: str) -> str | None:
    kind = rnd.random()
    if kind < 1 - 2 * ODD:
        return to_json([_text(rnd, engine) for _ in range(rnd.randrange(0, 4))])
    return rnd.choice(
        [
            None,
            "[]",
            "null",
            '""',
            "{}",
            "0",
            '["a","b"]',
            '[ "a" ]',
            ' ["a"]',
            '["a"] ',
            '["\\u0041\\u00e9\\/"]',
            '["caf\u00e9"]',
            '["\\u001f\\u007f"]',
        ]
    )


def _participants(rnd: random.Random, engine: str) -> str | None:
    kind = rnd.random()
    if kind < 1 - 2 * ODD:
        people = [
            {"name": _text(rnd, engine), "role": _text(rnd, engine), "email": _text(rnd, engine)}
            for _ in range(rnd.randrange(0, 5))
        ]
        return to_json(people)
    return rnd.choice(
        [
            None,
            "[]",
            "null",
            '[{"name": "Ana"}]',
            '[{"name": "Ana", "role": null, "email": null}]',
            '[{"role": "x", "name": "Ana", "email": "", "extra": 1}]',
            '[{"email":"","name":"Ana","role":"x"}]',
            '[{"email": "", "name": "Ana\\u00e9", "role": "x"}]',
            '[{"email": "", "name": "\u00c5sa", "role": "x"}]',
        ]
    )


def _row(rnd: random.Random, engine: str, n: int) -> tuple[Any, ...]:
    def maybe(value: Any) -> Any:
        return None if rnd.random() < 0.1 else value

    return (
        f"PM-{n}" if rnd.random() < 0.7 else f"{_text(rnd, 'postgresql')[:20]}-{n}",
        _text(rnd, engine),
        rnd.choice(sorted(_STATUSES)),  # NOT NULL
        maybe(_text(rnd, engine)),
        _instant(rnd),
        _instant(rnd),
        maybe(_text(rnd, engine)),
        _texts(rnd, engine),
        _texts(rnd, engine),
        maybe(_text(rnd, engine)),
        maybe(_text(rnd, engine)),
        _participants(rnd, engine),
        _day(rnd),
        _day(rnd),
        maybe(rnd.choice(["default", "short", _text(rnd, engine)])),
        _instant(rnd),
        _instant(rnd),
        rnd.choice([None, 0, 1, 7, 2**63 - 1, -(2**63)]) if rnd.random() > ODD else "12",
    )


def _insert(store: Any, rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" for _ in LISTED)
    with store.write() as db:
        for row in rows:
            db.execute(f"INSERT INTO postmortems ({', '.join(LISTED)}) VALUES ({marks})", row)


def record_json(store: Any) -> str:
    """What `debrief list --json` printed when it listed records."""
    return safe_json(json_text([p.model_dump(mode="json") for p in store.list_postmortems()]))


def _rows(store: Any) -> list[tuple[Any, ...]]:
    from debrief.store.listing import PostmortemRows

    opened = PostmortemRows(store.location, author="tester")
    try:
        return opened.postmortem_rows()
    finally:
        opened.close()


@pytest.mark.parametrize("seed", range(6))
def test_hostile_rows_are_written_as_their_records_are(store, cli, engine, seed):
    rnd = random.Random(f"{engine}-{seed}")
    _insert(store, [_row(rnd, engine, n) for n in range(rnd.randrange(1, 40))])
    expected = record_json(store)
    assert postmortems_json(_rows(store)) == expected
    result = cli("list", "--json")
    assert result.exit_code == 0 and result.stdout == expected + "\n"
    assert safe_json(result.stdout) == result.stdout and result.stdout.isascii()


def test_no_post_mortems_is_an_empty_list(store, cli):
    assert record_json(store) == "[]"
    assert cli("list", "--json").stdout == "[]\n"


def test_hundreds_of_post_mortems_as_the_long_list_encoder_writes_them(store, cli, engine):
    # json_text encodes lists longer than 200 with another encoder: the same text.
    rnd = random.Random(f"long-{engine}")
    _insert(store, [_row(rnd, engine, n) for n in range(260)])
    assert cli("list", "--json").stdout == record_json(store) + "\n"


def test_post_mortems_made_through_the_store(store, cli, template):
    for n, title in enumerate(TEXTS[2:8]):
        made = store.create_postmortem(
            title or "x",
            template,
            started_at=datetime(2026, 11, 20, 14, n, 7, 1000 * n, tzinfo=UTC),
            severity=TEXTS[n],
            services=[TEXTS[n], "api"],
            tags=[] if n % 2 else ["bidi \u202e"],
        )
        store.update_postmortem(
            made.id,
            participants=[{"name": TEXTS[n + 3] or "Ana", "role": "SRE", "email": "a@x.io"}],
            facilitator=TEXTS[n + 6],
        )
    listed = cli("list", "--json").stdout
    assert listed == record_json(store) + "\n"
    assert json.loads(listed)[0]["title"] == TEXTS[7].strip()  # the newest incident


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("status", "archived"),
        ("rev", "many"),
        ("services", "1"),
        ("tags", "not json"),
        ("participants", '[{"role": "x"}]'),
        ("participants", '["Ana"]'),
        ("participants", '[{"name": 5}]'),
    ],
)
def test_a_row_its_record_refuses_fails_as_before(store, cli, engine, column, value):
    if engine == "postgresql" and column == "rev":
        pytest.skip("PostgreSQL keeps only numbers in rev")
    rnd = random.Random(column)
    good = _row(rnd, engine, 1)
    bad = tuple(
        value if name == column else v for name, v in zip(LISTED, _row(rnd, engine, 2), strict=True)
    )
    _insert(store, [good, bad])
    with pytest.raises(ValueError) as before:
        record_json(store)
    with pytest.raises(ValueError) as now:
        postmortems_json(_rows(store))
    assert str(now.value) == str(before.value)
    result = cli("list", "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_statuses_are_the_records():
    assert {s.value for s in Status} == _STATUSES


def test_the_columns_are_the_records_fields_in_order():
    from debrief.models import Postmortem

    assert tuple(Postmortem.model_fields) == LISTED
