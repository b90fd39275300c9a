"""Every command that prints user or imported text prints it neutralised.

The store is full of OSC 0, OSC 52, CSI 2J, C1 CSI and bidi controls; human output shows
them as visible placeholders, `--json` output escapes them (and still reads back exactly),
and `export` neutralises only when its standard output is a terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.store import Store
from tests.hostile.terminal import PAYLOAD, SHOWN, hostile, hostile_document, leaks


@pytest.fixture
def hostile_pm(store: Store) -> str:
    from debrief.sample import sample_document

    pm = store.import_document(hostile_document(sample_document(store.today())))
    store.request_contribution(pm.id, "impact", hostile("Support"), hostile("numbers"))
    store.save_section(pm.id, "went-well", "")  # `check` names it (by its hostile title)
    return pm.id


def printed(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert "Traceback" not in result.stderr, args
    return result.stdout + result.stderr


HUMAN = [
    ("list",),
    ("actions", "--all"),
    ("remind", "--dry-run"),
    ("history", "{pm}"),
    ("check", "{pm}"),
    ("asked",),
    ("participant", "list", "{pm}"),
    ("participant", "invite", "{pm}", "--dry-run"),
    ("publish", "{pm}", "--dry-run", "--no-jira", "--out", "{out}"),
]


@pytest.mark.parametrize("args", HUMAN, ids=lambda a: " ".join(a[:2]))
def test_human_output(cli, hostile_pm: str, tmp_path: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    filled = [a.format(pm=hostile_pm, out=tmp_path / "out") for a in args]
    out = printed(cli, *filled)
    assert leaks(out) == [], out
    assert "pwned" in out, "no hostile text was printed: the test saw nothing"


JSON = [
    ("list", "--json"),
    ("actions", "--all", "--json"),
    ("history", "{pm}", "--json"),
    ("check", "{pm}", "--json"),
    ("asked", "--json"),
    ("participant", "list", "{pm}", "--json"),
]


@pytest.mark.parametrize("args", JSON, ids=lambda a: " ".join(a[:2]))
def test_json_output_is_escaped_and_exact(cli, hostile_pm: str, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*(a.format(pm=hostile_pm) for a in args))
    assert leaks(result.stdout) == []
    assert any(PAYLOAD in text for text in strings(json.loads(result.stdout)))


def strings(value: object) -> list[str]:
    """Every string in a JSON value, keys aside."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in strings(item)] if isinstance(value, list) else []


def test_errors_echoing_names_and_keys(cli, hostile_pm: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outputs = [
        printed(cli, "section", "set", hostile_pm, hostile("key"), "text"),
        printed(cli, "export", hostile("PM-NOPE")),
        printed(cli, "import", str(tmp_path / hostile("missing.json"))),
        printed(cli, "action", "set-status", hostile_pm, hostile("nope"), "done"),
    ]
    for out in outputs:
        assert leaks(out) == [], out
        assert "pwned" in out


def slack_export(root: Path) -> Path:
    channel = hostile("inc")
    export = root / hostile("export")
    day = export / channel / "2026-11-20.json"
    day.parent.mkdir(parents=True)
    (export / "channels.json").write_text(json.dumps([{"id": "C1", "name": channel}]))
    users = [{"id": "U1", "name": hostile("ana"), "real_name": hostile("Ana Ruiz")}]
    (export / "users.json").write_text(json.dumps(users))
    messages = [
        {"type": "message", "user": "U1", "text": hostile("Rolling back"), "ts": "1795151400.0"},
        {"type": "message", "user": "U1", "text": "", "ts": hostile("1795151460.0")},
    ]
    day.write_text(json.dumps(messages))
    return export


def test_import_timeline_messages(cli, hostile_pm: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = slack_export(tmp_path)
    csv = tmp_path / hostile("notes.csv")
    csv.write_text(f"when,what,who\n2026-11-20T14:03:00Z,{hostile('Alert')},{hostile('bo')}\n")
    jsonl = tmp_path / hostile("events.jsonl")
    rows = [{"at": "2026-11-20T14:05:00Z", "text": hostile("Paged"), "author": hostile("cy")}]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [*rows, {"at": 1}]))
    outputs = [
        printed(cli, "import-timeline", hostile_pm, str(export), "-f", "slack"),
        printed(cli, "import-timeline", hostile_pm, str(export), "--channel", hostile("other")),
        printed(cli, "import-timeline", hostile_pm, str(csv), "-f", "csv"),
        printed(cli, "import-timeline", hostile_pm, str(jsonl), "-f", "jsonl"),
    ]
    for out in outputs:
        assert leaks(out) == [], out
    assert any(SHOWN in out for out in outputs)


def test_json_import_and_lint(cli, hostile_pm: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "pm.json"
    assert cli("export", hostile_pm, "-f", "json", "-o", str(exported)).exit_code == 0
    imported = printed(cli, "import", str(exported))  # the id is taken: a new one is chosen
    listed = printed(cli, "list")
    notes = tmp_path / hostile("notes.md")
    notes.write_text(f"{hostile('Bo')} should have caught it. {PAYLOAD}\n")
    linted = printed(cli, "lint", str(notes), "--person", hostile("Bo"))
    assert leaks(imported + listed + linted) == []
    assert listed.count("pwned") >= 2 and "pwned" in linted


def export_to_a_terminal(pm_id: str, fmt: str) -> str:
    """`debrief export` run for real, its standard output a terminal."""
    import pty

    command = [sys.executable, "-m", "debrief", "export", pm_id, "-f", fmt]
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=os.environ)
    os.close(follower)
    out = b""
    try:
        while chunk := os.read(leader, 65536):
            out += chunk
    except OSError:  # EIO: the command is done and its terminal closed
        pass
    finally:
        os.close(leader)
    assert proc.wait() == 0
    return out.decode()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export_to_a_terminal_is_neutralised_to_a_pipe_exact(
    cli,  # type: ignore[no-untyped-def]
    hostile_pm: str,
    tmp_path: Path,
    fmt: str,
) -> None:
    shown = export_to_a_terminal(hostile_pm, fmt)
    assert leaks(shown) == [] and SHOWN in shown
    written = tmp_path / f"pm.{fmt}"
    assert cli("export", hostile_pm, "-f", fmt, "-o", str(written)).exit_code == 0
    piped = cli("export", hostile_pm, "-f", fmt).stdout
    assert piped == written.read_text(encoding="utf-8")
