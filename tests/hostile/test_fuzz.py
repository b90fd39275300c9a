"""Generated malformed input for every reader, through the real CLI.

Every run must end with exit 0 or 1 (2 for usage), no traceback, at most one error
line on stderr (warnings about skipped rows aside; usage errors print Click's usage
text above theirs), nothing stored from a rejected
all-or-nothing input, and a database that passes `PRAGMA integrity_check`.

`DEBRIEF_FUZZ_EXAMPLES` sets the examples per reader (small by default, so this
folder runs in about a minute); the runs are derandomized, so they repeat exactly.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from debrief.cli import app
from tests.hostile.conftest import integrity_ok, one_sentence

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "12"))
SLOW = 30.0
"""Seconds one command may take on these small inputs before it counts as a hang."""

fuzz = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@dataclass
class Tally:
    """What the fuzzing did, printed at the end of the run (pytest -s shows it)."""

    inputs: int = 0
    tracebacks: int = 0
    hangs: int = 0
    lost: int = 0


TALLY = Tally()


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[Tally]:
    yield TALLY
    print(
        f"\nfuzz: {TALLY.inputs} inputs, {TALLY.tracebacks} tracebacks, "
        f"{TALLY.hangs} hangs, {TALLY.lost} rejected inputs that stored something"
    )


class Debrief:
    """`debrief ARGS` in-process against one database, checked after every run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "fuzz.db"
        self.runner = CliRunner()
        self.pm = self.ok("new", "Fuzzed incident", "--started", "2026-11-20T14:03:00Z")

    def run(self, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Any:
        TALLY.inputs += 1
        start = time.perf_counter()
        result = self.runner.invoke(
            app, ["--db", str(self.db), *args], input=stdin, env=env, catch_exceptions=True
        )
        elapsed = time.perf_counter() - start
        escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
        stderr = result.stderr
        if escaped or "Traceback" in stderr or "Traceback" in result.stdout:
            TALLY.tracebacks += 1
        if elapsed > SLOW:
            TALLY.hangs += 1
        assert not escaped, f"{args[:3]}: {result.exception!r}"
        assert result.exit_code in (0, 1, 2), (args[:3], result.exit_code)
        if result.exit_code == 2:  # usage: Click's usage text, then its one error line
            assert "Traceback" not in stderr and "Error:" in stderr
        else:
            assert one_sentence(stderr), (args[:3], stderr)
        assert elapsed <= SLOW, f"{args[:3]} took {elapsed:.1f} s"
        assert integrity_ok(self.db)
        return result

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.exit_code == 0, result.stderr
        return str(result.stdout.strip())

    def rows(self) -> dict[str, int]:
        conn = sqlite3.connect(self.db)
        try:
            return {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("postmortems", "sections", "events", "actions")
            }
        finally:
            conn.close()

    def file(self, name: str, content: str | bytes) -> Path:
        path = self.folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        return path


@pytest.fixture(scope="module")
def debrief(tmp_path_factory: pytest.TempPathFactory) -> Debrief:
    return Debrief(tmp_path_factory.mktemp("fuzz"))


# -- strategies --------------------------------------------------------------------

SPECIAL = [
    "", " ", "-1", "0", "5", "NaN", "nan", "inf", "-inf", "1e400", "²²²²", "٣٣٣٣-٠١-٠١",
    "9" * 5000, "0206-11-20T10:00:00Z", "0999-01-01", "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00", "9999-12-31", "1969-12-31T23:59:59Z", "2026-02-30",
    "2026-11-20T25:00:00Z", "2026-11-20T14:03:00+99:00", "2026-11-20T14:03:00Z",
    "1763647200", "1763647200.000100", "+3d", "+99999d", "+9999m", "fri", "today",
    "2026-11-20 14:03 CET", "Fri, 20 Nov 2026 14:03:00 +0100", "\x00", "\n", "🙂",
]  # fmt: skip
JSON_SPECIAL = [float("nan"), float("inf"), -float("inf"), 2**63, -(2**63) - 1, 10**100, 1e308]

date_like = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.from_regex(
        r"-?[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}(T[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?", fullmatch=True
    ),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)
json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(JSON_SPECIAL),
    st.text(max_size=30),
    st.sampled_from(SPECIAL),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
nesting = st.integers(min_value=1_000, max_value=120_000).map(lambda n: "[" * n + "]" * n)


def dumped(value: Any) -> str:
    return json.dumps(value, allow_nan=True, default=str)


# -- dates and numbers on the command line -------------------------------------------


@fuzz
@given(value=date_like)
def test_every_date_argument(debrief: Debrief, tmp_path_factory, value: str) -> None:
    csv = debrief.file("one.csv", "time,text\n2026-11-20T14:05:00Z,deploy\n")
    before = debrief.rows()
    debrief.run("new", "Fuzz", "--started", value)
    debrief.run("event", "add", debrief.pm, "--", value, "something happened")
    debrief.run("action", "add", debrief.pm, "Fix it", "--owner", "ana", "--due", value)
    for option in ("--since", "--until", "--tz"):
        debrief.run("import-timeline", debrief.pm, str(csv), option, value)
    after = debrief.rows()
    assert after["postmortems"] - before["postmortems"] <= 1
    assert debrief.run("list").exit_code == 0
    assert debrief.run("export", debrief.pm, "-f", "json").exit_code == 0


@fuzz
@given(port=st.one_of(st.integers(max_value=0), st.integers(min_value=65536), st.text(max_size=10)))
def test_the_port_number(debrief: Debrief, port: Any) -> None:
    text = str(port)
    if text.strip().lstrip("+").isdigit() and 1 <= int(text) <= 65535:
        return  # a real port would start the server
    result = debrief.run("serve", "--port", text)
    assert result.exit_code == 2


# -- timelines -------------------------------------------------------------------------

csv_cell = st.one_of(date_like, st.text(alphabet=",;|\t\"'\n\r ab²", max_size=12))


@fuzz
@given(
    header=st.sampled_from(["time,text\n", "when;what;who\n", "", "a\tb\n", '"time","text"\n']),
    rows=st.lists(st.lists(csv_cell, min_size=0, max_size=5), max_size=8),
    junk=st.text(max_size=200),
)
def test_csv_timelines(debrief: Debrief, header: str, rows: list[list[str]], junk: str) -> None:
    body = header + "".join(",".join(r) + "\n" for r in rows) + junk
    debrief.run("import-timeline", debrief.pm, str(debrief.file("t.csv", body)))


@fuzz
@given(
    lines=st.lists(
        st.one_of(
            json_value.map(dumped),
            st.dictionaries(
                st.sampled_from(["time", "text", "at", "author", "milestone", "id", "ts", "link"]),
                json_value,
                max_size=5,
            ).map(dumped),
            st.text(max_size=60),
            nesting,
        ),
        max_size=6,
    )
)
def test_jsonl_timelines(debrief: Debrief, lines: list[str]) -> None:
    good = dumped({"time": "2026-11-20T14:05:00Z", "text": "deploy"})
    body = "\n".join([*lines, good]) + "\n"
    debrief.run("import-timeline", debrief.pm, str(debrief.file("t.jsonl", body)))


message = st.fixed_dictionaries(
    {},
    optional={
        "ts": st.one_of(json_value, st.sampled_from(["1763647200.000100", "-1", "1e400", "NaN"])),
        "text": json_value,
        "user": json_value,
        "subtype": st.one_of(
            json_value, st.sampled_from(["bot_message", "bot_add", "channel_join"])
        ),
        "bot_id": json_value,
        "thread_ts": json_value,
        "files": json_value,
        "attachments": json_value,
        "user_profile": json_value,
        "bot_profile": json_value,
        "username": json_value,
    },
)
user = st.fixed_dictionaries(
    {"id": st.one_of(st.just("U1"), json_value)},
    optional={"name": json_value, "real_name": json_value, "profile": json_value},
)


@fuzz
@given(
    users=st.one_of(
        st.lists(st.one_of(user, json_value), max_size=4).map(dumped), nesting, st.text(max_size=30)
    ),
    channels=st.one_of(
        st.just(dumped([{"id": "C1", "name": "inc"}])),
        st.lists(json_value, max_size=3).map(dumped),
        st.text(max_size=30),
    ),
    days=st.lists(
        st.one_of(
            st.lists(st.one_of(message, json_value), max_size=5).map(dumped),
            nesting,
            st.text(max_size=40),
        ),
        min_size=1,
        max_size=3,
    ),
    as_zip=st.booleans(),
)
def test_slack_exports(
    debrief: Debrief, users: str, channels: str, days: list[str], as_zip: bool
) -> None:
    files = {"users.json": users, "channels.json": channels}
    for index, day in enumerate(days):
        files[f"inc/2026-11-{index + 10:02d}.json"] = day
    if as_zip:
        path = debrief.folder / "export.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8", "surrogatepass"))
    else:
        path = debrief.folder / f"export-{TALLY.inputs}"
        for name, text in files.items():
            target = path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", errors="surrogatepass")
    debrief.run("import-timeline", debrief.pm, str(path), "--format", "slack")


# -- whole documents -------------------------------------------------------------------

VALID = {
    "format": "debrief/1",
    "postmortem": {"id": "PM-9", "title": "Imported", "started_at": "2026-11-20T14:03:00Z"},
    "sections": [{"key": "impact", "title": "Impact", "body": "x"}],
    "events": [{"id": "e1", "at": "2026-11-20T14:03:00Z", "text": "deploy", "source_id": "s1"}],
    "actions": [{"id": "a1", "title": "Add a check", "owner": "ana", "due": "2026-12-01"}],
}
PATHS = [
    ("postmortem", "id"), ("postmortem", "title"), ("postmortem", "started_at"),
    ("postmortem", "rev"), ("postmortem", "debrief_due"), ("postmortem", "participants"),
    ("sections", 0, "key"), ("sections", 0, "position"), ("sections", 0, "updated_at"),
    ("events", 0, "at"), ("events", 0, "id"), ("events", 0, "text"), ("events", 0, "rev"),
    ("events", 0, "source_id"), ("events", 0, "milestone"), ("actions", 0, "due"),
    ("actions", 0, "title"), ("actions", 0, "position"), ("actions", 0, "status"),
]  # fmt: skip


def mutated(changes: list[tuple[int, Any]], copies: int) -> Any:
    doc = json.loads(json.dumps(VALID))
    for which, value in changes:
        *parents, leaf = PATHS[which % len(PATHS)]
        node = doc
        for key in parents:
            node = node[key]
        node[leaf] = value
    docs = [json.loads(json.dumps(doc)) for _ in range(copies)]
    if copies > 1:  # a repeated section key in the last one: the whole list is refused
        docs[-1]["sections"].append(dict(docs[-1]["sections"][0]))
    return docs[0] if copies == 1 else docs


@fuzz
@given(
    changes=st.lists(st.tuples(st.integers(0, 100), json_value), max_size=3),
    copies=st.integers(1, 3),
    raw=st.one_of(st.none(), st.text(max_size=80), nesting),
)
def test_json_imports(
    debrief: Debrief, changes: list[tuple[int, Any]], copies: int, raw: Any
) -> None:
    text = raw if raw is not None else dumped(mutated(changes, copies))
    before = debrief.rows()
    result = debrief.run("import", str(debrief.file("in.json", text)))
    if result.exit_code != 0:
        if debrief.rows() != before:
            TALLY.lost += 1
        assert debrief.rows() == before, "a refused import stored something"
    else:
        assert debrief.run("list", "--json").exit_code == 0


# -- config and lint -------------------------------------------------------------------

toml_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["jira = 5", "slack = []", "user = 5", "[jira]\nusers = 3", "keymap = 1"]),
    st.integers(1_000, 60_000).map(lambda n: "a = " + "[" * n + "]" * n),
    st.dictionaries(
        st.sampled_from(["user", "jira", "slack", "keymap", "publish_dir"]), json_scalar, max_size=3
    ).map(
        lambda d: "\n".join(
            f"{k} = {json.dumps(v) if isinstance(v, str) else v}" for k, v in d.items()
        )
    ),
)


@fuzz
@given(text=toml_text)
def test_config_files(debrief: Debrief, text: str) -> None:
    config = debrief.file("config.toml", text)
    result = debrief.run("--config", str(config), "list")
    if result.exit_code == 1:
        assert "config" in result.stderr


lint_text = st.one_of(
    st.text(alphabet=st.sampled_from(list("<!->]()`[*#|\"' \n.?abifonlyshould")), max_size=400),
    st.tuples(
        st.sampled_from(["if only ", "<!--", "](", "<a", "`", "should have ", '"', "\n\n"]),
        st.integers(1, 4000),
    ).map(lambda t: t[0] * t[1]),
    st.text(max_size=200),
)


@fuzz
@given(text=lint_text)
def test_lint(debrief: Debrief, text: str) -> None:
    debrief.run("lint", "-", stdin=text)
