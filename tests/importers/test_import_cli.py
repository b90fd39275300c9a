"""`debrief import-timeline`: the summary, the exit codes, the messages."""

from __future__ import annotations

import json

import pytest

from tests.importers import slack_export as fx


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Checkout outage", "--started", "2026-11-20T02:00:00Z").stdout.strip()


def events(cli, pm_id) -> list[dict]:
    return json.loads(cli("export", pm_id, "--format", "json").stdout)["events"]


def test_a_slack_export_imports_with_a_summary(cli, pm_id, tmp_path):
    export = fx.write_zip(tmp_path / "export.zip")
    result = cli("import-timeline", pm_id, str(export), "--format", "slack")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"11 added to {pm_id} from export.zip (#general, #inc-42) · 0 already there",
        "5 skipped: 2 channel joins and leaves, 2 topic, purpose and name changes, "
        "1 integration added or removed",
    ]
    assert len(events(cli, pm_id)) == 11


def test_reimport_adds_nothing(cli, pm_id, tmp_path):
    export = fx.write_folder(tmp_path)
    cli("import-timeline", pm_id, str(export))
    again = cli("import-timeline", pm_id, str(export))
    assert again.exit_code == 0
    assert again.stdout.startswith(
        f"0 added to {pm_id} from export (#general, #inc-42) · 11 already there"
    )
    assert len(events(cli, pm_id)) == 11


def test_channel_and_window_options(cli, pm_id, tmp_path):
    export = fx.write_folder(tmp_path)
    result = cli(
        "import-timeline",
        pm_id,
        str(export),
        "-c",
        "inc-42",
        "--since",
        "2026-11-19T18:45",
        "--until",
        "2026-11-19",
        "--tz",
        "America/Los_Angeles",
    )
    assert result.exit_code == 0, result.stderr
    # 18:45 Pacific on the 19th is 02:45 UTC on the 20th; the 19th ends at 08:00 UTC.
    texts = [e["text"].split()[0] for e in events(cli, pm_id)]
    assert texts == ["Rollback", "Error", "Incident", "the", "literal"]


def test_a_partly_bad_export_imports_the_rest_and_names_file_and_line(cli, pm_id, tmp_path):
    export = fx.write_folder(tmp_path, {"general/2026-11-20.json": "[\n  {\n    oops\n]"})
    result = cli("import-timeline", pm_id, str(export))
    assert result.exit_code == 0
    assert "warning: general/2026-11-20.json: line 3: not JSON" in result.stderr
    assert "1 unreadable file" in result.stdout
    assert len(events(cli, pm_id)) == 10


def test_a_csv_with_naive_times_in_a_zone(cli, pm_id, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text(
        "time,text,milestone\n2026-11-20 09:03,Alert fired,detected\n", encoding="utf-8"
    )
    result = cli("import-timeline", pm_id, str(path), "--tz", "Europe/Paris")
    assert result.exit_code == 0, result.stderr
    (event,) = events(cli, pm_id)
    assert event["at"].startswith("2026-11-20T08:03:00") and event["milestone"] == "detected"


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("corrupt", [], "export.zip is not a readable zip file"),
        (
            "zip",
            ["--channel", "nope"],
            "the export has no channel 'nope'; it has #general, #inc-42",
        ),
        ("zip", ["--since", "whenever"], "'whenever' is not a time"),
        ("zip", ["--tz", "Mars/Olympus"], "'Mars/Olympus' is not a time zone name"),
        ("zip", ["--since", "2026-11-21", "--until", "2026-11-20"], "since is after until"),
        (
            "all-bad",
            [],
            "nothing could be imported from export.zip: inc-42/2026-11-19.json: line 1: not JSON",
        ),
        ("missing", [], "does not exist"),
    ],
)
def test_failures_are_one_sentence_and_exit_1(cli, pm_id, tmp_path, setup, args, message):
    path = tmp_path / "export.zip"
    if setup == "corrupt":
        path.write_bytes(b"not a zip at all")
    elif setup == "zip":
        fx.write_zip(path)
    elif setup == "all-bad":
        fx.write_zip(path, {n: "{" for n in fx.files() if "/" in n})
    result = cli("import-timeline", pm_id, str(path), *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert events(cli, pm_id) == []


def test_an_unknown_post_mortem_or_format(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("x", encoding="utf-8")
    assert cli("import-timeline", "NOPE", str(path), "-f", "csv").exit_code == 1
    result = cli("import-timeline", "NOPE", str(path))
    assert result.exit_code == 1 and "say slack, csv or jsonl" in result.stderr
    assert cli("import-timeline", "NOPE", str(path), "--format", "xml").exit_code == 2


def test_imported_markup_is_stored_and_exported_as_written(cli, pm_id, tmp_path):
    cli("import-timeline", pm_id, str(fx.write_folder(tmp_path)))
    texts = [e["text"] for e in events(cli, pm_id)]
    assert "literal [bold red]x[/bold red] and \x1b[31mred\x1b[0m" in texts


def test_progress_bar_stays_off_when_not_a_terminal(cli, pm_id, tmp_path, monkeypatch):
    monkeypatch.setattr("debrief.cli.timeline.PROGRESS_FROM_BYTES", 0)
    result = cli("import-timeline", pm_id, str(fx.write_folder(tmp_path)))
    assert result.exit_code == 0 and "reading" not in result.stderr
