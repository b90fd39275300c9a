"""The command-line contract for whole post-mortems: new, list, export, import, demo."""

from __future__ import annotations

import json
from datetime import date, timedelta

from debrief.sample import SAMPLE_ID


def test_new_prints_the_id_and_list_json_is_the_model(cli):
    result = cli("new", "Checkout down", "--severity", "SEV2", "--started", "2026-11-20T14:03:00Z")
    assert result.exit_code == 0 and result.stdout.strip() == "PM-1"
    listed = json.loads(cli("list", "--json").stdout)
    assert listed[0]["id"] == "PM-1"
    assert listed[0]["severity"] == "SEV2"
    assert listed[0]["started_at"] == "2026-11-20T14:03:00Z"
    assert listed[0]["debrief_due"] == "2026-11-27"


def test_list_shows_a_table_with_titles_literally(cli):
    cli("new", "[bold red]x[/bold red] outage")
    out = cli("list").stdout
    assert "[bold red]x[/bold red] outage" in out


def test_new_with_an_unknown_template_names_the_available_ones(cli):
    result = cli("new", "x", "--template", "nope")
    assert result.exit_code == 1
    assert "no template named 'nope'" in result.stderr and "default" in result.stderr


def test_new_with_a_user_template_from_the_config_dir(cli, isolated_env):
    folder = isolated_env / "config" / "debrief" / "templates"
    folder.mkdir(parents=True)
    (folder / "short.toml").write_text(
        'name = "short"\n[[sections]]\nkey = "what"\ntitle = "What happened"\n'
        'questions = ["What did you see?"]\n'
    )
    pm_id = cli("new", "x", "--template", "short").stdout.strip()
    doc = json.loads(cli("export", pm_id, "--format", "json").stdout)
    assert [s["key"] for s in doc["sections"]] == ["what"]


def test_bad_started_time_is_one_sentence(cli):
    result = cli("new", "x", "--started", "yesterday-ish")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "is not a time" in result.stderr


def test_markdown_export_is_a_complete_document(cli, store, demo_id):
    md = cli("export", demo_id, "--format", "md").stdout
    for heading in (
        "# Checkout card payments",
        "## Impact and scope",
        "## Timeline",
        "## Action items",
        "## If we have time",
    ):
        assert heading in md
    assert "| Action | Owner | Due |" in md
    assert "Ana Souza" in md and "**Time to detect:** 9m" in md
    assert "- Write a runbook page" in md  # the aspirational list


def test_html_export_is_standalone_and_escapes_user_text(cli, tmp_path):
    pm_id = cli("new", "<script>alert(1)</script>").stdout.strip()
    out = tmp_path / "doc.html"
    assert cli("export", pm_id, "--format", "html", "-o", str(out)).exit_code == 0
    page = out.read_text()
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_json_export_round_trips_through_import(cli, store, demo_id, tmp_path):
    path = tmp_path / "pm.json"
    cli("export", demo_id, "--format", "json", "-o", str(path))
    result = cli("import", str(path))
    assert result.exit_code == 0
    new_id = result.stdout.split()[0]
    assert new_id != demo_id and "was taken" in result.stdout
    original = json.loads(path.read_text())
    copied = json.loads(cli("export", new_id, "--format", "json").stdout)
    assert [s["body"] for s in copied["sections"]] == [s["body"] for s in original["sections"]]
    assert [e["text"] for e in copied["events"]] == [e["text"] for e in original["events"]]
    assert [(a["title"], a["owner"], a["due"]) for a in copied["actions"]] == [
        (a["title"], a["owner"], a["due"]) for a in original["actions"]
    ]


def test_import_of_a_list_and_of_bad_files(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = cli("import", str(bad))
    assert result.exit_code == 1 and "is not JSON (line 1" in result.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text('[{"postmortem": {"id": "A", "title": "a"}}, {"nope": 1}]')
    result = cli("import", str(wrong))
    assert result.exit_code == 1 and "post-mortem #2" in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []  # nothing half-imported
    assert cli("import", str(tmp_path / "missing.json")).exit_code == 1


def test_sample_incident_happened_three_days_ago(store, demo_id):
    pm = store.get_postmortem(SAMPLE_ID)
    assert pm.started_at.date() == store.today() - timedelta(days=3)
    assert len(store.events(demo_id)) == 40
    owned = [a for a in store.actions(demo_id) if not a.aspirational]
    assert 4 <= len(owned) <= 6 and all(a.owner and a.due for a in owned)
    assert {p.role for p in pm.participants} >= {"facilitator", "SRE"}


def test_version_and_help(cli):
    assert cli("--version").stdout.startswith("debrief ")
    help_text = cli("--help").stdout
    for command in (
        "new",
        "list",
        "open",
        "demo",
        "export",
        "import",
        "section",
        "action",
        "event",
    ):
        assert command in help_text


def test_past_debrief_dates_do_not_matter_to_export(cli):
    cli("new", "x", "--started", (date.today() - timedelta(days=30)).isoformat())
    assert cli("export", "PM-1").exit_code == 0
